import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaseDetail, Dashboard, DashboardItem, Proceedings } from '../../src/api';
import { addDays, calendarWeek, partiesLabel, shanghaiDate } from '../../src/domain';
import { selectRunningCases } from '../../src/db/queries/cases';
import { selectDueDeadlines } from '../../src/db/queries/deadlines';
import { type ServiceContext, dispatch } from '../../src/services';
import { getCase } from '../../src/services/cases';
import { caseClock } from '../../src/services/clock';
import { type TestDb, openTestDb, unwrap } from '../helpers/db';
import { COMMISSION_VENUE, sampleDraft } from '../helpers/fixtures';

/**
 * Issue 13: the dashboard reads the commission's pending deadlines from a stored table (migration 013). What is stored must
 * equal what the clock engine computes, for a varied set of cases, after every kind of change to a case, and after the
 * calendar or a rule's counting changes.
 */
let t: TestDb;
let ctx: ServiceContext;
let adm: ServiceContext;
let arb: ReturnType<TestDb['user']>;
let clerk: ReturnType<TestDb['user']>;
const today = shanghaiDate(new Date());

beforeEach(async () => {
  t = await openTestDb();
  adm = t.ctx(t.admin);
  arb = t.user('arb1', 'arbitrator');
  clerk = t.user('clerk1', 'clerk');
  ctx = t.ctx(clerk);
});
afterEach(() => t.close());

/** What the engine says, for every running case: its commission deadlines not met and not paused. */
function engine(): string[] {
  return selectRunningCases(t.db).flatMap((k) => {
    const c = getCase(t.db, { id: k.id });
    const parties = partiesLabel(c.applicants.map((p) => p.name), c.respondents.map((p) => p.name));
    return caseClock(ctx, k.id).deadlines
      .filter((d) => d.actor === 'commission' && !d.doneDate && (d.state === 'open' || d.state === 'overdue'))
      .map((d) => JSON.stringify([k.id, c.caseNumber, parties, d.label, d.dueDate, d.state, d.basis, d.todo, d.provisional]));
  }).sort();
}

/** What is stored, with today's state as the dashboard gives it. */
function stored(): string[] {
  return selectDueDeadlines(t.db, '9999-12-31', null).map((r) => {
    const d = JSON.parse(r.deadline) as DashboardItem['deadline'];
    return JSON.stringify([r.case_id, r.case_number, r.parties, d.label, d.dueDate, d.dueDate < today ? 'overdue' : 'open', d.basis, d.todo, d.provisional]);
  }).sort();
}

const ok = <T>(op: string, input: unknown, c = ctx) => unwrap<T>(dispatch(c, op, input));

function varied() {
  const room = ok<{ id: string }>('rooms.create', { venueId: COMMISSION_VENUE, name: '存储测试庭' }, adm);
  const draft = ok<CaseDetail>('cases.saveDraft', sampleDraft({ receivedDate: addDays(today, -2) }));
  const old = ok<CaseDetail>('cases.saveDraft', sampleDraft({ receivedDate: addDays(today, -30) })); // acceptance overdue
  const accepted = ok<CaseDetail>('cases.accept', { id: ok<CaseDetail>('cases.saveDraft', sampleDraft({ receivedDate: addDays(today, -20) })).id, acceptanceDate: addDays(today, -18) });
  const composed = ok<CaseDetail>('cases.accept', { id: ok<CaseDetail>('cases.saveDraft', sampleDraft({ receivedDate: addDays(today, -4) })).id, acceptanceDate: addDays(today, -3) });
  ok<Proceedings>('cases.compose', { id: composed.id, mode: 'sole', presidingId: arb.id, memberIds: [], clerkId: clerk.id, composedDate: addDays(today, -2) });
  ok<Proceedings>('hearings.schedule', { caseId: composed.id, date: addDays(today, 12), startTime: '09:00', endTime: '11:00', roomId: room.id });
  const suspended = ok<CaseDetail>('cases.accept', { id: ok<CaseDetail>('cases.saveDraft', sampleDraft({ receivedDate: addDays(today, -40) })).id, acceptanceDate: addDays(today, -40) });
  ok('cases.suspend', { id: suspended.id, startDate: addDays(today, -30), reason: '等待工伤认定结论' });
  const resumed = ok<CaseDetail>('cases.accept', { id: ok<CaseDetail>('cases.saveDraft', sampleDraft({ receivedDate: addDays(today, -44) })).id, acceptanceDate: addDays(today, -44) });
  ok('cases.suspend', { id: resumed.id, startDate: addDays(today, -30), reason: '等待鉴定' });
  ok('cases.resume', { id: resumed.id, resumeDate: addDays(today, -20) });
  const extended = ok<CaseDetail>('cases.accept', { id: ok<CaseDetail>('cases.saveDraft', sampleDraft({ receivedDate: addDays(today, -42) })).id, acceptanceDate: addDays(today, -42) });
  ok('cases.extend', { id: extended.id, days: 10, approvedBy: '仲裁委主任', approvalDate: addDays(today, -1), reason: '案情复杂' });
  const refused = ok<CaseDetail>('cases.saveDraft', sampleDraft({ receivedDate: addDays(today, -6) }));
  ok('cases.notAccept', { id: refused.id, decisionDate: addDays(today, -5), reasonCode: 'out_of_scope', reasonText: '不属于劳动争议' });
  const discarded = ok<CaseDetail>('cases.saveDraft', sampleDraft({ receivedDate: addDays(today, -1) }));
  ok('cases.discardDraft', { id: discarded.id });
  return { arb, clerk, draft, old, accepted, composed, suspended, resumed, extended, refused, discarded };
}

