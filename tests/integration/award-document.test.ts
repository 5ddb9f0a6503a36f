import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaseDetail, DocumentFile, Proceedings, UserView } from '../../src/api';
import { DOCUMENT_KIND_REGISTRY, modelPlainText, render } from '../../src/documents';
import { parseCitations } from '../../src/domain';
import { dispatch } from '../../src/services';
import { type TestDb, openTestDb, unwrap } from '../helpers/db';
import { fixtureData } from '../helpers/document-fixtures';
import { flat, pdfText } from '../helpers/documents';
import { sampleDraft } from '../helpers/fixtures';
import { decideAndIssueSampleAward } from '../helpers/outcomes';

/**
 * The award states its law and its reasons (文书样式): each item's reasons under 本委认为, every article entered for a
 * decided claim in "依照《…》第…条……之规定，裁决如下：" with the law's full name, and the two parts of a split award each
 * carrying only their own claims, reasons, articles and rejections, so that they never contradict each other.
 */
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

describe('the award issued from the decisions', () => {
  it('split into 之一 (final) and 之二 (non-final): each part cites its own articles in full and gives its own reasons and rejections', async () => {
    const d = unwrap<CaseDetail>(dispatch(at('2026-11-02'), 'cases.saveDraft', sampleDraft({ receivedDate: '2026-10-30' })));
    const c = unwrap<CaseDetail>(dispatch(at('2026-11-02'), 'cases.accept', { id: d.id, acceptanceDate: '2026-11-02' }));
    unwrap(dispatch(at('2026-11-02'), 'cases.compose', { id: c.id, mode: 'sole', presidingId: arb.id, memberIds: [], clerkId: clerk.id, composedDate: '2026-11-02' }));
    await decideAndIssueSampleAward(at('2026-12-01', arb), c, '2026-12-01');
    const awards = unwrap<Proceedings>(dispatch(at('2026-12-02'), 'cases.proceedings', { id: c.id })).documents.filter((x) => x.kind === 'award');
    expect(awards.map((x) => x.title)).toEqual(['裁决书（终局）', '裁决书（非终局）']);
    const text = (id: string) => flat(pdfText(Buffer.from(unwrap<DocumentFile>(dispatch(at('2026-12-02'), 'documents.file', { documentId: id, format: 'pdf' })).base64, 'base64')));
    const [fin, non] = [text(awards[0]!.id), text(awards[1]!.id)];

    // 之一: wages (supported) and compensation (partly) — the articles entered for them, the law named in full
    expect(fin).toContain('综上，依照《中华人民共和国劳动合同法》第三十条、第四十六条、第四十七条之规定，裁决如下：');
    expect(fin).toContain('关于第1项仲裁请求，用人单位应当及时足额支付劳动报酬。');
    expect(fin).toContain('关于第2项仲裁请求，工作年限认定为一年。');
    expect(fin).toContain('驳回申请人的第2项仲裁请求的其余部分。');
    expect(fin).not.toContain('其他仲裁请求');
    // 之二: the finding of employment (rejected)
    expect(non).toContain('1.确认双方2024年3月1日至2026年9月30日存在劳动关系。');
    expect(non).toContain('综上，依照《中华人民共和国劳动争议调解仲裁法》第六条之规定，裁决如下：');
    expect(non).toContain('关于第1项仲裁请求，证据不足。');
    expect(non).toContain('一、驳回申请人的第1项仲裁请求。');
    // neither part carries the other's claims, reasons or articles
    for (const [doc, other] of [[fin, ['确认双方', '证据不足', '第六条']], [non, ['支付拖欠工资', '工作年限', '第三十条', '第四十六条']]] as const) {
      for (const s of other) expect(doc).not.toContain(s);
      expect(doc).not.toContain('有关法律规定');
    }
  });
});

describe('the award builder', () => {
  const build = DOCUMENT_KIND_REGISTRY.find((k) => k.code === 'award')!.build;

  it('gathers every article entered into one 依照 sentence, merged by law, short names written in full', () => {
    expect(parseCitations(['《劳动合同法》第三十条', '《劳动合同法》第四十六条、第四十七条；《劳动争议调解仲裁法》第六条', '《劳动合同法》第三十条'])).toEqual([
      { law: '中华人民共和国劳动合同法', articles: ['第三十条', '第四十六条', '第四十七条'] },
      { law: '中华人民共和国劳动争议调解仲裁法', articles: ['第六条'] },
    ]);
    const text = flat(modelPlainText(build(fixtureData())));
    expect(text).toContain('依照《中华人民共和国劳动合同法》第三十条、第三十八条、第四十六条、第四十七条，《中华人民共和国劳动争议调解仲裁法》第六条之规定，裁决如下：');
    expect(text).toContain('二、被申请人成都信达电子有限公司于本裁决书生效之日起十日内支付申请人李喆解除劳动合同经济补偿');
    expect(text).toContain('驳回申请人的其他仲裁请求。');
  });

  it('does not print "申请人称：" before a statement that already begins with it', async () => {
    const base = fixtureData();
    const data = fixtureData({ award: { ...base.award!, applicantStatement: '申请人称：被申请人拖欠工资。', respondentDefence: '被申请人辩称，工资已部分支付。' } });
    const text = flat(pdfText(await render(build(data), 'pdf')));
    expect(text).toContain('申请人称：被申请人拖欠工资。');
    expect(text).not.toContain('申请人称：申请人称');
    expect(text).toContain('被申请人辩称，工资已部分支付。');
    expect(text).not.toContain('被申请人辩称：被申请人辩称');
  });
});
