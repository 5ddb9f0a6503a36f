import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AidApplicationView, type CaseDetail, type CaseDocument, type CaseListPage, type ConsultationView, type Dashboard, type ExportFile, type Hearing,
  type MediationView, type OfficialDrill, type OperationName, type PersonalReadPage, type Result, type RevealedValue, type UserView, READ_OPERATIONS, operations,
} from '../../src/api';
import { ROLES, type Role, deny } from '../../src/domain';
import { dispatch, dispatchAsync } from '../../src/services';
import { CASE_DATA_ACTIONS, CASE_REFUSED_MESSAGE, CASE_SCOPE } from '../../src/services/case-access';
import { type TestDb, openTestDb, unwrap } from '../helpers/db';
import { COMMISSION_VENUE, IDS, sampleDraft } from '../helpers/fixtures';
import { validInputs } from '../helpers/valid-inputs';

/**
 * Issue 12 item 2, case visibility by role: lawyers and window staff read a case only where they are an agent, the
 * assigned legal-aid lawyer, or (while a draft) its registrar. Every operation open to them × every role, on a case the
 * lawyer acts in and one he does not, through the real dispatcher on a real database.
 *
 * Case A: lawyer1 is the agent of applicant 李四. Case B: nobody of the desk is linked. Case C: started from a
 * consultation whose legal aid the centre assigned to lawyer2. Draft D: registered by window1.
 */
let t: TestDb;
let arb: UserView, clerk: UserView, lawyer1: UserView, lawyer2: UserView, window1: UserView, centre: UserView;
interface Fixture { case: CaseDetail; doc: CaseDocument; mediation: MediationView }
let A: Fixture, B: Fixture, C: Fixture;
let draftD: CaseDetail;

const at = (day: string, user: UserView) => ({ ...t.ctx(user), now: () => new Date(`${day}T04:00:00Z`) });

async function acceptedCase(draft: ReturnType<typeof sampleDraft>, roomId: string, hearingDate: string): Promise<Fixture> {
  const d = unwrap<CaseDetail>(dispatch(at('2026-11-02', clerk), 'cases.saveDraft', draft));
  const c = unwrap<CaseDetail>(dispatch(at('2026-11-02', clerk), 'cases.accept', { id: d.id, acceptanceDate: '2026-11-02' }));
  unwrap(dispatch(at('2026-11-02', clerk), 'cases.compose', { id: c.id, mode: 'sole', presidingId: arb.id, memberIds: [], clerkId: clerk.id, composedDate: '2026-11-02' }));
  const doc = unwrap<CaseDocument>(await dispatchAsync(at('2026-11-02', clerk), 'documents.issue', { caseId: c.id, kind: 'acceptance_notice', issuedDate: '2026-11-02' }));
  unwrap(dispatch(at('2026-11-03', clerk), 'hearings.schedule', { caseId: c.id, date: hearingDate, startTime: '09:00', endTime: '11:00', roomId }));
  const mediation = unwrap<MediationView>(dispatch(at('2026-11-03', arb), 'mediation.create', { caseId: c.id, stage: 'in_arbitration', organisation: '仲裁庭', workerCount: 1, receivedDate: '2026-11-03' }));
  return { case: c, doc, mediation };
}

