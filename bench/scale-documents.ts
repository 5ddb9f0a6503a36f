/**
 * Issued documents inside the database against a content-addressed store beside it (issue 13 item 3):
 * `npx tsx bench/scale-documents.ts <database> [documents]` (default 5,000 documents; a copy of the database is used).
 *
 * 1. The app's open (openDatabase) and daily backup (backupDatabase: online copy + integrity check of the copy + row
 *    counts) on the database as it is.
 * 2. The same after adding `documents` issued documents of the register's average size (PDF 150 KiB with its embedded font
 *    subset + DOCX 40 KiB ≈ 190 KiB, issue 13), incompressible bytes like their compressed streams, inserted in SQL on
 *    existing cases (not rendered: bench:documents measures rendering).
 * 3. The same bytes as files named by SHA-256 in a store folder beside the database: a full copy of the store, the
 *    incremental copy a backup needs after a day's 50 new documents (only files missing in the backup), and reading one
 *    document verified by its hash against reading its blob from the database.
 * Printed: wall time, process CPU time and the load average, as a table for docs/benchmarks.md.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { backupDatabase } from '../src/db/backup';
import { openDatabase } from '../src/db/open';

const [source, docsArg] = process.argv.slice(2);
if (!source) throw new Error('usage: scale-documents.ts <database> [documents]');
const DOCS = Number(docsArg ?? 5000);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-docs-'));
const file = path.join(dir, 'desk.sqlite');
fs.copyFileSync(source, file);
const rows: string[] = [];
const mib = (b: number) => (b / 1024 / 1024).toFixed(0);

async function measure(label: string, fn: () => unknown | Promise<unknown>, runs = 3): Promise<void> {
  const ms: number[] = [];
  const c0 = process.cpuUsage();
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    ms.push(performance.now() - t0);
  }
  const c = process.cpuUsage(c0);
  ms.sort((a, b) => a - b);
  const f = (x: number) => (x < 10 ? x.toFixed(2) : x.toFixed(0));
  rows.push(`| ${label} | ${f(ms[Math.floor(runs / 2)]!)} (${runs > 5 ? `p95 ${f(ms[Math.floor(runs * 0.95)]!)}` : ms.map(f).join(', ')}) | ${f((c.user + c.system) / 1000 / runs)} | ${os.loadavg()[0]!.toFixed(1)} |`);
  process.stderr.write(`${rows[rows.length - 1]}\n`);
}

async function openAndBackup(state: string): Promise<void> {
  await measure(`打开数据库（openDatabase），${state}，${mib(fs.statSync(file).size)} MiB`, async () => (await openDatabase(file)).close());
  const db = await openDatabase(file);
  const backups = path.join(dir, 'backups');
  await measure(`每日备份（backupDatabase：在线复制＋副本完整性检查），${state}`, async () => {
    const r = await backupDatabase(db, backups);
    fs.rmSync(r.file);
  }, 2);
  db.close();
}

await openAndBackup('无文书');

// Documents inside the database.
const db = await openDatabase(file);
const cases = (db.prepare("SELECT id FROM cases WHERE status = 'accepted' ORDER BY rowid DESC LIMIT ?").all(DOCS) as { id: string }[]).map((r) => r.id);
const user = (db.prepare('SELECT id FROM users LIMIT 1').get() as { id: string }).id;
const store = path.join(dir, 'store');
const ins = db.prepare(`INSERT INTO case_documents (id, case_id, kind, title, issued_date, created_at, created_by, docx, pdf, docx_sha256, pdf_sha256, pages)
  VALUES (?, ?, 'bench', '基准文书', '2026-11-30', '2026-11-30T00:00:00Z', ?, ?, ?, ?, ?, 2)`);
const sha = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');
const put = (b: Buffer) => {
  const h = sha(b);
  const p = path.join(store, h.slice(0, 2), h);
  fs.mkdirSync(path.dirname(p), { recursive: true });
  fs.writeFileSync(p, b);
  return h;
};
const t0 = performance.now();
for (let b = 0; b < DOCS; b += 500) {
  db.transaction(() => {
    for (let i = b; i < Math.min(DOCS, b + 500); i++) {
      const pdf = crypto.randomBytes(150 * 1024);
      const docx = crypto.randomBytes(40 * 1024);
      ins.run(crypto.randomUUID().replace(/-/g, ''), cases[i % cases.length], user, docx, pdf, put(docx), put(pdf));
    }
  })();
}
process.stderr.write(`inserted ${DOCS} documents in the database and the store in ${((performance.now() - t0) / 1000).toFixed(0)} s\n`);
const lastId = (db.prepare('SELECT id FROM case_documents ORDER BY rowid DESC LIMIT 1').get() as { id: string }).id;
const lastPdfSha = (db.prepare('SELECT pdf_sha256 FROM case_documents WHERE id = ?').get(lastId) as { pdf_sha256: string }).pdf_sha256;
await measure('读取一份文书（数据库内 BLOB）', () => db.prepare('SELECT pdf FROM case_documents WHERE id = ?').get(lastId), 20);
await measure('读取一份文书（文件库，按 SHA-256 校验）', () => {
  const b = fs.readFileSync(path.join(store, lastPdfSha.slice(0, 2), lastPdfSha));
  if (sha(b) !== lastPdfSha) throw new Error('hash');
}, 20);
db.pragma('wal_checkpoint(TRUNCATE)');
db.close();
await openAndBackup(`含 ${DOCS} 份文书`);

// The store beside it: a full copy, then the incremental copy after a day's 50 new documents.
const storeBytes = fs.readdirSync(store, { recursive: true, withFileTypes: true }).filter((d) => d.isFile()).reduce((s, d) => s + fs.statSync(path.join(d.parentPath, d.name)).size, 0);
const copyMissing = (from: string, to: string) => {
  let n = 0;
  for (const sub of fs.readdirSync(from)) {
    fs.mkdirSync(path.join(to, sub), { recursive: true });
    const have = new Set(fs.readdirSync(path.join(to, sub)));
    for (const f of fs.readdirSync(path.join(from, sub))) if (!have.has(f)) { fs.copyFileSync(path.join(from, sub, f), path.join(to, sub, f)); n++; }
  }
  return n;
};
const target = path.join(dir, 'store-backup');
await measure(`文件库完整复制（${2 * DOCS} 个文件，${mib(storeBytes)} MiB）`, () => { fs.rmSync(target, { recursive: true, force: true }); copyMissing(store, target); }, 2);
for (let i = 0; i < 50; i++) { put(crypto.randomBytes(150 * 1024)); put(crypto.randomBytes(40 * 1024)); }
await measure('文件库增量复制（一天新增 50 份文书）', () => copyMissing(store, target), 1);
await measure('文件库增量复制（无新增，仅比对）', () => copyMissing(store, target), 3);

fs.rmSync(dir, { recursive: true, force: true });
console.log(`\nSource: ${path.basename(source)}; ${DOCS} documents of 190 KiB; times in ms (median (runs)); CPU ms per run; load = 1-minute load average.\n`);
console.log('| Operation | Wall ms | CPU ms | Load |');
console.log('|---|---|---|---|');
for (const r of rows) console.log(r);
