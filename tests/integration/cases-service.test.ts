import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaseDetail, CaseListPage, RelatedCasesPage } from '../../src/api';
import { dispatch } from '../../src/services';
import { type TestDb, openTestDb, unwrap } from '../helpers/db';
import { CREDIT, IDS, sampleDraft } from '../helpers/fixtures';

let t: TestDb;
beforeEach(async () => { t = await openTestDb(); });
afterEach(() => t.close());

describe('filing: draft, acceptance, non-acceptance', () => {
  it('saves a draft with 2 applicants and 3 claims, accepts it with the first number of the year, and records the timeline', () => {
    const clerk = t.user('clerk1', 'clerk');
    const ctx = t.ctx(clerk);
    const draft = unwrap<CaseDetail>(dispatch(ctx, 'cases.saveDraft', sampleDraft()));
    expect(draft.status).toBe('draft');
    expect(draft.applicants.map((p) => p.name)).toEqual(['张三', '李四']);
    expect(draft.claims.map((c) => c.amountFen)).toEqual([1_250_000, 900_000, null]);
    expect(draft.applicants[1]!.agents[0]).toMatchObject({ name: '王律师', kind: 'legal_aid_lawyer' });
    const accepted = unwrap<CaseDetail>(dispatch(ctx, 'cases.accept', { id: draft.id, acceptanceDate: '2026-11-23' }));
    expect(accepted.caseNumber).toBe('温劳人仲案字〔2026〕第1号');
    expect(accepted.acceptanceDate).toBe('2026-11-23');
    expect(accepted.receivedDate).toBe('2026-11-20');
    expect(accepted.timeline.map((e) => [e.kind, e.actorName])).toEqual([['draft.created', 'clerk1-name'], ['accepted', 'clerk1-name']]);
    expect(accepted.updatedBy).toBe('clerk1-name');
    const again = dispatch(ctx, 'cases.accept', { id: draft.id, acceptanceDate: '2026-11-23' });
    expect(again).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
    const edit = dispatch(ctx, 'cases.saveDraft', { ...sampleDraft(), id: draft.id });
    expect(edit).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
  });

  it('numbers each year from 1 and restarts in a new year', () => {
    const ctx = { ...t.ctx(t.user('arb', 'arbitrator')), now: () => new Date('2027-02-01T02:00:00Z') };
    const accept = (date: string) => {
      const d = unwrap<CaseDetail>(dispatch(ctx, 'cases.saveDraft', sampleDraft({ receivedDate: '2026-01-01' })));
      return unwrap<CaseDetail>(dispatch(ctx, 'cases.accept', { id: d.id, acceptanceDate: date })).caseNumber;
    };
    expect([accept('2026-03-01'), accept('2026-05-01'), accept('2027-01-04')]).toEqual([
      '温劳人仲案字〔2026〕第1号', '温劳人仲案字〔2026〕第2号', '温劳人仲案字〔2027〕第1号',
    ]);
  });

  it('uses the commission pattern from settings', () => {
    unwrap(dispatch(t.ctx(t.admin), 'settings.update', { caseNumberPattern: '成温劳人仲案〔{year}〕{n}号' }));
    const ctx = t.ctx(t.user('arb', 'arbitrator'));
    const d = unwrap<CaseDetail>(dispatch(ctx, 'cases.saveDraft', sampleDraft()));
    expect(unwrap<CaseDetail>(dispatch(ctx, 'cases.accept', { id: d.id, acceptanceDate: '2026-11-21' })).caseNumber).toBe('成温劳人仲案〔2026〕1号');
  });

  it('refuses acceptance before the receipt date, and acceptance of a worker without an ID number (Rules Art 29)', () => {
    const ctx = t.ctx(t.user('arb', 'arbitrator'));
    const d = unwrap<CaseDetail>(dispatch(ctx, 'cases.saveDraft', sampleDraft()));
    expect(dispatch(ctx, 'cases.accept', { id: d.id, acceptanceDate: '2026-11-19' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: 'acceptanceDate' }] } });
    const noId = unwrap<CaseDetail>(dispatch(ctx, 'cases.saveDraft', sampleDraft({ applicants: [{ kind: 'person', name: '赵六' }] })));
    const r = dispatch(ctx, 'cases.accept', { id: noId.id, acceptanceDate: '2026-11-21' });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: 'applicants.0.idNumber' }] } });
    if (!r.ok) expect(r.error.message).toContain('第二十九条');
    // Nothing was numbered by the refused attempts.
    expect(t.db.prepare('SELECT count(*) AS n FROM case_number_seq').get()).toEqual({ n: 0 });
  });

  it('refuses receipt, acceptance and decision dates after today (Shanghai), writing nothing', () => {
    const ctx = { ...t.ctx(t.user('arb', 'arbitrator')), now: () => new Date('2026-11-28T03:00:00Z') };
    expect(dispatch(ctx, 'cases.saveDraft', sampleDraft({ receivedDate: '2026-11-29' }))).toMatchObject({
      ok: false, error: { code: 'VALIDATION', message: '收件日期（2026-11-29）不能晚于今天（2026-11-28）', issues: [{ path: 'receivedDate' }] },
    });
    const d = unwrap<CaseDetail>(dispatch(ctx, 'cases.saveDraft', sampleDraft()));
    expect(dispatch(ctx, 'cases.accept', { id: d.id, acceptanceDate: '2026-12-01' })).toMatchObject({ ok: false, error: { issues: [{ path: 'acceptanceDate' }] } });
    expect(dispatch(ctx, 'cases.notAccept', { id: d.id, decisionDate: '2026-12-01', reasonCode: 'other', reasonText: 'x' })).toMatchObject({ ok: false, error: { issues: [{ path: 'decisionDate' }] } });
    expect(unwrap<CaseDetail>(dispatch(ctx, 'cases.get', { id: d.id })).status).toBe('draft');
    expect(t.db.prepare('SELECT count(*) AS n FROM cases').get()).toEqual({ n: 1 });
  });

  it('records a non-acceptance with its reason, its basis and the text', () => {
    const ctx = t.ctx(t.user('arb', 'arbitrator'));
    const d = unwrap<CaseDetail>(dispatch(ctx, 'cases.saveDraft', sampleDraft()));
    const r = unwrap<CaseDetail>(dispatch(ctx, 'cases.notAccept', { id: d.id, decisionDate: '2026-11-24', reasonCode: 'out_of_scope', reasonText: '承揽关系' }));
    expect(r.status).toBe('not_accepted');
    expect(r.caseNumber).toBeNull();
    expect(r.nonAcceptance).toMatchObject({ reasonCode: 'out_of_scope', reasonText: '承揽关系' });
    expect(r.nonAcceptance!.basis).toContain('第二条');
    expect(r.timeline.at(-1)!.summary).toContain('不予受理');
  });

  it('gives the same Chinese messages for a wrong ID number and credit code as the domain check, with the field path', () => {
    const ctx = t.ctx(t.user('clerk1', 'clerk'));
    const r = dispatch(ctx, 'cases.saveDraft', sampleDraft({
      applicants: [{ kind: 'person', name: '张三', idNumber: '110105194912310021' }],
      respondents: [{ kind: 'org', name: '某公司', creditCode: '91350100M000100Y44' }],
    }));
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: '居民身份证号码校验位错误，请核对（GB 11643）' } });
    if (!r.ok) {
      expect(r.error.issues).toEqual([
        { path: 'applicants.0.idNumber', message: '居民身份证号码校验位错误，请核对（GB 11643）' },
        { path: 'respondents.0.creditCode', message: '统一社会信用代码校验位错误，请核对（GB 32100）' },
      ]);
    }
    expect(t.db.prepare('SELECT count(*) AS n FROM cases').get()).toEqual({ n: 0 });
  });

  it('checks a collective case has 10 or more workers (LDMAL Art 7) and at most 5 representatives (Rules Art 63)', () => {
    const ctx = t.ctx(t.user('clerk1', 'clerk'));
    const r = dispatch(ctx, 'cases.saveDraft', sampleDraft({ collective: true }));
    expect(r).toMatchObject({ ok: false, error: { issues: [{ path: 'workerCount' }] } });
    if (!r.ok) expect(r.error.message).toContain('第七条');
    expect(dispatch(ctx, 'cases.saveDraft', sampleDraft({ collective: true, workerCount: 36 })).ok).toBe(true);
  });
});

