import { isCalendarDate, weekdayOf } from './dates';

/**
 * The working-day calendar. A year whose official schedule (放假调休) is loaded is exact; any other year is
 * provisional: weekends plus the fixed-date statutory holidays only (the lunar holidays and the make-up working
 * days of such a year are unknown until the State Council publishes its notice, domain-rules §2.2 and §10).
 */
export interface CalendarYear {
  year: number;
  notice: string;
  published: string;
  source: string;
  /** Inclusive ranges of rest days (放假). */
  rest: [string, string][];
  /** Weekend days that are working days (调休上班). */
  work: string[];
}

/** Fixed-date statutory holidays (全国年节及纪念日放假办法, 2024 revision, Art 2): New Year, Labour Day, National Day. */
export const FIXED_DATE_HOLIDAYS = ['01-01', '05-01', '05-02', '10-01', '10-02', '10-03'] as const;
export const FIXED_HOLIDAY_BASIS = '《全国年节及纪念日放假办法》（2024年修订）第二条';

export interface DayInfo {
  date: string;
  working: boolean;
  /** True when the year's official schedule is not loaded. */
  provisional: boolean;
  reason: 'weekday' | 'weekend' | 'holiday' | 'make-up-workday' | 'fixed-holiday';
}

const DAY = 86_400_000;
export const addDays = (date: string, n: number): string => new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
export const daysBetween = (from: string, to: string): number => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);
const weekday = weekdayOf;

/** Checks a year's schedule before it is loaded; returns the Chinese problems found (empty when valid). */
export function checkCalendarYear(y: CalendarYear): string[] {
  const problems: string[] = [];
  // The example file shows the format; loaded as official it would unmark a year's periods as 暂定.
  if (/示例|样例|example/i.test(`${y.notice}${y.source}`)) {
    problems.push('这是示例文件（通知名称或来源写有“示例”），不能作为正式放假安排导入：请按国务院办公厅正式通知填写通知名称、发布日期和来源');
  }
  const inYear = (d: string) => isCalendarDate(d) && d.startsWith(`${y.year}-`);
  for (const [a, b] of y.rest) {
    if (!inYear(a) || !inYear(b)) problems.push(`放假区间 ${a} 至 ${b} 不是 ${y.year} 年的有效日期`);
    else if (b < a) problems.push(`放假区间 ${a} 至 ${b} 的结束日早于开始日`);
    else if (daysBetween(a, b) > 14) problems.push(`放假区间 ${a} 至 ${b} 超过15天，请核对`);
  }
  for (const d of y.work) {
    if (!inYear(d)) problems.push(`调休上班日 ${d} 不是 ${y.year} 年的有效日期`);
    else if (weekday(d) !== 0 && weekday(d) !== 6) problems.push(`调休上班日 ${d} 不是周末`);
    else if (y.rest.some(([a, b]) => d >= a && d <= b)) problems.push(`调休上班日 ${d} 落在放假区间内`);
  }
  return problems;
}

export class WorkCalendar {
  private readonly rest = new Set<string>();
  private readonly work = new Set<string>();
  private readonly years = new Map<number, CalendarYear>();

  constructor(years: readonly CalendarYear[]) {
    for (const y of years) {
      this.years.set(y.year, y);
      for (const [a, b] of y.rest) for (let d = a; d <= b; d = addDays(d, 1)) this.rest.add(d);
      for (const d of y.work) this.work.add(d);
    }
  }

  loadedYears(): CalendarYear[] {
    return [...this.years.values()].sort((a, b) => a.year - b.year);
  }

  isLoaded(year: number): boolean {
    return this.years.has(year);
  }

  day(date: string): DayInfo {
    const year = Number(date.slice(0, 4));
    const wd = weekday(date);
    const weekend = wd === 0 || wd === 6;
    if (this.years.has(year)) {
      if (this.rest.has(date)) return { date, working: false, provisional: false, reason: 'holiday' };
      if (this.work.has(date)) return { date, working: true, provisional: false, reason: 'make-up-workday' };
      return { date, working: !weekend, provisional: false, reason: weekend ? 'weekend' : 'weekday' };
    }
    if ((FIXED_DATE_HOLIDAYS as readonly string[]).includes(date.slice(5))) return { date, working: false, provisional: true, reason: 'fixed-holiday' };
    return { date, working: !weekend, provisional: true, reason: weekend ? 'weekend' : 'weekday' };
  }

  /** The first working day on or after `date`. */
  nextWorkingDay(date: string): string {
    let d = date;
    while (!this.day(d).working) d = addDays(d, 1);
    return d;
  }
}
