import { createHash } from 'node:crypto';
import type { CaseDocument, DocumentFile, DocumentKindView, DocumentPreview, IssuedDocumentRef } from '../api';
import { AppError } from '../api';
import { CASE_STATUS_LABELS, DOCUMENT_KINDS, type DocumentKind, formatCaseNumber, isNumberedSeries, shanghaiDate } from '../domain';
import {
  type DocumentData, type DocumentFormat, type DocumentKindInfo, type DocumentModel, DOCUMENT_KIND_REGISTRY, kindGroup, kindInfo, modelAddressee, modelPlainText, render,
} from '../documents';
import type { Db } from '../db/open';
import { StoreError, getDocumentFile, putDocumentFile, storeDir } from '../db/document-store';
import { selectCaseNumber } from '../db/queries/cases';
import { documentServed, insertDocument, peekDocumentNumber, selectCurrentOfKind, takeDocumentNumber, selectDocument, selectDocumentFile, selectMaxVersion, selectSupersededBy, setSupersededBy } from '../db/queries/documents';
import { PDFDocument } from 'pdf-lib';
import { hasScheduledHearing } from '../db/queries/hearings';
import { selectExtensions, selectSuspensions } from '../db/queries/clock';
import type { CaseDocumentRow } from '../db/queries/rows';
import { getCase } from './cases';
import { type ServiceContext, actor, caseEvent, newId, nowIso } from './context';
import { invalid } from './errors';
import { caseRevision, closureOf, requireOpenCase, requireRevision } from './guards';
import { writeTx } from './tx';
import { hearingOf, loadDocuments, loadTribunal } from './proceedings';
import { outcomePayload } from './outcomes';
import { readSettings } from './settings';
import { TRIBUNAL_SIGNED_KINDS, requireTribunalArbitrator } from './duties';
import { clockPaperData, overduePeriods } from './clock';
import { selectCaseMediations, selectMediation, selectMediationSessions } from '../db/queries/mediations';
import { selectCasePublicServices, selectPublicService } from '../db/queries/public-notices';
import { selectCaseEvidenceSubmissions, selectEvidenceItems, selectEvidenceSubmission } from '../db/queries/evidence';

/**
 * The document register: build a document from the case (src/documents), render DOCX and PDF, and store both with their
 * SHA-256. Issued documents never change (the database refuses it, see migration 006); a change is a new version with a
 * reason, and the old version stays readable.
 */

export interface DocumentPayload {
  /** Paper for documents with a stub: A4 (stub on its own page) or A3 (stub left, notice right, seal across the fold). */
  layout?: 'a4' | 'a3-stub';
  /** Set by the outcome flows: which records the document was built from. */
  mediationId?: string;
  hearingRecordId?: string;
  claimIds?: string[];
  hearingRecord?: DocumentData['hearingRecord'];
  correction?: { items: string[]; days: number };
  /** 授权委托书 / 法定代表人身份证明书: the party the form is for. */
  partyId?: string;
  /** 证据收据: the recorded evidence submission (services/evidence.ts). */
  submissionId?: string;
  /** 公告: the service record of method public_notice. */
  serviceId?: string;
  /** 延期开庭通知书: set by the hearing move (services/hearing-move.ts) — the former time and the reason. */
  postponement?: DocumentData['postponement'];
  evidenceDeadline?: string;
  servedDocumentIds?: string[];
  decision?: DocumentData['decision'];
  mediation?: DocumentData['mediation'];
  award?: DocumentData['award'];
}

export interface GenerateInput {
  caseId: string;
  kind: DocumentKind;
  issuedDate: string;
  hearingId?: string;
  title?: string;
  payload?: DocumentPayload;
}


