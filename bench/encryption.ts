/**
 * Encryption-at-rest benchmark (issue 12 item 5): `npm run bench:encryption`. Results go in docs/benchmarks.md.
 * The same work on a plain and on an encrypted database file (SQLCipher 4 scheme through better-sqlite3-multiple-ciphers):
 *  1. open an existing database (key derivation, quick_check, pragmas): median of 10;
 *  2. filing: 200 case drafts saved through the real operation (one write transaction each, with its audit entry);
 *  3. the case list (cases.list, first page) on those cases: median / p95 of 50;
 *  4. a backup (backup API for the plain file, VACUUM INTO for the encrypted one).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { UserView } from '../src/api';
import { backupDatabase } from '../src/db/backup';
import { type Db, openDatabase } from '../src/db/open';
import { type ServiceContext, type Session, dispatch } from '../src/services';
import { sampleDraft } from '../tests/helpers/fixtures';

const N = 200;
const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;
const KEY = 'benchmark passphrase 2026';

function ok<T>(r: { ok: true; value: unknown } | { ok: false; error: { message: string } }): T {
  if (!r.ok) throw new Error(r.error.message);
  return r.value as T;
}

async function measure(encrypted: boolean) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-bench-enc-'));
  const file = path.join(dir, 'desk.sqlite');
  const opts = encrypted ? { key: KEY } : {};
  let db: Db = await openDatabase(file, opts);
  const ctx = (user: UserView | null): ServiceContext => ({ db, session: { user } as Session, now: () => new Date() });
  const admin = ok<UserView>(dispatch(ctx(null), 'setup.createAdmin', { username: 'admin', displayName: '管理员', role: 'admin', password: 'admin-pass-1' }));
  const clerk = ok<UserView>(dispatch(ctx(admin), 'users.create', { username: 'clerk', displayName: '书记员', role: 'clerk', password: 'password-1' }));
  const t0 = performance.now();
  for (let i = 0; i < N; i++) ok(dispatch(ctx(clerk), 'cases.saveDraft', sampleDraft()));
  const filing = performance.now() - t0;
  const list: number[] = [];
  for (let i = 0; i < 50; i++) {
    const s = performance.now();
    ok(dispatch(ctx(clerk), 'cases.list', {}));
    list.push(performance.now() - s);
  }
  const b0 = performance.now();
  await backupDatabase(db, path.join(dir, 'backups'));
  const backup = performance.now() - b0;
  db.close();
  const opens: number[] = [];
  for (let i = 0; i < 10; i++) {
    const s = performance.now();
    db = await openDatabase(file, opts);
    opens.push(performance.now() - s);
    db.close();
  }
  const size = fs.statSync(file).size;
  fs.rmSync(dir, { recursive: true, force: true });
  return { open: quantile(opens, 0.5), filing, perCase: filing / N, listMedian: quantile(list, 0.5), listP95: quantile(list, 0.95), backup, size };
}

const plain = await measure(false);
const enc = await measure(true);
const f = (x: number) => `${x.toFixed(1)} ms`;
const ratio = (a: number, b: number) => `${(b / a).toFixed(2)}×`;
console.log('| Measure | Plain | Encrypted | Ratio |');
console.log('|---|---|---|---|');
console.log(`| Open an existing database, median of 10 | ${f(plain.open)} | ${f(enc.open)} | ${ratio(plain.open, enc.open)} |`);
console.log(`| Filing: ${N} drafts saved (one transaction each) | ${f(plain.filing)} (${f(plain.perCase)} each) | ${f(enc.filing)} (${f(enc.perCase)} each) | ${ratio(plain.filing, enc.filing)} |`);
console.log(`| Case list, first page, median / p95 of 50 | ${f(plain.listMedian)} / ${f(plain.listP95)} | ${f(enc.listMedian)} / ${f(enc.listP95)} | ${ratio(plain.listMedian, enc.listMedian)} |`);
console.log(`| Backup (checked) | ${f(plain.backup)} | ${f(enc.backup)} | ${ratio(plain.backup, enc.backup)} |`);
console.log(`| File size after ${N} drafts | ${(plain.size / 1024).toFixed(0)} KiB | ${(enc.size / 1024).toFixed(0)} KiB | |`);
console.log(`load average: ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`);