beforeAll(async () => {
  t = await openTestDb();
  arb = t.user('arb1', 'arbitrator');
  clerk = t.user('clerk1', 'clerk');
  lawyer1 = t.user('lawyer1', 'lawyer');
  lawyer2 = t.user('lawyer2', 'lawyer');
  window1 = t.user('window1', 'window');
  centre = t.user('centre1', 'aid_centre');
  const room = unwrap<{ id: string }>(dispatch(t.ctx(t.admin), 'rooms.create', { venueId: COMMISSION_VENUE, name: '第九仲裁庭' }));
  const base = sampleDraft({ receivedDate: '2026-10-30' });
  const linked = structuredClone(base);
  linked.applicants[1]!.agents = [{ name: 'lawyer1-name', kind: 'legal_aid_lawyer', organisation: '四川某律师事务所', userId: lawyer1.id }];
  A = await acceptedCase(linked, room.id, '2026-11-20');
  B = await acceptedCase(base, room.id, '2026-11-21');
  const consultation = unwrap<ConsultationView>(dispatch(at('2026-10-28', window1), 'consultations.create', {
    window: 'migrant', personName: '张三', disputeType: 'wages', groupFlags: ['migrant_worker'], claims: [{ type: 'wages', amountFen: 1_250_000, text: '支付拖欠工资' }], summary: '欠薪',
  }));
  const aid = unwrap<AidApplicationView>(dispatch(at('2026-10-28', window1), 'aid.apply', { consultationId: consultation.id, matter: 'labour_remuneration', eligibility: 'exempt_check', receivedDate: '2026-10-28' }));
  unwrap(dispatch(at('2026-10-29', centre), 'aid.decide', { id: aid.id, decision: 'approved', decisionDate: '2026-10-29' }));
  unwrap(dispatch(at('2026-10-29', centre), 'aid.assign', { id: aid.id, lawyer: 'lawyer2-name', firm: '四川蓉城律师事务所', assignedDate: '2026-10-29', lawyerUserId: lawyer2.id }));
  C = await acceptedCase(sampleDraft({ receivedDate: '2026-10-30', consultationId: consultation.id }), room.id, '2026-11-22');
  draftD = unwrap<CaseDetail>(dispatch(at('2026-11-02', window1), 'cases.saveDraft', sampleDraft({ receivedDate: '2026-11-01' })));
});
afterAll(() => t.close());

const isCaseRefusal = (r: Result<unknown>) => !r.ok && r.error.code === 'FORBIDDEN' && r.error.message === CASE_REFUSED_MESSAGE;
const checkedOps = () => (Object.keys(CASE_SCOPE) as OperationName[]).filter((n) => typeof CASE_SCOPE[n] === 'function');

/** The valid input of an operation, pointed at one case (its document, its mediation). */
function inputFor(name: OperationName, f: Fixture): Record<string, unknown> {
  const input = structuredClone(validInputs(f.case.id)[name]);
  if ('documentId' in input) input.documentId = f.doc.id;
  if ('documentIds' in input) input.documentIds = [f.doc.id];
  if ('mediationId' in input) input.mediationId = f.mediation.id;
  if (name === 'satisfaction.record') { delete input.consultationId; input.caseId = f.case.id; }
  if (name === 'survey.open') { delete input.consultationId; input.caseId = f.case.id; }
  if (name === 'review.get') input.id = f.mediation.id;
  if (name === 'mediation.create') input.stage = 'pre_arbitration';
  if (name === 'cases.saveDraft') input.id = f.case.id;
  if (name === 'personal.reveal') input.partyId = f.case.applicants[0]!.id;
  return input;
}

describe('which operations are checked', () => {
  it('every operation of case.read, case.draft or mediation.manage open to a lawyer or window staff is classified', () => {
    const open = (Object.keys(operations) as OperationName[]).filter((n) => {
      const s = operations[n];
      const action = 'action' in s ? s.action : undefined;
      return action && CASE_DATA_ACTIONS.includes(action) && (['lawyer', 'window'] as Role[]).some((r) => deny(r, action, { acceptanceReservedToArbitrators: false }) === null);
    });
    expect(open.filter((n) => !(n in CASE_SCOPE))).toEqual([]);
  });

  it('every read open to a lawyer or window staff outside that table carries no case\'s personal data (reviewed list)', () => {
    const reads = [...READ_OPERATIONS].filter((n) => {
      const s = operations[n];
      const action = 'action' in s ? s.action : undefined;
      return !(n in CASE_SCOPE) && (!action || deny('lawyer', action, { acceptanceReservedToArbitrators: false }) === null || deny('window', action, { acceptanceReservedToArbitrators: false }) === null);
    }).sort();
    // Reference data, the legal-aid desk's own records (consultations, aid, conflict check: item 2 keeps them open to the
    // desk), and the employer register (case numbers and statuses of an employer, no party's data).
    expect(reads).toEqual([
      'aid.document', 'aid.eligibility', 'audit.head', 'auth.logout', 'auth.me', 'blacklist.document', 'blacklist.export', 'blacklist.list',
      'bulletins.document', 'bulletins.get', 'bulletins.list', 'calculators.list', 'calculators.run', 'calendar.years', 'conflicts.check',
      'consultations.get', 'consultations.list', 'deadlines.compute', 'deadlines.rules', 'duty.candidates', 'duty.get', 'duty.list',
      'employers.get', 'employers.list', 'employers.towns', 'grades.visitsDue', 'inspections.figures', 'rooms.list', 'settings.get', 'setup.status',
      'supervision.dashboard', 'supervision.rules', 'survey.get', 'venues.list', 'warnings.list',
    ].sort());
  });
});

