import { addDays, daysBetween } from './calendar';
import { fenToYuanText } from './money';

/**
 * Employer supervision (issue 16 items 2, 3 and 5): grades 一般 / 重点 / 隐患, early-warning rules and the blacklist's
 * periods. Every rule is data — a dated setting with the date it applies from and its basis — and these functions only
 * apply a given rule to given signals, so each can be tested at its boundaries on hand-built signals.
 *
 * Basis: no national rule fixes the grade criteria or the warning triggers; they are the commission's local practice
 * (差别化监管, domain-rules.md §12), held as settings whose basis names the commission's own work rules. The blacklist's
 * listing period and early removal come from 《拖欠农民工工资失信联合惩戒对象名单管理暂行办法》 (人社部令第45号); the
 * day counts of the notice step are not verified (docs/rules.md) and are settings too.
 */

export const GRADES = ['general', 'key', 'hazard'] as const;
export type Grade = (typeof GRADES)[number];
export const GRADE_LABELS: Record<Grade, string> = { general: '一般企业', key: '重点企业', hazard: '隐患企业' };
const GRADE_ORDER: Record<Grade, number> = { general: 0, key: 1, hazard: 2 };
export const gradeAbove = (a: Grade, b: Grade): boolean => GRADE_ORDER[a] > GRADE_ORDER[b];

/** A dated setting: the value applies from validFrom (inclusive) until a later one replaces it. */
export interface DatedValue<T> {
  validFrom: string;
  value: T;
  basis: string;
}

/** The value in force on a date: the latest validFrom on or before it (the earliest one if the date precedes them all). */
export function inForce<T>(versions: readonly DatedValue<T>[], date: string): DatedValue<T> {
  const sorted = [...versions].sort((a, b) => a.validFrom.localeCompare(b.validFrom));
  let pick = sorted[0]!;
  for (const v of sorted) if (v.validFrom <= date) pick = v;
  return pick;
}

/** What the register knows about an employer in a window (computed by the queries; hand-built in the tests). */
export interface EmployerSignals {
  /** cases filed against the employer (received in the window) */
  cases: number;
  /** consultations naming the employer (arrived in the window) */
  consultations: number;
  /** wage-arrears claims: cases with a wage claim plus consultations about wages */
  arrearsClaims: number;
  /** workers involved in those claims */
  arrearsWorkers: number;
  /** amounts claimed in them, in fen */
  arrearsFen: number;
  /** collective disputes (10 or more workers, 办案规则 Art 62, or marked collective) */
  collective: number;
  /** awards or mediation agreements the employer has not paid (recorded as unpaid) */
  unpaid: number;
  /** inspection findings ordered to be rectified and not yet rectified */
  openFindings: number;
  /** of which the rectification deadline has passed */
  overdueFindings: number;
}

export const NO_SIGNALS: EmployerSignals = { cases: 0, consultations: 0, arrearsClaims: 0, arrearsWorkers: 0, arrearsFen: 0, collective: 0, unpaid: 0, openFindings: 0, overdueFindings: 0 };

/** Thresholds: a grade applies when any signal reaches its threshold (null: not used). */
export interface GradeThresholds {
  disputes: number | null;
  arrearsClaims: number | null;
  arrearsWorkers: number | null;
  arrearsFen: number | null;
  collective: number | null;
  unpaid: number | null;
  openFindings: number | null;
  overdueFindings: number | null;
}

export interface GradeRules {
  /** the window, in days before the date graded (inclusive of that date) */
  windowDays: number;
  key: GradeThresholds;
  hazard: GradeThresholds;
  /** days between visits for each grade */
  visitEveryDays: Record<Grade, number>;
}

export const LOCAL_BASIS = '本委劳动保障监察差别化监管工作制度（地方做法，非国家规定）';

export const DEFAULT_GRADE_RULES: DatedValue<GradeRules> = {
  validFrom: '2020-01-01',
  basis: LOCAL_BASIS,
  value: {
    windowDays: 365,
    key: { disputes: 3, arrearsClaims: 2, arrearsWorkers: 5, arrearsFen: 5_000_000, collective: null, unpaid: null, openFindings: 1, overdueFindings: null },
    hazard: { disputes: null, arrearsClaims: 5, arrearsWorkers: 10, arrearsFen: 20_000_000, collective: 1, unpaid: 1, openFindings: null, overdueFindings: 1 },
    visitEveryDays: { general: 365, key: 180, hazard: 90 },
  },
};

