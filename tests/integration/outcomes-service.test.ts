import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaseDetail, CaseDocument, DocumentFile, HearingRecordView, MediationStats, MediationView, Outcomes, Proceedings, UserView } from '../../src/api';
import { dispatch, dispatchAsync } from '../../src/services';
import { type TestDb, openTestDb, unwrap } from '../helpers/db';
import { flat, pdfText } from '../helpers/documents';
import { sampleDraft } from '../helpers/fixtures';
import { decideAndIssueSampleAward } from '../helpers/outcomes';

/** Mediation, hearing record, decisions per claim, award and closing at the service layer (LDMAL Arts 14, 40, 42–51). */
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
const outcomes = (id: string, day = '2026-12-20') => unwrap<Outcomes>(dispatch(at(day), 'cases.outcomes', { id }));
const docs = (id: string, day = '2026-12-20') => unwrap<Proceedings>(dispatch(at(day), 'cases.proceedings', { id })).documents;

describe('mediation', () => {
  it('a successful mediation gives a 调解书 with the agreed items and instalments, effective only when both sides have signed for it (LDMAL Art 42)', async () => {
    const c = accepted();
    const m = unwrap<MediationView>(dispatch(at('2026-11-05', arb), 'mediation.create', { caseId: c.id, stage: 'in_arbitration', organisation: '仲裁庭', workerCount: 2, claimedFen: 2_150_000, receivedDate: '2026-11-05' }));
    unwrap(dispatch(at('2026-11-05', arb), 'mediation.addSession', { mediationId: m.id, date: '2026-11-05', mediator: 'arb1显示名', attendees: '双方当事人', notes: '被申请人同意分两期支付' }));
    expect(dispatch(at('2026-11-05', arb), 'mediation.conclude', { mediationId: m.id, outcome: 'success', outcomeDate: '2026-11-05', items: [] })).toMatchObject({ ok: false, error: { issues: [{ path: 'items' }] } });
    const badSplit = { payer: '被申请人', payee: '申请人张三', subject: '工资', amountFen: 1_000_000, dueDate: null, method: '银行转账', instalments: [{ dueDate: '2026-11-30', amountFen: 400_000 }] };
    expect(dispatch(at('2026-11-05', arb), 'mediation.conclude', { mediationId: m.id, outcome: 'success', outcomeDate: '2026-11-05', items: [badSplit] })).toMatchObject({ ok: false, error: { message: '各期金额之和应等于协议金额' } });
    const done = unwrap<MediationView>(dispatch(at('2026-11-05', arb), 'mediation.conclude', {
      mediationId: m.id, outcome: 'success', outcomeDate: '2026-11-05', closing: '双方就本案再无其他争议',
      items: [{ ...badSplit, subject: '2026年6月至9月工资', instalments: [{ dueDate: '2026-11-30', amountFen: 600_000 }, { dueDate: '2026-12-31', amountFen: 400_000 }] }],
    }));
    expect(done).toMatchObject({ outcome: 'success', agreedFen: 1_000_000, statementId: null });
    const issued = unwrap<MediationView>(await dispatchAsync(at('2026-11-06', arb), 'mediation.issueStatement', { mediationId: m.id, issuedDate: '2026-11-06' }));
    expect(issued.statementId).not.toBeNull();
    expect(issued.effectiveDate).toBeNull();
    expect(issued.awaitingReceipt).toEqual(['张三', '李四', '成都信达电子有限公司']);
    const text = pdfOf(issued.statementId!);
    expect(text).toContain('第1期于2026年11月30日前支付人民币6,000.00元（大写：陆仟元整）');
    expect(text).toContain('第2期于2026年12月31日前支付人民币4,000.00元（大写：肆仟元整）');
    expect(text).toContain('本调解书经双方当事人签收后，即发生法律效力');
    // a mediation statement cannot be left at the premises: it needs the party's own signature
    const serve = (partyId: string, method: string, day: string) => dispatch(at(day), 'documents.serve', { documentId: issued.statementId!, partyId, method, sentDate: day, receiptDate: day, witnesses: '村委会主任', recorded: true });
    expect(serve(c.respondents[0]!.id, 'left_at_premises', '2026-11-07')).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    unwrap(serve(c.applicants[0]!.id, 'direct', '2026-11-06'));
    unwrap(serve(c.applicants[1]!.id, 'direct', '2026-11-06'));
    expect(outcomes(c.id).mediations[0]).toMatchObject({ effectiveDate: null, awaitingReceipt: ['成都信达电子有限公司'] });
    expect(outcomes(c.id).closingBlockers.mediation).toEqual(['调解书尚待成都信达电子有限公司签收（《劳动争议调解仲裁法》第四十二条）']);
    unwrap(serve(c.respondents[0]!.id, 'post', '2026-11-09'));
    expect(outcomes(c.id).mediations[0]).toMatchObject({ effectiveDate: '2026-11-09', awaitingReceipt: [] });
    const closed = unwrap<Outcomes>(dispatch(at('2026-11-10'), 'cases.close', { caseId: c.id, method: 'mediation', closedDate: '2026-11-10' }));
    expect(closed.closure).toMatchObject({ method: 'mediation', closedDate: '2026-11-10', overrunReason: null });
    expect(dispatch(at('2026-11-10'), 'mediation.create', { caseId: c.id, stage: 'in_arbitration', organisation: '仲裁庭', workerCount: 1, receivedDate: '2026-11-10' })).toMatchObject({ ok: false, error: { code: 'INVALID_STATE', message: expect.stringMatching(/本案已于2026-11-\d\d结案，不能再调解、记录庭审和裁决/) } });
  });

  it('pre-arbitration mediation shows the 15-day limits, and the figures count scheduled, succeeded, workers and amounts', () => {
    const pre = unwrap<MediationView>(dispatch(at('2026-11-10'), 'mediation.create', { stage: 'pre_arbitration', organisation: '柳城街道劳动争议调解委员会', applicantName: '王五等12人', respondentName: '某建筑劳务公司', workerCount: 12, claimedFen: 36_000_000, receivedDate: '2026-11-02' }));
    expect(pre.limitNote).toContain('至 2026-11-17');
    expect(pre.limitNote).toContain('第十四条');
    const ok = unwrap<MediationView>(dispatch(at('2026-11-10'), 'mediation.conclude', { mediationId: pre.id, outcome: 'success', outcomeDate: '2026-11-09', items: [{ payer: '某建筑劳务公司', payee: '王五等12人', subject: '拖欠工资', amountFen: 30_000_000, dueDate: '2026-11-20', method: '银行转账', instalments: [] }] }));
    expect(ok.limitNote).toContain('第七十四条');
    const failed = unwrap<MediationView>(dispatch(at('2026-11-10'), 'mediation.create', { stage: 'pre_arbitration', organisation: '调解工作室', applicantName: '赵六', respondentName: '某餐饮店', workerCount: 1, claimedFen: 500_000, receivedDate: '2026-11-03' }));
    unwrap(dispatch(at('2026-11-10'), 'mediation.conclude', { mediationId: failed.id, outcome: 'failure', outcomeDate: '2026-11-08', note: '用人单位不同意' }));
    const stats = unwrap<MediationStats>(dispatch(at('2026-11-10'), 'mediation.stats', { from: '2026-11-01', to: '2026-11-30' }));
    expect(stats.rows[0]).toMatchObject({ stage: 'pre_arbitration', scheduled: 2, succeeded: 1, failed: 1, workers: 13, workersSucceeded: 12, claimedFen: 36_500_000, agreedFen: 30_000_000 });
    expect(dispatch(at('2026-11-10'), 'mediation.issueStatement', { mediationId: ok.id, issuedDate: '2026-11-10' })).toMatchObject({ ok: false });
  });
});

