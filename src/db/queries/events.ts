import type { Db } from '../open';
import type { CaseEventRow } from './rows';
import { stmt } from './stmt';

/** Appends one entry to a case's timeline (case_events). */
export function insertCaseEvent(db: Db, r: Omit<CaseEventRow, 'id'>): void {
  stmt(db, 'INSERT INTO case_events (case_id, at, kind, summary, data, actor_id, actor_name) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(r.case_id, r.at, r.kind, r.summary, r.data, r.actor_id, r.actor_name);
}
