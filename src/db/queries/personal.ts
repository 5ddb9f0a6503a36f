import type { Db } from '../open';
import { stmt } from './stmt';

/** The personal fields of one party, with its case (issue 12 item 2: 显示完整). */
export interface PartyPersonalRow {
  case_id: string;
  case_number: string | null;
  name: string;
  id_number: string | null;
  phone: string | null;
}

export function selectPartyPersonal(db: Db, partyId: string): PartyPersonalRow | undefined {
  return stmt(db, `SELECT p.case_id, c.case_number, p.name, p.id_number, p.phone FROM parties p JOIN cases c ON c.id = p.case_id
    WHERE p.id = ? AND c.status <> 'discarded'`).get(partyId) as PartyPersonalRow | undefined;
}

export function selectCaseOfParty(db: Db, partyId: string): string | undefined {
  return (stmt(db, 'SELECT case_id FROM parties WHERE id = ?').get(partyId) as { case_id: string } | undefined)?.case_id;
}

export interface PersonalReadRow {
  id: string;
  at: string;
  user_id: string;
  user_name: string;
  user_role: string;
  record_kind: 'party' | 'consultation';
  record_id: string;
  case_id: string | null;
  subject_name: string;
  field: 'idNumber' | 'phone';
  reason: string;
}

/** Appends to the read log (sealed: migration 019). The value read is never stored. */
export function insertPersonalRead(db: Db, r: PersonalReadRow): void {
  stmt(db, `INSERT INTO personal_reads (id, at, user_id, user_name, user_role, record_kind, record_id, case_id, subject_name, field, reason)
    VALUES (@id, @at, @user_id, @user_name, @user_role, @record_kind, @record_id, @case_id, @subject_name, @field, @reason)`).run(r);
}

export interface PersonalReadFilter {
  userId?: string;
  /** UTC instants bounding Beijing-time days: [start, end). */
  start?: string;
  end?: string;
  limit: number;
  offset: number;
}

/** The read log, newest first, with the case number of each party's case. */
export function selectPersonalReads(db: Db, f: PersonalReadFilter): { total: number; rows: (PersonalReadRow & { case_number: string | null })[] } {
  const params = { user: f.userId ?? null, start: f.start ?? null, end: f.end ?? null };
  const where = '(@user IS NULL OR r.user_id = @user) AND (@start IS NULL OR r.at >= @start) AND (@end IS NULL OR r.at < @end)';
  const total = (stmt(db, `SELECT count(*) AS n FROM personal_reads r WHERE ${where}`).get(params) as { n: number }).n;
  const rows = stmt(db, `SELECT r.*, c.case_number FROM personal_reads r LEFT JOIN cases c ON c.id = r.case_id WHERE ${where}
    ORDER BY r.at DESC, r.id LIMIT @limit OFFSET @offset`).all({ ...params, limit: f.limit, offset: f.offset }) as (PersonalReadRow & { case_number: string | null })[];
  return { total, rows };
}

/** What decides whether a consultation may be erased (issue 12 item 2). */
export interface ErasureFacts {
  arrived_at: string;
  cases: number;
  aid: number;
  mediations: number;
  erased: number;
  imported: number;
}

export function selectErasureFacts(db: Db, consultationId: string): ErasureFacts | undefined {
  return stmt(db, `SELECT c.arrived_at,
      (SELECT count(*) FROM cases WHERE consultation_id = c.id) AS cases,
      (SELECT count(*) FROM aid_applications WHERE consultation_id = c.id) AS aid,
      (SELECT count(*) FROM mediations WHERE consultation_id = c.id) AS mediations,
      EXISTS (SELECT 1 FROM consultation_erasures WHERE consultation_id = c.id) AS erased,
      EXISTS (SELECT 1 FROM ledger_records WHERE record_id = c.id) AS imported
    FROM consultations c WHERE c.id = ?`).get(consultationId) as ErasureFacts | undefined;
}

/** Removes the person's data from the row; what the statistics count (window, channel, dates, groups, employer, outcome) stays. */
export function anonymiseConsultation(db: Db, id: string, placeholder: string, at: string): void {
  stmt(db, `UPDATE consultations SET person_name = @p, person_sex = NULL, person_id_number = NULL, person_phone = NULL, person_address = NULL,
      injury_date = NULL, disability_grade = NULL, female_stage = NULL, female_stage_start = NULL, female_stage_end = NULL,
      claims = '[]', summary = @p, advice = NULL, updated_at = @at WHERE id = @id`).run({ id, p: placeholder, at });
}

export function insertConsultationErasure(db: Db, r: { consultation_id: string; erased_at: string; erased_by: string; arrived_date: string; retention_until: string; retention_basis: string; versions_removed: number }): void {
  stmt(db, `INSERT INTO consultation_erasures (consultation_id, erased_at, erased_by, arrived_date, retention_until, retention_basis, versions_removed)
    VALUES (@consultation_id, @erased_at, @erased_by, @arrived_date, @retention_until, @retention_basis, @versions_removed)`).run(r);
}

