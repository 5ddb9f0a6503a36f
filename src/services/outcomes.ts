import type { ClaimDecisionView, Closure, HearingRecordView, MediationStats, MediationView, Outcomes } from '../api';
import { AppError } from '../api';
import {
  CLAIM_FINALITY_TYPE, CLOSING_METHODS, type ClaimResult, type ClosingMethod, type FinalityType, MEDIATION_STAGES, type MediationOutcome,
  type MediationStage, RECEIPT_METHODS, addDays, finality, formatFen, shanghaiDate,
} from '../domain';
import type { AgreementItem, AwardData, AwardItem, MediationData } from '../documents';
import type { Db } from '../db/open';
import { insertClosure, selectClosure } from '../db/queries/closures';
import { consultationExists, markConsultationMediation } from '../db/queries/consultations';
import { selectPaperReviewDate } from '../db/queries/corrections';
import {
  lockClaimDecision, selectAwardDraft, selectClaim, selectClaimCaseId, selectClaimDecisions, selectDecisionLock, upsertAwardDraft, upsertClaimDecision,
} from '../db/queries/decisions';
import { currentAwardServed, selectCurrentAwards } from '../db/queries/documents';
import { selectHeldHearingDates, selectLastHeldHearingDate, selectPendingHearings, setHearingCancelled } from '../db/queries/hearings';
import {
  insertAgreementItem, insertMediation, insertMediationSession, selectAgreementItems, selectCaseMediations, selectMediation, selectMediationSessions,
  selectMediationStats, selectSuccessfulCaseMediations, setMediationConsultation, setMediationOutcome,
} from '../db/queries/mediations';
import { insertHearingRecord, insertHearingRecordCorrection, selectHearingRecordCaseId, selectHearingRecordCorrections, selectHearingRecords } from '../db/queries/records';
import type { MediationRow } from '../db/queries/rows';
import { getCase } from './cases';
import { caseClock } from './clock';
import { type ServiceContext, actor, caseEvent, newId, nowIso } from './context';
import { linkMediationEmployer } from './employers';
import { invalid } from './errors';
import { type DocumentPayload, issueMany } from './documents';
import { hearingOf, loadDocuments, loadTribunal } from './proceedings';
import { checkDate, requireOpenCase } from './guards';
import { readSettings } from './settings';
import { requireTribunalArbitrator } from './duties';
import { annexFor } from './collective';

/**
 * Mediation, the hearing record, a decision per claim item, the award assembled from those decisions, and closing
 * (LDMAL Arts 14, 40, 42–51; Rules Art 74). Issued awards and mediation statements live in the document register.
 */

const today = (ctx: ServiceContext) => shanghaiDate(ctx.now());
// ---------------------------------------------------------------------------------------------------------------- mediation

function loadMediation(db: Db, r: MediationRow, docs = r.case_id ? loadDocuments(db, r.case_id) : []): MediationView {
  const sessions = selectMediationSessions(db, r.id).map((s) => ({
    id: s.id, date: s.date, mediator: s.mediator, attendees: s.attendees, notes: s.notes,
  }));
  const items = selectAgreementItems(db, r.id).map((i): AgreementItem => ({
    payer: i.payer, payee: i.payee, subject: i.subject as AgreementItem['subject'], amountFen: i.amount_fen, dueDate: i.due_date, method: i.method, instalments: JSON.parse(i.instalments), ...(i.text ? { text: i.text } : {}),
  }));
  const statements = docs.filter((d) => d.kind === 'mediation_statement' && d.payloadRef === r.id);
  const current = statements.find((d) => !d.supersededBy) ?? null;
  let effectiveDate: string | null = null;
  const missing: string[] = [];
  if (current) {
    const c = getCase(db, { id: r.case_id! });
    const signed = current.services.filter((s) => (RECEIPT_METHODS as readonly string[]).includes(s.method) && s.receiptDate);
    for (const p of [...c.applicants, ...c.respondents]) if (!signed.some((s) => s.partyId === p.id)) missing.push(p.name);
    if (!missing.length) effectiveDate = signed.map((s) => s.receiptDate!).sort().at(-1)!;
  }
  const limit = addDays(r.received_date, 15);
  return {
    id: r.id, caseId: r.case_id, stage: r.stage, organisation: r.organisation, applicantName: r.applicant_name, respondentName: r.respondent_name,
    workerCount: r.worker_count, claimedFen: r.claimed_fen, receivedDate: r.received_date, outcome: r.outcome, outcomeDate: r.outcome_date,
    outcomeNote: r.outcome_note, closing: r.closing, sessions, items,
    agreedFen: items.reduce((s, i) => s + (i.amountFen ?? 0), 0),
    statementId: current?.id ?? null,
    effectiveDate,
    awaitingReceipt: current && !effectiveDate ? missing : [],
    limitNote: r.stage === 'pre_arbitration'
      ? r.outcome === 'pending'
        ? `调解组织自收到调解申请之日起十五日内（至 ${limit}）未达成调解协议的，当事人可以依法申请仲裁（《劳动争议调解仲裁法》第十四条）`
        : r.outcome === 'success'
          ? `双方可自调解协议生效之日起十五日内（至 ${addDays(r.outcome_date!, 15)}）共同向仲裁委员会申请仲裁审查（《办案规则》第七十四条）`
          : null
      : null,
  };
}

