import type { Db } from '../open';
import type { CaseClosureRow } from './rows';
import { stmt } from './stmt';

export function selectClosedDate(db: Db, caseId: string): string | undefined {
  return (stmt(db, 'SELECT closed_date FROM case_closures WHERE case_id = ?').get(caseId) as Pick<CaseClosureRow, 'closed_date'> | undefined)?.closed_date;
}

export function selectClosure(db: Db, caseId: string): CaseClosureRow | undefined {
  return stmt(db, 'SELECT * FROM case_closures WHERE case_id = ?').get(caseId) as CaseClosureRow | undefined;
}

export function insertClosure(db: Db, r: CaseClosureRow): void {
  stmt(db, 'INSERT INTO case_closures (case_id, method, closed_date, due_date, overrun_reason, note, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
    .run(r.case_id, r.method, r.closed_date, r.due_date, r.overrun_reason, r.note, r.created_at, r.created_by);
}
