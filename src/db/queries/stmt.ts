import type BetterSqlite3 from 'better-sqlite3';
import type { Db } from '../open';

export type Statement = BetterSqlite3.Statement;

const cache = new WeakMap<Db, Map<string, Statement>>();

/** A prepared statement for this connection, prepared once per SQL text and reused (statements are bound to their connection). */
export function stmt(db: Db, sql: string): Statement {
  let m = cache.get(db);
  if (!m) {
    m = new Map();
    cache.set(db, m);
  }
  let s = m.get(sql);
  if (!s) {
    s = db.prepare(sql);
    m.set(sql, s);
  }
  return s;
}