/** The kinds the case's stage allows, each with why it is not available when it is not. */
export function documentKinds(db: Db, caseId: string, today: string = shanghaiDate(new Date())): DocumentKindView[] {
  const c = getCase(db, { id: caseId });
  const tribunal = loadTribunal(db, caseId);
  const hasHearing = hasScheduledHearing(db, caseId);
  // listed group by group (registry order within a group), each with its heading
  const grouped = DOCUMENT_KIND_REGISTRY.map((k, i) => ({ k: k as DocumentKindInfo, group: kindGroup(k.code), i })).sort((a, b) => a.group.order - b.group.order || a.i - b.i);
  return grouped.map(({ k, group }) => {
    let unavailable: string | null = null;
    if (!k.stages.includes(c.status)) unavailable = `适用于${k.stages.map((s) => CASE_STATUS_LABELS[s]).join('、')}的案件`;
    else if (k.needs.includes('tribunal') && !tribunal) unavailable = '请先组成仲裁庭';
    else if (k.needs.includes('hearing') && !hasHearing) unavailable = '请先安排开庭';
    else if (k.needs.includes('award')) unavailable = '在「调解与裁决」中逐项裁决后签发';
    else if (k.needs.includes('mediation')) unavailable = '在「调解与裁决」中录入调解协议后签发';
    else if (k.needs.includes('record')) unavailable = '在「调解与裁决」中录入庭审笔录后打印';
    else if (k.needs.includes('extension') && !selectExtensions(db, caseId).length) unavailable = '先在“审理期限”中登记经批准的延长审理期限';
    else if (k.needs.includes('suspension') && !selectSuspensions(db, caseId).length) unavailable = '先在“审理期限”中登记中止审理';
    else if (k.needs.includes('resumption') && !selectSuspensions(db, caseId).some((s) => s.resume_date)) unavailable = '先在“审理期限”中登记恢复审理';
    else if (k.needs.includes('unit') && ![...c.applicants, ...c.respondents, ...c.thirdParties].some((x) => x.kind === 'org')) unavailable = '本案没有单位当事人';
    else if (k.needs.includes('mediation_session') && !recordedMediations(db, caseId).length) unavailable = '先在「调解与裁决」中登记仲裁中调解的调解过程';
    else if (k.needs.includes('evidence') && !selectCaseEvidenceSubmissions(db, caseId).length) unavailable = '先在案件页“证据材料”中登记当事人提交的证据';
    else if (k.needs.includes('overdue_acceptance') && !overduePeriods(db, caseId, today).acceptance) unavailable = '受理审查期限尚未届满（《劳动争议调解仲裁法》第二十九条）';
    else if (k.needs.includes('overdue_award') && !overduePeriods(db, caseId, today).award) unavailable = '审理期限尚未届满，或已作出裁决、调解书，或案件中止审理中（《劳动争议调解仲裁法》第四十三条）';
    else if (k.needs.includes('public_service') && !selectCasePublicServices(db, caseId).length) unavailable = '先在文书的送达登记中以“公告送达”登记送达';
    else if (k.needs.includes('postponement')) unavailable = '在开庭安排中“改期”时随改期一并签发';
    return { code: k.code, label: k.label, group: group.label, basis: k.basis, needs: [...k.needs], available: unavailable === null, unavailable };
  });
}

/** The case's mediations within arbitration that have at least one recorded session (what a 调解笔录 is built from). */
export function recordedMediations(db: Db, caseId: string) {
  return selectCaseMediations(db, caseId).filter((m) => m.stage === 'in_arbitration' && selectMediationSessions(db, m.id).length > 0);
}

