import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaseClock, CaseDetail, CaseDocument, DocumentFile, DocumentKindView } from '../../src/api';
import { plainChineseDate } from '../../src/domain';
import { dispatch, dispatchAsync } from '../../src/services';
import { type TestDb, openTestDb, unwrap } from '../helpers/db';
import { pdfText } from '../helpers/documents';
import { sampleDraft } from '../helpers/fixtures';

/**
 * The clock's papers (issue 11 item 6): 延长审理期限通知书 (LDMAL Art 43; Rules Art 45), 中止审理通知书 and 恢复审理通知书
 * (Rules Arts 46–47), each built from what the clock recorded, issued through documents.issue, read back from the PDF.
 */
let t: TestDb;
beforeEach(async () => { t = await openTestDb(); arb = t.user('arb1', 'arbitrator'); });
afterEach(() => t.close());

let arb: ReturnType<TestDb['user']>;
const at = (today: string) => ({ ...t.ctx(arb), now: () => new Date(`${today}T04:00:00Z`) });
const flat = (s: string) => s.replace(/\s+/g, '');

async function issuedText(today: string, caseId: string, kind: string): Promise<{ doc: CaseDocument; text: string }> {
  const doc = unwrap<CaseDocument>(await dispatchAsync(at(today), 'documents.issue', { caseId, kind, issuedDate: today }));
  const file = unwrap<DocumentFile>(dispatch(at(today), 'documents.file', { documentId: doc.id, format: 'pdf' }));
  return { doc, text: flat(pdfText(Buffer.from(file.base64, 'base64'))) };
}

describe('clock papers', () => {
  it('are refused until their record exists, then state the recorded reason, dates, period and articles', async () => {
    const d = unwrap<CaseDetail>(dispatch(at('2026-03-02'), 'cases.saveDraft', sampleDraft({ receivedDate: '2026-03-01' })));
    unwrap(dispatch(at('2026-03-02'), 'cases.accept', { id: d.id, acceptanceDate: '2026-03-02' }));
    const kinds = unwrap<DocumentKindView[]>(dispatch(at('2026-03-10'), 'documents.kinds', { id: d.id }));
    for (const k of ['extension_notice', 'suspension_notice', 'resumption_notice']) expect(kinds.find((x) => x.code === k)).toMatchObject({ available: false });
    const refused = await dispatchAsync(at('2026-03-10'), 'documents.issue', { caseId: d.id, kind: 'extension_notice', issuedDate: '2026-03-10' });
    expect(refused).toMatchObject({ ok: false, error: { message: expect.stringContaining('没有经批准的延长审理期限记录') } });
    expect(unwrap<CaseDetail>(dispatch(at('2026-03-10'), 'cases.get', { id: d.id })).timeline.map((e) => e.kind)).not.toContain('document.issued');

    unwrap(dispatch(at('2026-03-10'), 'cases.suspend', { id: d.id, startDate: '2026-03-10', reason: '等待工伤认定结论。' }));
    const s = await issuedText('2026-03-10', d.id, 'suspension_notice');
    expect(s.doc).toMatchObject({ kind: 'suspension_notice', title: '中止审理通知书' });
    expect(s.text).toContain('因等待工伤认定结论，根据《劳动人事争议仲裁办案规则》第四十七条的规定，经本委批准，本案自2026年3月10日起中止审理。');
    expect(s.text).toContain('中止审理期间不计入审理期限（《劳动人事争议仲裁办案规则》第四十六条）');
    expect(await dispatchAsync(at('2026-03-10'), 'documents.issue', { caseId: d.id, kind: 'resumption_notice', issuedDate: '2026-03-10' })).toMatchObject({ ok: false, error: { message: expect.stringContaining('没有恢复审理记录') } });

    const resumed = unwrap<CaseClock>(dispatch(at('2026-03-30'), 'cases.resume', { id: d.id, resumeDate: '2026-03-30' }));
    const due = resumed.deadlines.find((x) => x.rule === 'award')!.dueDate;
    const r = await issuedText('2026-03-30', d.id, 'resumption_notice');
    expect(r.text).toContain('本委于2026年3月10日决定中止审理，中止原因为：等待工伤认定结论。现中止审理的情形已经消除');
    expect(r.text).toContain('本案自2026年3月30日起恢复审理');
    expect(r.text).toContain(`中止审理期间共20日，不计入审理期限（《劳动人事争议仲裁办案规则》第四十六条）。恢复审理后，仲裁庭应当于${plainChineseDate(due)}前结束本案。`);

    const extended = unwrap<CaseClock>(dispatch(at('2026-04-10'), 'cases.extend', { id: d.id, days: 10, approvedBy: '仲裁委员会主任王某', approvalDate: '2026-04-10', reason: '案情复杂需鉴定' }));
    const due2 = extended.deadlines.find((x) => x.rule === 'award')!.dueDate;
    expect(due2 > due).toBe(true);
    const e = await issuedText('2026-04-10', d.id, 'extension_notice');
    expect(e.text).toContain('因案情复杂需鉴定，需要延长审理期限，经本委主任（或者其委托的仲裁院负责人）于2026年4月10日批准，本案审理期限延长10日。');
    expect(e.text).toContain('《中华人民共和国劳动争议调解仲裁法》第四十三条、《劳动人事争议仲裁办案规则》第四十五条');
    expect(e.text).toContain(`延长后，仲裁庭应当于${plainChineseDate(due2)}前结束本案`);
    expect(e.text).toContain('逾期未作出仲裁裁决的，当事人可以就该劳动争议事项向人民法院提起诉讼');

    // a second extension (15 days in all) is stated with the total
    unwrap(dispatch(at('2026-04-12'), 'cases.extend', { id: d.id, days: 5, approvedBy: '仲裁委员会主任王某', approvalDate: '2026-04-12', reason: '追加鉴定事项' }));
    const e2 = await issuedText('2026-04-12', d.id, 'extension_notice');
    expect(e2.text).toContain('本案审理期限延长5日（累计延长15日）');
  });
});
