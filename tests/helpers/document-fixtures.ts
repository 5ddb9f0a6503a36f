import type { CaseDetail, StoredParty, Tribunal } from '../../src/api/views';
import { type DocumentData, type DocumentModel, type PreArbitrationAgreement, hearingBulletin, preArbitrationAgreement, reviewRefusal, reviewStatement } from '../../src/documents';

/** A filled case for document tests: two applicants (one named with the rare character 喆), a unit respondent with an agent named 王堃. */
const applicant1: StoredParty = {
  id: 'p1', role: 'applicant', kind: 'person', name: '李喆', sex: 'male', birthDate: '1990-01-01', ethnicity: '汉族', idType: 'resident',
  idNumber: '51012319900101123X', domicile: '四川省成都市温江区柳城街道凤凰路1号', isRepresentative: false,
  agents: [{ name: '周律师', kind: 'legal_aid_lawyer', organisation: '四川蓉城律师事务所' }],
};
const applicant2: StoredParty = {
  id: 'p2', role: 'applicant', kind: 'person', name: '张三', sex: 'female', birthDate: '1949-12-31', idType: 'resident',
  idNumber: '11010519491231002X', domicile: '成都市温江区公平街道', isRepresentative: false, agents: [],
};
const respondent: StoredParty = {
  id: 'p3', role: 'respondent', kind: 'org', name: '成都信达电子有限公司', creditCode: '91350100M000100Y43', domicile: '成都市温江区海峡两岸科技产业开发园',
  representativeName: '赵大成', representativeTitle: '执行董事', representativeKind: 'legal', agents: [{ name: '王堃', kind: 'colleague' }],
};

export const FIXTURE_CASE: CaseDetail = {
  id: 'c1', caseNumber: '温劳人仲案字〔2026〕第128号', status: 'accepted', venueId: 'v', venueName: '温江区劳动人事争议仲裁院',
  receivedDate: '2026-10-09', acceptanceDate: '2026-10-12', cause: '劳动报酬', collective: false, workerCount: null, groupFlags: ['migrant_worker'], note: null, consultationId: null,
  nonAcceptance: null, applicants: [applicant1, applicant2], respondents: [respondent], thirdParties: [],
  claims: [
    { id: 'k1', seq: 1, type: 'wages', amountFen: 1_250_000, text: '裁决被申请人支付2026年6月至9月拖欠工资12500元', facts: '申请人自2024年3月起在被申请人处从事装配工作，月工资6000元，被申请人自2026年6月起未足额支付工资。', limitationCheck: null },
    { id: 'k2', seq: 2, type: 'economic_compensation', amountFen: 4_800_000, text: '裁决被申请人支付解除劳动合同经济补偿48000元', limitationCheck: null },
    { id: 'k3', seq: 3, type: 'overtime', amountFen: 600_714, text: '裁决被申请人支付延时加班工资6007.14元', limitationCheck: null },
  ],
  evidence: [{ id: 'e1', seq: 1, name: '工资条', source: '申请人提供', purpose: '证明工资标准', copies: 1 }],
  timeline: [], createdAt: '', createdBy: '', updatedAt: '', updatedBy: '', revision: 0, closedDate: null, corrections: [], printProblems: [],
};

export const FIXTURE_TRIBUNAL: Tribunal = {
  mode: 'panel', composedDate: '2026-10-15', reason: null,
  presiding: { id: 'a1', displayName: '陈仲裁', role: 'arbitrator', employment: 'full_time', venueName: null },
  members: [
    { id: 'a1', displayName: '陈仲裁', role: 'arbitrator', employment: 'full_time', venueName: null },
    { id: 'a2', displayName: '刘兼职', role: 'arbitrator', employment: 'part_time', venueName: null },
    { id: 'a3', displayName: '杨工会', role: 'arbitrator', employment: 'part_time', venueName: null },
  ],
  clerk: { id: 'k1', displayName: '孙书记', role: 'clerk', employment: 'full_time', venueName: null },
};

