import { plainChineseDate, chineseDate } from '../domain';
import { cnOrdinal, commissionClose, contactLine, dispute, names, you } from './common';
import type { DocumentData } from './data';
import { fixed, heading, lineBreak, para, t, type Block, type DocumentModel, type Text } from './model';

/**
 * Builders for the kinds added for issue 11 item 6 (调解笔录 and the kinds after it). Pure: data in, model out; every
 * sentence stating a period, right or article is listed in docs/rules.md.
 */

const issuer = (d: DocumentData): Text => t(d.commissionName, '仲裁委员会名称');
const caseNo = (d: DocumentData): Text | null => (d.documentNumber ? t(d.documentNumber, '文号') : d.case.caseNumber ? t(d.case.caseNumber, '案号') : null);
const lines = (text: string, field: string): Block[] => {
  const ps = text.split(/\n+/).map((s) => s.trim()).filter(Boolean).map((s) => para(t(s, field)));
  return ps.length ? ps : [para(fixed('（无）'))];
};

/** What a 调解笔录 is built from: one mediation within arbitration and its recorded sessions (migration 007). */
export interface MediationRecordData {
  sessions: { date: string; mediator: string; attendees: string; notes: string }[];
  outcome: 'pending' | 'success' | 'failure' | 'withdrawn';
  outcomeDate: string | null;
}

/**
 * 调解笔录 — the record of the mediation the tribunal conducts before its award (LDMAL Art 42): for each recorded
 * session its date, the mediator, who attended and what was said; the outcome when there is one; a "核对无误" line for
 * the parties' signatures on every page, and the mediator's and clerk's signatures at the end.
 */
export function mediationRecord(d: DocumentData): DocumentModel {
  const r = d.mediationRecord!;
  const c = d.case;
  const many = r.sessions.length > 1;
  const last = r.sessions.at(-1)?.date ?? d.issuedDate;
  const mediators = [...new Set(r.sessions.map((s) => s.mediator))].join('、');
  const outcome: Block[] =
    r.outcome === 'success'
      ? [para(fixed(`${plainChineseDate(r.outcomeDate ?? last)}，双方当事人自愿达成调解协议，仲裁庭将依法制作调解书，调解书经双方当事人签收后发生法律效力（《中华人民共和国劳动争议调解仲裁法》第四十二条）。`))]
      : r.outcome === 'failure'
        ? [para(fixed(`${plainChineseDate(r.outcomeDate ?? last)}，双方当事人未能达成调解协议，仲裁庭将及时作出裁决（《中华人民共和国劳动争议调解仲裁法》第四十二条）。`))]
        : r.outcome === 'withdrawn'
          ? [para(fixed(`${plainChineseDate(r.outcomeDate ?? last)}，当事人撤回调解，仲裁庭将及时作出裁决（《中华人民共和国劳动争议调解仲裁法》第四十二条）。`))]
          : [];
  return {
    kind: 'mediation_record', issuer: issuer(d), title: '调解笔录', caseNumber: caseNo(d), meta: { subject: '调解笔录', date: d.issuedDate },
    pageFooter: '以上笔录经核对无误　　当事人签名：　　　　　　　　　调解员：',
    blocks: [
      para(fixed('案由：'), t(dispute(c), '案由')),
      para(fixed('当事人：申请人'), ...names(c.applicants, '申请人'), fixed('，被申请人'), ...names(c.respondents, '被申请人'), fixed('。')),
      para(fixed('调解员：'), t(mediators, '调解员'), fixed('；书记员：'), t(d.tribunal?.clerk.displayName ?? '', '书记员姓名'), fixed('。')),
      para(fixed('调解员告知当事人：调解应当遵循自愿原则；达成协议的，仲裁庭制作调解书；调解不成或者调解书送达前一方当事人反悔的，仲裁庭应当及时作出裁决（《中华人民共和国劳动争议调解仲裁法》第四十二条）。')),
      ...r.sessions.flatMap((s, i) => [
        ...(many ? [heading(`第${cnOrdinal(i + 1)}次调解`)] : []),
        para(fixed('时间：'), t(plainChineseDate(s.date), `第${i + 1}次调解日期`), fixed('；调解员：'), t(s.mediator, `第${i + 1}次调解员`), fixed('。')),
        para(fixed('到场人员：'), t(s.attendees.replace(/[。；，,;.]+$/, ''), `第${i + 1}次调解到场人员`), fixed('。')),
        ...(many ? [] : [heading('调解情况')]),
        ...lines(s.notes, `第${i + 1}次调解记录`),
      ]),
      ...outcome,
      { type: 'right', lines: [[fixed('当事人（签名）：')], [fixed('调 解 员（签名）：')], [fixed('书 记 员（签名）：')]], gapBefore: 1 },
      { type: 'right', lines: [[fixed(chineseDate(last))]] },
    ],
  };
}

