import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeskIndicators, ExportFile, LedgerImportReport, OfficialDrill, OfficialReport, UserView } from '../../src/api';
import { dispatch, dispatchAsync } from '../../src/services';
import { type TestDb, openTestDb, unwrap } from '../helpers/db';
import { HAND } from '../fixtures/ledger/hand-figures';

/**
 * Issue 15 check: a fixture history (tests/fixtures/ledger/history.jsonl) whose figures were computed BY HAND (below,
 * with the working) is imported through the ledger import; the official table must equal them for both periods, with
 * rates and changes, in JSON and in the XLSX read back; every figure's drill-down lists exactly the counted cases.
 */
const FIXTURE = path.join(__dirname, '../fixtures/ledger/history.jsonl');
const no = (y: number, n: number) => `东劳人仲案字〔${y}〕${n}号`;

let t: TestDb;
let clerk: UserView;
const at = (today = '2026-11-30', user = clerk) => ({ ...t.ctx(user), now: () => new Date(`${today}T04:00:00Z`) });
const jsonl = () => ({ fileName: 'history.jsonl', format: 'jsonl', contentBase64: fs.readFileSync(FIXTURE).toString('base64') });

beforeAll(async () => {
  t = await openTestDb();
  clerk = t.user('clerk1', 'clerk');
  unwrap(dispatch(t.ctx(t.admin), 'venues.create', { name: '东城巡回仲裁庭', kind: 'circuit' }));
  const r = unwrap<LedgerImportReport>(await dispatchAsync(at(), 'ledger.import', { ...jsonl(), dryRun: false }));
  expect(r).toMatchObject({ imported: true, toImport: { cases: 15, mediations: 2 }, unchanged: 0, issues: [] });
});
afterAll(() => t.close());

