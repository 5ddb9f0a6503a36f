import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import type { AidApplicationView, CaseDetail, ConflictMatch, ConsultationView, Dashboard, DutyView, UserView } from '../../src/api';
import { dispatch, dispatchAsync } from '../../src/services';
import type { DocumentFile } from '../../src/api';
import { docxXml, flat, pdfText } from '../helpers/documents';
import { type TestDb, openTestDb, unwrap } from '../helpers/db';
import { CREDIT, IDS, sampleDraft } from '../helpers/fixtures';

/** The legal-aid desk at the service layer: duty pair, consultations, conflict check, eligibility and the Art 43 limits. */
let t: TestDb;
let lawyer: UserView;
let window1: UserView;
/** The legal-aid centre's staff decide and assign (Legal Aid Law Art 43; issue 12 item 1). */
let centre: UserView;
beforeEach(async () => {
  t = await openTestDb();
  lawyer = t.user('lawyer1', 'lawyer');
  window1 = t.user('window1', 'window');
  centre = t.user('centre1', 'aid_centre');
});
afterEach(() => t.close());
const at = (day: string, user = window1) => ({ ...t.ctx(user), now: () => new Date(`${day}T02:00:00Z`) });
const consult = (day: string, over: Record<string, unknown> = {}) =>
  unwrap<ConsultationView>(dispatch(at(day), 'consultations.create', {
    window: 'migrant', personName: '张伟', personIdNumber: IDS.liSi, employerName: '成都信达电子有限公司', employerCreditCode: CREDIT.xinda,
    disputeType: 'wages', groupFlags: ['migrant_worker'], claims: [{ type: 'wages', amountFen: 1_250_000, text: '支付拖欠工资12500元' }], summary: '被拖欠三个月工资', ...over,
  }));

describe('duty roster and consultations', () => {
  it('records the day\'s duty pair on every consultation, checks ID numbers and credit codes, and keeps the queue with waiting times', () => {
    unwrap<DutyView>(dispatch(at('2026-11-20', t.admin), 'duty.set', { date: '2026-11-20', lawyerId: lawyer.id, staffId: window1.id, lawFirm: '四川蓉城律师事务所' }));
    expect(dispatch(at('2026-11-20', t.admin), 'duty.set', { date: '2026-11-21', lawyerId: window1.id, staffId: window1.id, lawFirm: '某所' })).toMatchObject({ ok: false, error: { issues: [{ path: 'lawyerId' }] } });
    const c = consult('2026-11-20', { arrivedAt: '2026-11-20T01:30:00.000Z' });
    expect(c).toMatchObject({ lawyerName: 'lawyer1-name', staffName: 'window1-name', priority: true, claimedFen: 1_250_000, windowLabel: '农民工窗口', waitingMinutes: 30 });
    expect(dispatch(at('2026-11-20'), 'consultations.create', { window: 'migrant', personName: '甲', personIdNumber: '510123199001011231', disputeType: 'wages', summary: '欠薪' }))
      .toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: 'personIdNumber' }] } });
    expect(dispatch(at('2026-11-20'), 'consultations.create', { window: 'migrant', personName: '甲', employerCreditCode: '91350100M000100Y44', disputeType: 'wages', summary: '欠薪' }))
      .toMatchObject({ ok: false, error: { issues: [{ path: 'employerCreditCode' }] } });
    expect(dispatch(at('2026-11-20', t.user('clerk1', 'clerk')), 'consultations.create', { window: 'general', personName: '甲', disputeType: 'wages', summary: '欠薪' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const queue = unwrap<ConsultationView[]>(dispatch(at('2026-11-20'), 'consultations.list', { date: '2026-11-20', window: 'migrant' }));
    expect(queue.map((q) => q.personName)).toEqual(['张伟']);
    expect(unwrap<ConsultationView[]>(dispatch(at('2026-11-20'), 'consultations.list', { date: '2026-11-20', window: 'female' }))).toEqual([]);
  });
});

