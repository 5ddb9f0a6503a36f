import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src/api';
import { fenToCapital, formatFen } from '../../src/domain';
import { DOCUMENT_KIND_REGISTRY, type DocumentModel, faceChains, modelPlainText, render, segment } from '../../src/documents';
import { DOCX_PAGE_TWIPS } from '../../src/documents/docx';
import { fixtureData, FIXTURE_CASE } from '../helpers/document-fixtures';
import { docxText, docxXml, flat, fontconfigWithBundledFonts, hasCommand, pdfFonts, pdfInfo, pdfText, tempDir } from '../helpers/documents';

/**
 * Every document kind, generated from fixture data to DOCX and PDF and read back with real tools: the PDF's text
 * (pdftotext), its fonts (pdffonts) and page size (pdfinfo); the DOCX's word/document.xml; and LibreOffice's rendering
 * of the DOCX. Renderings are kept under test-results/documents for a person to look at.
 */
const OUT = path.resolve('test-results/documents');
const parties = [...FIXTURE_CASE.applicants, ...FIXTURE_CASE.respondents];
const yuan = (fen: number) => formatFen(fen).slice(1);

/** Amounts each kind prints, in figures and — where money is claimed, awarded or agreed — in capitals. */
const AMOUNTS: Record<string, number[]> = {
  application: [1_250_000, 4_800_000, 600_714],
  mediation_statement: [3_600_000, 1_800_000, 1_250_000, 4_850_000],
  award: [1_250_000, 3_600_000, 4_850_000],
};

interface Generated {
  model: DocumentModel;
  pdf: Buffer;
  docx: Buffer;
  text: string;
  xml: string;
}
const generated = new Map<string, Generated>();

beforeAll(async () => {
  fs.mkdirSync(OUT, { recursive: true });
  for (const k of DOCUMENT_KIND_REGISTRY) {
    const model = k.build(fixtureData());
    const [pdf, docx] = await Promise.all([render(model, 'pdf'), render(model, 'docx')]);
    fs.writeFileSync(path.join(OUT, `${k.code}.pdf`), pdf);
    fs.writeFileSync(path.join(OUT, `${k.code}.docx`), docx);
    generated.set(k.code, { model, pdf, docx, text: pdfText(pdf), xml: await docxXml(docx) });
  }
}, 120_000);