/** What a 证据收据 is built from: one recorded handing-in of evidence by a party (migration 018). */
export interface EvidenceReceiptData {
  partyId: string;
  receivedDate: string;
  items: { name: string; source: string | null; purpose: string; pages: number; original: boolean; copies: number }[];
}

/**
 * 证据收据 (with the 证据清单 as its table) — what a party handed in, as recorded: each item's name, source, purpose,
 * pages, copies and whether original or copy, and the date received; it acknowledges receipt only — the tribunal
 * admits evidence after cross-examination (LDMAL Arts 38, 39).
 */
export function evidenceReceipt(d: DocumentData): DocumentModel {
  const e = d.evidence!;
  const c = d.case;
  const party = [...c.applicants, ...c.respondents, ...c.thirdParties].find((p) => p.id === e.partyId)!;
  const role = { applicant: '申请人', respondent: '被申请人', third_party: '第三人' }[party.role];
  const cell = (text: string, field: string): Text[] => [t(text, field)];
  return {
    kind: 'evidence_receipt', issuer: issuer(d), title: '证据收据', caseNumber: caseNo(d), meta: { subject: '证据收据', date: d.issuedDate },
    blocks: [
      { type: 'paragraph', runs: [t(party.name, `${role}${party.kind === 'person' ? '姓名' : '名称'}`), fixed('：')], indent: false },
      para(
        fixed(`本委于${plainChineseDate(e.receivedDate)}收到${you([party])}在`), ...names(c.applicants, '申请人'), fixed('与'), ...names(c.respondents, '被申请人'),
        fixed(`${dispute(c)}一案中提交的下列证据材料（证据清单）：`),
      ),
      {
        type: 'table', columns: [2, 7, 4, 7, 2, 2, 4], size: 12, repeatHeader: true, rows: [
          { header: true, cells: [[fixed('序'), lineBreak(), fixed('号')], [fixed('证据名称')], [fixed('证据来源')], [fixed('证明目的')], [fixed('页'), lineBreak(), fixed('数')], [fixed('份'), lineBreak(), fixed('数')], [fixed('原件或'), lineBreak(), fixed('复印件')]] },
          ...e.items.map((x, i) => ({
            cells: [
              [fixed(String(i + 1))], cell(x.name, `第${i + 1}项证据名称`), x.source ? cell(x.source, `第${i + 1}项证据来源`) : [], cell(x.purpose, `第${i + 1}项证明目的`),
              [fixed(String(x.pages))], [fixed(String(x.copies))], [fixed(x.original ? '原件' : '复印件')],
            ],
          })),
        ],
      },
      para(fixed(`以上证据材料共${e.items.length}项，各份合计${e.items.reduce((s, x) => s + x.pages * x.copies, 0)}页。`)),
      para(fixed('本收据仅证明本委收到上列材料，不表示对证据的认定。证据应当在开庭时出示，由当事人质证；经查证属实的，仲裁庭作为认定事实的根据（《中华人民共和国劳动争议调解仲裁法》第三十八条、第三十九条）。')),
      ...contactLine(d),
      { type: 'right', lines: [[fixed('提交人（签名或盖章）：')], [fixed('收件人（签名）：')]], gapBefore: 1 },
      ...commissionClose(issuer(d), d.issuedDate),
    ],
  };
}
