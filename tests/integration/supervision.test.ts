import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BlacklistEntryView, BulletinView, ConsultationView, DocumentFile, EmployerListPage, EmployerView, ExportFile, InspectionFigures, SupervisionDashboard, UserView, WarningView } from '../../src/api';
import { dispatch, dispatchAsync } from '../../src/services';
import { type TestDb, openTestDb, unwrap } from '../helpers/db';
import { docxText, docxXml, flat, pdfText } from '../helpers/documents';
import { CREDIT } from '../helpers/fixtures';

/** Employer supervision at the service layer (issue 16 items 1–5), on a real SQLite file. */
let t: TestDb;
let clerk: UserView;
let arb: UserView;
let window1: UserView;
beforeEach(async () => {
  t = await openTestDb();
  clerk = t.user('clerk1', 'clerk');
  arb = t.user('arb1', 'arbitrator');
  window1 = t.user('window1', 'window');
});
afterEach(() => t.close());

const on = (day: string, user: UserView) => ({ ...t.ctx(user), now: () => new Date(`${day}T04:00:00Z`) });
const consult = (day: string, person: string, over: Record<string, unknown> = {}) => unwrap<ConsultationView>(dispatch(on(day, window1), 'consultations.create', {
  window: 'migrant', personName: person, employerName: '成都信达电子有限公司', employerCreditCode: CREDIT.xinda, disputeType: 'wages',
  claims: [{ type: 'wages', amountFen: 800_000, text: '支付拖欠工资8000元' }], summary: '被拖欠工资', ...over,
}));
const employerId = () => (t.db.prepare('SELECT id FROM employers WHERE credit_code = ?').get(CREDIT.xinda) as { id: string }).id;
const get = (day: string, id = employerId()) => unwrap<EmployerView>(dispatch(on(day, clerk), 'employers.get', { id }));

