import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { openFile } from './backup';
import { keyOf, keyPragmas } from './encryption';
import { type Db, SQLITE_MODULE } from './open';

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

/** The worker's code: its own read-only connection (keyed like applyKey when the file is encrypted), integrity_check, close. */
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
let db;
try {
  const Driver = require(workerData.driver);
  db = new Driver(workerData.file, { readonly: true, fileMustExist: true });
  for (const p of workerData.pragmas) db.pragma(p);
  parentPort.postMessage(db.pragma('integrity_check').map((r) => r.integrity_check));
} catch (e) {
  parentPort.postMessage([e && e.message ? String(e.message) : 'integrity_check failed']);
} finally {
  if (db) db.close();
}`;

/**
 * The same check in a worker thread, for the app's daily background run (issue 13, scale4): integrity_check of the
 * 100,000-case file costs ~10 s CPU, which on the main thread would hold every call of the app meanwhile.
 */
export function fullIntegrityCheckInWorker(db: Db): Promise<string[]> {
  const key = keyOf(db);
  const workerData = { driver: createRequire(import.meta.url).resolve(SQLITE_MODULE), file: db.name, pragmas: key ? keyPragmas(key) : [] };
  return new Promise((resolve) => {
    const w = new Worker(WORKER, { eval: true, workerData });
    w.once('message', (rows: string[]) => resolve(rows));
    w.once('error', (e) => resolve([e.message]));
    w.once('exit', (code) => resolve([`integrity check worker exited (${code})`]));
  });
}
