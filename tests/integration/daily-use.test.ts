import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaseDetail, Dashboard, HearingRecordView, UserView } from '../../src/api';
import ExcelJS from 'exceljs';
import { dispatch, dispatchAsync } from '../../src/services';
import { type TestDb, openTestDb, unwrap } from '../helpers/db';
import { sampleDraft } from '../helpers/fixtures';

/** Issue 14 at the service layer: Beijing dates cut from timestamps, this calendar week, lists and links. */
let t: TestDb;
let arb: UserView;
let clerk: UserView;
beforeEach(async () => {
  t = await openTestDb();
  arb = t.user('arb1', 'arbitrator');
  clerk = t.user('clerk1', 'clerk');
});
afterEach(() => t.close());

const at = (instant: string, user = clerk) => ({ ...t.ctx(user), now: () => new Date(instant) });
const day = (d: string, user = clerk) => at(`${d}T04:00:00Z`, user);
function accepted(acceptance = '2026-11-02') {
  const d = unwrap<CaseDetail>(dispatch(day(acceptance), 'cases.saveDraft', sampleDraft({ receivedDate: '2026-10-30' })));
  const c = unwrap<CaseDetail>(dispatch(day(acceptance), 'cases.accept', { id: d.id, acceptanceDate: acceptance }));
  unwrap(dispatch(day(acceptance), 'cases.compose', { id: c.id, mode: 'sole', presidingId: arb.id, memberIds: [], clerkId: clerk.id, composedDate: acceptance }));
  return c;
}

describe('dates of legal meaning are Beijing dates', () => {
  it('a hearing-record correction asked for at 07:29 Beijing time is dated that day, not the UTC day before', () => {
    const c = accepted();
    const r = unwrap<HearingRecordView>(dispatch(day('2026-11-20'), 'hearingRecords.create', { caseId: c.id, recordDate: '2026-11-20', attendees: '双方', statements: '拖欠工资', evidence: '工资条', questions: '无', finalStatements: '坚持', mediationAttempt: '未调解' }));
    const fixed = unwrap<HearingRecordView>(dispatch(at('2026-11-22T23:29:00Z'), 'hearingRecords.correct', { recordId: r.id, requestedBy: '张三', text: '“六月”应为“七月”' }));
    expect(fixed.corrections[0]!.date).toBe('2026-11-23');
  });
});

describe('dashboard', () => {
  it('"本周到期" is this calendar week (Monday to Sunday): on Friday a deadline next Monday is not in it', () => {
    accepted('2026-11-02');
    // Accepted Monday 2 Nov: serving the application copy is due Monday 9 Nov (LDMAL Art 30).
    const friday = unwrap<Dashboard>(dispatch(day('2026-11-06', arb), 'dashboard.get', { scope: 'all' }));
    expect(friday.thisWeek.map((i) => i.deadline.dueDate)).not.toContain('2026-11-09');
    const monday = unwrap<Dashboard>(dispatch(day('2026-11-09', arb), 'dashboard.get', { scope: 'all' }));
    expect(monday.dueToday.map((i) => i.deadline.rule)).toContain('serve-application');
    const thursday = unwrap<Dashboard>(dispatch(day('2026-11-05', arb), 'dashboard.get', { scope: 'all' }));
    expect(thursday.thisWeek.map((i) => i.deadline.dueDate)).not.toContain('2026-11-09');
  });
});