describe('conflict and duplicate check', () => {
  it('finds 张伟 and 章伟 at the same employer and the same ID number under another name; not 张伟 at an unrelated employer with another ID', () => {
    const first = consult('2026-11-20');
    // a case on file where the same ID number is recorded under a different name
    const draft = sampleDraft({ receivedDate: '2026-11-18' });
    unwrap<CaseDetail>(dispatch(at('2026-11-20', t.user('clerk1', 'clerk')), 'cases.saveDraft', draft));
    // The duty lawyer sees whose records match; window staff only that one exists (issue 12 item 2).
    const check = (q: Record<string, unknown>) => unwrap<ConflictMatch[]>(dispatch(at('2026-11-20', lawyer), 'conflicts.check', q));
    const asWindow = (q: Record<string, unknown>) => unwrap<ConflictMatch[]>(dispatch(at('2026-11-20', window1), 'conflicts.check', q));
    expect(asWindow({ personName: '王小二', idNumber: IDS.liSi })).toEqual([{ kind: 'consultation', id: '', label: '', name: '', reasons: ['存在相关记录，请咨询值班律师'], link: '', withheld: true }]);
    expect(JSON.stringify(asWindow({ personName: '王小二', idNumber: IDS.liSi }))).not.toMatch(/张伟|李四/);
    expect(asWindow({ personName: '张伟', idNumber: IDS.zhaoLiu, employerName: '温江区某餐饮管理有限公司' })).toEqual([]);

    const sameSound = check({ personName: '章伟', idNumber: IDS.wangWu, employerName: '信达电子有限公司' });
    expect(sameSound).toHaveLength(1);
    expect(sameSound[0]).toMatchObject({ kind: 'consultation', id: first.id, name: '张伟', link: `aid/consultations/${first.id}` });
    expect(sameSound[0]!.reasons[0]).toMatch(/姓名读音相同（张伟／章伟，zhang wei）且用人单位名称或简称相同（信达电子）/);

    // IDS.liSi is 李四's number in the case, and 张伟's in the consultation
    const sameId = check({ personName: '王小二', idNumber: IDS.liSi });
    expect(sameId.map((m) => [m.kind, m.name])).toEqual([['consultation', '张伟'], ['case', '李四']]);
    expect(sameId[1]!.reasons).toEqual(['身份证号码相同，但登记姓名为“李四”']);

    expect(check({ personName: '张伟', idNumber: IDS.zhaoLiu, employerName: '温江区某餐饮管理有限公司' })).toEqual([]);
    expect(check({ personName: '章伟', employerName: '成都信达电子有限公司', creditCode: CREDIT.xinda, excludeId: first.id })).toEqual([]);
  });
});