/*
 * Hand computation. Cases (案号 year/number: venue, accepted → closed, workers, claims):
 *  2023/101 本部 2023-11-20 → award 2024-01-10 final, 1 worker, 劳动报酬 10000 支持 (worker wins); due 2024-01-04 → overdue; 51 days
 *  2023/102 本部 2023-12-15 → mediation 2025-01-20, 1 worker, 经济补偿 20000; due 2024-01-29 → overdue; 402 days
 *  2024/1 本部 2024-03-01 → award 2024-04-10, 2 workers, 劳动报酬 5000 支持 + 加班费 3000 驳回 (both); 40 days
 *  2024/2 东城 2024-05-06 → award 2024-08-01 final, 12 workers (collective), 劳动报酬 120000 支持 (worker); due 06-20 → overdue; 87 days
 *  2024/3 本部 2024-06-03 → withdrawal 2024-06-20, 1 worker, 社会保险 (no amount); 17 days
 *  2024/4 本部 2024-07-15 → award 2024-09-10, EMPLOYER applies (0 workers), 其他 8000 驳回 (worker wins); due 08-29 → overdue; 57 days
 *  2024/5 东城 2024-11-20 → award 2025-02-10, 1 worker, 确认劳动关系 驳回 (employer wins); due 2025-01-04 → overdue; 82 days
 *  2025/1 本部 2025-01-08 → award 2025-03-01, 1 worker, 工伤待遇 30000 部分支持 (both); due given 2025-03-09 → in time; 52 days
 *  2025/2 本部 2025-02-10 → mediation 2025-03-01, 3 workers, 劳动报酬 9000 (both); 19 days
 *  2025/3 东城 2025-03-03 → award 2025-04-30 final, 10 workers (collective), 劳动报酬 100000 + 经济补偿 50000 支持 (worker); due 04-17 → overdue; 58 days
 *  2025/4 本部 2025-05-05 → deemed withdrawal 2025-05-20, 1 worker, 赔偿金 40000; 15 days
 *  2025/5 本部 2025-06-02 → transfer 2025-06-10, 1 worker, 二倍工资 24000 (other); 8 days
 *  2025/6 本部 2025-12-01 → open, 2 workers, 加班费 6000
 *  2025/7 东城 2025-07-01 → award 2025-08-01, 1 worker, 劳动报酬 7000 撤回 + 加班费 2000 驳回 (employer wins: withdrawn left out); 31 days
 *  2026/1 本部 2026-01-05 → open (outside both periods)
 * 2024: carried {2023/101, 2023/102} = 2; accepted 2024/1–5 = 5 (collective 1; by worker 4; causes pay 2 [2024/1, 2024/2],
 *   social insurance 1, employment 1, other 1); workers 2+12+1+0+1 = 16 (collective 12); amount 8000+120000+0+8000+0 = 136000;
 *   closed {2023/101, 2024/1, 2024/2, 2024/3, 2024/4} = 5: award 4 (final 2), withdrawal 1; results worker 3, both 1, none 1;
 *   pending {2023/102, 2024/5} = 2; overdue {2023/101, 2024/2, 2024/4} = 3; average (51+40+87+17+57)/5 = 50.4;
 *   closing rate 5/(2+5) = 71.4 %; mediation rate 0/5 = 0 %.
 * 2025: carried {2023/102, 2024/5} = 2; accepted 2025/1–7 = 7 (collective 1; by worker 7; pay 5 [2025/2,3,5,6,7],
 *   contract end 1 [2025/4], work injury 1 [2025/1]); workers 1+3+10+1+1+2+1 = 19 (collective 10);
 *   amount 30000+9000+150000+40000+24000+6000+9000 = 268000; closed {2023/102, 2024/5, 2025/1,2,3,4,5,7} = 8: mediation 2,
 *   award 4 (final 1), withdrawal 1, other 1; results employer 2 [2024/5, 2025/7], worker 1, both 3 [2023/102, 2025/1, 2025/2],
 *   none 2; pending {2025/6} = 1; overdue {2023/102, 2024/5, 2025/3} = 3; average (402+82+52+19+58+15+8+31)/8 = 83.375 → 83.4;
 *   closing rate 8/9 = 88.9 %; mediation rate 2/8 = 25.0 %.
 * Changes 2025 against 2024: accepted 5 → 7 上升40%; closed 5 → 8 上升60%; workers 16 → 19 上升18.8%; amount 136000 → 268000
 *   上升97.1%; pending 2 → 1 下降50%; result worker 3 → 1 下降66.7%; employment 1 → 0 下降100%; work injury 0 → 1 no base;
 *   closing rate 71.4 → 88.9 上升17.5个百分点; mediation rate 0 → 25 上升25个百分点.
 */
const HAND_DRILL_2025: Record<string, string[]> = {
  carried: [no(2023, 102), no(2024, 5)],
  accepted: [1, 2, 3, 4, 5, 7, 6].map((n) => no(2025, n)),
  acceptedCollective: [no(2025, 3)],
  cause_pay: [2, 3, 5, 7, 6].map((n) => no(2025, n)),
  closed: [no(2023, 102), no(2024, 5), ...[1, 2, 3, 4, 5, 7].map((n) => no(2025, n))],
  closedMediation: [no(2023, 102), no(2025, 2)],
  closedFinal: [no(2025, 3)],
  resultEmployer: [no(2024, 5), no(2025, 7)],
  resultBoth: [no(2023, 102), no(2025, 1), no(2025, 2)],
  pending: [no(2025, 6)],
  overdue: [no(2023, 102), no(2024, 5), no(2025, 3)],
};
const PERIOD = { from: '2025-01-01', to: '2025-12-31', compareFrom: '2024-01-01', compareTo: '2024-12-31' };

