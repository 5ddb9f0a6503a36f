/**
 * Document benchmark: `npm run bench:documents`. Results go in docs/benchmarks.md.
 *  1. A 3-page award rendered to PDF and to DOCX in a warm process (fonts already parsed): median and p95 over 20 runs.
 *  2. A batch of 200 acceptance notices issued through the real service into a temporary SQLite file (render both
 *     formats, hash, store), with progress on stderr: total time, per notice, peak RSS, database growth.
 *  3. The first preview after start in a fresh process (bench/first-preview.ts), cold and after the background warm-up.
 * Wall times vary with the machine's load; CPU times of the process are printed beside them.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CaseDetail } from '../src/api';
import { openDatabase } from '../src/db/open';
import { DOCUMENT_KIND_REGISTRY, render } from '../src/documents';
import { SYSTEM_USER, dispatch, dispatchAsync } from '../src/services';
import { fixtureData } from '../tests/helpers/document-fixtures';
import { sampleDraft } from '../tests/helpers/fixtures';

const runs = 20;
const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;
let peak = 0;
const sample = () => (peak = Math.max(peak, process.memoryUsage().rss));
const timer = setInterval(sample, 20);

const base = fixtureData();
const award = DOCUMENT_KIND_REGISTRY.find((k) => k.code === 'award')!;
const paras = base.award!.factsFound.split('\n');
const model = award.build({ ...base, award: { ...base.award!, part: 'final', factsFound: paras.slice(0, 1).join('\n'), reasoning: paras.slice(0, 1).join('\n') } });
const pages = ((await render(model, 'pdf')).toString('latin1').match(/\/Type \/Page[^s]/g) ?? []).length;

const time = async (format: 'pdf' | 'docx') => {
  await render(model, format); // warm-up
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await render(model, format);
    ms.push(performance.now() - t0);
  }
  return { median: quantile(ms, 0.5), p95: quantile(ms, 0.95) };
};
const pdf = await time('pdf');
const docx = await time('docx');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-bench-'));
const file = path.join(dir, 'bench.sqlite');
const db = await openDatabase(file);
const ctx = { db, session: { user: SYSTEM_USER, system: true }, now: () => new Date() };
const today = new Date().toISOString().slice(0, 10);
const ids: string[] = [];
for (let i = 0; i < 200; i++) {
  const d = dispatch(ctx, 'cases.saveDraft', sampleDraft({ receivedDate: today }));
  if (!d.ok) throw new Error(d.error.message);
  const a = dispatch(ctx, 'cases.accept', { id: (d.value as CaseDetail).id, acceptanceDate: today });
  if (!a.ok) throw new Error(a.error.message);
  ids.push((a.value as CaseDetail).id);
}
db.pragma('wal_checkpoint(TRUNCATE)');
const sizeBefore = fs.statSync(file).size;
const cpu0 = process.cpuUsage();
const t0 = performance.now();
let failures = 0;
for (const [i, id] of ids.entries()) {
  const r = await dispatchAsync(ctx, 'documents.issue', { caseId: id, kind: 'acceptance_notice', issuedDate: today });
  if (!r.ok) failures++;
  process.stderr.write(`\rbatch: ${i + 1}/${ids.length}${failures ? `, ${failures} failed` : ''}`);
}
const batchMs = performance.now() - t0;
const batchCpu = process.cpuUsage(cpu0);
const batchCpuMs = (batchCpu.user + batchCpu.system) / 1000;
process.stderr.write('\n');
db.pragma('wal_checkpoint(TRUNCATE)');
const growth = fs.statSync(file).size - sizeBefore;
db.close();
clearInterval(timer);
sample();

const first = (mode: 'cold' | 'warm') => {
  const out = execFileSync(process.execPath, ['--import', 'tsx', path.resolve('bench/first-preview.ts'), mode], { encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').at(-1)!) as { ms: number; cpuMs: number };
};
const cold = first('cold');
const warm = first('warm');

const fmt = (n: number) => n.toFixed(0);
console.log(`| Measure | Result |
|---|---|
| Award (${pages} pages) to PDF, warm, median / p95 of ${runs} | ${fmt(pdf.median)} ms / ${fmt(pdf.p95)} ms |
| Award (${pages} pages) to DOCX, warm, median / p95 of ${runs} | ${fmt(docx.median)} ms / ${fmt(docx.p95)} ms |
| Batch: 200 acceptance notices issued (PDF + DOCX, SHA-256, stored) | ${(batchMs / 1000).toFixed(1)} s total (CPU ${(batchCpuMs / 1000).toFixed(1)} s), ${fmt(batchMs / 200)} ms per notice, ${failures} failed |
| First preview after start (受理通知书), cold / after the background warm-up at start | ${fmt(cold.ms)} ms (CPU ${fmt(cold.cpuMs)} ms) / ${fmt(warm.ms)} ms (CPU ${fmt(warm.cpuMs)} ms) |
| Database growth for the batch | ${(growth / 1024 / 1024).toFixed(1)} MiB (${fmt(growth / 200 / 1024)} KiB per notice) |
| Peak RSS of the process | ${fmt(peak / 1024 / 1024)} MiB |`);
fs.rmSync(dir, { recursive: true, force: true });
