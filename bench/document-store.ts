/**
 * The real document store (decision 141, src/db/document-store.ts) on an encrypted database:
 * `npx tsx bench/document-store.ts [documents]` (default 500 documents of 190 KiB: PDF 150 KiB + DOCX 40 KiB, random
 * bytes like their compressed streams).
 *
 * Measured: storing one file (AES-256-GCM + temporary file + fsync + rename + fsync of the folder — what an issue adds
 * inside its transaction, twice), reading one back (read + GCM tag + SHA-256 of the plaintext), and the backup's store
 * copy through backupDatabase (first backup copies every file, the next one after a day's 50 new documents copies
 * those only). Printed: wall time, process CPU time and the 1-minute load average, as a table for docs/benchmarks.md.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { backupDatabase } from '../src/db/backup';
import { getDocumentFile, putDocumentFile } from '../src/db/document-store';
import { openDatabase } from '../src/db/open';
import type { UserView } from '../src/api';
import { type ServiceContext, type Session, dispatch } from '../src/services';
import { sampleDraft } from '../tests/helpers/fixtures';

const DOCS = Number(process.argv[2] ?? 500);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-store-'));
const db = await openDatabase(path.join(dir, 'desk.sqlite'), { key: 'bench passphrase 2026-11-30' });
const rows: string[] = [];
const f = (x: number) => (x < 10 ? x.toFixed(2) : x.toFixed(0));

async function measure(label: string, fn: (i: number) => unknown | Promise<unknown>, runs: number): Promise<void> {
  const ms: number[] = [];
  const c0 = process.cpuUsage();
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn(i);
    ms.push(performance.now() - t0);
  }
  const c = process.cpuUsage(c0);
  ms.sort((a, b) => a - b);
  rows.push(`| ${label} | ${f(ms[Math.floor(runs / 2)]!)} (${runs > 5 ? `p95 ${f(ms[Math.floor(runs * 0.95)]!)}` : ms.map(f).join(', ')}) | ${f((c.user + c.system) / 1000 / runs)} | ${os.loadavg()[0]!.toFixed(1)} |`);
  process.stderr.write(`${rows[rows.length - 1]}\n`);
}

// The files are registered the way an issue registers them (row without bytes, with the hashes), so the backup copies them.
const ctx = (user: UserView | null): ServiceContext => ({ db, session: { user } as Session, now: () => new Date('2026-11-02T04:00:00Z') });
const ok = <T>(r: { ok: boolean; value?: unknown; error?: { message: string } }) => {
  if (!r.ok) throw new Error(r.error!.message);
  return r.value as T;
};
const admin = ok<UserView>(dispatch(ctx(null), 'setup.createAdmin', { username: 'admin', displayName: '管理员', role: 'admin', password: 'admin-pass-1' }));
const clerk = ok<UserView>(dispatch(ctx(admin), 'users.create', { username: 'clerk', displayName: '书记员', role: 'clerk', password: 'password-1' }));
const user = clerk.id;
const draft = ok<{ id: string }>(dispatch(ctx(clerk), 'cases.saveDraft', sampleDraft({ receivedDate: '2026-10-30' })));
const ins = db.prepare(`INSERT INTO case_documents (id, case_id, kind, title, issued_date, created_at, created_by, docx_sha256, pdf_sha256, pages)
  VALUES (?, ?, 'bench', '基准文书', '2026-11-30', '2026-11-30T00:00:00Z', ?, ?, ?, 2)`);
const hashes: string[] = [];
const issue = () => {
  const pdf = putDocumentFile(db, crypto.randomBytes(150 * 1024));
  const docx = putDocumentFile(db, crypto.randomBytes(40 * 1024));
  ins.run(crypto.randomUUID().replace(/-/g, ''), draft.id, user, docx, pdf);
  hashes.push(pdf);
};
await measure(`存入一份文书（PDF＋DOCX 两个文件，加密＋fsync），共 ${DOCS} 份`, issue, DOCS);
await measure('读取一份 PDF（解密＋GCM 校验＋SHA-256）', (i) => getDocumentFile(db, hashes[(i * 7) % hashes.length]!), 50);
const usb = path.join(dir, 'usb');
await measure(`首次备份（数据库＋${2 * DOCS} 个文书文件）`, () => backupDatabase(db, usb, new Date('2026-11-30T01:00:00Z')), 1);
for (let i = 0; i < 50; i++) issue();
await measure('次日备份（新增 50 份文书，仅复制新文件）', () => backupDatabase(db, usb, new Date('2026-12-01T01:00:00Z')), 1);
await measure('再次备份（无新增，仅比对）', () => backupDatabase(db, usb, new Date('2026-12-02T01:00:00Z')), 1);
db.close();
fs.rmSync(dir, { recursive: true, force: true });
console.log(`\n${DOCS} documents of 190 KiB on an encrypted database; times in ms (median (runs or p95)); CPU ms per run; load = 1-minute load average.\n`);
console.log('| Operation | Wall ms | CPU ms | Load |');
console.log('|---|---|---|---|');
for (const r of rows) console.log(r);
