import type { CaseDetail, ClaimDecisionView, Outcomes, Result } from '../../src/api';
import { type ServiceContext, dispatch, dispatchAsync } from '../../src/services';

const unwrap = <T>(r: Result<unknown>): T => {
  if (!r.ok) throw new Error(`expected ok, got: ${r.error.message}`);
  return r.value as T;
};

/**
 * Decides the three claims of sampleDraft as an arbitrator would — wages in full, compensation in part, the finding
 * rejected — writes the award draft, and issues the award through the real operations.
 */
export async function decideAndIssueSampleAward(arb: ServiceContext, c: CaseDetail, date: string, facts = '申请人于2024年3月1日入职被申请人处，月工资6000元。'): Promise<Outcomes> {
  const [wages, comp, confirm] = c.claims;
  unwrap<ClaimDecisionView[]>(dispatch(arb, 'claims.decide', { claimId: wages!.id, result: 'supported', amountFen: 1_250_000, order: `被申请人于本裁决书生效之日起十日内支付申请人${c.applicants[0]!.name}2026年6月至9月工资`, reasoning: '用人单位应当及时足额支付劳动报酬。', articles: '《劳动合同法》第三十条', finalityType: 'wages', decidedDate: date }));
  unwrap(dispatch(arb, 'claims.decide', { claimId: comp!.id, result: 'partly', amountFen: 600_000, order: `被申请人于本裁决书生效之日起十日内支付申请人${c.applicants[0]!.name}解除劳动合同经济补偿`, reasoning: '工作年限认定为一年。', articles: '《劳动合同法》第四十六条、第四十七条', finalityType: 'economic-compensation', decidedDate: date }));
  unwrap(dispatch(arb, 'claims.decide', { claimId: confirm!.id, result: 'rejected', amountFen: null, order: '', reasoning: '证据不足。', articles: '《劳动争议调解仲裁法》第六条', finalityType: 'confirm-employment', decidedDate: date }));
  unwrap(dispatch(arb, 'award.saveDraft', { caseId: c.id, procedure: 'ordinary', appearance: '双方当事人均到庭参加了庭审。', applicantStatement: '被申请人拖欠工资。', respondentDefence: '不同意申请人的请求。', factsFound: facts, reasoning: '依照《中华人民共和国劳动合同法》第三十条的规定，用人单位应当及时足额支付劳动报酬。' }));
  // No hearing is held in these fixtures: the tribunal records its decision to decide on the papers, which the award requires.
  if (!arb.db.prepare('SELECT 1 FROM case_paper_reviews WHERE case_id = ?').get(c.id)) {
    unwrap(dispatch(arb, 'cases.paperReview', { caseId: c.id, decidedDate: date, reason: '双方当事人同意不开庭，书面审理' }));
  }
  return unwrap<Outcomes>(await dispatchAsync(arb, 'award.issue', { caseId: c.id, awardDate: date }));
}
