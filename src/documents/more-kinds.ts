import { REVIEW_REFUSAL_GROUNDS, type ReviewRefusalGround, plainChineseDate, chineseDate } from '../domain';
import { agreementRuns } from './outcomes';
import type { AgreementItem } from './data';
import { cnOrdinal, commissionClose, contactLine, dispute, names, you } from './common';
import type { DocumentData } from './data';
import type { Hearing } from '../api/views';
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

/** What the certificates of an overdue period are built from: the statutory clock (services/clock.ts overduePeriods). */
export interface OverdueData {
  /** The last day of the period that ran out. */
  dueDate: string;
  extensionDays?: number;
  suspendedDays?: number;
}

const caseParties = (d: DocumentData): Text[] => [...names(d.case.applicants, '申请人'), fixed('与'), ...names(d.case.respondents, '被申请人')];

/**
 * 逾期未作出受理决定证明书 — the commission received the application and made no decision to accept or refuse it within
 * the period; the applicant may sue on the dispute (LDMAL Art 29). Issued only once the period has run out (the
 * issuing path checks it against the statutory clock).
 */
export function overdueAcceptanceCertificate(d: DocumentData): DocumentModel {
  const o = d.overdue!;
  return {
    kind: 'overdue_acceptance_certificate', issuer: issuer(d), title: '逾期未作出受理决定证明书', caseNumber: caseNo(d), meta: { subject: '逾期未作出受理决定证明书', date: d.issuedDate },
    blocks: [
      para(
        fixed('申请人'), ...names(d.case.applicants, '申请人'), fixed(`于${plainChineseDate(d.case.receivedDate)}向本委提出与被申请人`), ...names(d.case.respondents, '被申请人'),
        fixed(`${dispute(d.case)}仲裁申请。本委应当自收到仲裁申请之日起五日内作出受理或者不予受理的决定，该期限已于`), t(plainChineseDate(o.dueDate), '受理审查期限届满日'),
        fixed('届满，本委未作出决定。'),
      ),
      para(fixed('根据《中华人民共和国劳动争议调解仲裁法》第二十九条的规定，仲裁委员会逾期未作出受理决定的，申请人可以就该劳动争议事项向人民法院提起诉讼。')),
      para(fixed('特此证明。')),
      ...contactLine(d),
      ...commissionClose(issuer(d), d.issuedDate),
    ],
  };
}

/**
 * 逾期未作出仲裁裁决证明书 — the award period (45 days from acceptance, extended with the chair's approval by at most 15,
 * suspended time left out) has run out without an award; a party may sue on the dispute (LDMAL Art 43; Rules Arts
 * 45–46). Issued only once the period has run out and no award or 调解书 was made.
 */
export function overdueAwardCertificate(d: DocumentData): DocumentModel {
  const o = d.overdue!;
  return {
    kind: 'overdue_award_certificate', issuer: issuer(d), title: '逾期未作出仲裁裁决证明书', caseNumber: caseNo(d), meta: { subject: '逾期未作出仲裁裁决证明书', date: d.issuedDate },
    blocks: [
      para(...caseParties(d), fixed(`${dispute(d.case)}一案，本委于${plainChineseDate(d.case.acceptanceDate ?? d.issuedDate)}受理。`)),
      para(
        fixed('仲裁庭裁决劳动争议案件，应当自仲裁委员会受理仲裁申请之日起四十五日内结束'),
        ...(o.extensionDays ? [fixed(`；本案经批准延长审理期限${o.extensionDays}日`)] : []),
        ...(o.suspendedDays ? [fixed(`，中止审理的${o.suspendedDays}日不计入审理期限`)] : []),
        fixed('。本案审理期限已于'), t(plainChineseDate(o.dueDate), '审理期限届满日'), fixed('届满，本委未作出仲裁裁决。'),
      ),
      para(fixed('根据《中华人民共和国劳动争议调解仲裁法》第四十三条的规定，逾期未作出仲裁裁决的，当事人可以就该劳动争议事项向人民法院提起诉讼。')),
      para(fixed('特此证明。')),
      ...contactLine(d),
      ...commissionClose(issuer(d), d.issuedDate),
    ],
  };
}

