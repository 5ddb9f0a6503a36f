import type { Db } from '../open';
import { stmt } from './stmt';

/** The stored pending deadlines of the commission (migration 013; kept by src/services/deadline-store.ts). */
export interface StoredDeadlineRow {
  case_id: string;
  seq: number;
  due_date: string;
  case_number: string | null;
  parties: string;
  deadline: string;
}

/** Cases whose records the write in progress changed (every case-owned write bumps cases.revision, migration 009). */
export function selectChangedCaseIds(db: Db): string[] {
  return (stmt(db, "SELECT DISTINCT json_extract(k, '$[0]') AS id FROM temp._changes WHERE tbl = 'cases'").all() as { id: string }[]).map((r) => r.id);
}

/** Whether the write in progress changed the calendar or a setting (a deadline rule's counting is a setting). */
export function calendarOrRulesChanged(db: Db): boolean {
  return !!stmt(db, "SELECT 1 FROM temp._changes WHERE tbl = 'calendar_years' OR (tbl = 'settings' AND k = '[\"periodKinds\"]') LIMIT 1").get();
}

export function deadlinesBuilt(db: Db): boolean {
  return (stmt(db, 'SELECT built FROM case_deadlines_meta WHERE one = 1').get() as { built: number } | undefined)?.built === 1;
}

export function setDeadlinesBuilt(db: Db): void {
  stmt(db, 'UPDATE case_deadlines_meta SET built = 1 WHERE one = 1').run();
}

export function deleteCaseDeadlines(db: Db, caseId: string): void {
  stmt(db, 'DELETE FROM case_deadlines WHERE case_id = ?').run(caseId);
}

export function deleteAllDeadlines(db: Db): void {
  stmt(db, 'DELETE FROM case_deadlines').run();
}

export function insertCaseDeadline(db: Db, r: StoredDeadlineRow): void {
  stmt(db, 'INSERT INTO case_deadlines (case_id, seq, due_date, case_number, parties, deadline) VALUES (?, ?, ?, ?, ?, ?)')
    .run(r.case_id, r.seq, r.due_date, r.case_number, r.parties, r.deadline);
}

/** The cases a person sits on (any seat of the tribunal), records or created, each through its own index (migration 013). */
const MY_CASES = `SELECT case_id FROM case_tribunals WHERE presiding_id = @u UNION SELECT case_id FROM case_tribunals WHERE member2_id = @u
  UNION SELECT case_id FROM case_tribunals WHERE member3_id = @u UNION SELECT case_id FROM case_tribunals WHERE clerk_id = @u
  UNION SELECT id FROM cases WHERE created_by = @u`;

/** Of these cases, those that are the person's (the dashboard's hearings of the day). */
export function selectMineAmong(db: Db, userId: string, caseIds: string[]): Set<string> {
  return new Set((stmt(db, `SELECT value AS id FROM json_each(@ids) WHERE value IN (${MY_CASES})`).all({ ids: JSON.stringify(caseIds), u: userId }) as { id: string }[]).map((r) => r.id));
}

/**
 * The dashboard's rows: every stored deadline due on or before `until` (overdue, today, this week), in due order; for one
 * person, only the cases they sit on, record or created.
 */
export function selectDueDeadlines(db: Db, until: string, userId: string | null): StoredDeadlineRow[] {
  if (!userId) return stmt(db, 'SELECT * FROM case_deadlines WHERE due_date <= ? ORDER BY due_date, case_number, case_id, seq').all(until) as StoredDeadlineRow[];
  return stmt(db, `SELECT d.* FROM case_deadlines d WHERE d.due_date <= @until AND d.case_id IN (${MY_CASES})
    ORDER BY d.due_date, d.case_number, d.case_id, d.seq`).all({ until, u: userId }) as StoredDeadlineRow[];
}