export function createMediation(
  ctx: ServiceContext,
  input: { caseId?: string; consultationId?: string; stage: MediationStage; organisation: string; applicantName?: string; respondentName?: string; workerCount: number; claimedFen?: number | null; receivedDate: string },
): MediationView {
  checkDate(ctx, input.receivedDate, 'receivedDate', '收到调解申请日期');
  if (input.stage === 'in_arbitration') {
    if (!input.caseId) invalid('caseId', '仲裁中调解须对应一件已受理的案件');
    const c = requireOpenCase(ctx.db, input.caseId!, '调解、记录庭审和裁决');
    requireTribunalArbitrator(ctx, c.id, '仲裁中的调解');
    if (input.receivedDate < c.acceptanceDate!) invalid('receivedDate', `仲裁中调解的日期不能早于受理日期（${c.acceptanceDate}）`);
  } else if (!input.caseId && (!input.applicantName || !input.respondentName)) {
    invalid('applicantName', '仲裁前调解请填写申请人和被申请人（或关联案件）');
  }
  if (input.consultationId && !consultationExists(ctx.db, input.consultationId)) invalid('consultationId', '所关联的咨询登记不存在');
  const id = newId();
  ctx.db.transaction(() => {
    insertMediation(ctx.db, {
      id, case_id: input.caseId ?? null, stage: input.stage, organisation: input.organisation, applicant_name: input.applicantName ?? null, respondent_name: input.respondentName ?? null,
      worker_count: input.workerCount, claimed_fen: input.claimedFen ?? null, received_date: input.receivedDate, created_at: nowIso(ctx), created_by: actor(ctx).id,
    });
    if (input.respondentName) linkMediationEmployer(ctx, id, { name: input.respondentName }); // issue 16: the employer register
    if (input.consultationId) {
      setMediationConsultation(ctx.db, id, input.consultationId);
      markConsultationMediation(ctx.db, input.consultationId, nowIso(ctx));
    }
    if (input.caseId) caseEvent(ctx, input.caseId, 'mediation.created', `${MEDIATION_STAGES[input.stage]}：${input.organisation}（${input.receivedDate}）`);
  }).immediate();
  return getMediation(ctx.db, id);
}

export function getMediation(db: Db, id: string): MediationView {
  const r = selectMediation(db, id);
  if (!r) throw new AppError('NOT_FOUND', '调解记录不存在');
  return loadMediation(db, r);
}

function pendingMediation(db: Db, id: string): MediationRow {
  const r = selectMediation(db, id);
  if (!r) throw new AppError('NOT_FOUND', '调解记录不存在');
  return r;
}

export function addMediationSession(ctx: ServiceContext, input: { mediationId: string; date: string; mediator: string; attendees: string; notes: string }): MediationView {
  const m = pendingMediation(ctx.db, input.mediationId);
  if (m.stage === 'in_arbitration' && m.case_id) requireTribunalArbitrator(ctx, m.case_id, '仲裁中的调解');
  if (m.outcome !== 'pending') throw new AppError('INVALID_STATE', '调解已有结果，不能再登记调解过程');
  checkDate(ctx, input.date, 'date', '调解日期');
  if (input.date < m.received_date) invalid('date', `调解日期不能早于收到调解申请的日期（${m.received_date}）`);
  ctx.db.transaction(() => {
    insertMediationSession(ctx.db, {
      id: newId(), mediation_id: m.id, date: input.date, mediator: input.mediator, attendees: input.attendees, notes: input.notes, created_at: nowIso(ctx), created_by: actor(ctx).id,
    });
    if (m.case_id) caseEvent(ctx, m.case_id, 'mediation.session', `调解（${input.date}，调解员 ${input.mediator}）`);
  }).immediate();
  return getMediation(ctx.db, m.id);
}