/** What a 公告 is built from: one service by public notice as recorded (documents.serve with method public_notice). */
export interface PublicNoticeData {
  partyId: string;
  documentTitle: string;
  /** The served document's 文号, else the case number. */
  documentNumber: string | null;
  /** The day the notice is published (the service record's date sent). */
  publishedDate: string;
  /** The day it counts as served: thirty days after publication (as computed when the service was recorded). */
  servedDate: string;
  /** Why public notice (the note entered with the service), e.g. "下落不明". */
  reason: string | null;
}

/**
 * 公告 (service by public notice) — to a party whose whereabouts are unknown or who cannot be served otherwise: the
 * document served, the day the notice is published and the day it counts as served, thirty days later (Rules Art 20
 * applying CPL Art 95), where to collect it, and the commission.
 */
export function publicNotice(d: DocumentData): DocumentModel {
  const n = d.publicNotice!;
  const c = d.case;
  const party = [...c.applicants, ...c.respondents, ...c.thirdParties].find((p) => p.id === n.partyId)!;
  const role = { applicant: '申请人', respondent: '被申请人', third_party: '第三人' }[party.role];
  const reason = n.reason ? n.reason.trim().replace(/[。；，,;.]+$/, '') : '';
  return {
    kind: 'public_notice', issuer: issuer(d), title: '公告', caseNumber: caseNo(d), meta: { subject: '公告（公告送达）', date: n.publishedDate },
    blocks: [
      { type: 'paragraph', runs: [t(party.name, `${role}${party.kind === 'person' ? '姓名' : '名称'}`), fixed('：')], indent: false },
      para(
        fixed('本委受理的'), ...names(c.applicants, '申请人'), fixed('与'), ...names(c.respondents, '被申请人'), fixed(`${dispute(c)}一案，`),
        ...(reason ? [fixed('因'), t(reason, '公告送达原因'), fixed('，')] : [fixed(`因${you([party])}下落不明或者采用其他方式无法送达，`)]),
        fixed(`根据《劳动人事争议仲裁办案规则》第二十条、《中华人民共和国民事诉讼法》第九十五条的规定，向${you([party])}公告送达`),
        t(n.documentTitle, '送达文书名称'), ...(n.documentNumber ? [fixed('（'), t(n.documentNumber, '文号'), fixed('）')] : []), fixed('。'),
      ),
      para(
        fixed('本公告于'), t(plainChineseDate(n.publishedDate), '公告发出日期'), fixed('发出，自发出之日起经过三十日，即视为送达（视为送达日期：'),
        t(plainChineseDate(n.servedDate), '视为送达日期'), fixed(`）。${you([party])}可以在公告期间到本委领取上述文书。`),
      ),
      ...contactLine(d),
      para(fixed('特此公告。')),
      ...commissionClose(issuer(d), n.publishedDate),
    ],
  };
}

/** What the day's 开庭公告 of one venue is built from: the hearings scheduled there that day (not one case's). */
export interface HearingBulletinData {
  commissionName: string;
  venueName: string;
  venueAddress: string | null;
  date: string;
  hearings: Pick<Hearing, 'startTime' | 'endTime' | 'roomName' | 'caseNumber' | 'parties' | 'cause' | 'staff'>[];
  issuedDate: string;
}

const WEEKDAYS = '日一二三四五六';
/** A case number in a narrow cell: its prefix, then "〔2026〕第128号" on a line of its own (never broken inside). */
const caseNumberCell = (n: string, field: string): Text[] => {
  const k = n.indexOf('〔');
  return k > 0 ? [t(n.slice(0, k), field), lineBreak(), t(n.slice(k), field)] : [t(n, field)];
};

/**
 * 开庭公告 — the day's public hearing list of one venue, for the notice board (LDMAL Art 26: hearings are public
 * unless the parties agree otherwise or secrets or privacy are involved): time, room, case number, parties, cause
 * and tribunal of every hearing scheduled. Not a paper served on a party and not registered (decision 58).
 */
