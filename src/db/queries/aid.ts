import type { Db } from '../open';
import type { AidApplicationRow, AidHistoryRow, ConsultationRow, DutyRosterRow, UserRow } from './rows';
import { stmt } from './stmt';

// ------------------------------------------------------------------------------------------------------------ duty roster

export function selectDuty(db: Db, date: string): DutyRosterRow | undefined {
  return stmt(db, 'SELECT * FROM duty_roster WHERE date = ?').get(date) as DutyRosterRow | undefined;
}

/** The dates with a duty pair between two dates (inclusive), in order. */
export function selectDutyDates(db: Db, from: string, to: string): Pick<DutyRosterRow, 'date'>[] {
  return stmt(db, 'SELECT date FROM duty_roster WHERE date BETWEEN ? AND ? ORDER BY date').all(from, to) as Pick<DutyRosterRow, 'date'>[];
}

/** Inserts or replaces a day's duty pair. */
export function upsertDuty(db: Db, r: DutyRosterRow): void {
  stmt(db, `INSERT INTO duty_roster (date, lawyer_id, staff_id, law_firm, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?)
    ON CONFLICT(date) DO UPDATE SET lawyer_id = excluded.lawyer_id, staff_id = excluded.staff_id, law_firm = excluded.law_firm, updated_at = excluded.updated_at, updated_by = excluded.updated_by`)
    .run(r.date, r.lawyer_id, r.staff_id, r.law_firm, r.updated_at, r.updated_by);
}

export function selectUserDisplayName(db: Db, id: string): Pick<UserRow, 'display_name'> | undefined {
  return stmt(db, 'SELECT display_name FROM users WHERE id = ?').get(id) as Pick<UserRow, 'display_name'> | undefined;
}

export function selectUserRoleActive(db: Db, id: string): Pick<UserRow, 'role' | 'active'> | undefined {
  return stmt(db, 'SELECT role, active FROM users WHERE id = ?').get(id) as Pick<UserRow, 'role' | 'active'> | undefined;
}

export interface DutyCandidateRow {
  id: string;
  displayName: string;
  role: string;
}

/** Active legal-aid lawyers, window staff and clerks. */
export function selectDutyCandidates(db: Db): DutyCandidateRow[] {
  return stmt(db, "SELECT id, display_name AS displayName, role FROM users WHERE active = 1 AND role IN ('lawyer', 'window', 'clerk') ORDER BY role, display_name").all() as DutyCandidateRow[];
}

// ------------------------------------------------------------------------------------------------------- aid applications

export function selectAid(db: Db, id: string): AidApplicationRow | undefined {
  return stmt(db, 'SELECT * FROM aid_applications WHERE id = ?').get(id) as AidApplicationRow | undefined;
}

export function selectAidsOfConsultation(db: Db, consultationId: string): AidApplicationRow[] {
  return stmt(db, 'SELECT * FROM aid_applications WHERE consultation_id = ? ORDER BY created_at').all(consultationId) as AidApplicationRow[];
}

export type OpenAidRow = AidApplicationRow & Pick<ConsultationRow, 'person_name'>;

/** Applications awaiting a decision, or approved and awaiting an assignment, not closed; with the applicant's name. */
export function selectOpenAidDeadlines(db: Db): OpenAidRow[] {
  return stmt(db, "SELECT a.*, c.person_name FROM aid_applications a JOIN consultations c ON c.id = a.consultation_id WHERE a.closed_date IS NULL AND (a.decision = 'pending' OR (a.decision = 'approved' AND a.assigned_date IS NULL))").all() as OpenAidRow[];
}

export function insertAid(db: Db, r: Pick<AidApplicationRow, 'id' | 'consultation_id' | 'matter' | 'eligibility' | 'eligibility_note' | 'received_date' | 'urgent' | 'created_at' | 'created_by'>): void {
  stmt(db, `INSERT INTO aid_applications (id, consultation_id, matter, eligibility, eligibility_note, received_date, urgent, created_at, created_by)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(r.id, r.consultation_id, r.matter, r.eligibility, r.eligibility_note, r.received_date, r.urgent, r.created_at, r.created_by);
}

export function updateAidDecision(db: Db, id: string, decision: AidApplicationRow['decision'], decisionDate: string, refusalReason: string | null): void {
  stmt(db, 'UPDATE aid_applications SET decision = ?, decision_date = ?, refusal_reason = ? WHERE id = ?').run(decision, decisionDate, refusalReason, id);
}

export function updateAidAssignment(db: Db, id: string, lawyer: string, firm: string, assignedDate: string, userId: string | null = null): void {
  stmt(db, 'UPDATE aid_applications SET assigned_lawyer = ?, assigned_firm = ?, assigned_date = ?, assigned_user_id = ? WHERE id = ?').run(lawyer, firm, assignedDate, userId, id);
}

export function updateAidObjection(db: Db, id: string, objectionDate: string, note: string): void {
  stmt(db, 'UPDATE aid_applications SET objection_date = ?, objection_note = ? WHERE id = ?').run(objectionDate, note, id);
}

export function updateAidClosing(db: Db, id: string, closedDate: string, report: string): void {
  stmt(db, 'UPDATE aid_applications SET closed_date = ?, closing_report = ? WHERE id = ?').run(closedDate, report, id);
}

export type AidHistoryListRow = Pick<AidHistoryRow, 'created_at' | 'action' | 'summary' | 'actor_name'>;

export function selectAidHistory(db: Db, aidId: string): AidHistoryListRow[] {
  return stmt(db, 'SELECT created_at, action, summary, actor_name FROM aid_history WHERE aid_id = ? ORDER BY created_at, rowid').all(aidId) as AidHistoryListRow[];
}

export function insertAidHistory(db: Db, r: AidHistoryRow): void {
  stmt(db, 'INSERT INTO aid_history (id, aid_id, action, summary, data, created_at, created_by, actor_name) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
    .run(r.id, r.aid_id, r.action, r.summary, r.data, r.created_at, r.created_by, r.actor_name);
}