describe('the official table from an imported history (figures computed by hand)', () => {
  let report: OfficialReport;
  beforeAll(() => { report = unwrap<OfficialReport>(dispatch(at(), 'stats.official', PERIOD)); });

  it('every row of both periods and every change equals the hand computation', () => {
    const got = Object.fromEntries(report.rows.map((r) => [r.key, [r.value, r.compare, r.change]]));
    expect(got).toEqual(HAND);
  });

  it('rates, their change in percentage points, and the average days', () => {
    expect(report.rates.map((r) => [r.key, r.value, r.compare, r.change])).toEqual([
      ['closingRate', 88.9, 71.4, '上升17.5个百分点'],
      ['mediationRate', 25, 0, '上升25个百分点'],
    ]);
    expect([report.averageDays, report.compareAverageDays]).toEqual([83.4, 50.4]);
  });

  it('by venue and by month add up to the period', () => {
    const venue = Object.fromEntries(report.byVenue.map((v) => [v.venueName, [v.rows.accepted, v.rows.closed, v.rows.workers, v.rows.amount]]));
    // 本部: accepted 2025/1,2,4,5,6; closed 2023/102, 2025/1,2,4,5; workers 1+3+1+1+2; amount 30000+9000+40000+24000+6000
    // 东城: accepted 2025/3,7; closed 2024/5, 2025/3,7; workers 10+1; amount 150000+9000
    expect(venue).toEqual({ '仲裁委员会（本部）': [5, 5, 8, 109000], 东城巡回仲裁庭: [2, 3, 11, 159000] });
    const months = Object.fromEntries(report.byMonth.map((m) => [m.month, [m.rows.carried, m.rows.accepted, m.rows.closed, m.rows.pending]]));
    expect(months['2025-01']).toEqual([2, 1, 1, 2]); // carried 2023/102, 2024/5; accepted 2025/1; closed 2023/102
    expect(months['2025-03']).toEqual([2, 1, 2, 1]); // carried 2025/1, 2025/2 (both closed 03-01); accepted 2025/3; pending 2025/3
    expect(months['2025-12']).toEqual([0, 1, 0, 1]); // 2025/6 accepted 12-01, open
    expect(report.byMonth.reduce((s, m) => s + m.rows.accepted!, 0)).toBe(7);
    expect(report.byMonth.reduce((s, m) => s + m.rows.closed!, 0)).toBe(8);
  });

  it('each drill-down lists exactly the cases its figure counts, and every figure equals its drill-down', () => {
    for (const [key, expected] of Object.entries(HAND_DRILL_2025)) {
      const d = unwrap<OfficialDrill>(dispatch(at(), 'stats.drill', { from: PERIOD.from, to: PERIOD.to, key }));
      expect([key, d.cases.map((c) => c.caseNumber).sort()]).toEqual([key, [...expected].sort()]);
    }
    for (const r of report.rows) {
      const d = unwrap<OfficialDrill>(dispatch(at(), 'stats.drill', { from: PERIOD.from, to: PERIOD.to, key: r.key }));
      const sum = r.unit === '件' ? d.cases.length : r.unit === '人' ? d.cases.reduce((s, c) => s + c.workers, 0) : d.cases.reduce((s, c) => s + c.amountYuan, 0);
      expect([r.key, sum]).toEqual([r.key, r.value]);
    }
    const venue = report.byVenue.find((v) => v.venueName === '东城巡回仲裁庭')!;
    const d = unwrap<OfficialDrill>(dispatch(at(), 'stats.drill', { from: PERIOD.from, to: PERIOD.to, key: 'accepted', venueId: venue.venueId }));
    expect(d.cases.map((c) => c.caseNumber)).toEqual([no(2025, 3), no(2025, 7)]);
  });

  it('the XLSX read back holds the same figures, changes and definitions', async () => {
    const f = unwrap<ExportFile>(await dispatchAsync(at(), 'stats.export', PERIOD));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(f.base64, 'base64') as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('处理情况')!;
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(ws.getRow(3).values).toEqual([undefined, '项目', '单位', '本期', '对比期', '变化', '口径']);
    const line = (n: number) => [String(ws.getCell(n, 1).value).trim(), ws.getCell(n, 3).value, ws.getCell(n, 4).value, ws.getCell(n, 5).value];
    report.rows.forEach((r, i) => expect([r.key, ...line(4 + i)]).toEqual([r.key, r.label, ...HAND[r.key]!]));
    expect(line(4 + report.rows.length)).toEqual(['仲裁结案率', 88.9, 71.4, '上升17.5个百分点']);
    expect(ws.getCell(4 + report.rows.findIndex((r) => r.key === 'amount'), 3).numFmt).toBe('#,##0.00');
    const venues = wb.getWorksheet('分场所')!;
    expect(venues.getRow(4).getCell(1).value).toBe('仲裁委员会（本部）');
    expect(wb.getWorksheet('口径说明')!.getRow(2).getCell(1).value).toBe('统计范围');
  });
});

