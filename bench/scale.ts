/**
 * Scale benchmark (issue 13): `npm run bench:scale [-- 1000 10000 100000]`. Results go in docs/benchmarks.md.
 *
 * For each size, the database built through the real services by bench/scale-build.ts is cached in
 * ~/.cache/arbitration-desk-bench/scale-v<schema>-g<generator>-<cases>.sqlite (override the folder with DESK_BENCH_CACHE).
 * A cache built at an older schema is migrated by the app's own open (a copy; the result is cached under the new
 * version), so a new migration does not force a rebuild. Each run works on a copy of the cached file.
 *
 * Every screen's operation runs through the dispatcher as the app calls it; the bare query is the best plain SQLite
 * statement for the same answer on the same file. Printed: median and p95 (of `RUNS`, default 30) in ms, the ratio of the
 * medians, and the process's peak RSS while the operation ran.
 */
import { fullIntegrityCheck } from '../src/db/integrity';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CaseDetail, UserView } from '../src/api';
import { collectChanges, appendEntry } from '../src/db/audit-chain';
import { loadSqlite, openDatabase } from '../src/db/open';
import { LATEST_VERSION } from '../src/db/migrations';
import { addDays, shanghaiDate } from '../src/domain';
import { SYSTEM_USER, type ServiceContext, dispatch } from '../src/services';
import { buildScaleDb } from './scale-build';
import { replicateScaleDb } from './scale-replicate';

const GENERATOR = 1;
const RUNS = Number(process.env.RUNS ?? 30);
/** ONLY=<regular expression>: only the rows whose label matches (and none of the open/backup rows), e.g. ONLY='关联|冲突|完整性'. */
const ONLY = process.env.ONLY ? new RegExp(process.env.ONLY) : null;
const wanted = (op: string) => !ONLY || ONLY.test(op);
const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
const SIZES = sizes.length ? sizes : [1000, 10000, 100000];
const CACHE = process.env.DESK_BENCH_CACHE ?? path.join(os.homedir(), '.cache', 'arbitration-desk-bench');
const log = (s: string) => process.stderr.write(s);

const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;
let peak = 0;
const sample = () => (peak = Math.max(peak, process.memoryUsage().rss));
const timer = setInterval(sample, 10);

/** cpu: the process's CPU time (user + system, process.cpuUsage) per run, the figure that load does not inflate much; load: 1-minute load average after the runs. */
interface Timing { median: number; p95: number; rss: number; cpu?: number; load?: number }
function time(fn: () => unknown, runs = RUNS): Timing {
  fn(); // warm (statement cache, page cache)
  global.gc?.();
  peak = process.memoryUsage().rss;
  const ms: number[] = [];
  const c0 = process.cpuUsage();
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    ms.push(performance.now() - t0);
    sample();
  }
  const c = process.cpuUsage(c0);
  return { median: quantile(ms, 0.5), p95: quantile(ms, 0.95), rss: peak / 1024 / 1024, cpu: (c.user + c.system) / 1000 / runs, load: os.loadavg()[0] };
}

/**
 * REPLICATE=1: a size above 10,000 that the services cannot build in the time at hand is the 10,000-case database built
 * through the services, copied n/10,000 times in SQL (bench/scale-replicate.ts; cached as scale-v<schema>-g<generator>-<n>-replicated.sqlite).
 */
const REPLICATE = process.env.REPLICATE === '1';
const label = (n: number) => `${n.toLocaleString('en')}${REPLICATE && n > 10000 ? '（10,000 × ' + n / 10000 + ' 复制）' : ''}`;

