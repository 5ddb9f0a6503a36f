import { factsCurrent, rebuildCaseFacts, refreshCaseFacts, selectFactsChangedCaseIds } from '../db/queries/stats';
import type { Db } from '../db/open';
import type { ServiceContext } from './context';

/**
 * The statistics' stored per-case facts (migration 021, issue 15 item 8), kept like the stored deadlines
 * (deadline-store.ts): writeTx calls refreshChangedFacts inside every write transaction, after the operation's writes
 * and before its audit entry, and the rows of the cases the write changed are rewritten from the records by the same
 * query the report uses when the table is not current. When the table is not current (right after the migration, or
 * when the facts query changed in code) the first write rebuilds every row; until then the report computes the facts
 * from the records.
 */
export function refreshChangedFacts(ctx: ServiceContext): void {
  const db = ctx.db;
  if (!factsCurrent(db)) {
    rebuildCaseFacts(db);
    return;
  }
  const ids = selectFactsChangedCaseIds(db);
  if (ids.length) refreshCaseFacts(db, ids);
}

/** Rewrites every row from the records (bulk loads that bypass the write path: the benchmark's fill, a repair). */
export function rebuildStatisticsFacts(db: Db): number {
  return db.transaction(() => rebuildCaseFacts(db))();
}