export function concludeMediation(
  ctx: ServiceContext,
  input: { mediationId: string; outcome: Exclude<MediationOutcome, 'pending'>; outcomeDate: string; note?: string; items: AgreementItem[]; closing?: string | null },
): MediationView {
  const m = pendingMediation(ctx.db, input.mediationId);
  if (m.stage === 'in_arbitration' && m.case_id) requireTribunalArbitrator(ctx, m.case_id, '仲裁中的调解');
  if (m.outcome !== 'pending') throw new AppError('INVALID_STATE', `调解已有结果（${m.outcome_date}）`);
  checkDate(ctx, input.outcomeDate, 'outcomeDate', '调解结果日期');
  if (input.outcomeDate < m.received_date) invalid('outcomeDate', `结果日期不能早于收到调解申请的日期（${m.received_date}）`);
  if (input.outcome === 'success' && input.items.length === 0) invalid('items', '调解成功须填写调解协议的内容');
  if (input.outcome !== 'success' && input.items.length) invalid('items', '只有调解成功才有协议内容');
  ctx.db.transaction(() => {
    setMediationOutcome(ctx.db, m.id, { outcome: input.outcome, outcome_date: input.outcomeDate, outcome_note: input.note ?? null, closing: input.closing ?? null });
    input.items.forEach((i, k) => insertAgreementItem(ctx.db, {
      id: newId(), mediation_id: m.id, seq: k + 1, payer: i.payer, payee: i.payee, subject: i.subject, amount_fen: i.amountFen, due_date: i.dueDate, method: i.method,
      instalments: JSON.stringify(i.instalments), text: i.text ?? null,
    }));
    if (m.case_id) {
      const total = input.items.reduce((s, i) => s + (i.amountFen ?? 0), 0);
      caseEvent(ctx, m.case_id, 'mediation.concluded', `调解结果：${{ success: '调解成功', failure: '调解不成', withdrawn: '撤回调解' }[input.outcome]}（${input.outcomeDate}）${total ? `，协议金额 ${formatFen(total)}` : ''}${input.note ? `；${input.note}` : ''}`);
    }
  }).immediate();
  return getMediation(ctx.db, m.id);
}

function mediationData(db: Db, m: MediationView): MediationData {
  const c = getCase(db, { id: m.caseId! });
  const facts = c.claims.map((k) => k.facts).filter(Boolean).join('\n');
  // collective case: the annex lists every worker's agreed amount, and they add up to the agreement (issue 16 item 6)
  const annex = annexFor(db, c.id, 'mediation', m.id);
  if (annex && annex.totalFen !== m.agreedFen) {
    invalid('mediationId', `附件名单的协议金额合计${formatFen(annex.totalFen)}与调解协议的金额合计${formatFen(m.agreedFen)}不一致，请核对逐人协议金额`);
  }
  return {
    agreementDate: m.outcomeDate!, applicantStatement: facts || c.claims.map((k) => k.text).join('；'), respondentDefence: '',
    factsFound: null, items: m.items, closing: m.closing, ...(annex ? { annex } : {}),
  };
}

/** 调解书 for a successful mediation within arbitration; takes effect when both sides sign for receipt (LDMAL Art 42). */
export async function issueMediationStatement(ctx: ServiceContext, input: { mediationId: string; issuedDate: string }): Promise<MediationView> {
  const m = getMediation(ctx.db, input.mediationId);
  if (m.stage !== 'in_arbitration' || !m.caseId) throw new AppError('INVALID_STATE', '仲裁前调解达成的协议由调解组织制作调解协议书；可申请仲裁审查后由仲裁委员会出具调解书（《办案规则》第七十四条）');
  if (m.outcome !== 'success') throw new AppError('INVALID_STATE', '只有调解成功才能制作调解书');
  if (m.statementId) throw new AppError('INVALID_STATE', '调解书已签发');
  requireOpenCase(ctx.db, m.caseId, '调解、记录庭审和裁决');
  if (input.issuedDate < m.outcomeDate!) invalid('issuedDate', `调解书日期不能早于达成协议的日期（${m.outcomeDate}）`);
  await issueMany(ctx, [{ caseId: m.caseId, kind: 'mediation_statement', issuedDate: input.issuedDate, payload: { mediationId: m.id, mediation: mediationData(ctx.db, m) } }]);
  return getMediation(ctx.db, m.id);
}

// ----------------------------------------------------------------------------------------------------------- hearing record

function loadRecords(db: Db, caseId: string): HearingRecordView[] {
  return selectHearingRecords(db, caseId).map((r) => ({
    id: r.id, hearingId: r.hearing_id, recordDate: r.record_date, attendees: r.attendees, statements: r.statements, evidence: r.evidence,
    questions: r.questions, finalStatements: r.final_statements, mediationAttempt: r.mediation_attempt,
    corrections: selectHearingRecordCorrections(db, r.id).map((x) => ({
      id: x.id, date: shanghaiDate(new Date(x.created_at)), requestedBy: x.requested_by, text: x.text,
    })),
  }));
}