export function hearingBulletin(b: HearingBulletinData): DocumentModel {
  const weekday = WEEKDAYS[new Date(`${b.date}T00:00:00Z`).getUTCDay()];
  const cell = (text: string, field: string): Text[] => [t(text, field)];
  return {
    kind: 'hearing_bulletin', issuer: t(b.commissionName, '仲裁委员会名称'), title: '开庭公告', caseNumber: null, meta: { subject: `开庭公告（${b.venueName}，${b.date}）`, date: b.issuedDate },
    blocks: [
      para(
        fixed(`本委定于${plainChineseDate(b.date)}（星期${weekday}）在`), t(b.venueName, '办案场所'), ...(b.venueAddress ? [fixed('（'), t(b.venueAddress, '场所地址'), fixed('）')] : []),
        fixed(b.hearings.length ? '公开开庭审理下列劳动人事争议案件：' : '没有安排公开开庭审理的案件。'),
      ),
      ...(b.hearings.length
        ? [{
            type: 'table' as const, columns: [3, 3, 8, 7, 3, 4], size: 12, repeatHeader: true, rows: [
              { header: true, cells: [[fixed('时间')], [fixed('庭室')], [fixed('案号')], [fixed('当事人')], [fixed('案由')], [fixed('仲裁庭')]] },
              ...b.hearings.map((h, i) => ({
                cells: [
                  cell(`${h.startTime}`, `第${i + 1}件开庭时间`), cell(h.roomName, `第${i + 1}件庭室`), caseNumberCell(h.caseNumber ?? '', `第${i + 1}件案号`),
                  cell(h.parties, `第${i + 1}件当事人`), cell(h.cause ?? '', `第${i + 1}件案由`), cell(h.staff.join('、'), `第${i + 1}件仲裁庭`),
                ],
              })),
            ],
          }]
        : []),
      para(fixed('劳动争议仲裁公开进行，但当事人协议不公开进行或者涉及国家秘密、商业秘密和个人隐私的除外（《中华人民共和国劳动争议调解仲裁法》第二十六条）。')),
      para(fixed('特此公告。')),
      ...commissionClose(t(b.commissionName, '仲裁委员会名称'), b.issuedDate),
    ],
  };
}

/** A mediation agreement reached before a mediation organisation, as recorded (mediations of stage pre_arbitration). */
export interface PreArbitrationAgreement {
  organisation: string;
  applicantName: string;
  respondentName: string;
  receivedDate: string;
  /** The day the agreement was reached and signed (the mediation's outcome date): it takes effect then (LDMAL Art 14). */
  agreementDate: string;
  items: AgreementItem[];
  closing: string | null;
}

const agreementBlocks = (a: PreArbitrationAgreement): Block[] => [
  ...a.items.map((x, i) => ({ type: 'item' as const, number: `${cnOrdinal(i + 1)}、`, runs: agreementRuns(x, i) })),
  ...(a.closing ? [{ type: 'item' as const, number: `${cnOrdinal(a.items.length + 1)}、`, runs: [t(a.closing, '协议其他条款'), fixed(/[。]$/.test(a.closing) ? '' : '。')] }] : []),
];
const sides = (a: PreArbitrationAgreement): Block[] => [
  { type: 'paragraph', runs: [fixed('申请人：'), t(a.applicantName, '申请人姓名')], indent: false },
  { type: 'paragraph', runs: [fixed('被申请人：'), t(a.respondentName, '被申请人名称')], indent: false },
];

/**
 * 调解协议书 of a mediation before arbitration (LDMAL Art 14): the parties, the agreed terms, and the signatures of both
 * parties and the mediator with the organisation's seal — it takes effect and binds the parties when so signed and
 * sealed; the parties may jointly apply for arbitral review within fifteen days (Rules Art 74).
 */
export function preArbitrationAgreement(a: PreArbitrationAgreement): DocumentModel {
  return {
    kind: 'mediation_agreement', issuer: t(a.organisation, '调解组织名称'), title: '调解协议书', caseNumber: null, meta: { subject: '调解协议书', date: a.agreementDate },
    blocks: [
      ...sides(a),
      para(fixed(`双方当事人因劳动争议，于${plainChineseDate(a.receivedDate)}向本调解组织申请调解。经调解，双方当事人自愿达成如下协议：`)),
      ...agreementBlocks(a),
      para(fixed('本协议书经双方当事人签名或者盖章，经调解员签名并加盖调解组织印章后生效，对双方当事人具有约束力，当事人应当履行（《中华人民共和国劳动争议调解仲裁法》第十四条）。一方当事人在协议约定期限内不履行的，另一方当事人可以依法申请仲裁（第十五条）。')),
      para(fixed(`双方当事人可以自本协议书生效之日起十五日内，共同向有管辖权的劳动人事争议仲裁委员会提出仲裁审查申请（《劳动人事争议仲裁办案规则》第七十四条）。`)),
      { type: 'right', lines: [[fixed('申请人（签名或盖章）：')], [fixed('被申请人（签名或盖章）：')], [fixed('调 解 员（签名）：')]], gapBefore: 1 },
      { type: 'right', lines: [[t(a.organisation, '调解组织名称')], [fixed('（调解组织印章）')]], gapBefore: 1 },
      { type: 'right', lines: [[fixed(chineseDate(a.agreementDate))]] },
    ],
  };
}

