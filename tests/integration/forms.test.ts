import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { DOCUMENT_KIND_REGISTRY, render } from '../../src/documents';
import { FIXTURE_CASE, fixtureData } from '../helpers/document-fixtures';
import { docxXml, flat, fontconfigWithBundledFonts, hasCommand, tempDir, writeTemp } from '../helpers/documents';
import { libreOfficeToPdf } from '../helpers/pagination';

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
      for (const label of ['文书名称及文号', '代收人及理由', '拒收见证人', '送达人', '备注']) expect(page).toContain(label);
      // the narrow columns' labels are set on two lines (件/数, 送达/方式, 签收人/签名, 签收/日期), read back interleaved
      expect(page).toContain('件送达签收人签收');
      expect(page).toContain('数方式签名日期');
      // a cell's wrapped lines come out of pdftotext interleaved with its neighbours': check the pieces
      expect(page).toContain('受理通知书');
      expect(page).toContain('应诉通知书');
      expect(page.split('第128号').length - 1).toBe(3); // the case row and each document's number
    });
    expect(pages[0]).toContain('送达地点四川省成都市温江区柳城街道凤凰路1号');
    const xml = await docxXml(docx);
    expect((xml.match(/<w:tbl>/g) ?? []).length).toBe(3 * addressees.length);
    expect(xml).toMatch(/<w:tblBorders><w:top w:val="single"/);
    expect(xml).toMatch(/<w:insideH w:val="single"/);
    expect((xml.match(/w:type="page"|<w:pageBreakBefore\/>/g) ?? []).length).toBe(addressees.length - 1);
  });
});

describe('送达回证 numbers', () => {
  // A document's number is a no-break span: it must stand whole on one line of its cell, in our PDF and in
  // LibreOffice's rendering of the DOCX (the cell was once narrower than the number, which then wrapped inside it).
  const numberLines = (pdfFile: string) => {
    const lines = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', pdfFile, '-'], { encoding: 'utf8' }).split('\n').map((l) => l.replace(/\s+/g, ''));
    const number = FIXTURE_CASE.caseNumber!;
    return { whole: lines.filter((l) => l.includes(number)).length, broken: lines.filter((l) => (l.includes('劳人仲案字') || l.includes('第128号')) && !l.includes(number)) };
  };
  it('prints every number whole on one line of its cell, in the PDF and in the DOCX as LibreOffice lays it out', async () => {
    const model = build('service_receipt');
    const [pdf, docx] = await Promise.all([render(model, 'pdf'), render(model, 'docx')]);
    const addressees = FIXTURE_CASE.applicants.length + FIXTURE_CASE.respondents.length;
    const ours = numberLines(writeTemp(pdf, 'sr.pdf'));
    expect(ours.broken).toEqual([]);
    expect(ours.whole).toBe(3 * addressees);
    if (!hasCommand('soffice')) return;
    const dir = tempDir('desk-sr-');
    const [lo] = libreOfficeToPdf([writeTemp(docx, 'sr.docx')], dir, fontconfigWithBundledFonts());
    const theirs = numberLines(lo!);
    expect(theirs.broken).toEqual([]);
    expect(theirs.whole).toBe(3 * addressees);
  }, 120_000);
});

describe('庭审笔录', () => {
  it('states time and place, tribunal and clerk, the steps of the hearing, numbered corrections, and the 核对无误 line on every page', async () => {
    const pdf = await render(build('hearing_record'), 'pdf');
    const pages = pageTexts(pdf);
    expect(pages.length).toBeGreaterThan(1);
    for (const page of pages) expect(page).toContain('以上笔录经核对无误当事人签名：书记员：');
    const text = pages.join('');
    expect(text).toContain('时间：2026年11月3日09:30至11:40');
    expect(text).toContain('仲裁庭：首席仲裁员陈仲裁，仲裁员刘兼职，仲裁员杨工会');
    expect(text).toContain('书记员：孙书记');
    const steps = ['核对当事人身份', '告知权利义务', '询问是否申请回避', '陈述与答辩', '举证、质证', '仲裁庭调查与辩论', '最后陈述', '调解意愿', '闭庭'];
    let at = 0;
    steps.forEach((s, i) => {
      const found = text.indexOf(`${'一二三四五六七八九'[i]}、${s}`, at);
      expect(found, s).toBeGreaterThan(at);
      at = found;
    });
    expect(text).toContain('更正一：2026年11月4日，应张三申请补正：第二段“六月”应为“七月”');
    expect(text).not.toMatch(/1\.2026年11月4日/);
    const xml = await docxXml(await render(build('hearing_record'), 'docx'), 'word/footer1.xml').catch(() => '');
    const footers = xml || (await docxXml(await render(build('hearing_record'), 'docx'), 'word/footer2.xml'));
    expect(footers).toContain('以上笔录经核对无误');
  });
});
