import type { CaseDocument, Hearing, Proceedings, Recusal, Room, ServiceRecord, StaffMember, Tribunal } from '../api';
import { AppError } from '../api';
import {
  HEARING_OUTCOMES, MEDIATION_STATEMENT_SERVICE_NOTE, RECEIPT_METHODS, type HearingOutcome, SERVICE_METHOD_INFO, type ServiceMethod, computeServiceDate, partiesLabel, shanghaiDate,
} from '../domain';
import { getCase } from './cases';
import { invalid } from './errors';
import { type ServiceContext, actor, audit, caseEvent, newId, nowIso } from './context';
import { checkDate, requireOpenCase } from './guards';
import type { Db } from '../db/open';
import { insertServiceRecord, selectCaseDocuments, selectCurrentHearingNoticeIds, selectDocument, selectServiceRecords } from '../db/queries/documents';
import {
  type HearingListRow, insertScheduledHearing, selectCaseHearings, selectHearing, selectHearingOfCase, selectHearingsBetween, selectOverlappingHearings, setHearingHeld, setHearingMoved,
} from '../db/queries/hearings';
import { selectPartyNameOfCase, selectPartyNames } from '../db/queries/parties';
import { insertRoom, roomExists, roomNameExists, selectRooms } from '../db/queries/rooms';
import type { HearingRow } from '../db/queries/rows';
import {
  deleteTribunal, insertRecusal, recusalExists, selectMyCaseIds, selectRecusals, selectRecusedUserIds, selectStaff, selectStaffMember, selectTribunal, selectUserStanding, upsertTribunal,
} from '../db/queries/tribunals';
import { venueExists } from '../db/queries/venues';

const today = (ctx: ServiceContext) => shanghaiDate(ctx.now());

export function listRooms(db: Db): Room[] {
  return selectRooms(db).map(
    (r) => ({ id: r.id, venueId: r.venue_id, venueName: r.venue_name, name: r.name }),
  );
}

export function createRoom(ctx: ServiceContext, input: { venueId: string; name: string }): Room {
  return ctx.db.transaction(() => {
    if (!venueExists(ctx.db, input.venueId)) invalid('venueId', '办案场所不存在');
    if (roomNameExists(ctx.db, input.venueId, input.name)) {
      throw new AppError('CONFLICT', `该场所已有庭室“${input.name}”`, [{ path: 'name', message: `该场所已有庭室“${input.name}”` }]);
    }
    const id = newId();
    insertRoom(ctx.db, { id, venue_id: input.venueId, name: input.name, created_at: nowIso(ctx), created_by: actor(ctx).id });
    audit(ctx, 'rooms.create', id, { name: input.name });
    return listRooms(ctx.db).find((r) => r.id === id)!;
  })();
}

/** The roster: active arbitrators and clerks, full-time first. */
export function listStaff(db: Db): StaffMember[] {
  return selectStaff(db) as StaffMember[];
}

const staffMember = (db: Db, id: string | null): StaffMember | null =>
  id ? ((selectStaffMember(db, id) as StaffMember | undefined) ?? null) : null;

export function loadTribunal(db: Db, caseId: string): Tribunal | null {
  const t = selectTribunal(db, caseId);
  if (!t) return null;
  return {
    mode: t.mode, presiding: staffMember(db, t.presiding_id)!, members: [t.member2_id, t.member3_id].filter((m): m is string => !!m).map((m) => staffMember(db, m)!),
    clerk: staffMember(db, t.clerk_id)!, composedDate: t.composed_date, reason: t.reason,
  };
}

/** Everyone sitting on a case's tribunal (arbitrators and the clerk). */
const tribunalIds = (t: Tribunal | null): string[] => (t ? [t.presiding.id, ...t.members.map((m) => m.id), t.clerk.id] : []);