export function createHearingRecord(
  ctx: ServiceContext,
  input: { caseId: string; hearingId?: string; recordDate: string; attendees: string; statements: string; evidence: string; questions: string; finalStatements: string; mediationAttempt: string },
): HearingRecordView {
  const c = requireOpenCase(ctx.db, input.caseId, '调解、记录庭审和裁决');
  checkDate(ctx, input.recordDate, 'recordDate', '庭审日期');
  if (input.recordDate < c.acceptanceDate!) invalid('recordDate', `庭审日期不能早于受理日期（${c.acceptanceDate}）`);
  if (input.hearingId && !hearingOf(ctx.db, input.caseId, input.hearingId)) invalid('hearingId', '所选开庭不属于本案');
  const id = newId();
  ctx.db.transaction(() => {
    insertHearingRecord(ctx.db, {
      id, case_id: input.caseId, hearing_id: input.hearingId ?? null, record_date: input.recordDate, attendees: input.attendees, statements: input.statements, evidence: input.evidence,
      questions: input.questions, final_statements: input.finalStatements, mediation_attempt: input.mediationAttempt, created_at: nowIso(ctx), created_by: actor(ctx).id,
    });
    caseEvent(ctx, input.caseId, 'hearing.recorded', `庭审笔录（${input.recordDate}）`);
  }).immediate();
  return loadRecords(ctx.db, input.caseId).find((r) => r.id === id)!;
}

export function correctHearingRecord(ctx: ServiceContext, input: { recordId: string; requestedBy: string; text: string }): HearingRecordView {
  const caseId = selectHearingRecordCaseId(ctx.db, input.recordId);
  if (caseId === undefined) throw new AppError('NOT_FOUND', '庭审笔录不存在');
  ctx.db.transaction(() => {
    insertHearingRecordCorrection(ctx.db, { id: newId(), record_id: input.recordId, requested_by: input.requestedBy, text: input.text, created_at: nowIso(ctx), created_by: actor(ctx).id });
    caseEvent(ctx, caseId, 'hearing.corrected', `庭审笔录补正（应${input.requestedBy}申请，《劳动争议调解仲裁法》第四十条）`);
  }).immediate();
  return loadRecords(ctx.db, caseId).find((x) => x.id === input.recordId)!;
}

export async function printHearingRecord(ctx: ServiceContext, input: { recordId: string; issuedDate: string }) {
  const caseId = selectHearingRecordCaseId(ctx.db, input.recordId);
  if (caseId === undefined) throw new AppError('NOT_FOUND', '庭审笔录不存在');
  const [id] = await issueMany(ctx, [{ caseId, kind: 'hearing_record', issuedDate: input.issuedDate, payload: { hearingRecordId: input.recordId, hearingRecord: recordData(ctx.db, input.recordId) } }]);
  return loadDocuments(ctx.db, caseId).find((d) => d.id === id)!;
}

function recordData(db: Db, recordId: string): NonNullable<DocumentPayload['hearingRecord']> {
  const caseId = selectHearingRecordCaseId(db, recordId)!;
  const r = loadRecords(db, caseId).find((x) => x.id === recordId)!;
  const h = r.hearingId ? hearingOf(db, caseId, r.hearingId) : null;
  return {
    recordDate: r.recordDate, ...(h ? { startTime: h.startTime, endTime: h.endTime } : {}),
    place: h ? `${h.venueName}${h.roomName}${h.venueAddress ? `（${h.venueAddress}）` : ''}` : '本委仲裁庭', attendees: r.attendees, statements: r.statements, evidence: r.evidence,
    questions: r.questions, finalStatements: r.finalStatements, mediationAttempt: r.mediationAttempt,
    corrections: r.corrections.map((c) => ({ date: c.date, requestedBy: c.requestedBy, text: c.text })),
  };
}

// ---------------------------------------------------------------------------------------------------------------- decisions

function loadDecisions(db: Db, caseId: string): ClaimDecisionView[] {
  const c = getCase(db, { id: caseId });
  // finality as printed on the issued awards (per claim number)
  const issued = new Map<number, { final: boolean; reason: string; document: string }>();
  for (const d of selectCurrentAwards(db, caseId)) {
    const award = d.payload ? (JSON.parse(d.payload) as DocumentPayload).award : undefined;
    for (const i of award?.items ?? []) {
      if (award!.part === 'all' || (award!.part === 'final') === i.final) issued.set(i.claimSeq, { final: i.final, reason: i.finalReason, document: d.title });
    }
  }
  const rows = new Map(selectClaimDecisions(db, caseId).map((r) => [r.claim_id, r]));
  return c.claims.map((k) => {
    const d = rows.get(k.id);
    return {
      claimId: k.id, seq: k.seq + 1, type: k.type, claimText: k.text, claimedFen: k.amountFen,
      defaultFinalityType: CLAIM_FINALITY_TYPE[k.type],
      decision: d
        ? {
            result: d.result, amountFen: d.amount_fen, order: d.order_text, reasoning: d.reasoning, articles: d.articles, finalityType: d.finality_type as FinalityType,
            provisionalExecution: d.provisional_execution === 1, decidedDate: d.decided_date, locked: d.locked_by !== null,
            issued: issued.get(k.seq + 1) ?? null,
          }
        : null,
    };
  });
}

