import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaseDetail, CaseDocument, DocumentFile, DocumentKindView, DocumentPreview, Outcomes, Proceedings, UserView } from '../../src/api';
import { dispatch, dispatchAsync } from '../../src/services';
import { issueMany } from '../../src/services/documents';
import { type TestDb, openTestDb, unwrap } from '../helpers/db';
import { flat, pdfText } from '../helpers/documents';
import { sampleDraft } from '../helpers/fixtures';
import { decideAndIssueSampleAward } from '../helpers/outcomes';

/** The document register at the service layer: files stored with their hashes, immutability, versions with reasons. */
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
function acceptedWithTribunal(draft = sampleDraft({ receivedDate: '2026-10-30' })) {
  const d = unwrap<CaseDetail>(dispatch(at('2026-11-02'), 'cases.saveDraft', draft));
  const c = unwrap<CaseDetail>(dispatch(at('2026-11-02'), 'cases.accept', { id: d.id, acceptanceDate: '2026-11-02' }));
  unwrap(dispatch(at('2026-11-02'), 'cases.compose', { id: c.id, mode: 'sole', presidingId: arb.id, memberIds: [], clerkId: clerk.id, composedDate: '2026-11-02' }));
  return c;
}
const file = (id: string, format: 'pdf' | 'docx') => unwrap<DocumentFile>(dispatch(at('2026-12-05'), 'documents.file', { documentId: id, format }));
const bytes = (f: DocumentFile) => Buffer.from(f.base64, 'base64');
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
/**
 * Issues the sample award through the decisions. Wages (12,500) and compensation (6,000) are under 12 × 2,330 and final;
 * the rejected finding of employment is not a final matter, so the award is mixed and split: 之一 (final) and 之二.
 * Returns the final part.
 */
async function issueAward(c: CaseDetail, date = '2026-12-01', facts?: string): Promise<CaseDocument> {
  await decideAndIssueSampleAward(at(date, arb), c, date, facts);
  return unwrap<Proceedings>(dispatch(at(date), 'cases.proceedings', { id: c.id })).documents.find((d) => d.kind === 'award' && d.title === '裁决书（终局）' && !d.supersededBy)!;
}