function toHearing(db: Db, h: HearingListRow): Hearing {
  const t = loadTribunal(db, h.case_id);
  const staff = t ? [`${t.mode === 'sole' ? '独任仲裁员' : '首席仲裁员'}${t.presiding.displayName}`, ...t.members.map((m) => `仲裁员${m.displayName}`), `书记员${t.clerk.displayName}`] : [];
  return {
    id: h.id, caseId: h.case_id, caseNumber: h.case_number, date: h.date, startTime: h.start_time, endTime: h.end_time, roomId: h.room_id,
    roomName: h.room_name, venueName: h.venue_name, venueAddress: h.venue_address ?? null, status: h.status, outcome: h.outcome as HearingOutcome | null, outcomeNote: h.outcome_note, movedTo: h.moved_to, staff,
    ...hearingParties(db, h),
  };
}

/** Issue 14: the sides and cause of a hearing's case, for the printed hearing list (开庭公告). */
function hearingParties(db: Db, h: HearingListRow): { parties: string; cause: string | null } {
  const ps = partiesOf(db, h.case_id);
  return { parties: partiesLabel(ps.filter((p) => p.role === 'applicant').map((p) => p.name), ps.filter((p) => p.role === 'respondent').map((p) => p.name)), cause: h.cause ?? null };
}

function partiesOf(db: Db, caseId: string): { id: string; name: string; role: string }[] {
  return selectPartyNames(db, caseId);
}

export function loadDocuments(db: Db, caseId: string): CaseDocument[] {
  const parties = partiesOf(db, caseId);
  const docs = selectCaseDocuments(db, caseId);
  return docs.map((d) => {
    const services: ServiceRecord[] = selectServiceRecords(db, d.id).map((s) => {
      const r = computeServiceDate({ method: s.method as ServiceMethod, sentDate: s.sent_date, receiptDate: s.receipt_date, consent: s.consent, witnesses: s.witnesses, recorded: s.recorded === 1, specialLeaving: s.special_leaving === 1 });
      return { id: s.id, partyId: s.party_id, partyName: s.party_name, method: s.method as ServiceMethod, sentDate: s.sent_date, receiptDate: s.receipt_date, servedDate: s.served_date, basis: r.ok ? r.basis : [] };
    });
    const served = new Set(services.map((s) => s.partyId));
    return {
      id: d.id, kind: d.kind as CaseDocument['kind'], title: d.title, issuedDate: d.issued_date, hearingId: d.hearing_id, supersededBy: d.superseded_by, services,
      version: d.version ?? 1, seriesId: d.series_id ?? d.id, reissueReason: d.reissue_reason ?? null, hasFiles: d.pdf_sha256 != null, pages: d.pages ?? null,
      pdfSha256: d.pdf_sha256 ?? null, docxSha256: d.docx_sha256 ?? null, caseNumber: d.case_number ?? null, documentNumber: d.doc_number ?? null, createdBy: d.created_by_name ?? '', payloadRef: d.mediation_ref ?? d.record_ref ?? null,
      unservedParties: parties.filter((p) => !served.has(p.id)).map((p) => ({ id: p.id, name: p.name })),
    };
  });
}

export function getProceedings(db: Db, caseId: string): Proceedings {
  getCase(db, { id: caseId });
  const recusals = selectRecusals(db, caseId).map(
    (r): Recusal => ({ id: r.id, user: staffMember(db, r.user_id)!, decidedDate: r.decided_date, reason: r.reason }),
  );
  const hearings = selectCaseHearings(db, caseId).map((h) => toHearing(db, h));
  return { tribunal: loadTribunal(db, caseId), recusals, hearings, documents: loadDocuments(db, caseId), staff: listStaff(db), rooms: listRooms(db) };
}

