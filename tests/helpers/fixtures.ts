import type { CaseDraftInput } from '../../src/api';

export const COMMISSION_VENUE = '0000000000000000000000000000c001';

/** Valid resident ID numbers (check digits computed per GB 11643) for fixtures. */
export const IDS = {
  zhangSan: '11010519491231002X',
  liSi: '51012319900101123X',
  wangWu: '510124198805052215',
  zhaoLiu: '510122199503152028',
} as const;
export const CREDIT = { xinda: '91350100M000100Y43' } as const;

export function sampleDraft(over: Partial<CaseDraftInput> = {}): CaseDraftInput {
  return {
    venueId: COMMISSION_VENUE,
    receivedDate: '2026-11-20',
    cause: '劳动报酬争议',
    groupFlags: ['migrant_worker'],
    applicants: [
      { kind: 'person', name: '张三', sex: 'female', birthDate: '1949-12-31', idNumber: IDS.zhangSan, domicile: '成都市温江区柳城街道', phone: '13800000000', agents: [] },
      { kind: 'person', name: '李四', sex: 'male', idNumber: IDS.liSi, phone: '13900000000', agents: [{ name: '王律师', kind: 'legal_aid_lawyer', organisation: '四川某律师事务所' }] },
    ],
    respondents: [
      { kind: 'org', name: '成都信达电子有限公司', creditCode: CREDIT.xinda, domicile: '成都市温江区海峡两岸科技产业开发园', representativeName: '赵总', representativeTitle: '执行董事', agents: [] },
    ],
    claims: [
      { type: 'wages', amountFen: 1_250_000, periodStart: '2026-06-01', periodEnd: '2026-09-30', text: '支付拖欠工资12500元' },
      { type: 'economic_compensation', amountFen: 900_000, text: '支付解除劳动合同经济补偿9000元' },
      { type: 'confirm_employment', amountFen: null, text: '确认双方2024年3月1日至2026年9月30日存在劳动关系' },
    ],
    evidence: [{ name: '工资条', source: '申请人提供', purpose: '证明工资标准', copies: 1 }],
    ...over,
  };
}

/** An award payload for the sample case (claims of sampleDraft): wages in full and final, compensation in part, the finding rejected. */
export function sampleAward(awardDate = '2026-12-01') {
  return {
    awardDate, procedure: 'ordinary' as const, hearingDates: ['2026-11-20'], appearance: '双方当事人均到庭参加了庭审。',
    applicantStatement: '被申请人拖欠工资。', respondentDefence: '不同意申请人的请求。',
    factsFound: '申请人于2024年3月1日入职被申请人处，月工资6000元。', reasoning: '依照《中华人民共和国劳动合同法》第三十条的规定，用人单位应当及时足额支付劳动报酬。',
    items: [
      { claimSeq: 1, claimText: '支付拖欠工资12500元', result: 'supported' as const, amountFen: 1_250_000, order: '被申请人于本裁决书生效之日起十日内支付申请人张三2026年6月至9月工资', final: true, finalReason: '劳动报酬未超过限额' },
      { claimSeq: 2, claimText: '支付解除劳动合同经济补偿9000元', result: 'partly' as const, amountFen: 600_000, order: '被申请人于本裁决书生效之日起十日内支付申请人张三经济补偿', final: true, finalReason: '经济补偿未超过限额' },
      { claimSeq: 3, claimText: '确认双方存在劳动关系', result: 'rejected' as const, amountFen: null, order: '', final: false, finalReason: '确认劳动关系不属终局范围' },
    ],
    partial: false, part: 'all' as const,
  };
}
