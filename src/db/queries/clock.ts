import type { Db } from '../open';
import type { CaseExtensionRow, CaseSuspensionRow } from './rows';
import { stmt } from './stmt';

export type SuspensionListRow = Pick<CaseSuspensionRow, 'id' | 'start_date' | 'resume_date' | 'reason'>;
export type ExtensionListRow = Pick<CaseExtensionRow, 'id' | 'days' | 'approved_by' | 'approval_date' | 'reason'>;

export function selectSuspensions(db: Db, caseId: string): SuspensionListRow[] {
  return stmt(db, 'SELECT id, start_date, resume_date, reason FROM case_suspensions WHERE case_id = ? ORDER BY start_date').all(caseId) as SuspensionListRow[];
}

export function selectExtensions(db: Db, caseId: string): ExtensionListRow[] {
  return stmt(db, 'SELECT id, days, approved_by, approval_date, reason FROM case_extensions WHERE case_id = ? ORDER BY approval_date').all(caseId) as ExtensionListRow[];
}

export function insertSuspension(db: Db, r: Pick<CaseSuspensionRow, 'id' | 'case_id' | 'start_date' | 'reason' | 'created_at' | 'created_by'>): void {
  stmt(db, 'INSERT INTO case_suspensions (id, case_id, start_date, reason, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?)').run(r.id, r.case_id, r.start_date, r.reason, r.created_at, r.created_by);
}

export function setSuspensionResumed(db: Db, id: string, resumeDate: string): void {
  stmt(db, 'UPDATE case_suspensions SET resume_date = ? WHERE id = ?').run(resumeDate, id);
}

export function insertExtension(db: Db, r: CaseExtensionRow): void {
  stmt(db, 'INSERT INTO case_extensions (id, case_id, days, approved_by, approval_date, reason, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
    .run(r.id, r.case_id, r.days, r.approved_by, r.approval_date, r.reason, r.created_at, r.created_by);
}
