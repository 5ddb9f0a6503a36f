/** Fixed vocabularies of the case model, with the Chinese labels the UI and documents use. */

export const CLAIM_TYPES = [
  'wages', 'overtime', 'economic_compensation', 'damages', 'double_wages',
  'annual_leave', 'work_injury', 'social_insurance', 'confirm_employment', 'other',
] as const;
export type ClaimType = (typeof CLAIM_TYPES)[number];

/** amount: 'required' — the item is a sum of money; 'none' — the item asks for a finding, not money. */
export const CLAIM_TYPE_INFO: Record<ClaimType, { label: string; amount: 'required' | 'optional' | 'none' }> = {
  wages: { label: '劳动报酬', amount: 'required' },
  overtime: { label: '加班费', amount: 'required' },
  economic_compensation: { label: '经济补偿', amount: 'required' },
  damages: { label: '赔偿金', amount: 'required' },
  double_wages: { label: '未签劳动合同二倍工资差额', amount: 'required' },
  annual_leave: { label: '未休年休假工资', amount: 'required' },
  work_injury: { label: '工伤待遇', amount: 'optional' },
  social_insurance: { label: '社会保险', amount: 'optional' },
  confirm_employment: { label: '确认劳动关系', amount: 'none' },
  other: { label: '其他', amount: 'optional' },
};

export const CASE_STATUSES = ['draft', 'accepted', 'not_accepted', 'discarded'] as const;
/** Statuses a user can filter the case list by (discarded drafts never show). */
export const LISTED_STATUSES = ['draft', 'accepted', 'not_accepted'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
export const CASE_STATUS_LABELS: Record<CaseStatus, string> = {
  draft: '草稿（待审查）',
  accepted: '已受理',
  not_accepted: '不予受理',
  discarded: '已删除草稿',
};
/** Statuses counted as "open" by the related-case check. */
export const OPEN_STATUSES: readonly CaseStatus[] = ['draft', 'accepted'];

export const PARTY_ROLES = ['applicant', 'respondent', 'third_party'] as const;
export type PartyRole = (typeof PARTY_ROLES)[number];
export const PARTY_ROLE_LABELS: Record<PartyRole, string> = { applicant: '申请人', respondent: '被申请人', third_party: '第三人' };

export const SEXES = ['male', 'female'] as const;
export const SEX_LABELS = { male: '男', female: '女' } as const;

export const ID_TYPES = ['resident', 'other'] as const;
export const ID_TYPE_LABELS = { resident: '居民身份证', other: '其他证件（护照、港澳台居民证件等）' } as const;

export const REPRESENTATIVE_KINDS = ['legal', 'principal'] as const;
export const REPRESENTATIVE_KIND_LABELS = { legal: '法定代表人', principal: '主要负责人' } as const;

export const AGENT_KINDS = ['lawyer', 'legal_aid_lawyer', 'relative', 'colleague', 'other'] as const;
export const AGENT_KIND_LABELS = {
  lawyer: '律师', legal_aid_lawyer: '法律援助律师', relative: '近亲属', colleague: '工作人员/同事', other: '其他公民',
} as const;

export const GROUP_FLAGS = ['migrant_worker', 'injured_worker', 'three_period_female', 'minor_worker'] as const;
export type GroupFlag = (typeof GROUP_FLAGS)[number];
export const GROUP_FLAG_LABELS: Record<GroupFlag, string> = {
  migrant_worker: '农民工', injured_worker: '工伤职工', three_period_female: '三期女职工', minor_worker: '未成年工',
};

/**
 * Reasons for not accepting an application, each with its basis (domain-rules §2.4).
 * no_jurisdiction is not a 不予受理 in the strict sense (Rules Art 31: a written notice to apply to the
 * competent commission), but it ends the application here in the same way, so it is listed with its own wording.
 */
export const NON_ACCEPTANCE_REASONS = {
  out_of_scope: { label: '不属于劳动人事争议处理范围', basis: '《劳动争议调解仲裁法》第二条；《办案规则》第三十条第（一）项、第三十一条' },
  no_clear_claim: { label: '没有明确的仲裁请求和事实、理由', basis: '《办案规则》第三十条第（二）项、第三十一条' },
  no_interest_or_respondent: { label: '申请人与本案无直接利害关系或没有明确的被申请人', basis: '《办案规则》第三十条第（三）项、第三十一条' },
  res_judicata: { label: '同一争议已经处理（一事不再理）', basis: '《办案规则》第三十四条' },
  no_jurisdiction: { label: '不属于本委管辖（书面告知向有管辖权的仲裁委员会申请）', basis: '《劳动争议调解仲裁法》第二十一条；《办案规则》第三十一条' },
  other: { label: '其他', basis: '' },
} as const;
export type NonAcceptanceReason = keyof typeof NON_ACCEPTANCE_REASONS;
export const NON_ACCEPTANCE_REASON_CODES = Object.keys(NON_ACCEPTANCE_REASONS) as [NonAcceptanceReason, ...NonAcceptanceReason[]];

/** LDMAL Art 7: 10 or more workers with a common claim may act through representatives; Rules Art 63: 3 to 5 of them. */
export const COLLECTIVE_MIN_WORKERS = 10;
export const COLLECTIVE_MAX_REPRESENTATIVES = 5;
/** Rules Art 63: the workers elect 3 to 5 representatives (the lower bound; the upper is above). */
export const COLLECTIVE_MIN_REPRESENTATIVES = 3;
/** Largest roster one collective case holds (issue 16: 10 to 1,000 workers; a product limit, not a legal one). */
export const COLLECTIVE_MAX_WORKERS = 1000;

/**
 * The plain-language note under a figure taken from a dated data file (minimum wage, provincial leave, a provincial
 * aid rule): where it comes from, and that the official text prevails. How far it has been verified is recorded in the
 * data file and docs/rules.md, never on screen.
 */
export const provisionalSource = (source: string): string => `数据来源：${source}，以正式文件为准`;

/** "张三、李四 与 成都信达电子有限公司" — how titles, lists and the hearing notice name a case's sides (long lists shortened). */
export function partiesLabel(applicants: readonly string[], respondents: readonly string[]): string {
  const side = (names: readonly string[]) => (names.length > 3 ? `${names.slice(0, 3).join('、')}等${names.length}人` : names.join('、'));
  return `${side(applicants) || '（申请人未填）'} 与 ${side(respondents) || '（被申请人未填）'}`;
}