export function countConsultationVersions(db: Db, id: string): number {
  return (stmt(db, 'SELECT count(*) AS n FROM consultation_versions WHERE consultation_id = ?').get(id) as { n: number }).n;
}

/** Allowed by the trigger of migration 019 only once the erasure record exists. */
export function deleteConsultationVersions(db: Db, id: string): void {
  stmt(db, 'DELETE FROM consultation_versions WHERE consultation_id = ?').run(id);
}

/**
 * Everything the desk holds about one person, found by ID number (issue 12 item 2: 个人信息保护法 access request):
 * the cases where the person is a party (with the case's claims), the consultations, their legal-aid applications,
 * the mediations of those cases and consultations, and the collective rosters naming the person.
 */
export function selectPersonRecords(db: Db, idNumber: string): Record<string, unknown[]> {
  const parties = stmt(db, `SELECT p.case_id, c.case_number, c.status, c.received_date, c.acceptance_date, c.cause, p.role, p.name, p.sex, p.birth_date,
      p.ethnicity, p.id_type, p.id_number, p.domicile, p.service_address, p.phone,
      (SELECT json_group_array(json_object('name', a.name, 'kind', a.kind, 'organisation', a.organisation, 'phone', a.phone)) FROM agents a WHERE a.party_id = p.id) AS agents,
      (SELECT json_group_array(json_object('text', q.text, 'amountFen', q.amount_fen)) FROM (SELECT text, amount_fen FROM claims WHERE case_id = c.id ORDER BY seq) q) AS claims
    FROM parties p JOIN cases c ON c.id = p.case_id WHERE p.id_number = ? AND c.status <> 'discarded' ORDER BY c.received_date`).all(idNumber) as Record<string, unknown>[];
  const consultations = stmt(db, `SELECT id, arrived_at, window, channel, person_name, person_sex, person_id_number, person_phone, person_address, employer_name,
      dispute_type, group_flags, injury_date, disability_grade, female_stage, female_stage_start, female_stage_end, claims, summary, advice, outcome
    FROM consultations WHERE person_id_number = ? ORDER BY arrived_at`).all(idNumber) as Record<string, unknown>[];
  const aid = stmt(db, `SELECT a.consultation_id, a.matter, a.received_date, a.decision, a.decision_date, a.refusal_reason, a.assigned_lawyer, a.assigned_firm,
      a.assigned_date, a.closed_date FROM aid_applications a JOIN consultations c ON c.id = a.consultation_id WHERE c.person_id_number = ? ORDER BY a.received_date`).all(idNumber) as Record<string, unknown>[];
  const mediations = stmt(db, `SELECT m.id, m.case_id, m.consultation_id, m.stage, m.organisation, m.received_date, m.outcome, m.outcome_date FROM mediations m
    WHERE m.consultation_id IN (SELECT id FROM consultations WHERE person_id_number = @id)
       OR m.case_id IN (SELECT case_id FROM parties WHERE id_number = @id) ORDER BY m.received_date`).all({ id: idNumber }) as Record<string, unknown>[];
  const rosters = stmt(db, `SELECT w.case_id, c.case_number, w.seq, w.name, w.id_number, w.phone, w.job, w.period, w.claim_items, w.claimed_fen
    FROM collective_workers w JOIN cases c ON c.id = w.case_id WHERE w.id_number = ? ORDER BY c.received_date`).all(idNumber) as Record<string, unknown>[];
  const json = (rows: Record<string, unknown>[], cols: string[]) => rows.map((r) => ({ ...r, ...Object.fromEntries(cols.map((k) => [k, r[k] ? JSON.parse(String(r[k])) : r[k]])) }));
  return { parties: json(parties, ['agents', 'claims']), consultations: json(consultations, ['group_flags', 'claims']), aid, mediations, rosters };
}

/** Consultations that arrived before `before` (UTC instant) and were never turned into a case, aid application or mediation, not yet erased, not imported. */
export function selectErasableConsultations(db: Db, before: string): { id: string; arrived_at: string; window: string; dispute_type: string }[] {
  return stmt(db, `SELECT c.id, c.arrived_at, c.window, c.dispute_type FROM consultations c WHERE c.arrived_at < ?
      AND NOT EXISTS (SELECT 1 FROM cases WHERE consultation_id = c.id) AND NOT EXISTS (SELECT 1 FROM aid_applications WHERE consultation_id = c.id)
      AND NOT EXISTS (SELECT 1 FROM mediations WHERE consultation_id = c.id) AND NOT EXISTS (SELECT 1 FROM consultation_erasures WHERE consultation_id = c.id)
      AND NOT EXISTS (SELECT 1 FROM ledger_records WHERE record_id = c.id)
    ORDER BY c.arrived_at LIMIT 500`).all(before) as { id: string; arrived_at: string; window: string; dispute_type: string }[];
}
