import type { BlacklistEntryView, BulletinView } from '../api/supervision-views';
import { BLACKLIST_REGULATION, chineseDate, fenToYuanText, plainChineseDate } from '../domain';
import { type DocumentModel, type Text, fixed, inFull, para, t } from './model';

/**
 * Papers of employer supervision (issue 16): the numbered early-warning bulletin (欠薪预警信息 第N期) and the three
 * papers of the 欠薪失信名单 procedure — the notice before listing with the right to state a case, the listing decision
 * and the removal decision. The bulletin is issued in the commission's name for the district's joint conference; the
 * list papers in the name of the labour-security department that decides them.
 */

export interface BulletinDocumentData {
  issuer: string;
  bulletin: BulletinView;
}

export function bulletinDocument(d: BulletinDocumentData): DocumentModel {
  const b = d.bulletin;
  const cell = (text: string, field: string): Text[] => [t(text, field)];
  return {
    kind: 'arrears_bulletin', issuer: t(d.issuer, '发布单位'), title: '欠薪预警信息', caseNumber: t(`${b.year}年第${b.seq}期`, '期数'),
    meta: { subject: `欠薪预警信息 ${b.year}年第${b.seq}期`, date: b.issuedDate },
    blocks: [
      para(t(b.summary, '预警概述')),
      para(fixed(`本期列入预警的用人单位共${b.entries.length}家，预警信号和处置措施如下：`)),
      {
        type: 'table', columns: [3, 8, 10, 7], rows: [
          { cells: [[fixed('序号')], [fixed('用人单位')], [fixed('预警信号')], [fixed('处置措施')]], header: true },
          ...b.entries.map((e, i) => ({
            cells: [
              [fixed(String(i + 1))],
              [t(e.employerName, '用人单位名称'), ...(e.creditCode ? [fixed('（'), t(e.creditCode, '统一社会信用代码'), fixed('）')] : []), ...(e.town ? [fixed('，'), t(e.town, '所在镇（街道）')] : [])],
              cell(e.signals.join('；'), '预警信号'),
              cell(e.actions, '处置措施'),
            ],
          })),
        ],
      },
      para(fixed('请各镇（街道）和有关部门按照处置措施跟进，及时化解欠薪隐患，并将处置结果反馈本委。')),
      { type: 'right', lines: [[t(d.issuer, '发布单位')], [fixed(chineseDate(b.issuedDate))]], gapBefore: 2 },
    ],
  };
}

export const BLACKLIST_DOCUMENT_KINDS = { notice: '拟列入拖欠农民工工资失信联合惩戒对象名单告知书', decision: '列入拖欠农民工工资失信联合惩戒对象名单决定书', removal: '移出拖欠农民工工资失信联合惩戒对象名单决定书' } as const;
export type BlacklistDocumentKind = keyof typeof BLACKLIST_DOCUMENT_KINDS;

export interface BlacklistDocumentData {
  department: string;
  entry: BlacklistEntryView;
  statementDays: number;
  listingYears: number;
  earlyRemovalMonths: number;
}

const closing = (department: string, date: string) => [
  { type: 'right' as const, lines: [[t(department, '作出决定的部门')]], gapBefore: 2 },
  { type: 'seal' as const, caption: '（印章）' },
  { type: 'right' as const, lines: [[fixed(chineseDate(date))]] },
];

const addressee = (e: BlacklistEntryView) => ({ type: 'paragraph' as const, runs: [t(e.employerName, '用人单位名称'), ...(e.creditCode ? [fixed('（统一社会信用代码：'), t(e.creditCode, '统一社会信用代码'), fixed('）')] : []), fixed('：')], indent: false });
const facts = (e: BlacklistEntryView): Text[] => [
  t(e.grounds, '列入事由'),
  ...(e.arrearsFen !== null ? [fixed(`（${e.workers ? `涉及农民工${e.workers}人，` : ''}拖欠工资金额${fenToYuanText(e.arrearsFen)}元）`)] : []),
];