/** The review as recorded, for its papers. */
export interface ReviewPaperData {
  commissionName: string;
  agreement: PreArbitrationAgreement;
  applicantDate: string;
  respondentDate: string;
  acceptedDate: string;
  arbitratorName: string;
  decidedDate: string;
  ground?: ReviewRefusalGround;
  reason?: string | null;
}

const reviewOpening = (r: ReviewPaperData): Block =>
  para(
    fixed('申请人'), t(r.agreement.applicantName, '申请人姓名'), fixed('与被申请人'), t(r.agreement.respondentName, '被申请人名称'),
    fixed(`于${plainChineseDate(r.agreement.agreementDate)}在`), t(r.agreement.organisation, '调解组织名称'),
    fixed(`主持下达成调解协议，并分别于${plainChineseDate(r.applicantDate)}、${plainChineseDate(r.respondentDate)}向本委共同申请仲裁审查。本委于${plainChineseDate(r.acceptedDate)}受理，指定仲裁员`),
    t(r.arbitratorName, '审查仲裁员姓名'), fixed('进行审查。'),
  );

/** 调解书 issued on arbitral review of a pre-arbitration agreement (Rules Arts 74–77): the agreement as confirmed. */
export function reviewStatement(r: ReviewPaperData): DocumentModel {
  return {
    kind: 'review_statement', issuer: t(r.commissionName, '仲裁委员会名称'), title: '调解书', caseNumber: null, meta: { subject: '调解书（调解协议仲裁审查）', date: r.decidedDate },
    blocks: [
      ...sides(r.agreement),
      reviewOpening(r),
      para(fixed('经审查，双方当事人达成的调解协议内容如下：')),
      ...agreementBlocks(r.agreement),
      para(fixed('上述协议不违反法律、行政法规的强制性规定，不损害国家利益、社会公共利益或者他人合法权益，系双方当事人真实意思表示，内容明确，本委予以确认。本调解书经双方当事人签收后，即发生法律效力（《中华人民共和国劳动争议调解仲裁法》第四十二条）。一方当事人逾期不履行的，另一方当事人可以依照民事诉讼法的有关规定向人民法院申请执行（第五十一条）。')),
      { type: 'right', lines: [[fixed('仲 裁 员  '), t(r.arbitratorName, '审查仲裁员姓名')]], gapBefore: 1 },
      { type: 'seal', caption: '（仲裁委员会印章）' },
      { type: 'right', lines: [[fixed(chineseDate(r.decidedDate))]] },
    ],
  };
}

/** 决定书 refusing a 调解书 on review, with its Rules Art 78 ground. */
export function reviewRefusal(r: ReviewPaperData): DocumentModel {
  const g = r.ground ?? 6;
  const reason = (r.reason ?? '').trim().replace(/[。；，,;.]+$/, '');
  return {
    kind: 'review_refusal', issuer: t(r.commissionName, '仲裁委员会名称'), title: '决定书', caseNumber: null, meta: { subject: '决定书（不予出具调解书）', date: r.decidedDate },
    blocks: [
      ...sides(r.agreement),
      reviewOpening(r),
      para(fixed(`经审查，该调解协议存在下列情形：${REVIEW_REFUSAL_GROUNDS[g]}。`), ...(reason ? [fixed('具体理由：'), t(reason, '不予出具调解书的理由'), fixed('。')] : [])),
      para(fixed(`根据《劳动人事争议仲裁办案规则》第七十八条第（${cnOrdinal(g)}）项的规定，本委决定不予出具调解书。`)),
      para(fixed('本决定书自送达之日起生效。')),
      { type: 'right', lines: [[fixed('仲 裁 员  '), t(r.arbitratorName, '审查仲裁员姓名')]], gapBefore: 1 },
      { type: 'seal', caption: '（仲裁委员会印章）' },
      { type: 'right', lines: [[fixed(chineseDate(r.decidedDate))]] },
    ],
  };
}