export function decideClaim(
  ctx: ServiceContext,
  input: { claimId: string; result: ClaimResult; amountFen: number | null; order: string; reasoning: string; articles: string; finalityType: FinalityType; provisionalExecution: boolean; decidedDate: string },
): ClaimDecisionView[] {
  const claim = selectClaim(ctx.db, input.claimId);
  if (!claim) throw new AppError('NOT_FOUND', '仲裁请求不存在');
  const c = requireOpenCase(ctx.db, claim.case_id, '调解、记录庭审和裁决');
  checkDate(ctx, input.decidedDate, 'decidedDate', '裁决日期');
  if (input.decidedDate < c.acceptanceDate!) invalid('decidedDate', `裁决日期不能早于受理日期（${c.acceptanceDate}）`);
  const money = input.result === 'supported' || input.result === 'partly';
  if (money && input.amountFen === null && claim.amount_fen !== null) invalid('amountFen', '支持或部分支持金钱请求的，请填写裁决金额');
  if (!money && input.amountFen !== null) invalid('amountFen', '驳回或撤回的请求没有裁决金额');
  if (money && !input.order.trim()) invalid('order', '请填写裁决主文（谁于何时向谁支付或履行什么）');
  if (input.result === 'partly' && claim.amount_fen !== null && input.amountFen !== null && input.amountFen >= claim.amount_fen) {
    invalid('amountFen', `部分支持的金额应少于请求金额（${formatFen(claim.amount_fen)}）；全额支持请选择“支持”`);
  }
  if (input.result === 'supported' && claim.amount_fen !== null && input.amountFen !== null && input.amountFen > claim.amount_fen) {
    invalid('amountFen', `裁决金额不能超过请求金额（${formatFen(claim.amount_fen)}）`);
  }
  if (input.provisionalExecution && !['wages', 'work-injury-medical', 'economic-compensation', 'damages'].includes(input.finalityType)) {
    invalid('provisionalExecution', '先予执行限于追索劳动报酬、工伤医疗费、经济补偿或者赔偿金的案件（《劳动争议调解仲裁法》第四十四条）');
  }
  const locked = selectDecisionLock(ctx.db, input.claimId);
  if (locked?.locked_by) throw new AppError('INVALID_STATE', '该项请求已在签发的裁决书中裁决，不得更改；如有笔误，请制作补正决定书');
  ctx.db.transaction(() => {
    upsertClaimDecision(ctx.db, {
      claim_id: input.claimId, case_id: claim.case_id, result: input.result, amount_fen: input.amountFen, order_text: input.order, reasoning: input.reasoning, articles: input.articles,
      finality_type: input.finalityType, provisional_execution: input.provisionalExecution ? 1 : 0, decided_date: input.decidedDate, updated_at: nowIso(ctx), updated_by: actor(ctx).id,
    });
    caseEvent(ctx, claim.case_id, 'claim.decided', `第${claim.seq + 1}项请求：${{ supported: '支持', partly: '部分支持', rejected: '驳回', withdrawn: '撤回' }[input.result]}${input.amountFen !== null ? ` ${formatFen(input.amountFen)}` : ''}`);
  }).immediate();
  return loadDecisions(ctx.db, claim.case_id);
}

export function saveAwardDraft(
  ctx: ServiceContext,
  input: { caseId: string; procedure: 'simple' | 'ordinary'; appearance: string; applicantStatement: string; respondentDefence: string; factsFound: string; reasoning: string },
) {
  requireOpenCase(ctx.db, input.caseId, '调解、记录庭审和裁决');
  if (currentAwardServed(ctx.db, input.caseId)) throw new AppError('INVALID_STATE', '裁决书已送达，不得修改；如有笔误，请制作补正决定书');
  upsertAwardDraft(ctx.db, {
    case_id: input.caseId, procedure: input.procedure, appearance: input.appearance, applicant_statement: input.applicantStatement, respondent_defence: input.respondentDefence,
    facts_found: input.factsFound, reasoning: input.reasoning, updated_at: nowIso(ctx), updated_by: actor(ctx).id,
  });
  return getOutcomes(ctx, input.caseId);
}

