import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AidApplicationView, CaseDetail, DocumentKindView, ConsultationView, MediationView, Outcomes, Proceedings, UserView } from '../../src/api';
import { dispatch, dispatchAsync } from '../../src/services';
import { mayIssueKind } from '../../src/domain';
import { type TestDb, openTestDb, unwrap } from '../helpers/db';
import { sampleDraft } from '../helpers/fixtures';
import { decideAndIssueSampleAward } from '../helpers/outcomes';

/**
 * Issue 12 item 1: each overreach found in the issue, as the real operation through the real dispatcher, and what
 * the right person may do instead. The tribunal of the case is arb1 (sole) with clerk1; arb2 is another arbitrator.
 */
let t: TestDb;
let arb: UserView;
let arb2: UserView;
let clerk: UserView;
let lawyer: UserView;
let window1: UserView;
let centre: UserView;
beforeEach(async () => {
  t = await openTestDb();
  arb = t.user('arb1', 'arbitrator');
  arb2 = t.user('arb2', 'arbitrator');
  clerk = t.user('clerk1', 'clerk');
  lawyer = t.user('lawyer1', 'lawyer');
  window1 = t.user('window1', 'window');
  centre = t.user('centre1', 'aid_centre');
});
afterEach(() => t.close());

const at = (day: string, user: UserView) => ({ ...t.ctx(user), now: () => new Date(`${day}T04:00:00Z`) });
function composedCase(): CaseDetail {
  const d = unwrap<CaseDetail>(dispatch(at('2026-11-02', clerk), 'cases.saveDraft', sampleDraft({ receivedDate: '2026-10-30' })));
  const c = unwrap<CaseDetail>(dispatch(at('2026-11-02', clerk), 'cases.accept', { id: d.id, acceptanceDate: '2026-11-02' }));
  unwrap(dispatch(at('2026-11-02', clerk), 'cases.compose', { id: c.id, mode: 'sole', presidingId: arb.id, memberIds: [], clerkId: clerk.id, composedDate: '2026-11-02' }));
  return c;
}
// each subject its own text: a 决定书 with the same printed text as a current one is refused as a duplicate
const decision = (subject: string) => ({ decision: { subject, cause: subject === 'correction' ? '裁决书笔误补正' : '申请人申请先予执行', facts: '申请人生活确有困难。', basisAndDecision: '依照《劳动争议调解仲裁法》第四十四条的规定，决定如下：被申请人先行支付工资。' } });
const FORBIDDEN = { ok: false, error: { code: 'FORBIDDEN' } };

describe('documents signed by the tribunal are issued by its arbitrators only', () => {
  it('a clerk cannot issue a 决定书 for 先予执行 or for 裁决书补正; another arbitrator cannot either; the tribunal can', async () => {
    const c = composedCase();
    for (const subject of ['provisional_execution', 'correction']) {
      const input = { caseId: c.id, kind: 'decision', issuedDate: '2026-11-10', payload: decision(subject) };
      expect(await dispatchAsync(at('2026-11-10', clerk), 'documents.issue', input), `clerk ${subject}`).toMatchObject(FORBIDDEN);
      expect(await dispatchAsync(at('2026-11-10', arb2), 'documents.issue', input), `arb2 ${subject}`).toMatchObject(FORBIDDEN);
      expect(await dispatchAsync(at('2026-11-10', arb), 'documents.issue', input), `arb1 ${subject}`).toMatchObject({ ok: true });
    }
  });

  it('a clerk cannot re-issue the award signed by the arbitrator as a new version under the clerk\'s name', async () => {
    const c = composedCase();
    await decideAndIssueSampleAward(at('2026-11-20', arb), c, '2026-11-20');
    const awardId = unwrap<Proceedings>(dispatch(at('2026-11-20', clerk), 'cases.proceedings', { id: c.id })).documents.find((d) => d.kind === 'award')!.id;
    const reissue = { documentId: awardId, reason: '笔误', issuedDate: '2026-11-21' };
    expect(await dispatchAsync(at('2026-11-21', clerk), 'documents.reissue', reissue)).toMatchObject(FORBIDDEN);
    expect(await dispatchAsync(at('2026-11-21', arb2), 'documents.reissue', reissue)).toMatchObject(FORBIDDEN);
    expect(await dispatchAsync(at('2026-11-21', arb), 'documents.reissue', reissue)).toMatchObject({ ok: true });
  });

  it('an arbitrator not on the tribunal cannot issue the award', async () => {
    const c = composedCase();
    await expect(decideAndIssueSampleAward(at('2026-11-20', arb2), c, '2026-11-20')).rejects.toThrow('只能由本案仲裁庭的仲裁员办理');
  });

  it('the clerk still issues procedural notices', async () => {
    const c = composedCase();
    expect(await dispatchAsync(at('2026-11-03', clerk), 'documents.issue', { caseId: c.id, kind: 'response_notice', issuedDate: '2026-11-03' })).toMatchObject({ ok: true });
  });
});

describe('the issue dialog offers each role only the kinds the service lets it issue (one rule: mayIssueKind)', () => {
  it('for the clerk and the tribunal arbitrator, every offered kind is not refused as forbidden, every withheld kind is', async () => {
    const c = composedCase();
    const kinds = unwrap<DocumentKindView[]>(dispatch(at('2026-11-03', clerk), 'documents.kinds', { id: c.id }));
    const offeredToClerk = kinds.filter((k) => mayIssueKind('clerk', k.code)).map((k) => k.code);
    expect(offeredToClerk).not.toContain('decision');
    expect(offeredToClerk).not.toContain('award');
    expect(offeredToClerk).not.toContain('mediation_statement');
    expect(offeredToClerk).toContain('response_notice');
    for (const user of [clerk, arb]) {
      for (const k of kinds.filter((x) => x.available)) {
        const payload = k.code === 'decision' ? decision('provisional_execution') : undefined;
        const r = await dispatchAsync(at('2026-11-03', user), 'documents.issue', { caseId: c.id, kind: k.code, issuedDate: '2026-11-03', ...(payload ? { payload } : {}) });
        const forbidden = !r.ok && r.error.code === 'FORBIDDEN';
        expect(forbidden, `${user.username} ${k.code}`).toBe(!mayIssueKind(user.role, k.code));
      }
    }
    for (const role of ['lawyer', 'window', 'aid_centre', 'admin'] as const) expect(kinds.filter((k) => mayIssueKind(role, k.code))).toEqual([]);
  });
});

