import { type WorkCalendar, addDays, daysBetween } from './calendar';

/**
 * Period engine (CPL Art 85, applied through Rules Art 19; Rules Art 79 for working vs calendar days):
 * the start day is not counted; a working-day period skips rest days and holidays and counts make-up working days;
 * a calendar period whose last day is a rest day or holiday ends on the next working day; suspension intervals are
 * excluded; an approved extension is added. Every result carries the reasons for its date.
 */
export type PeriodKind = 'working' | 'calendar';

export interface Interval {
  /** First suspended day (inclusive). */
  start: string;
  /** Last suspended day (inclusive). */
  end: string;
}

export interface PeriodInput {
  /** The trigger date; it is not counted. */
  from: string;
  days: number;
  kind: PeriodKind;
  /** 'before': the latest date to act so that `days` days remain before `from` (hearing notices). */
  direction?: 'after' | 'before';
  suspensions?: readonly Interval[];
  extensionDays?: number;
  /** Why this period counts working or calendar days (shown with the result). */
  kindBasis?: string;
}

export interface PeriodResult {
  dueDate: string;
  provisional: boolean;
  provisionalYears: number[];
  /** Days excluded because the case was suspended. */
  excludedDays: number;
  /** The date the count ended on before rolling forward (or back) off a rest day, if it did. */
  rolledFrom: string | null;
  basis: string[];
}

export const CPL_85 = '《民事诉讼法》第八十五条，经《劳动人事争议仲裁办案规则》第十九条适用';
export const ART_79_WORKING = '《劳动人事争议仲裁办案规则》第七十九条：3日、5日、10日按工作日计算（按本委设置）';
export const ART_79_CALENDAR = '《劳动人事争议仲裁办案规则》第七十九条：15日、45日按自然日计算（按本委设置）';

const describeDay = (cal: WorkCalendar, d: string) => {
  const r = cal.day(d).reason;
  return r === 'holiday' || r === 'fixed-holiday' ? '法定节假日' : '休息日';
};

export function computePeriod(cal: WorkCalendar, input: PeriodInput): PeriodResult {
  const { from, days, kind } = input;
  const before = input.direction === 'before';
  const step = before ? -1 : 1;
  const extension = input.extensionDays ?? 0;
  const total = days + extension;
  const suspensions = input.suspensions ?? [];
  const suspended = (d: string) => suspensions.some((s) => d >= s.start && d <= s.end);
  const provisional = new Set<number>();
  const touch = (d: string) => {
    if (cal.day(d).provisional) provisional.add(Number(d.slice(0, 4)));
  };

  let d = from;
  let counted = 0;
  let excluded = 0;
  while (counted < total) {
    d = addDays(d, step);
    touch(d);
    if (!before && suspended(d)) {
      excluded++;
      continue;
    }
    if (kind === 'working' && !cal.day(d).working) continue;
    counted++;
  }
  let rolledFrom: string | null = null;
  if (kind === 'calendar' && !cal.day(d).working) {
    rolledFrom = d;
    while (!cal.day(d).working) {
      d = addDays(d, step);
      touch(d);
    }
  }

  const basis: string[] = [];
  if (before) {
    basis.push(`自 ${from} 向前计算${kind === 'working' ? '工作日' : '自然日'} ${days} 日，${from} 当日不计入（${CPL_85}）`);
  } else {
    basis.push(`起算日 ${from} 不计入（${CPL_85}）`);
    basis.push(kind === 'working' ? `按工作日计算 ${days} 日，休息日和法定节假日不计入，调休上班日计入` : `按自然日计算 ${days} 日`);
  }
  if (input.kindBasis) basis.push(input.kindBasis);
  if (extension) basis.push(`经批准延长 ${extension} 日（《劳动争议调解仲裁法》第四十三条；《办案规则》第四十五条）`);
  for (const s of suspensions) {
    const n = daysBetween(s.start, s.end) + 1;
    if (!before) basis.push(`中止期间 ${s.start} 至 ${s.end} 共 ${n} 日不计入（《办案规则》第四十六条）`);
  }
  if (rolledFrom) {
    basis.push(
      before
        ? `${rolledFrom} 为${describeDay(cal, rolledFrom)}，提前至此前最后一个工作日 ${d}`
        : `期间届满日 ${rolledFrom} 为${describeDay(cal, rolledFrom)}，顺延至其后第一个工作日 ${d}（${CPL_85}）`,
    );
  }
  const years = [...provisional].sort();
  if (years.length) basis.push(`${years.join('、')}年放假安排尚未载入：按周末及固定日期法定节假日临时推算，结果为暂定`);
  return { dueDate: d, provisional: years.length > 0, provisionalYears: years, excludedDays: excluded, rolledFrom, basis };
}

