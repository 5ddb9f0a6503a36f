import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaseDetail, Dashboard, HearingRecordView, UserView } from '../../src/api';
import { dispatch } from '../../src/services';
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