/** Award items for the given claims, with finality decided per item on the award date (LDMAL Art 47; SPC Interp. (I) Arts 18–20). */
function awardItems(db: Db, caseId: string, claimIds: string[], awardDate: string): { items: AwardItem[]; award: 'final' | 'non-final' | 'mixed'; basis: string[] } {
  const ds = loadDecisions(db, caseId).filter((d) => claimIds.includes(d.claimId));
  const decided = ds.map((d) => d.decision!);
  const f = finality({ decisionDate: awardDate, items: decided.map((x) => ({ type: x.finalityType, amountFen: x.result === 'rejected' ? 0 : x.amountFen })) });
  const verdicts = f.items as { final: boolean; reason: string }[];
  return {
    items: ds.map((d, i) => ({
      claimSeq: d.seq, claimText: d.claimText, result: d.decision!.result, amountFen: d.decision!.amountFen, order: d.decision!.order,
      final: verdicts[i]!.final, finalReason: verdicts[i]!.reason, reasoning: d.decision!.reasoning, articles: d.decision!.articles,
    })),
    award: f.award as 'final' | 'non-final' | 'mixed',
    basis: f.basis as string[],
  };
}

function awardDataFor(db: Db, caseId: string, claimIds: string[], awardDate: string, partial: boolean): AwardData {
  const d = selectAwardDraft(db, caseId);
  if (!d) invalid('caseId', '请先填写裁决书的查明事实和裁决理由');
  const hearings = selectHeldHearingDates(db, caseId);
  const { items } = awardItems(db, caseId, claimIds, awardDate);
  // collective case: the annex lists every worker's awarded amount, and they add up to the award (issue 16 item 6)
  const annex = annexFor(db, caseId, 'award', null);
  const granted = items.filter((i) => i.result === 'supported' || i.result === 'partly').reduce((s, i) => s + (i.amountFen ?? 0), 0);
  if (annex && !partial && annex.totalFen !== granted) {
    invalid('caseId', `附件名单的裁决金额合计${formatFen(annex.totalFen)}与裁决支持的金额合计${formatFen(granted)}不一致，请核对逐人裁决结果`);
  }
  return {
    awardDate, procedure: d!.procedure, hearingDates: hearings, appearance: d!.appearance, applicantStatement: d!.applicant_statement,
    respondentDefence: d!.respondent_defence, factsFound: d!.facts_found, reasoning: d!.reasoning, items, partial, part: 'all', ...(annex ? { annex } : {}),
  };
}

/**
 * Issues the award for the decided claims (all of them, or — for a 先行裁决 — some). Final and non-final items are
 * printed as separate documents when the setting says so; the decisions carried are locked in the same transaction.
 */
export async function issueAward(ctx: ServiceContext, input: { caseId: string; awardDate: string; claimIds?: string[] }): Promise<Outcomes> {
  const c = requireOpenCase(ctx.db, input.caseId, '作出裁决');
  if (!loadTribunal(ctx.db, input.caseId)) throw new AppError('INVALID_STATE', '请先组成仲裁庭');
  checkDate(ctx, input.awardDate, 'awardDate', '裁决日期');
  requireHeard(ctx.db, input.caseId, input.awardDate);
  const all = loadDecisions(ctx.db, input.caseId);
  const open = all.filter((d) => !d.decision?.locked);
  const chosen = input.claimIds ? open.filter((d) => input.claimIds!.includes(d.claimId)) : open;
  if (input.claimIds && chosen.length !== input.claimIds.length) invalid('claimIds', '所选请求不属于本案或已经裁决');
  if (!chosen.length) throw new AppError('INVALID_STATE', '没有待裁决的请求');
  const undecided = chosen.filter((d) => !d.decision);
  if (undecided.length) invalid('claimIds', `第${undecided.map((d) => d.seq).join('、')}项请求尚未裁决`);
  const partial = chosen.length < all.length;
  const data = awardDataFor(ctx.db, input.caseId, chosen.map((d) => d.claimId), input.awardDate, partial);
  const fin = awardItems(ctx.db, input.caseId, chosen.map((d) => d.claimId), input.awardDate).award;
  const split = fin === 'mixed' && readSettings(ctx.db).splitMixedAwards;
  const claimIds = chosen.map((d) => d.claimId);
  const docs = split
    ? [
        { part: 'final' as const, no: `${c.caseNumber}之一`, title: '裁决书（终局）' },
        { part: 'non-final' as const, no: `${c.caseNumber}之二`, title: '裁决书（非终局）' },
      ]
    : [{ part: 'all' as const, no: undefined, title: partial ? '裁决书（先行裁决）' : '裁决书' }];
  await issueMany(
    ctx,
    docs.map((x) => ({
      caseId: input.caseId, kind: 'award' as const, issuedDate: input.awardDate, title: x.title,
      payload: { claimIds, award: { ...data, part: x.part, ...(x.no ? { caseNumberOverride: x.no } : {}) } },
    })),
    (ids) => {
      requireHeard(ctx.db, input.caseId, input.awardDate);
      // Hearings still scheduled are cancelled by the award (they can no longer be held or moved).
      const pending = selectPendingHearings(ctx.db, input.caseId);
      for (const h of pending) {
        setHearingCancelled(ctx.db, h.id);
        caseEvent(ctx, input.caseId, 'hearing.cancelled', `已作出裁决，原定 ${h.date} ${h.start_time} 的开庭取消`);
      }
      for (const claimId of claimIds) lockClaimDecision(ctx.db, claimId, ids[0]!);
      caseEvent(ctx, input.caseId, 'award.issued', `作出${partial ? '先行' : ''}裁决（${input.awardDate}，${fin === 'final' ? '终局' : fin === 'non-final' ? '非终局' : split ? '终局与非终局事项分别制作裁决书' : '部分终局'}）`);
    },
  );
  return getOutcomes(ctx, input.caseId);
}