/** Gathers the data a kind needs and builds its model; refuses with a field message when something is missing. */
export function buildModel(db: Db, input: GenerateInput, documentNumber?: string | null): { model: DocumentModel; info: DocumentKindInfo; revision: number } {
  const info = kindInfo(input.kind);
  if (!info) throw new AppError('INVALID_STATE', `“${DOCUMENT_KINDS[input.kind]}”没有文书模板，只能登记`);
  const c = getCase(db, { id: input.caseId });
  if (!info.stages.includes(c.status)) {
    throw new AppError('INVALID_STATE', `${info.label}适用于${info.stages.map((s) => CASE_STATUS_LABELS[s]).join('、')}的案件，本案为“${CASE_STATUS_LABELS[c.status]}”`);
  }
  const settings = readSettings(db);
  const tribunal = loadTribunal(db, input.caseId);
  const p = input.payload ?? {};
  const data: DocumentData = {
    commissionName: settings.commissionName, intermediateCourt: settings.intermediateCourt, basicCourt: settings.basicCourt || null, commissionAddress: settings.commissionAddress || null, commissionPhone: settings.commissionPhone || null, commissionContact: settings.commissionContact || null,
    case: c, tribunal, issuedDate: input.issuedDate,
    ...(p.evidenceDeadline ? { evidenceDeadline: p.evidenceDeadline } : {}),
    ...(documentNumber ? { documentNumber } : {}),
  };
  if (info.needs.includes('tribunal') && !tribunal) throw new AppError('INVALID_STATE', `生成${info.label}前请先组成仲裁庭`);
  if (info.needs.includes('hearing')) {
    const h = input.hearingId ? hearingOf(db, input.caseId, input.hearingId) : null;
    if (!h || h.status !== 'scheduled') invalid('hearingId', `${info.label}须对应本案一次尚未举行的开庭安排`);
    data.hearing = h!;
  } else if (input.hearingId) invalid('hearingId', '只有开庭通知书、延期开庭通知书对应开庭安排');
  if (info.needs.some((n) => n === 'extension' || n === 'suspension' || n === 'resumption')) {
    // built from what the clock recorded (clock.extend / clock.suspend / clock.resume), never from a caller's payload
    const k = clockPaperData(db, input.caseId, input.issuedDate);
    if (info.needs.includes('extension') && !k.extension) invalid('kind', '本案没有经批准的延长审理期限记录，请先在“审理期限”中登记延期（《劳动争议调解仲裁法》第四十三条）');
    if (info.needs.includes('suspension') && !k.suspension) invalid('kind', '本案没有中止审理记录，请先在“审理期限”中登记中止');
    if (info.needs.includes('resumption') && !k.suspension?.resumeDate) invalid('kind', '本案没有恢复审理记录，请先在“审理期限”中登记恢复审理');
    data.clock = {
      awardDueDate: k.awardDueDate,
      ...(k.extension ? { extension: { days: k.extension.days, totalDays: k.extension.totalDays, approvedBy: k.extension.approvedBy, approvalDate: k.extension.approvalDate, reason: k.extension.reason } } : {}),
      ...(k.suspension ? { suspension: { startDate: k.suspension.startDate, resumeDate: k.suspension.resumeDate, reason: k.suspension.reason, days: k.suspension.days } } : {}),
    };
  }
  if (info.needs.includes('party')) {
    const party = [...c.applicants, ...c.respondents, ...c.thirdParties].find((x) => x.id === p.partyId);
    if (!party) invalid('payload.partyId', `请选择${info.label}所属的本案当事人`);
    if (info.needs.includes('unit') && party!.kind !== 'org') invalid('payload.partyId', '法定代表人身份证明书只适用于用人单位等单位当事人');
    data.party = party!;
  }
  if (info.needs.includes('mediation_session')) {
    // 调解笔录: built from the mediation's recorded sessions (outcomes.ts), never from a caller's text
    const m = p.mediationId ? selectMediation(db, p.mediationId) : undefined;
    if (!m || m.case_id !== input.caseId || m.stage !== 'in_arbitration') invalid('payload.mediationId', '请选择本案仲裁中的一次调解');
    const sessions = selectMediationSessions(db, m!.id);
    if (!sessions.length) invalid('payload.mediationId', '该调解尚未登记调解过程，请先在「调解与裁决」中记录调解');
    data.mediationRecord = {
      sessions: sessions.map((s) => ({ date: s.date, mediator: s.mediator, attendees: s.attendees, notes: s.notes })),
      outcome: m!.outcome, outcomeDate: m!.outcome_date,
    };
  }
  if (info.needs.includes('evidence')) {
    // 证据收据: built from the recorded submission (services/evidence.ts), never from a caller's list
    const sub = p.submissionId ? selectEvidenceSubmission(db, p.submissionId) : undefined;
    if (!sub || sub.case_id !== input.caseId) invalid('payload.submissionId', '请选择本案已登记的一次证据提交');
    data.evidence = {
      partyId: sub!.party_id, receivedDate: sub!.received_date,
      items: selectEvidenceItems(db, sub!.id).map((i) => ({ name: i.name, source: i.source, purpose: i.purpose, pages: i.pages, original: i.original === 1, copies: i.copies })),
    };
  }
  if (info.needs.includes('overdue_acceptance') || info.needs.includes('overdue_award')) {
    // issued only when the statutory clock shows the period ran out before the date of issue
    const o = overduePeriods(db, input.caseId, input.issuedDate);
    if (info.needs.includes('overdue_acceptance')) {
      if (!o.acceptance) invalid('issuedDate', '受理审查期限尚未届满，或本案已作出受理、不予受理决定，不能出具逾期未作出受理决定证明书（《劳动争议调解仲裁法》第二十九条）');
      data.overdue = o.acceptance!;
    } else {
      if (!o.award) invalid('issuedDate', '审理期限尚未届满，或本案已作出裁决、调解书，或正在中止审理，不能出具逾期未作出仲裁裁决证明书（《劳动争议调解仲裁法》第四十三条）');
      data.overdue = o.award!;
    }
  }
  if (info.needs.includes('public_service')) {
    // 公告: built from the recorded service by public notice, never from a caller's text
    const s = p.serviceId ? selectPublicService(db, p.serviceId) : undefined;
    if (!s || s.case_id !== input.caseId) invalid('payload.serviceId', '请选择本案以“公告送达”登记的一次送达');
    data.publicNotice = {
      partyId: s!.party_id, documentTitle: s!.doc_title, documentNumber: s!.doc_number ?? s!.case_number, publishedDate: s!.sent_date, servedDate: s!.served_date, reason: s!.note,
    };
  }
  if (info.needs.includes('postponement')) {
    if (!p.postponement) invalid('payload.postponement', '延期开庭通知书随开庭改期一并签发，请在开庭安排中改期');
    data.postponement = p.postponement;
  }
  if (info.needs.includes('correction')) {
    if (!p.correction) invalid('payload.correction', '请列出需要补正的材料');
    data.correction = p.correction;
  }
  if (info.needs.includes('decision')) {
    if (!p.decision) invalid('payload.decision', '请填写决定书的事由、查明事项和决定内容');
    data.decision = p.decision;
  }
  if (info.needs.includes('served')) {
    if (!p.servedDocumentIds?.length) invalid('payload.servedDocumentIds', '请选择要送达的文书');
    const docs = loadDocuments(db, input.caseId);
    const served = p.servedDocumentIds!.map((id) => {
      const d = docs.find((x) => x.id === id);
      if (!d) invalid('payload.servedDocumentIds', '所选文书不是本案已签发的文书');
      return d!;
    });
    data.served = { titles: served.map((d) => d.title), numbers: served.map((d) => d.documentNumber) };
  }
  if (info.needs.includes('mediation')) {
    if (!p.mediation) invalid('payload.mediation', '请先录入调解协议');
    data.mediation = p.mediation;
  }
  if (info.needs.includes('award')) {
    if (!p.award) invalid('payload.award', '请先录入各项请求的裁决结果');
    data.award = p.award;
  }
  if (info.needs.includes('record')) {
    if (!p.hearingRecord) invalid('payload.hearingRecord', '请先录入庭审笔录');
    data.hearingRecord = p.hearingRecord;
  }
  return { model: info.build(data), info, revision: caseRevision(db, input.caseId) };
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const countPages = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type \/Page[^s]/g) ?? []).length;

