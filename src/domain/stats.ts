import { COLLECTIVE_MIN_WORKERS, type ClaimType } from './case-terms';

/**
 * Statistics (issue 15): the rows of the ministry's periodic table 劳动人事争议处理情况, the mapping of claim types to its
 * causes of dispute, the definitions of the results of closed cases, and how a change between two periods is written.
 * The definitions are documented for users in docs/statistics.md and cited on the report screen.
 */

/** 集体劳动争议: the worker side counts COLLECTIVE_MIN_WORKERS (10) or more (LDMAL Art 7; Arbitration Rules Arts 5, 62). */
export const COLLECTIVE_BASIS = '《劳动争议调解仲裁法》第七条；《劳动人事争议仲裁办案规则》第五条、第六十二条';

export const STAT_CAUSES = {
  pay: '劳动报酬',
  social_insurance: '社会保险',
  contract_end: '解除、终止劳动合同',
  work_injury: '工伤',
  employment: '确认劳动关系',
  other: '其他',
} as const;
export type StatCause = keyof typeof STAT_CAUSES;
export const STAT_CAUSE_CODES = Object.keys(STAT_CAUSES) as StatCause[];

/**
 * The cause of a case is the cause of its FIRST claim item (申请人所列第一项仲裁请求), mapped by claim type.
 * Overtime, unused annual leave and the double wage for a missing written contract (LCL Art 82) are pay; economic
 * compensation and damages for unlawful termination (LCL Arts 46–47, 87) are termination of the contract.
 */
export const CAUSE_OF_CLAIM_TYPE: Record<ClaimType, StatCause> = {
  wages: 'pay', overtime: 'pay', annual_leave: 'pay', double_wages: 'pay',
  economic_compensation: 'contract_end', damages: 'contract_end',
  social_insurance: 'social_insurance', work_injury: 'work_injury', confirm_employment: 'employment', other: 'other',
};

/** How a case was closed, as the table groups it (from case_closures.method). */
export const STAT_MANNERS = { mediation: '仲裁调解', award: '仲裁裁决', withdrawal: '撤回', other: '其他' } as const;
export type StatManner = keyof typeof STAT_MANNERS;
export const MANNER_OF_CLOSING: Record<string, StatManner> = {
  mediation: 'mediation', award: 'award', withdrawal: 'withdrawal', deemed_withdrawal: 'withdrawal',
  revocation: 'other', transfer: 'other', termination: 'other',
};

/**
 * Results of closed cases, from the per-claim results (claim_decisions; withdrawn items left out):
 * - 劳动者胜诉: closed by award and every decided item of the worker's claims is supported in full
 *   (for an employer's application: every item rejected);
 * - 用人单位胜诉: closed by award and every decided item of the worker's claims is rejected (employer's application: all supported);
 * - 双方部分胜诉: closed by award with any other mix (an item partly supported, or some supported and some rejected), or
 *   closed by mediation (both sides concede, LDMAL Art 42);
 * - 其他（不计胜负）: withdrawals and other closings, and awards without any decided item.
 */
export const STAT_RESULTS = { employer: '用人单位胜诉', worker: '劳动者胜诉', both: '双方部分胜诉', none: '其他（不计胜负）' } as const;
export type StatResult = keyof typeof STAT_RESULTS;

/** The award period: 45 days from acceptance, extendable once by up to 15 days (LDMAL Art 43; Rules Arts 45–46). */
export const AWARD_PERIOD_DAYS = 45;
export const AWARD_PERIOD_BASIS = '《劳动争议调解仲裁法》第四十三条';

export type Measure = 'count' | 'workers' | 'amount';

/** One row of the official table. `unit` tells the reader what the figure counts. */
export interface OfficialRowDef {
  key: string;
  label: string;
  level: 0 | 1 | 2;
  measure: Measure;
  note?: string;
}