describe('every checked operation × every role, on a case the lawyer acts in and one he does not', () => {
  it('lawyer1 reaches case A only, lawyer2 case C only, window staff none of them; the commission\'s staff all three', async () => {
    const users: Record<string, UserView> = { arbitrator: arb, clerk, lawyer1, lawyer2, window: window1, aid_centre: centre, admin: t.admin };
    const readable: Record<string, Fixture[]> = { arbitrator: [A, B, C], clerk: [A, B, C], lawyer1: [A], lawyer2: [C], window: [], aid_centre: [A, B, C], admin: [A, B, C] };
    let cells = 0;
    for (const name of checkedOps()) {
      for (const [who, user] of Object.entries(users)) {
        for (const f of [A, B, C]) {
          const r = await dispatchAsync(at('2026-11-10', user), name, inputFor(name, f));
          const label = `${name} × ${who} × case ${f === A ? 'A' : f === B ? 'B' : 'C'}: ${r.ok ? 'ok' : `${r.error.code} ${r.error.message}`}`;
          // aid_centre and admin are refused by role before any case is looked at (their role reason, tested in permissions.test.ts)
          expect(isCaseRefusal(r), label).toBe(!readable[who]!.includes(f));
          cells++;
        }
      }
    }
    expect(cells).toBe(checkedOps().length * 7 * 3);
  });

  it('lists across the commission\'s cases without a need-to-know condition are refused to lawyers and window staff, open to the commission\'s staff', async () => {
    const staffOnly = (Object.keys(CASE_SCOPE) as OperationName[]).filter((n) => CASE_SCOPE[n] === 'staff');
    expect(staffOnly.length).toBeGreaterThan(0);
    for (const name of staffOnly) {
      for (const user of [lawyer1, window1]) {
        const r = await dispatchAsync(at('2026-11-10', user), name, inputFor(name, A));
        expect(isCaseRefusal(r), `${name} × ${user.role}`).toBe(true);
      }
      const r = await dispatchAsync(at('2026-11-10', clerk), name, inputFor(name, A));
      expect(isCaseRefusal(r), `${name} × clerk`).toBe(false);
    }
  });

  it('related cases list only the cases the reader may read: the agent sees none of the others, the clerk sees them', () => {
    const forClerk = unwrap<{ total: number; items: { caseId: string }[] }>(dispatch(at('2026-11-10', clerk), 'cases.related', { id: A.case.id }));
    expect(forClerk.items.map((r) => r.caseId)).toContain(B.case.id);
    const forLawyer = unwrap<{ total: number; items: { caseId: string }[] }>(dispatch(at('2026-11-10', lawyer1), 'cases.related', { id: A.case.id }));
    expect(forLawyer.items.map((r) => r.caseId)).not.toContain(B.case.id);
    expect(forLawyer.total).toBe(forLawyer.items.length);
  });

  it('the mediation list: the desk\'s own mediations and those of readable cases only', () => {
    const ids = (user: UserView) => unwrap<{ items: { id: string }[] }>(dispatch(at('2026-11-10', user), 'mediations.list', { from: '2026-01-01', to: '2026-12-31', limit: 100, offset: 0 })).items.map((m) => m.id);
    expect(ids(clerk)).toEqual(expect.arrayContaining([A.mediation.id, B.mediation.id, C.mediation.id]));
    expect(ids(lawyer1)).toContain(A.mediation.id);
    expect(ids(lawyer1)).not.toContain(B.mediation.id);
    expect(ids(window1)).not.toContain(A.mediation.id);
  });

  it('a refusal says nothing about the case: an unknown id and case number get the same answer as a real one', () => {
    const refused = { ok: false, error: { code: 'FORBIDDEN', message: CASE_REFUSED_MESSAGE } };
    expect(dispatch(t.ctx(lawyer1), 'cases.get', { id: B.case.id })).toEqual(refused);
    expect(dispatch(t.ctx(lawyer1), 'cases.get', { id: 'f'.repeat(32) })).toEqual(refused);
    expect(dispatch(t.ctx(lawyer1), 'cases.get', { caseNumber: B.case.caseNumber! })).toEqual(refused);
    expect(dispatch(t.ctx(lawyer1), 'cases.get', { caseNumber: '不存在的案号' })).toEqual(refused);
    expect(CASE_REFUSED_MESSAGE).not.toMatch(/[A-Za-z]/);
    expect(unwrap<CaseDetail>(dispatch(t.ctx(lawyer1), 'cases.get', { caseNumber: A.case.caseNumber! })).id).toBe(A.case.id);
  });

  it('window staff read the application they registered while it is a draft, and not after acceptance', () => {
    expect(unwrap<CaseDetail>(dispatch(t.ctx(window1), 'cases.get', { id: draftD.id })).id).toBe(draftD.id);
    expect(isCaseRefusal(dispatch(t.ctx(lawyer1), 'cases.get', { id: draftD.id }))).toBe(true);
    expect(unwrap<CaseListPage>(dispatch(t.ctx(window1), 'cases.list', {})).items.map((c) => c.id)).toEqual([draftD.id]);
  });

  it('an agent or assigned lawyer must be an active lawyer\'s account', () => {
    const draft = sampleDraft({ receivedDate: '2026-10-30' });
    draft.applicants[1]!.agents = [{ name: '某人', kind: 'legal_aid_lawyer', userId: clerk.id }];
    expect(dispatch(at('2026-11-02', clerk), 'cases.saveDraft', draft)).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: '所选账号不是在用的律师账号，请重新选择' } });
  });
});