describe('stored deadlines (migration 013)', () => {
  it('equal the clock engine for a varied set of cases, and leave out refused, discarded and paused ones', () => {
    const c = varied();
    const s = stored();
    expect(s.length).toBeGreaterThan(8);
    expect(s).toEqual(engine());
    const ids = new Set(s.map((x) => JSON.parse(x)[0] as string));
    expect(ids.has(c.refused.id)).toBe(false);
    expect(ids.has(c.discarded.id)).toBe(false);
    // the suspended case's award deadline is paused, so only its earlier deadlines remain
    expect(s.filter((x) => JSON.parse(x)[0] === c.suspended.id && JSON.parse(x)[3] === '审理期限')).toEqual([]);
    expect(s.filter((x) => JSON.parse(x)[0] === c.extended.id && JSON.parse(x)[3] === '审理期限')).toHaveLength(1);
  });

  it('follow a change to the calendar and to a rule\'s counting, in the same transaction', () => {
    varied();
    const before = stored();
    // make the next three working days rest days: every working-day deadline running over them moves
    const days = [1, 2, 3, 4, 5, 6, 7].map((n) => addDays(today, n)).filter((d) => [1, 2, 3, 4, 5].includes(new Date(`${d}T12:00:00Z`).getUTCDay())).slice(0, 3);
    for (const d of days) ok('calendar.setDay', { date: d, kind: 'rest', reason: '临时停工' }, adm);
    const afterCalendar = stored();
    expect(afterCalendar).toEqual(engine());
    expect(afterCalendar).not.toEqual(before);
    ok('settings.update', { periodKinds: { 'acceptance-decision': 'calendar' } }, adm);
    const afterRule = stored();
    expect(afterRule).toEqual(engine());
    expect(afterRule).not.toEqual(afterCalendar);
  });

  it('the dashboard gives the stored rows in the engine\'s sections; 本周 ends on this calendar week\'s Sunday', () => {
    const c = varied();
    const d = ok<Dashboard>('dashboard.get', { scope: 'all' });
    const weekEnd = calendarWeek(today).sunday;
    const expected = engine().map((x) => JSON.parse(x) as [string, string | null, string, string, string, string]).filter((x) => x[4] <= weekEnd);
    const got = [...d.overdue, ...d.dueToday, ...d.thisWeek];
    expect(got.map((i) => `${i.caseId}|${i.deadline.label}|${i.deadline.dueDate}|${i.deadline.state}`).sort())
      .toEqual(expected.map((x) => `${x[0]}|${x[3]}|${x[4]}|${x[5]}`).sort());
    expect(d.overdue.every((i) => i.deadline.dueDate < today)).toBe(true);
    expect(d.dueToday.every((i) => i.deadline.dueDate === today)).toBe(true);
    expect(d.thisWeek.every((i) => i.deadline.dueDate > today && i.deadline.dueDate <= weekEnd)).toBe(true);
    expect(d.overdue.some((i) => i.caseId === c.old.id)).toBe(true);
    // one arbitrator sees only the case he sits on
    const mine = unwrap<Dashboard>(dispatch(t.ctx(c.arb), 'dashboard.get', { scope: 'mine' }));
    expect(new Set([...mine.overdue, ...mine.dueToday, ...mine.thisWeek].map((i) => i.caseId))).toEqual(
      new Set(got.filter((i) => i.caseId === c.composed.id).map((i) => i.caseId)),
    );
  });

  it('page each section on the server: disjoint pages whose union is the section, counts equal to the engine\'s, under every filter', () => {
    const c = varied();
    for (let i = 0; i < 5; i++) ok('cases.saveDraft', sampleDraft({ receivedDate: addDays(today, -25 - i) })); // more overdue rows than a page
    const weekEnd = calendarWeek(today).sunday;
    const key = (i: DashboardItem) => `${i.caseId}|${i.deadline.label}|${i.deadline.dueDate}|${i.deadline.state}`;
    type Row = [string, string | null, string, string, string, string];
    const all = engine().map((x) => JSON.parse(x) as Row).filter((x) => x[4] <= weekEnd);
    const sectionOf = (x: Row) => (x[4] < today ? 'overdue' : x[4] === today ? 'dueToday' : 'thisWeek');
    const check = (filter: Record<string, unknown>, keep: (x: Row) => boolean, minRows: number) => {
      const pageSize = 3;
      const first = ok<Dashboard>('dashboard.get', { scope: 'all', pageSize, ...filter });
      let seen = 0;
      for (const s of ['overdue', 'dueToday', 'thisWeek'] as const) {
        const expected = all.filter((x) => sectionOf(x) === s && keep(x)).map((x) => `${x[0]}|${x[3]}|${x[4]}|${x[5]}`);
        expect(first.counts[s]).toBe(expected.length);
        const got: string[] = [];
        for (let p = 1; p <= Math.ceil(expected.length / pageSize) + 1; p++) {
          const page = ok<Dashboard>('dashboard.get', { scope: 'all', pageSize, pages: { [s]: p }, ...filter })[s];
          expect(page.length).toBe(Math.max(0, Math.min(pageSize, expected.length - (p - 1) * pageSize)));
          got.push(...page.map(key));
        }
        expect(new Set(got).size).toBe(got.length); // disjoint
        expect(got.sort()).toEqual(expected.sort()); // union = the section
        seen += got.length;
      }
      expect(seen).toBeGreaterThanOrEqual(minRows);
    };
    check({}, () => true, 15);
    expect(ok<Dashboard>('dashboard.get', { scope: 'all', pageSize: 3 }).counts.overdue).toBeGreaterThan(3);
    // the composed case is the only one with a tribunal: arbitrator and clerk filters keep its rows only
    check({ arbitratorId: c.arb.id }, (x) => x[0] === c.composed.id, 1);
    check({ clerkId: c.clerk.id }, (x) => x[0] === c.composed.id, 1);
    check({ venueId: COMMISSION_VENUE }, () => true, 15);
    check({ venueId: '0'.repeat(32) }, () => false, 0);
    const ruleCases = new Set(all.filter((x) => x[3] === '受理审查').map((x) => x[0]));
    expect(ruleCases.size).toBeGreaterThan(3);
    check({ rule: 'acceptance-decision' }, (x) => x[3] === '受理审查', ruleCases.size);
    check({ query: c.old.caseNumber ?? '受理审查' }, (x) => x[3] === '受理审查' || x[1] === c.old.caseNumber, 1);
    // before the table is first filled, the engine's rows go through the same SQL
    t.db.prepare('UPDATE case_deadlines_meta SET built = 0').run();
    check({}, () => true, 15);
    check({ rule: 'acceptance-decision' }, (x) => x[3] === '受理审查', ruleCases.size);
  });

  it('refuse a bad page or page size with a message in Chinese', () => {
    const bad = dispatch(ctx, 'dashboard.get', { scope: 'all', pageSize: 1000 });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ message: '每页最多100条' }] } });
    expect(dispatch(ctx, 'dashboard.get', { scope: 'all', pages: { overdue: 0 } })).toMatchObject({ ok: false, error: { issues: [{ message: '页码从1开始' }] } });
  });

  it('are read through the due-date index', () => {
    const plan = (t.db.prepare("EXPLAIN QUERY PLAN SELECT * FROM case_deadlines WHERE due_date <= ? ORDER BY due_date, case_number, case_id, seq").all('2026-12-31') as { detail: string }[]).map((r) => r.detail).join('\n');
    expect(plan).toMatch(/USING INDEX case_deadlines_due/);
  });
});
