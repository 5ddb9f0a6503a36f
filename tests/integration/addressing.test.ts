import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaseDetail, DocumentPreview, Settings } from '../../src/api';
import { DOCUMENT_KIND_REGISTRY, modelPlainText } from '../../src/documents';
import { dispatch, dispatchAsync } from '../../src/services';
import { type TestDb, openTestDb, unwrap } from '../helpers/db';
import { FIXTURE_CASE, fixtureData } from '../helpers/document-fixtures';
import { flat, pdfText } from '../helpers/documents';
import { sampleDraft } from '../helpers/fixtures';

/**
 * Addressed to someone: each notice speaks to its addressees as 你 / 你们 / 你单位 — never "你（们）" or "你（单位）" —
 * carries the commission's address, telephone and contact from the settings, the hearing venue's address, and a
 * signature date in Chinese numerals on every kind.
 */
const build = (code: string, over = {}) => flat(modelPlainText(DOCUMENT_KIND_REGISTRY.find((k) => k.code === code)!.build(fixtureData(over))));
const oneApplicant = { ...FIXTURE_CASE, applicants: [FIXTURE_CASE.applicants[1]!] };

/** Forms a party fills in and signs (授权委托书, 法定代表人身份证明书, 送达地址确认书): the party dates them on signing. */
const partyForms = new Set(DOCUMENT_KIND_REGISTRY.filter((k) => (k.needs as readonly string[]).includes('party')).map((k) => k.code));

describe.each(DOCUMENT_KIND_REGISTRY.map((k) => k.code))('%s', (code) => {
  it(partyForms.has(code) ? 'has no placeholder pronoun and leaves the date blank for the signing party' : 'has no placeholder pronoun and is dated in Chinese numerals', () => {
    const text = build(code);
    expect(text).not.toMatch(/你（们）|你（单位）|你\(们\)/);
    if (partyForms.has(code)) expect(text).toMatch(/[^〇一二三四五六七八九十0-9]年月日$/); // flat() drops the blanks
    else expect(text).toMatch(/二〇[〇一二三四五六七八九]{2}年[一二三四五六七八九十]+月[一二三四五六七八九十]+日/);
  });
});

describe('the pronoun follows who the addressees are', () => {
  it('你们 for two applicants, 你 for one person, 你单位 for a unit respondent', () => {
    expect(build('acceptance_notice')).toContain('李喆、张三：你们于2026年10月9日提出的');
    expect(build('acceptance_notice', { case: oneApplicant })).toContain('张三：你于2026年10月9日提出的');
    expect(build('response_notice')).toContain('与你单位劳动报酬争议一案');
    expect(build('response_notice')).toContain('送达你单位');
  });
});

describe('contact and venue', () => {
  it('prints the commission address, telephone and contact on the notices, and the venue address on the hearing notice', () => {
    for (const code of ['receipt', 'correction_notice', 'acceptance_notice', 'response_notice', 'hearing_notice']) {
      expect(build(code), code).toContain('本委地址：成都市温江区柳城街道德通桥路363号；联系电话：028-82712345；联系人：孙书记。');
    }
    expect(build('hearing_notice')).toContain('在温江区劳动人事争议仲裁院第一仲裁庭（成都市温江区柳城街道德通桥路363号）开庭审理');
    expect(build('acceptance_notice', { commissionAddress: null, commissionPhone: null, commissionContact: null })).not.toContain('本委地址');
  });

  let t: TestDb;
  beforeEach(async () => {
    t = await openTestDb();
  });
  afterEach(() => t.close());

  it('takes them from the settings an administrator saves', async () => {
    const s = unwrap<Settings>(dispatch(t.ctx(t.admin), 'settings.update', { commissionAddress: '成都市温江区柳城街道德通桥路363号', commissionPhone: '028-82712345', commissionContact: '王主任' }));
    expect(s).toMatchObject({ commissionPhone: '028-82712345', commissionContact: '王主任' });
    const at = { ...t.ctx(t.user('clerk1', 'clerk')), now: () => new Date('2026-11-02T04:00:00Z') };
    const d = unwrap<CaseDetail>(dispatch(at, 'cases.saveDraft', sampleDraft({ receivedDate: '2026-10-30' })));
    const preview = unwrap<DocumentPreview>(await dispatchAsync(at, 'documents.preview', { caseId: d.id, kind: 'receipt', issuedDate: '2026-11-02' }));
    expect(flat(pdfText(Buffer.from(preview.pdfBase64, 'base64')))).toContain('本委地址：成都市温江区柳城街道德通桥路363号；联系电话：028-82712345；联系人：王主任。');
  });
});
