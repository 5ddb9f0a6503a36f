import aidRules from '../../resources/data/legal-aid-rules.json' with { type: 'json' };
import { addDays } from './calendar';
import { provisionalSource } from './case-terms';

/**
 * Legal aid at the commission's workstation (法律援助法 2021): the matters of Art 31, who is exempt from the hardship
 * check (Art 42) or from the hardship condition itself (Sichuan, dated data), and the Art 43–44 time limits.
 */

export const AID_MATTERS = {
  labour_remuneration: '确认劳动关系或者支付劳动报酬（第三十一条第五项）',
  work_injury: '因工伤事故受到人身损害请求赔偿（第三十一条第七项）',
  social_insurance: '请求给予社会保险待遇（第三十一条第二项）',
  other: '其他劳动争议事项（第三十一条第九项或地方规定）',
} as const;
export type AidMatter = keyof typeof AID_MATTERS;
export const AID_MATTER_CODES = Object.keys(AID_MATTERS) as [AidMatter, ...AidMatter[]];

export const AID_ELIGIBILITY = {
  means_test: '经济困难审查（核查或信息共享，第四十一条）',
  pledge: '个人诚信承诺（第四十一条）',
  exempt_check: '免予核查经济困难状况（第四十二条第三项：进城务工人员请求支付劳动报酬或者工伤事故人身损害赔偿）',
  no_condition: '不受经济困难条件限制（四川省规定）',
} as const;
export type AidEligibility = keyof typeof AID_ELIGIBILITY;

export interface EligibilityAdvice {
  /** What the means test requires for this applicant and matter. */
  meansTest: 'not_required' | 'exempt_check' | 'required';
  suggested: AidEligibility;
  basis: string[];
}

/** Which eligibility route applies: the Sichuan rule (when enabled and in force) before Art 42, before the ordinary check. */
export function aidEligibility(i: { matter: AidMatter; migrantWorker: boolean; date: string; sichuanRule: boolean }): EligibilityAdvice {
  const rule = aidRules.noHardshipCondition.find((r) => r.matters.includes(i.matter) && r.effective <= i.date);
  if (i.sichuanRule && rule) {
    const basis = [`自 ${rule.effective} 起适用；${provisionalSource(rule.source)}`, '《法律援助法》第三十二条第五项（法律、法规、规章规定的其他情形不受经济困难条件限制）'];
    if (i.migrantWorker) basis.push('另：进城务工人员请求支付劳动报酬或者工伤事故人身损害赔偿的，免予核查经济困难状况（《法律援助法》第四十二条第三项）');
    return { meansTest: 'not_required', suggested: 'no_condition', basis };
  }
  if (i.migrantWorker && (i.matter === 'labour_remuneration' || i.matter === 'work_injury')) {
    return { meansTest: 'exempt_check', suggested: 'exempt_check', basis: ['《法律援助法》第四十二条第三项：进城务工人员请求支付劳动报酬或者工伤事故人身损害赔偿的，免予核查经济困难状况（须提供务工身份的证明材料）'] };
  }
  return { meansTest: 'required', suggested: 'pledge', basis: ['《法律援助法》第四十一条：申请人如实说明经济困难状况，法律援助机构可通过信息共享核查或由申请人作出个人诚信承诺'] };
}

/** Art 43: decide within 7 days of receipt; assign within 3 days of the decision (calendar days: the Law says 日, not 工作日). */
export const AID_DECISION_DAYS = 7;
export const AID_ASSIGNMENT_DAYS = 3;
export const aidDecisionDue = (received: string) => addDays(received, AID_DECISION_DAYS);
export const aidAssignmentDue = (decided: string) => addDays(decided, AID_ASSIGNMENT_DAYS);
export const AID_DECISION_BASIS = '《法律援助法》第四十三条：自收到申请之日起七日内作出是否给予法律援助的决定';
export const AID_ASSIGNMENT_BASIS = '《法律援助法》第四十三条：决定给予法律援助的，自作出决定之日起三日内指派法律援助人员';
export const AID_URGENT_BASIS = '《法律援助法》第四十四条第一项：距法定时效或者期限届满不足七日，需要立即申请仲裁的，可以先行提供法律援助';

/** Art 44(1): fewer than 7 days left on the limitation period — aid first, decide after. */
export function aidUrgent(today: string, limitationExpiry: string | null): boolean {
  return limitationExpiry !== null && limitationExpiry >= today && addDays(today, 7) > limitationExpiry;
}
