import type { Db } from '../open';
import type { CaseRow, ConsultationRow, ConsultationVersionRow, MediationRow, PartyRow } from './rows';
import { stmt } from './stmt';

export function consultationExists(db: Db, id: string): boolean {
  return stmt(db, 'SELECT 1 FROM consultations WHERE id = ?').get(id) !== undefined;
}

/** Marks a consultation as having led to a mediation. */
export function markConsultationMediation(db: Db, id: string, at: string): void {
  stmt(db, "UPDATE consultations SET outcome = 'mediation', updated_at = ? WHERE id = ?").run(at, id);
}

/** Marks a consultation as having led to an arbitration application. */
export function markConsultationArbitration(db: Db, id: string, at: string): void {
  stmt(db, "UPDATE consultations SET outcome = 'arbitration', updated_at = ? WHERE id = ?").run(at, id);
}

export function selectConsultation(db: Db, id: string): ConsultationRow | undefined {
  return stmt(db, 'SELECT * FROM consultations WHERE id = ?').get(id) as ConsultationRow | undefined;
}

/** Whether the consultation exists, as `SELECT id` (updateConsultation's check). */
export function selectConsultationId(db: Db, id: string): Pick<ConsultationRow, 'id'> | undefined {
  return stmt(db, 'SELECT id FROM consultations WHERE id = ?').get(id) as Pick<ConsultationRow, 'id'> | undefined;
}

/** A day's queue: arrived in [start, end), optionally at one window and matching a LIKE pattern on name, ID number or employer. */
export function selectConsultationsArrived(db: Db, start: string, end: string, window: string | null, like: string | null): ConsultationRow[] {
  return stmt(db, `SELECT * FROM consultations WHERE arrived_at >= ? AND arrived_at < ? AND (? IS NULL OR window = ?)
    AND (? IS NULL OR person_name LIKE ? OR person_id_number LIKE ? OR employer_name LIKE ?) ORDER BY arrived_at`)
    .all(start, end, window, window, like, like, like, like) as ConsultationRow[];
}

