import { openFile } from './backup';
import { keyOf } from './encryption';
import type { Db } from './open';

/**
 * The full structural check of the database file (`PRAGMA integrity_check`: every page, every index against its
 * table), on a separate read-only connection so that it never holds the app's own connection (issue 13, scale4).
 * Seconds at 100,000 cases (docs/benchmarks.md), so the app runs it once a day when idle
 * (services/integrity.ts) and `desk db check` runs it on demand. 'ok' alone, or SQLite's findings.
 */
export function fullIntegrityCheck(db: Db): string[] {
  let check: Db;
  try {
    check = openFile(db.name, keyOf(db), true);
  } catch {
    return ['无法以只读方式打开数据库文件'];
  }
  try {
    return (check.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
  } catch (e) {
    return [e instanceof Error ? e.message : 'integrity_check failed'];
  } finally {
    check.close();
  }
}
