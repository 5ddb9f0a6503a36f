import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type {
  CaseDetail, CaseListPage, ConsultationView, DeskIndicators, ExportFile, LedgerImportReport, MediationListPage, RegisterPage, SurveyLink, SurveyScreen, UserView,
} from '../../src/api';
import { dispatch, dispatchAsync } from '../../src/services';
import { type TestDb, openTestDb, unwrap } from '../helpers/db';
import { sampleDraft } from '../helpers/fixtures';

/**
 * Issue 15 items 4, 6 and 7: every list to XLSX through the one writer (read back with exceljs and compared with the
 * list's own rows), consultations from the history ledger (all or nothing, 历史导入, read-only, re-import changes nothing),
 * an imported case number in the desk's own numbering refused, and the party's survey screen through a one-time link.
 */
let t: TestDb;
let arb: UserView;
let clerk: UserView;
let window1: UserView;
beforeEach(async () => {
  t = await openTestDb();
  arb = t.user('arb1', 'arbitrator');
  clerk = t.user('clerk1', 'clerk');
  window1 = t.user('window1', 'window');
});
afterEach(() => t.close());

const at = (instant: string, user: UserView | null = clerk) => ({ ...t.ctx(user), now: () => new Date(instant) });
const day = (d: string, user: UserView | null = clerk) => at(`${d}T04:00:00Z`, user);
const ROOM1 = '0000000000000000000000000000a001';

async function read(file: ExportFile): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(file.base64, 'base64') as never);
  return wb.worksheets[0]!;
}
/** Rows below the header (row `header`), as arrays of cell values. */
const body = (ws: ExcelJS.Worksheet, header: number) => {
  const out: unknown[][] = [];
  ws.eachRow((r, n) => { if (n > header) out.push((r.values as unknown[]).slice(1)); });
  return out;
};
const dateCell = (d: string) => new Date(`${d}T00:00:00Z`);

function accepted(acceptance: string, over: Parameters<typeof sampleDraft>[0] = {}) {
  const d = unwrap<CaseDetail>(dispatch(day(acceptance), 'cases.saveDraft', sampleDraft({ receivedDate: acceptance, ...over })));
  const c = unwrap<CaseDetail>(dispatch(day(acceptance), 'cases.accept', { id: d.id, acceptanceDate: acceptance }));
  unwrap(dispatch(day(acceptance), 'cases.compose', { id: c.id, mode: 'sole', presidingId: arb.id, memberIds: [], clerkId: clerk.id, composedDate: acceptance }));
  return c;
}
const visit = (over: Record<string, unknown> = {}) => ({
  window: 'migrant', channel: 'walk_in', personName: '王小明', personIdNumber: '510124198805052215', employerName: '成都信达电子有限公司', disputeType: 'wages',
  groupFlags: ['migrant_worker'], collective: false, workerCount: 1, claims: [{ type: 'wages', amountFen: 1_250_050, text: '工资12500.50元' }], summary: '被拖欠工资',
  outcome: 'pending', ...over,
});