/**
 * The one-year limitation period (LDMAL Art 27): from the day after the worker knew or should have known, restarted by
 * an interruption, paused by a suspension; for wages unpaid during employment, one year from the end of employment.
 * The result is indicative: the arbitrators decide.
 */
export interface LimitationInput {
  knewDate: string;
  interruptions?: readonly string[];
  suspensions?: readonly Interval[];
  wageArrearsDuringEmployment?: boolean;
  employmentEndDate?: string | null;
}

export interface LimitationResult {
  /** Null while employment continues for wage arrears (no limitation runs). */
  expiry: string | null;
  provisional: boolean;
  basis: string[];
}

export function limitationExpiry(cal: WorkCalendar, input: LimitationInput, today: string): LimitationResult {
  const basis: string[] = [];
  if (input.wageArrearsDuringEmployment) {
    if (!input.employmentEndDate) {
      return { expiry: null, provisional: false, basis: ['劳动关系存续期间因拖欠劳动报酬发生争议的，不受一年仲裁时效期间的限制（《劳动争议调解仲裁法》第二十七条第四款）'] };
    }
    basis.push(`拖欠劳动报酬：自劳动关系终止之日 ${input.employmentEndDate} 起计算一年（《劳动争议调解仲裁法》第二十七条第四款）`);
  }
  let start = input.wageArrearsDuringEmployment ? input.employmentEndDate! : input.knewDate;
  if (!input.wageArrearsDuringEmployment) basis.push(`自知道或者应当知道权利被侵害之日 ${start} 起计算一年（《劳动争议调解仲裁法》第二十七条第一款）`);
  const interruptions = [...(input.interruptions ?? [])].filter((d) => d > start).sort();
  if (interruptions.length) {
    start = interruptions[interruptions.length - 1]!;
    basis.push(`时效于 ${interruptions.join('、')} 中断，自最后一次中断之日 ${start} 起重新计算（第二十七条第二款）`);
  }
  // A year: the same month and day in the next year (29 February becomes 28 February).
  const [y, m, d] = start.split('-').map(Number) as [number, number, number];
  const nextYear = new Date(Date.UTC(y + 1, m - 1, d));
  let end = (nextYear.getUTCMonth() === m - 1 ? nextYear : new Date(Date.UTC(y + 1, m, 0))).toISOString().slice(0, 10);
  let paused = 0;
  for (const s of input.suspensions ?? []) {
    if (s.end < start) continue;
    const n = daysBetween(s.start < start ? addDays(start, 1) : s.start, s.end) + 1;
    if (n > 0) {
      paused += n;
      basis.push(`时效中止 ${s.start} 至 ${s.end}，中止期间 ${n} 日不计入（第二十七条第三款）`);
    }
  }
  end = addDays(end, paused);
  const provisional = !cal.isLoaded(Number(end.slice(0, 4)));
  if (!cal.day(end).working) {
    const rolled = cal.nextWorkingDay(end);
    basis.push(`届满日 ${end} 为休息日或法定节假日，顺延至 ${rolled}（${CPL_85}）`);
    end = rolled;
  }
  basis.push(end < today ? `按登记日期推算，时效已于 ${end} 届满（仅为提示，由仲裁庭认定）` : `时效届满日为 ${end}（仅为提示，由仲裁庭认定）`);
  if (provisional) basis.push(`${end.slice(0, 4)}年放假安排尚未载入，顺延结果为暂定`);
  return { expiry: end, provisional, basis };
}