export function insertConsultation(db: Db, r: Omit<ConsultationRow, 'updated_by'>): void {
  stmt(db, `INSERT INTO consultations (id, window, channel, arrived_at, served_at, person_name, person_sex, person_id_number, person_phone, person_address,
    employer_name, employer_credit_code, employer_alias, dispute_type, group_flags, injury_date, disability_grade, female_stage, female_stage_start, female_stage_end,
    collective, worker_count, claims, summary, advice, outcome, recovered_fen, lawyer_id, staff_id, created_at, created_by, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
    .run(r.id, r.window, r.channel, r.arrived_at, r.served_at, r.person_name, r.person_sex, r.person_id_number, r.person_phone, r.person_address,
      r.employer_name, r.employer_credit_code, r.employer_alias, r.dispute_type, r.group_flags, r.injury_date,
      r.disability_grade, r.female_stage, r.female_stage_start, r.female_stage_end, r.collective, r.worker_count,
      r.claims, r.summary, r.advice, r.outcome, r.recovered_fen, r.lawyer_id, r.staff_id, r.created_at, r.created_by, r.updated_at);
}

/** Sets the given advice, outcome and recovered amount (null keeps the stored value). */
export function updateConsultationAdvice(db: Db, id: string, advice: string | null, outcome: string | null, recoveredFen: number | null, at: string, by: string): void {
  stmt(db, 'UPDATE consultations SET advice = COALESCE(?, advice), outcome = COALESCE(?, outcome), recovered_fen = COALESCE(?, recovered_fen), updated_at = ?, updated_by = ? WHERE id = ?')
    .run(advice, outcome, recoveredFen, at, by, id);
}

/** Marks a consultation as having led to a legal-aid application. */
export function markConsultationLegalAid(db: Db, id: string, at: string, by: string): void {
  stmt(db, "UPDATE consultations SET outcome = 'legal_aid', updated_at = ?, updated_by = ? WHERE id = ?").run(at, by, id);
}

export function updateConsultationRecovered(db: Db, id: string, recoveredFen: number, at: string, by: string): void {
  stmt(db, 'UPDATE consultations SET recovered_fen = ?, updated_at = ?, updated_by = ? WHERE id = ?').run(recoveredFen, at, by, id);
}

export type ConsultationStateRow = Pick<ConsultationRow, 'advice' | 'outcome' | 'recovered_fen' | 'updated_at'> & { by: string };

/** The advice, outcome and recovered amount as they stand, with when and by whom they were last set. */
export function selectConsultationState(db: Db, id: string): ConsultationStateRow {
  return stmt(db, 'SELECT advice, outcome, recovered_fen, updated_at, coalesce(updated_by, created_by) AS by FROM consultations WHERE id = ?').get(id) as ConsultationStateRow;
}

export function insertConsultationVersion(db: Db, r: ConsultationVersionRow): void {
  stmt(db, 'INSERT INTO consultation_versions (id, consultation_id, snapshot, created_at, created_by) VALUES (?, ?, ?, ?, ?)')
    .run(r.id, r.consultation_id, r.snapshot, r.created_at, r.created_by);
}

export function selectConsultationVersions(db: Db, consultationId: string): Pick<ConsultationVersionRow, 'snapshot' | 'created_at'>[] {
  return stmt(db, 'SELECT snapshot, created_at FROM consultation_versions WHERE consultation_id = ? ORDER BY created_at, rowid').all(consultationId) as Pick<ConsultationVersionRow, 'snapshot' | 'created_at'>[];
}

/** Replaces a consultation's particulars (修改登记); advice, outcome and the duty pair are not touched. */
export function updateConsultationParticulars(db: Db, id: string, r: Pick<ConsultationRow, 'window' | 'channel' | 'person_name' | 'person_sex' | 'person_id_number'
  | 'person_phone' | 'person_address' | 'employer_name' | 'employer_credit_code' | 'employer_alias' | 'dispute_type' | 'group_flags' | 'injury_date'
  | 'disability_grade' | 'female_stage' | 'female_stage_start' | 'female_stage_end' | 'collective' | 'worker_count' | 'claims' | 'summary'>, at: string, by: string): void {
  stmt(db, `UPDATE consultations SET window = ?, channel = ?, person_name = ?, person_sex = ?, person_id_number = ?, person_phone = ?, person_address = ?,
    employer_name = ?, employer_credit_code = ?, employer_alias = ?, dispute_type = ?, group_flags = ?, injury_date = ?, disability_grade = ?, female_stage = ?,
    female_stage_start = ?, female_stage_end = ?, collective = ?, worker_count = ?, claims = ?, summary = ?, updated_at = ?, updated_by = ? WHERE id = ?`)
    .run(r.window, r.channel, r.person_name, r.person_sex, r.person_id_number, r.person_phone, r.person_address, r.employer_name, r.employer_credit_code,
      r.employer_alias, r.dispute_type, r.group_flags, r.injury_date, r.disability_grade, r.female_stage, r.female_stage_start, r.female_stage_end,
      r.collective, r.worker_count, r.claims, r.summary, at, by, id);
}

/** The cases (not discarded) started from a consultation. */
export function selectCasesOfConsultation(db: Db, consultationId: string): Pick<CaseRow, 'id' | 'case_number' | 'status'>[] {
  return stmt(db, "SELECT id, case_number, status FROM cases WHERE consultation_id = ? AND status <> 'discarded'").all(consultationId) as Pick<CaseRow, 'id' | 'case_number' | 'status'>[];
}

export function selectMediationsOfConsultation(db: Db, consultationId: string): Pick<MediationRow, 'id' | 'outcome' | 'organisation'>[] {
  return stmt(db, 'SELECT id, outcome, organisation FROM mediations WHERE consultation_id = ?').all(consultationId) as Pick<MediationRow, 'id' | 'outcome' | 'organisation'>[];
}

// ------------------------------------------------------------------------------------------------ the conflict check's records

export type ConsultationPersonRow = Pick<ConsultationRow, 'id' | 'person_name' | 'person_id_number' | 'employer_name' | 'employer_credit_code' | 'employer_alias' | 'arrived_at'>;

export function selectConsultationPeople(db: Db): ConsultationPersonRow[] {
  return stmt(db, 'SELECT id, person_name, person_id_number, employer_name, employer_credit_code, employer_alias, arrived_at FROM consultations').all() as ConsultationPersonRow[];
}

export type CaseForConflictRow = Pick<CaseRow, 'id' | 'case_number' | 'received_date' | 'consultation_id'>;

/**
 * The cases (not discarded) that can hold a conflict (issue 13: not every case of the database): a party with this ID
 * number; an organisation with this credit code, or whose name contains the characters of a normalised employer name
 * in order (normalising only deletes characters, so this finds every name that normalises to it); and the record's own
 * links, which the check must know to leave out.
 */
export function selectCasesForConflicts(db: Db, p: { idNumber: string | null; credit: string | null; names: string[]; excludeId: string | null }): CaseForConflictRow[] {
  const params: Record<string, unknown> = { id: p.idNumber, credit: p.credit, exclude: p.excludeId };
  // scale3 (issue 13 item 2): a name's candidates are the parties whose name holds every one of its characters (the
  // 1-character rows of the gram table, migration 020, intersected; at most 8 of them: any subset still finds them all),
  // and only those are tested for the characters in order — not a LIKE over every party of the database.
  const names = p.names.map((norm, i) => {
    params[`n${i}`] = `%${[...norm].map((ch) => ch.replace(/[\\%_]/g, (m) => `\\${m}`)).join('%')}%`;
    const chars = [...new Set([...norm.replace(/[A-Z]/g, (ch) => ch.toLowerCase())])].slice(0, 8);
    chars.forEach((ch, j) => (params[`n${i}c${j}`] = ch));
    const has = chars.map((_, j) => `SELECT party_rowid FROM party_name_grams WHERE gram = @n${i}c${j}`).join(' INTERSECT ');
    return `UNION SELECT case_id FROM parties WHERE rowid IN (${has}) AND name LIKE @n${i} ESCAPE '\\'`;
  }).join('\n      ');
  return stmt(db, `SELECT id, case_number, received_date, consultation_id FROM cases WHERE status <> 'discarded' AND id IN (
      SELECT case_id FROM parties WHERE id_number = @id
      UNION SELECT case_id FROM parties WHERE credit_code = @credit
      ${names}
      UNION SELECT @exclude UNION SELECT id FROM cases WHERE consultation_id = @exclude)`).all(params) as CaseForConflictRow[];
}

export type PartyForConflictRow = Pick<PartyRow, 'name' | 'kind' | 'id_number' | 'credit_code' | 'role'>;

export type PartyForConflictCaseRow = PartyForConflictRow & { case_id: string };

/** The parties of the given cases, in one statement (issue 13: the busiest employer has thousands of cases). */
export function selectPartiesForConflicts(db: Db, caseIds: string[]): PartyForConflictCaseRow[] {
  return stmt(db, 'SELECT case_id, name, kind, id_number, credit_code, role FROM parties WHERE case_id IN (SELECT value FROM json_each(?)) ORDER BY case_id, role, seq').all(JSON.stringify(caseIds)) as PartyForConflictCaseRow[];
}
