import type { Db } from '../open';
import type { AgreementItemRow, MediationRow, MediationSessionRow } from './rows';
import { stmt } from './stmt';

export function selectMediation(db: Db, id: string): MediationRow | undefined {
  return stmt(db, 'SELECT * FROM mediations WHERE id = ?').get(id) as MediationRow | undefined;
}

export function selectCaseMediations(db: Db, caseId: string): MediationRow[] {
  return stmt(db, 'SELECT * FROM mediations WHERE case_id = ? ORDER BY received_date, created_at').all(caseId) as MediationRow[];
}

/** Successful mediations within arbitration of a case (those that can carry a 调解书). */
export function selectSuccessfulCaseMediations(db: Db, caseId: string): MediationRow[] {
  return stmt(db, "SELECT * FROM mediations WHERE case_id = ? AND stage = 'in_arbitration' AND outcome = 'success'").all(caseId) as MediationRow[];
}

export function insertMediation(db: Db, r: Pick<MediationRow, 'id' | 'case_id' | 'stage' | 'organisation' | 'applicant_name' | 'respondent_name' | 'worker_count' | 'claimed_fen' | 'received_date' | 'created_at' | 'created_by'>): void {
  stmt(db, `INSERT INTO mediations (id, case_id, stage, organisation, applicant_name, respondent_name, worker_count, claimed_fen, received_date, created_at, created_by)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(r.id, r.case_id, r.stage, r.organisation, r.applicant_name, r.respondent_name, r.worker_count, r.claimed_fen, r.received_date, r.created_at, r.created_by);
}

export function setMediationConsultation(db: Db, id: string, consultationId: string): void {
  stmt(db, 'UPDATE mediations SET consultation_id = ? WHERE id = ?').run(consultationId, id);
}

export function setMediationOutcome(db: Db, id: string, r: Pick<MediationRow, 'outcome' | 'outcome_date' | 'outcome_note' | 'closing'>): void {
  stmt(db, 'UPDATE mediations SET outcome = ?, outcome_date = ?, outcome_note = ?, closing = ? WHERE id = ?').run(r.outcome, r.outcome_date, r.outcome_note, r.closing, id);
}

export function selectMediationSessions(db: Db, mediationId: string): MediationSessionRow[] {
  return stmt(db, 'SELECT * FROM mediation_sessions WHERE mediation_id = ? ORDER BY date, created_at').all(mediationId) as MediationSessionRow[];
}

export function insertMediationSession(db: Db, r: MediationSessionRow): void {
  stmt(db, 'INSERT INTO mediation_sessions (id, mediation_id, date, mediator, attendees, notes, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
    .run(r.id, r.mediation_id, r.date, r.mediator, r.attendees, r.notes, r.created_at, r.created_by);
}

export function selectAgreementItems(db: Db, mediationId: string): AgreementItemRow[] {
  return stmt(db, 'SELECT * FROM agreement_items WHERE mediation_id = ? ORDER BY seq').all(mediationId) as AgreementItemRow[];
}

export function insertAgreementItem(db: Db, r: AgreementItemRow): void {
  stmt(db, 'INSERT INTO agreement_items (id, mediation_id, seq, payer, payee, subject, amount_fen, due_date, method, instalments, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
    .run(r.id, r.mediation_id, r.seq, r.payer, r.payee, r.subject, r.amount_fen, r.due_date, r.method, r.instalments, r.text);
}

export interface MediationStatsRow {
  stage: string;
  scheduled: number;
  succeeded: number;
  failed: number;
  pending: number;
  workers: number;
  workers_succeeded: number;
  claimed_fen: number;
  agreed_fen: number;
}

/** The mediation figures by stage for mediations received in a period, aggregated in SQL (issue 13). */
export function selectMediationStats(db: Db, from: string, to: string): MediationStatsRow[] {
  return stmt(db, `SELECT m.stage, count(*) AS scheduled,
      total(m.outcome = 'success') AS succeeded, total(m.outcome = 'failure') AS failed, total(m.outcome = 'pending') AS pending,
      total(m.worker_count) AS workers, total(CASE WHEN m.outcome = 'success' THEN m.worker_count END) AS workers_succeeded,
      total(m.claimed_fen) AS claimed_fen,
      total(CASE WHEN m.outcome = 'success' THEN (SELECT total(a.amount_fen) FROM agreement_items a WHERE a.mediation_id = m.id) END) AS agreed_fen
    FROM mediations m WHERE m.received_date BETWEEN ? AND ? GROUP BY m.stage`).all(from, to) as MediationStatsRow[];
}