export function composeTribunal(
  ctx: ServiceContext,
  input: { id: string; mode: 'sole' | 'panel'; presidingId: string; memberIds: string[]; clerkId: string; composedDate: string; reason?: string },
): Proceedings {
  ctx.db.transaction(() => {
    const c = requireOpenCase(ctx.db, input.id, '组庭、排期、签发或送达文书');
    if (c.collective && input.mode === 'sole') {
      invalid('mode', '集体劳动人事争议应当由三名仲裁员组成仲裁庭（《办案规则》第六十五条）');
    }
    const arbitrators = [input.presidingId, ...input.memberIds];
    if (new Set(arbitrators).size !== arbitrators.length) invalid('memberIds', '同一仲裁员不能在仲裁庭中重复出现');
    const recused = new Set(selectRecusedUserIds(ctx.db, input.id));
    const check = (uid: string, role: 'arbitrator' | 'clerk', path: string) => {
      const u = selectUserStanding(ctx.db, uid);
      if (!u || u.active !== 1 || u.role !== role) invalid(path, role === 'arbitrator' ? '所选人员不是在册的仲裁员' : '所选人员不是在册的书记员');
      if (recused.has(uid)) invalid(path, `${u!.display_name}已在本案回避，不能参加仲裁庭（《劳动争议调解仲裁法》第三十三条）`);
    };
    check(input.presidingId, 'arbitrator', 'presidingId');
    input.memberIds.forEach((m) => check(m, 'arbitrator', 'memberIds'));
    check(input.clerkId, 'clerk', 'clerkId');
    checkDate(ctx, input.composedDate, 'composedDate', '组庭日期');
    if (input.composedDate < c.acceptanceDate!) invalid('composedDate', `组庭日期不能早于受理日期（${c.acceptanceDate}）`);
    upsertTribunal(ctx.db, {
      case_id: input.id, mode: input.mode, presiding_id: input.presidingId, member2_id: input.memberIds[0] ?? null, member3_id: input.memberIds[1] ?? null, clerk_id: input.clerkId,
      composed_date: input.composedDate, reason: input.reason ?? null, updated_at: nowIso(ctx), updated_by: actor(ctx).id,
    });
    const t = loadTribunal(ctx.db, input.id)!;
    caseEvent(ctx, input.id, 'composed', `组成仲裁庭（${input.composedDate}）：${t.mode === 'sole' ? `独任仲裁员${t.presiding.displayName}` : `首席仲裁员${t.presiding.displayName}，仲裁员${t.members.map((m) => m.displayName).join('、')}`}；书记员${t.clerk.displayName}`);
  }).immediate();
  return getProceedings(ctx.db, input.id);
}

export function recuse(ctx: ServiceContext, input: { id: string; userId: string; decidedDate: string; reason: string }): Proceedings {
  ctx.db.transaction(() => {
    const c = requireOpenCase(ctx.db, input.id, '组庭、排期、签发或送达文书');
    const u = staffMember(ctx.db, input.userId);
    if (!u || (u.role !== 'arbitrator' && u.role !== 'clerk')) invalid('userId', '所选人员不是仲裁员或书记员');
    if (recusalExists(ctx.db, input.id, input.userId)) throw new AppError('CONFLICT', `${u!.displayName}已在本案回避`);
    checkDate(ctx, input.decidedDate, 'decidedDate', '决定日期');
    if (input.decidedDate < c.acceptanceDate!) invalid('decidedDate', `决定日期不能早于受理日期（${c.acceptanceDate}）`);
    insertRecusal(ctx.db, { id: newId(), case_id: input.id, user_id: input.userId, decided_date: input.decidedDate, reason: input.reason, created_at: nowIso(ctx), created_by: actor(ctx).id });
    const sitting = tribunalIds(loadTribunal(ctx.db, input.id)).includes(input.userId);
    if (sitting) deleteTribunal(ctx.db, input.id);
    caseEvent(ctx, input.id, 'recused', `${u!.displayName}回避（${input.decidedDate}）：${input.reason}${sitting ? '；须重新组成仲裁庭' : ''}`);
  }).immediate();
  return getProceedings(ctx.db, input.id);
}

/** A hearing overlapping in time that shares the room or any member of the tribunal; the message names it. */
function findConflict(db: Db, caseId: string, slot: { date: string; startTime: string; endTime: string; roomId: string }, exceptId: string | null): string | null {
  const mine = tribunalIds(loadTribunal(db, caseId));
  const others = selectOverlappingHearings(db, slot, exceptId ?? '');
  for (const o of others) {
    const where = `${o.case_number ?? '未编号案件'}的开庭（${o.date} ${o.start_time}–${o.end_time}，${o.venue_name}${o.room_name}）`;
    if (o.room_id === slot.roomId) return `与${where}冲突：该庭室已被占用`;
    const theirs = loadTribunal(db, o.case_id);
    const shared = tribunalIds(theirs).filter((id) => mine.includes(id));
    if (shared.length) {
      const names = shared.map((id) => { const s = staffMember(db, id)!; return `${s.role === 'clerk' ? '书记员' : '仲裁员'}${s.displayName}`; });
      return `与${where}冲突：${names.join('、')}在该时段已有开庭安排`;
    }
  }
  return null;
}