/** Renders without registering — what the clerk previews before issuing. */
export async function previewDocument(db: Db, input: GenerateInput): Promise<DocumentPreview> {
  const { model, info } = buildModel(db, input, nextDocumentNumber(db, input)?.number);
  const pdf = await render(model, 'pdf', readSettings(db).documentFonts, input.payload?.layout ?? 'a4');
  return {
    kind: input.kind, title: input.title ?? info.label, text: modelPlainText(model), pages: countPages(pdf), pdfBase64: pdf.toString('base64'),
    // a new issue starts a series at version 1 (a changed version is a re-issue with a reason)
    record: { addressee: modelAddressee(model), version: 1, number: model.caseNumber?.text ?? null },
  };
}

async function renderBoth(db: Db, model: DocumentModel, layout: 'a4' | 'a3-stub' = 'a4') {
  const pref = readSettings(db).documentFonts;
  const [pdf, docx] = await Promise.all([render(model, 'pdf', pref, layout), render(model, 'docx', pref, layout)]);
  return { pdf, docx, pages: countPages(pdf) };
}


/**
 * The 文号 an issue of this kind would take now (null for papers numbered with the case number): the series' pattern
 * from settings, the year of the date of issue, and the sequence's last number plus `ahead` (earlier issues of the
 * same series in one batch) plus one. Read before rendering; taken inside the issuing transaction (takeNumber).
 */
function nextDocumentNumber(db: Db, input: GenerateInput, ahead = 0): { series: string; year: number; n: number; number: string } | null {
  if (!isNumberedSeries(input.kind)) return null;
  const pattern = readSettings(db).documentNumberPatterns[input.kind];
  if (!pattern) return null;
  const year = Number(input.issuedDate.slice(0, 4)); // a calendar date (Beijing), not a UTC timestamp
  const n = peekDocumentNumber(db, input.kind, year) + ahead + 1;
  return { series: input.kind, year, n, number: formatCaseNumber(pattern, year, n) };
}