const SIGNAL_TEXT: Record<keyof GradeThresholds, (s: EmployerSignals, n: number) => string> = {
  disputes: (s, n) => `案件及咨询${s.cases + s.consultations}件（达到${n}件）`,
  arrearsClaims: (s, n) => `欠薪诉求${s.arrearsClaims}件（达到${n}件）`,
  arrearsWorkers: (s, n) => `涉及欠薪劳动者${s.arrearsWorkers}人（达到${n}人）`,
  arrearsFen: (s, n) => `涉及欠薪金额${fenToYuanText(s.arrearsFen)}元（达到${fenToYuanText(n)}元）`,
  collective: (s, n) => `集体争议${s.collective}件（达到${n}件）`,
  unpaid: (s, n) => `裁决或调解协议逾期未履行${s.unpaid}件（达到${n}件）`,
  openFindings: (s, n) => `责令整改未完成${s.openFindings}项（达到${n}项）`,
  overdueFindings: (s, n) => `逾期未整改${s.overdueFindings}项（达到${n}项）`,
};

/** Signals that are a state on the graded day, not counted in the window: open orders and unpaid awards. */
const CURRENT_STATE = new Set<keyof GradeThresholds>(['unpaid', 'openFindings', 'overdueFindings']);

const signalValue = (s: EmployerSignals, k: keyof GradeThresholds): number => (k === 'disputes' ? s.cases + s.consultations : s[k]);

function reached(s: EmployerSignals, t: GradeThresholds, windowDays: number): string[] {
  const out: string[] = [];
  for (const k of Object.keys(SIGNAL_TEXT) as (keyof GradeThresholds)[]) {
    const n = t[k];
    if (n !== null && n !== undefined && signalValue(s, k) >= n) out.push(`${CURRENT_STATE.has(k) ? '现有' : `${windowDays}日内`}${SIGNAL_TEXT[k](s, n)}`);
  }
  return out;
}

export interface GradeResult {
  grade: Grade;
  /** each reason in Chinese; the basis last */
  reasons: string[];
}

/** The grade the rules give: 隐患 if any hazard threshold is reached, else 重点 if any key threshold is, else 一般. */
export function computeGrade(s: EmployerSignals, rule: DatedValue<GradeRules>): GradeResult {
  const r = rule.value;
  const basis = `依据：${rule.basis}（${rule.validFrom}起施行）`;
  const hazard = reached(s, r.hazard, r.windowDays);
  if (hazard.length) return { grade: 'hazard', reasons: [...hazard, basis] };
  const key = reached(s, r.key, r.windowDays);
  if (key.length) return { grade: 'key', reasons: [...key, basis] };
  return { grade: 'general', reasons: [`${r.windowDays}日内未达到重点企业或隐患企业的任一标准`, basis] };
}

/** The date the next visit is due: the last visit plus the grade's interval (never visited: due now). */
export function nextVisitDue(grade: Grade, lastVisit: string | null, rule: GradeRules, today: string): string {
  return lastVisit ? addDays(lastVisit, rule.visitEveryDays[grade]) : today;
}

// ---------------------------------------------------------------- performance of awards and agreements (履行情况)

/**
 * 《劳动争议调解仲裁法》第五十一条: the parties must perform an effective 调解书 or 裁决书 within the period it sets; when one
 * party does not, the other may apply to the people's court for enforcement (申请强制执行). The desk records what the
 * clerk learns — paid in full, in part, or not paid — as of a date; the latest record of an instrument is its state.
 */
export const PERFORMANCE_STATUSES = ['paid', 'partial', 'unpaid'] as const;
export type PerformanceStatus = (typeof PERFORMANCE_STATUSES)[number];
export const PERFORMANCE_LABELS: Record<PerformanceStatus, string> = { paid: '已全部履行', partial: '部分履行', unpaid: '未履行' };
export const PERFORMANCE_BASIS = '《劳动争议调解仲裁法》第五十一条';

