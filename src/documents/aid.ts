import type { AidApplicationView, ConsultationView } from '../api/views';
import { CLAIM_TYPE_INFO, chineseDate, fenInWords, plainChineseDate } from '../domain';
import { fixed, inFull, para, t, type DocumentModel, type Text } from './model';

/**
 * Legal-aid papers printed at the workstation (法律援助法 Arts 41–50): the application form, the decision to give or
 * refuse aid, and the letter assigning the lawyer. They are issued in the name of the legal-aid centre, not the commission.
 */
export interface AidDocumentData {
  centreName: string;
  consultation: ConsultationView;
  aid: AidApplicationView;
  date: string;
}

export const AID_DOCUMENT_KINDS = {
  aid_application: '法律援助申请表',
  aid_decision: '法律援助决定书',
  aid_assignment: '指派通知书',
} as const;
export type AidDocumentKind = keyof typeof AID_DOCUMENT_KINDS;

const AID_LAW = '《中华人民共和国法律援助法》';
const ARTICLE = /第[一二三四五六七八九十]+条(?:第[一二三四五六七八九十]+项)?/g;

/**
 * A matter or eligibility label as a party reads it: the article its annotation cites, with the law named
 * ("确认劳动关系或者支付劳动报酬（《中华人民共和国法律援助法》第三十一条第五项）"), and without the desk's explanation after "："
 * ("免予核查经济困难状况（第四十二条第三项：进城务工人员……）" → "…（《中华人民共和国法律援助法》第四十二条第三项）").
 */
export function partyFacingLabel(label: string): string {
  return label.replace(/（([^（）]*)）$/, (_, inner: string) => `（${inner.split('：')[0]!.replace(ARTICLE, (a) => `${AID_LAW}${a}`)}）`);
}
/** The label's name without its bracketed basis. */
const labelName = (label: string) => label.replace(/（[^（）]*）$/, '');

const close = (d: AidDocumentData) => [
  { type: 'right' as const, lines: [[t(d.centreName, '法律援助机构名称')]], gapBefore: 2 },
  { type: 'seal' as const, caption: '（法律援助机构印章）' },
  { type: 'right' as const, lines: [[fixed(chineseDate(d.date))]] },
];

/** 法律援助申请表 — the application as the ruled form: the applicant, the other side, the matter, the case and the means test, each in its row. */
export function aidApplicationForm(d: AidDocumentData): DocumentModel {
  const c = d.consultation;
  const row = (label: string, value: Text[], minLines = 1) => ({ cells: [[fixed(label)], value], minLines });
  const claims: Text[] = c.claims.flatMap((k, i) => [
    fixed(`${i ? '；' : ''}${i + 1}.`), t(k.text, `第${i + 1}项请求`),
    ...(k.amountFen !== null ? [fixed(`（${CLAIM_TYPE_INFO[k.type].label}），金额${fenInWords(k.amountFen)}`)] : []),
  ]);
  return {
    kind: 'aid_application', issuer: t(d.centreName, '法律援助机构名称'), title: '法律援助申请表', caseNumber: null, meta: { subject: '法律援助申请表', date: d.aid.receivedDate },
    blocks: [
      {
        type: 'table', columns: [7, 21], rows: [
          row('申请人', [t(c.personName, '申请人姓名'), ...(c.personSex ? [fixed(c.personSex === 'male' ? '，男' : '，女')] : [])]),
          row('公民身份号码', c.personIdNumber ? [t(c.personIdNumber, '申请人身份证号码')] : []),
          row('联系电话', c.personPhone ? [t(c.personPhone, '申请人电话')] : []),
          row('住址', c.personAddress ? [t(c.personAddress, '申请人住址')] : []),
          row('对方当事人', [t(c.employerName ?? '', '用人单位名称')]),
          row('统一社会信用代码', c.employerCreditCode ? [t(c.employerCreditCode, '统一社会信用代码')] : []),
          row('申请事项', [t(partyFacingLabel(d.aid.matterLabel), '援助事项')]),
          row('案情及申请理由', [t(c.summary, '咨询内容'), ...(claims.length ? [fixed('。请求：'), ...claims, fixed('。')] : [])], 3),
          row('经济困难状况', [t(partyFacingLabel(d.aid.eligibilityLabel), '经济困难审查方式'), ...(d.aid.eligibilityNote ? [fixed('。'), t(d.aid.eligibilityNote, '审查说明')] : [])], 2),
          ...(d.aid.urgent ? [row('先行援助', [fixed('距仲裁时效届满不足七日，依照《中华人民共和国法律援助法》第四十四条第一项先行提供法律援助。')])] : []),
        ],
      },
      para(fixed('申请人承诺以上所填内容及提交的材料真实；以欺骗或者其他不正当手段获得法律援助的，愿承担法律责任（《中华人民共和国法律援助法》第四十一条、第六十四条）。')),
      { type: 'right', lines: [[fixed('申请人（签名）：')], [fixed(chineseDate(d.aid.receivedDate))]], gapBefore: 1 },
      { type: 'right', lines: [[fixed('受理人：'), t(c.staffName ?? '', '值班工作人员')]] },
    ],
  };
}