describe('legal-aid applications', () => {
  it('a migrant worker\'s wage claim needs no means test, with the basis shown; the decision is due in 7 days and the assignment 3 days after, on the dashboard with the article', async () => {
    const c = consult('2026-11-20');
    const advice = unwrap<{ meansTest: string; basis: string[] }>(dispatch(at('2026-11-20'), 'aid.eligibility', { consultationId: c.id, matter: 'labour_remuneration' }));
    expect(advice.meansTest).toBe('not_required');
    expect(advice.basis.join()).toContain('四川省法律援助条例');
    expect(advice.basis.join()).toContain('第四十二条第三项');
    unwrap(dispatch(at('2026-11-20', t.admin), 'settings.update', { sichuanWorkerAidRule: false }));
    expect(unwrap<{ meansTest: string; basis: string[] }>(dispatch(at('2026-11-20'), 'aid.eligibility', { consultationId: c.id, matter: 'labour_remuneration' })))
      .toMatchObject({ meansTest: 'exempt_check', basis: [expect.stringContaining('第四十二条第三项')] });
    const other = consult('2026-11-20', { personName: '刘某', personIdNumber: IDS.wangWu, groupFlags: [], window: 'general' });
    expect(dispatch(at('2026-11-20'), 'aid.apply', { consultationId: other.id, matter: 'labour_remuneration', eligibility: 'exempt_check', receivedDate: '2026-11-20' })).toMatchObject({ ok: false, error: { issues: [{ path: 'eligibility' }] } });

    const aid = unwrap<AidApplicationView>(dispatch(at('2026-11-20', lawyer), 'aid.apply', { consultationId: c.id, matter: 'labour_remuneration', eligibility: 'exempt_check', receivedDate: '2026-11-20' }));
    expect(aid).toMatchObject({ decision: 'pending', decisionDue: '2026-11-27', urgent: false });
    const dash = (day: string) => unwrap<Dashboard>(dispatch(at(day), 'dashboard.get', { scope: 'all' })).aid;
    expect(dash('2026-11-25')).toMatchObject([{ applicant: '张伟', dueDate: '2026-11-27', overdue: false, daysLeft: 2, basis: expect.stringContaining('第四十三条') }]);
    expect(dash('2026-11-28')).toMatchObject([{ dueDate: '2026-11-27', overdue: true }]);
    expect(dispatch(at('2026-11-26', centre), 'aid.decide', { id: aid.id, decision: 'refused', decisionDate: '2026-11-26' })).toMatchObject({ ok: false, error: { issues: [{ path: 'refusalReason' }] } });
    unwrap(dispatch(at('2026-11-26', centre), 'aid.decide', { id: aid.id, decision: 'approved', decisionDate: '2026-11-26' }));
    expect(dash('2026-11-28')).toMatchObject([{ label: '法律援助：指派法律援助人员', dueDate: '2026-11-29', overdue: false }]);
    unwrap(dispatch(at('2026-11-28', centre), 'aid.assign', { id: aid.id, lawyer: 'lawyer1-name', firm: '四川蓉城律师事务所', assignedDate: '2026-11-28' }));
    expect(dash('2026-11-28')).toEqual([]);
    expect(unwrap<ConsultationView>(dispatch(at('2026-11-28'), 'consultations.get', { id: c.id }))).toMatchObject({ outcome: 'legal_aid', aid: [{ assignedLawyer: 'lawyer1-name' }] });

    // the centre's papers, printed through the document engine
    const paper = async (kind: string) => flat(pdfText(Buffer.from(unwrap<DocumentFile>(await dispatchAsync(at('2026-11-28'), 'aid.document', { id: aid.id, kind, format: 'pdf' })).base64, 'base64')));
    const form = await paper('aid_application');
    expect(form).toContain('法律援助申请表');
    // the ruled form: each field in its row
    expect(form).toContain('申请人张伟');
    expect(form).toContain(`公民身份号码${IDS.liSi}`);
    expect(form).toContain('人民币12,500.00元（大写：壹万贰仟伍佰元整）');
    // the law named with each article; no desk annotation and no brackets inside brackets around the amount
    expect(form).toContain('申请事项确认劳动关系或者支付劳动报酬（《中华人民共和国法律援助法》第三十一条第五项）');
    expect(form).toContain('免予核查经济困难状况（《中华人民共和国法律援助法》第四十二条第三项）');
    expect(form).not.toContain('第四十二条第三项：');
    expect(form).not.toMatch(/（[^）]*（大写/);
    const formDocx = Buffer.from(unwrap<DocumentFile>(await dispatchAsync(at('2026-11-28'), 'aid.document', { id: aid.id, kind: 'aid_application', format: 'docx' })).base64, 'base64');
    expect(await docxXml(formDocx)).toMatch(/<w:tbl>[\s\S]*公民身份号码[\s\S]*<\/w:tbl>/);
    mkdirSync('test-results/documents', { recursive: true });
    writeFileSync('test-results/documents/aid_application.pdf', Buffer.from(unwrap<DocumentFile>(await dispatchAsync(at('2026-11-28'), 'aid.document', { id: aid.id, kind: 'aid_application', format: 'pdf' })).base64, 'base64'));
    const decision = await paper('aid_decision');
    expect(decision).toContain('给予法律援助决定书');
    expect(decision).toContain('成都市温江区法律援助中心');
    expect(decision).toContain('符合《中华人民共和国法律援助法》规定的法律援助条件：免予核查经济困难状况（《中华人民共和国法律援助法》第四十二条第三项）。');
    expect(decision).toContain('指派法律援助人员（《中华人民共和国法律援助法》第四十三条）');
    expect(decision).not.toContain('进城务工人员');
    const letter = await paper('aid_assignment');
    expect(letter).toContain('四川蓉城律师事务所');
    expect(letter).toContain('lawyer1-name律师承办');
    expect(letter).toContain('第二十二条第六项');
  });

  it('a refusal carries its reasons and the right to object (Arts 43, 49)', async () => {
    const c = consult('2026-11-20', { groupFlags: [], window: 'general', disputeType: 'other' });
    const aid = unwrap<AidApplicationView>(dispatch(at('2026-11-20', lawyer), 'aid.apply', { consultationId: c.id, matter: 'other', eligibility: 'pledge', receivedDate: '2026-11-20' }));
    expect(await dispatchAsync(at('2026-11-20'), 'aid.document', { id: aid.id, kind: 'aid_decision', format: 'pdf' })).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
    unwrap(dispatch(at('2026-11-22', centre), 'aid.decide', { id: aid.id, decision: 'refused', decisionDate: '2026-11-22', refusalReason: '所涉事项不属于法律援助范围' }));
    const text = flat(pdfText(Buffer.from(unwrap<DocumentFile>(await dispatchAsync(at('2026-11-22'), 'aid.document', { id: aid.id, kind: 'aid_decision', format: 'pdf' })).base64, 'base64')));
    expect(text).toContain('不予法律援助决定书');
    expect(text).toContain('所涉事项不属于法律援助范围');
    expect(text).toContain('第四十九条');
    unwrap(dispatch(at('2026-11-23', lawyer), 'aid.object', { id: aid.id, objectionDate: '2026-11-23', note: '认为属于劳动报酬事项' }));
  });

  it('gives aid first when fewer than 7 days remain on the limitation period (Art 44)', () => {
    const c = consult('2026-11-20');
    const aid = unwrap<AidApplicationView>(dispatch(at('2026-11-20', lawyer), 'aid.apply', { consultationId: c.id, matter: 'labour_remuneration', eligibility: 'no_condition', receivedDate: '2026-11-20', limitationExpiry: '2026-11-24' }));
    expect(aid).toMatchObject({ urgent: true, eligibilityNote: expect.stringContaining('第四十四条') });
  });
});