export interface PerformanceRecord {
  /** the case whose award or 调解书 it is (one instrument per case: the one it was closed with) */
  caseId: string;
  /** the last day of the period the instrument sets for performance */
  dueDate: string;
  status: PerformanceStatus;
  /** the date the state was established */
  asOf: string;
  /** the date enforcement was applied for, if it was */
  enforcementDate: string | null;
}

/**
 * The instruments not performed on `day`: for each case the latest record on or before `day` (records in the order
 * they were written break ties), counted when it is not 已全部履行 and the due date has passed (the due date itself is
 * still within the period). An application for enforcement does not end the default; only a record of full payment does.
 */
export function unpaidInstruments(records: readonly PerformanceRecord[], day: string): string[] {
  const latest = new Map<string, PerformanceRecord>();
  for (const r of records) {
    if (r.asOf > day) continue;
    const prev = latest.get(r.caseId);
    if (!prev || r.asOf >= prev.asOf) latest.set(r.caseId, r);
  }
  return [...latest.values()].filter((r) => r.status !== 'paid' && r.dueDate < day).map((r) => r.caseId);
}

// ---------------------------------------------------------------- early warning

export const WARNING_RULES = ['cluster', 'collective', 'amount', 'festival'] as const;
export type WarningRule = (typeof WARNING_RULES)[number];
export const WARNING_RULE_LABELS: Record<WarningRule, string> = {
  cluster: '多名劳动者短期内集中反映欠薪', collective: '集体欠薪争议', amount: '欠薪金额较大', festival: '春节前建设领域欠薪',
};

export interface WarningRules {
  cluster: { workers: number; withinDays: number } | null;
  /** workers that make a dispute collective (办案规则 Art 62: ten or more) */
  collective: { workers: number } | null;
  amount: { fen: number; withinDays: number } | null;
  /** construction employers with arrears claims within `daysBefore` days before the Spring Festival (dates per year) */
  festival: { daysBefore: number; springFestival: Record<string, string> } | null;
}

export const DEFAULT_WARNING_RULES: DatedValue<WarningRules> = {
  validFrom: '2020-01-01',
  basis: '本委欠薪预警工作制度（地方做法，非国家规定）；集体争议人数依《劳动人事争议仲裁办案规则》第六十二条',
  value: {
    cluster: { workers: 3, withinDays: 7 },
    collective: { workers: 10 },
    amount: { fen: 10_000_000, withinDays: 30 },
    festival: { daysBefore: 60, springFestival: { 2025: '2025-01-29', 2026: '2026-02-17', 2027: '2027-02-06', 2028: '2028-01-26' } },
  },
};

/** One wage-arrears claim against the employer (a consultation or a case), as the warning rules see it. */
export interface ArrearsEvent {
  date: string;
  workers: number;
  fen: number;
  collective: boolean;
  /** who raised it, for the bulletin: 咨询 or 案件 */
  source: string;
}

export interface RaisedWarning {
  rule: WarningRule;
  signals: string[];
}