/** Raised inside the transaction when another issue took the number this paper was rendered with; issueMany renders again. */
class NumberTaken extends Error {}

function takeNumber(db: Db, num: { series: string; year: number; n: number }): void {
  if (takeDocumentNumber(db, num.series, num.year) !== num.n) throw new NumberTaken();
}

function checkIssueDate(ctx: ServiceContext, caseId: string, issuedDate: string) {
  if (issuedDate > shanghaiDate(ctx.now())) invalid('issuedDate', '签发日期不能晚于今天');
  const c = getCase(ctx.db, { id: caseId });
  const floor = c.acceptanceDate ?? c.receivedDate;
  if (issuedDate < floor) invalid('issuedDate', `签发日期不能早于${c.acceptanceDate ? '受理' : '收件'}日期（${floor}）`);
}

interface Rendered {
  model: DocumentModel;
  pdf: Buffer;
  docx: Buffer;
  pages: number;
}

function insertIssued(ctx: ServiceContext, input: GenerateInput, title: string, r: Rendered | null, series: { id: string; version: number; reason: string } | null, docNumber: string | null = null): string {
  const id = newId();
  const c = selectCaseNumber(ctx.db, input.caseId)!;
  // --- document store (issue 13 item 3, decision 141): the files are written and fsynced beside the database before
  // the register row commits (this runs inside the issuing transaction); the row keeps only their SHA-256.
  const inStore = r !== null && storeDir(ctx.db) !== null;
  if (inStore) {
    putDocumentFile(ctx.db, r.pdf);
    putDocumentFile(ctx.db, r.docx);
  }
  // --- end document store
  insertDocument(ctx.db, {
    id, case_id: input.caseId, kind: input.kind, title, issued_date: input.issuedDate, hearing_id: input.hearingId ?? null, created_at: nowIso(ctx), created_by: actor(ctx).id,
    series_id: series?.id ?? id, version: series?.version ?? 1, reissue_reason: series?.reason ?? null, case_number: c.case_number ?? null,
    text_content: r ? modelPlainText(r.model) : null, payload: input.payload ? JSON.stringify(input.payload) : null,
    docx: inStore ? null : r?.docx ?? null, pdf: inStore ? null : r?.pdf ?? null, docx_sha256: r ? sha256(r.docx) : null, pdf_sha256: r ? sha256(r.pdf) : null, pages: r?.pages ?? null,
    doc_number: docNumber,
  });
  return id;
}

/** Kinds whose content comes from the case's own records (mediation, decisions), never from a caller's payload. */
const OUTCOME_KINDS = new Set(['award', 'mediation_statement', 'hearing_record']);

/**
 * Issues a document: kinds with a template are rendered to DOCX and PDF and stored with their hashes; register-only kinds
 * (application_copy, composition_notice, other) are recorded without files. Awards, mediation statements and hearing
 * records are issued from their own records (services/outcomes.ts), not from here.
 */
export async function issueDocument(ctx: ServiceContext, input: GenerateInput): Promise<CaseDocument> {
  if (OUTCOME_KINDS.has(input.kind)) {
    throw new AppError('INVALID_STATE', `${DOCUMENT_KINDS[input.kind]}由案件的调解、庭审和裁决记录生成，请在「调解与裁决」中签发`);
  }
  const [id] = await issueMany(ctx, [input]);
  return loadDocuments(ctx.db, input.caseId).find((d) => d.id === id)!;
}

/**
 * Renders each document (outside the transaction), then stores them all in one transaction; `inTransaction` runs in the
 * same transaction with the new ids (e.g. to lock the decisions an award carries).
 */
export async function issueMany(ctx: ServiceContext, inputs: GenerateInput[], inTransaction?: (ids: string[]) => void): Promise<string[]> {
  // a paper with its own 文号 is rendered with the number it will take; if another issue takes that number first, the
  // transaction rolls back (nothing stored, no number used) and the papers are rendered again with the next one
  for (let attempt = 1; ; attempt++) {
    try {
      return await issueOnce(ctx, inputs, inTransaction);
    } catch (e) {
      if (!(e instanceof NumberTaken)) throw e;
      if (attempt >= 3) throw new AppError('CONFLICT', '文号被同时签发的其他文书占用，请稍后重新签发');
    }
  }
}

