import type { Db } from '../open';
import type { HearingRecordCorrectionRow, HearingRecordRow } from './rows';
import { stmt } from './stmt';

export function selectHearingRecords(db: Db, caseId: string): HearingRecordRow[] {
  return stmt(db, 'SELECT * FROM hearing_records WHERE case_id = ? ORDER BY record_date, created_at').all(caseId) as HearingRecordRow[];
}

export function selectHearingRecordCorrections(db: Db, recordId: string): HearingRecordCorrectionRow[] {
  return stmt(db, 'SELECT * FROM hearing_record_corrections WHERE record_id = ? ORDER BY created_at').all(recordId) as HearingRecordCorrectionRow[];
}

export function selectHearingRecordCaseId(db: Db, recordId: string): string | undefined {
  return (stmt(db, 'SELECT case_id FROM hearing_records WHERE id = ?').get(recordId) as Pick<HearingRecordRow, 'case_id'> | undefined)?.case_id;
}

export function insertHearingRecord(db: Db, r: HearingRecordRow): void {
  stmt(db, `INSERT INTO hearing_records (id, case_id, hearing_id, record_date, attendees, statements, evidence, questions, final_statements, mediation_attempt, created_at, created_by)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(r.id, r.case_id, r.hearing_id, r.record_date, r.attendees, r.statements, r.evidence,
    r.questions, r.final_statements, r.mediation_attempt, r.created_at, r.created_by);
}

export function insertHearingRecordCorrection(db: Db, r: HearingRecordCorrectionRow): void {
  stmt(db, 'INSERT INTO hearing_record_corrections (id, record_id, requested_by, text, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?)')
    .run(r.id, r.record_id, r.requested_by, r.text, r.created_at, r.created_by);
}
