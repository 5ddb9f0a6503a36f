import type { Db } from '../open';
import { stmt } from './stmt';

/** ledger_records and satisfaction_surveys (015). */
export interface LedgerRecordRow {
  key: string;
  kind: 'case' | 'mediation' | 'consultation';
  record_id: string;
  row_hash: string;
  final_award: number | null;
  awarded_fen: number | null;
  source_file: string;
  source_row: number;
  imported_at: string;
  imported_by: string;
}
export interface SatisfactionSurveyRow {
  id: string;
  case_id: string | null;
  consultation_id: string | null;
  rating: 'satisfied' | 'basic' | 'unsatisfied';
  reasons: string;
  entered_by: 'staff' | 'party' | 'ledger';
  surveyed_date: string;
  created_at: string;
  created_by: string;
}

export function selectLedgerRecord(db: Db, key: string): LedgerRecordRow | undefined {
  return stmt(db, 'SELECT * FROM ledger_records WHERE key = ?').get(key) as LedgerRecordRow | undefined;
}

/** Whether a case, mediation or consultation came from the ledger import (历史导入, read-only). */
export function isImportedRecord(db: Db, recordId: string): boolean {
  return stmt(db, 'SELECT 1 FROM ledger_records WHERE record_id = ?').get(recordId) !== undefined;
}

/** Written last for each imported record: from then on the read-only triggers of migration 015 refuse changes to it. */
export function insertLedgerRecord(db: Db, r: LedgerRecordRow): void {
  stmt(db, `INSERT INTO ledger_records (key, kind, record_id, row_hash, final_award, awarded_fen, source_file, source_row, imported_at, imported_by)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(r.key, r.kind, r.record_id, r.row_hash, r.final_award, r.awarded_fen, r.source_file, r.source_row, r.imported_at, r.imported_by);
}

/** An accepted case as kept in a ledger (no desk sequence number: case_year/case_seq stay empty). */
export function insertImportedCase(db: Db, r: { id: string; caseNumber: string; venueId: string; receivedDate: string; acceptanceDate: string; collective: number; workerCount: number | null; at: string; by: string }): void {
  stmt(db, `INSERT INTO cases (id, status, case_number, venue_id, received_date, acceptance_date, collective, worker_count, group_flags, note, created_at, created_by, updated_at, updated_by)
    VALUES (?, 'accepted', ?, ?, ?, ?, ?, ?, '[]', '历史导入', ?, ?, ?, ?)`)
    .run(r.id, r.caseNumber, r.venueId, r.receivedDate, r.acceptanceDate, r.collective, r.workerCount, r.at, r.by, r.at, r.by);
}

export function caseNumberTaken(db: Db, caseNumber: string): boolean {
  return stmt(db, 'SELECT 1 FROM cases WHERE case_number = ?').get(caseNumber) !== undefined;
}

export function selectVenueIdByName(db: Db, name: string): string | undefined {
  return (stmt(db, 'SELECT id FROM venues WHERE name = ?').get(name) as { id: string } | undefined)?.id;
}

/** The ledger's sector fills an employer's sector only when the register has none (it never overrides the register). */
export function setEmployerSectorIfUnset(db: Db, employerId: string, sector: 'construction' | 'other'): void {
  stmt(db, 'UPDATE employers SET sector = ? WHERE id = ? AND sector IS NULL').run(sector, employerId);
}

export function insertSurvey(db: Db, r: SatisfactionSurveyRow): void {
  stmt(db, `INSERT INTO satisfaction_surveys (id, case_id, consultation_id, rating, reasons, entered_by, surveyed_date, created_at, created_by)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(r.id, r.case_id, r.consultation_id, r.rating, r.reasons, r.entered_by, r.surveyed_date, r.created_at, r.created_by);
}

export function selectSurveyOf(db: Db, r: { caseId?: string; consultationId?: string }): SatisfactionSurveyRow | undefined {
  return (r.caseId
    ? stmt(db, 'SELECT * FROM satisfaction_surveys WHERE case_id = ?').get(r.caseId)
    : stmt(db, 'SELECT * FROM satisfaction_surveys WHERE consultation_id = ?').get(r.consultationId)) as SatisfactionSurveyRow | undefined;
}

/** Which of these records the ledger import brought in (历史导入), in one query. */
export function selectImportedAmong(db: Db, ids: readonly string[]): Set<string> {
  if (!ids.length) return new Set();
  const rows = stmt(db, 'SELECT value AS id FROM json_each(?) WHERE value IN (SELECT record_id FROM ledger_records)').all(JSON.stringify(ids)) as { id: string }[];
  return new Set(rows.map((r) => r.id));
}