describe.each(DOCUMENT_KIND_REGISTRY.map((k) => [k.code, k.label] as const))('%s (%s)', (code) => {
  it('PDF text holds every party name, the case number and every amount', () => {
    const g = generated.get(code)!;
    const text = flat(g.text);
    for (const name of parties.map((p) => p.name)) expect(text, name).toContain(name);
    expect(text).toContain(FIXTURE_CASE.caseNumber);
    for (const fen of AMOUNTS[code] ?? []) {
      expect(text, yuan(fen)).toContain(`人民币${yuan(fen)}元`);
      expect(text, fenToCapital(fen)).toContain(fenToCapital(fen));
    }
  });

  it('PDF embeds subset CJK fonts and is A4', () => {
    const g = generated.get(code)!;
    const fonts = pdfFonts(g.pdf);
    const cjk = fonts.filter((f) => /CJK/.test(f.name));
    expect(cjk.length).toBeGreaterThanOrEqual(2);
    for (const f of cjk) {
      expect(f, f.name).toMatchObject({ embedded: true, subset: true });
      expect(f.name).toMatch(/^[A-Z]{6}\+/);
    }
    expect(pdfInfo(g.pdf).pageSize).toMatch(/^595\.\d+ x 841\.\d+ pts \(A4\)/);
  });

  it('DOCX holds the same text with East-Asian fonts set, on A4 with the GB/T 9704 margins', async () => {
    const g = generated.get(code)!;
    expect(flat(docxText(g.xml))).toBe(flat(modelPlainText(g.model)));
    // the PDF shows the same words (the title is letter-spaced in both)
    for (const line of modelPlainText(g.model).split('\n').filter((l) => l.length > 3)) expect(flat(g.text)).toContain(flat(line));
    expect(g.xml).toMatch(/w:eastAsia="Noto Serif CJK SC"/);
    expect(g.xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    const m = DOCX_PAGE_TWIPS.margins;
    expect(g.xml).toContain(`w:top="${m.top}" w:right="${m.right}" w:bottom="${m.bottom}" w:left="${m.left}"`);
    expect([m.top, m.bottom, m.left, m.right]).toEqual([2098, 1984, 1587, 1474]); // 37, 35, 28, 26 mm
    const styles = await docxXml(g.docx, 'word/styles.xml');
    expect(styles).toMatch(/w:eastAsia="Noto Serif CJK SC"/);
  });
});

describe('DOCX on a Chinese office PC', () => {
  it('names 宋体 and 黑体 as the substitutes for the bundled faces (w:altName, GB2312 charset), East-Asian slot set', async () => {
    const g = generated.get('award')!;
    const fonts = await docxXml(g.docx, 'word/fontTable.xml');
    expect(fonts).toContain('<w:font w:name="Noto Serif CJK SC"><w:altName w:val="宋体"/><w:charset w:val="86"/>');
    expect(fonts).toContain('<w:font w:name="Noto Sans CJK SC"><w:altName w:val="黑体"/><w:charset w:val="86"/>');
    expect(g.xml).toMatch(/<w:rFonts [^>]*w:eastAsia="Noto Serif CJK SC"/);
  });
});

describe('layout and glyphs', () => {
  it('places the text block at the GB/T 9704 margins (text starts 28 mm from the left and 37 mm from the top)', () => {
    const g = generated.get('acceptance_notice')!;
    const dir = tempDir('desk-bbox-');
    fs.writeFileSync(path.join(dir, 'a.pdf'), g.pdf);
    const html = execFileSync('pdftotext', ['-bbox', '-f', '1', '-l', '1', path.join(dir, 'a.pdf'), '-'], { encoding: 'utf8' });
    const words = [...html.matchAll(/xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</g)].map((m) => ({ x: +m[1]!, y: +m[2]!, x2: +m[3]!, text: m[5]! }));
    const mm = (pt: number) => (pt * 25.4) / 72;
    expect(mm(Math.min(...words.map((w) => w.x)))).toBeGreaterThan(27.5);
    expect(mm(Math.max(...words.map((w) => w.x2)))).toBeLessThan(210 - 26 + 0.5);
    expect(mm(Math.min(...words.map((w) => w.y)))).toBeGreaterThan(36);
    const pageNumber = words.find((w) => w.text === '1');
    expect(mm(pageNumber!.y)).toBeGreaterThan(297 - 35);
  });

  it('prints the rare characters of 李喆 and 王堃 — they extract back from the PDF', () => {
    const text = flat(generated.get('award')!.text);
    expect(text).toContain('李喆');
    expect(text).toContain('王堃');
  });

  it('refuses a character no bundled face has, naming the character and the field — never an empty box', async () => {
    const data = fixtureData();
    const odd = { ...data.case, applicants: [{ ...data.case.applicants[0]!, name: '𠮷野家' }, data.case.applicants[1]!] };
    const model = DOCUMENT_KIND_REGISTRY.find((k) => k.code === 'acceptance_notice')!.build({ ...data, case: odd });
    for (const format of ['pdf', 'docx'] as const) {
      const err = await render(model, format).then(() => null, (e: unknown) => e);
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).message).toContain('𠮷');
      expect((err as AppError).message).toContain('U+20BB7');
      expect((err as AppError).message).toContain('申请人1姓名');
    }
  });

  it('falls back to the next face in the chain for a character the preferred face lacks', () => {
    const chains = faceChains('bundled');
    // a chain whose first face is the title face: its glyphs cover CJK, so the run stays in one face
    expect(segment({ text: '李喆', field: 'x' }, chains.body).map((s) => s.face.key)).toEqual(['NotoSerifSC-Regular']);
  });

  it('regenerating from the same data gives the same text', async () => {
    const k = DOCUMENT_KIND_REGISTRY.find((x) => x.code === 'award')!;
    const a = k.build(fixtureData());
    const b = k.build(fixtureData());
    expect(modelPlainText(b)).toBe(modelPlainText(a));
    const [p1, p2] = await Promise.all([render(a, 'pdf'), render(b, 'pdf')]);
    expect(pdfText(p2)).toBe(pdfText(p1));
    expect(await docxXml(await render(b, 'docx'))).toBe(generated.get('award')!.xml);
  });

  it('states finality on the award with the matching rights notice; a split award gives a final and a non-final document', async () => {
    const mixed = flat(generated.get('award')!.text);
    expect(mixed).toContain('（本项为终局裁决）');
    expect(mixed).toContain('（本项为非终局裁决）');
    expect(mixed).toContain('驳回申请人的其他仲裁请求');
    const k = DOCUMENT_KIND_REGISTRY.find((x) => x.code === 'award')!;
    const base = fixtureData();
    const finalDoc = flat(pdfText(await render(k.build({ ...base, award: { ...base.award!, part: 'final', caseNumberOverride: '温劳人仲案字〔2026〕第128号之一' } }), 'pdf')));
    expect(finalDoc).toContain('本裁决为终局裁决，自作出之日起发生法律效力');
    expect(finalDoc).toContain('四川省成都市中级人民法院申请撤销裁决');
    expect(finalDoc).toContain('第128号之一');
    expect(finalDoc).not.toContain('期满不起诉的');
    const nonFinal = flat(pdfText(await render(k.build({ ...base, award: { ...base.award!, part: 'non-final', caseNumberOverride: '温劳人仲案字〔2026〕第128号之二' } }), 'pdf')));
    expect(nonFinal).toContain('期满不起诉的，本裁决书发生法律效力');
    expect(nonFinal).not.toContain('本裁决为终局裁决');
    expect(nonFinal).toContain(`人民币${yuan(3_600_000)}元`);
    expect(nonFinal).not.toContain(`人民币${yuan(1_250_000)}元`);
  });

  it('the mediation statement lists each instalment and takes effect on both parties\' receipt (LDMAL Art 42)', () => {
    const text = flat(generated.get('mediation_statement')!.text);
    expect(text).toContain('第1期于2026年11月30日前支付人民币18,000.00元');
    expect(text).toContain('第2期于2026年12月31日前支付人民币18,000.00元');
    expect(text).toContain('本调解书经双方当事人签收后，即发生法律效力');
  });
});

