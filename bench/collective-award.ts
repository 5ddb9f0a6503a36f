/**
 * Benchmark (issue 16 item 6): the award of a 500-worker collective case, with its annex table of every worker and
 * amount, rendered to PDF and to DOCX. Target: under 5 seconds each. A benchmark, never a timed test.
 *
 *   npx tsx bench/collective-award.ts [workers=500] [runs=3]
 *
 * Prints, per format, the first (cold: faces parsed) and the best warm time, and the page count of the PDF; beside each
 * wall time the process CPU time (user + system, process.cpuUsage()) of that run and the 1-minute load average, since
 * on a shared machine the wall time mostly measures the other processes.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { demoRoster } from '../src/cli/demo-data';
import { DOCUMENT_KIND_REGISTRY, type DocumentData, render } from '../src/documents';
import { fixtureData } from '../tests/helpers/document-fixtures';
import { sampleAward } from '../tests/helpers/fixtures';

const workers = Number(process.argv[2] ?? 500);
const runs = Number(process.argv[3] ?? 3);
const roster = demoRoster(workers);
const totalFen = roster.reduce((s, r) => s + r.amountFen!, 0);
const base = fixtureData();
const award = sampleAward('2026-12-01');
const data: DocumentData = {
  ...base,
  case: { ...base.case, collective: true, workerCount: workers },
  award: {
    ...award,
    items: [{ ...award.items[0]!, amountFen: totalFen, order: `被申请人于本裁决书生效之日起十日内支付附件所列${workers}名劳动者拖欠的工资` }],
    annex: {
      title: '附件：劳动者名单及裁决金额', amountLabel: '金额（元）', totalFen,
      rows: roster.map((r, i) => ({ seq: i + 1, name: r.name, idNumber: r.idNumber, items: r.claimItems!, amountFen: r.amountFen! })),
    },
  },
};
const model = DOCUMENT_KIND_REGISTRY.find((k) => k.code === 'award')!.build(data);

for (const format of ['pdf', 'docx'] as const) {
  const times: number[] = [];
  const cpu: number[] = [];
  let bytes = Buffer.alloc(0);
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    bytes = await render(model, format);
    times.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  let pages = '';
  if (format === 'pdf') {
    const f = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bench-coll-')), 'award.pdf');
    fs.writeFileSync(f, bytes);
    pages = `, ${/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [f], { encoding: 'utf8' }))![1]} pages`;
  }
  const warm = times.slice(1).length ? 1 : 0;
  const best = warm + times.slice(warm).indexOf(Math.min(...times.slice(warm)));
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  console.log(`${workers}-worker award ${format.toUpperCase()}: first ${s(times[0]!)} (CPU ${s(cpu[0]!)}), best warm ${s(times[best]!)} (CPU ${s(cpu[best]!)})${pages}, ${(bytes.length / 1024).toFixed(0)} KiB; load average ${os.loadavg().map((l) => l.toFixed(1)).join(' / ')}`);
}