export function blacklistNotice(d: BlacklistDocumentData): DocumentModel {
  const e = d.entry;
  return {
    kind: 'blacklist_notice', issuer: t(d.department, '作出决定的部门'), title: '拟列入失信联合惩戒对象名单告知书', caseNumber: null, meta: { subject: BLACKLIST_DOCUMENT_KINDS.notice, date: e.noticeDate },
    blocks: [
      addressee(e),
      para(fixed('经查，你单位'), ...facts(e), fixed(`。经责令限期支付，你单位逾期未支付。依照${BLACKLIST_REGULATION}，本机关拟将你单位`),
        ...(e.responsiblePersons ? [fixed('及'), t(e.responsiblePersons, '法定代表人及直接责任人员')] : []), fixed('列入拖欠农民工工资失信联合惩戒对象名单。')),
      para(fixed(`你单位有权进行陈述和申辩。如有异议，请自收到本告知书之日起${d.statementDays}日内向本机关提出书面陈述、申辩意见并提交相关证据；逾期未提出的，视为放弃陈述和申辩的权利。`)),
      ...closing(d.department, e.noticeDate),
    ],
  };
}

export function blacklistDecision(d: BlacklistDocumentData): DocumentModel {
  const e = d.entry;
  const date = e.decisionDate ?? e.noticeDate;
  return {
    kind: 'blacklist_decision', issuer: t(d.department, '作出决定的部门'), title: '列入失信联合惩戒对象名单决定书', caseNumber: null, meta: { subject: BLACKLIST_DOCUMENT_KINDS.decision, date },
    blocks: [
      addressee(e),
      para(fixed(`本机关于${plainChineseDate(e.noticeDate)}告知你单位拟列入拖欠农民工工资失信联合惩戒对象名单，并告知了陈述、申辩的权利。`)),
      para(fixed('经查，你单位'), ...facts(e), fixed(`。经责令限期支付，你单位逾期未支付。依照${BLACKLIST_REGULATION}，本机关决定将你单位`), ...(e.responsiblePersons ? [fixed('及'), t(e.responsiblePersons, '法定代表人及直接责任人员')] : []),
        fixed(`列入拖欠农民工工资失信联合惩戒对象名单，列入期限为${d.listingYears}年，自${plainChineseDate(date)}至${plainChineseDate(e.periodEnd ?? date)}。名单将依法向社会公布，并推送有关部门实施联合惩戒。`)),
      para(fixed(`你单位改正拖欠工资违法行为，全额清偿拖欠工资满${d.earlyRemovalMonths}个月后，可以书面申请提前移出名单，并作出信用承诺。`)),
      para(fixed('你单位如不服本决定，可以依法申请行政复议或者提起行政诉讼。')),
      ...closing(d.department, date),
    ],
  };
}

export function blacklistRemoval(d: BlacklistDocumentData): DocumentModel {
  const e = d.entry;
  const date = e.removalDate ?? e.noticeDate;
  return {
    kind: 'blacklist_removal', issuer: t(d.department, '作出决定的部门'), title: '移出失信联合惩戒对象名单决定书', caseNumber: null, meta: { subject: BLACKLIST_DOCUMENT_KINDS.removal, date },
    blocks: [
      addressee(e),
      para(fixed(`你单位于${plainChineseDate(e.decisionDate ?? e.noticeDate)}被列入拖欠农民工工资失信联合惩戒对象名单。`), t(e.removalReason ?? '', '移出理由'), fixed('。')),
      para(fixed(`依照${BLACKLIST_REGULATION}，本机关决定自${plainChineseDate(date)}起将你单位移出拖欠农民工工资失信联合惩戒对象名单，并通知有关部门停止联合惩戒措施。`)),
      ...closing(d.department, date),
    ],
  };
}

export const SUPERVISION_BUILDERS = {
  arrears_bulletin: inFull(bulletinDocument),
  blacklist_notice: inFull(blacklistNotice),
  blacklist_decision: inFull(blacklistDecision),
  blacklist_removal: inFull(blacklistRemoval),
};
