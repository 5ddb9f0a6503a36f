import type { Db } from '../open';
import type { PerformanceRecordRow } from './rows';
import { stmt } from './stmt';

/** Performance of awards and 调解书 (migration 023) and the bookkeeping of the grade review (issue 16). */

export function insertPerformance(db: Db, r: PerformanceRecordRow): void {
  stmt(db, `INSERT INTO performance_records (id, case_id, instrument, due_date, status, as_of, paid_fen, enforcement_date, enforcement_court, note, created_at, created_by)
    VALUES (@id, @case_id, @instrument, @due_date, @status, @as_of, @paid_fen, @enforcement_date, @enforcement_court, @note, @created_at, @created_by)`).run(r);
}

export function selectPerformanceOfCase(db: Db, caseId: string): (PerformanceRecordRow & { by_name: string | null })[] {
  return stmt(db, `SELECT r.*, u.display_name AS by_name FROM performance_records r LEFT JOIN users u ON u.id = r.created_by
    WHERE r.case_id = ? ORDER BY r.as_of, r.created_at, r.rowid`).all(caseId) as (PerformanceRecordRow & { by_name: string | null })[];
}

/** Every performance record of the cases whose employer (through merges) is the given one, in the order they apply. */
export function selectPerformanceOfEmployer(db: Db, survivorId: string): Pick<PerformanceRecordRow, 'case_id' | 'due_date' | 'status' | 'as_of' | 'enforcement_date'>[] {
  return stmt(db, `SELECT r.case_id, r.due_date, r.status, r.as_of, r.enforcement_date FROM performance_records r
    JOIN case_employers ce ON ce.case_id = r.case_id JOIN cases k ON k.id = r.case_id
    WHERE ce.employer_id = ? AND k.status <> 'discarded' ORDER BY r.as_of, r.created_at, r.rowid`)
    .all(survivorId) as Pick<PerformanceRecordRow, 'case_id' | 'due_date' | 'status' | 'as_of' | 'enforcement_date'>[];
}

/**
 * The cases and consultations whose grade signals the write in progress changed (migration 009's change capture): a case
 * filed, or its parties, claims, roster, closing or performance changed; a consultation written.
 */
export function selectSignalChanges(db: Db): { caseIds: string[]; consultationIds: string[] } {
  const caseIds = (stmt(db, `SELECT DISTINCT json_extract(k, '$[0]') AS id FROM temp._changes WHERE tbl = 'cases'
      AND EXISTS (SELECT 1 FROM temp._changes x WHERE x.tbl IN ('parties', 'claims', 'collective_workers', 'case_closures', 'performance_records') OR (x.tbl = 'cases' AND x.op = 'i'))`)
    .all() as { id: string }[]).map((r) => r.id);
  const consultationIds = (stmt(db, "SELECT DISTINCT json_extract(k, '$[0]') AS id FROM temp._changes WHERE tbl = 'consultations'").all() as { id: string }[]).map((r) => r.id);
  return { caseIds, consultationIds };
}

export function selectEmployerOfConsultation(db: Db, consultationId: string): string | null {
  return (stmt(db, 'SELECT employer_id FROM consultations WHERE id = ?').get(consultationId) as { employer_id: string | null } | undefined)?.employer_id ?? null;
}

export function gradeReviewDone(db: Db, day: string): boolean {
  return !!stmt(db, 'SELECT 1 FROM grade_review_days WHERE day = ?').get(day);
}

export function insertGradeReviewDay(db: Db, day: string, reviewed: number, at: string): void {
  stmt(db, 'INSERT INTO grade_review_days (day, reviewed, created_at) VALUES (?, ?, ?)').run(day, reviewed, at);
}