function checkSlot(ctx: ServiceContext, caseId: string, slot: { date: string; startTime: string; endTime: string; roomId: string }, exceptId: string | null) {
  if (!roomExists(ctx.db, slot.roomId)) invalid('roomId', '庭室不存在');
  if (slot.date < today(ctx)) invalid('date', `开庭日期（${slot.date}）不能早于今天`);
  if (!loadTribunal(ctx.db, caseId)) throw new AppError('INVALID_STATE', '请先组成仲裁庭，再安排开庭');
  const conflict = findConflict(ctx.db, caseId, slot, exceptId);
  if (conflict) throw new AppError('CONFLICT', conflict, [{ path: 'date', message: conflict }]);
}

export function scheduleHearing(ctx: ServiceContext, input: { caseId: string; date: string; startTime: string; endTime: string; roomId: string; shortNoticeReason?: string }): Proceedings {
  ctx.db.transaction(() => {
    requireOpenCase(ctx.db, input.caseId, '组庭、排期、签发或送达文书');
    checkSlot(ctx, input.caseId, input, null);
    insertScheduledHearing(ctx.db, {
      id: newId(), case_id: input.caseId, date: input.date, start_time: input.startTime, end_time: input.endTime, room_id: input.roomId, created_at: nowIso(ctx), created_by: actor(ctx).id,
    });
    const room = listRooms(ctx.db).find((r) => r.id === input.roomId)!;
    caseEvent(ctx, input.caseId, 'hearing.scheduled', `安排开庭：${input.date} ${input.startTime}–${input.endTime}，${room.venueName}${room.name}${shortNotice(input)}`);
  }).immediate();
  return getProceedings(ctx.db, input.caseId);
}

/** One hearing of a case, as the views show it. */
export function hearingOf(db: Db, caseId: string, id: string): Hearing | null {
  const h = selectHearingOfCase(db, id, caseId);
  return h ? toHearing(db, h) : null;
}

function loadHearingRow(db: Db, id: string): HearingRow {
  const h = selectHearing(db, id);
  if (!h) throw new AppError('NOT_FOUND', '开庭安排不存在');
  return h;
}

/** Moving a hearing creates the new one and marks the old one moved; the handler then re-issues its notices (documents.ts). */
/** Issue 14: the stated reason for a hearing closer than the notice period (LDMAL Art 35), kept in the case's record. */
const shortNotice = (i: { shortNoticeReason?: string }) => (i.shortNoticeReason?.trim() ? `（开庭通知不足法定期间，理由：${i.shortNoticeReason.trim()}）` : '');

export function moveHearing(ctx: ServiceContext, input: { hearingId: string; date: string; startTime: string; endTime: string; roomId: string; reason: string; shortNoticeReason?: string }) {
  const old = loadHearingRow(ctx.db, input.hearingId);
  const id = ctx.db.transaction(() => {
    requireOpenCase(ctx.db, old.case_id, '改期开庭');
    if (old.status !== 'scheduled') throw new AppError('INVALID_STATE', '只能改期尚未开庭的安排');
    checkSlot(ctx, old.case_id, input, old.id);
    const newHearing = newId();
    insertScheduledHearing(ctx.db, {
      id: newHearing, case_id: old.case_id, date: input.date, start_time: input.startTime, end_time: input.endTime, room_id: input.roomId, created_at: nowIso(ctx), created_by: actor(ctx).id,
    });
    setHearingMoved(ctx.db, old.id, newHearing);
    caseEvent(ctx, old.case_id, 'hearing.moved', `开庭由 ${old.date} ${old.start_time} 改期至 ${input.date} ${input.startTime}：${input.reason}${shortNotice(input)}`);
    return newHearing;
  }).immediate();
  return { proceedings: getProceedings(ctx.db, old.case_id), newHearingId: id, oldHearingId: old.id, caseId: old.case_id };
}

