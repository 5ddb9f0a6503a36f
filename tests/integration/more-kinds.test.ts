import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaseDetail, CaseDocument, DocumentFile, DocumentKindView, MediationListPage, MediationView, UserView } from '../../src/api';
import { dispatch, dispatchAsync } from '../../src/services';
import { type TestDb, openTestDb, unwrap } from '../helpers/db';
import { flat, pdfText } from '../helpers/documents';
import { sampleDraft } from '../helpers/fixtures';

/** The document kinds added for issue 11 item 6, issued through the register from the records they are built from. */
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
function accepted(received = '2026-10-30', acceptance = '2026-11-02', over = {}) {
  const d = unwrap<CaseDetail>(dispatch(at(acceptance), 'cases.saveDraft', sampleDraft({ receivedDate: received, ...over })));
  const c = unwrap<CaseDetail>(dispatch(at(acceptance), 'cases.accept', { id: d.id, acceptanceDate: acceptance }));
  unwrap(dispatch(at(acceptance), 'cases.compose', { id: c.id, mode: 'sole', presidingId: arb.id, memberIds: [], clerkId: clerk.id, composedDate: acceptance }));
  return c;
}
const pdfOf = (id: string, day = '2026-12-20') => flat(pdfText(Buffer.from(unwrap<DocumentFile>(dispatch(at(day), 'documents.file', { documentId: id, format: 'pdf' })).base64, 'base64')));
const kinds = (caseId: string, day = '2026-12-20') => unwrap<DocumentKindView[]>(dispatch(at(day), 'documents.kinds', { id: caseId }));
const issuedCount = (caseId: string) => unwrap<CaseDetail>(dispatch(at('2026-12-20'), 'cases.get', { id: caseId })).timeline.filter((e) => e.kind === 'document.issued').length;

describe('调解笔录 (LDMAL Art 42)', () => {
  it('is printed from the recorded sessions of a mediation within the case, and refused without them', async () => {
    const c = accepted();
    expect(kinds(c.id).find((k) => k.code === 'mediation_record')).toMatchObject({ available: false, unavailable: '先在「调解与裁决」中登记仲裁中调解的调解过程' });
    const m = unwrap<MediationView>(dispatch(at('2026-11-05', arb), 'mediation.create', { caseId: c.id, stage: 'in_arbitration', organisation: '仲裁庭', workerCount: 2, receivedDate: '2026-11-05' }));
    const issue = (payload: object, day = '2026-11-06') => dispatchAsync(at(day), 'documents.issue', { caseId: c.id, kind: 'mediation_record', issuedDate: day, payload });
    // a mediation without sessions has nothing to record
    expect(await issue({ mediationId: m.id })).toMatchObject({ ok: false, error: { issues: [{ path: 'payload.mediationId', message: '该调解尚未登记调解过程，请先在「调解与裁决」中记录调解' }] } });
    unwrap(dispatch(at('2026-11-05', arb), 'mediation.addSession', { mediationId: m.id, date: '2026-11-05', mediator: '陈仲裁', attendees: '申请人张三、李四，被申请人的委托代理人', notes: '申请人：要求一次性支付。\n被申请人：请求分两期支付。' }));
    unwrap(dispatch(at('2026-11-06', arb), 'mediation.addSession', { mediationId: m.id, date: '2026-11-06', mediator: '陈仲裁', attendees: '双方当事人', notes: '双方同意分两期支付工资10000元。' }));
    expect(kinds(c.id).find((k) => k.code === 'mediation_record')?.available).toBe(true);
    // another case's mediation, a pre-arbitration mediation, or none: refused, nothing recorded
    const other = accepted();
    const pre = unwrap<MediationView>(dispatch(at('2026-11-05'), 'mediation.create', { stage: 'pre_arbitration', organisation: '温江区劳动争议调解中心', applicantName: '王五', respondentName: '某公司', workerCount: 1, receivedDate: '2026-11-05' }));
    const before = issuedCount(c.id);
    for (const payload of [{}, { mediationId: pre.id }]) {
      expect(await issue(payload)).toMatchObject({ ok: false, error: { issues: [{ path: 'payload.mediationId', message: '请选择本案仲裁中的一次调解' }] } });
    }
    expect(await dispatchAsync(at('2026-11-06'), 'documents.issue', { caseId: other.id, kind: 'mediation_record', issuedDate: '2026-11-06', payload: { mediationId: m.id } })).toMatchObject({ ok: false });
    expect(issuedCount(c.id)).toBe(before);

    const doc = unwrap<CaseDocument>(await issue({ mediationId: m.id }));
    expect(doc).toMatchObject({ kind: 'mediation_record', title: '调解笔录' });
    const text = pdfOf(doc.id);
    expect(text).toContain('第一次调解时间：2026年11月5日；调解员：陈仲裁。');
    expect(text).toContain('被申请人：请求分两期支付。');
    expect(text).toContain('第二次调解时间：2026年11月6日');
    expect(text).toContain('双方同意分两期支付工资10000元。');
    expect(text).toContain('以上笔录经核对无误');
    expect(text).toContain('调解不成或者调解书送达前一方当事人反悔的，仲裁庭应当及时作出裁决（《中华人民共和国劳动争议调解仲裁法》第四十二条）');
    // the same record again is refused (issue 11 item 7); after the outcome the record states it
    expect(await issue({ mediationId: m.id })).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
    unwrap(dispatch(at('2026-11-07', arb), 'mediation.conclude', { mediationId: m.id, outcome: 'failure', outcomeDate: '2026-11-07', items: [] }));
    const after = unwrap<CaseDocument>(await dispatchAsync(at('2026-11-07'), 'documents.reissue', { documentId: doc.id, reason: '补记调解结果', issuedDate: '2026-11-07' }));
    expect(pdfOf(after.id)).toContain('2026年11月7日，双方当事人未能达成调解协议，仲裁庭将及时作出裁决');
  });
});