describe('limitation check at filing (LDMAL Art 27)', () => {
  it('warns with its basis when a claim looks out of time, and still allows acceptance', () => {
    const ctx = t.ctx(t.user('arb', 'arbitrator'));
    const claims = [
      { type: 'economic_compensation' as const, amountFen: 900_000, text: '经济补偿', limitation: { knewDate: '2025-03-04' } },
      { type: 'wages' as const, amountFen: 100_000, text: '工资', limitation: { wageArrearsDuringEmployment: true } },
      { type: 'wages' as const, amountFen: 100_000, text: '离职前工资', limitation: { wageArrearsDuringEmployment: true, employmentEndDate: '2026-05-10', knewDate: '2026-01-01' } },
      { type: 'overtime' as const, amountFen: 50_000, text: '加班费' },
    ];
    const d = unwrap<CaseDetail>(dispatch(ctx, 'cases.saveDraft', sampleDraft({ claims })));
    const checks = d.claims.map((c) => c.limitationCheck);
    expect(checks[0]).toMatchObject({ expiry: '2026-03-04', expired: true });
    expect(checks[0]!.basis.join()).toContain('第二十七条第一款');
    expect(checks[1]).toMatchObject({ expiry: null, expired: false });
    expect(checks[2]).toMatchObject({ expiry: '2027-05-10', expired: false, provisional: true });
    expect(checks[3]).toBeNull();
    expect(d.claims[0]!.limitation).toEqual({ knewDate: '2025-03-04', wageArrearsDuringEmployment: false, interruptions: [], suspensions: [] });
    expect(unwrap<CaseDetail>(dispatch(ctx, 'cases.accept', { id: d.id, acceptanceDate: '2026-11-21' })).status).toBe('accepted');
  });

  it('asks for the date the worker knew, unless the claim is wages unpaid during employment', () => {
    const r = dispatch(t.ctx(t.user('clerk1', 'clerk')), 'cases.saveDraft', sampleDraft({ claims: [{ type: 'wages', amountFen: 1, text: '工资', limitation: { interruptions: ['2026-01-05'] } }] }));
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: 'claims.0.limitation.knewDate', message: '请填写知道或应当知道权利被侵害之日' }] } });
  });
});