describe('hearing record', () => {
  it('is append-only: a party\'s correction is appended, never overwrites, and prints with the record (LDMAL Art 40)', async () => {
    const c = accepted();
    const r = unwrap<HearingRecordView>(dispatch(at('2026-11-20'), 'hearingRecords.create', { caseId: c.id, recordDate: '2026-11-20', attendees: '申请人张三、李四，被申请人委托代理人', statements: '申请人：拖欠工资。', evidence: '工资条', questions: '是否签订劳动合同？', finalStatements: '坚持请求', mediationAttempt: '当庭调解，未达成一致' }));
    const fixed = unwrap<HearingRecordView>(dispatch(at('2026-11-21'), 'hearingRecords.correct', { recordId: r.id, requestedBy: '张三', text: '“六月”应为“七月”' }));
    expect(fixed.corrections).toMatchObject([{ requestedBy: '张三', text: '“六月”应为“七月”' }]);
    expect(fixed.statements).toBe('申请人：拖欠工资。');
    expect(() => t.db.prepare('UPDATE hearing_records SET statements = ? WHERE id = ?').run('改写', r.id)).toThrow(/append-only/);
    expect(() => t.db.prepare('DELETE FROM hearing_record_corrections').run()).toThrow(/cannot be deleted/);
    const doc = unwrap<CaseDocument>(await dispatchAsync(at('2026-11-21'), 'hearingRecords.print', { recordId: r.id, issuedDate: '2026-11-21' }));
    const text = pdfOf(doc.id);
    expect(text).toContain('庭审笔录');
    expect(text).toContain('应张三申请补正：“六月”应为“七月”');
    expect(text).toContain('当事人（签名）');
  });
});