describe('mediation within arbitration is the tribunal\'s', () => {
  it('a lawyer cannot open one on an accepted case, window staff cannot conclude it with a ¥0.01 agreement, the clerk cannot issue the 调解书', async () => {
    const c = composedCase();
    const input = { caseId: c.id, stage: 'in_arbitration', organisation: '仲裁庭', workerCount: 1, receivedDate: '2026-11-05' };
    expect(dispatch(at('2026-11-05', lawyer), 'mediation.create', input)).toMatchObject(FORBIDDEN);
    expect(dispatch(at('2026-11-05', clerk), 'mediation.create', input)).toMatchObject(FORBIDDEN);
    const m = unwrap<MediationView>(dispatch(at('2026-11-05', arb), 'mediation.create', input));
    const cent = { payer: '被申请人', payee: '申请人', subject: '工资', amountFen: 1, dueDate: null, method: '现金', instalments: [] };
    const conclude = { mediationId: m.id, outcome: 'success', outcomeDate: '2026-11-05', items: [cent] };
    expect(dispatch(at('2026-11-05', window1), 'mediation.conclude', conclude)).toMatchObject(FORBIDDEN);
    expect(dispatch(at('2026-11-05', lawyer), 'mediation.addSession', { mediationId: m.id, date: '2026-11-05', mediator: '某', attendees: '双方', notes: '调解' })).toMatchObject(FORBIDDEN);
    unwrap(dispatch(at('2026-11-05', arb), 'mediation.conclude', conclude));
    expect(await dispatchAsync(at('2026-11-06', clerk), 'mediation.issueStatement', { mediationId: m.id, issuedDate: '2026-11-06' })).toMatchObject(FORBIDDEN);
    expect(await dispatchAsync(at('2026-11-06', arb), 'mediation.issueStatement', { mediationId: m.id, issuedDate: '2026-11-06' })).toMatchObject({ ok: true });
    expect(unwrap<Outcomes>(dispatch(at('2026-11-06', clerk), 'cases.outcomes', { id: c.id })).mediations[0]!.statementId).not.toBeNull();
  });

  it('window staff still record a mediation before arbitration', () => {
    expect(dispatch(at('2026-11-05', window1), 'mediation.create', { stage: 'pre_arbitration', organisation: '园区调解委员会', applicantName: '张三', respondentName: '某公司', workerCount: 1, receivedDate: '2026-11-05' })).toMatchObject({ ok: true });
  });
});

describe('legal aid is decided by the legal-aid centre', () => {
  it('the administrator, the duty lawyer and window staff cannot decide or assign; the centre\'s staff can', () => {
    const c = unwrap<ConsultationView>(dispatch(at('2026-11-20', window1), 'consultations.create', {
      window: 'migrant', personName: '张伟', disputeType: 'wages', groupFlags: ['migrant_worker'], claims: [{ type: 'wages', amountFen: 1_250_000, text: '支付拖欠工资' }], summary: '欠薪',
    }));
    const aid = unwrap<AidApplicationView>(dispatch(at('2026-11-20', lawyer), 'aid.apply', { consultationId: c.id, matter: 'labour_remuneration', eligibility: 'exempt_check', receivedDate: '2026-11-20' }));
    const decide = { id: aid.id, decision: 'approved', decisionDate: '2026-11-21' };
    for (const u of [t.admin, lawyer, window1]) expect(dispatch(at('2026-11-21', u), 'aid.decide', decide), u.username).toMatchObject(FORBIDDEN);
    unwrap(dispatch(at('2026-11-21', centre), 'aid.decide', decide));
    const assign = { id: aid.id, lawyer: '王律师', firm: '四川蓉城律师事务所', assignedDate: '2026-11-22' };
    expect(dispatch(at('2026-11-22', t.admin), 'aid.assign', assign)).toMatchObject(FORBIDDEN);
    unwrap(dispatch(at('2026-11-22', centre), 'aid.assign', assign));
  });
});

describe('the administrator administers accounts and settings, not cases', () => {
  it('cannot read, file or manage cases or consultations, but keeps settings and the duty roster', () => {
    const c = composedCase();
    for (const [op, input] of [['cases.get', { id: c.id }], ['cases.list', {}], ['cases.saveDraft', sampleDraft()], ['dashboard.get', { scope: 'all' }], ['consultations.list', { date: '2026-11-20' }], ['conflicts.check', { personName: '张伟' }]] as const) {
      expect(dispatch(at('2026-11-20', t.admin), op, input), op).toMatchObject(FORBIDDEN);
    }
    expect(dispatch(at('2026-11-20', t.admin), 'settings.get', {})).toMatchObject({ ok: true });
    expect(dispatch(at('2026-11-20', t.admin), 'venues.list', {})).toMatchObject({ ok: true });
    expect(dispatch(at('2026-11-20', t.admin), 'duty.set', { date: '2026-11-20', lawyerId: lawyer.id, staffId: window1.id, lawFirm: '四川蓉城律师事务所' })).toMatchObject({ ok: true });
  });
});