describe('every list to XLSX, with the list\'s filters, through the one writer', () => {
  it('consultations: the queue\'s window and search between two days; dates are dates, amounts numbers in yuan, ID numbers masked, a totals row', async () => {
    unwrap(dispatch(at('2026-11-19T01:00:00Z', window1), 'consultations.create', { ...visit(), arrivedAt: '2026-11-19T01:00:00Z' }));
    unwrap(dispatch(at('2026-11-20T01:00:00Z', window1), 'consultations.create', { ...visit({ personName: '李娜', claims: [{ type: 'wages', amountFen: 300_000, text: '工资3000元' }] }), arrivedAt: '2026-11-20T01:00:00Z' }));
    // Beijing 2026-11-21 07:10 is UTC 11-20 23:10: it belongs to the 21st, outside the range.
    unwrap(dispatch(at('2026-11-20T23:10:00Z', window1), 'consultations.create', { ...visit({ personName: '赵强' }), arrivedAt: '2026-11-20T23:10:00Z' }));
    unwrap(dispatch(at('2026-11-20T02:00:00Z', window1), 'consultations.create', { ...visit({ window: 'general', groupFlags: [], personName: '钱多' }), arrivedAt: '2026-11-20T02:00:00Z' }));
    const file = unwrap<ExportFile>(await dispatchAsync(day('2026-11-25', window1), 'consultations.export', { from: '2026-11-19', to: '2026-11-20', window: 'migrant' }));
    expect(file).toMatchObject({ rows: 2, fileName: '咨询登记-2026-11-19至2026-11-20.xlsx' });
    const ws = await read(file);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(ws.getRow(2).values).toContain('身份证号（隐去中间位）');
    const rows = body(ws, 2);
    // The list's own rows for the same days and window, in the same order.
    const listed = ['2026-11-19', '2026-11-20'].flatMap((d) => unwrap<ConsultationView[]>(dispatch(day(d, window1), 'consultations.list', { date: d, window: 'migrant' })));
    expect(rows.slice(0, -1).map((r) => r[4])).toEqual(listed.map((c) => c.personName));
    // exceljs reads an empty cell as a hole (undefined) and leaves trailing empty cells out.
    expect(rows[0]).toEqual([dateCell('2026-11-19'), '09:00', '农民工窗口', '来访', '王小明', '510124********2215', '成都信达电子有限公司', '劳动报酬', '农民工', 1, 12500.5, '咨询中']);
    expect(rows[2]).toEqual(['合计（2 条）', undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined, 2, 15500.5, undefined, 0]);
    expect(ws.getRow(3).getCell(11).numFmt).toBe('#,##0.00');
    expect(ws.getRow(3).getCell(1).numFmt).toBe('yyyy-mm-dd');
    expect(JSON.stringify(rows)).not.toContain('510124198805052215');
    // The search filter applies too; bad input is refused in Chinese.
    const searched = unwrap<ExportFile>(await dispatchAsync(day('2026-11-25', window1), 'consultations.export', { from: '2026-11-19', to: '2026-11-21', query: '赵' }));
    expect(body(await read(searched), 2).map((r) => r[4])).toEqual(['赵强', undefined]);
    expect(await dispatchAsync(day('2026-11-25', window1), 'consultations.export', { from: '2026-11-21', to: '2026-11-19' }))
      .toMatchObject({ ok: false, error: { issues: [{ path: 'to', message: '结束日期不能早于开始日期' }] } });
    // Case staff do not read the legal-aid desk's records.
    expect(await dispatchAsync(day('2026-11-25', clerk), 'consultations.export', { from: '2026-11-19', to: '2026-11-20' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('mediations, hearings and the document register: each export equals its list, filters applied in SQL', async () => {
    const a = accepted('2026-11-02');
    const b = accepted('2026-11-03', { cause: '工伤保险待遇争议' });
    // Mediations: one before arbitration (from the desk), one within case a.
    unwrap(dispatch(day('2026-11-04', window1), 'mediation.create', { stage: 'pre_arbitration', organisation: '温江区劳动争议调解工作室', applicantName: '周平', respondentName: '某餐饮有限公司', workerCount: 3, claimedFen: 900_000, receivedDate: '2026-11-04' }));
    unwrap(dispatch(day('2026-11-05', arb), 'mediation.create', { caseId: a.id, stage: 'in_arbitration', organisation: '仲裁庭', workerCount: 1, receivedDate: '2026-11-05' }));
    const page = unwrap<MediationListPage>(dispatch(day('2026-11-25'), 'mediations.list', { from: '2026-11-01', to: '2026-11-30' }));
    expect(page.total).toBe(2);
    expect(unwrap<MediationListPage>(dispatch(day('2026-11-25'), 'mediations.list', { from: '2026-11-01', to: '2026-11-30', stage: 'pre_arbitration' })).items.map((m) => m.organisation)).toEqual(['温江区劳动争议调解工作室']);
    const mFile = unwrap<ExportFile>(await dispatchAsync(day('2026-11-25'), 'mediations.export', { from: '2026-11-01', to: '2026-11-30' }));
    const mRows = body(await read(mFile), 2);
    expect(mRows.slice(0, -1).map((r) => r[2])).toEqual(page.items.map((m) => m.organisation));
    expect(mRows[1]).toEqual([dateCell('2026-11-04'), '仲裁前调解（约调）', '温江区劳动争议调解工作室', undefined, '周平', '某餐饮有限公司', 3, 9000, '调解中']);
    expect(mRows[0]![3]).toBe(a.caseNumber);
    expect(mRows[2]).toEqual(['合计（2 件）', undefined, undefined, undefined, undefined, undefined, 4, 9000]);

    // Hearings: two in the week, one the week after.
    unwrap(dispatch(day('2026-11-06'), 'hearings.schedule', { caseId: a.id, date: '2026-11-16', startTime: '09:00', endTime: '10:00', roomId: ROOM1 }));
    unwrap(dispatch(day('2026-11-06'), 'hearings.schedule', { caseId: b.id, date: '2026-11-17', startTime: '14:00', endTime: '15:30', roomId: ROOM1 }));
    unwrap(dispatch(day('2026-11-06'), 'hearings.schedule', { caseId: b.id, date: '2026-11-24', startTime: '09:00', endTime: '10:00', roomId: ROOM1 }));
    const week = unwrap<{ caseNumber: string }[]>(dispatch(day('2026-11-06'), 'hearings.list', { from: '2026-11-16', to: '2026-11-22' }));
    const hRows = body(await read(unwrap<ExportFile>(await dispatchAsync(day('2026-11-06'), 'hearings.export', { from: '2026-11-16', to: '2026-11-22' }))), 2);
    expect(hRows.map((r) => r[2])).toEqual(week.map((h) => h.caseNumber));
    expect(hRows.map((r) => r[0])).toEqual([dateCell('2026-11-16'), dateCell('2026-11-17')]);
    expect(hRows[1]![1]).toBe('14:00–15:30');

    // The register across cases: register-only entries (no files), a kind filter.
    unwrap(await dispatchAsync(day('2026-11-03'), 'documents.issue', { caseId: a.id, kind: 'application_copy', issuedDate: '2026-11-03' }));
    unwrap(await dispatchAsync(day('2026-11-04'), 'documents.issue', { caseId: b.id, kind: 'application_copy', issuedDate: '2026-11-04' }));
    const reg = unwrap<RegisterPage>(dispatch(day('2026-11-25'), 'documents.register', { from: '2026-11-01', to: '2026-11-30', kind: 'application_copy' }));
    expect(reg.items.map((d) => d.caseNumber)).toEqual([a.caseNumber, b.caseNumber]);
    const rFile = unwrap<ExportFile>(await dispatchAsync(day('2026-11-25'), 'documents.exportRegister', { from: '2026-11-01', to: '2026-11-30', kind: 'application_copy' }));
    const rRows = body(await read(rFile), 2);
    expect(rRows.map((r) => [r[0], r[1], r[2], r[5], r[6]])).toEqual([
      [dateCell('2026-11-03'), a.caseNumber, '仲裁申请书副本', 1, '现行'], [dateCell('2026-11-04'), b.caseNumber, '仲裁申请书副本', 1, '现行'],
    ]);
    expect(unwrap<RegisterPage>(dispatch(day('2026-11-25'), 'documents.register', { from: '2026-11-04', to: '2026-11-30' })).total).toBe(1);
  });

  it('cases: imported cases carry 历史导入 in the list and the export; a filter matching nothing exports a header only', async () => {
    const jsonl = [
      { 类型: '案件', 案号: '温劳人仲（历史）字〔2023〕8号', 办案场所: '仲裁委员会（本部）', 收件日期: '2023-03-01', 受理日期: '2023-03-02', 申请人: '孙七', 被申请人: '某某公司', 仲裁请求: '劳动报酬:5000:支持', 结案方式: '裁决结案', 结案日期: '2023-04-01', 终局裁决: '否' },
    ].map((o) => JSON.stringify(o)).join('\n');
    const venues = unwrap<{ name: string }[]>(dispatch(day('2026-11-25'), 'venues.list', {}));
    const line = jsonl.replace('仲裁委员会（本部）', venues[0]!.name);
    unwrap<LedgerImportReport>(await dispatchAsync(day('2026-11-25'), 'ledger.import', { fileName: 'h.jsonl', format: 'jsonl', contentBase64: Buffer.from(line).toString('base64'), dryRun: false }));
    const list = unwrap<CaseListPage>(dispatch(day('2026-11-25'), 'cases.list', { query: '孙七' }));
    expect(list.items[0]).toMatchObject({ imported: true, caseNumber: '温劳人仲（历史）字〔2023〕8号' });
    const file = unwrap<ExportFile>(await dispatchAsync(day('2026-11-25'), 'cases.export', { query: '孙七', columns: ['caseNumber', 'acceptanceDate', 'flags'] }));
    expect(body(await read(file), 1)).toEqual([['温劳人仲（历史）字〔2023〕8号', dateCell('2023-03-02'), '历史导入']]);
    const none = unwrap<ExportFile>(await dispatchAsync(day('2026-11-25'), 'cases.export', { query: '没有这个人', columns: ['caseNumber'] }));
    expect(none.rows).toBe(0);
    expect((await read(none)).rowCount).toBe(1);
  });
});

const consultationLine = (over: Record<string, unknown> = {}) => ({
  类型: '咨询登记', 登记编号: 'ZX-2024-0001', 登记日期: '2024-03-05', 窗口: '农民工窗口', 姓名: '赵六', 用人单位: '某某建筑有限公司', 争议类型: '劳动报酬', 劳动者人数: '12',
  请求金额: '36000', 处理结果: '转调解', 满意度: '满意', ...over,
});
const b64 = (lines: object[]) => Buffer.from(lines.map((l) => JSON.stringify(l)).join('\n')).toString('base64');

describe('consultations from the history ledger', () => {
  it('imports all or nothing with row-level Chinese errors, marks them 历史导入 and read-only, counts them, and a re-import changes nothing', async () => {
    const ctx = day('2026-11-25', clerk);
    const lines = [consultationLine(), consultationLine({ 登记编号: 'ZX-2024-0002', 登记日期: '2024-03-06', 窗口: '综合', 姓名: '钱七', 用人单位: '', 劳动者人数: '', 请求金额: '', 处理结果: '', 满意度: '', 方式: '来电', 帮扶群体: '三期女职工' })];
    // One bad row refuses the file: nothing is written.
    const bad = [...lines, consultationLine({ 登记编号: 'ZX-2024-0003', 窗口: '法律窗口', 登记日期: '2024-02-30', 争议类型: '工资' })];
    const refused = await dispatchAsync(ctx, 'ledger.import', { fileName: 'c.jsonl', format: 'jsonl', contentBase64: b64(bad), dryRun: false });
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: '台账有 3 处错误，未导入任何记录' } });
    if (refused.ok) throw new Error('unreachable');
    expect(refused.error.issues!.map((i) => i.path)).toEqual(['第3行·登记日期', '第3行·窗口', '第3行·争议类型']);
    expect(refused.error.issues![1]!.message).toBe('窗口“法律窗口”无法识别，应为：农民工窗口、工伤职工窗口、三期女职工窗口、综合窗口');
    expect(t.db.prepare('SELECT COUNT(*) AS n FROM consultations').get()).toEqual({ n: 0 });

    const done = unwrap<LedgerImportReport>(await dispatchAsync(ctx, 'ledger.import', { fileName: 'c.jsonl', format: 'jsonl', contentBase64: b64(lines), dryRun: false }));
    expect(done).toMatchObject({ imported: true, toImport: { cases: 0, mediations: 0, consultations: 2 }, issues: [] });
    const listed = unwrap<ConsultationView[]>(dispatch(day('2026-11-25', window1), 'consultations.list', { date: '2024-03-05' }));
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ imported: true, personName: '赵六', window: 'migrant', groupFlags: ['migrant_worker'], collective: true, workerCount: 12, claimedFen: 3_600_000, outcome: 'mediation' });
    const second = unwrap<ConsultationView[]>(dispatch(day('2026-11-25', window1), 'consultations.list', { date: '2024-03-06' }))[0]!;
    expect(second).toMatchObject({ imported: true, window: 'general', channel: 'phone', groupFlags: ['three_period_female'], workerCount: 1, outcome: 'advice_only' });
    // Read-only: refused with a Chinese message, nothing changed.
    expect(dispatch(day('2026-11-25', window1), 'consultations.update', { id: listed[0]!.id, advice: '改' })).toMatchObject({ ok: false, error: { code: 'INVALID_STATE', message: '历史导入的记录为只读，不能修改咨询处理情况' } });
    // Counted by the indicators: window, group, satisfaction.
    const ind = unwrap<DeskIndicators>(dispatch(day('2026-11-25'), 'stats.indicators', { from: '2024-01-01', to: '2024-12-31' }));
    expect(JSON.stringify(ind)).toContain('"satisfied":1');
    // Re-import of the same rows changes nothing; a changed row is refused.
    const again = unwrap<LedgerImportReport>(await dispatchAsync(ctx, 'ledger.import', { fileName: 'c.jsonl', format: 'jsonl', contentBase64: b64(lines), dryRun: false }));
    expect(again).toMatchObject({ toImport: { consultations: 0 }, unchanged: 2 });
    expect(t.db.prepare('SELECT COUNT(*) AS n FROM consultations').get()).toEqual({ n: 2 });
    const changed = await dispatchAsync(ctx, 'ledger.import', { fileName: 'c.jsonl', format: 'jsonl', contentBase64: b64([consultationLine({ 姓名: '赵六六' })]), dryRun: true });
    expect(unwrap<LedgerImportReport>(changed).issues[0]!.message).toContain('咨询登记编号“ZX-2024-0001”已于');
  });

  it('the XLSX template has a 咨询登记 sheet, and a filled template imports', async () => {
    const tpl = unwrap<ExportFile>(await dispatchAsync(day('2026-11-25'), 'ledger.template', {}));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(tpl.base64, 'base64') as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['案件', '仲裁前调解', '咨询登记', '说明']);
    // Keep only the consultation example row (the other sheets' examples removed), with a real Excel date cell.
    wb.getWorksheet('案件')!.spliceRows(2, 1);
    wb.getWorksheet('仲裁前调解')!.spliceRows(2, 1);
    const ws = wb.getWorksheet('咨询登记')!;
    expect((ws.getRow(1).values as unknown[]).slice(1, 4)).toEqual(['登记编号', '登记日期', '窗口']);
    ws.getRow(2).getCell(2).value = new Date('2024-01-09T00:00:00Z');
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    const r = unwrap<LedgerImportReport>(await dispatchAsync(day('2026-11-25'), 'ledger.import', { fileName: 't.xlsx', format: 'xlsx', contentBase64: buf.toString('base64'), dryRun: false }));
    expect(r).toMatchObject({ imported: true, toImport: { consultations: 1, cases: 0, mediations: 0 } });
    expect(unwrap<ConsultationView[]>(dispatch(day('2026-11-25', window1), 'consultations.list', { date: '2024-01-09' }))[0]).toMatchObject({ personName: '赵六', imported: true });
  });
});

