import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { noBreakSpans } from '../../src/documents/flow';
import { planDocument } from '../../src/documents/plan';
import type { DocumentModel } from '../../src/documents';
import { flat } from './documents';

/**
 * Reading a rendered PDF back page by page (poppler's pdftotext) and checking it against the rules a clerk prints by:
 * every line of the model's paragraphs is found, in order, on its page; then the closing block, the headings, split
 * paragraphs and no-break spans are checked from where the lines fell.
 */

/** The text lines of each page, page numbers ("— 2 —") and empty lines left out. */
export function pageLines(pdfFile: string): string[][] {
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdfFile, '-'], { encoding: 'utf8' });
  const pages = text.split('\f');
  if (pages.at(-1)!.trim() === '') pages.pop();
  return pages.map((p) => p.split('\n').map(flat).filter((l) => l !== '' && !/^—\d+—$/.test(l)));
}

export interface PlacedPara {
  part: 'title' | 'heading' | 'body' | 'closing';
  text: string;
  /** Page (0-based) of each line. */
  pages: number[];
  /** Offsets in `text` where a line ends (excluding the paragraph's end). */
  breaks: number[];
  /** No-break spans in `text` (offsets of the flattened text). */
  spans: [number, number][];
}

/**
 * Finds every paragraph's lines in the page texts; throws naming the first line that does not match. Lines of table
 * cells (forms) come out of pdftotext in an order of their own: a line made only of characters of the model's table
 * cells, where the next paragraph does not continue, is taken as a table line and counted as body text on its page.
 */
export function placeParagraphs(model: DocumentModel, pages: string[][]): PlacedPara[] {
  const all = planDocument(model);
  const footer = flat(model.pageFooter ?? '');
  const tableChars = new Set([...all.filter((p) => p.row).flatMap((p) => p.row!.cells.flat().map((r) => flat(r.text))).join('')]);
  const planned = all.filter((p) => !p.row && flat(p.runs.map((r) => r.text).join('')) !== '');
  // the per-page footer line (庭审笔录 核对无误) comes last on its page: take it off before matching
  const bodyPages = pages.map((ls) => {
    const out = [...ls];
    while (footer && out.length && footer.includes(out.at(-1)!)) out.pop();
    return out;
  });
  const lines = bodyPages.flatMap((ls, page) => ls.map((text) => ({ text, page })));
  const tableLines: number[] = [];
  let at = 0;
  const placed = planned.map((p) => {
    const runs = p.runs.map((r) => ({ ...r, text: flat(r.text) }));
    const text = runs.map((r) => r.text).join('');
    const placed: PlacedPara = { part: p.part, text, pages: [], breaks: [], spans: noBreakSpans(runs) };
    let offset = 0;
    while (offset < text.length) {
      const line = lines[at];
      if (line && !text.startsWith(line.text, offset) && tableChars.size && [...line.text].every((ch) => tableChars.has(ch))) {
        tableLines.push(line.page);
        at++;
        continue;
      }
      if (!line || !text.startsWith(line.text, offset)) {
        throw new Error(`line ${at + 1} "${line?.text ?? '(end of document)'}" is not the continuation of "${text.slice(offset, offset + 30)}…" (${text.slice(0, 20)}…)`);
      }
      if (offset > 0) placed.breaks.push(offset);
      placed.pages.push(line.page);
      offset += line.text.length;
      at++;
    }
    return placed;
  });
  if (tableLines.length) placed.push({ part: 'body', text: '', pages: tableLines, breaks: [], spans: [] });
  return placed;
}

export interface RuleOptions {
  /** Check only that no run of figures or Latin letters is broken (LibreOffice 7.4 may part a figure from its unit). */
  figureRunsOnly?: boolean;
}

/** Every violation of the pagination rules, as readable sentences (empty when the document is fit to sign). */
export function paginationViolations(paras: PlacedPara[], opts: RuleOptions = {}): string[] {
  const out: string[] = [];
  const closing = paras.filter((p) => p.part === 'closing');
  const closingPages = new Set(closing.flatMap((p) => p.pages));
  if (closingPages.size > 1) out.push(`the closing block is split over pages ${[...closingPages].map((p) => p + 1).join(', ')}`);
  if (closing.length) {
    const page = closing[0]!.pages[0]!;
    const bodyLines = paras.filter((p) => p.part === 'body').flatMap((p) => p.pages).filter((pg) => pg === page).length;
    if (bodyLines < 2) out.push(`page ${page + 1} holds the closing block with ${bodyLines} line(s) of body text`);
  }
  paras.forEach((p, i) => {
    if (p.part === 'heading') {
      const next = paras[i + 1];
      if (next && next.pages[0] !== p.pages.at(-1)) out.push(`heading "${p.text}" ends page ${p.pages.at(-1)! + 1}`);
    }
    if (p.text === '') return; // table lines: counted as body text, not a paragraph
    const perPage = new Map<number, number>();
    for (const pg of p.pages) perPage.set(pg, (perPage.get(pg) ?? 0) + 1);
    if (perPage.size > 1) {
      for (const [pg, n] of perPage) if (n < 2) out.push(`"${p.text.slice(0, 16)}…" leaves a single line on page ${pg + 1}`);
    }
    for (const b of p.breaks) {
      if (opts.figureRunsOnly) {
        if (/[0-9A-Za-z.,]/.test(p.text[b - 1]!) && /[0-9A-Za-z]/.test(p.text[b]!)) out.push(`"${p.text.slice(Math.max(0, b - 10), b)} / ${p.text.slice(b, b + 10)}" breaks a figure or code`);
      } else {
        const span = p.spans.find(([s, e]) => b > s && b < e);
        if (span) out.push(`"${p.text.slice(span[0], b)} / ${p.text.slice(b, span[1])}" is broken across lines`);
      }
    }
  });
  return out;
}

/**
 * Converts DOCX files to PDF with LibreOffice (slow to start, so many files per run); returns the PDF path for each input.
 * One soffice run over a few hundred files stopped converting part-way with exit code 0 (seen in CI at ~250 files), so
 * the files go in chunks, and any file left without its PDF is converted once more on its own.
 */
export function libreOfficeToPdf(docxFiles: string[], workDir: string, fontconfigFile: string): string[] {
  const outDir = path.join(workDir, 'lo');
  fs.mkdirSync(outDir, { recursive: true });
  const out = (f: string) => path.join(outDir, `${path.basename(f, '.docx')}.pdf`);
  const convert = (files: string[]) => execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${workDir}/profile`, '--convert-to', 'pdf', '--outdir', outDir, ...files], {
    env: { ...process.env, FONTCONFIG_FILE: fontconfigFile }, stdio: 'pipe', timeout: 600_000,
  });
  const CHUNK = 60;
  for (let i = 0; i < docxFiles.length; i += CHUNK) convert(docxFiles.slice(i, i + CHUNK));
  for (const f of docxFiles.filter((x) => !fs.existsSync(out(x)))) convert([f]);
  return docxFiles.map(out);
}