const LONG_FACTS = Array.from({ length: 6 }, (_, i) =>
  `第${i + 1}段：经审理查明，申请人于2024年3月1日入职被申请人处从事装配工作，双方签订了期限至2026年2月28日的书面劳动合同，约定月工资6000元。被申请人自2026年6月起未足额支付工资，申请人于2026年9月30日以被申请人未及时足额支付劳动报酬为由解除劳动合同。`,
).join('\n');

export function fixtureData(over: Partial<DocumentData> = {}): DocumentData {
  return {
    commissionName: '成都市温江区劳动人事争议仲裁委员会', intermediateCourt: '四川省成都市中级人民法院', basicCourt: '成都市温江区人民法院', commissionAddress: '成都市温江区柳城街道德通桥路363号', commissionPhone: '028-82712345', commissionContact: '孙书记',
    case: FIXTURE_CASE, tribunal: FIXTURE_TRIBUNAL, issuedDate: '2026-11-20',
    hearing: { id: 'h1', caseId: 'c1', caseNumber: FIXTURE_CASE.caseNumber, date: '2026-11-03', startTime: '09:30', endTime: '11:30', roomId: 'r', roomName: '第一仲裁庭', venueName: '温江区劳动人事争议仲裁院', venueAddress: '成都市温江区柳城街道德通桥路363号', status: 'scheduled', outcome: null, outcomeNote: null, movedTo: null, staff: [], parties: '李喆、张三 与 成都信达电子有限公司', cause: '劳动报酬争议' },
    hearingRecord: {
      recordDate: '2026-11-03', startTime: '09:30', endTime: '11:40', place: '温江区劳动人事争议仲裁院第一仲裁庭', attendees: '申请人李喆及其委托代理人周律师、申请人张三，被申请人成都信达电子有限公司的委托代理人王堃',
      statements: '申请人：被申请人自2026年6月起拖欠工资。\n被申请人：工资已部分支付。', evidence: '申请人出示工资条，被申请人对真实性无异议。', questions: '仲裁员：双方是否签订书面劳动合同？\n申请人：签订了。',
      finalStatements: '申请人：坚持仲裁请求。被申请人：请求驳回。', mediationAttempt: '仲裁庭主持调解，双方未能达成一致。',
      corrections: [{ date: '2026-11-04', requestedBy: '张三', text: '第二段“六月”应为“七月”' }],
    },
    clock: {
      extension: { days: 10, totalDays: 15, approvedBy: '王主任', approvalDate: '2026-11-18', reason: '案件涉及多名劳动者工资核算，案情复杂' },
      suspension: { startDate: '2026-10-20', resumeDate: '2026-11-05', reason: '申请人已申请工伤认定，本案须以认定结论为依据', days: 16 },
      awardDueDate: '2026-12-27',
    },
    party: FIXTURE_CASE.respondents[0],
    publicNotice: { partyId: 'p3', documentTitle: '仲裁庭组成及开庭通知书', documentNumber: '温劳人仲案字〔2026〕第128号', publishedDate: '2026-10-20', servedDate: '2026-11-19', reason: '被申请人已停业，法定代表人下落不明，经直接送达、邮寄送达均无法送达' },
    overdue: { dueDate: '2026-11-18', extensionDays: 15, suspendedDays: 16 },
    // cells kept to one line each: pdftotext reads the lines of a multi-line row across the columns (documents.test
    // compares each model line with the PDF text)
    evidence: {
      partyId: 'p1', receivedDate: '2026-10-20',
      items: [
        { name: '劳动合同', source: '申请人', purpose: '证明劳动关系', pages: 4, original: true, copies: 1 },
        { name: '工资条', source: '被申请人', purpose: '证明拖欠工资', pages: 9, original: false, copies: 2 },
        { name: '解除通知书', source: '申请人', purpose: '证明解除原因', pages: 2, original: false, copies: 2 },
        { name: '银行流水', source: '银行', purpose: '证明实发工资', pages: 12, original: false, copies: 1 },
      ],
    },
    mediationRecord: {
      sessions: [
        { date: '2026-11-05', mediator: '陈仲裁', attendees: '申请人李喆及其委托代理人周律师，被申请人成都信达电子有限公司的委托代理人王堃', notes: '调解员：双方是否愿意调解？\n申请人：愿意，要求一次性支付全部工资。\n被申请人：同意支付工资，但资金紧张，请求分期支付。' },
        { date: '2026-11-10', mediator: '陈仲裁', attendees: '申请人李喆、张三，被申请人的委托代理人王堃', notes: '经调解员释明法律规定，双方同意工资及经济补偿分两期支付，合计人民币36,000.00元。' },
      ],
      outcome: 'success', outcomeDate: '2026-11-10',
    },
    postponement: { fromDate: '2026-10-28', fromTime: '14:30', reason: '被申请人以法定代表人住院治疗为由申请延期' },
    correction: { items: ['被申请人的准确名称及住所', '申请人身份证复印件'], days: 5 },
    evidenceDeadline: '2026-10-30',
    served: { titles: ['受理通知书', '应诉通知书'] },
    decision: { subject: 'correction', cause: '裁决书笔误补正', facts: '本委作出的裁决书第二项中“2026年6月”系笔误。', basisAndDecision: '依照《劳动人事争议仲裁办案规则》的规定，决定如下：将裁决书第二项中的“2026年6月”补正为“2026年7月”。', refersTo: '温劳人仲案字〔2026〕第128号裁决书' },
    mediation: {
      agreementDate: '2026-11-10', applicantStatement: '被申请人拖欠工资并违法解除劳动合同。', respondentDefence: '同意协商解决。', factsFound: null,
      items: [
        { payer: '被申请人成都信达电子有限公司', payee: '申请人李喆', subject: '2026年6月至9月工资及经济补偿', amountFen: 3_600_000, dueDate: null, method: '银行转账', instalments: [{ dueDate: '2026-11-30', amountFen: 1_800_000 }, { dueDate: '2026-12-31', amountFen: 1_800_000 }] },
        { payer: '被申请人成都信达电子有限公司', payee: '申请人张三', subject: '2026年6月至9月工资', amountFen: 1_250_000, dueDate: '2026-11-30', method: '现金', instalments: [] },
        { payer: '', payee: '', subject: '', amountFen: null, dueDate: null, method: null, instalments: [], text: '双方劳动关系于2026年9月30日解除，双方就本案再无其他争议' },
      ],
      closing: null,
    },
    award: {
      awardDate: '2026-11-25', procedure: 'ordinary', hearingDates: ['2026-11-03'], appearance: '申请人李喆及其委托代理人周律师、申请人张三，被申请人的委托代理人王堃到庭参加了庭审。',
      applicantStatement: '被申请人拖欠工资，申请人被迫解除劳动合同，请求支持全部仲裁请求。', respondentDefence: '工资已部分支付，不同意支付经济补偿。',
      factsFound: LONG_FACTS, reasoning: `${LONG_FACTS}\n双方存在劳动关系，被申请人未及时足额支付劳动报酬，申请人据此解除劳动合同。`,
      items: [
        { claimSeq: 1, claimText: '裁决被申请人支付2026年6月至9月拖欠工资12500元', result: 'supported', amountFen: 1_250_000, order: '被申请人成都信达电子有限公司于本裁决书生效之日起十日内支付申请人李喆2026年6月至9月工资', final: true, finalReason: '劳动报酬，未超过当地月最低工资标准十二个月金额（《劳动争议调解仲裁法》第四十七条第（一）项）', reasoning: '用人单位应当按照劳动合同约定及时足额支付劳动报酬，被申请人未举证证明已足额支付。', articles: '《劳动合同法》第三十条' },
        { claimSeq: 2, claimText: '裁决被申请人支付解除劳动合同经济补偿48000元', result: 'partly', amountFen: 3_600_000, order: '被申请人成都信达电子有限公司于本裁决书生效之日起十日内支付申请人李喆解除劳动合同经济补偿', final: false, finalReason: '经济补偿超过当地月最低工资标准十二个月金额', reasoning: '申请人因被申请人未及时足额支付劳动报酬解除劳动合同，被申请人应当支付经济补偿，工作年限认定为六年。', articles: '《劳动合同法》第三十八条、第四十六条、第四十七条' },
        { claimSeq: 3, claimText: '裁决被申请人支付延时加班工资6007.14元', result: 'rejected', amountFen: null, order: '', final: true, finalReason: '加班工资，未超过限额', reasoning: '申请人未提交证据证明其延时加班的事实。', articles: '《劳动争议调解仲裁法》第六条' },
      ],
      partial: false, part: 'all',
    },
    ...over,
  };
}