export function aidDecision(d: AidDocumentData): DocumentModel {
  const a = d.aid;
  const c = d.consultation;
  const approved = a.decision === 'approved';
  return {
    kind: 'aid_decision', issuer: t(d.centreName, '法律援助机构名称'), title: approved ? '给予法律援助决定书' : '不予法律援助决定书', caseNumber: null,
    meta: { subject: approved ? '给予法律援助决定书' : '不予法律援助决定书', date: a.decisionDate ?? d.date },
    blocks: [
      { type: 'paragraph', runs: [t(c.personName, '申请人姓名'), fixed('：')], indent: false },
      para(fixed(`你于${plainChineseDate(a.receivedDate)}提出的`), t(labelName(a.matterLabel), '援助事项'), fixed('法律援助申请，本中心已经审查。')),
      ...(approved
        ? [para(fixed('经审查，你的申请符合《中华人民共和国法律援助法》规定的法律援助条件：'), t(partyFacingLabel(a.eligibilityLabel), '经济困难审查方式'), fixed('。本中心决定给予法律援助，并将自本决定作出之日起三日内指派法律援助人员（《中华人民共和国法律援助法》第四十三条）。')),
          para(fixed('受援人应当向法律援助人员如实陈述与法律援助事项有关的情况，及时提供证据材料，协助、配合办理法律援助事项（第四十七条）。'))]
        : [para(fixed('经审查，'), t(a.refusalReason ?? '', '不予援助的理由'), fixed('。根据《中华人民共和国法律援助法》第四十三条的规定，本中心决定不予法律援助。')),
          para(fixed('你对本决定有异议的，可以向设立法律援助机构的司法行政部门提出；司法行政部门应当自收到异议之日起五日内进行审查，作出维持或者责令改正的决定（第四十九条）。'))]),
      ...close({ ...d, date: a.decisionDate ?? d.date }),
    ],
  };
}

export function aidAssignment(d: AidDocumentData): DocumentModel {
  const a = d.aid;
  const c = d.consultation;
  return {
    kind: 'aid_assignment', issuer: t(d.centreName, '法律援助机构名称'), title: '指派通知书', caseNumber: null, meta: { subject: '指派通知书', date: a.assignedDate ?? d.date },
    blocks: [
      { type: 'paragraph', runs: [t(a.assignedFirm ?? '', '律师事务所'), fixed('：')], indent: false },
      para(fixed('本中心于'), fixed(plainChineseDate(a.decisionDate ?? d.date)), fixed('决定对'), t(c.personName, '受援人姓名'), fixed('与'), t(c.employerName ?? '（未填写）', '用人单位名称'),
        fixed('劳动争议一案给予法律援助，援助形式为劳动争议调解与仲裁代理（《中华人民共和国法律援助法》第二十二条第六项）。现指派你所'), t(a.assignedLawyer ?? '', '法律援助律师'), fixed('律师承办。')),
      para(fixed('承办律师不得向受援人收取任何财物（第二十条），应当依法保守在法律援助中知悉的个人隐私（第二十一条）；法律援助事项办理结束后，应当向本中心提交有关法律文书副本或者复印件、办理情况报告等材料（第五十条）。')),
      ...close({ ...d, date: a.assignedDate ?? d.date }),
    ],
  };
}

export const AID_BUILDERS: Record<AidDocumentKind, (d: AidDocumentData) => DocumentModel> = {
  aid_application: inFull(aidApplicationForm), aid_decision: inFull(aidDecision), aid_assignment: inFull(aidAssignment),
};