describe('an imported case number in the desk\'s own numbering', () => {
  it('is refused with a Chinese message before anything is written, so the desk\'s later acceptance cannot collide', async () => {
    const venue = unwrap<{ name: string }[]>(dispatch(day('2026-11-25'), 'venues.list', {}))[0]!.name;
    // The default pattern is 温劳人仲案字〔{year}〕第{n}号: the desk will number its 5th case of 2026 this way.
    const line = { 类型: '案件', 案号: '温劳人仲案字〔2026〕第5号', 办案场所: venue, 收件日期: '2026-01-03', 受理日期: '2026-01-05', 申请人: '张三', 被申请人: '某某公司', 仲裁请求: '劳动报酬:1000:' };
    const r = await dispatchAsync(day('2026-11-25'), 'ledger.import', { fileName: 'h.jsonl', format: 'jsonl', contentBase64: b64([line]), dryRun: false });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: '第1行·案号', message: expect.stringContaining('与本系统受理案件时编排的案号格式相同（温劳人仲案字〔2026〕第N号）') }] } });
    expect(t.db.prepare('SELECT COUNT(*) AS n FROM cases').get()).toEqual({ n: 0 });
    // A history number in another form imports.
    const other = { ...line, 案号: '温劳人仲案字〔2026〕5号' };
    expect(unwrap<LedgerImportReport>(await dispatchAsync(day('2026-11-25'), 'ledger.import', { fileName: 'h.jsonl', format: 'jsonl', contentBase64: b64([other]), dryRun: false })).imported).toBe(true);
  });
});