export const OFFICIAL_ROWS: readonly OfficialRowDef[] = [
  { key: 'carried', label: '上期未结案件数', level: 0, measure: 'count', note: '期初前受理、期初尚未结案' },
  { key: 'accepted', label: '当期案件受理数', level: 0, measure: 'count', note: '受理日期在本期内' },
  { key: 'acceptedCollective', label: '#集体劳动争议', level: 1, measure: 'count', note: `劳动者一方${COLLECTIVE_MIN_WORKERS}人以上（${COLLECTIVE_BASIS}）` },
  { key: 'acceptedByWorker', label: '#劳动者申请', level: 1, measure: 'count', note: '申请人为劳动者' },
  ...STAT_CAUSE_CODES.map((c) => ({ key: `cause_${c}`, label: STAT_CAUSES[c], level: 1 as const, measure: 'count' as const, note: '按争议原因：第一项仲裁请求的类型' })),
  { key: 'workers', label: '劳动者当事人数', level: 0, measure: 'workers', note: '当期受理案件的劳动者申请人人数' },
  { key: 'collectiveWorkers', label: '#集体争议劳动者', level: 1, measure: 'workers' },
  { key: 'amount', label: '涉及金额（元）', level: 0, measure: 'amount', note: '当期受理案件仲裁请求金额合计' },
  { key: 'closed', label: '结案数', level: 0, measure: 'count', note: '结案日期在本期内' },
  { key: 'closedMediation', label: '仲裁调解', level: 1, measure: 'count', note: '按结案方式' },
  { key: 'closedAward', label: '仲裁裁决', level: 1, measure: 'count' },
  { key: 'closedFinal', label: '#终局裁决', level: 2, measure: 'count', note: '裁决中有终局裁决事项（《劳动争议调解仲裁法》第四十七条）' },
  { key: 'closedWithdrawal', label: '撤回', level: 1, measure: 'count', note: '撤回仲裁申请、按撤回处理' },
  { key: 'closedOther', label: '其他', level: 1, measure: 'count', note: '撤销案件、移送管辖、终结审理' },
  { key: 'resultEmployer', label: STAT_RESULTS.employer, level: 1, measure: 'count', note: '按处理结果：裁决结案的各项请求全部驳回（用人单位申请的为全部支持）' },
  { key: 'resultWorker', label: STAT_RESULTS.worker, level: 1, measure: 'count', note: '按处理结果：裁决结案的各项请求全部支持（用人单位申请的为全部驳回）' },
  { key: 'resultBoth', label: STAT_RESULTS.both, level: 1, measure: 'count', note: '按处理结果：裁决部分支持，或调解结案（《劳动争议调解仲裁法》第四十二条）' },
  { key: 'resultNone', label: STAT_RESULTS.none, level: 1, measure: 'count', note: '撤回、撤销、移送、终结等' },
  { key: 'pending', label: '当期未结案件数', level: 0, measure: 'count', note: '期末前受理、期末尚未结案' },
  { key: 'overdue', label: '超过审限结案数', level: 0, measure: 'count', note: `结案日期晚于审限届满日（${AWARD_PERIOD_BASIS}）` },
];
export type OfficialKey = string;

/** Derived figures: 仲裁结案率 = 结案数 ÷ (上期未结 + 当期受理); 调解结案率 = 仲裁调解 ÷ 结案数; average days acceptance → closing. */
export const OFFICIAL_RATES = [
  { key: 'closingRate', label: '仲裁结案率', numerator: 'closed', denominator: ['carried', 'accepted'], note: '结案数 ÷（上期未结案件数 + 当期案件受理数）' },
  { key: 'mediationRate', label: '调解结案率', numerator: 'closedMediation', denominator: ['closed'], note: '仲裁调解结案数 ÷ 结案数' },
] as const;

/** A rate as a percentage with one decimal, or null when the denominator is zero. */
export function percent(numerator: number, denominator: number): number | null {
  if (!denominator) return null;
  return Math.round((numerator * 1000) / denominator) / 10;
}

/** 'Round half away from zero' to one decimal, free of binary noise. */
const round1 = (x: number): number => Math.sign(x) * Math.round(Math.abs(x) * 10 + 1e-9) / 10;