describe('decisions and the award', () => {
  it('checks each decision: amounts against the claim, rejected items without an amount, provisional execution only for money claims, arbitrators only', () => {
    const c = accepted();
    const decide = (over: Record<string, unknown>, user = arb) => dispatch(at('2026-11-20', user), 'claims.decide', { claimId: c.claims[0]!.id, result: 'supported', amountFen: 1_250_000, order: '被申请人支付工资', reasoning: '理由', articles: '《劳动合同法》第三十条', finalityType: 'wages', decidedDate: '2026-11-20', ...over });
    expect(decide({}, clerk)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(decide({ amountFen: 1_250_001 })).toMatchObject({ ok: false, error: { issues: [{ path: 'amountFen' }] } });
    expect(decide({ result: 'partly', amountFen: 1_250_000 })).toMatchObject({ ok: false, error: { issues: [{ path: 'amountFen' }] } });
    expect(decide({ result: 'rejected', amountFen: 5 })).toMatchObject({ ok: false, error: { issues: [{ path: 'amountFen' }] } });
    expect(decide({ claimId: c.claims[2]!.id, result: 'supported', amountFen: null, finalityType: 'confirm-employment', provisionalExecution: true })).toMatchObject({ ok: false, error: { issues: [{ path: 'provisionalExecution' }] } });
    expect(decide({ provisionalExecution: true })).toMatchObject({ ok: true });
  });

  it('issues the award from the decisions: on 2026-06-01 a wage item of 2,796,000 fen is final and one of 2,796,001 is not — two documents, each with its notice', async () => {
    const c = accepted('2026-05-01', '2026-05-06', {
      claims: [
        { type: 'wages', amountFen: 3_000_000, text: '支付拖欠工资30000元' },
        { type: 'wages', amountFen: 3_000_000, text: '支付2025年度绩效工资30000元' },
      ],
    });
    const decide = (i: number, amountFen: number) => unwrap(dispatch(at('2026-06-01', arb), 'claims.decide', { claimId: c.claims[i]!.id, result: 'partly', amountFen, order: `被申请人于本裁决书生效之日起十日内支付申请人张三第${i + 1}项款项`, reasoning: '部分支持', articles: '《劳动合同法》第三十条', finalityType: 'wages', decidedDate: '2026-06-01' }));
    decide(0, 2_796_000);
    decide(1, 2_796_001);
    // No hearing held and no decision to decide on the papers: no award (LDMAL Arts 35–38, Rules Art 41).
    expect(await dispatchAsync(at('2026-06-01', arb), 'award.issue', { caseId: c.id, awardDate: '2026-06-01' })).toMatchObject({ ok: false, error: { code: 'INVALID_STATE', message: expect.stringMatching(/尚未开庭审理.*也没有书面审理的决定/) } });
    unwrap(dispatch(at('2026-06-01', arb), 'cases.paperReview', { caseId: c.id, decidedDate: '2026-06-01', reason: '双方同意书面审理' }));
    expect(await dispatchAsync(at('2026-06-01', arb), 'award.issue', { caseId: c.id, awardDate: '2026-06-01' })).toMatchObject({ ok: false, error: { message: '请先填写裁决书的查明事实和裁决理由' } });
    unwrap(dispatch(at('2026-06-01', arb), 'award.saveDraft', { caseId: c.id, procedure: 'simple', appearance: '双方到庭', applicantStatement: '', respondentDefence: '', factsFound: '查明事实', reasoning: '本委认为' }));
    expect(outcomes(c.id, '2026-06-01').finalityPreview).toMatchObject({ award: 'mixed', items: [{ claimSeq: 1, final: true }, { claimSeq: 2, final: false }] });
    unwrap(await dispatchAsync(at('2026-06-01', arb), 'award.issue', { caseId: c.id, awardDate: '2026-06-01' }));
    const awards = docs(c.id, '2026-06-01').filter((d) => d.kind === 'award');
    expect(awards.map((d) => d.title)).toEqual(['裁决书（终局）', '裁决书（非终局）']);
    const fin = pdfOf(awards[0]!.id, '2026-06-01');
    expect(fin).toContain(`${c.caseNumber}之一`);
    expect(fin).toContain('人民币27,960.00元（大写：贰万柒仟玖佰陆拾元整）');
    expect(fin).toContain('本裁决为终局裁决，自作出之日起发生法律效力');
    expect(fin).not.toContain('27,960.01');
    const non = pdfOf(awards[1]!.id, '2026-06-01');
    expect(non).toContain('人民币27,960.01元（大写：贰万柒仟玖佰陆拾元零壹分）');
    expect(non).toContain('期满不起诉的，本裁决书发生法律效力');
  });

  it('closing by award is blocked until the award is served on every party; a late closing needs its reason (LDMAL Art 43)', async () => {
    const c = accepted('2026-09-01', '2026-09-02');
    await decideAndIssueSampleAward(at('2026-11-20', arb), c, '2026-11-20');
    const blockers = outcomes(c.id, '2026-11-20').closingBlockers.award!;
    expect(blockers).toContain('裁决书（终局）尚未送达张三');
    expect(dispatch(at('2026-11-20'), 'cases.close', { caseId: c.id, method: 'award', closedDate: '2026-11-20' })).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
    for (const d of docs(c.id).filter((x) => x.kind === 'award')) {
      for (const p of [...c.applicants, ...c.respondents]) unwrap(dispatch(at('2026-11-21'), 'documents.serve', { documentId: d.id, partyId: p.id, method: 'direct', sentDate: '2026-11-21', receiptDate: '2026-11-21' }));
    }
    const due = '2026-10-17';
    expect(dispatch(at('2026-11-21'), 'cases.close', { caseId: c.id, method: 'award', closedDate: '2026-11-21' })).toMatchObject({ ok: false, error: { issues: [{ path: 'overrunReason' }] } });
    const closed = unwrap<Outcomes>(dispatch(at('2026-11-21'), 'cases.close', { caseId: c.id, method: 'award', closedDate: '2026-11-21', overrunReason: '等待工伤认定未办理中止手续' }));
    expect(closed.closure).toMatchObject({ method: 'award', dueDate: expect.any(String), overrunReason: '等待工伤认定未办理中止手续' });
    expect(closed.closure!.dueDate < '2026-11-21').toBe(true);
    expect(due).toBeTruthy();
    expect(() => t.db.prepare("UPDATE case_closures SET method = 'mediation'").run()).toThrow(/final/);
  });
});