describe('lists are filtered by the same condition', () => {
  const ids = (xs: { id?: string; caseId?: string }[]) => [...new Set(xs.map((x) => x.caseId ?? x.id))].sort();
  const sorted = (...fs: (Fixture | CaseDetail)[]) => fs.map((f) => ('case' in f ? f.case.id : f.id)).sort();

  it('cases.list and cases.export', async () => {
    expect(ids(unwrap<CaseListPage>(dispatch(t.ctx(lawyer1), 'cases.list', {})).items)).toEqual(sorted(A));
    expect(ids(unwrap<CaseListPage>(dispatch(t.ctx(lawyer2), 'cases.list', { query: '张三' })).items)).toEqual(sorted(C));
    expect(unwrap<CaseListPage>(dispatch(t.ctx(lawyer1), 'cases.list', {})).total).toBe(1);
    expect(ids(unwrap<CaseListPage>(dispatch(t.ctx(clerk), 'cases.list', {})).items)).toEqual(sorted(A, B, C, draftD));
    expect(unwrap<ExportFile>(await dispatchAsync(t.ctx(lawyer1), 'cases.export', { columns: ['caseNumber'] })).rows).toBe(1);
    expect(unwrap<ExportFile>(await dispatchAsync(t.ctx(clerk), 'cases.export', { columns: ['caseNumber'] })).rows).toBe(4);
  });

  it('hearings.list and the dashboard', () => {
    const hearings = (u: UserView) => ids(unwrap<Hearing[]>(dispatch(t.ctx(u), 'hearings.list', { from: '2026-11-01', to: '2026-11-30' })));
    expect(hearings(lawyer1)).toEqual(sorted(A));
    expect(hearings(window1)).toEqual([]);
    expect(hearings(clerk)).toEqual(sorted(A, B, C));
    // Far enough ahead that every accepted case's award deadline is overdue.
    const dash = (u: UserView) => unwrap<Dashboard>(dispatch(at('2027-06-01', u), 'dashboard.get', { scope: 'all', pageSize: 100 }));
    expect(ids(dash(lawyer1).overdue)).toEqual(sorted(A));
    expect(dash(lawyer1).counts.overdue).toBe(dash(lawyer1).overdue.length);
    expect(ids(dash(clerk).overdue)).toEqual(sorted(A, B, C, draftD)); // the draft's acceptance period too
    const today = (u: UserView) => ids(unwrap<Dashboard>(dispatch(at('2026-11-21', u), 'dashboard.get', { scope: 'all' })).hearingsToday);
    expect(today(lawyer1)).toEqual([]);
    expect(today(clerk)).toEqual(sorted(B));
  });

  it('statistics: the figures stay the commission\'s, the drill-down lists only readable cases', () => {
    const drill = (u: UserView) => unwrap<OfficialDrill>(dispatch(t.ctx(u), 'stats.drill', { from: '2026-01-01', to: '2026-12-31', key: 'accepted' })).cases.map((c) => c.caseId).sort();
    expect(drill(lawyer2)).toEqual(sorted(C));
    expect(drill(window1)).toEqual([]);
    expect(drill(arb)).toEqual(sorted(A, B, C));
  });
});