describe('one record, once', () => {
  const visit = (name = '王小明') => ({
    window: 'migrant', channel: 'walk_in', personName: name, personIdNumber: '510124198805052215', employerName: '成都信达电子有限公司', disputeType: 'wages',
    groupFlags: [], collective: false, workerCount: 1, claims: [], summary: '被拖欠工资', outcome: 'pending',
  });
  it('a consultation becomes one application: a second draft from it is refused and nothing is written', () => {
    const window1 = t.user('window1', 'window');
    const c = unwrap<{ id: string }>(dispatch(day('2026-11-20', window1), 'consultations.create', visit()));
    const first = unwrap<CaseDetail>(dispatch(day('2026-11-20'), 'cases.saveDraft', sampleDraft({ receivedDate: '2026-11-20', consultationId: c.id })));
    const again = dispatch(day('2026-11-20'), 'cases.saveDraft', sampleDraft({ receivedDate: '2026-11-20', consultationId: c.id }));
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('该咨询登记已转为仲裁申请（草稿，收件日期 2026-11-20）') } });
    expect(t.db.prepare('SELECT count(*) AS n FROM cases').get()).toEqual({ n: 1 });
    // Saving the first draft again (editing it) is fine.
    expect(dispatch(day('2026-11-20'), 'cases.saveDraft', sampleDraft({ id: first.id, receivedDate: '2026-11-20', consultationId: c.id })).ok).toBe(true);
  });

  it('the conflict check of a consultation does not flag the case made from it, nor the case its consultation; others still show', () => {
    const window1 = t.user('window1', 'window');
    const c = unwrap<{ id: string }>(dispatch(day('2026-11-20', window1), 'consultations.create', visit()));
    const other = unwrap<{ id: string }>(dispatch(day('2026-11-21', window1), 'consultations.create', visit()));
    const made = unwrap<CaseDetail>(dispatch(day('2026-11-20'), 'cases.saveDraft', sampleDraft({
      receivedDate: '2026-11-20', consultationId: c.id,
      applicants: [{ kind: 'person', name: '王小明', idNumber: '510124198805052215', agents: [] }],
    })));
    // The duty lawyer sees whose records match (window staff are told only that one exists: issue 12 item 2).
    const lawyer = t.user('lawyer1', 'lawyer');
    const check = (excludeId: string) => unwrap<{ id: string }[]>(dispatch(day('2026-11-21', lawyer), 'conflicts.check', { personName: '王小明', idNumber: '510124198805052215', employerName: '成都信达电子有限公司', excludeId })).map((m) => m.id);
    expect(check(c.id)).not.toContain(made.id);
    expect(check(c.id)).toContain(other.id);
    expect(check(made.id)).not.toContain(c.id);
    expect(check(other.id)).toEqual(expect.arrayContaining([c.id, made.id]));
  });
});

describe('hearing scheduling knows the notice period (LDMAL Art 35)', () => {
  const ROOM1 = '0000000000000000000000000000a001';
  it('a hearing two days away is refused with the article unless a reason is stated; the reason is kept in the case record', () => {
    const c = accepted('2026-11-02');
    // Friday 20 Nov: a hearing on Tuesday 24 Nov leaves 2 working days for a notice due 5 working days before.
    const tooClose = dispatch(day('2026-11-20'), 'hearings.schedule', { caseId: c.id, date: '2026-11-24', startTime: '09:00', endTime: '10:00', roomId: ROOM1 });
    expect(tooClose).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: 'shortNoticeReason' }] } });
    if (!tooClose.ok) {
      expect(tooClose.error.message).toContain('《劳动争议调解仲裁法》第三十五条');
      expect(tooClose.error.message).toContain('开庭5日前书面通知双方当事人');
    }
    expect(t.db.prepare('SELECT count(*) AS n FROM hearings').get()).toEqual({ n: 0 });
    unwrap(dispatch(day('2026-11-20'), 'hearings.schedule', { caseId: c.id, date: '2026-11-24', startTime: '09:00', endTime: '10:00', roomId: ROOM1, shortNoticeReason: '双方当事人同意' }));
    const events = t.db.prepare("SELECT summary FROM case_events WHERE kind = 'hearing.scheduled'").all() as { summary: string }[];
    expect(events[0]!.summary).toContain('理由：双方当事人同意');
    // Far enough ahead, no reason is asked for.
    expect(dispatch(day('2026-11-20'), 'hearings.schedule', { caseId: c.id, date: '2026-12-10', startTime: '09:00', endTime: '10:00', roomId: ROOM1 }).ok).toBe(true);
  });
});