/** Papers not built from one case (issue 11 item 6): the day's 开庭公告 of a venue, from its fixture hearings. */
export const NON_CASE_FIXTURE_MODELS: Record<string, () => DocumentModel> = {
  hearing_bulletin: () => hearingBulletin({
    commissionName: '成都市温江区劳动人事争议仲裁委员会', venueName: '温江区劳动人事争议仲裁院', venueAddress: '成都市温江区柳城街道德通桥路363号', date: '2026-11-03', issuedDate: '2026-10-30',
    hearings: [
      { startTime: '09:30', endTime: '11:30', roomName: '第一仲裁庭', caseNumber: '温劳人仲案字〔2026〕第128号', parties: '李喆、张三 与 成都信达电子有限公司', cause: '劳动报酬争议', staff: ['陈仲裁', '刘兼职', '杨工会', '孙书记'] },
      { startTime: '09:30', endTime: '10:30', roomName: '第二仲裁庭', caseNumber: '温劳人仲案字〔2026〕第131号', parties: '王五 与 温江某建筑劳务有限公司', cause: '工伤保险待遇争议', staff: ['刘兼职', '孙书记'] },
      { startTime: '14:30', endTime: '16:00', roomName: '第一仲裁庭', caseNumber: '温劳人仲案字〔2026〕第140号', parties: '赵六、钱七 与 成都某餐饮管理有限公司', cause: '经济补偿争议', staff: ['陈仲裁', '孙书记'] },
    ],
  }),
};