describe('the desk\'s own indicators (hand figures from the same fixture)', () => {
  it('mediations per organisation, circuit tribunals, wage arrears by sector and satisfaction', () => {
    const y25 = unwrap<DeskIndicators>(dispatch(at(), 'stats.indicators', { from: '2025-01-01', to: '2025-12-31' }));
    const y24 = unwrap<DeskIndicators>(dispatch(at(), 'stats.indicators', { from: '2024-01-01', to: '2024-12-31' }));
    // TJ-2024-001 succeeded (3 workers, 15000), TJ-2025-001 failed (1 worker)
    expect(y24.mediations).toEqual([{ organisation: '东城劳动争议调解工作室', invited: 1, succeeded: 1, failed: 0, rate: 100, workers: 3, claimedYuan: 15000 }]);
    expect(y25.mediationTotal).toEqual({ invited: 1, succeeded: 0, rate: 0 });
    // 东城 2025: 2025/3 (10 workers, 150000) and 2025/7 (1 worker, 9000)
    expect(y25.circuits).toEqual([{ venueId: expect.any(String), venueName: '东城巡回仲裁庭', cases: 2, workers: 11, amountYuan: 159000 }]);
    // pay cases accepted 2025: 2025/2 辛装饰 (建筑业, 3, 9000), 2025/3 壬建设 (建筑业, 10, 150000); 2025/5, 6, 7 without a sector (1+2+1, 24000+6000+9000)
    expect(y25.wageArrears.map((w) => [w.label, w.cases, w.workers, w.amountYuan])).toEqual([['建筑业', 2, 13, 159000], ['其他行业', 0, 0, 0], ['未标注行业', 3, 4, 39000]]);
    // satisfaction at closing: 2024: 2023/101 满意 (01-10), 2024/2 满意 (08-01); 2025: 2023/102 基本满意, 2025/1 不满意, 2025/7 满意
    expect(y24.satisfaction[0]).toMatchObject({ satisfied: 2, basic: 0, unsatisfied: 0, total: 2, rate: 100 });
    expect(y25.satisfaction[0]).toMatchObject({ satisfied: 1, basic: 1, unsatisfied: 1, total: 3, rate: 66.7 });
    expect(y25.consultations.total).toBe(0);
    expect(y25.legalAid).toEqual({ received: 0, approved: 0, refused: 0, pending: 0, averageDecisionDays: null });
  });
});