describe('the case list for thousands: server-side filters, sort and XLSX export', () => {
  it('filters by 已结案, arbitrator, clerk, group flag, cause and date ranges, sorts on the server, and exports the current filter', async () => {
    const arb2 = t.user('arb2', 'arbitrator');
    const a = accepted('2026-11-02'); // composed with arb (sole) and clerk
    const d = unwrap<CaseDetail>(dispatch(day('2026-11-05'), 'cases.saveDraft', sampleDraft({ receivedDate: '2026-11-04', cause: '工伤保险待遇争议', groupFlags: ['injured_worker'] })));
    const b = unwrap<CaseDetail>(dispatch(day('2026-11-05'), 'cases.accept', { id: d.id, acceptanceDate: '2026-11-05' }));
    unwrap(dispatch(day('2026-11-05'), 'cases.compose', { id: b.id, mode: 'sole', presidingId: arb2.id, memberIds: [], clerkId: clerk.id, composedDate: '2026-11-05' }));
    // Setup that the test is not about: a closing record (closing through the service needs served documents).
    t.db.prepare("INSERT INTO case_closures (case_id, method, closed_date, due_date, created_at, created_by) VALUES (?, 'withdrawal', '2026-11-20', '2026-12-17', '2026-11-20T04:00:00Z', ?)").run(a.id, clerk.id);
    const list = (f: Record<string, unknown>) => unwrap<{ total: number; items: { id: string }[] }>(dispatch(day('2026-11-25'), 'cases.list', f));
    expect(list({ status: 'closed' }).items.map((i) => i.id)).toEqual([a.id]);
    expect(list({ arbitratorId: arb2.id }).items.map((i) => i.id)).toEqual([b.id]);
    expect(list({ clerkId: clerk.id }).total).toBe(2);
    expect(list({ groupFlag: 'injured_worker' }).items.map((i) => i.id)).toEqual([b.id]);
    expect(list({ cause: '工伤' }).items.map((i) => i.id)).toEqual([b.id]);
    expect(list({ acceptedFrom: '2026-11-03', acceptedTo: '2026-11-30' }).items.map((i) => i.id)).toEqual([b.id]);
    expect(list({ closedFrom: '2026-11-01', closedTo: '2026-11-30' }).items.map((i) => i.id)).toEqual([a.id]);
    expect(list({ sort: 'acceptanceDate', order: 'asc' }).items.map((i) => i.id)).toEqual([a.id, b.id]);
    expect(list({ sort: 'acceptanceDate', order: 'desc' }).items.map((i) => i.id)).toEqual([b.id, a.id]);
    expect(dispatch(day('2026-11-25'), 'cases.list', { receivedFrom: '2026-13-01' })).toMatchObject({ ok: false, error: { issues: [{ path: 'receivedFrom' }] } });

    const file = unwrap<{ base64: string; rows: number; fileName: string }>(await dispatchAsync(day('2026-11-25'), 'cases.export', { clerkId: clerk.id, sort: 'acceptanceDate', order: 'asc', columns: ['caseNumber', 'status', 'applicants', 'claimTotalFen', 'closedDate'] }));
    expect(file.rows).toBe(2);
    expect(file.fileName).toBe('案件列表-2026-11-25.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.base64, 'base64') as never);
    const ws = wb.getWorksheet('案件列表')!;
    // One XLSX writer (src/services/xlsx.ts): frozen header, masked ID numbers in their own column, dates as dates,
    // amounts as numbers in yuan with a number format, a totals row.
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.getRow(1).values).toEqual([undefined, '案号', '状态', '申请人', '申请人身份证号（隐去中间位）', '请求金额', '结案日期']);
    expect(ws.getRow(2).values).toEqual([undefined, a.caseNumber, '已结案', '张三、李四', expect.stringMatching(/^\d{6}\*+\w{4}/), 21500, new Date('2026-11-20T00:00:00Z')]);
    expect(ws.getRow(2).getCell(5).numFmt).toBe('#,##0.00');
    expect(ws.getRow(2).getCell(6).numFmt).toBe('yyyy-mm-dd');
    expect(ws.getRow(3).getCell(1).value).toBe(b.caseNumber);
    expect(ws.getRow(4).getCell(1).value).toBe('合计（2 件）');
    expect(ws.getRow(4).getCell(5).value).toBe(21500 + (ws.getRow(3).getCell(5).value as number));
    expect(ws.rowCount).toBe(4);
  });
});