describe('修改登记: correcting a consultation\'s particulars (issue 14 item 8)', () => {
  const particulars = (c: ConsultationView, over: Record<string, unknown> = {}) => ({
    id: c.id, window: c.window, channel: c.channel, personName: c.personName, personIdNumber: c.personIdNumber ?? undefined, employerName: c.employerName ?? undefined,
    employerCreditCode: c.employerCreditCode ?? undefined, disputeType: c.disputeType, groupFlags: c.groupFlags, claims: c.claims, summary: c.summary,
    collective: c.collective, workerCount: c.workerCount, reason: '来访人补充提供信息', ...over,
  });

  it('changes the particulars, keeps the record before with the reason and each change (ID masked), and leaves advice and outcome alone', () => {
    const c = consult('2026-11-20', { advice: '可申请仲裁' });
    const edited = unwrap<ConsultationView>(dispatch(at('2026-11-21'), 'consultations.edit', particulars(c, {
      personName: '张炜', personIdNumber: IDS.wangWu, personPhone: '13800138000', summary: '被拖欠四个月工资',
      claims: [{ type: 'wages', amountFen: 1_600_000, text: '支付拖欠工资16000元' }],
    })));
    expect(edited).toMatchObject({ personName: '张炜', personIdNumber: IDS.wangWu, personPhone: '13800138000', summary: '被拖欠四个月工资', claimedFen: 1_600_000, advice: '可申请仲裁', outcome: 'pending' });
    expect(edited.versions).toHaveLength(1);
    const v = edited.versions[0]!;
    expect(v.edit).toMatchObject({ byName: 'window1-name', reason: '来访人补充提供信息' });
    const labels = v.edit!.changed.map((x) => x.label);
    expect(labels).toEqual(['姓名', '身份证号码', '电话', '请求事项', '咨询内容']);
    const id = v.edit!.changed.find((x) => x.label === '身份证号码')!;
    expect(id.before).not.toContain(IDS.liSi);
    expect(id.before).toMatch(/\*/);
    expect(v.edit!.changed.find((x) => x.label === '请求事项')).toMatchObject({ before: '1.劳动报酬 ¥12,500.00 支付拖欠工资12500元' });
    // the version row is sealed: the history cannot be rewritten
    expect(() => t.db.prepare('UPDATE consultation_versions SET snapshot = ?').run('{}')).toThrow();
    const audit = t.db.prepare("SELECT action, detail FROM audit_log WHERE action = 'consultations.edit'").all() as { action: string; detail: string }[];
    expect(audit).toHaveLength(1);
    expect(audit[0]!.detail).not.toContain(IDS.wangWu);
    expect(audit[0]!.detail).not.toContain('13800138000');
  });

  it('refuses an edit that changes nothing, a missing reason, bad input and the wrong role — and changes nothing', () => {
    const c = consult('2026-11-20');
    const before = t.db.prepare('SELECT * FROM consultations WHERE id = ?').get(c.id);
    expect(dispatch(at('2026-11-21'), 'consultations.edit', particulars(c))).toMatchObject({ ok: false, error: { message: expect.stringContaining('没有修改任何内容') } });
    expect(dispatch(at('2026-11-21'), 'consultations.edit', particulars(c, { personName: '张炜', reason: '' }))).toMatchObject({ ok: false, error: { issues: [{ path: 'reason' }] } });
    expect(dispatch(at('2026-11-21'), 'consultations.edit', particulars(c, { personIdNumber: '510123199001011231' }))).toMatchObject({ ok: false, error: { issues: [{ path: 'personIdNumber' }] } });
    expect(dispatch(at('2026-11-21'), 'consultations.edit', particulars(c, { femaleStage: 'pregnant' }))).toMatchObject({ ok: false, error: { issues: [{ path: 'femaleStage' }] } });
    expect(dispatch(at('2026-11-21', t.user('arb1', 'arbitrator')), 'consultations.edit', particulars(c, { personName: '张炜' }))).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(dispatch(at('2026-11-21'), 'consultations.edit', particulars(c, { id: '0'.repeat(32), personName: '张炜' }))).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(t.db.prepare('SELECT * FROM consultations WHERE id = ?').get(c.id)).toEqual(before);
    expect(t.db.prepare('SELECT count(*) AS n FROM consultation_versions').get()).toEqual({ n: 0 });
  });
});