/**
 * An award follows a hearing (LDMAL Arts 35–38, Rules Art 41: notice, hearing, debate, final statements; the roll call shows it was held) or the
 * tribunal's recorded decision to decide on the papers (书面审理). Checked when preparing and again inside the commit.
 */
function requireHeard(db: Db, caseId: string, awardDate: string): void {
  const held = { d: selectLastHeldHearingDate(db, caseId) };
  const paper = selectPaperReviewDate(db, caseId);
  if (!held.d && !paper) {
    throw new AppError('INVALID_STATE', '本案尚未开庭审理（没有开庭情况记录），也没有书面审理的决定，不能作出裁决。请在开庭后记录开庭情况，或由仲裁庭决定书面审理');
  }
  const heardOn = [held.d, paper?.decided_date].filter(Boolean).sort()[0]!;
  if (awardDate < heardOn) invalid('awardDate', `裁决日期不能早于开庭（或决定书面审理）的日期（${heardOn}）`);
}

/** For a re-issue before service: the outcome document's payload re-assembled from the current records. */
export function outcomePayload(ctx: ServiceContext, kind: string, old: DocumentPayload | undefined, issuedDate: string): DocumentPayload | undefined {
  if (!old) return old;
  if (kind === 'award' && old.award && old.claimIds) {
    const caseId = selectClaimCaseId(ctx.db, old.claimIds[0]!)!;
    const fresh = awardDataFor(ctx.db, caseId, old.claimIds, issuedDate, old.award.partial);
    return { ...old, award: { ...fresh, part: old.award.part, ...(old.award.caseNumberOverride ? { caseNumberOverride: old.award.caseNumberOverride } : {}) } };
  }
  if (kind === 'mediation_statement' && old.mediationId) return { ...old, mediation: mediationData(ctx.db, getMediation(ctx.db, old.mediationId)) };
  if (kind === 'hearing_record' && old.hearingRecordId) return { ...old, hearingRecord: recordData(ctx.db, old.hearingRecordId) };
  return old;
}

// ------------------------------------------------------------------------------------------------------------------ closing

type ClosingNeed = (typeof CLOSING_METHODS)[ClosingMethod]['needs'];

/** What is still missing before closing, for each kind of closing document (award, mediation statement, decision). */
function closingBlockers(ctx: ServiceContext, caseId: string): Record<ClosingNeed, string[]> {
  const c = getCase(ctx.db, { id: caseId });
  const parties = [...c.applicants, ...c.respondents];
  const docs = loadDocuments(ctx.db, caseId).filter((d) => !d.supersededBy);
  const unserved = (kind: string, label: string) => {
    const ds = docs.filter((d) => d.kind === kind);
    if (!ds.length) return [`尚未签发${label}`];
    return ds.flatMap((d) => parties.filter((p) => !d.services.some((s) => s.partyId === p.id)).map((p) => `${d.title}尚未送达${p.name}`));
  };
  const undecided = loadDecisions(ctx.db, caseId).filter((d) => !d.decision?.locked);
  const award = [...(undecided.length ? [`第${undecided.map((d) => d.seq).join('、')}项请求尚未在签发的裁决书中裁决`] : []), ...unserved('award', '裁决书')];
  const m = selectSuccessfulCaseMediations(ctx.db, caseId)
    .map((r) => loadMediation(ctx.db, r, docs)).find((x) => x.statementId);
  const mediation = !m ? ['尚未签发调解书'] : m.effectiveDate ? [] : m.awaitingReceipt.map((n) => `调解书尚待${n}签收（《劳动争议调解仲裁法》第四十二条）`);
  return { award, mediation, decision: unserved('decision', '决定书') };
}

