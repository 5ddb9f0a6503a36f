import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaseDetail, EmployerView, Outcomes, PerformanceView, Proceedings, UserView } from '../../src/api';
import { dispatch } from '../../src/services';
import { runDailyGradeReview } from '../../src/services/grade-review';
import { type TestDb, openTestDb, unwrap } from '../helpers/db';
import { CREDIT, sampleDraft } from '../helpers/fixtures';
import { decideAndIssueSampleAward } from '../helpers/outcomes';

/**
 * Issue 16: performance (履行情况) of the award a case was closed with feeds the grade signal "awards or agreements not
 * paid" (《劳动争议调解仲裁法》第五十一条); the grade is reviewed in the same write, and once a day on first use.
 */
let t: TestDb;
let arb: UserView;
let clerk: UserView;
beforeEach(async () => {
  t = await openTestDb();
  arb = t.user('arb1', 'arbitrator');
  clerk = t.user('clerk1', 'clerk');
});
afterEach(() => t.close());

const at = (today: string, user = clerk) => ({ ...t.ctx(user), now: () => new Date(`${today}T04:00:00Z`) });
const employerId = () => (t.db.prepare('SELECT id FROM employers WHERE credit_code = ?').get(CREDIT.xinda) as { id: string }).id;
const employer = (day: string) => unwrap<EmployerView>(dispatch(at(day), 'employers.get', { id: employerId() }));
const records = () => (t.db.prepare('SELECT COUNT(*) AS n FROM performance_records').get() as { n: number }).n;

async function closedByAward(): Promise<CaseDetail> {
  const d = unwrap<CaseDetail>(dispatch(at('2026-09-21'), 'cases.saveDraft', sampleDraft({ receivedDate: '2026-09-20' })));
  const c = unwrap<CaseDetail>(dispatch(at('2026-09-21'), 'cases.accept', { id: d.id, acceptanceDate: '2026-09-21' }));
  unwrap(dispatch(at('2026-09-21'), 'cases.compose', { id: c.id, mode: 'sole', presidingId: arb.id, memberIds: [], clerkId: clerk.id, composedDate: '2026-09-21' }));
  await decideAndIssueSampleAward(at('2026-10-20', arb), c, '2026-10-20');
  const docs = unwrap<Proceedings>(dispatch(at('2026-10-21'), 'cases.proceedings', { id: c.id })).documents.filter((x) => x.kind === 'award');
  for (const doc of docs) for (const p of [...c.applicants, ...c.respondents]) {
    unwrap(dispatch(at('2026-10-21'), 'documents.serve', { documentId: doc.id, partyId: p.id, method: 'direct', sentDate: '2026-10-21', receiptDate: '2026-10-21' }));
  }
  unwrap<Outcomes>(dispatch(at('2026-10-22'), 'cases.close', { caseId: c.id, method: 'award', closedDate: '2026-10-22' }));
  return c;
}