/** A count's change between two periods as people write it: "上升12.5%", "下降30.3%", "持平"; "—" without a base. */
export function countChange(current: number, previous: number): { value: number | null; text: string } {
  if (previous === 0) return { value: null, text: current === 0 ? '持平' : '—（上期为0）' };
  const v = round1(((current - previous) * 100) / previous);
  return { value: v, text: v === 0 ? '持平' : `${v > 0 ? '上升' : '下降'}${Math.abs(v)}%` };
}

/** A rate's change in percentage points: "上升34个百分点", "下降2.5个百分点". */
export function rateChange(current: number | null, previous: number | null): { value: number | null; text: string } {
  if (current === null || previous === null) return { value: null, text: '—' };
  const v = round1(current - previous);
  return { value: v, text: v === 0 ? '持平' : `${v > 0 ? '上升' : '下降'}${Math.abs(v)}个百分点` };
}

/** The definitions behind the figures, as shown beside the report and in its workbook (docs/statistics.md holds the same). */
export const STATISTICS_DEFINITIONS: readonly (readonly [string, string])[] = [
  ['统计范围', '已受理的案件（含历史导入）；不予受理的申请和草稿不计入。'],
  ['上期未结案件数', '受理日期早于统计期间开始日、且在开始日尚未结案的案件。'],
  ['当期案件受理数', '受理日期在统计期间内的案件。'],
  ['集体劳动争议', `劳动者一方${COLLECTIVE_MIN_WORKERS}人以上的案件（${COLLECTIVE_BASIS}）。`],
  ['劳动者申请', '申请人为劳动者（自然人）的案件。'],
  ['争议原因', `按申请人所列第一项仲裁请求的类型归类：劳动报酬（劳动报酬、加班费、未休年休假工资、未签劳动合同二倍工资差额）；社会保险；解除、终止劳动合同（经济补偿、赔偿金）；工伤（工伤待遇）；确认劳动关系；其他。`],
  ['劳动者当事人数', '当期受理案件中作为申请人的劳动者人数（按案件当事人计）。'],
  ['涉及金额', '当期受理案件全部仲裁请求金额之和（元）。'],
  ['结案数', '结案日期在统计期间内的案件；按结案方式分为仲裁调解、仲裁裁决（其中终局裁决：裁决中有终局裁决事项，《劳动争议调解仲裁法》第四十七条）、撤回（撤回仲裁申请、按撤回仲裁申请处理）和其他（撤销案件、移送管辖、终结审理）。'],
  ['劳动者胜诉', '裁决结案，且劳动者提出的各项请求（撤回的除外）全部获得支持；用人单位申请的案件为其请求全部被驳回。'],
  ['用人单位胜诉', '裁决结案，且劳动者提出的各项请求（撤回的除外）全部被驳回；用人单位申请的案件为其请求全部获得支持。'],
  ['双方部分胜诉', '裁决结案且结果为部分支持，或部分请求支持、部分驳回；以及调解结案（《劳动争议调解仲裁法》第四十二条）。'],
  ['其他（不计胜负）', '撤回、撤销、移送、终结等结案方式，以及无裁决事项的裁决结案。'],
  ['当期未结案件数', '受理日期不晚于统计期间截止日、且在截止日尚未结案的案件。上期未结 + 当期受理 = 结案数 + 当期未结。'],
  ['超过审限结案数', `结案日期晚于审限届满日的案件（审限：受理之日起${AWARD_PERIOD_DAYS}日，经批准可延长不超过15日，${AWARD_PERIOD_BASIS}）。`],
  ['仲裁结案率', '结案数 ÷（上期未结案件数 + 当期案件受理数）。'],
  ['调解结案率', '仲裁调解结案数 ÷ 结案数。'],
  ['平均结案天数', '本期结案案件自受理之日至结案之日的平均日数。'],
  ['变化的写法', '件数、人数、金额写百分比变化（如“下降30.3%”）；比率写百分点变化（如“上升34个百分点”）。'],
];