export function closeCase(ctx: ServiceContext, input: { caseId: string; method: ClosingMethod; closedDate: string; overrunReason?: string; note?: string }): Outcomes {
  const c = requireOpenCase(ctx.db, input.caseId, '调解、记录庭审和裁决');
  checkDate(ctx, input.closedDate, 'closedDate', '结案日期');
  if (input.closedDate < c.acceptanceDate!) invalid('closedDate', `结案日期不能早于受理日期（${c.acceptanceDate}）`);
  const blockers = closingBlockers(ctx, input.caseId)[CLOSING_METHODS[input.method].needs];
  if (blockers.length) throw new AppError('INVALID_STATE', `${CLOSING_METHODS[input.method].label}前须完成：${blockers.join('；')}`);
  const due = caseClock(ctx, input.caseId).deadlines.find((d) => d.rule === 'award')!.dueDate;
  if (input.closedDate > due && !input.overrunReason?.trim()) invalid('overrunReason', `结案日期晚于审理期限届满日（${due}），请填写超期原因（《劳动争议调解仲裁法》第四十三条）`);
  ctx.db.transaction(() => {
    insertClosure(ctx.db, {
      case_id: input.caseId, method: input.method, closed_date: input.closedDate, due_date: due, overrun_reason: input.closedDate > due ? input.overrunReason!.trim() : null,
      note: input.note ?? null, created_at: nowIso(ctx), created_by: actor(ctx).id,
    });
    caseEvent(ctx, input.caseId, 'case.closed', `结案：${CLOSING_METHODS[input.method].label}（${input.closedDate}${input.closedDate > due ? `，超过审理期限（届满日 ${due}）：${input.overrunReason}` : ''}）`);
  }).immediate();
  return getOutcomes(ctx, input.caseId);
}

// ------------------------------------------------------------------------------------------------------------------ reading

export function getOutcomes(ctx: ServiceContext, caseId: string): Outcomes {
  const db = ctx.db;
  const c = getCase(db, { id: caseId });
  const docs = loadDocuments(db, caseId);
  const mediations = selectCaseMediations(db, caseId).map((r) => loadMediation(db, r, docs));
  const decisions = loadDecisions(db, caseId);
  const d = selectAwardDraft(db, caseId);
  const decided = decisions.filter((x) => x.decision && !x.decision.locked);
  const finalityPreview = decided.length ? awardItems(db, caseId, decided.map((x) => x.claimId), today(ctx)) : null;
  const cl = selectClosure(db, caseId);
  const closure: Closure | null = cl ? { method: cl.method as ClosingMethod, closedDate: cl.closed_date, dueDate: cl.due_date, overrunReason: cl.overrun_reason, note: cl.note } : null;
  const byNeed = c.status === 'accepted' && !closure ? closingBlockers(ctx, caseId) : null;
  const blockers = byNeed ? Object.fromEntries((Object.keys(CLOSING_METHODS) as ClosingMethod[]).map((m) => [m, byNeed[CLOSING_METHODS[m].needs]])) : {};
  return {
    mediations, records: loadRecords(db, caseId), decisions,
    awardDraft: d ? { procedure: d.procedure, appearance: d.appearance, applicantStatement: d.applicant_statement, respondentDefence: d.respondent_defence, factsFound: d.facts_found, reasoning: d.reasoning } : null,
    finalityPreview: finalityPreview ? { date: today(ctx), items: finalityPreview.items.map((i) => ({ claimSeq: i.claimSeq, final: i.final, reason: i.finalReason })), award: finalityPreview.award, basis: finalityPreview.basis } : null,
    closure,
    closingBlockers: blockers,
  };
}

/** Mediation figures for reports: scheduled, succeeded, workers involved, amounts claimed and agreed, by stage. */
export function mediationStats(db: Db, input: { from: string; to: string }): MediationStats {
  // SQL aggregates over the received-date index (issue 13), not a walk over every mediation's record.
  const agg = new Map(selectMediationStats(db, input.from, input.to).map((r) => [r.stage, r]));
  const by = (stage: MediationStage) => {
    const r = agg.get(stage);
    return {
      stage, label: MEDIATION_STAGES[stage], scheduled: r?.scheduled ?? 0, succeeded: r?.succeeded ?? 0, failed: r?.failed ?? 0,
      pending: r?.pending ?? 0, workers: r?.workers ?? 0, workersSucceeded: r?.workers_succeeded ?? 0, claimedFen: r?.claimed_fen ?? 0, agreedFen: r?.agreed_fen ?? 0,
    };
  };
  return { from: input.from, to: input.to, rows: [by('pre_arbitration'), by('in_arbitration')] };
}
