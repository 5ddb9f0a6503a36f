import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CalendarYearView, CaseClock, CaseDetail, DeadlineResult, DeadlineRuleView } from '../../src/api';
import { dispatch } from '../../src/services';
import { type TestDb, openTestDb, unwrap } from '../helpers/db';
import { sampleDraft } from '../helpers/fixtures';

let t: TestDb;
beforeEach(async () => { t = await openTestDb(); });
afterEach(() => t.close());

/** A context whose "today" is fixed, so deadline states do not depend on when the test runs. */
const at = (today: string, user = t.admin) => ({ ...t.ctx(user), now: () => new Date(`${today}T04:00:00Z`) });

function acceptedCase(receivedDate: string, acceptanceDate: string, today: string) {
  const arb = t.user(`arb${Math.random().toString(36).slice(2, 8)}`, 'arbitrator');
  const ctx = at(today, arb);
  const d = unwrap<CaseDetail>(dispatch(ctx, 'cases.saveDraft', sampleDraft({ receivedDate })));
  unwrap(dispatch(ctx, 'cases.accept', { id: d.id, acceptanceDate }));
  return { id: d.id, ctx };
}

describe('case deadlines', () => {
  it('shows a draft its acceptance deadline (5 working days from receipt) and marks it overdue when past', () => {
    const clerk = t.user('clerk1', 'clerk');
    const d = unwrap<CaseDetail>(dispatch(at('2026-05-06', clerk), 'cases.saveDraft', sampleDraft({ receivedDate: '2026-04-30' })));
    const onTime = unwrap<CaseClock>(dispatch(at('2026-05-06', clerk), 'cases.clock', { id: d.id }));
    expect(onTime.deadlines[0]).toMatchObject({ rule: 'acceptance-decision', dueDate: '2026-05-11', state: 'open' });
    expect(onTime.deadlines[0]!.basis.join('\n')).toContain('《劳动争议调解仲裁法》第二十九条');
    expect(unwrap<CaseClock>(dispatch(at('2026-05-12', clerk), 'cases.clock', { id: d.id })).deadlines[0]!.state).toBe('overdue');
  });

  it('after acceptance on 2026-08-20: the award is due 2026-10-08, the acceptance deadline done; application copy and composition due in 5 working days', () => {
    const { id, ctx } = acceptedCase('2026-08-18', '2026-08-20', '2026-08-21');
    const clock = unwrap<CaseClock>(dispatch(ctx, 'cases.clock', { id }));
    const by = (rule: string) => clock.deadlines.find((d) => d.rule === rule)!;
    expect(by('acceptance-decision')).toMatchObject({ state: 'done', doneDate: '2026-08-20' });
    expect(by('serve-application').dueDate).toBe('2026-08-27');
    expect(by('composition-notice').dueDate).toBe('2026-08-27');
    expect(by('award')).toMatchObject({ dueDate: '2026-10-08', state: 'open', provisional: false });
    expect(by('award').basis.join('\n')).toContain('顺延至其后第一个工作日 2026-10-08');
  });

  it('suspending a case for 20 days (waiting for a work-injury determination) moves the award deadline by exactly 20 days, and says so', () => {
    const { id, ctx } = acceptedCase('2026-03-01', '2026-03-02', '2026-03-10');
    const before = unwrap<CaseClock>(dispatch(ctx, 'cases.clock', { id })).deadlines.find((d) => d.rule === 'award')!;
    expect(before.dueDate).toBe('2026-04-16');
    const paused = unwrap<CaseClock>(dispatch(ctx, 'cases.suspend', { id, startDate: '2026-03-10', reason: '等待工伤认定结论' }));
    expect(paused.deadlines.find((d) => d.rule === 'award')!.state).toBe('paused');
    expect(paused.notes.join()).toContain('审理期限暂停计算');
    const later = at('2026-03-30', t.user('clerk2', 'clerk'));
    const resumed = unwrap<CaseClock>(dispatch(later, 'cases.resume', { id, resumeDate: '2026-03-30' }));
    const award = resumed.deadlines.find((d) => d.rule === 'award')!;
    expect(resumed.suspensions).toEqual([expect.objectContaining({ startDate: '2026-03-10', resumeDate: '2026-03-30', days: 20 })]);
    expect(award.dueDate).toBe('2026-05-06');
    expect(award.excludedDays).toBe(20);
    expect(resumed.notes[0]).toBe('因案件中止共 20 日（中止期间不计入审理期限，《办案规则》第四十六条），审理期限届满日由 2026-04-16 顺延至 2026-05-06。');
    const events = unwrap<CaseDetail>(dispatch(later, 'cases.get', { id })).timeline.map((e) => e.kind);
    expect(events).toEqual(['draft.created', 'accepted', 'suspended', 'resumed']);
  });

  it('refuses a second suspension while one is open, a resumption without one, and dates out of order', () => {
    const { id, ctx } = acceptedCase('2026-03-01', '2026-03-02', '2026-03-20');
    expect(dispatch(ctx, 'cases.resume', { id, resumeDate: '2026-03-12' })).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
    expect(dispatch(ctx, 'cases.suspend', { id, startDate: '2026-03-01', reason: 'x' })).toMatchObject({ ok: false, error: { issues: [{ path: 'startDate' }] } });
    unwrap(dispatch(ctx, 'cases.suspend', { id, startDate: '2026-03-10', reason: '等待鉴定' }));
    expect(dispatch(ctx, 'cases.suspend', { id, startDate: '2026-03-11', reason: 'x' })).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
    expect(dispatch(ctx, 'cases.resume', { id, resumeDate: '2026-03-10' })).toMatchObject({ ok: false, error: { issues: [{ path: 'resumeDate' }] } });
  });

  it('adds an approved extension, at most 15 days in all, approved before the period ends (LDMAL Art 43)', () => {
    const { id, ctx } = acceptedCase('2026-03-01', '2026-03-02', '2026-04-10');
    const c1 = unwrap<CaseClock>(dispatch(ctx, 'cases.extend', { id, days: 10, approvedBy: '仲裁委员会主任王某', approvalDate: '2026-04-10', reason: '案情复杂需鉴定' }));
    expect(c1.deadlines.find((d) => d.rule === 'award')!.dueDate).toBe('2026-04-27');
    expect(c1.notes.join()).toContain('延长 10 日');
    const over = dispatch(ctx, 'cases.extend', { id, days: 6, approvedBy: '主任', approvalDate: '2026-04-10', reason: 'x' });
    expect(over).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: 'days' }] } });
    if (!over.ok) expect(over.error.message).toContain('已延长 10 日');
    const late = acceptedCase('2026-01-05', '2026-01-06', '2026-03-20');
    expect(dispatch(late.ctx, 'cases.extend', { id: late.id, days: 5, approvedBy: '主任', approvalDate: '2026-03-20', reason: 'x' })).toMatchObject({ ok: false, error: { issues: [{ path: 'approvalDate' }] } });
  });

  it('lets only arbitrators and clerks suspend, resume or extend', () => {
    const { id } = acceptedCase('2026-03-01', '2026-03-02', '2026-03-10');
    expect(dispatch(at('2026-03-10', t.user('lawyer1', 'lawyer')), 'cases.suspend', { id, startDate: '2026-03-10', reason: 'x' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(dispatch(at('2026-03-10'), 'cases.suspend', { id, startDate: '2026-03-10', reason: 'x' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('calendar data and settings', () => {
  it('ships 2025 and 2026 with their notices; a 2027 period is provisional until 2027 is imported, and the import is audited', () => {
    const ctx = at('2026-12-01');
    expect(unwrap<CalendarYearView[]>(dispatch(ctx, 'calendar.years', {})).map((y) => [y.year, y.published])).toEqual([[2025, '2024-11-12'], [2026, '2025-11-04']]);
    const q = { rule: 'award', from: '2026-12-10' };
    expect(unwrap<DeadlineResult>(dispatch(ctx, 'deadlines.compute', q))).toMatchObject({ provisional: true, provisionalYears: [2027] });
    unwrap(dispatch(ctx, 'calendar.importYear', { year: 2027, notice: '国务院办公厅关于2027年部分节假日安排的通知', published: '2026-11-20', source: '测试数据', rest: [['2027-01-01', '2027-01-03']], work: [] }));
    expect(unwrap<DeadlineResult>(dispatch(ctx, 'deadlines.compute', q))).toMatchObject({ provisional: false });
    expect(t.db.prepare("SELECT actor_name FROM audit_log WHERE action = 'calendar.importYear'").get()).toEqual({ actor_name: '管理员' });
  });

  it('refuses an import whose make-up working day is a weekday, and changes nothing', () => {
    const r = dispatch(at('2026-12-01'), 'calendar.importYear', { year: 2027, notice: 'x', published: '2026-11-20', source: 'x', rest: [['2027-01-01', '2027-01-01']], work: ['2027-01-05'] });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: '调休上班日 2027-01-05 不是周末' } });
    expect(unwrap<CalendarYearView[]>(dispatch(at('2026-12-01'), 'calendar.years', {}))).toHaveLength(2);
  });

  it('lets an administrator mark one day a rest day (a local emergency) and back, with audit; others may not', () => {
    const ctx = at('2026-07-01');
    const compute = () => unwrap<DeadlineResult>(dispatch(ctx, 'deadlines.compute', { days: 1, kind: 'working', from: '2026-07-06' })).dueDate;
    expect(compute()).toBe('2026-07-07');
    unwrap(dispatch(ctx, 'calendar.setDay', { date: '2026-07-07', kind: 'rest', reason: '暴雨停工' }));
    expect(compute()).toBe('2026-07-08');
    unwrap(dispatch(ctx, 'calendar.setDay', { date: '2026-07-07', kind: 'normal', reason: '恢复' }));
    expect(compute()).toBe('2026-07-07');
    expect((t.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'calendar.setDay'").get() as { n: number }).n).toBe(2);
    expect(dispatch(at('2026-07-01', t.user('clerk1', 'clerk')), 'calendar.setDay', { date: '2026-07-07', kind: 'rest', reason: 'x' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(dispatch(ctx, 'calendar.setDay', { date: '2028-07-07', kind: 'rest', reason: 'x' })).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
  });

  it('counts a period as calendar days when the commission changes the setting, and shows that basis', () => {
    const ctx = at('2026-05-06');
    unwrap(dispatch(ctx, 'settings.update', { periodKinds: { 'acceptance-decision': 'calendar' } }));
    const r = unwrap<DeadlineResult>(dispatch(ctx, 'deadlines.compute', { rule: 'acceptance-decision', from: '2026-04-30' }));
    expect(r).toMatchObject({ kind: 'calendar', dueDate: '2026-05-06' });
    expect(r.basis.join()).toContain('本委设置');
    const rules = unwrap<DeadlineRuleView[]>(dispatch(ctx, 'deadlines.rules', {}));
    expect(rules.find((x) => x.name === 'acceptance-decision')).toMatchObject({ kind: 'calendar', kindOverridden: true });
  });
});