describe('permissions are enforced by the service', () => {
  it('a clerk cannot accept when the commission reserves acceptance to arbitrators; an arbitrator can', () => {
    unwrap(dispatch(t.ctx(t.admin), 'settings.update', { acceptanceReservedToArbitrators: true }));
    const clerk = t.ctx(t.user('clerk1', 'clerk'));
    const d = unwrap<CaseDetail>(dispatch(clerk, 'cases.saveDraft', sampleDraft()));
    const r = dispatch(clerk, 'cases.accept', { id: d.id, acceptanceDate: '2026-11-21' });
    expect(r).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: '本委设置为仅仲裁员可作出受理或不予受理决定' } });
    expect(dispatch(clerk, 'cases.notAccept', { id: d.id, decisionDate: '2026-11-21', reasonCode: 'other', reasonText: 'x' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(unwrap<CaseDetail>(dispatch(clerk, 'cases.get', { id: d.id })).status).toBe('draft');
    const arb = t.ctx(t.user('arb1', 'arbitrator'));
    expect(unwrap<CaseDetail>(dispatch(arb, 'cases.accept', { id: d.id, acceptanceDate: '2026-11-21' })).status).toBe('accepted');
  });

  it('a clerk can accept when the setting is off (the default)', () => {
    const clerk = t.ctx(t.user('clerk1', 'clerk'));
    const d = unwrap<CaseDetail>(dispatch(clerk, 'cases.saveDraft', sampleDraft()));
    expect(dispatch(clerk, 'cases.accept', { id: d.id, acceptanceDate: '2026-11-21' }).ok).toBe(true);
  });

  it('lawyers and window staff may draft but never accept; the administrator manages users but files no cases', () => {
    const lawyer = t.ctx(t.user('lawyer1', 'lawyer'));
    const d = unwrap<CaseDetail>(dispatch(lawyer, 'cases.saveDraft', sampleDraft()));
    expect(dispatch(lawyer, 'cases.accept', { id: d.id, acceptanceDate: '2026-11-21' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(dispatch(t.ctx(t.user('win1', 'window')), 'cases.accept', { id: d.id, acceptanceDate: '2026-11-21' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(dispatch(t.ctx(t.admin), 'cases.saveDraft', sampleDraft())).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(dispatch(lawyer, 'users.create', { username: 'x12', displayName: 'x', role: 'admin', password: 'password-1' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(dispatch(lawyer, 'settings.update', { acceptanceReservedToArbitrators: false })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('requires a login, and a disabled account loses access on its next call', () => {
    expect(dispatch(t.ctx(null), 'cases.list', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    const clerk = t.user('clerk1', 'clerk');
    const ctx = t.ctx(clerk);
    expect(dispatch(ctx, 'cases.list', {}).ok).toBe(true);
    unwrap(dispatch(t.ctx(t.admin), 'users.setActive', { id: clerk.id, active: false }));
    // The start-up check ("who is logged in?") must not show a disabled account as logged in either.
    expect(dispatch(t.ctx(clerk), 'auth.me', {})).toEqual({ ok: true, value: null });
    expect(dispatch(ctx, 'cases.list', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(dispatch(ctx, 'auth.me', {})).toEqual({ ok: true, value: null });
    // A disabled account gets the same answer as a wrong password (issue 12 item 3).
    expect(dispatch(t.ctx(null), 'auth.login', { username: 'clerk1', password: 'password-1' })).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED', message: '用户名或密码错误' } });
  });

  it('logs in with the right password only, with one message for both wrong cases, and stores only a scrypt hash', () => {
    t.user('clerk1', 'clerk');
    const s = t.ctx(null);
    expect(dispatch(s, 'auth.login', { username: 'clerk1', password: 'wrong-pass' })).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED', message: '用户名或密码错误' } });
    expect(dispatch(s, 'auth.login', { username: 'nobody', password: 'password-1' })).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED', message: '用户名或密码错误' } });
    expect(unwrap<{ username: string }>(dispatch(s, 'auth.login', { username: 'clerk1', password: 'password-1' })).username).toBe('clerk1');
    const row = t.db.prepare("SELECT password_hash FROM users WHERE username = 'clerk1'").get() as { password_hash: string };
    expect(row.password_hash).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(row.password_hash).not.toContain('password-1');
  });

  it('refuses a second first-start administrator', () => {
    expect(dispatch(t.ctx(null), 'setup.createAdmin', { username: 'admin2', displayName: 'x', role: 'admin', password: 'password-1' })).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
  });

  it('records who changed settings in the audit log', () => {
    unwrap(dispatch(t.ctx(t.admin), 'settings.update', { commissionName: '某仲裁委员会' }));
    const row = t.db.prepare("SELECT actor_name, action FROM audit_log WHERE action = 'settings.update'").get();
    expect(row).toEqual({ actor_name: '管理员', action: 'settings.update' });
  });
});

describe('finding cases again', () => {
  it('searches by applicant name, full ID number, employer and case number, and masks ID numbers in the list', () => {
    const ctx = t.ctx(t.user('clerk1', 'clerk'));
    const a = unwrap<CaseDetail>(dispatch(ctx, 'cases.saveDraft', sampleDraft()));
    const accepted = unwrap<CaseDetail>(dispatch(ctx, 'cases.accept', { id: a.id, acceptanceDate: '2026-11-21' }));
    unwrap(dispatch(ctx, 'cases.saveDraft', sampleDraft({
      applicants: [{ kind: 'person', name: '王五', idNumber: IDS.wangWu }],
      respondents: [{ kind: 'org', name: '成都另一家公司' }],
    })));
    const find = (q: string) => unwrap<CaseListPage>(dispatch(ctx, 'cases.list', { query: q })).items.map((i) => i.applicantNames[0]);
    expect(find('李四')).toEqual(['张三']);
    expect(find(IDS.zhangSan)).toEqual(['张三']);
    expect(find('11010519491231002x')).toEqual(['张三']);
    expect(find('信达电子')).toEqual(['张三']);
    expect(find('另一家')).toEqual(['王五']);
    expect(find(accepted.caseNumber!)).toEqual(['张三']);
    expect(find('第1号')).toEqual(['张三']);
    expect(find('%')).toEqual([]);
    const list = unwrap<CaseListPage>(dispatch(ctx, 'cases.list', {}));
    expect(list.total).toBe(2);
    expect(JSON.stringify(list)).not.toContain(IDS.zhangSan);
    expect(list.items.find((i) => i.applicantNames[0] === '张三')!.applicantIdsMasked[0]).toBe('110105********002X');
    expect(unwrap<CaseListPage>(dispatch(ctx, 'cases.list', { status: 'draft' })).items.map((i) => i.applicantNames[0])).toEqual(['王五']);
  });

  it('finds a case by its case number', () => {
    const ctx = t.ctx(t.user('clerk1', 'clerk'));
    const d = unwrap<CaseDetail>(dispatch(ctx, 'cases.saveDraft', sampleDraft()));
    unwrap(dispatch(ctx, 'cases.accept', { id: d.id, acceptanceDate: '2026-11-21' }));
    expect(unwrap<CaseDetail>(dispatch(ctx, 'cases.get', { caseNumber: '温劳人仲案字〔2026〕第1号' })).id).toBe(d.id);
    expect(dispatch(ctx, 'cases.get', { caseNumber: '温劳人仲案字〔2026〕第9号' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('flags related cases: same ID number (even under another name), same credit code, same name at the same employer', () => {
    const ctx = t.ctx(t.user('clerk1', 'clerk'));
    const first = unwrap<CaseDetail>(dispatch(ctx, 'cases.saveDraft', sampleDraft()));
    unwrap(dispatch(ctx, 'cases.accept', { id: first.id, acceptanceDate: '2026-11-21' }));
    const sameId = unwrap<CaseDetail>(dispatch(ctx, 'cases.saveDraft', sampleDraft({
      applicants: [{ kind: 'person', name: '张叁', idNumber: IDS.zhangSan }], respondents: [{ kind: 'org', name: '无关公司' }],
    })));
    const rel = unwrap<RelatedCasesPage>(dispatch(ctx, 'cases.related', { id: sameId.id })).items;
    expect(rel).toHaveLength(1);
    expect(rel[0]!.caseNumber).toBe('温劳人仲案字〔2026〕第1号');
    expect(rel[0]!.reasons.join()).toContain('登记为“张三”');

    const sameNameSameEmployer = unwrap<CaseDetail>(dispatch(ctx, 'cases.saveDraft', sampleDraft({
      applicants: [{ kind: 'person', name: '李四' }], respondents: [{ kind: 'org', name: '成都信达电子有限公司' }],
    })));
    const rel2 = unwrap<RelatedCasesPage>(dispatch(ctx, 'cases.related', { id: sameNameSameEmployer.id })).items;
    expect(rel2.map((r) => r.caseId)).toContain(first.id);
    expect(rel2.find((r) => r.caseId === first.id)!.reasons).toContain('申请人李四与同一用人单位成都信达电子有限公司');

    const unrelated = unwrap<CaseDetail>(dispatch(ctx, 'cases.saveDraft', sampleDraft({
      applicants: [{ kind: 'person', name: '李四', idNumber: IDS.zhaoLiu }], respondents: [{ kind: 'org', name: '别的公司' }],
    })));
    expect(unwrap<RelatedCasesPage>(dispatch(ctx, 'cases.related', { id: unrelated.id })).items.filter((r) => r.caseId === first.id)).toEqual([]);
    const byCode = unwrap<CaseDetail>(dispatch(ctx, 'cases.saveDraft', sampleDraft({
      applicants: [{ kind: 'person', name: '钱七' }], respondents: [{ kind: 'org', name: '信达（改名后）', creditCode: CREDIT.xinda }],
    })));
    expect(unwrap<RelatedCasesPage>(dispatch(ctx, 'cases.related', { id: byCode.id })).items.find((r) => r.caseId === first.id)!.reasons.join()).toContain('统一社会信用代码相同');
  });

  it('pages the related cases in SQL: the count of all of them, open cases first and newest received first, one page at a time (issue 13)', () => {
    const ctx = t.ctx(t.user('clerk1', 'clerk'));
    const file = (day: string, name: string) => unwrap<CaseDetail>(dispatch(ctx, 'cases.saveDraft', sampleDraft({
      receivedDate: day, applicants: [{ ...sampleDraft().applicants[0]!, name }], respondents: [{ kind: 'org', name: '成都信达电子有限公司', creditCode: CREDIT.xinda }],
    })));
    const drafts = Array.from({ length: 12 }, (_, i) => file(`2026-11-${String(5 + i).padStart(2, '0')}`, `工人${i}`));
    // three accepted (open cases first), one discarded (never related)
    for (const d of drafts.slice(0, 3)) unwrap(dispatch(ctx, 'cases.accept', { id: d.id, acceptanceDate: '2026-11-21' }));
    unwrap(dispatch(ctx, 'cases.discardDraft', { id: drafts[3]!.id }));
    const self = unwrap<CaseDetail>(dispatch(ctx, 'cases.saveDraft', sampleDraft({
      applicants: [{ kind: 'person', name: '新申请人' }], respondents: [{ kind: 'org', name: '成都信达电子有限公司', creditCode: CREDIT.xinda }],
    })));
    const page = (q: Record<string, unknown>) => unwrap<RelatedCasesPage>(dispatch(ctx, 'cases.related', { id: self.id, ...q }));
    const first = page({ limit: 5 });
    expect(first.total).toBe(11);
    expect(first.offset).toBe(0);
    expect(first.items.map((r) => r.status)).toEqual(['accepted', 'accepted', 'accepted', 'draft', 'draft']);
    expect(first.items.map((r) => r.receivedDate)).toEqual(['2026-11-07', '2026-11-06', '2026-11-05', '2026-11-16', '2026-11-15']);
    expect(first.items[0]!.reasons).toEqual(['被申请人成都信达电子有限公司统一社会信用代码相同']);
    const all = [...first.items, ...page({ limit: 5, offset: 5 }).items, ...page({ limit: 5, offset: 10 }).items];
    expect(all.map((r) => r.caseId)).toEqual(page({ limit: 50 }).items.map((r) => r.caseId));
    expect(new Set(all.map((r) => r.caseId)).size).toBe(11);
    expect(all.map((r) => r.caseId)).not.toContain(self.id);
    expect(all.map((r) => r.caseId)).not.toContain(drafts[3]!.id);
    // a page past the end still says how many there are
    expect(page({ limit: 5, offset: 40 })).toEqual({ total: 11, offset: 40, items: [] });
    // the default page is 20
    expect(page({}).items).toHaveLength(11);
    const bad = dispatch(ctx, 'cases.related', { id: self.id, limit: 0 });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ message: '每页至少1条' }] } });
  });

  it('hides a discarded draft but keeps its history', () => {
    const ctx = t.ctx(t.user('clerk1', 'clerk'));
    const d = unwrap<CaseDetail>(dispatch(ctx, 'cases.saveDraft', sampleDraft()));
    unwrap(dispatch(ctx, 'cases.discardDraft', { id: d.id }));
    expect(unwrap<CaseListPage>(dispatch(ctx, 'cases.list', {})).total).toBe(0);
    expect(dispatch(ctx, 'cases.get', { id: d.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((t.db.prepare('SELECT count(*) AS n FROM case_events WHERE case_id = ?').get(d.id) as { n: number }).n).toBe(2);
  });
});