describe('performance of an award', () => {
  it('is refused before the case is closed by award or mediation, and bad input is refused in Chinese, writing nothing', async () => {
    const d = unwrap<CaseDetail>(dispatch(at('2026-09-21'), 'cases.saveDraft', sampleDraft({ receivedDate: '2026-09-20' })));
    expect(dispatch(at('2026-11-20'), 'performance.record', { caseId: d.id, dueDate: '2026-11-01', status: 'unpaid', asOf: '2026-11-20' }))
      .toMatchObject({ ok: false, error: { code: 'INVALID_STATE', message: '只有裁决结案或调解结案的案件才能登记裁决书、调解书的履行情况' } });
    const c = await closedByAward();
    const bad = (input: Record<string, unknown>) => dispatch(at('2026-11-20'), 'performance.record', { caseId: c.id, dueDate: '2026-11-10', status: 'unpaid', asOf: '2026-11-20', ...input });
    expect(bad({ dueDate: '2026-10-01' })).toMatchObject({ ok: false, error: { issues: [{ path: 'dueDate', message: '履行期限不能早于结案日期（2026-10-22）' }] } });
    expect(bad({ asOf: '2026-11-10' })).toMatchObject({ ok: false, error: { issues: [{ path: 'asOf', message: '履行期限（2026-11-10）届满后才能登记为逾期未履行' }] } });
    expect(bad({ asOf: '2026-11-21' })).toMatchObject({ ok: false, error: { issues: [{ path: 'asOf', message: '情况核实日期（2026-11-21）不能晚于今天（2026-11-20）' }] } });
    expect(bad({ status: 'partial' })).toMatchObject({ ok: false, error: { issues: [{ path: 'paidFen', message: '部分履行须填写已履行的金额' }] } });
    expect(bad({ paidFen: 100 })).toMatchObject({ ok: false, error: { issues: [{ path: 'paidFen' }] } });
    expect(bad({ enforcementDate: '2026-11-10', enforcementCourt: '成都市温江区人民法院' })).toMatchObject({ ok: false, error: { issues: [{ path: 'enforcementDate', message: expect.stringContaining('第五十一条') }] } });
    expect(bad({ enforcementDate: '2026-11-15' })).toMatchObject({ ok: false, error: { issues: [{ path: 'enforcementCourt', message: '请填写受理强制执行申请的人民法院' }] } });
    expect(bad({ status: 'paid', enforcementDate: '2026-11-15', enforcementCourt: '成都市温江区人民法院' })).toMatchObject({ ok: false, error: { issues: [{ path: 'enforcementDate', message: '已全部履行的，无需申请强制执行' }] } });
    expect(bad({ status: 'owed' })).toMatchObject({ ok: false, error: { issues: [{ path: 'status', message: '履行情况应为已全部履行、部分履行或未履行' }] } });
    expect(dispatch(at('2026-11-20', t.user('window1', 'window')), 'performance.record', { caseId: c.id, dueDate: '2026-11-10', status: 'unpaid', asOf: '2026-11-20' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(records()).toBe(0);
  });

  it('an award not paid by its due date makes the employer 隐患 in the same write, with the reason and its cause; full payment later lowers it; every change is kept', async () => {
    const c = await closedByAward();
    const before = employer('2026-11-20');
    expect(before.grade).not.toBe('hazard');
    const v = unwrap<PerformanceView>(dispatch(at('2026-11-20'), 'performance.record', {
      caseId: c.id, dueDate: '2026-11-10', status: 'partial', paidFen: 500_000, asOf: '2026-11-18', enforcementDate: '2026-11-18', enforcementCourt: '成都市温江区人民法院', note: '支付5000元后停止支付',
    }));
    expect(v).toMatchObject({ instrument: 'award', instrumentLabel: '裁决书', inDefault: true, current: { status: 'partial', statusLabel: '部分履行', paidFen: 500_000, enforcementDate: '2026-11-18' } });
    const e = employer('2026-11-20');
    expect(e.grade).toBe('hazard');
    expect(e.gradeReasons).toContain('现有裁决或调解协议逾期未履行1件（达到1件）');
    expect(e.gradeReasons.at(-1)).toBe('变动原因：登记履行情况（2026-11-20）');
    // the grade row was written by the performance write itself: one audit entry holds both
    const entry = t.db.prepare("SELECT entities FROM audit_log WHERE action = 'performance.record'").get() as { entities: string };
    expect(entry.entities).toContain('employer_grades');
    expect(entry.entities).toContain('performance_records');

    unwrap(dispatch(at('2026-11-25'), 'performance.record', { caseId: c.id, dueDate: '2026-11-10', status: 'paid', asOf: '2026-11-25', note: '执行中全部支付' }));
    const after = employer('2026-11-25');
    expect(after.grade).not.toBe('hazard');
    expect(after.gradeHistory.map((g) => g.grade).slice(-2)).toEqual(['hazard', after.grade]);
    expect(unwrap<PerformanceView>(dispatch(at('2026-11-25'), 'performance.get', { caseId: c.id }))).toMatchObject({ inDefault: false, records: [{ status: 'partial' }, { status: 'paid' }] });
    expect(() => t.db.prepare("UPDATE performance_records SET status = 'paid'").run()).toThrow(/append-only/);
    expect(() => t.db.prepare('DELETE FROM performance_records').run()).toThrow(/append-only/);
  });

  it('a due date passing is not an event: the daily review on first use of the day raises the grade, once per date', async () => {
    const c = await closedByAward();
    unwrap(dispatch(at('2026-11-05'), 'performance.record', { caseId: c.id, dueDate: '2026-11-10', status: 'partial', paidFen: 300_000, asOf: '2026-11-05' }));
    expect(employer('2026-11-10').grade).not.toBe('hazard');
    expect(runDailyGradeReview(t.db, () => new Date('2026-11-10T01:00:00Z'))).toMatchObject({ day: '2026-11-10' });
    expect(employer('2026-11-10').grade).not.toBe('hazard'); // the due date itself is still within the period
    const first = runDailyGradeReview(t.db, () => new Date('2026-11-11T00:30:00Z'));
    expect(first).toMatchObject({ day: '2026-11-11' });
    expect(first!.reviewed).toBeGreaterThan(0);
    const e = employer('2026-11-11');
    expect(e.grade).toBe('hazard');
    expect(e.gradeReasons.at(-1)).toBe('变动原因：每日自动复核（2026-11-11）');
    // the same Beijing date again: nothing to do, no second audit entry
    expect(runDailyGradeReview(t.db, () => new Date('2026-11-11T09:00:00Z'))).toBeNull();
    expect((t.db.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'grades.dailyReview'").get() as { n: number }).n).toBe(2);
  });
});