describe('the hearing notice on A3 with its stub', () => {
  it('puts the stub on the left half and the notice on the right of an A3 landscape sheet, in both formats', async () => {
    const model = DOCUMENT_KIND_REGISTRY.find((k) => k.code === 'hearing_notice')!.build(fixtureData());
    const [pdf, docx] = await Promise.all([render(model, 'pdf', 'bundled', 'a3-stub'), render(model, 'docx', 'bundled', 'a3-stub')]);
    fs.writeFileSync(path.join(OUT, 'hearing_notice.a3.pdf'), pdf);
    fs.writeFileSync(path.join(OUT, 'hearing_notice.a3.docx'), docx);
    expect(pdfInfo(pdf).pageSize).toMatch(/^1190\.\d+ x 841\.\d+ pts \(A3\)/);
    const dir = tempDir('desk-a3-');
    fs.writeFileSync(path.join(dir, 'a3.pdf'), pdf);
    const html = execFileSync('pdftotext', ['-bbox', '-f', '1', '-l', '1', path.join(dir, 'a3.pdf'), '-'], { encoding: 'utf8' });
    const words = [...html.matchAll(/xMin="([\d.]+)"[^>]*>([^<]*)</g)].map((m) => ({ x: +m[1]!, text: m[2]! }));
    const half = 1190.55 / 2;
    expect(words.filter((w) => w.x < half).map((w) => w.text).join('')).toContain('开庭通知书（存根）');
    expect(words.filter((w) => w.x > half).map((w) => w.text).join('')).toContain('仲裁庭组成及开庭通知书');
    const xml = await docxXml(docx);
    expect(xml).toMatch(/<w:pgSz w:w="23811" w:h="16838" w:orient="landscape"\/>/);
    expect(xml).toMatch(/<w:cols[^>]*w:num="2"/);
    expect(xml).toContain('w:type="column"');
  });
});

const soffice = hasCommand('soffice');
describe('LibreOffice renders every DOCX', () => {
  const reason = 'LibreOffice (soffice) is not installed — .ci/run installs libreoffice-writer-nogui';
  const run = soffice || process.env.CI ? it : it.skip;
  run(soffice ? 'to the same number of pages as our PDF, and saves PNG renderings of the award and the mediation statement' : `skipped: ${reason}`, () => {
    if (!soffice) throw new Error(reason);
    const dir = tempDir('desk-lo-');
    const outDir = path.join(dir, 'out');
    const docs = [...DOCUMENT_KIND_REGISTRY.map((k) => path.join(OUT, `${k.code}.docx`)), path.join(OUT, 'hearing_notice.a3.docx')];
    execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'pdf', '--outdir', outDir, ...docs], {
      env: { ...process.env, FONTCONFIG_FILE: fontconfigWithBundledFonts() }, stdio: 'pipe', timeout: 240_000,
    });
    const rows: string[] = [];
    for (const k of DOCUMENT_KIND_REGISTRY) {
      const lo = fs.readFileSync(path.join(outDir, `${k.code}.pdf`));
      const ours = pdfInfo(generated.get(k.code)!.pdf).pages;
      const theirs = pdfInfo(lo).pages;
      rows.push(`${k.code}: ours ${ours}, LibreOffice ${theirs}`);
      expect(theirs, `${k.code}: ours ${ours}, LibreOffice ${theirs}`).toBe(ours);
      expect(flat(pdfText(lo))).toContain(FIXTURE_CASE.caseNumber);
      fs.copyFileSync(path.join(outDir, `${k.code}.pdf`), path.join(OUT, `${k.code}.libreoffice.pdf`));
    }
    const a3 = { ours: pdfInfo(fs.readFileSync(path.join(OUT, 'hearing_notice.a3.pdf'))), theirs: pdfInfo(fs.readFileSync(path.join(outDir, 'hearing_notice.a3.pdf'))) };
    rows.push(`hearing_notice (A3 with stub): ours ${a3.ours.pages}, LibreOffice ${a3.theirs.pages}`);
    expect(a3.theirs.pages).toBe(a3.ours.pages);
    expect(a3.theirs.pageSize).toMatch(/^1190\.\d+ x 841\.\d+ pts \(A3\)/);
    fs.writeFileSync(path.join(OUT, 'page-counts.txt'), `${rows.join('\n')}\n`);
    for (const code of ['award', 'mediation_statement']) {
      execFileSync('pdftoppm', ['-r', '60', '-png', path.join(OUT, `${code}.pdf`), path.join(OUT, `${code}`)]);
      execFileSync('pdftoppm', ['-r', '60', '-png', path.join(outDir, `${code}.pdf`), path.join(OUT, `${code}.libreoffice`)]);
      expect(fs.readdirSync(OUT).filter((f) => f.startsWith(`${code}-`) && f.endsWith('.png')).length).toBeGreaterThan(0);
    }
  }, 300_000);
});