async function cached(n: number): Promise<string> {
  fs.mkdirSync(CACHE, { recursive: true });
  if (REPLICATE && n > 10000 && n % 10000 === 0) {
    const out = path.join(CACHE, `scale-v${LATEST_VERSION}-g${GENERATOR}-${n}-replicated.sqlite`);
    if (!fs.existsSync(out)) {
      const source = await cached(10000);
      log(`replicating the 10,000-case database × ${n / 10000}\n`);
      replicateScaleDb(source, `${out}.tmp`, n / 10000, log);
      fs.renameSync(`${out}.tmp`, out);
    }
    return out;
  }
  const name = (v: number) => path.join(CACHE, `scale-v${v}-g${GENERATOR}-${n}.sqlite`);
  if (fs.existsSync(name(LATEST_VERSION))) return name(LATEST_VERSION);
  const older = fs.readdirSync(CACHE).map((f) => f.match(new RegExp(`^scale-v(\\d+)-g${GENERATOR}-${n}\\.sqlite$`))).filter(Boolean).map((m) => Number(m![1])).sort((a, b) => b - a)[0];
  if (older !== undefined && older < LATEST_VERSION) {
    log(`migrating the ${n}-case cache from schema ${older} to ${LATEST_VERSION}\n`);
    const tmp = `${name(LATEST_VERSION)}.tmp`;
    fs.copyFileSync(name(older), tmp);
    const t0 = performance.now();
    const db = await openDatabase(tmp, { backupDir: path.join(os.tmpdir(), 'desk-bench-backups') });
    // the first write after migration 013 fills the deadline table (one write through the dispatcher)
    const ctx: ServiceContext = { db, session: { user: SYSTEM_USER, system: true }, now: () => new Date() };
    const r = dispatch(ctx, 'settings.update', { commissionName: '成都市温江区劳动人事争议仲裁委员会' });
    if (!r.ok) throw new Error(r.error.message);
    log(`migrated and filled the deadline table in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    fs.renameSync(tmp, name(LATEST_VERSION));
    return name(LATEST_VERSION);
  }
  log(`building the ${n}-case database through the services (once; cached in ${CACHE})\n`);
  const tmp = `${name(LATEST_VERSION)}.building`;
  fs.rmSync(tmp, { force: true });
  await buildScaleDb(n, tmp);
  fs.renameSync(tmp, name(LATEST_VERSION));
  return name(LATEST_VERSION);
}

type Row = { op: string; n: number; svc: Timing; bare?: Timing };
const rows: Row[] = [];

for (const n of SIZES) {
  const source = await cached(n);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-scale-'));
  const file = path.join(dir, 'desk.sqlite');
  fs.copyFileSync(source, file);
  const sizeMiB = fs.statSync(file).size / 1024 / 1024;
  log(`\n${n} cases: ${sizeMiB.toFixed(0)} MiB\n`);

  const Sqlite = loadSqlite();
  if (!ONLY) {
    // Opening: the app's open (pragmas, integrity check, migrations) against a bare open and a schema-version read.
    const open = time(() => undefined, 1);
    {
      const ms: number[] = [];
      peak = 0;
      for (let i = 0; i < Math.min(RUNS, 10); i++) {
        const t0 = performance.now();
        const db = await openDatabase(file);
        ms.push(performance.now() - t0);
        db.close();
        sample();
      }
      Object.assign(open, { median: quantile(ms, 0.5), p95: quantile(ms, 0.95), rss: peak / 1024 / 1024 });
    }
    const bareOpen = time(() => { const b = Sqlite(file); b.pragma('user_version', { simple: true }); b.close(); }, 10);
    rows.push({ op: '打开数据库（openDatabase：检查、迁移）', n, svc: open, bare: bareOpen });
    // The pre-migration backup (open.ts: SQLite's online backup of the open database) against a plain file copy.
    {
      const b = Sqlite(file, { readonly: true });
      const ms: number[] = [];
      const cp: number[] = [];
      for (let i = 0; i < 3; i++) {
        let t0 = performance.now();
        await b.backup(path.join(dir, `backup-${i}.sqlite`));
        ms.push(performance.now() - t0);
        t0 = performance.now();
        fs.copyFileSync(file, path.join(dir, `copy-${i}.sqlite`));
        cp.push(performance.now() - t0);
        fs.rmSync(path.join(dir, `backup-${i}.sqlite`));
        fs.rmSync(path.join(dir, `copy-${i}.sqlite`));
      }
      b.close();
      rows.push({ op: '迁移前备份（SQLite 在线备份）对照文件复制', n, svc: { median: quantile(ms, 0.5), p95: quantile(ms, 0.95), rss: peak / 1024 / 1024 }, bare: { median: quantile(cp, 0.5), p95: quantile(cp, 0.95), rss: 0 } });
    }
    const fullCheck = time(() => { const b = Sqlite(file, { readonly: true }); b.pragma('quick_check'); b.close(); }, 3);
    rows.push({ op: '完整性检查 PRAGMA quick_check（全文件）', n, svc: fullCheck });
  }

  const db = await openDatabase(file);
  // The daily background check (decision 139): integrity_check on its own read-only connection, the app's function.
  const integrityOp = '完整性检查 PRAGMA integrity_check（每日后台，只读连接）';
  if (wanted(integrityOp)) rows.push({ op: integrityOp, n, svc: time(() => { if (fullIntegrityCheck(db)[0] !== 'ok') throw new Error('integrity_check failed'); }, 2) });
  const bare = Sqlite(file, { readonly: true });
  const sys: ServiceContext = { db, session: { user: SYSTEM_USER, system: true }, now: () => new Date() };
  const arbitrator = db.prepare("SELECT * FROM users WHERE username = 'arbitrator0'").get() as { id: string; username: string; display_name: string; role: UserView['role'] };
  const arbCtx: ServiceContext = { db, session: { user: { id: arbitrator.id, username: arbitrator.username, displayName: arbitrator.display_name, role: 'arbitrator', active: true, employment: null, venueId: null } }, now: () => new Date() };
  const call = (ctx: ServiceContext, op: string, input: unknown) => () => {
    const r = dispatch(ctx, op, input);
    if (!r.ok) throw new Error(`${op}: ${r.error.message}`);
    return r.value;
  };
  const q = (sql: string, ...params: unknown[]) => { const s = bare.prepare(sql); return () => s.all(...params); };
  const today = shanghaiDate(new Date());
  const weekEnd = addDays(today, 7);

  const add = (op: string, svc: () => unknown, bareFn?: () => unknown) => {
    if (!wanted(op)) return;
    log(`  ${op}\n`);
    rows.push({ op, n, svc: time(svc), bare: bareFn ? time(bareFn) : undefined });
  };

  // 工作台 reads each section's count and one page of 20 (issue 14); the bare query does the same on the table.
  const sectionsBare = (extra: string, ...params: unknown[]) => {
    const count = bare.prepare(`SELECT sum(due_date < @today), sum(due_date = @today), sum(due_date > @today) FROM case_deadlines d WHERE due_date <= @until ${extra}`);
    const pages = ['due_date < @today', 'due_date = @today', 'due_date > @today AND due_date <= @until']
      .map((r) => bare.prepare(`SELECT * FROM case_deadlines d WHERE ${r} ${extra} ORDER BY due_date, case_number, case_id, seq LIMIT 20 OFFSET @offset`));
    return (offset = 0) => () => {
      const p = { today, until: weekEnd, ...Object.fromEntries(params.map((v, i) => [`p${i}`, v])) };
      count.get(p);
      for (const s of pages) s.all({ ...p, offset });
    };
  };
  add('工作台 全委（dashboard.get all）', call(sys, 'dashboard.get', { scope: 'all' }), sectionsBare('')());
  add('工作台 全委 已逾期第 5 页', call(sys, 'dashboard.get', { scope: 'all', pages: { overdue: 5 } }), sectionsBare('')(80));
  add('工作台 全委 仲裁员筛选', call(sys, 'dashboard.get', { scope: 'all', arbitratorId: arbitrator.id }),
    sectionsBare('AND d.case_id IN (SELECT case_id FROM case_tribunals WHERE presiding_id = @p0)', arbitrator.id)());
  add('工作台 本人（dashboard.get mine，仲裁员）', call(arbCtx, 'dashboard.get', { scope: 'mine' }),
    q('SELECT d.* FROM case_deadlines d JOIN case_tribunals t ON t.case_id = d.case_id WHERE d.due_date <= ? AND t.presiding_id = ? ORDER BY d.due_date', weekEnd, arbitrator.id));

  const page = 'SELECT c.id, c.case_number, c.status, c.received_date, c.acceptance_date FROM cases c';
  add('案件列表 首页（cases.list）', call(sys, 'cases.list', { limit: 50 }), q(`${page} ORDER BY coalesce(c.acceptance_date, c.received_date) DESC LIMIT 50`));
  add('案件列表 已受理（status）', call(sys, 'cases.list', { limit: 50, status: 'accepted' }), q(`${page} WHERE status = 'accepted' ORDER BY coalesce(c.acceptance_date, c.received_date) DESC LIMIT 50`));
  add('案件列表 按案号排序', call(sys, 'cases.list', { limit: 50, sort: 'caseNumber', order: 'asc' }), q(`${page} ORDER BY c.case_number LIMIT 50`));
  add('案件列表 按收件日期排序', call(sys, 'cases.list', { limit: 50, sort: 'receivedDate' }), q(`${page} ORDER BY c.received_date DESC LIMIT 50`));
  add('案件列表 仲裁员筛选', call(sys, 'cases.list', { limit: 50, arbitratorId: arbitrator.id }),
    q(`${page} JOIN case_tribunals t ON t.case_id = c.id WHERE t.presiding_id = ? ORDER BY c.received_date DESC LIMIT 50`, arbitrator.id));
  add('案件列表 第 100 页', call(sys, 'cases.list', { limit: 50, offset: Math.min(4950, Math.floor(n / 2)) }), q(`${page} ORDER BY coalesce(c.acceptance_date, c.received_date) DESC LIMIT 50 OFFSET ?`, Math.min(4950, Math.floor(n / 2))));

  // Search terms taken from the data: a worker of a mid-table case, the busiest employer.
  const w = bare.prepare("SELECT name, id_number FROM parties WHERE role = 'applicant' AND kind = 'person' ORDER BY rowid LIMIT 1 OFFSET ?").get(Math.floor(n / 3)) as { name: string; id_number: string };
  const emp = bare.prepare("SELECT name, credit_code, count(*) AS k FROM parties WHERE role = 'respondent' GROUP BY credit_code ORDER BY k DESC LIMIT 1").get() as { name: string; credit_code: string; k: number };
  const caseNo = (bare.prepare("SELECT case_number FROM cases WHERE case_number IS NOT NULL ORDER BY rowid LIMIT 1 OFFSET ?").get(Math.floor(n / 2)) as { case_number: string }).case_number;
  const name3 = [...w.name].length >= 3 ? w.name : `${w.name}${w.name.slice(-1)}`;
  const search = (label: string, text: string, bareSql: string, ...params: unknown[]) => add(`搜索 ${label}`, call(sys, 'cases.list', { limit: 50, query: text }), q(bareSql, ...params));
  // Bare: the best index for the text (trigram FTS5 for 3+, the gram table of migration 020 for 1–2) giving the matching
  // cases' count and the first page of 50 in the list's order — the same answer the list shows.
  const bareSearch = (from: string) => `SELECT (SELECT count(*) FROM cases c WHERE c.id IN (${from})) AS n, (SELECT json_group_array(id) FROM (SELECT c.id FROM cases c WHERE c.id IN (${from}) ORDER BY coalesce(c.acceptance_date, c.received_date) DESC LIMIT 50)) AS ids`;
  const viaGram = bareSearch('SELECT p.case_id FROM parties p WHERE p.rowid IN (SELECT party_rowid FROM party_name_grams WHERE gram = @t)');
  const viaFts = bareSearch('SELECT p.case_id FROM parties p WHERE p.rowid IN (SELECT rowid FROM party_fts WHERE party_fts MATCH @t)');
  search('姓名 3 字', name3, viaFts, { t: `"${name3}"` });
  search('姓名 2 字', [...w.name].slice(0, 2).join(''), viaGram, { t: [...w.name].slice(0, 2).join('') });
  search('姓名 2 字（名中两字）', [...w.name].slice(-2).join(''), viaGram, { t: [...w.name].slice(-2).join('') });
  search('姓名 1 字（姓）', [...w.name][0]!, viaGram, { t: [...w.name][0]! });
  search('身份证号码', w.id_number, bareSearch('SELECT case_id FROM parties WHERE id_number = @t'), { t: w.id_number });
  search('统一社会信用代码', emp.credit_code, bareSearch('SELECT case_id FROM parties WHERE credit_code = @t'), { t: emp.credit_code });
  search('用人单位名称', emp.name.slice(2, 8), viaFts, { t: `"${emp.name.slice(2, 8)}"` });
  search('用人单位名称 2 字', emp.name.slice(2, 4), viaGram, { t: emp.name.slice(2, 4) });
  search('案号', caseNo, bareSearch('SELECT id FROM cases WHERE case_number = @t'), { t: caseNo });

  const busiestCase = (bare.prepare("SELECT case_id FROM parties WHERE credit_code = ? ORDER BY rowid DESC LIMIT 1").get(emp.credit_code) as { case_id: string }).case_id;
  // The related-case check answers one page of 20 and the count (decision 138).
  add(`关联案件（最多案件的用人单位，${emp.k} 件；首页 20 件＋总数）`, call(sys, 'cases.related', { id: busiestCase }), q('SELECT case_id FROM parties WHERE credit_code = ?', emp.credit_code));
  add('利益冲突检查（最多案件的用人单位）', call(sys, 'conflicts.check', { personName: w.name, idNumber: w.id_number, employerName: emp.name, creditCode: emp.credit_code }),
    q('SELECT case_id FROM parties WHERE credit_code = ? OR id_number = ?', emp.credit_code, w.id_number));
  const year = today.slice(0, 4);
  add(`调解统计 ${year} 年`, call(sys, 'mediation.stats', { from: `${year}-01-01`, to: `${year}-12-31` }),
    q('SELECT stage, outcome, count(*), sum(worker_count), sum(claimed_fen) FROM mediations WHERE received_date BETWEEN ? AND ? GROUP BY stage, outcome', `${year}-01-01`, `${year}-12-31`));
  add('调解统计 全部年份', call(sys, 'mediation.stats', { from: '2000-01-01', to: `${year}-12-31` }),
    q('SELECT stage, outcome, count(*), sum(worker_count), sum(claimed_fen) FROM mediations GROUP BY stage, outcome'));
  add('案件详情（cases.get）', call(sys, 'cases.get', { id: busiestCase }), q('SELECT * FROM cases WHERE id = ?', busiestCase));

  // Filing one case (its own IMMEDIATE transaction, synchronous=FULL) against bare inserts of the same rows; the audit
  // chain's share measured by hashing the same changes as the chain does.
  const clerkRow = db.prepare("SELECT * FROM users WHERE username = 'clerk0'").get() as { id: string; username: string; display_name: string };
  const clerkCtx: ServiceContext = { db, session: { user: { id: clerkRow.id, username: clerkRow.username, displayName: clerkRow.display_name, role: 'clerk', active: true, employment: null, venueId: null } }, now: () => new Date() };
  let k = 0;
  const draft = () => ({
    venueId: '0000000000000000000000000000c001', receivedDate: today, cause: '劳动报酬争议', groupFlags: [],
    applicants: [{ kind: 'person', name: `测试${k++}`, idNumber: '11010519491231002X', phone: '13800000000', agents: [] }],
    respondents: [{ kind: 'org', name: emp.name, creditCode: emp.credit_code, agents: [] }],
    claims: [{ type: 'wages', amountFen: 1_000_000, text: '支付拖欠工资10000元' }], evidence: [],
  });
  add('立案登记一件（cases.saveDraft，一个事务）', () => call(clerkCtx, 'cases.saveDraft', draft())() as CaseDetail);
  const w2 = db; // bare inserts go through a plain connection to the same file with the app's pragmas
  const ins = {
    c: w2.prepare("INSERT INTO cases (id, status, venue_id, received_date, cause, group_flags, collective, created_at, created_by, updated_at, updated_by) VALUES (?, 'draft', '0000000000000000000000000000c001', ?, '劳动报酬争议', '[]', 0, ?, ?, ?, ?)"),
    p: w2.prepare("INSERT INTO parties (id, case_id, role, seq, kind, name, id_number, phone) VALUES (?, ?, 'applicant', 1, 'person', ?, '11010519491231002X', '13800000000')"),
    r: w2.prepare("INSERT INTO parties (id, case_id, role, seq, kind, name, credit_code) VALUES (?, ?, 'respondent', 1, 'org', ?, ?)"),
    cl: w2.prepare("INSERT INTO claims (id, case_id, seq, type, amount_fen, text) VALUES (?, ?, 1, 'wages', 1000000, '支付拖欠工资10000元')"),
  };
  const bareFile = (withChain: boolean) => () => {
    const id = `b${k++}`.padEnd(32, '0');
    const at = new Date().toISOString();
    w2.exec('BEGIN IMMEDIATE');
    w2.exec('DELETE FROM temp._changes');
    ins.c.run(id, today, at, clerkRow.id, at, clerkRow.id);
    ins.p.run(`${id.slice(0, 30)}p1`, id, `测试${k}`);
    ins.r.run(`${id.slice(0, 30)}r1`, id, emp.name, emp.credit_code);
    ins.cl.run(`${id.slice(0, 30)}c1`, id);
    if (withChain) {
      const { entities, digest } = collectChanges(w2);
      appendEntry(w2, { at, actorId: clerkRow.id, actorName: clerkRow.display_name, origin: null, action: 'bench', target: id, detail: null }, entities, digest);
    }
    w2.exec('COMMIT');
  };
  if (wanted('立案：裸插入同样的行 ＋ 审计链（对照）')) rows.push({ op: '立案：裸插入同样的行 ＋ 审计链（对照）', n, svc: time(bareFile(true)), bare: time(bareFile(false)) });

  bare.close();
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
clearInterval(timer);

const f = (x: number) => (x < 10 ? x.toFixed(2) : x.toFixed(0));
console.log(`\nRUNS=${RUNS}; times in ms (median / p95); ratio = service median ÷ bare median; CPU = process CPU time per run (service / bare); load = 1-minute load average after the service's runs; RSS = peak of the process while the operation ran.\n`);
console.log('| Operation | Cases | Service median / p95 | Bare median / p95 | Ratio | CPU ms/run | Load | Peak RSS MiB |');
console.log('|---|---|---|---|---|---|---|---|');
for (const r of rows) {
  const cpu = r.svc.cpu === undefined ? '—' : `${f(r.svc.cpu)}${r.bare?.cpu === undefined ? '' : ` / ${f(r.bare.cpu)}`}`;
  console.log(`| ${r.op} | ${label(r.n)} | ${f(r.svc.median)} / ${f(r.svc.p95)} | ${r.bare ? `${f(r.bare.median)} / ${f(r.bare.p95)}` : '—'} | ${r.bare ? `${(r.svc.median / Math.max(r.bare.median, 0.001)).toFixed(1)}×` : '—'} | ${cpu} | ${r.svc.load?.toFixed(1) ?? '—'} | ${r.svc.rss.toFixed(0)} |`);
}
