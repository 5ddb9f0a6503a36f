import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaseClock, CaseDetail, CaseDocument, Dashboard, DocumentFile, Hearing, Proceedings, UserView } from '../../src/api';
import { pdfText } from '../helpers/documents';
import { computeServiceDate } from '../../src/domain';
import { dispatch, dispatchAsync } from '../../src/services';
import { type TestDb, openTestDb, unwrap } from '../helpers/db';
import { COMMISSION_VENUE, sampleDraft } from '../helpers/fixtures';
import { decideAndIssueSampleAward } from '../helpers/outcomes';

const ROOM1 = '0000000000000000000000000000a001';
const ROOM2 = '0000000000000000000000000000a002';
let t: TestDb;
let arb1: UserView; let arb2: UserView; let arb3: UserView; let clerk1: UserView; let clerk2: UserView;
beforeEach(async () => {
  t = await openTestDb();
  arb1 = t.user('arb1', 'arbitrator');
  arb2 = t.user('arb2', 'arbitrator');
  arb3 = t.user('arb3', 'arbitrator');
  clerk1 = t.user('clerk1', 'clerk');
  clerk2 = t.user('clerk2', 'clerk');
});
afterEach(() => t.close());

const at = (today: string, user = clerk1) => ({ ...t.ctx(user), now: () => new Date(`${today}T04:00:00Z`) });
function accepted(today = '2026-11-02', draft = sampleDraft({ receivedDate: '2026-10-30' })) {
  const ctx = at(today);
  const d = unwrap<CaseDetail>(dispatch(ctx, 'cases.saveDraft', draft));
  return unwrap<CaseDetail>(dispatch(ctx, 'cases.accept', { id: d.id, acceptanceDate: '2026-11-02' }));
}
const sole = (id: string, presiding: UserView, clerk: UserView) => ({ id, mode: 'sole' as const, presidingId: presiding.id, memberIds: [], clerkId: clerk.id, composedDate: '2026-11-02' });

describe('tribunal', () => {
  it('composes a sole arbitrator with a clerk, and a panel of three with a presiding arbitrator', () => {
    const c = accepted();
    const p = unwrap<Proceedings>(dispatch(at('2026-11-02'), 'cases.compose', sole(c.id, arb1, clerk1)));
    expect(p.tribunal).toMatchObject({ mode: 'sole', presiding: { id: arb1.id }, clerk: { id: clerk1.id } });
    const panel = unwrap<Proceedings>(dispatch(at('2026-11-02'), 'cases.compose', { ...sole(c.id, arb1, clerk1), mode: 'panel', memberIds: [arb2.id, arb3.id] }));
    expect(panel.tribunal!.members.map((m) => m.id)).toEqual([arb2.id, arb3.id]);
    expect(dispatch(at('2026-11-02'), 'cases.compose', { ...sole(c.id, arb1, clerk1), mode: 'panel', memberIds: [arb2.id] })).toMatchObject({ ok: false, error: { issues: [{ path: 'memberIds' }] } });
    expect(dispatch(at('2026-11-02'), 'cases.compose', sole(c.id, clerk2, clerk1))).toMatchObject({ ok: false, error: { message: '所选人员不是在册的仲裁员' } });
  });

  it('offers the roster with full-time or part-time and the usual venue', () => {
    const r = dispatch(t.ctx(t.admin), 'users.create', { username: 'parttime', displayName: '兼职仲裁员', role: 'arbitrator', password: 'password-1', employment: 'part_time', venueId: COMMISSION_VENUE });
    expect(r).toMatchObject({ ok: true, value: { employment: 'part_time', venueId: COMMISSION_VENUE } });
    const c = accepted();
    const staff = unwrap<Proceedings>(dispatch(at('2026-11-02'), 'cases.proceedings', { id: c.id })).staff;
    expect(staff.find((s) => s.displayName === '兼职仲裁员')).toMatchObject({ role: 'arbitrator', employment: 'part_time', venueName: '仲裁委员会（本部）' });
    expect(staff.find((s) => s.id === arb1.id)).toMatchObject({ employment: 'full_time', venueName: null });
    expect(staff.some((s) => s.id === t.admin.id)).toBe(false);
  });

  it('requires three arbitrators for a collective dispute', () => {
    const c = accepted('2026-11-02', sampleDraft({ receivedDate: '2026-10-30', collective: true, workerCount: 23 }));
    const r = dispatch(at('2026-11-02'), 'cases.compose', sole(c.id, arb1, clerk1));
    expect(r).toMatchObject({ ok: false, error: { issues: [{ path: 'mode' }] } });
  });

  it('a recused arbitrator leaves the tribunal and cannot be chosen again', () => {
    const c = accepted();
    unwrap(dispatch(at('2026-11-02'), 'cases.compose', sole(c.id, arb1, clerk1)));
    const p = unwrap<Proceedings>(dispatch(at('2026-11-03'), 'cases.recuse', { id: c.id, userId: arb1.id, decidedDate: '2026-11-03', reason: '系申请人近亲属' }));
    expect(p.tribunal).toBeNull();
    expect(p.recusals[0]).toMatchObject({ user: { id: arb1.id }, reason: '系申请人近亲属' });
    const again = dispatch(at('2026-11-03'), 'cases.compose', sole(c.id, arb1, clerk1));
    expect(again).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    if (!again.ok) expect(again.error.message).toContain('已在本案回避');
  });
});