describe('satisfaction survey (item 4)', () => {
  it('one answer per consultation, entered by the desk or the party; sealed; counted; refused for open or imported cases', () => {
    const window = t.user('window1', 'window');
    const c = unwrap<{ id: string }>(dispatch(at('2026-11-20', window), 'consultations.create', { window: 'migrant', personName: '张伟', disputeType: 'wages', summary: '欠薪' }));
    const input = { consultationId: c.id, rating: 'basic', reasons: ['等候时间长'], enteredBy: 'party', surveyedDate: '2026-11-20' };
    expect(dispatch(at('2026-11-20'), 'satisfaction.record', input)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } }); // a clerk: not the desk's record
    unwrap(dispatch(at('2026-11-20', window), 'satisfaction.record', input));
    expect(dispatch(at('2026-11-20', window), 'satisfaction.record', { ...input, rating: 'satisfied' })).toMatchObject({ ok: false, error: { message: '已记录过满意度评价，评价不能修改' } });
    const y = unwrap<DeskIndicators>(dispatch(at(), 'stats.indicators', { from: '2026-11-01', to: '2026-11-30' }));
    expect(y.satisfaction[1]).toMatchObject({ subject: 'consultation', basic: 1, total: 1, rate: 100 });
    expect(y.consultations.byWindow).toEqual([{ key: 'migrant', label: '农民工窗口', count: 1, people: 1 }]);
    const imported = t.db.prepare('SELECT id FROM cases WHERE case_number = ?').get(no(2025, 5)) as { id: string };
    expect(dispatch(at(), 'satisfaction.record', { caseId: imported.id, rating: 'satisfied', enteredBy: 'staff', surveyedDate: '2026-11-20' }))
      .toMatchObject({ ok: false, error: { message: '历史导入的记录为只读，不能补录满意度评价' } });
    const open = t.db.prepare('SELECT id FROM cases WHERE case_number = ?').get(no(2026, 1)) as { id: string };
    expect(dispatch(at(), 'satisfaction.record', { caseId: open.id, rating: 'satisfied', enteredBy: 'staff', surveyedDate: '2026-11-20' }))
      .toMatchObject({ ok: false, error: { message: '满意度评价在结案时记录，本案尚未结案' } });
    expect(() => t.db.prepare("UPDATE satisfaction_surveys SET rating = 'satisfied'").run()).toThrow('append-only');
  });
});