/** Current (not superseded) hearing notices issued for a hearing. */
export function currentHearingNotices(db: Db, hearingId: string): string[] {
  return selectCurrentHearingNoticeIds(db, hearingId);
}

export function rollCall(ctx: ServiceContext, input: { hearingId: string; outcome: HearingOutcome; note?: string }): Proceedings {
  const h = loadHearingRow(ctx.db, input.hearingId);
  ctx.db.transaction(() => {
    requireOpenCase(ctx.db, h.case_id, '记录开庭情况');
    if (h.status !== 'scheduled') throw new AppError('INVALID_STATE', '该开庭安排已记录结果或已改期');
    if (h.date > today(ctx)) throw new AppError('INVALID_STATE', `开庭日期为 ${h.date}，尚未到开庭之日`);
    setHearingHeld(ctx.db, h.id, input.outcome, input.note ?? null);
    caseEvent(ctx, h.case_id, 'hearing.held', `开庭（${h.date} ${h.start_time}）：${HEARING_OUTCOMES[input.outcome]}${input.note ? `，${input.note}` : ''}`);
  }).immediate();
  return getProceedings(ctx.db, h.case_id);
}

export function listHearings(db: Db, input: { from: string; to: string; venueId?: string; viewer?: string | null }): Hearing[] {
  const rows = selectHearingsBetween(db, input.from, input.to, input.venueId ?? null, input.viewer ?? null);
  return rows.map((h) => toHearing(db, h));
}


export function serveDocument(
  ctx: ServiceContext,
  input: { documentId: string; partyId: string; method: ServiceMethod; sentDate: string; receiptDate: string | null; consent?: string; witnesses?: string; recorded: boolean; specialLeaving: boolean; note?: string },
): CaseDocument {
  const doc = selectDocument(ctx.db, input.documentId);
  if (!doc) throw new AppError('NOT_FOUND', '文书不存在');
  ctx.db.transaction(() => {
    if (doc.superseded_by) throw new AppError('INVALID_STATE', '该文书已重新签发，请送达新的文书');
    if (doc.kind === 'mediation_statement' && !(RECEIPT_METHODS as readonly string[]).includes(input.method)) invalid('method', MEDIATION_STATEMENT_SERVICE_NOTE);
    if (doc.kind === 'mediation_statement' && !input.receiptDate) invalid('receiptDate', '调解书须登记当事人签收日期（《劳动争议调解仲裁法》第四十二条）');
    const party = selectPartyNameOfCase(ctx.db, input.partyId, doc.case_id);
    if (!party) invalid('partyId', '受送达人不是本案当事人');
    if (input.sentDate < doc.issued_date) invalid('sentDate', `发出日期不能早于签发日期（${doc.issued_date}）`);
    checkDate(ctx, input.sentDate, 'sentDate', '发出日期');
    if (input.receiptDate) checkDate(ctx, input.receiptDate, 'receiptDate', '签收（收件）日期');
    const r = computeServiceDate(input);
    if (!r.ok) invalid(r.field, r.message);
    insertServiceRecord(ctx.db, {
      id: newId(), document_id: input.documentId, party_id: input.partyId, method: input.method, sent_date: input.sentDate, receipt_date: input.receiptDate, served_date: r.servedDate,
      consent: input.consent ?? null, witnesses: input.witnesses ?? null, recorded: input.recorded ? 1 : 0, special_leaving: input.specialLeaving ? 1 : 0, note: input.note ?? null,
      created_at: nowIso(ctx), created_by: actor(ctx).id,
    });
    caseEvent(ctx, doc.case_id, 'document.served', `送达${doc.title}：${party!.name}（${SERVICE_METHOD_INFO[input.method].label}，送达日期 ${r.servedDate}）`);
  }).immediate();
  return loadDocuments(ctx.db, doc.case_id).find((d) => d.id === input.documentId)!;
}

/** Cases the user sits on (tribunal member or clerk) or filed. */
export function myCaseIds(db: Db, userId: string): Set<string> {
  return new Set(selectMyCaseIds(db, userId));
}