describe('hearings', () => {
  it('refuses a second hearing for the same arbitrator at the same time, naming the conflicting hearing', () => {
    const a = accepted();
    const b = accepted();
    unwrap(dispatch(at('2026-11-02'), 'cases.compose', sole(a.id, arb1, clerk1)));
    unwrap(dispatch(at('2026-11-02'), 'cases.compose', sole(b.id, arb1, clerk2)));
    unwrap(dispatch(at('2026-11-02'), 'hearings.schedule', { caseId: a.id, date: '2026-11-20', startTime: '09:00', endTime: '11:00', roomId: ROOM1 }));
    const r = dispatch(at('2026-11-02'), 'hearings.schedule', { caseId: b.id, date: '2026-11-20', startTime: '10:00', endTime: '12:00', roomId: ROOM2 });
    expect(r).toEqual({
      ok: false,
      error: {
        code: 'CONFLICT',
        message: `与${a.caseNumber}的开庭（2026-11-20 09:00–11:00，仲裁委员会（本部）第一仲裁庭）冲突：仲裁员arb1-name在该时段已有开庭安排`,
        issues: [expect.objectContaining({ path: 'date' })],
      },
    });
    // Back to back is fine; a different arbitrator in the same room at the same time is not.
    expect(dispatch(at('2026-11-02'), 'hearings.schedule', { caseId: b.id, date: '2026-11-20', startTime: '11:00', endTime: '12:00', roomId: ROOM2 }).ok).toBe(true);
    const c = accepted();
    unwrap(dispatch(at('2026-11-02'), 'cases.compose', sole(c.id, arb3, clerk2)));
    const room = dispatch(at('2026-11-02'), 'hearings.schedule', { caseId: c.id, date: '2026-11-20', startTime: '10:30', endTime: '11:30', roomId: ROOM1 });
    expect(room).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    if (!room.ok) expect(room.error.message).toContain('该庭室已被占用');
  });

  it('needs a tribunal before a hearing, and refuses a date in the past', () => {
    const c = accepted();
    expect(dispatch(at('2026-11-02'), 'hearings.schedule', { caseId: c.id, date: '2026-11-20', startTime: '09:00', endTime: '10:00', roomId: ROOM1 })).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
    unwrap(dispatch(at('2026-11-02'), 'cases.compose', sole(c.id, arb1, clerk1)));
    expect(dispatch(at('2026-11-02'), 'hearings.schedule', { caseId: c.id, date: '2026-11-01', startTime: '09:00', endTime: '10:00', roomId: ROOM1 })).toMatchObject({ ok: false, error: { issues: [{ path: 'date' }] } });
  });

  it('moving a hearing follows its notice with a 延期开庭通知书 (new time, reason, articles), which must be served; roll call records the outcome', async () => {
    const c = accepted();
    unwrap(dispatch(at('2026-11-02'), 'cases.compose', sole(c.id, arb1, clerk1)));
    const h = unwrap<Proceedings>(dispatch(at('2026-11-02'), 'hearings.schedule', { caseId: c.id, date: '2026-11-20', startTime: '09:00', endTime: '11:00', roomId: ROOM1 })).hearings[0]!;
    const notice = unwrap<CaseDocument>(await dispatchAsync(at('2026-11-03'), 'documents.issue', { caseId: c.id, kind: 'hearing_notice', issuedDate: '2026-11-03', hearingId: h.id }));
    const moved = unwrap<Proceedings>(await dispatchAsync(at('2026-11-05'), 'hearings.move', { hearingId: h.id, date: '2026-11-27', startTime: '14:00', endTime: '16:00', roomId: ROOM2, reason: '被申请人申请延期' }));
    expect(moved.hearings.map((x) => [x.date, x.status])).toEqual([['2026-11-20', 'moved'], ['2026-11-27', 'scheduled']]);
    // the moved hearing's paper is a 延期开庭通知书 (LDMAL Art 35; Rules Art 38), the next version of the notice's series
    const docs = moved.documents.filter((d) => d.kind === 'hearing_notice' || d.kind === 'postponement_notice');
    expect(docs).toHaveLength(2);
    const postponed = docs.find((d) => d.id !== notice.id)!;
    expect(docs.find((d) => d.id === notice.id)!.supersededBy).toBe(postponed.id);
    expect(postponed).toMatchObject({ kind: 'postponement_notice', title: '延期开庭通知书', hearingId: moved.hearings[1]!.id, issuedDate: '2026-11-05', version: 2 });
    const pdf = unwrap<DocumentFile>(dispatch(at('2026-11-05'), 'documents.file', { documentId: postponed.id, format: 'pdf' }));
    const text = pdfText(Buffer.from(pdf.base64, 'base64')).replace(/\s+/g, '');
    expect(text).toContain('延期开庭通知书');
    expect(text).toMatch(/原定于二〇二六年十一月二十日|原定于2026年11月20日/);
    expect(text).toContain('因被申请人申请延期');
    expect(text).toContain('第三十五条');
    expect(text).toContain('第三十八条');
    expect(text).toMatch(/改定于(二〇二六年十一月二十七日|2026年11月27日)14:00/);
    expect(dispatch(at('2026-11-06'), 'documents.serve', { documentId: notice.id, partyId: c.applicants[0]!.id, method: 'direct', sentDate: '2026-11-06', receiptDate: '2026-11-06' })).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
    expect(dispatch(at('2026-11-26'), 'hearings.rollCall', { hearingId: moved.hearings[1]!.id, outcome: 'present' })).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
    const held = unwrap<Proceedings>(dispatch(at('2026-11-27'), 'hearings.rollCall', { hearingId: moved.hearings[1]!.id, outcome: 'absent', note: '被申请人经书面通知无正当理由未到庭' }));
    expect(held.hearings[1]).toMatchObject({ status: 'held', outcome: 'absent' });
    const week = unwrap<Hearing[]>(dispatch(at('2026-11-27'), 'hearings.list', { from: '2026-11-23', to: '2026-11-29' }));
    expect(week.map((x) => x.date)).toEqual(['2026-11-27']);
  });

  it('a hearing moved twice gets a 延期开庭通知书 each time; the kind is issued with a move only', async () => {
    const c = accepted();
    unwrap(dispatch(at('2026-11-02'), 'cases.compose', sole(c.id, arb1, clerk1)));
    const h = unwrap<Proceedings>(dispatch(at('2026-11-02'), 'hearings.schedule', { caseId: c.id, date: '2026-11-20', startTime: '09:00', endTime: '11:00', roomId: ROOM1 })).hearings[0]!;
    unwrap<CaseDocument>(await dispatchAsync(at('2026-11-03'), 'documents.issue', { caseId: c.id, kind: 'hearing_notice', issuedDate: '2026-11-03', hearingId: h.id }));
    const moved = unwrap<Proceedings>(await dispatchAsync(at('2026-11-05'), 'hearings.move', { hearingId: h.id, date: '2026-11-27', startTime: '14:00', endTime: '16:00', roomId: ROOM2, reason: '被申请人申请延期' }));
    const again = unwrap<Proceedings>(await dispatchAsync(at('2026-11-06'), 'hearings.move', { hearingId: moved.hearings[1]!.id, date: '2026-11-30', startTime: '09:00', endTime: '11:00', roomId: ROOM1, reason: '仲裁员临时公务。' }));
    const current = again.documents.filter((d) => (d.kind === 'hearing_notice' || d.kind === 'postponement_notice') && !d.supersededBy);
    expect(current).toHaveLength(1);
    expect(current[0]).toMatchObject({ kind: 'postponement_notice', hearingId: again.hearings[2]!.id, version: 3 });
    const text = pdfText(Buffer.from(unwrap<DocumentFile>(dispatch(at('2026-11-06'), 'documents.file', { documentId: current[0]!.id, format: 'pdf' })).base64, 'base64')).replace(/\s+/g, '');
    expect(text).toMatch(/原定于(二〇二六年十一月二十七日|2026年11月27日)14:00/);
    expect(text).toContain('因仲裁员临时公务，根据');
    // 签发 on its own (no move) is refused with a clear message and stores nothing
    const before = again.documents.length;
    expect(await dispatchAsync(at('2026-11-06'), 'documents.issue', { caseId: c.id, kind: 'postponement_notice', issuedDate: '2026-11-06', hearingId: again.hearings[2]!.id })).toMatchObject({ ok: false, error: { message: expect.stringContaining('随开庭改期一并签发') } });
    expect(unwrap<Proceedings>(dispatch(at('2026-11-06'), 'cases.proceedings', { id: c.id })).documents).toHaveLength(before);
  });
});