describe('ledger import', () => {
  it('re-importing the same rows changes nothing', async () => {
    const before = t.db.prepare('SELECT COUNT(*) AS n FROM cases').get();
    const r = unwrap<LedgerImportReport>(await dispatchAsync(at(), 'ledger.import', { ...jsonl(), dryRun: false }));
    expect(r).toMatchObject({ toImport: { cases: 0, mediations: 0 }, unchanged: 17, issues: [] });
    expect(t.db.prepare('SELECT COUNT(*) AS n FROM cases').get()).toEqual(before);
  });

  it('a row changed after import, and bad rows, are refused row by row in Chinese and nothing is written', async () => {
    const lines = fs.readFileSync(FIXTURE, 'utf8').trim().split('\n');
    const changed = lines[0]!.replace('"劳动报酬:10000:支持"', '"劳动报酬:11000:支持"');
    const bad = [
      JSON.stringify({ 类型: '案件', 案号: '新号1', 办案场所: '不存在的庭', 收件日期: '2024-01-01', 受理日期: '2024-01-02', 申请人: '甲', 被申请人: '乙公司', 仲裁请求: '劳动报酬:100' }),
      JSON.stringify({ 类型: '案件', 案号: '新号2', 办案场所: '仲裁委员会（本部）', 收件日期: '2024-02-30', 受理日期: '2024-01-02', 申请人: '甲', 被申请人: '乙公司', 仲裁请求: '工钱:100', 结案方式: '裁决结案' }),
      JSON.stringify({ 类型: '案件', 案号: '新号3', 办案场所: '仲裁委员会（本部）', 收件日期: '2024-01-01', 受理日期: '2024-01-02', 申请人: '甲', 被申请人: '乙公司', 仲裁请求: '劳动报酬:100', 统一社会信用代码: '91350100M000100Y44' }),
      JSON.stringify({ 类型: '案件', 案号: '新号4', 办案场所: '仲裁委员会（本部）', 收件日期: '2024-01-01', 受理日期: '2024-01-02', 申请人: '甲', 被申请人: '乙公司', 仲裁请求: '劳动报酬:100' }),
    ];
    const content = Buffer.from([changed, ...bad].join('\n')).toString('base64');
    const before = t.db.prepare('SELECT (SELECT COUNT(*) FROM cases) AS c, (SELECT COUNT(*) FROM audit_log) AS a').get();
    const dry = unwrap<LedgerImportReport>(await dispatchAsync(at(), 'ledger.import', { fileName: 'x.jsonl', format: 'jsonl', contentBase64: content, dryRun: true }));
    expect(dry.issues.map((i) => [i.row, i.column])).toEqual([
      [1, '案号'], [2, '办案场所'], [3, '收件日期'], [3, '仲裁请求'], [3, '结案日期'], [4, '统一社会信用代码'],
    ]);
    expect(dry.issues[0]!.message).toMatch(/已于.*导入，本行内容与当时不同；历史导入的记录为只读/);
    expect(dry.issues[1]!.message).toBe('办案场所“不存在的庭”不存在，请先在“场所”中添加，或改为已有场所的名称');
    expect(dry.toImport.cases).toBe(1);
    const r = await dispatchAsync(at(), 'ledger.import', { fileName: 'x.jsonl', format: 'jsonl', contentBase64: content, dryRun: false });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: '台账有 6 处错误，未导入任何记录' } });
    expect(!r.ok && r.error.issues?.[1]).toEqual({ path: '第2行·办案场所', message: dry.issues[1]!.message });
    expect(t.db.prepare('SELECT (SELECT COUNT(*) FROM cases) AS c, (SELECT COUNT(*) FROM audit_log) AS a').get()).toEqual(before);
  });

  it('imported records are read-only: the guards refuse, and the database refuses writes around the program', () => {
    const c = t.db.prepare('SELECT id FROM cases WHERE case_number = ?').get(no(2025, 6)) as { id: string };
    const r = dispatch(at(), 'cases.extend', { id: c.id, days: 10, approvedBy: '主任', approvalDate: '2025-12-05', reason: '案情复杂' });
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
    expect(!r.ok && r.error.message).toContain('历史导入');
    expect(() => t.db.prepare("UPDATE cases SET note = 'x' WHERE id = ?").run(c.id)).toThrow('历史导入的记录为只读');
    expect(() => t.db.prepare("UPDATE claims SET amount_fen = 1 WHERE case_id = ?").run(c.id)).toThrow('历史导入的记录为只读');
    expect(() => t.db.prepare('DELETE FROM parties WHERE case_id = ?').run(c.id)).toThrow('历史导入的记录为只读');
    expect(() => t.db.prepare("UPDATE ledger_records SET row_hash = 'x'").run()).toThrow('append-only');
    const m = t.db.prepare("SELECT record_id FROM ledger_records WHERE key = 'mediation:TJ-2024-001'").get() as { record_id: string };
    expect(() => t.db.prepare("UPDATE mediations SET outcome = 'failure' WHERE id = ?").run(m.record_id)).toThrow('历史导入的记录为只读');
  });

  it('the imported employers carry credit code and sector; the XLSX template imports the same rows as the JSON Lines', async () => {
    expect(t.db.prepare("SELECT sector FROM employers WHERE name = '甲建筑有限公司'").get()).toEqual({ sector: 'construction' });
    const tpl = unwrap<ExportFile>(await dispatchAsync(at(), 'ledger.template', {}));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(tpl.base64, 'base64') as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('案件')!;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const headers = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
    sheet.spliceRows(2, 1); // the example row
    const rows = fs.readFileSync(FIXTURE, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, string>).filter((r) => r['类型'] === '案件');
    for (const r of rows) sheet.addRow(headers.map((h) => (/日期$/.test(h) && r[h] ? new Date(`${r[h]}T00:00:00Z`) : (r[h] ?? null))));
    wb.getWorksheet('仲裁前调解')!.spliceRows(2, 1);
    wb.getWorksheet('咨询登记')!.spliceRows(2, 1);
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    const dry = unwrap<LedgerImportReport>(await dispatchAsync(at(), 'ledger.import', { fileName: 'ledger.xlsx', format: 'xlsx', contentBase64: buf.toString('base64'), dryRun: true }));
    expect(dry).toMatchObject({ rows: 15, unchanged: 15, toImport: { cases: 0, mediations: 0 }, issues: [] });
  });
});
