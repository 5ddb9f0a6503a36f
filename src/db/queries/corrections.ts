import type { Db } from '../open';
import type { CasePaperReviewRow, PartyCorrectionRow } from './rows';
import { stmt } from './stmt';

export type PartyCorrectionListRow = PartyCorrectionRow & { party_name: string; created_by_name: string };

export function insertPartyCorrection(db: Db, r: PartyCorrectionRow): void {
  stmt(db, `INSERT INTO party_corrections (id, case_id, party_id, field, old_value, new_value, reason, corrected_date, created_at, created_by)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(r.id, r.case_id, r.party_id, r.field, r.old_value, r.new_value, r.reason, r.corrected_date, r.created_at, r.created_by);
}

export function selectPartyCorrections(db: Db, caseId: string): PartyCorrectionListRow[] {
  return stmt(db, `SELECT k.*, p.name AS party_name, u.display_name AS created_by_name FROM party_corrections k
    JOIN parties p ON p.id = k.party_id JOIN users u ON u.id = k.created_by WHERE k.case_id = ? ORDER BY k.created_at`).all(caseId) as PartyCorrectionListRow[];
}

export function paperReviewExists(db: Db, caseId: string): boolean {
  return stmt(db, 'SELECT 1 FROM case_paper_reviews WHERE case_id = ?').get(caseId) !== undefined;
}

export function selectPaperReviewDate(db: Db, caseId: string): Pick<CasePaperReviewRow, 'decided_date'> | undefined {
  return stmt(db, 'SELECT decided_date FROM case_paper_reviews WHERE case_id = ?').get(caseId) as Pick<CasePaperReviewRow, 'decided_date'> | undefined;
}

export function insertPaperReview(db: Db, r: CasePaperReviewRow): void {
  stmt(db, 'INSERT INTO case_paper_reviews (case_id, decided_date, reason, created_at, created_by) VALUES (?, ?, ?, ?, ?)').run(r.case_id, r.decided_date, r.reason, r.created_at, r.created_by);
}