const PRE_ARB: PreArbitrationAgreement = {
  organisation: '温江区劳动人事争议调解工作室', applicantName: '王五', respondentName: '成都某餐饮管理有限公司', receivedDate: '2026-10-28', agreementDate: '2026-11-02',
  items: [
    { payer: '成都某餐饮管理有限公司', payee: '王五', subject: '2026年8月至9月工资', amountFen: 1_200_000, dueDate: null, method: '银行转账', instalments: [{ dueDate: '2026-11-20', amountFen: 600_000 }, { dueDate: '2026-12-20', amountFen: 600_000 }] },
    { payer: '成都某餐饮管理有限公司', payee: '王五', subject: '解除劳动合同经济补偿', amountFen: 900_000, dueDate: '2026-12-20', method: '银行转账', instalments: [] },
  ],
  closing: '双方劳动关系于2026年9月30日解除，双方再无其他劳动争议',
};
const REVIEW = { commissionName: '成都市温江区劳动人事争议仲裁委员会', agreement: PRE_ARB, applicantDate: '2026-11-05', respondentDate: '2026-11-06', acceptedDate: '2026-11-09', arbitratorName: '陈仲裁', decidedDate: '2026-11-12' };
NON_CASE_FIXTURE_MODELS.mediation_agreement = () => preArbitrationAgreement(PRE_ARB);
NON_CASE_FIXTURE_MODELS.review_statement = () => reviewStatement(REVIEW);
NON_CASE_FIXTURE_MODELS.review_refusal = () => reviewRefusal({ ...REVIEW, ground: 5, reason: '协议约定“年底前结清”，未写明支付的具体日期和各期金额' });