describe('证据收据 from a recorded submission of evidence', () => {
  const items = [
    { name: '劳动合同', source: '申请人持有', purpose: '证明劳动关系', pages: 4, original: true, copies: 1 },
    { name: '工资条', purpose: '证明拖欠工资', pages: 9, original: false, copies: 2 },
  ];
  it('records what a party handed in, refuses bad input in Chinese without recording anything, and issues the receipt from the record', async () => {
    const c = accepted();
    const [zhang] = c.applicants;
    const unit = c.respondents[0]!;
    expect(kinds(c.id).find((k) => k.code === 'evidence_receipt')).toMatchObject({ available: false, unavailable: '先在案件页“证据材料”中登记当事人提交的证据' });
    const submit = (over: object, day = '2026-11-10') => dispatch(at(day), 'evidence.submit', { caseId: c.id, partyId: zhang!.id, receivedDate: '2026-11-10', items, ...over });
    expect(submit({ items: [] })).toMatchObject({ ok: false, error: { issues: [{ path: 'items', message: '请至少登记一项证据' }] } });
    expect(submit({ items: [{ ...items[0], pages: 0 }] })).toMatchObject({ ok: false, error: { issues: [{ path: 'items.0.pages', message: '页数至少为1' }] } });
    expect(submit({ items: [{ ...items[0], purpose: '' }] })).toMatchObject({ ok: false, error: { issues: [{ path: 'items.0.purpose', message: '请填写证明目的' }] } });
    expect(submit({ receivedDate: '2026-11-01' })).toMatchObject({ ok: false, error: { issues: [{ path: 'receivedDate', message: '收到证据日期不能早于受理日期（2026-11-02）' }] } });
    expect(submit({ receivedDate: '2026-11-11' })).toMatchObject({ ok: false, error: { issues: [{ path: 'receivedDate' }] } });
    const other = accepted();
    expect(submit({ partyId: other.applicants[0]!.id })).toMatchObject({ ok: false, error: { issues: [{ path: 'partyId', message: '请选择提交证据的本案当事人' }] } });
    // a lawyer at the aid desk does not record a case's evidence
    const lawyer = t.user('lawyer1', 'lawyer');
    expect(dispatch(at('2026-11-10', lawyer), 'evidence.submit', { caseId: c.id, partyId: zhang!.id, receivedDate: '2026-11-10', items })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(unwrap<unknown[]>(dispatch(at('2026-11-10'), 'evidence.list', { id: c.id }))).toEqual([]);

    const s = unwrap<{ id: string; items: unknown[]; receiptId: string | null }>(submit({}));
    expect(s.items).toHaveLength(2);
    unwrap(dispatch(at('2026-11-10'), 'evidence.submit', { caseId: c.id, partyId: unit.id, receivedDate: '2026-11-10', items: [{ name: '考勤表', purpose: '证明出勤', pages: 5, original: true, copies: 1 }] }));
    // the record is sealed: the database refuses to rewrite what a receipt acknowledges
    expect(() => t.db.prepare("UPDATE evidence_items SET pages = 1 WHERE submission_id = ?").run(s.id)).toThrow(/append-only/);
    expect(() => t.db.prepare('DELETE FROM evidence_submissions WHERE id = ?').run(s.id)).toThrow(/append-only/);

    const issue = (payload: object) => dispatchAsync(at('2026-11-10'), 'documents.issue', { caseId: c.id, kind: 'evidence_receipt', issuedDate: '2026-11-10', payload });
    expect(await issue({})).toMatchObject({ ok: false, error: { issues: [{ path: 'payload.submissionId', message: '请选择本案已登记的一次证据提交' }] } });
    const doc = unwrap<CaseDocument>(await issue({ submissionId: s.id }));
    expect(doc.title).toBe('证据收据（证据清单）');
    const text = pdfOf(doc.id);
    expect(text).toContain('张三：');
    expect(text).toContain('本委于2026年11月10日收到你在张三、李四与成都信达电子有限公司劳动报酬争议一案中提交的下列证据材料');
    // pdftotext reads the table's columns in its own order: each row's cells are checked as it joins them
    expect(text).toContain('证明劳动关系41原件');
    expect(text).toContain('证明拖欠工资92复印件');
    expect(text).toContain('1劳动合同申请人持有2工资条');
    expect(text).toContain('以上证据材料共2项，各份合计22页。');
    expect(text).toContain('经查证属实的，仲裁庭作为认定事实的根据（《中华人民共和国劳动争议调解仲裁法》第三十八条、第三十九条）');
    expect(text).not.toContain('考勤表');
    expect(unwrap<{ receiptId: string | null }[]>(dispatch(at('2026-11-10'), 'evidence.list', { id: c.id }))[0]!.receiptId).toBe(doc.id);
  });
});

describe('certificates that a period ran out (LDMAL Arts 29, 43), from the statutory clock', () => {
  const dueOf = (caseId: string, rule: string, day: string) =>
    unwrap<{ deadlines: { rule: string | null; dueDate: string }[] }>(dispatch(at(day), 'cases.clock', { id: caseId })).deadlines.find((d) => d.rule === rule)!.dueDate;
  const nextDay = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

  it('no acceptance decision: refused on the last day of the period, issued the day after, refused once the case is accepted', async () => {
    const d = unwrap<CaseDetail>(dispatch(at('2026-11-02'), 'cases.saveDraft', sampleDraft({ receivedDate: '2026-11-02' })));
    const due = dueOf(d.id, 'acceptance-decision', '2026-11-02');
    const issue = (day: string) => dispatchAsync(at(day), 'documents.issue', { caseId: d.id, kind: 'overdue_acceptance_certificate', issuedDate: day });
    expect(kinds(d.id, due).find((k) => k.code === 'overdue_acceptance_certificate')).toMatchObject({ available: false });
    expect(await issue(due)).toMatchObject({ ok: false, error: { issues: [{ path: 'issuedDate', message: '受理审查期限尚未届满，或本案已作出受理、不予受理决定，不能出具逾期未作出受理决定证明书（《劳动争议调解仲裁法》第二十九条）' }] } });
    const after = nextDay(due);
    expect(kinds(d.id, after).find((k) => k.code === 'overdue_acceptance_certificate')?.available).toBe(true);
    const doc = unwrap<CaseDocument>(await issue(after));
    const text = pdfOf(doc.id, after);
    expect(text).toContain('逾期未作出受理决定证明书');
    expect(text).toContain(`申请人张三、李四于2026年11月2日向本委提出与被申请人成都信达电子有限公司劳动报酬争议仲裁申请。本委应当自收到仲裁申请之日起五日内作出受理或者不予受理的决定，该期限已于${Number(due.slice(0, 4))}年${Number(due.slice(5, 7))}月${Number(due.slice(8))}日届满，本委未作出决定。`);
    expect(text).toContain('仲裁委员会逾期未作出受理决定的，申请人可以就该劳动争议事项向人民法院提起诉讼');
    // a clerk of the aid desk cannot issue it
    expect(await dispatchAsync(at(after, t.user('window1', 'window')), 'documents.issue', { caseId: d.id, kind: 'overdue_acceptance_certificate', issuedDate: after })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    unwrap(dispatch(at(after), 'cases.accept', { id: d.id, acceptanceDate: after }));
    expect(await dispatchAsync(at(after), 'documents.issue', { caseId: d.id, kind: 'overdue_acceptance_certificate', issuedDate: after })).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
  });

  it('no award: refused on the last day of the award period and while suspended, issued the day after with the extension and suspended days', async () => {
    const c = accepted();
    const issue = (day: string) => dispatchAsync(at(day), 'documents.issue', { caseId: c.id, kind: 'overdue_award_certificate', issuedDate: day });
    unwrap(dispatch(at('2026-11-10'), 'cases.suspend', { id: c.id, startDate: '2026-11-10', reason: '等待工伤认定结论' }));
    const suspendedDue = dueOf(c.id, 'award', '2027-01-10');
    expect(await issue('2027-01-10')).toMatchObject({ ok: false, error: { issues: [{ path: 'issuedDate', message: '审理期限尚未届满，或本案已作出裁决、调解书，或正在中止审理，不能出具逾期未作出仲裁裁决证明书（《劳动争议调解仲裁法》第四十三条）' }] } });
    expect(suspendedDue > '2026-11-10').toBe(true);
    unwrap(dispatch(at('2026-11-20'), 'cases.resume', { id: c.id, resumeDate: '2026-11-20' }));
    unwrap(dispatch(at('2026-11-25'), 'cases.extend', { id: c.id, days: 10, approvedBy: '王主任', approvalDate: '2026-11-25', reason: '案情复杂' }));
    const due = dueOf(c.id, 'award', '2026-11-25');
    expect(await issue(due)).toMatchObject({ ok: false, error: { issues: [{ path: 'issuedDate' }] } });
    const after = nextDay(due);
    const doc = unwrap<CaseDocument>(await issue(after));
    const text = pdfOf(doc.id, after);
    expect(text).toContain('张三、李四与成都信达电子有限公司劳动报酬争议一案，本委于2026年11月2日受理。');
    expect(text).toContain('仲裁庭裁决劳动争议案件，应当自仲裁委员会受理仲裁申请之日起四十五日内结束；本案经批准延长审理期限10日，中止审理的10日不计入审理期限。');
    expect(text).toContain(`本案审理期限已于${Number(due.slice(0, 4))}年${Number(due.slice(5, 7))}月${Number(due.slice(8))}日届满，本委未作出仲裁裁决。`);
    expect(text).toContain('逾期未作出仲裁裁决的，当事人可以就该劳动争议事项向人民法院提起诉讼');
  });
});

describe('公告 from a service by public notice (Rules Art 20; CPL Art 95)', () => {
  it('states the document served, the day published and the day it counts as served, thirty days later; refused without such a service', async () => {
    const c = accepted();
    const unit = c.respondents[0]!;
    const notice = unwrap<CaseDocument>(await dispatchAsync(at('2026-11-03'), 'documents.issue', { caseId: c.id, kind: 'response_notice', issuedDate: '2026-11-03' }));
    expect(kinds(c.id).find((k) => k.code === 'public_notice')).toMatchObject({ available: false, unavailable: '先在文书的送达登记中以“公告送达”登记送达' });
    // served directly on an applicant: not a public notice
    const direct = unwrap<{ services: { id: string }[] }>(dispatch(at('2026-11-04'), 'documents.serve', { documentId: notice.id, partyId: c.applicants[0]!.id, method: 'direct', sentDate: '2026-11-04', receiptDate: '2026-11-04', recorded: false, specialLeaving: false }));
    const issue = (payload: object) => dispatchAsync(at('2026-11-05'), 'documents.issue', { caseId: c.id, kind: 'public_notice', issuedDate: '2026-11-05', payload });
    expect(await issue({ serviceId: direct.services[0]!.id })).toMatchObject({ ok: false, error: { issues: [{ path: 'payload.serviceId', message: '请选择本案以“公告送达”登记的一次送达' }] } });
    const served = unwrap<{ services: { id: string; method: string; servedDate: string }[] }>(dispatch(at('2026-11-05'), 'documents.serve', {
      documentId: notice.id, partyId: unit.id, method: 'public_notice', sentDate: '2026-11-05', receiptDate: null, recorded: false, specialLeaving: false, note: '被申请人已停业，法定代表人下落不明',
    }));
    const pub = served.services.find((s) => s.method === 'public_notice')!;
    expect(pub.servedDate).toBe('2026-12-05');
    const doc = unwrap<CaseDocument>(await issue({ serviceId: pub.id }));
    const text = pdfOf(doc.id);
    expect(text).toContain('成都信达电子有限公司：本委受理的张三、李四与成都信达电子有限公司劳动报酬争议一案，因被申请人已停业，法定代表人下落不明，根据《劳动人事争议仲裁办案规则》第二十条、《中华人民共和国民事诉讼法》第九十五条的规定，向你单位公告送达应诉通知书');
    expect(text).toContain('本公告于2026年11月5日发出，自发出之日起经过三十日，即视为送达（视为送达日期：2026年12月5日）。');
    expect(text).toContain('特此公告。');
  });
});

describe('开庭公告 of one venue and day (LDMAL Art 26), printed by the document engine, not registered', () => {
  it('lists every hearing scheduled there that day in time order, and nothing of another day', async () => {
    const ROOM1 = '0000000000000000000000000000a001';
    const COMMISSION_VENUE = '0000000000000000000000000000c001';
    const a = accepted();
    const b = accepted();
    unwrap(dispatch(at('2026-11-03'), 'hearings.schedule', { caseId: a.id, date: '2026-11-20', startTime: '14:30', endTime: '15:30', roomId: ROOM1 }));
    unwrap(dispatch(at('2026-11-03'), 'hearings.schedule', { caseId: b.id, date: '2026-11-20', startTime: '09:00', endTime: '10:00', roomId: ROOM1 }));
    unwrap(dispatch(at('2026-11-03'), 'hearings.schedule', { caseId: b.id, date: '2026-11-23', startTime: '09:00', endTime: '10:00', roomId: ROOM1 }));
    const before = t.db.prepare('SELECT count(*) AS n FROM case_documents').get() as { n: number };
    const f = unwrap<DocumentFile>(await dispatchAsync(at('2026-11-10'), 'hearings.bulletin', { venueId: COMMISSION_VENUE, date: '2026-11-20', format: 'pdf' }));
    expect(f.fileName).toMatch(/^开庭公告-.*-2026-11-20\.pdf$/);
    const text = flat(pdfText(Buffer.from(f.base64, 'base64')));
    expect(text).toContain('开庭公告');
    expect(text).toContain('本委定于2026年11月20日（星期五）在');
    expect(text).toContain('公开开庭审理下列劳动人事争议案件');
    expect(text.indexOf('09:00')).toBeGreaterThan(-1);
    expect(text.indexOf('09:00')).toBeLessThan(text.indexOf('14:30'));
    expect(text.match(/〔2026〕第\d+号/g)).toHaveLength(2);
    expect(text).toContain('劳动争议仲裁公开进行，但当事人协议不公开进行或者涉及国家秘密、商业秘密和个人隐私的除外（《中华人民共和国劳动争议调解仲裁法》第二十六条）');
    // a read: nothing registered
    expect(t.db.prepare('SELECT count(*) AS n FROM case_documents').get()).toEqual(before);
    const docx = unwrap<DocumentFile>(await dispatchAsync(at('2026-11-10'), 'hearings.bulletin', { venueId: COMMISSION_VENUE, date: '2026-11-21', format: 'docx' }));
    expect(docx.fileName).toMatch(/\.docx$/);
    expect(await dispatchAsync(at('2026-11-10'), 'hearings.bulletin', { venueId: '0000000000000000000000000000ffff', date: '2026-11-20', format: 'pdf' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: '办案场所不存在' } });
  });
});

describe('mediation outside arbitration: 调解协议书 and the arbitral review of the agreement (LDMAL Art 14; Rules Arts 74–78)', () => {
  const item = { payer: '成都某餐饮管理有限公司', payee: '王五', subject: '2026年8月至9月工资', amountFen: 800_000, dueDate: '2026-11-20', method: '银行转账', instalments: [] };
  function agreed(window: UserView, date = '2026-11-02') {
    const m = unwrap<MediationView>(dispatch(at(date, window), 'mediation.create', { stage: 'pre_arbitration', organisation: '温江区劳动人事争议调解工作室', applicantName: '王五', respondentName: '成都某餐饮管理有限公司', workerCount: 1, receivedDate: date }));
    unwrap(dispatch(at(date, window), 'mediation.conclude', { mediationId: m.id, outcome: 'success', outcomeDate: date, items: [item], closing: '双方再无其他劳动争议' }));
    return m;
  }
  const paper = async (user: UserView, mediationId: string, p: string, day = '2026-12-01') =>
    flat(pdfText(Buffer.from(unwrap<DocumentFile>(await dispatchAsync(at(day, user), 'review.paper', { mediationId, paper: p, format: 'pdf' })).base64, 'base64')));

  it('the agreement paper is printed at the desk; the application is accepted on day 15 and refused on day 16 (Rules Art 74)', async () => {
    const window = t.user('window1', 'window');
    const m = agreed(window);
    const a = await paper(window, m.id, 'agreement');
    expect(a).toContain('温江区劳动人事争议调解工作室调解协议书');
    expect(a).toContain('申请人：王五被申请人：成都某餐饮管理有限公司');
    expect(a).toContain('成都某餐饮管理有限公司于2026年11月20日前向王五支付2026年8月至9月工资人民币8,000.00元（大写：捌仟元整）');
    expect(a).toContain('本协议书经双方当事人签名或者盖章，经调解员签名并加盖调解组织印章后生效，对双方当事人具有约束力，当事人应当履行（《中华人民共和国劳动争议调解仲裁法》第十四条）');
    expect(a).toContain('可以自本协议书生效之日起十五日内，共同向有管辖权的劳动人事争议仲裁委员会提出仲裁审查申请（《劳动人事争议仲裁办案规则》第七十四条）');
    expect(a).toContain('调解员（签名）：');

    // window staff do not receive applications for review; the clerk does
    expect(dispatch(at('2026-11-17', window), 'review.apply', { mediationId: m.id, applicantDate: '2026-11-17', respondentDate: '2026-11-17' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const late = dispatch(at('2026-11-18'), 'review.apply', { mediationId: m.id, applicantDate: '2026-11-10', respondentDate: '2026-11-18' });
    expect(late).toMatchObject({ ok: false, error: { issues: [{ path: 'respondentDate', message: '仲裁审查须由双方当事人自调解协议生效之日起十五日内（至2026-11-17）共同申请，被申请人于2026-11-18申请已逾期，不予受理（《劳动人事争议仲裁办案规则》第七十四条）' }] } });
    expect(unwrap(dispatch(at('2026-11-18'), 'review.get', { id: m.id }))).toMatchObject({ mediation: { id: m.id, outcome: 'success' }, review: null });
    const r = unwrap<{ id: string; lastDay: string }>(dispatch(at('2026-11-17'), 'review.apply', { mediationId: m.id, applicantDate: '2026-11-10', respondentDate: '2026-11-17' }));
    expect(r.lastDay).toBe('2026-11-17');
  });

  it('accepted with a designated arbitrator; only that arbitrator concludes; a 调解书 or a refusal with its Art 78 ground', async () => {
    const window = t.user('window1', 'window');
    const other = t.user('arb2', 'arbitrator');
    const m = agreed(window);
    const r = unwrap<{ id: string }>(dispatch(at('2026-11-05'), 'review.apply', { mediationId: m.id, applicantDate: '2026-11-05', respondentDate: '2026-11-05' }));
    expect(dispatch(at('2026-11-06'), 'review.accept', { reviewId: r.id, acceptedDate: '2026-11-06', arbitratorId: clerk.id })).toMatchObject({ ok: false, error: { issues: [{ path: 'arbitratorId', message: '请指定一名在职的仲裁员进行审查' }] } });
    unwrap(dispatch(at('2026-11-06'), 'review.accept', { reviewId: r.id, acceptedDate: '2026-11-06', arbitratorId: arb.id }));
    // the clerk may not conclude (role), another arbitrator may not (not designated)
    expect(dispatch(at('2026-11-08'), 'review.decide', { reviewId: r.id, decidedDate: '2026-11-08', outcome: 'statement' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '调解协议仲裁审查的结论只能由仲裁委员会指定的仲裁员作出' } });
    expect(dispatch(at('2026-11-08', other), 'review.decide', { reviewId: r.id, decidedDate: '2026-11-08', outcome: 'statement' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '审查结论只能由被指定审查本调解协议的仲裁员作出' } });
    expect(dispatch(at('2026-11-08', arb), 'review.decide', { reviewId: r.id, decidedDate: '2026-11-08', outcome: 'refused', reason: '协议未写明支付期限' })).toMatchObject({ ok: false, error: { issues: [{ path: 'ground' }] } });
    await expect(dispatchAsync(at('2026-11-08', arb), 'review.paper', { mediationId: m.id, paper: 'statement', format: 'pdf' })).resolves.toMatchObject({ ok: false, error: { message: '审查仲裁员尚未决定出具调解书' } });
    unwrap(dispatch(at('2026-11-08', arb), 'review.decide', { reviewId: r.id, decidedDate: '2026-11-08', outcome: 'statement' }));
    expect(dispatch(at('2026-11-09', arb), 'review.decide', { reviewId: r.id, decidedDate: '2026-11-09', outcome: 'refused', ground: 5, reason: 'x' })).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
    expect(() => t.db.prepare("UPDATE mediation_reviews SET outcome = 'refused', ground = 1 WHERE id = ?").run(r.id)).toThrow(/final/);
    const s = await paper(arb, m.id, 'statement');
    expect(s).toContain('成都市温江区劳动人事争议仲裁委员会调解书');
    expect(s).toContain('于2026年11月2日在温江区劳动人事争议调解工作室主持下达成调解协议，并分别于2026年11月5日、2026年11月5日向本委共同申请仲裁审查。本委于2026年11月6日受理，指定仲裁员');
    expect(s).toContain('人民币8,000.00元（大写：捌仟元整）');
    expect(s).toContain('本调解书经双方当事人签收后，即发生法律效力');

    // a second agreement, refused on Art 78 item 5
    const m2 = agreed(window, '2026-11-03');
    const r2 = unwrap<{ id: string }>(dispatch(at('2026-11-05'), 'review.apply', { mediationId: m2.id, applicantDate: '2026-11-05', respondentDate: '2026-11-05' }));
    unwrap(dispatch(at('2026-11-06'), 'review.accept', { reviewId: r2.id, acceptedDate: '2026-11-06', arbitratorId: arb.id }));
    unwrap(dispatch(at('2026-11-08', arb), 'review.decide', { reviewId: r2.id, decidedDate: '2026-11-08', outcome: 'refused', ground: 5, reason: '协议未写明各期支付的金额' }));
    const f = await paper(arb, m2.id, 'refusal');
    expect(f).toContain('决定书');
    expect(f).toContain('经审查，该调解协议存在下列情形：调解协议内容不明确。具体理由：协议未写明各期支付的金额。');
    expect(f).toContain('根据《劳动人事争议仲裁办案规则》第七十八条第（五）项的规定，本委决定不予出具调解书。');
  });

  it('the review list for clerks and arbitrators: each agreement with where its review stands (mediations.list reviewState)', () => {
    const window = t.user('window1', 'window');
    const state = (user: UserView) => {
      const page = unwrap<MediationListPage>(dispatch(at('2026-11-10', user), 'mediations.list', { from: '2026-11-01', to: '2026-11-30', stage: 'pre_arbitration', outcome: 'success' }));
      return Object.fromEntries(page.items.map((i) => [i.receivedDate, i.reviewState]));
    };
    const [, m2, m3, m4] = ['2026-11-01', '2026-11-02', '2026-11-03', '2026-11-04'].map((d) => agreed(window, d));
    expect(state(clerk)).toEqual({ '2026-11-01': null, '2026-11-02': null, '2026-11-03': null, '2026-11-04': null });
    const rs = [m2, m3, m4].map((m) => unwrap<{ id: string }>(dispatch(at('2026-11-05'), 'review.apply', { mediationId: m!.id, applicantDate: '2026-11-05', respondentDate: '2026-11-05' })));
    for (const r of rs.slice(1)) unwrap(dispatch(at('2026-11-06'), 'review.accept', { reviewId: r.id, acceptedDate: '2026-11-06', arbitratorId: arb.id }));
    unwrap(dispatch(at('2026-11-08', arb), 'review.decide', { reviewId: rs[2]!.id, decidedDate: '2026-11-08', outcome: 'statement' }));
    expect(state(arb)).toEqual({ '2026-11-01': null, '2026-11-02': 'applied', '2026-11-03': 'accepted', '2026-11-04': 'statement' });
    unwrap(dispatch(at('2026-11-08', arb), 'review.decide', { reviewId: rs[1]!.id, decidedDate: '2026-11-08', outcome: 'refused', ground: 5, reason: '协议未写明支付期限' }));
    expect(state(clerk)['2026-11-03']).toBe('refused');
  });
});
