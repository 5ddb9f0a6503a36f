import type { Db } from '../open';
import type { CaseRow } from './rows';
import { stmt } from './stmt';

/** The case's revision (migration 009 triggers increment it on every write to a row of the case). */
export function selectCaseRevision(db: Db, caseId: string): number | undefined {
  return (stmt(db, 'SELECT revision FROM cases WHERE id = ?').get(caseId) as Pick<CaseRow, 'revision'> | undefined)?.revision;
}

export function selectCaseNumber(db: Db, caseId: string): Pick<CaseRow, 'case_number'> | undefined {
  return stmt(db, 'SELECT case_number FROM cases WHERE id = ?').get(caseId) as Pick<CaseRow, 'case_number'> | undefined;
}

/** Draft and accepted cases that are not closed (the dashboard walks these). */
export function selectRunningCases(db: Db): Pick<CaseRow, 'id' | 'case_number'>[] {
  return stmt(db, "SELECT id, case_number FROM cases c WHERE status IN ('draft', 'accepted') AND NOT EXISTS (SELECT 1 FROM case_closures k WHERE k.case_id = c.id)").all() as Pick<CaseRow, 'id' | 'case_number'>[];
}

/** A case with its venue's name and the names of who created and last changed it. */
export type CaseDetailRow = CaseRow & { venue_name: string; created_by_name: string; updated_by_name: string };

const CASE_SELECT = `
  SELECT c.*, v.name AS venue_name, cu.display_name AS created_by_name, uu.display_name AS updated_by_name
  FROM cases c JOIN venues v ON v.id = c.venue_id
  JOIN users cu ON cu.id = c.created_by JOIN users uu ON uu.id = c.updated_by`;

export function selectCaseById(db: Db, id: string): CaseDetailRow | undefined {
  return stmt(db, `${CASE_SELECT} WHERE c.id = ?`).get(id) as CaseDetailRow | undefined;
}

export function selectCaseByNumber(db: Db, caseNumber: string): CaseDetailRow | undefined {
  return stmt(db, `${CASE_SELECT} WHERE c.case_number = ?`).get(caseNumber) as CaseDetailRow | undefined;
}

/** The fields of a draft application, in column order: venue_id, received_date, cause, collective, worker_count, group_flags, note. */
export type DraftFields = [string, string, string | null, number, number | null, string, string | null];

export function updateDraftCase(db: Db, id: string, fields: DraftFields, at: string, by: string): void {
  stmt(db, 'UPDATE cases SET venue_id = ?, received_date = ?, cause = ?, collective = ?, worker_count = ?, group_flags = ?, note = ?, updated_at = ?, updated_by = ? WHERE id = ?')
    .run(...fields, at, by, id);
}

/** Removes a draft's parties, claims and evidence (in that order) before they are written again. */
export function deleteDraftChildren(db: Db, caseId: string): void {
  for (const t of ['parties', 'claims', 'evidence']) stmt(db, `DELETE FROM ${t} WHERE case_id = ?`).run(caseId);
}

export function insertDraftCase(db: Db, id: string, fields: DraftFields, at: string, by: string): void {
  stmt(db, "INSERT INTO cases (id, status, venue_id, received_date, cause, collective, worker_count, group_flags, note, created_at, created_by, updated_at, updated_by) VALUES (?, 'draft', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
    .run(id, ...fields, at, by, at, by);
}

export function setCaseConsultation(db: Db, caseId: string, consultationId: string): void {
  stmt(db, 'UPDATE cases SET consultation_id = ? WHERE id = ?').run(consultationId, caseId);
}

/** Another application already made from the consultation (one record, once). */
export function otherCaseOfConsultation(db: Db, consultationId: string, caseId: string): { case_number: string | null; received_date: string } | undefined {
  return stmt(db, "SELECT case_number, received_date FROM cases WHERE consultation_id = ? AND id <> ? AND status <> 'discarded'").get(consultationId, caseId) as
    { case_number: string | null; received_date: string } | undefined;
}

export function setCaseDiscarded(db: Db, id: string, at: string, by: string): void {
  stmt(db, "UPDATE cases SET status = 'discarded', updated_at = ?, updated_by = ? WHERE id = ?").run(at, by, id);
}

/** Takes the next number of the year's case-number sequence (call inside the acceptance's IMMEDIATE transaction). */
export function nextCaseSeq(db: Db, year: number): number {
  return (stmt(db, 'INSERT INTO case_number_seq (year, last) VALUES (?, 1) ON CONFLICT(year) DO UPDATE SET last = last + 1 RETURNING last').get(year) as { last: number }).last;
}

export function setCaseAccepted(db: Db, id: string, r: { caseNumber: string; year: number; seq: number; acceptanceDate: string; at: string; by: string }): void {
  stmt(db, "UPDATE cases SET status = 'accepted', case_number = ?, case_year = ?, case_seq = ?, acceptance_date = ?, updated_at = ?, updated_by = ? WHERE id = ?")
    .run(r.caseNumber, r.year, r.seq, r.acceptanceDate, r.at, r.by, id);
}

export function setCaseNotAccepted(db: Db, id: string, r: { decisionDate: string; reasonCode: string; reasonText: string; at: string; by: string }): void {
  stmt(db, "UPDATE cases SET status = 'not_accepted', non_acceptance_date = ?, non_acceptance_reason = ?, non_acceptance_text = ?, updated_at = ?, updated_by = ? WHERE id = ?")
    .run(r.decisionDate, r.reasonCode, r.reasonText, r.at, r.by, id);
}