/** The warnings the rules raise on `today` from an employer's arrears claims (its sector decides the festival rule). */
export function evaluateWarnings(events: readonly ArrearsEvent[], sector: 'construction' | 'other' | null, rule: DatedValue<WarningRules>, today: string): RaisedWarning[] {
  const r = rule.value;
  const out: RaisedWarning[] = [];
  const within = (days: number) => events.filter((e) => e.date <= today && daysBetween(e.date, today) < days);
  if (r.cluster) {
    const ev = within(r.cluster.withinDays);
    const workers = ev.reduce((n, e) => n + e.workers, 0);
    if (workers >= r.cluster.workers) out.push({ rule: 'cluster', signals: [`${r.cluster.withinDays}日内${workers}名劳动者反映欠薪（${ev.length}件；预警标准${r.cluster.workers}人）`] });
  }
  if (r.collective) {
    const big = events.filter((e) => e.date <= today && (e.collective || e.workers >= r.collective!.workers));
    const latest = big[big.length - 1];
    if (latest) out.push({ rule: 'collective', signals: [`${latest.date}集体欠薪争议，涉及${latest.workers}名劳动者（十人以上为集体争议，《劳动人事争议仲裁办案规则》第六十二条）`] });
  }
  if (r.amount) {
    const fen = within(r.amount.withinDays).reduce((n, e) => n + e.fen, 0);
    if (fen >= r.amount.fen) out.push({ rule: 'amount', signals: [`${r.amount.withinDays}日内反映欠薪金额${fenToYuanText(fen)}元（预警标准${fenToYuanText(r.amount.fen)}元）`] });
  }
  if (r.festival && sector === 'construction') {
    const year = Number(today.slice(0, 4));
    const festival = [r.festival.springFestival[year], r.festival.springFestival[year + 1]].find((d) => d && d >= today && daysBetween(today, d) <= r.festival!.daysBefore);
    const recent = festival ? events.filter((e) => e.date <= today && daysBetween(e.date, festival) <= r.festival!.daysBefore) : [];
    if (festival && recent.length) {
      out.push({ rule: 'festival', signals: [`建设领域，距春节（${festival}）${daysBetween(today, festival)}日，节前${r.festival.daysBefore}日内欠薪反映${recent.length}件`] });
    }
  }
  return out;
}

// ---------------------------------------------------------------- blacklist (欠薪失信名单)

export interface BlacklistRules {
  /** days the employer has to state its case after the notice (陈述申辩) — UNVERIFIED, docs/rules.md */
  statementDays: number;
  /** listing period in years (3) */
  listingYears: number;
  /** months after paying before early removal may be applied for (6) */
  earlyRemovalMonths: number;
  /** the labour-security department that decides and issues the papers (not the commission) */
  department: string;
}

export const BLACKLIST_REGULATION = '《拖欠农民工工资失信联合惩戒对象名单管理暂行办法》';

export const DEFAULT_BLACKLIST_RULES: DatedValue<BlacklistRules> = {
  validFrom: '2022-01-01',
  basis: `${BLACKLIST_REGULATION}（人力资源社会保障部令第45号，2022年1月1日起施行）`,
  value: { statementDays: 5, listingYears: 3, earlyRemovalMonths: 6, department: '成都市温江区人力资源和社会保障局' },
};

/** Adds whole months to a date; a day that does not exist in the target month becomes its last day. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const ty = Math.floor(total / 12);
  const tm = total % 12;
  const last = new Date(Date.UTC(ty, tm + 1, 0)).getUTCDate();
  return `${String(ty).padStart(4, '0')}-${String(tm + 1).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** The end of the listing period: the decision date plus the listing years, the day before the anniversary. */
export const listingEnd = (decisionDate: string, r: BlacklistRules): string => addDays(addMonths(decisionDate, r.listingYears * 12), -1);
/** The earliest date early removal may be applied for: the payment date plus the months. */
export const earlyRemovalFrom = (paidDate: string, r: BlacklistRules): string => addMonths(paidDate, r.earlyRemovalMonths);

// ---------------------------------------------------------------- towns and streets

/** Towns and streets of the district (data; a dated setting the administrator keeps). */
export const DEFAULT_TOWNS: DatedValue<string[]> = {
  validFrom: '2020-01-01',
  basis: '温江区行政区划（以区民政部门公布为准）',
  value: ['柳城街道', '公平街道', '天府街道', '永宁街道', '涌泉街道', '金马街道', '和盛镇', '寿安镇', '万春镇'],
};

export const SUPERVISION_SETTING_KEYS = ['supervision.gradeRules', 'supervision.warningRules', 'supervision.blacklistRules', 'supervision.towns'] as const;
export type SupervisionSettingKey = (typeof SUPERVISION_SETTING_KEYS)[number];
export const SUPERVISION_DEFAULTS: Record<SupervisionSettingKey, DatedValue<unknown>> = {
  'supervision.gradeRules': DEFAULT_GRADE_RULES,
  'supervision.warningRules': DEFAULT_WARNING_RULES,
  'supervision.blacklistRules': DEFAULT_BLACKLIST_RULES,
  'supervision.towns': DEFAULT_TOWNS,
};
