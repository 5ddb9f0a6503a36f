import type { ClaimType } from './case-terms';
import type { FinalityType } from './calculators';

/** Mediation, decisions per claim item, and closing: vocabularies with their articles. */

export const MEDIATION_STAGES = { pre_arbitration: '仲裁前调解（约调）', in_arbitration: '仲裁中调解' } as const;
export type MediationStage = keyof typeof MEDIATION_STAGES;
export const MEDIATION_OUTCOMES = { pending: '调解中', success: '调解成功', failure: '调解不成', withdrawn: '撤回调解申请' } as const;
export type MediationOutcome = keyof typeof MEDIATION_OUTCOMES;

export const CLAIM_RESULTS = { supported: '支持', partly: '部分支持', rejected: '驳回', withdrawn: '撤回' } as const;
export type ClaimResult = keyof typeof CLAIM_RESULTS;

/**
 * The finality category a claim type usually falls in (LDMAL Art 47); the arbitrator may choose another on the decision.
 * Double wages (LCL Art 82) are treated as damages-type liability here — practice varies by province; the arbitrator decides.
 */
export const CLAIM_FINALITY_TYPE: Record<ClaimType, FinalityType> = {
  wages: 'wages', overtime: 'wages', annual_leave: 'wages', economic_compensation: 'economic-compensation', damages: 'damages',
  double_wages: 'damages', work_injury: 'work-injury-medical', social_insurance: 'social-insurance', confirm_employment: 'confirm-employment', other: 'other',
};
export const FINALITY_TYPE_LABELS: Record<FinalityType, string> = {
  wages: '劳动报酬', 'work-injury-medical': '工伤医疗费', 'economic-compensation': '经济补偿', damages: '赔偿金',
  'working-time': '工作时间（国家劳动标准）', 'rest-leave': '休息休假（国家劳动标准）', 'social-insurance': '社会保险（国家劳动标准）',
  'confirm-employment': '确认劳动关系', other: '其他',
};

export const CLOSING_METHODS = {
  award: { label: '裁决结案', needs: 'award', basis: '《劳动争议调解仲裁法》第四十六条至第五十条' },
  mediation: { label: '调解结案', needs: 'mediation', basis: '《劳动争议调解仲裁法》第四十二条' },
  withdrawal: { label: '撤回仲裁申请', needs: 'decision', basis: '《劳动争议调解仲裁法》第四十一条；《办案规则》' },
  deemed_withdrawal: { label: '按撤回仲裁申请处理', needs: 'decision', basis: '《劳动争议调解仲裁法》第三十六条' },
  revocation: { label: '撤销案件', needs: 'decision', basis: '《办案规则》' },
  transfer: { label: '移送管辖', needs: 'decision', basis: '《办案规则》' },
  termination: { label: '终结审理', needs: 'decision', basis: '《办案规则》' },
} as const;
export type ClosingMethod = keyof typeof CLOSING_METHODS;
export const CLOSING_METHOD_CODES = Object.keys(CLOSING_METHODS) as [ClosingMethod, ...ClosingMethod[]];

/** Service methods by which a party signs for a mediation statement (LDMAL Art 42: effective on both parties' signed receipt). */
export const RECEIPT_METHODS = ['direct', 'substitute', 'post', 'entrusted', 'electronic'] as const;
export const MEDIATION_STATEMENT_SERVICE_NOTE =
  '调解书经双方当事人签收后发生法律效力（《劳动争议调解仲裁法》第四十二条）；调解书不适用留置送达、公告送达（参照最高人民法院关于适用《民事诉讼法》的解释第一百三十三条）';

/** What a generic 决定书 decides (model text 决定书: jurisdiction, recusal, withdrawal, suspension, correction …). */
export const DECISION_SUBJECTS = {
  withdrawal: '准予撤回仲裁申请',
  deemed_withdrawal: '按撤回仲裁申请处理',
  recusal: '回避申请',
  suspension: '中止审理',
  resumption: '恢复审理',
  extension: '延期审理',
  correction: '裁决书补正',
  jurisdiction: '管辖权异议',
  revocation: '撤销案件',
  provisional_execution: '先予执行',
} as const;
export type DecisionSubject = keyof typeof DECISION_SUBJECTS;
export const DECISION_SUBJECT_CODES = Object.keys(DECISION_SUBJECTS) as [DecisionSubject, ...DecisionSubject[]];
