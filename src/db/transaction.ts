import type { Db } from './open';

/**
 * Transaction control for the one write path (src/services/tx.ts). A write opens an IMMEDIATE transaction, or — inside
 * a caller's transaction — a savepoint, so that each operation still commits or rolls back as a whole.
 */
export function beginWrite(db: Db): { outer: boolean } {
  const outer = db.inTransaction;
  db.exec(outer ? 'SAVEPOINT write_op' : 'BEGIN IMMEDIATE');
  return { outer };
}

export function commitWrite(db: Db, t: { outer: boolean }): void {
  db.exec(t.outer ? 'RELEASE write_op' : 'COMMIT');
}

export function rollbackWrite(db: Db, t: { outer: boolean }): void {
  if (db.inTransaction) db.exec(t.outer ? 'ROLLBACK TO write_op; RELEASE write_op' : 'ROLLBACK');
}
