import type { Db } from '../open';
import type { EvidenceItemRow, EvidenceSubmissionRow } from './rows';
import { stmt } from './stmt';

/** Evidence handed in after acceptance (migration 018): submissions and their items, both sealed. */

export function insertEvidenceSubmission(db: Db, r: EvidenceSubmissionRow): void {
  stmt(db, 'INSERT INTO evidence_submissions (id, case_id, party_id, received_date, note, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(r.id, r.case_id, r.party_id, r.received_date, r.note, r.created_at, r.created_by);
}

export function insertEvidenceItem(db: Db, r: EvidenceItemRow): void {
  stmt(db, 'INSERT INTO evidence_items (submission_id, seq, name, source, purpose, pages, original, copies) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
    .run(r.submission_id, r.seq, r.name, r.source, r.purpose, r.pages, r.original, r.copies);
}

export function selectEvidenceSubmission(db: Db, id: string): EvidenceSubmissionRow | undefined {
  return stmt(db, 'SELECT * FROM evidence_submissions WHERE id = ?').get(id) as EvidenceSubmissionRow | undefined;
}

export function selectCaseEvidenceSubmissions(db: Db, caseId: string): EvidenceSubmissionRow[] {
  return stmt(db, 'SELECT * FROM evidence_submissions WHERE case_id = ? ORDER BY received_date, created_at').all(caseId) as EvidenceSubmissionRow[];
}

export function selectEvidenceItems(db: Db, submissionId: string): EvidenceItemRow[] {
  return stmt(db, 'SELECT * FROM evidence_items WHERE submission_id = ? ORDER BY seq').all(submissionId) as EvidenceItemRow[];
}