async function issueOnce(ctx: ServiceContext, inputs: GenerateInput[], inTransaction?: (ids: string[]) => void): Promise<string[]> {
  const prepared: { input: GenerateInput; title: string; rendered: Rendered | null; revision: number; num: ReturnType<typeof nextDocumentNumber> }[] = [];
  const ahead = new Map<string, number>();
  for (const input of inputs) {
    const info = kindInfo(input.kind);
    // issue 12 item 1: the tribunal's documents are issued by its arbitrators only.
    if (TRIBUNAL_SIGNED_KINDS.has(input.kind)) requireTribunalArbitrator(ctx, input.caseId, `签发${DOCUMENT_KINDS[input.kind]}`);
    checkIssueDate(ctx, input.caseId, input.issuedDate);
    requireIssuable(ctx.db, input);
    let rendered: Rendered | null = null;
    let num: ReturnType<typeof nextDocumentNumber> = null;
    const revision = caseRevision(ctx.db, input.caseId);
    if (info) {
      num = nextDocumentNumber(ctx.db, input, ahead.get(input.kind) ?? 0);
      if (num) ahead.set(input.kind, (ahead.get(input.kind) ?? 0) + 1);
      const built = buildModel(ctx.db, input, num?.number);
      requireNotDuplicate(ctx.db, input, built.model);
      rendered = { model: built.model, ...(await renderBoth(ctx.db, built.model, input.payload?.layout)) };
    } else {
      const c = getCase(ctx.db, { id: input.caseId });
      if (c.status !== 'accepted') throw new AppError('INVALID_STATE', '只有已受理的案件才能登记此类文书');
      if (input.hearingId) invalid('hearingId', '只有开庭通知书对应开庭安排');
    }
    prepared.push({ input, title: input.title ?? info?.label ?? DOCUMENT_KINDS[input.kind], rendered, revision, num });
  }
  return writeTx(ctx, () => {
    // Prepared and rendered outside the transaction: commit only if no record of the case changed meanwhile (the checks
    // run again inside, all before the first insert, which itself increments the revision).
    for (const { input, revision } of prepared) {
      requireIssuable(ctx.db, input);
      requireRevision(ctx.db, input.caseId, revision);
    }
    const ids = prepared.map(({ input, title, rendered, num }) => {
      if (num) takeNumber(ctx.db, num);
      const docId = insertIssued(ctx, input, title, rendered, null, num?.number ?? null);
      caseEvent(ctx, input.caseId, 'document.issued', `签发${title}（${num ? `${num.number}，` : ''}${input.issuedDate}${rendered ? `，PDF ${rendered.pages} 页` : '，仅登记'}）`);
      return docId;
    });
    inTransaction?.(ids);
    return ids;
  });
}

/**
 * Issuing what is already in the register is refused: a current version of the same kind (for the same hearing) whose
 * text equals this one's when built with that version's date of issue. The clerk views, prints or saves the issued
 * version instead; a changed document is a new version with a reason (re-issue). Outcome kinds (award, 调解书, 笔录)
 * are issued once from their own records (services/outcomes.ts) and are not checked here.
 */
function requireNotDuplicate(db: Db, input: GenerateInput, model: DocumentModel): void {
  if (OUTCOME_KINDS.has(input.kind)) return;
  for (const old of selectCurrentOfKind(db, input.caseId, input.kind)) {
    if (old.text_content === null || (old.hearing_id ?? undefined) !== input.hearingId) continue;
    const same = old.issued_date === input.issuedDate && !old.doc_number ? model : buildModel(db, { ...input, issuedDate: old.issued_date }, old.doc_number).model;
    if (modelPlainText(same) === old.text_content) {
      throw new AppError(
        'INVALID_STATE',
        `本案已签发内容相同的${old.title}（第${old.version}版，${old.issued_date}签发），不再重复签发；请在文书列表中查看、打印或保存该版本，内容需要更正的请“重新签发”并说明理由`,
      );
    }
  }
}

/** A closed case takes no new document except a 决定书 correcting a clerical error in the award. */
function requireIssuable(db: Db, input: GenerateInput): void {
  const correction = input.kind === 'decision' && input.payload?.decision?.subject === 'correction';
  if (closureOf(db, input.caseId) && !correction) requireOpenCase(db, input.caseId, `签发${DOCUMENT_KINDS[input.kind]}`);
}