describe('service of documents', () => {
  it('computes the service date by method (CPL Arts 87–95)', () => {
    expect(computeServiceDate({ method: 'post', sentDate: '2026-11-03', receiptDate: '2026-11-06' })).toMatchObject({ ok: true, servedDate: '2026-11-06' });
    expect(computeServiceDate({ method: 'post', sentDate: '2026-11-03' })).toMatchObject({ ok: false, field: 'receiptDate' });
    expect(computeServiceDate({ method: 'public_notice', sentDate: '2026-11-03' })).toMatchObject({ ok: true, servedDate: '2026-12-03' });
    expect(computeServiceDate({ method: 'electronic', sentDate: '2026-11-03', receiptDate: '2026-11-03' })).toMatchObject({ ok: false, field: 'consent' });
    expect(computeServiceDate({ method: 'left_at_premises', sentDate: '2026-11-03' })).toMatchObject({ ok: false, field: 'witnesses' });
    expect(computeServiceDate({ method: 'left_at_premises', sentDate: '2026-11-03', recorded: true })).toMatchObject({ ok: true, servedDate: '2026-11-03' });
    expect(computeServiceDate({ method: 'left_at_premises', sentDate: '2026-11-03', witnesses: '社区工作人员李某', specialLeaving: true })).toMatchObject({ ok: true, servedDate: '2026-11-06' });
  });

  it('serving the application copy on the respondent completes that deadline and starts its 10-working-day defence period', async () => {
    const c = accepted();
    const copy = unwrap<CaseDocument>(await dispatchAsync(at('2026-11-03'), 'documents.issue', { caseId: c.id, kind: 'application_copy', issuedDate: '2026-11-03' }));
    const served = unwrap<CaseDocument>(dispatch(at('2026-11-06'), 'documents.serve', { documentId: copy.id, partyId: c.respondents[0]!.id, method: 'post', sentDate: '2026-11-03', receiptDate: '2026-11-05' }));
    expect(served.services[0]).toMatchObject({ method: 'post', servedDate: '2026-11-05' });
    expect(served.unservedParties.map((p) => p.name)).toEqual(['张三', '李四']);
    const clock = unwrap<CaseClock>(dispatch(at('2026-11-06'), 'cases.clock', { id: c.id }));
    expect(clock.deadlines.find((d) => d.rule === 'serve-application')).toMatchObject({ state: 'done', doneDate: '2026-11-05', dueDate: '2026-11-09' });
    expect(clock.deadlines.find((d) => d.rule === 'defence')).toMatchObject({ label: '答辩期（成都信达电子有限公司）', from: '2026-11-05', dueDate: '2026-11-19', actor: 'party', state: 'open' });
  });

  it('a hearing notice is due 5 working days before the hearing and done when every party is served', async () => {
    const c = accepted();
    unwrap(dispatch(at('2026-11-02'), 'cases.compose', sole(c.id, arb1, clerk1)));
    const h = unwrap<Proceedings>(dispatch(at('2026-11-02'), 'hearings.schedule', { caseId: c.id, date: '2026-11-23', startTime: '09:00', endTime: '11:00', roomId: ROOM1 })).hearings[0]!;
    const n = unwrap<CaseDocument>(await dispatchAsync(at('2026-11-03'), 'documents.issue', { caseId: c.id, kind: 'hearing_notice', issuedDate: '2026-11-03', hearingId: h.id }));
    const parties = [...c.applicants, ...c.respondents];
    const notice = () => unwrap<CaseClock>(dispatch(at('2026-11-10'), 'cases.clock', { id: c.id })).deadlines.find((d) => d.rule === 'hearing-notice')!;
    expect(notice()).toMatchObject({ dueDate: '2026-11-16', state: 'open', direction: 'before' });
    for (const p of parties.slice(0, 2)) unwrap(dispatch(at('2026-11-10'), 'documents.serve', { documentId: n.id, partyId: p.id, method: 'direct', sentDate: '2026-11-04', receiptDate: '2026-11-04' }));
    expect(notice().todo).toContain('尚有 1 名当事人未送达');
    unwrap(dispatch(at('2026-11-10'), 'documents.serve', { documentId: n.id, partyId: parties[2]!.id, method: 'post', sentDate: '2026-11-04', receiptDate: '2026-11-07' }));
    expect(notice()).toMatchObject({ state: 'done', doneDate: '2026-11-07' });
  });
});