describe('grades and warnings from consultations', () => {
  it('three arrears consultations within 7 days raise one cluster warning; the grade rises with its reasons; every change is kept', () => {
    consult('2026-11-16', '张伟');
    expect(get('2026-11-16')).toMatchObject({ grade: 'general', gradeLabel: '一般企业', warnings: [] });
    consult('2026-11-18', '王五');
    const second = get('2026-11-18');
    expect(second.grade).toBe('key');
    expect(second.gradeReasons[0]).toBe('365日内欠薪诉求2件（达到2件）');
    consult('2026-11-20', '赵六');
    const e = get('2026-11-20');
    expect(e.warnings).toHaveLength(1);
    expect(e.warnings[0]).toMatchObject({ rule: 'cluster', ruleLabel: '多名劳动者短期内集中反映欠薪', status: 'open', signals: ['7日内3名劳动者反映欠薪（3件；预警标准3人）'] });
    expect(e.gradeHistory.map((g) => g.grade)).toEqual(['general', 'key', 'key']);
    expect(e.gradeReasons[0]).toBe('365日内案件及咨询3件（达到3件）');
    expect(e.timeline.filter((i) => i.kind === 'consultation').map((i) => i.date)).toEqual(['2026-11-16', '2026-11-18', '2026-11-20']);
    // a fourth does not raise a second cluster warning while the first is open
    consult('2026-11-21', '孙七');
    expect(get('2026-11-21').warnings).toHaveLength(1);
    // grade history is sealed
    expect(() => t.db.prepare("UPDATE employer_grades SET grade = 'general'").run()).toThrow(/append-only/);
  });

  it('a supervisor overrides the grade with a reason; clerks may not; the rules still raise it above the override', () => {
    consult('2026-11-16', '张伟');
    const id = employerId();
    expect(dispatch(on('2026-11-16', clerk), 'grades.override', { employerId: id, grade: 'key', reason: '媒体报道' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const o = unwrap<EmployerView>(dispatch(on('2026-11-16', arb), 'grades.override', { employerId: id, grade: 'hazard', reason: '项目停工，工人聚集' }));
    expect(o).toMatchObject({ grade: 'hazard', gradeReasons: ['人工调整：项目停工，工人聚集'] });
    expect(o.gradeHistory.at(-1)).toMatchObject({ source: 'override', overrideReason: '项目停工，工人聚集', byName: 'arb1-name' });
    consult('2026-11-17', '王五'); // rules give 重点, below the override: the override stands
    expect(get('2026-11-17').grade).toBe('hazard');
    unwrap(dispatch(on('2026-11-17', arb), 'grades.override', { employerId: id, grade: 'general', reason: '已全部支付' }));
    consult('2026-11-18', '赵六', { workerCount: 12, collective: true }); // collective: 隐患 by the rules, above the override
    const e = get('2026-11-18');
    expect(e.grade).toBe('hazard');
    expect(e.gradeHistory.at(-1)!.source).toBe('rule');
    expect(e.gradeReasons).toContain('365日内集体争议1件（达到1件）');
    expect(e.warnings.map((w) => w.rule).sort()).toEqual(['cluster', 'collective']);
  });
});

describe('warnings followed to a numbered bulletin', () => {
  it('assign, note, close; bulletins numbered per year and never reused; the bulletin prints with its number', async () => {
    ['2026-12-20', '2026-12-21', '2026-12-22'].forEach((d, i) => consult(d, ['张伟', '王五', '赵六'][i]!));
    const [w] = unwrap<WarningView[]>(dispatch(on('2026-12-22', clerk), 'warnings.list', { status: 'unclosed' }));
    expect(dispatch(on('2026-12-22', clerk), 'warnings.assign', { id: w!.id, assigneeId: window1.id })).toMatchObject({ ok: false, error: { issues: [{ path: 'assigneeId' }] } });
    unwrap(dispatch(on('2026-12-22', clerk), 'warnings.assign', { id: w!.id, assigneeId: arb.id, note: '约谈企业负责人' }));
    unwrap(dispatch(on('2026-12-23', arb), 'warnings.note', { id: w!.id, note: '已约谈，企业承诺月底前支付' }));
    expect(dispatch(on('2026-12-23', clerk), 'bulletins.issue', { issuedDate: '2026-12-23', summary: 's', items: [{ warningId: w!.id, actions: 'a' }] })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const issue = (day: string) => unwrap<BulletinView>(dispatch(on(day, arb), 'bulletins.issue', {
      issuedDate: day, summary: '近期信达电子公司多名劳动者集中反映欠薪，现予预警。', items: [{ warningId: w!.id, actions: '约谈法定代表人，督促限期支付' }],
    }));
    const b1 = issue('2026-12-23');
    const b2 = issue('2026-12-28');
    const b3 = issue('2027-01-04');
    expect([b1.title, b2.title, b3.title]).toEqual(['欠薪预警信息 2026年第1期', '欠薪预警信息 2026年第2期', '欠薪预警信息 2027年第1期']);
    expect(() => t.db.prepare('DELETE FROM warning_bulletins WHERE id = ?').run(b2.id)).toThrow(/append-only/);
    const closed = unwrap<WarningView>(dispatch(on('2027-01-05', arb), 'warnings.close', { id: w!.id, outcome: '企业已支付全部工资', closedDate: '2027-01-05' }));
    expect(closed).toMatchObject({ status: 'closed', bulletin: '欠薪预警信息 2026年第1期' });
    expect(closed.notes.map((n) => n.kind)).toEqual(['assign', 'follow_up', 'bulletin', 'bulletin', 'bulletin', 'close']);
    const pdf = unwrap<DocumentFile>(await dispatchAsync(on('2027-01-05', clerk), 'bulletins.document', { id: b1.id, format: 'pdf' }));
    const text = flat(pdfText(Buffer.from(pdf.base64, 'base64')));
    expect(text).toContain('欠薪预警信息');
    expect(text).toContain('2026年第1期');
    expect(text).toContain('本期列入预警的用人单位共1家');
    expect(pdf.fileName).toBe('欠薪预警信息-2026年第1期.pdf');
    const docx = unwrap<DocumentFile>(await dispatchAsync(on('2027-01-05', clerk), 'bulletins.document', { id: b1.id, format: 'docx' }));
    const words = docxText(await docxXml(Buffer.from(docx.base64, 'base64')));
    expect(words).toContain('成都信达电子有限公司');
    expect(words).toContain('7日内3名劳动者反映欠薪（3件；预警标准3人）');
    expect(words).toContain('约谈法定代表人，督促限期支付');
  });
});

describe('inspections', () => {
  it('a visit with a finding ordered to rectify: overdue on the dashboard, confirmed, counted in the figures', () => {
    consult('2026-10-01', '张伟');
    const id = employerId();
    const bad = dispatch(on('2026-10-10', clerk), 'inspections.create', { employerId: id, visitDate: '2026-10-10', inspectors: '王某', summary: '检查', findings: [{ description: '未按月足额支付工资', orderDate: '2026-10-10', deadline: '2026-10-09' }] });
    expect(bad).toMatchObject({ ok: false, error: { issues: [{ path: 'findings.0.deadline' }] } });
    unwrap(dispatch(on('2026-10-10', clerk), 'inspections.create', {
      employerId: id, visitDate: '2026-10-10', inspectors: '王某、李某', summary: '检查工资支付台账',
      findings: [{ description: '未按月足额支付工资', orderDate: '2026-10-10', deadline: '2026-10-20' }, { description: '未设立工资支付台账' }],
    }));
    const dash = unwrap<SupervisionDashboard>(dispatch(on('2026-10-21', clerk), 'supervision.dashboard', {}));
    expect(dash.overdueOrders).toEqual([{ findingId: expect.any(String), employerId: id, employerName: '成都信达电子有限公司', description: '未按月足额支付工资', deadline: '2026-10-20' }]);
    // a deadline passing is no event: the daily recompute (grades.recompute) regrades
    expect(get('2026-10-21').grade).toBe('key');
    unwrap(dispatch(on('2026-10-21', clerk), 'grades.recompute', {}));
    const e = get('2026-10-21');
    expect(e.grade).toBe('hazard');
    expect(e.gradeReasons).toContain('现有逾期未整改1项（达到1项）');
    const findingId = dash.overdueOrders[0]!.findingId;
    unwrap(dispatch(on('2026-10-22', clerk), 'inspections.confirm', { findingId, rectifiedDate: '2026-10-22', note: '已补发工资' }));
    expect(dispatch(on('2026-10-22', clerk), 'inspections.confirm', { findingId, rectifiedDate: '2026-10-22', note: '再次' })).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
    expect(unwrap<SupervisionDashboard>(dispatch(on('2026-10-22', clerk), 'supervision.dashboard', {})).overdueOrders).toEqual([]);
    expect(get('2026-10-22').grade).toBe('general');
    expect(unwrap<InspectionFigures>(dispatch(on('2026-10-22', clerk), 'inspections.figures', { from: '2026-01-01', to: '2026-12-31' })))
      .toMatchObject({ employers: 1, visits: 1, risks: 2, ordered: 1, rectified: 1 });
  });
});

describe('the blacklist', () => {
  it('notice with the right to state its case, decision after the period, publication, export, removal; the employer is flagged', async () => {
    consult('2026-01-05', '张伟');
    const id = employerId();
    const n = unwrap<BlacklistEntryView>(dispatch(on('2026-01-10', arb), 'blacklist.notice', {
      employerId: id, grounds: '拖欠12名农民工工资', arrearsFen: 36_000_000, workers: 12, responsiblePersons: '赵总（法定代表人）', noticeDate: '2026-01-10',
    }));
    expect(n).toMatchObject({ status: 'noticed', statementDeadline: '2026-01-15' });
    expect(dispatch(on('2026-01-15', arb), 'blacklist.decide', { id: n.id, decisionDate: '2026-01-15', list: true, note: '未申辩' })).toMatchObject({ ok: false, error: { issues: [{ path: 'decisionDate' }] } });
    const d = unwrap<BlacklistEntryView>(dispatch(on('2026-01-16', arb), 'blacklist.decide', { id: n.id, decisionDate: '2026-01-16', list: true, note: '期限内未陈述申辩' }));
    expect(d).toMatchObject({ status: 'listed', periodEnd: '2029-01-15' });
    unwrap(dispatch(on('2026-01-20', arb), 'blacklist.publish', { id: n.id, publicationDate: '2026-01-20' }));
    const list = unwrap<EmployerListPage>(dispatch(on('2026-01-20', clerk), 'employers.list', { query: '信达' }));
    expect(list.rows[0]).toMatchObject({ listed: true });

    const x = unwrap<ExportFile>(await dispatchAsync(on('2026-01-20', clerk), 'blacklist.export', {}));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(x.base64, 'base64') as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).values).toEqual([undefined, '序号', '用人单位名称', '统一社会信用代码', '法定代表人及直接责任人员', '列入事由', '拖欠金额（元）', '涉及人数', '列入决定日期', '公布日期', '列入期限届满日期']);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.getColumn(2).width).toBe(34);
    expect(ws.getRow(2).getCell(2).value).toBe('成都信达电子有限公司');
    expect(ws.getRow(2).getCell(6).value).toBe(360000);
    expect(ws.getRow(2).getCell(8).value).toEqual(new Date('2026-01-16T00:00:00Z'));

    const notice = unwrap<DocumentFile>(await dispatchAsync(on('2026-01-20', clerk), 'blacklist.document', { id: n.id, step: 'notice', format: 'pdf' }));
    const text = flat(pdfText(Buffer.from(notice.base64, 'base64')));
    expect(text).toContain('陈述和申辩');
    expect(text).toContain('自收到本告知书之日起5日内');
    expect(text.split('逾期未支付').length - 1).toBe(1); // the facts do not say it twice
    expect(text).toContain('《拖欠农民工工资失信联合惩戒对象名单管理暂行办法》');

    expect(dispatch(on('2026-06-01', arb), 'blacklist.remove', { id: n.id, removalDate: '2026-06-01', reason: 'expired', note: '期满' })).toMatchObject({ ok: false, error: { issues: [{ path: 'removalDate' }] } });
    expect(dispatch(on('2026-06-01', arb), 'blacklist.remove', { id: n.id, removalDate: '2026-06-01', reason: 'early', paidDate: '2026-02-01', note: '已清偿' })).toMatchObject({ ok: false, error: { issues: [{ path: 'removalDate' }] } });
    const r = unwrap<BlacklistEntryView>(dispatch(on('2026-08-01', arb), 'blacklist.remove', { id: n.id, removalDate: '2026-08-01', reason: 'early', paidDate: '2026-02-01', note: '提交信用承诺书' }));
    expect(r.status).toBe('removed');
    expect(r.steps.map((s) => s.step)).toEqual(['notice', 'decision', 'publication', 'removal']);
    expect(unwrap<EmployerListPage>(dispatch(on('2026-08-01', clerk), 'employers.list', { query: '信达' })).rows[0]!.listed).toBe(false);
    expect(get('2026-08-01').timeline.filter((i) => i.kind === 'blacklist').map((i) => i.date)).toEqual(['2026-01-10', '2026-01-16', '2026-01-20', '2026-08-01']);
  });
});

describe('register: edit, aliases, merge', () => {
  it('an administrator merges a duplicate; nothing is deleted; its records show on the survivor; clerks may not merge', () => {
    consult('2026-11-16', '张伟');
    consult('2026-11-16', '王五', { employerName: '信达电子', employerCreditCode: undefined, employerAlias: undefined });
    const [dup] = unwrap<EmployerListPage>(dispatch(on('2026-11-16', clerk), 'employers.list', { query: '信达电子' })).rows.filter((r) => r.name === '信达电子');
    const id = employerId();
    expect(dispatch(on('2026-11-16', clerk), 'employers.merge', { fromId: dup!.id, intoId: id, reason: '同一单位' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const m = unwrap<EmployerView>(dispatch(on('2026-11-16', t.admin), 'employers.merge', { fromId: dup!.id, intoId: id, reason: '同一单位，简称登记' }));
    expect(m.consultations).toBe(2);
    expect(m.aliases).toContain('信达电子');
    expect(m.mergedFrom).toMatchObject([{ id: dup!.id, name: '信达电子', reason: '同一单位，简称登记' }]);
    expect(t.db.prepare('SELECT merged_into FROM employers WHERE id = ?').get(dup!.id)).toEqual({ merged_into: id });
    expect(get('2026-11-16', dup!.id).id).toBe(id);
    // a later consultation naming the duplicate's name links to the survivor
    const q = consult('2026-11-17', '赵六', { employerName: '信达电子', employerCreditCode: undefined });
    expect(t.db.prepare('SELECT employer_id FROM consultations WHERE id = ?').get(q.id)).toEqual({ employer_id: id });
    const audit = t.db.prepare("SELECT action FROM audit_log WHERE action = 'employers.merge'").all();
    expect(audit).toHaveLength(1);

    expect(dispatch(on('2026-11-17', clerk), 'employers.update', { id, name: '成都信达电子有限公司', town: '火星街道' })).toMatchObject({ ok: false, error: { issues: [{ path: 'town' }] } });
    const ed = unwrap<EmployerView>(dispatch(on('2026-11-17', clerk), 'employers.update', { id, name: '成都信达电子科技有限公司', creditCode: CREDIT.xinda, sector: 'construction', town: '柳城街道', industry: '电子制造' }));
    expect(ed).toMatchObject({ name: '成都信达电子科技有限公司', sectorLabel: '建设领域', town: '柳城街道' });
    expect(ed.aliases).toContain('成都信达电子有限公司');
  });
});