/** A new version of an issued document, with the reason; the old version stays in the register, marked superseded. */
export async function reissueDocument(
  ctx: ServiceContext,
  input: { documentId: string; reason: string; issuedDate: string; hearingId?: string; payload?: DocumentPayload },
): Promise<CaseDocument> {
  const old = selectDocument(ctx.db, input.documentId);
  if (!old) throw new AppError('NOT_FOUND', '文书不存在');
  if (old.superseded_by) throw new AppError('INVALID_STATE', '该文书已有新版本，请在最新版本上重新签发');
  // issue 12 item 1: a tribunal-signed document is re-issued by the tribunal's arbitrators only.
  if (TRIBUNAL_SIGNED_KINDS.has(old.kind)) requireTribunalArbitrator(ctx, old.case_id, `重新签发${old.title}`);
  let payload: DocumentPayload | undefined = input.payload ?? (old.payload ? JSON.parse(old.payload) : undefined);
  if (OUTCOME_KINDS.has(old.kind)) {
    // An award or mediation statement takes effect on service: once any party has it, it is corrected by a 决定书, never re-issued.
    if (documentServed(ctx.db, old.id)) throw new AppError('INVALID_STATE', `${old.title}已送达当事人，不得重新签发；如有笔误，请制作补正决定书（决定书·裁决书补正）`);
    if (input.payload) invalid('payload', `${old.title}的内容来自案件记录，请修改记录后重新签发`);
    payload = outcomePayload(ctx, old.kind as DocumentKind, payload, input.issuedDate);
  }
  const gen: GenerateInput = {
    caseId: old.case_id, kind: old.kind as DocumentKind, issuedDate: input.issuedDate, hearingId: input.hearingId ?? old.hearing_id ?? undefined, title: old.title,
    ...(payload ? { payload } : {}),
  };
  if (!gen.hearingId) delete gen.hearingId;
  checkIssueDate(ctx, gen.caseId, gen.issuedDate);
  if (gen.issuedDate < old.issued_date) invalid('issuedDate', `新版本的签发日期不能早于原版本（${old.issued_date}）`);
  const prepared = await prepareReissue(ctx, old, gen);
  const id = writeTx(ctx, () => commitReissue(ctx, old, gen, prepared, input.reason));
  return loadDocuments(ctx.db, old.case_id).find((d) => d.id === id)!;
}

/** Renders a new version (outside any transaction) and notes the case revision it was built from. */
export async function prepareReissue(ctx: ServiceContext, old: CaseDocumentRow, gen: GenerateInput): Promise<{ rendered: Rendered | null; revision: number }> {
  requireIssuable(ctx.db, gen);
  const revision = caseRevision(ctx.db, gen.caseId);
  // the kind of the new version (a moved hearing's notice is followed by a 延期开庭通知书 in the same series)
  const info = kindInfo(gen.kind);
  let rendered: Rendered | null = null;
  if (info) {
    // a new version of a numbered paper keeps its number
    const built = buildModel(ctx.db, gen, old.doc_number);
    rendered = { model: built.model, ...(await renderBoth(ctx.db, built.model, gen.payload?.layout)) };
  }
  return { rendered, revision };
}

/** Stores the new version and supersedes the old one; call inside writeTx. */
export function commitReissue(ctx: ServiceContext, old: CaseDocumentRow, gen: GenerateInput, p: { rendered: Rendered | null; revision: number }, reason: string, checkRevision = true): string {
  const rendered = p.rendered;
  const input = { reason, issuedDate: gen.issuedDate };
  requireIssuable(ctx.db, gen);
  if (checkRevision) requireRevision(ctx.db, gen.caseId, p.revision);
  {
    const fresh = selectSupersededBy(ctx.db, old.id)!;
    if (fresh.superseded_by) throw new AppError('CONFLICT', '该文书刚被他人重新签发，请刷新后再试');
    const version = selectMaxVersion(ctx.db, old.series_id ?? old.id)! + 1;
    const title = gen.title ?? old.title;
    const newDoc = insertIssued(ctx, gen, title, rendered, { id: old.series_id ?? old.id, version, reason: input.reason }, old.doc_number);
    setSupersededBy(ctx.db, old.id, newDoc);
    caseEvent(ctx, old.case_id, 'document.reissued', `重新签发${title}（第${version}版，${input.issuedDate}）：${input.reason}；原版本保留备查，须重新送达`);
    return newDoc;
  }
}