describe('the party\'s survey on a second screen', () => {
  async function closedCase(): Promise<CaseDetail> {
    const c = accepted('2026-11-02');
    // Setup that the test is not about: a closing record (closing through the service needs served documents).
    t.db.prepare("INSERT INTO case_closures (case_id, method, closed_date, due_date, created_at, created_by) VALUES (?, 'withdrawal', '2026-11-20', '2026-12-17', '2026-11-20T04:00:00Z', ?)").run(c.id, clerk.id);
    return c;
  }

  it('staff open a one-time link; the party, not logged in, sees only the survey, answers once; the report counts it', async () => {
    const c = await closedCase();
    const link = unwrap<SurveyLink>(dispatch(at('2026-11-20T06:00:00Z'), 'survey.open', { caseId: c.id }));
    expect(link.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(link).toMatchObject({ subject: `案件 ${c.caseNumber}`, expiresAt: '2026-11-20T06:30:00.000Z' });
    // Only the hash is stored.
    expect(JSON.stringify(t.db.prepare('SELECT * FROM survey_links').all())).not.toContain(link.token);
    const party = (instant: string) => at(instant, null);
    const screen = unwrap<SurveyScreen>(dispatch(party('2026-11-20T06:05:00Z'), 'survey.get', { token: link.token }));
    expect(screen).toMatchObject({ subject: `案件 ${c.caseNumber}`, answered: false });
    // The link opens nothing else: the party's session is not logged in.
    expect(dispatch(party('2026-11-20T06:05:00Z'), 'cases.get', { id: c.id })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(dispatch(party('2026-11-20T06:06:00Z'), 'survey.submit', { token: link.token, rating: 'basic', reasons: ['等候时间较长'] })).toEqual({ ok: true, value: { recorded: true } });
    const row = t.db.prepare('SELECT rating, reasons, entered_by, surveyed_date, created_by FROM satisfaction_surveys WHERE case_id = ?').get(c.id);
    expect(row).toEqual({ rating: 'basic', reasons: '["等候时间较长"]', entered_by: 'party', surveyed_date: '2026-11-20', created_by: clerk.id });
    // Spent: a second answer is refused; the screen says it was answered.
    expect(dispatch(party('2026-11-20T06:07:00Z'), 'survey.submit', { token: link.token, rating: 'satisfied', reasons: [] })).toMatchObject({ ok: false, error: { message: '本次评价已提交，谢谢您的评价' } });
    expect(unwrap<SurveyScreen>(dispatch(party('2026-11-20T06:07:00Z'), 'survey.get', { token: link.token })).answered).toBe(true);
    // Counted.
    const ind = unwrap<DeskIndicators>(dispatch(day('2026-11-25'), 'stats.indicators', { from: '2026-11-01', to: '2026-11-30' }));
    expect(ind.satisfaction.find((s) => s.subject === 'case')).toMatchObject({ basic: 1, total: 1 });
    // A survey cannot be opened again for the same case.
    expect(dispatch(day('2026-11-25'), 'survey.open', { caseId: c.id })).toMatchObject({ ok: false, error: { message: '已记录过满意度评价，评价不能修改' } });
  });

  it('refuses an expired or unknown link, an open case, and staff without the record\'s duty; nothing is recorded', async () => {
    const c = await closedCase();
    const link = unwrap<SurveyLink>(dispatch(at('2026-11-20T06:00:00Z'), 'survey.open', { caseId: c.id }));
    expect(dispatch(at('2026-11-20T06:30:00Z', null), 'survey.submit', { token: link.token, rating: 'satisfied', reasons: [] }))
      .toMatchObject({ ok: false, error: { code: 'INVALID_STATE', message: '评价链接已过期（有效30分钟），请工作人员重新打开评价页面' } });
    expect(dispatch(at('2026-11-20T06:31:00Z', null), 'survey.get', { token: link.token })).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
    expect(dispatch(at('2026-11-20T06:10:00Z', null), 'survey.get', { token: 'x'.repeat(43) })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: '评价链接无效，请工作人员重新打开评价页面' } });
    expect(dispatch(at('2026-11-20T06:10:00Z', null), 'survey.get', { token: '../../etc' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const open = accepted('2026-11-03');
    expect(dispatch(day('2026-11-20'), 'survey.open', { caseId: open.id })).toMatchObject({ ok: false, error: { message: '满意度评价在结案时记录，本案尚未结案' } });
    expect(dispatch(day('2026-11-20', window1), 'survey.open', { caseId: c.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(t.db.prepare('SELECT COUNT(*) AS n FROM satisfaction_surveys').get()).toEqual({ n: 0 });
    // A consultation's survey is opened by the legal-aid desk.
    const v = unwrap<ConsultationView>(dispatch(at('2026-11-20T01:00:00Z', window1), 'consultations.create', { ...visit(), arrivedAt: '2026-11-20T01:00:00Z' }));
    const cl = unwrap<SurveyLink>(dispatch(at('2026-11-20T02:00:00Z', window1), 'survey.open', { consultationId: v.id }));
    expect(cl.subject).toBe('咨询登记 2026-11-20');
    expect(dispatch(at('2026-11-20T02:01:00Z', null), 'survey.submit', { token: cl.token, rating: 'satisfied', reasons: [] })).toMatchObject({ ok: true });
  });
});