describe('court windows after the award is served (LDMAL Arts 48–50)', () => {
  it('gives each served party 15 days to sue, and the employer 30 days to apply to set aside a final award', async () => {
    const c = accepted();
    unwrap(dispatch(at('2026-11-02'), 'cases.compose', sole(c.id, arb1, clerk1)));
    await decideAndIssueSampleAward(at('2026-12-01', arb1), c, '2026-12-01');
    const award = unwrap<Proceedings>(dispatch(at('2026-12-01'), 'cases.proceedings', { id: c.id })).documents.find((d) => d.kind === 'award')!;
    unwrap(dispatch(at('2026-12-05'), 'documents.serve', { documentId: award.id, partyId: c.applicants[0]!.id, method: 'direct', sentDate: '2026-12-01', receiptDate: '2026-12-01' }));
    unwrap(dispatch(at('2026-12-05'), 'documents.serve', { documentId: award.id, partyId: c.respondents[0]!.id, method: 'post', sentDate: '2026-12-01', receiptDate: '2026-12-04' }));
    const rows = unwrap<CaseClock>(dispatch(at('2026-12-05'), 'cases.clock', { id: c.id })).deadlines.filter((d) => d.rule?.startsWith('court-'));
    expect(rows.map((d) => [d.label, d.dueDate, d.actor])).toEqual([
      ['起诉期（张三）', '2026-12-16', 'party'],
      ['起诉期（成都信达电子有限公司）', '2026-12-21', 'party'],
      ['申请撤销终局裁决（成都信达电子有限公司，仅终局裁决）', '2027-01-04', 'party'],
    ]);
    expect(rows[0]!.basis.join()).toContain('第五十条');
  });
});