/** The stored file of an issued version, exactly as issued, with its hash checked. */
export function documentFile(db: Db, input: { documentId: string; format: DocumentFormat }): DocumentFile {
  const d = selectDocumentFile(db, input.documentId);
  if (!d) throw new AppError('NOT_FOUND', '文书不存在');
  const expected = input.format === 'pdf' ? d.pdf_sha256 : d.docx_sha256;
  if (!expected) throw new AppError('INVALID_STATE', '该文书仅作登记，没有由本系统生成的文件');
  // --- document store (decision 141): bytes in the row (documents issued before the store) or in the store, both checked
  const inRow: Buffer | null = input.format === 'pdf' ? d.pdf : d.docx;
  let bytes: Buffer;
  if (inRow) {
    bytes = inRow;
    if (sha256(bytes) !== expected) throw new AppError('INTERNAL', '文书文件校验值不符，文件可能已损坏，请联系系统管理员');
  } else {
    try {
      bytes = getDocumentFile(db, expected);
    } catch (e) {
      if (e instanceof StoreError) throw new AppError('INTERNAL', e.message);
      throw e;
    }
  }
  // --- end document store
  const base = `${d.doc_number ?? d.case_number ?? '未编号'}-${d.title}${d.version > 1 ? `-第${d.version}版` : ''}`.replace(/[\\/:*?"<>|〔〕]/g, (ch: string) => ({ '〔': '(', '〕': ')' })[ch] ?? '_');
  return {
    fileName: `${base}.${input.format}`,
    mimeType: input.format === 'pdf' ? 'application/pdf' : 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    sha256: expected,
    base64: bytes.toString('base64'),
  };
}

/** Current issued versions (with files) of one kind for each of the cases, in the order the cases are given (batch printing). */
export function issuedOfKind(db: Db, input: { caseIds: string[]; kind: string }): IssuedDocumentRef[] {
  return input.caseIds.flatMap((caseId) =>
    selectCurrentOfKind(db, caseId, input.kind)
      .filter((d) => d.pdf_sha256 !== null)
      .map((d) => ({ caseId, documentId: d.id, title: d.title, version: d.version, issuedDate: d.issued_date })),
  );
}

/**
 * Issued versions as ONE PDF, in the order given, for one print job: each stored PDF (hash checked) with its pages
 * copied unchanged into the new file (pdf-lib; the pages' content and fonts are those issued, the file around them is new).
 */
export async function mergedPdf(db: Db, input: { documentIds: string[] }): Promise<DocumentFile> {
  const out = await PDFDocument.create();
  out.setTitle('批量打印文书');
  out.setCreator('劳动仲裁工作台');
  out.setProducer('劳动仲裁工作台');
  for (const documentId of input.documentIds) {
    const f = documentFile(db, { documentId, format: 'pdf' });
    const src = await PDFDocument.load(Buffer.from(f.base64, 'base64'));
    for (const page of await out.copyPages(src, src.getPageIndices())) out.addPage(page);
  }
  const bytes = Buffer.from(await out.save());
  return { fileName: `批量打印-${input.documentIds.length}份.pdf`, mimeType: 'application/pdf', sha256: sha256(bytes), base64: bytes.toString('base64') };
}

/**
 * Loads the document faces and warms the renderers in the background at start (issue 11 item 9): parsing the CJK faces
 * and the first layout take most of a cold first preview. Renders a one-paragraph paper in both formats and drops it;
 * a failure here is not the user's concern (the first real preview reports it), so it is only returned.
 */
export async function warmDocuments(db: Db): Promise<number> {
  const t0 = performance.now();
  const pref = readSettings(db).documentFonts;
  const model: DocumentModel = {
    kind: 'warm-up', issuer: { text: readSettings(db).commissionName, field: '仲裁委员会名称' }, title: '受理通知书', caseNumber: { text: '温劳人仲案字〔2026〕第1号', field: '案号' },
    blocks: [{ type: 'paragraph', indent: true, runs: [{ text: '你于2026年11月1日提交的仲裁申请，经审查符合受理条件，本委决定受理。请在送达回证上签名，支付工资12,500.00元。', field: '文书固定文字' }] }],
    meta: { subject: '预热', date: '2026-01-01' },
  };
  await render(model, 'pdf', pref);
  await render(model, 'docx', pref);
  return performance.now() - t0;
}
