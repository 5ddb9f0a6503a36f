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