describe('dashboard', () => {
  it('lists overdue, today and this week for the user\'s cases and for the whole commission, each with its basis', () => {
    const mine = accepted();
    unwrap(dispatch(at('2026-11-02'), 'cases.compose', sole(mine.id, arb1, clerk1)));
    const theirs = accepted();
    unwrap(dispatch(at('2026-11-02'), 'cases.compose', sole(theirs.id, arb2, clerk2)));
    const d = unwrap<Dashboard>(dispatch(at('2026-11-09', arb1), 'dashboard.get', { scope: 'mine' }));
    expect(d.today).toBe('2026-11-09');
    // Accepted 2 Nov: serving the application copy and the composition notice were due 9 Nov.
    expect(d.dueToday.map((i) => [i.caseId, i.deadline.rule])).toEqual([[mine.id, 'serve-application'], [mine.id, 'composition-notice']]);
    expect(d.dueToday[0]!.deadline.basis.join()).toContain('《劳动争议调解仲裁法》第三十条');
    const all = unwrap<Dashboard>(dispatch(at('2026-11-10', arb1), 'dashboard.get', { scope: 'all' }));
    expect(new Set(all.overdue.map((i) => i.caseId))).toEqual(new Set([mine.id, theirs.id]));
    expect(all.overdue.every((i) => i.deadline.actor === 'commission')).toBe(true);
    const late = unwrap<Dashboard>(dispatch(at('2026-12-18', arb1), 'dashboard.get', { scope: 'mine' }));
    expect(late.overdue.map((i) => i.deadline.rule)).toContain('award');
    expect(late.overdue.find((i) => i.deadline.rule === 'award')!.deadline.basis.join()).toContain('第四十三条');
  });

  it('shows today\'s hearings', () => {
    const c = accepted();
    unwrap(dispatch(at('2026-11-02'), 'cases.compose', sole(c.id, arb1, clerk1)));
    unwrap(dispatch(at('2026-11-02'), 'hearings.schedule', { caseId: c.id, date: '2026-11-20', startTime: '09:00', endTime: '11:00', roomId: ROOM1 }));
    expect(unwrap<Dashboard>(dispatch(at('2026-11-20', clerk1), 'dashboard.get', { scope: 'mine' })).hearingsToday.map((h) => h.caseId)).toEqual([c.id]);
    expect(unwrap<Dashboard>(dispatch(at('2026-11-20', clerk2), 'dashboard.get', { scope: 'mine' })).hearingsToday).toEqual([]);
  });
});