describe('显示完整: masked by default, one field on request, logged without the value', () => {
  const zhangSan = (c: CaseDetail) => c.applicants.find((p) => p.name === '张三')!;

  it('case reads mask ID numbers and phones for every role; a draft is answered as typed', () => {
    for (const u of [arb, clerk, lawyer1]) {
      const c = unwrap<CaseDetail>(dispatch(t.ctx(u), 'cases.get', { id: A.case.id }));
      const p = zhangSan(c);
      expect(c.personalMasked).toBe(true);
      expect(p.kind === 'person' && p.idNumber).toBe('110105********002X');
      expect(p.phone).toBe('138****0000');
    }
    const d = unwrap<CaseDetail>(dispatch(t.ctx(window1), 'cases.get', { id: draftD.id }));
    expect(zhangSan(d).kind === 'person' && (zhangSan(d) as { idNumber?: string }).idNumber).toBe(IDS.zhangSan);
  });

  it('a clerk reveals one field with a reason; the read log says who, whose, which field and when, never the value', () => {
    const party = zhangSan(unwrap<CaseDetail>(dispatch(t.ctx(clerk), 'cases.get', { id: A.case.id })));
    expect(dispatch(t.ctx(clerk), 'personal.reveal', { partyId: party.id, field: 'idNumber', reason: '' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: '请填写查阅理由' } });
    expect(unwrap<RevealedValue>(dispatch(at('2026-11-11', clerk), 'personal.reveal', { partyId: party.id, field: 'idNumber', reason: '核对身份' })).value).toBe(IDS.zhangSan);
    expect(unwrap<RevealedValue>(dispatch(at('2026-11-12', lawyer1), 'personal.reveal', { partyId: party.id, field: 'phone', reason: '联系当事人' })).value).toBe('13800000000');
    const otherParty = zhangSan(unwrap<CaseDetail>(dispatch(t.ctx(clerk), 'cases.get', { id: B.case.id })));
    expect(isCaseRefusal(dispatch(t.ctx(lawyer1), 'personal.reveal', { partyId: otherParty.id, field: 'idNumber', reason: '看看' }))).toBe(true);
    expect(dispatch(t.ctx(centre), 'personal.reveal', { partyId: party.id, field: 'idNumber', reason: '看看' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(dispatch(t.ctx(t.admin), 'personal.reveal', { partyId: party.id, field: 'idNumber', reason: '看看' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    // (the matrix above revealed on 11-10; these two are on 11-11 and 11-12)
    const log = unwrap<PersonalReadPage>(dispatch(t.ctx(t.admin), 'personal.readLog', { from: '2026-11-11' }));
    expect(log.total).toBe(2);
    expect(log.items.map((e) => [e.userName, e.subjectName, e.field, e.caseNumber, e.reason])).toEqual([
      ['lawyer1-name', '张三', 'phone', A.case.caseNumber, '联系当事人'],
      ['clerk1-name', '张三', 'idNumber', A.case.caseNumber, '核对身份'],
    ]);
    expect(unwrap<PersonalReadPage>(dispatch(t.ctx(t.admin), 'personal.readLog', { userId: clerk.id, from: '2026-11-11' })).items.map((e) => e.userName)).toEqual(['clerk1-name']);
    // Beijing-time days (the reads were at 12:00 Beijing time)
    expect(unwrap<PersonalReadPage>(dispatch(t.ctx(t.admin), 'personal.readLog', { from: '2026-11-12', to: '2026-11-12' })).items.map((e) => e.userName)).toEqual(['lawyer1-name']);
    expect(dispatch(t.ctx(clerk), 'personal.readLog', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    // Neither the log nor the audit chain holds the values read.
    const dump = JSON.stringify([t.db.prepare('SELECT * FROM personal_reads').all(), t.db.prepare("SELECT * FROM audit_log WHERE action = 'personal.reveal'").all()]);
    expect(dump).not.toContain(IDS.zhangSan);
    expect(dump).not.toContain('13800000000');
    expect((t.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'personal.reveal'").get() as { n: number }).n).toBe((t.db.prepare('SELECT count(*) AS n FROM personal_reads').get() as { n: number }).n);
    expect(() => t.db.prepare("UPDATE personal_reads SET reason = 'x'").run()).toThrow(/append-only/);
    expect(() => t.db.prepare('DELETE FROM personal_reads').run()).toThrow(/append-only/);
  });
});