describe('document register', () => {
  it('stores the issued award\'s DOCX and PDF with their SHA-256; the files read back intact', async () => {
    const c = acceptedWithTribunal();
    const award = await issueAward(c);
    expect(award).toMatchObject({ kind: 'award', title: '裁决书（终局）', version: 1, hasFiles: true, caseNumber: c.caseNumber, supersededBy: null });
    expect(award.pages).toBeGreaterThanOrEqual(1);
    const pdf = file(award.id, 'pdf');
    const docx = file(award.id, 'docx');
    expect(sha(bytes(pdf))).toBe(award.pdfSha256);
    expect(sha(bytes(docx))).toBe(award.docxSha256);
    expect(pdf.fileName).toMatch(/裁决书（终局）\.pdf$/);
    const text = flat(pdfText(bytes(pdf)));
    expect(text).toContain(`${c.caseNumber!}之一`);
    expect(text).toContain('本裁决为终局裁决');
    const docs = unwrap<Proceedings>(dispatch(at('2026-12-05'), 'cases.proceedings', { id: c.id })).documents.filter((d) => d.kind === 'award');
    expect(docs.map((d) => d.title)).toEqual(['裁决书（终局）', '裁决书（非终局）']);
    const nonFinal = flat(pdfText(bytes(file(docs[1]!.id, 'pdf'))));
    expect(nonFinal).toContain(`${c.caseNumber!}之二`);
    expect(nonFinal).toContain('期满不起诉的，本裁决书发生法律效力');
    // 之二 rejects only its own claim: "全部" would contradict what 之一 grants
    expect(nonFinal).toContain('驳回申请人的第1项仲裁请求。');
    expect(nonFinal).not.toContain('全部仲裁请求');
    expect(text).toContain('人民币12,500.00元（大写：壹万贰仟伍佰元整）');
    expect(bytes(docx).subarray(0, 2).toString()).toBe('PK');
  });

  it('an issued award cannot be altered through any operation, nor by writing to the database directly', async () => {
    const c = acceptedWithTribunal();
    const award = await issueAward(c);
    const before = { pdf: file(award.id, 'pdf').base64, docx: file(award.id, 'docx').base64 };
    // operations that touch the document, the case or the data the award was built from
    unwrap(dispatch(at('2026-12-05'), 'documents.serve', { documentId: award.id, partyId: c.applicants[0]!.id, method: 'direct', sentDate: '2026-12-02', receiptDate: '2026-12-02' }));
    unwrap(dispatch(at('2026-12-05', t.admin), 'settings.update', { commissionName: '成都市温江区劳动人事争议仲裁委员会（更名）' }));
    expect(dispatch(at('2026-12-05'), 'cases.saveDraft', { ...sampleDraft(), id: c.id })).toMatchObject({ ok: false });
    expect(await dispatchAsync(at('2026-12-05'), 'documents.issue', { caseId: c.id, kind: 'award', issuedDate: '2026-12-05' })).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
    expect(await dispatchAsync(at('2026-12-05', arb), 'award.issue', { caseId: c.id, awardDate: '2026-12-05' })).toMatchObject({ ok: false, error: { code: 'INVALID_STATE', message: '没有待裁决的请求' } });
    expect(dispatch(at('2026-12-05', arb), 'claims.decide', { claimId: c.claims[0]!.id, result: 'supported', amountFen: 1, order: '支付', reasoning: '改', articles: '第一条', finalityType: 'wages', decidedDate: '2026-12-05' })).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
    expect(await dispatchAsync(at('2026-12-05', arb), 'documents.reissue', { documentId: award.id, reason: '改动', issuedDate: '2026-12-05' })).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
    expect(() => t.db.prepare('UPDATE claim_decisions SET amount_fen = 1 WHERE claim_id = ?').run(c.claims[0]!.id)).toThrow(/issued award/);
    // direct writes are refused by the register's triggers
    expect(() => t.db.prepare('UPDATE case_documents SET pdf = ? WHERE id = ?').run(Buffer.from('forged'), award.id)).toThrow(/immutable/);
    expect(() => t.db.prepare('UPDATE case_documents SET title = ? WHERE id = ?').run('伪造', award.id)).toThrow(/immutable/);
    expect(() => t.db.prepare('UPDATE case_documents SET issued_date = ? WHERE id = ?').run('2026-11-01', award.id)).toThrow(/immutable/);
    expect(() => t.db.prepare('DELETE FROM case_documents WHERE id = ?').run(award.id)).toThrow(/cannot be deleted/);
    expect({ pdf: file(award.id, 'pdf').base64, docx: file(award.id, 'docx').base64 }).toEqual(before);
    const after = unwrap<Proceedings>(dispatch(at('2026-12-05'), 'cases.proceedings', { id: c.id })).documents.find((d) => d.id === award.id)!;
    expect(after).toMatchObject({ pdfSha256: award.pdfSha256, docxSha256: award.docxSha256, title: '裁决书（终局）', issuedDate: '2026-12-01', version: 1 });
  });

  it('a re-issue with a reason is a new version; the register shows both and both files stay intact', async () => {
    const c = acceptedWithTribunal();
    const v1 = await issueAward(c);
    const v1pdf = file(v1.id, 'pdf').base64;
    expect(await dispatchAsync(at('2026-12-03', arb), 'documents.reissue', { documentId: v1.id, reason: '', issuedDate: '2026-12-03' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    // before service, a misprint in the facts is corrected in the draft and the award re-issued; amounts stay locked
    const draft = unwrap<Outcomes>(dispatch(at('2026-12-03'), 'cases.outcomes', { id: c.id })).awardDraft!;
    unwrap(dispatch(at('2026-12-03', arb), 'award.saveDraft', { caseId: c.id, ...draft, factsFound: '申请人于2024年3月1日入职被申请人处，月工资6500元。' }));
    expect(await dispatchAsync(at('2026-12-03', arb), 'documents.reissue', { documentId: v1.id, reason: '笔误', issuedDate: '2026-12-03', payload: { award: {} } })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const v2 = unwrap<CaseDocument>(await dispatchAsync(at('2026-12-03', arb), 'documents.reissue', { documentId: v1.id, reason: '查明事实中月工资笔误', issuedDate: '2026-12-03' }));
    expect(v2).toMatchObject({ version: 2, seriesId: v1.id, reissueReason: '查明事实中月工资笔误', supersededBy: null });
    const docs = unwrap<Proceedings>(dispatch(at('2026-12-05'), 'cases.proceedings', { id: c.id })).documents.filter((d) => d.seriesId === v1.id);
    expect(docs.map((d) => [d.version, d.supersededBy])).toEqual([[1, v2.id], [2, null]]);
    expect(file(v1.id, 'pdf').base64).toBe(v1pdf);
    expect(flat(pdfText(bytes(file(v1.id, 'pdf'))))).toContain('月工资6000元');
    expect(flat(pdfText(bytes(file(v2.id, 'pdf'))))).toContain('月工资6500元');
    expect(file(v2.id, 'pdf').fileName).toMatch(/第2版\.pdf$/);
    // the old version cannot be re-issued again, nor served
    expect(await dispatchAsync(at('2026-12-04', arb), 'documents.reissue', { documentId: v1.id, reason: '再次', issuedDate: '2026-12-04' })).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
    expect(dispatch(at('2026-12-04'), 'documents.serve', { documentId: v1.id, partyId: c.applicants[0]!.id, method: 'direct', sentDate: '2026-12-04', receiptDate: '2026-12-04' })).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
    const events = unwrap<CaseDetail>(dispatch(at('2026-12-05'), 'cases.get', { id: c.id })).timeline.map((e) => e.summary).join('\n');
    expect(events).toContain('重新签发裁决书（终局）（第2版，2026-12-03）：查明事实中月工资笔误');
  });

  it('previews without registering, offers the kinds that fit the stage, and refuses what the stage does not allow', async () => {
    const d = unwrap<CaseDetail>(dispatch(at('2026-11-02'), 'cases.saveDraft', sampleDraft({ receivedDate: '2026-10-30' })));
    const kinds = unwrap<DocumentKindView[]>(dispatch(at('2026-11-02'), 'documents.kinds', { id: d.id }));
    // listed group by group (通知类, 当事人表格, 收件与送达: kind-groups.test.ts)
    expect(kinds.filter((k) => k.available).map((k) => k.code)).toEqual(['correction_notice', 'application', 'power_of_attorney', 'legal_rep_certificate', 'service_address_confirmation', 'receipt']);
    expect(kinds.find((k) => k.code === 'acceptance_notice')!.unavailable).toContain('已受理');
    const preview = unwrap<DocumentPreview>(await dispatchAsync(at('2026-11-02'), 'documents.preview', { caseId: d.id, kind: 'correction_notice', issuedDate: '2026-11-02', payload: { correction: { items: ['申请人身份证复印件'], days: 5 } } }));
    expect(preview.pages).toBe(1);
    expect(flat(pdfText(Buffer.from(preview.pdfBase64, 'base64')))).toContain('申请人身份证复印件');
    expect(unwrap<Proceedings>(dispatch(at('2026-11-02'), 'cases.proceedings', { id: d.id })).documents).toHaveLength(0);
    expect(await dispatchAsync(at('2026-11-02'), 'documents.issue', { caseId: d.id, kind: 'acceptance_notice', issuedDate: '2026-11-02' })).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
    expect(await dispatchAsync(at('2026-11-02'), 'documents.issue', { caseId: d.id, kind: 'correction_notice', issuedDate: '2026-11-02' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: 'payload.correction' }] } });
    const issued = unwrap<CaseDocument>(await dispatchAsync(at('2026-11-02'), 'documents.issue', { caseId: d.id, kind: 'correction_notice', issuedDate: '2026-11-02', payload: { correction: { items: ['申请人身份证复印件'], days: 5 } } }));
    expect(issued).toMatchObject({ hasFiles: true, caseNumber: null, title: '补正通知书' });
  });

  it('flags a character no face can print at intake, names it, and refuses acceptance until it is fixed; nothing is registered', async () => {
    const draft = sampleDraft({ receivedDate: '2026-10-30' });
    draft.applicants[0] = { ...draft.applicants[0]!, name: '𠮷野' } as (typeof draft.applicants)[number];
    const d = unwrap<CaseDetail>(dispatch(at('2026-11-02'), 'cases.saveDraft', draft));
    expect(d.printProblems.map((p) => p.message).join('')).toMatch(/“申请人1?姓名（名称）”中的字符“𠮷”（U\+20BB7）/);
    const r = dispatch(at('2026-11-02'), 'cases.accept', { id: d.id, acceptanceDate: '2026-11-02' });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    if (!r.ok) expect(r.error.message).toMatch(/字符“𠮷”（U\+20BB7）.*请先修改申请再受理/);
    expect(unwrap<CaseDetail>(dispatch(at('2026-11-02'), 'cases.get', { id: d.id })).status).toBe('draft');
    // Fixed in the draft (the usual practice: a common character, the original noted), the case is accepted.
    const fixed = { ...draft, id: d.id, applicants: [{ ...draft.applicants[0]!, name: '吉野' }, ...draft.applicants.slice(1)] } as typeof draft;
    const d2 = unwrap<CaseDetail>(dispatch(at('2026-11-02'), 'cases.saveDraft', fixed));
    expect(d2.printProblems).toEqual([]);
    expect(unwrap<CaseDetail>(dispatch(at('2026-11-02'), 'cases.accept', { id: d.id, acceptanceDate: '2026-11-02' })).status).toBe('accepted');
    expect(unwrap<Proceedings>(dispatch(at('2026-11-03'), 'cases.proceedings', { id: d.id })).documents).toHaveLength(0);
  });
  it('签发 states what it will record, refuses identical content again (re-issue with a reason remains)', async () => {
    const c = acceptedWithTribunal();
    const input = { caseId: c.id, kind: 'acceptance_notice', issuedDate: '2026-11-03' };
    const preview = unwrap<DocumentPreview>(await dispatchAsync(at('2026-11-03'), 'documents.preview', input));
    expect(preview.record).toEqual({ addressee: c.applicants.map((p) => p.name).join('、'), version: 1, number: c.caseNumber });
    const v1 = unwrap<CaseDocument>(await dispatchAsync(at('2026-11-03'), 'documents.issue', input));
    expect(v1).toMatchObject({ version: 1, caseNumber: c.caseNumber });
    const again = await dispatchAsync(at('2026-11-03'), 'documents.issue', input);
    expect(again).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
    expect(!again.ok && again.error.message).toBe('本案已签发内容相同的受理通知书（第1版，2026-11-03签发），不再重复签发；请在文书列表中查看、打印或保存该版本，内容需要更正的请“重新签发”并说明理由');
    // the same content with another date of issue is the same paper
    expect(await dispatchAsync(at('2026-11-05'), 'documents.issue', { ...input, issuedDate: '2026-11-05' })).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
    const docs = () => unwrap<Proceedings>(dispatch(at('2026-11-05'), 'cases.proceedings', { id: c.id })).documents.filter((d) => d.kind === 'acceptance_notice');
    expect(docs()).toHaveLength(1);
    const v2 = unwrap<CaseDocument>(await dispatchAsync(at('2026-11-05'), 'documents.reissue', { documentId: v1.id, reason: '原件遗失，重新制作', issuedDate: '2026-11-05' }));
    expect(v2).toMatchObject({ version: 2, seriesId: v1.id });
    expect(docs().map((d) => d.version)).toEqual([1, 2]);
  });

  it('batch printing: finds what is already issued, issues only what is missing, and prints them in order as one PDF of the issued pages', async () => {
    const a = acceptedWithTribunal();
    const b = acceptedWithTribunal(sampleDraft({ receivedDate: '2026-10-31' }));
    const issued = (ids: string[]) => unwrap<{ caseId: string; documentId: string }[]>(dispatch(at('2026-11-04'), 'documents.issued', { caseIds: ids, kind: 'acceptance_notice' }));
    const docA = unwrap<CaseDocument>(await dispatchAsync(at('2026-11-03'), 'documents.issue', { caseId: a.id, kind: 'acceptance_notice', issuedDate: '2026-11-03' }));
    expect(issued([b.id, a.id])).toEqual([expect.objectContaining({ caseId: a.id, documentId: docA.id })]);
    const docB = unwrap<CaseDocument>(await dispatchAsync(at('2026-11-04'), 'documents.issue', { caseId: b.id, kind: 'acceptance_notice', issuedDate: '2026-11-04' }));
    const refs = issued([b.id, a.id]);
    expect(refs.map((r) => r.documentId)).toEqual([docB.id, docA.id]);
    const merged = unwrap<DocumentFile>(await dispatchAsync(at('2026-11-04'), 'documents.merged', { documentIds: refs.map((r) => r.documentId) }));
    const mergedPdf = bytes(merged);
    expect(sha(mergedPdf)).toBe(merged.sha256);
    // the merged file's pages, in order, read back as the issued files' pages
    const pages = (pdf: Buffer) => pdfText(pdf).split('\f').filter((p) => p.trim()).map(flat);
    const expected = [...pages(bytes(file(docB.id, 'pdf'))), ...pages(bytes(file(docA.id, 'pdf')))];
    expect(pages(mergedPdf)).toEqual(expected);
    expect(expected.length).toBe(docA.pages! + docB.pages!);
    expect(pages(mergedPdf)[0]).toContain(b.caseNumber!);
    // bad input changes nothing and says why
    expect(await dispatchAsync(at('2026-11-04'), 'documents.merged', { documentIds: [] })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await dispatchAsync(at('2026-11-04'), 'documents.merged', { documentIds: ['0'.repeat(32)] })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: '文书不存在' } });
  });
  it('文号: a 不予受理通知书 takes the next number of its series and year at issue, printed on the paper and in the register; a failed issue leaves no gap', async () => {
    const notAccepted = (received: string) => {
      const d = unwrap<CaseDetail>(dispatch(at('2026-11-02'), 'cases.saveDraft', sampleDraft({ receivedDate: received })));
      unwrap(dispatch(at('2026-11-03'), 'cases.notAccept', { id: d.id, decisionDate: '2026-11-03', reasonCode: 'out_of_scope', reasonText: '请求确认与承包人之间的合作关系' }));
      return d;
    };
    const a = notAccepted('2026-10-30');
    const input = (caseId: string) => ({ caseId, kind: 'non_acceptance_notice', issuedDate: '2026-11-04' });
    const preview = unwrap<DocumentPreview>(await dispatchAsync(at('2026-11-04'), 'documents.preview', input(a.id)));
    expect(preview.record.number).toBe('温劳人仲不字〔2026〕第1号');
    const first = unwrap<CaseDocument>(await dispatchAsync(at('2026-11-04'), 'documents.issue', input(a.id)));
    expect(first.documentNumber).toBe('温劳人仲不字〔2026〕第1号');
    expect(flat(pdfText(bytes(file(first.id, 'pdf'))))).toContain('不予受理通知书温劳人仲不字〔2026〕第1号');
    expect(file(first.id, 'pdf').fileName).toBe('温劳人仲不字(2026)第1号-不予受理通知书.pdf');
    expect(unwrap<CaseDetail>(dispatch(at('2026-11-04'), 'cases.get', { id: a.id })).timeline.map((e) => e.summary)).toContain('签发不予受理通知书（温劳人仲不字〔2026〕第1号，2026-11-04，PDF 1 页）');

    // an issue that fails inside its transaction takes no number: the next issue gets 第2号
    const b = notAccepted('2026-10-31');
    await expect(issueMany({ ...at('2026-11-04'), op: 'documents.issue' }, [input(b.id) as never], () => { throw new Error('disk full'); })).rejects.toThrow('disk full');
    expect(unwrap<Proceedings>(dispatch(at('2026-11-04'), 'cases.proceedings', { id: b.id })).documents).toHaveLength(0);
    const second = unwrap<CaseDocument>(await dispatchAsync(at('2026-11-04'), 'documents.issue', input(b.id)));
    expect(second.documentNumber).toBe('温劳人仲不字〔2026〕第2号');

    // a re-issued version keeps its number; the series' pattern is a setting (checked), the sequence goes on
    const v2 = unwrap<CaseDocument>(await dispatchAsync(at('2026-11-05'), 'documents.reissue', { documentId: first.id, reason: '送达地址更正', issuedDate: '2026-11-05' }));
    expect(v2.documentNumber).toBe('温劳人仲不字〔2026〕第1号');
    const admin = t.user('admin1', 'admin');
    expect(dispatch(at('2026-11-05', admin), 'settings.update', { documentNumberPatterns: { non_acceptance_notice: '温劳人仲不字第{n}号' } })).toMatchObject({
      ok: false, error: { code: 'VALIDATION', issues: [{ message: '文号格式必须包含年份占位符 {year}（序号按年编排）' }] },
    });
    unwrap(dispatch(at('2026-11-05', admin), 'settings.update', { documentNumberPatterns: { non_acceptance_notice: '温劳人仲不受字〔{year}〕第{n}号' } }));
    const c = notAccepted('2026-11-01');
    expect(unwrap<CaseDocument>(await dispatchAsync(at('2026-11-05'), 'documents.issue', input(c.id))).documentNumber).toBe('温劳人仲不受字〔2026〕第3号');
    // the 送达回证 lists the paper with its own number
    const receipt = unwrap<CaseDocument>(await dispatchAsync(at('2026-11-05'), 'documents.issue', { caseId: b.id, kind: 'service_receipt', issuedDate: '2026-11-05', payload: { servedDocumentIds: [second.id] } }));
    const receiptText = flat(pdfText(bytes(file(receipt.id, 'pdf'))));
    expect(receiptText).toContain('不予受理通知书'); // a cell's lines read back interleaved with the neighbouring cells'
    expect(receiptText.split('温劳人仲不字〔2026〕第2号').length - 1).toBe(3); // one form per party
  });
});
