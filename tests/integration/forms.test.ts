import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { DOCUMENT_KIND_REGISTRY, render } from '../../src/documents';
import { FIXTURE_CASE, fixtureData } from '../helpers/document-fixtures';
import { docxXml, flat, writeTemp } from '../helpers/documents';

/** Forms as forms: the 送达回证 is a ruled table, one page per addressee, listing every document served together. */
const build = (code: string) => DOCUMENT_KIND_REGISTRY.find((k) => k.code === code)!.build(fixtureData());
const pageTexts = (pdf: Buffer) => execFileSync('pdftotext', ['-enc', 'UTF-8', writeTemp(pdf, 'f.pdf'), '-'], { encoding: 'utf8' }).split('\f').filter((p) => p.trim()).map(flat);

describe('送达回证', () => {
  it('gives each addressee its own ruled form with a row per document served, its number and copies, and the columns to sign', async () => {
    const model = build('service_receipt');
    const [pdf, docx] = await Promise.all([render(model, 'pdf'), render(model, 'docx')]);
    const pages = pageTexts(pdf);
    const addressees = [...FIXTURE_CASE.applicants, ...FIXTURE_CASE.respondents];
    expect(pages).toHaveLength(addressees.length);
    addressees.forEach((p, i) => {
      const page = pages[i]!;
      expect(page).toContain(`受送达人${p.role === 'applicant' ? '申请人' : '被申请人'}：${p.name}`);
      for (const other of addressees.filter((x) => x !== p)) expect(page).not.toContain(`：${other.name}`);
      for (const label of ['文书名称及文号', '件数', '送达方式', '签收人签名', '签收日期', '代收人及理由', '拒收见证人', '送达人', '备注']) expect(page).toContain(label);
      // a cell's wrapped lines come out of pdftotext interleaved with its neighbours': check the pieces
      expect(page).toContain('受理通知书');
      expect(page).toContain('应诉通知书');
      expect(page.split('第128号').length - 1).toBe(3); // the case row and each document's number
    });
    expect(pages[0]).toContain('送达地点四川省成都市温江区柳城街道凤凰路1号');
    const xml = await docxXml(docx);
    expect((xml.match(/<w:tbl>/g) ?? []).length).toBe(3 * addressees.length);
    expect(xml).toMatch(/<w:tcBorders><w:top w:val="single"/);
    expect((xml.match(/w:type="page"|<w:pageBreakBefore\/>/g) ?? []).length).toBe(addressees.length - 1);
  });
});
