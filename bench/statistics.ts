/**
 * Statistics benchmark: `npm run bench:statistics` (optionally `-- 100000` cases). Results go in docs/benchmarks.md.
 * Fills a temporary SQLite file with N accepted cases over two years (2024–2025) with their parties (1–12 applicant
 * workers, an employer), 1–3 claims, decisions and closings (about 90 % closed), by plain inserts in one transaction;
 * then builds the stored per-case facts (migration 021: rebuildStatisticsFacts, as after a bulk load) and times the
 * year's official table (`stats.official` for 2025 against 2024: both periods, by venue, by month), the year's
 * indicators (`stats.indicators`) and one drill-down in a warm process: median and p95 of 20 runs, wall time and the
 * process's CPU time (process.cpuUsage: user + system) per run, with the load average — the machine is shared, so wall
 * time alone says little. For comparison the same report computed from the records (the facts table marked stale, the
 * path before migration 021) is timed over 3 runs.
 * BENCH_DB=<file> reuses (or keeps) a filled database file between runs.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../src/db/open';
import { SYSTEM_USER, dispatch } from '../src/services';
import { rebuildStatisticsFacts } from '../src/services/stats-facts';

const N = Number(process.argv[2] ?? 100_000);
const runs = 20;
const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-stats-'));
const file = process.env.BENCH_DB ?? path.join(dir, 'desk.sqlite');
const reuse = !!process.env.BENCH_DB && fs.existsSync(file);
const db = await openDatabase(file);
const ctx = { db, session: { user: SYSTEM_USER, system: true, origin: 'bench' }, now: () => new Date('2026-06-01T04:00:00Z') };

let seed = 42;
const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
const day = (start: string, plus: number) => new Date(Date.parse(`${start}T00:00:00Z`) + plus * 86_400_000).toISOString().slice(0, 10);
const sys = SYSTEM_USER.id;
const at = '2026-01-01T00:00:00.000Z';

const t0 = performance.now();
if (!reuse) fill();
function fill() {
const venues = ['0000000000000000000000000000c001', ...[1, 2, 3].map((i) => `${'0'.repeat(31)}${i}`)];
db.transaction(() => {
  for (const v of venues.slice(1)) db.prepare("INSERT INTO venues (id, name, kind, created_at, created_by) VALUES (?, ?, 'circuit', ?, ?)").run(v, `巡回庭${v.slice(-1)}`, at, sys);
  const insCase = db.prepare("INSERT INTO cases (id, status, case_number, venue_id, received_date, acceptance_date, collective, group_flags, created_at, created_by, updated_at, updated_by) VALUES (?, 'accepted', ?, ?, ?, ?, ?, '[]', ?, ?, ?, ?)");
  const insParty = db.prepare('INSERT INTO parties (id, case_id, role, seq, kind, name) VALUES (?, ?, ?, ?, ?, ?)');
  const insClaim = db.prepare('INSERT INTO claims (id, case_id, seq, type, amount_fen, text) VALUES (?, ?, ?, ?, ?, ?)');
  const insDecision = db.prepare("INSERT INTO claim_decisions (claim_id, case_id, result, order_text, reasoning, articles, finality_type, decided_date, updated_at, updated_by) VALUES (?, ?, ?, '', '', '', 'wages', ?, ?, ?)");
  const insClosure = db.prepare('INSERT INTO case_closures (case_id, method, closed_date, due_date, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?)');
  const types = ['wages', 'overtime', 'economic_compensation', 'damages', 'social_insurance', 'work_injury', 'confirm_employment', 'other'] as const;
  const methods = ['award', 'award', 'mediation', 'mediation', 'withdrawal', 'deemed_withdrawal', 'transfer'] as const;
  for (let i = 0; i < N; i += 1) {
    const id = i.toString(16).padStart(32, '0');
    const accepted = day('2024-01-01', Math.floor(rnd() * 730));
    const workers = rnd() < 0.05 ? 10 + Math.floor(rnd() * 20) : 1 + Math.floor(rnd() * 2);
    insCase.run(id, `B${i}`, pick(venues), day(accepted, -2), accepted, workers >= 10 ? 1 : 0, at, sys, at, sys);
    for (let w = 0; w < workers; w += 1) insParty.run(`a${w.toString(16).padStart(2, '0')}${id.slice(3)}`, id, 'applicant', w, 'person', `工${w}`);
    insParty.run(`r00${id.slice(3)}`, id, 'respondent', 0, 'org', '某公司');
    const claims = 1 + Math.floor(rnd() * 3);
    const closed = rnd() < 0.9 ? day(accepted, 10 + Math.floor(rnd() * 70)) : null;
    const method = pick(methods);
    for (let k = 0; k < claims; k += 1) {
      const cid = `c${k}${id.slice(2)}`;
      insClaim.run(cid, id, k, pick(types), Math.floor(rnd() * 5_000_000), '请求');
      if (closed && method === 'award') insDecision.run(cid, id, pick(['supported', 'partly', 'rejected'] as const), closed, at, sys);
    }
    if (closed && closed < '2026-06-01') insClosure.run(id, method, closed, day(accepted, 45), at, sys);
  }
})();
}
const filled = performance.now() - t0;
process.stderr.write(`${reuse ? 'reused' : 'filled'} ${N} cases in ${(filled / 1000).toFixed(1)} s\n`);
const cpuMs = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1000;
const r0 = performance.now();
const rc0 = process.cpuUsage();
const factRows = rebuildStatisticsFacts(db);
const rebuild = { rows: factRows, wall_ms: Math.round(performance.now() - r0), cpu_ms: Math.round(cpuMs(process.cpuUsage(rc0))) };
process.stderr.write(`facts rebuilt: ${JSON.stringify(rebuild)}\n`);

const time = (name: string, input: unknown, n = runs) => {
  const r = dispatch(ctx, name, input);
  if (!r.ok) throw new Error(r.error.message);
  const xs: number[] = [];
  const cs: number[] = [];
  for (let i = 0; i < n; i += 1) {
    const s = performance.now();
    const c = process.cpuUsage();
    dispatch(ctx, name, input);
    xs.push(performance.now() - s);
    cs.push(cpuMs(process.cpuUsage(c)));
  }
  return { median: quantile(xs, 0.5), p95: quantile(xs, 0.95), cpu: quantile(cs, 0.5), value: r.value };
};
const fig = (x: { median: number; p95: number; cpu: number }) => ({ median: +x.median.toFixed(1), p95: +x.p95.toFixed(1), cpu_median: +x.cpu.toFixed(1) });
const year = { from: '2025-01-01', to: '2025-12-31' };
if (process.env.FILL_ONLY) { db.close(); process.stderr.write(`kept ${file}\n`); process.exit(0); }
const load0 = os.loadavg();
const official = time('stats.official', { ...year, compareFrom: '2024-01-01', compareTo: '2024-12-31' });
const single = time('stats.official', year);
const indicators = time('stats.indicators', year);
const drill = time('stats.drill', { ...year, key: 'closedMediation' });
// the same report computed from the records (the path before migration 021): the facts table marked stale
db.prepare('UPDATE case_facts_meta SET version = NULL').run();
const live = time('stats.official', { ...year, compareFrom: '2024-01-01', compareTo: '2024-12-31' }, 3);
rebuildStatisticsFacts(db);
if (JSON.stringify(live.value) !== JSON.stringify(official.value)) throw new Error('the stored facts and the records give different reports');
const rows = (official.value as { rows: { key: string; value: number }[] }).rows;
const result = {
  cases: N,
  fill_s: +(filled / 1000).toFixed(1),
  facts_rebuild: rebuild,
  official_with_comparison_ms: fig(official),
  official_one_period_ms: fig(single),
  indicators_ms: fig(indicators),
  official_and_indicators_median_ms: +(official.median + indicators.median).toFixed(1),
  drill_closed_by_mediation_ms: { ...fig(drill), cases: (drill.value as { cases: unknown[] }).cases.length },
  official_from_records_ms: fig(live),
  accepted_2025: rows.find((r) => r.key === 'accepted')!.value,
  load_average_before_after: [load0, os.loadavg()].map((l) => l.map((x) => +x.toFixed(1))),
};
process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
db.close();
if (process.env.KEEP_BENCH_DB || process.env.BENCH_DB) process.stderr.write(`kept ${file}\n`);
else fs.rmSync(dir, { recursive: true, force: true });
