import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import { splitAtBreaks, type DocumentModel } from './model';
import { openFace, segmentAll, type Face, type FaceRole } from './fonts';
import { AUTOSPACE_EM, HANGING, autospaceBetween, breakAllowed, noBreakSpans, paginate } from './flow';
import {
  A4, CELL_PADDING_PT, CHARS_PER_LINE, PAGE_FOOTER_PT, CHAR_SPACING_PT, INDENT_PT, LINES_PER_PAGE, LINE_PITCH_PT, MARGINS_MM, PAGE_NUMBER_GAP_MM, RIGHT_INDENT_CHARS, SIZES_PT, TEXT_WIDTH_MM, mm, pageNumberText,
} from './layout';
import { planDocument, type PlannedPara } from './plan';

type Chains = Record<FaceRole, Face[]>;

export type PageLayout = 'a4' | 'a3-stub';

interface MeasuredFont {
  unitsPerEm: number;
  ascent: number;
  descent: number;
  glyphForCodePoint(cp: number): { advanceWidth: number };
}

interface Glyph {
  ch: string;
  face: Face;
  advance: number;
  /** Extra space before this glyph (autospace between Chinese and figures). */
  gap: number;
}

/** One laid-out line: its glyphs, where it starts and how wide its character spacing is. */
interface Line {
  glyphs: Glyph[];
  size: number;
  x: number;
  spacing: number;
  rule?: boolean;
  /** On a table row's first line: the cells (x and width within the text block, their lines) and the row's height in lines. */
  row?: { cells: { x: number; width: number; lines: Line[] }[]; lines: number };
  /** On a figure's first line: the SVG drawn across the text block, `lines` lines high. */
  figure?: { svg: string; lines: number };
}


const WIDTH = mm(TEXT_WIDTH_MM);
/** How far a line may run over the measure and still fit (rounding only; larger values made more lines differ from LibreOffice 7.4). */
const FIT_TOLERANCE_PT = 0.01;
const advanceOf = (face: Face, ch: string, size: number) => {
  const f = openFace(face) as unknown as MeasuredFont;
  return (f.glyphForCodePoint(ch.codePointAt(0)!).advanceWidth / f.unitsPerEm) * size;
};

/**
 * Breaks a paragraph into lines the way Word and LibreOffice do for Chinese text: any two characters may part, except
 * inside a no-break span (amounts, dates, numbers, codes), inside a run of Latin letters or figures, before closing
 * and after opening punctuation; the first line is indented two characters; justified lines are spread to the width.
 */
function breakLines(p: PlannedPara, chains: Chains, width = WIDTH): Line[] {
  if (p.row) return rowLines(p, chains);
  if (p.figure) return Array.from({ length: p.figure.lines }, (_, i): Line => ({ glyphs: [], size: p.size, x: 0, spacing: 0, ...(i === 0 ? { figure: p.figure } : {}) }));
  const groups = splitAtBreaks(p.runs);
  if (groups.length > 1) return groups.flatMap((runs, i) => breakLines({ ...p, runs, indent: p.indent && i === 0 }, chains, width));
  if (p.runs.length === 0 || p.runs.every((r) => r.text === '')) return [{ glyphs: [], size: p.size, x: 0, spacing: 0, rule: p.rule }];
  const spacing = p.role === 'title' || p.size !== SIZES_PT.body ? 0 : CHAR_SPACING_PT;
  const text = p.runs.map((r) => r.text).join('');
  const spans = noBreakSpans(p.runs);
  const glyphs: (Glyph & { at: number })[] = [];
  let at = 0;
  for (const s of segmentAll(p.runs, chains[p.role])) {
    for (const ch of s.text) {
      glyphs.push({ ch, face: s.face, advance: advanceOf(s.face, ch, p.size), gap: 0, at });
      at += ch.length;
    }
  }
  // the automatic space between Chinese and figures, before the second of the two (not at a line start, see below)
  for (let i = 1; i < glyphs.length; i++) if (autospaceBetween(glyphs[i - 1]!.ch, glyphs[i]!.ch)) glyphs[i]!.gap = p.size * AUTOSPACE_EM;
  const avail = (first: boolean) => width - (first && p.indent ? INDENT_PT : 0) - (p.rightIndent ? RIGHT_INDENT_CHARS * SIZES_PT.body : 0);
  const lines: Glyph[][] = [];
  let start = 0;
  while (start < glyphs.length) {
    const room = avail(lines.length === 0);
    let w = 0;
    let end = start;
    while (end < glyphs.length && w + (end > start ? glyphs[end]!.gap : 0) + glyphs[end]!.advance + spacing <= room + FIT_TOLERANCE_PT) {
      w += (end > start ? glyphs[end]!.gap : 0) + glyphs[end]!.advance + spacing;
      end++;
    }
    // a comma or full stop that no longer fits hangs past the edge rather than pulling a character down
    if (end < glyphs.length && end > start && HANGING.has(glyphs[end]!.ch)) end++;
    if (end < glyphs.length) {
      let b = end;
      while (b > start && !breakAllowed(text, glyphs[b]!.at, spans)) b--;
      end = b > start ? b : Math.max(end, start + 1);
    }
    lines.push(glyphs.slice(start, end).map((g, k) => (k === 0 ? { ...g, gap: 0 } : g)));
    start = end;
  }
  return lines.map((g, i) => {
    const room = avail(i === 0);
    const hangs = g.length > 1 && HANGING.has(g.at(-1)!.ch) && i < lines.length - 1;
    const body = hangs ? g.slice(0, -1) : g;
    const natural = body.reduce((s, x) => s + x.advance + x.gap, 0) + Math.max(0, body.length - 1) * spacing;
    const indent = i === 0 && p.indent ? INDENT_PT : 0;
    let x = indent;
    let sp = spacing;
    if (p.align === 'center') x = (width - natural) / 2;
    else if (p.align === 'right') x = width - (p.rightIndent ? RIGHT_INDENT_CHARS * SIZES_PT.body : 0) - natural;
    else if (p.align === 'justify' && i < lines.length - 1 && body.length > 1 && natural < room) sp = spacing + (room - natural) / (body.length - 1);
    return { glyphs: g, size: p.size, x, spacing: sp };
  });
}

/** A table row: each cell's text broken to the cell's width; the row as high as its tallest cell (at least minLines). */
function rowLines(p: PlannedPara, chains: Chains): Line[] {
  const r = p.row!;
  let x = 0;
  const cells = r.cells.map((runs, i) => {
    const w = (r.widths[i]! * WIDTH) / CHARS_PER_LINE;
    const cell = { x, width: w, lines: runs.length ? breakLines({ ...p, row: undefined, runs, align: 'left', indent: false }, chains, w - 2 * CELL_PADDING_PT) : [] };
    x += w;
    return cell;
  });
  const n = Math.max(r.minLines, ...cells.map((c) => c.lines.length));
  return Array.from({ length: n }, (_, i): Line => ({ glyphs: [], size: p.size, x: 0, spacing: 0, ...(i === 0 ? { row: { cells, lines: n } } : {}) }));
}

/** A table row's height in lines as our layout breaks its cells (the DOCX states the same height for its row). */
export function rowHeightLines(p: PlannedPara, chains: Chains): number {
  return rowLines(p, chains).length;
}

// ---- repeated table headers (issue 16 item 6: the annex of a collective award or 调解书)
/**
 * The planned paragraphs broken into lines and distributed over frames, with the header row of a table marked
 * `repeatHeader` printed again at the top of every further frame the table runs on. A copy of the header is inserted
 * before the first row of each continued frame and the whole paginated again, until every such frame starts with one
 * (the copy keeps with the row after it, so it never stands alone at a foot).
 */
function layOut(planned0: PlannedPara[], chains: Chains): { planned: PlannedPara[]; laid: Line[][]; frames: number[][] } {
  let planned = planned0;
  let laid = planned.map((p) => breakLines(p, chains));
  for (;;) {
    const frames = paginate(planned.map((p, i) => ({ lines: laid[i]!.length, keepNext: p.keepNext, keepLines: p.keepLines, breakBefore: p.breakBefore })), LINES_PER_PAGE);
    let header = -1;
    let at = -1;
    for (let i = 0; i < planned.length && at < 0; i++) {
      const r = planned[i]!.row;
      if (!r) header = -1;
      else if (r.header) header = r.repeat ? i : -1;
      else if (header >= 0 && frames[i]![0] !== frames[i - 1]!.at(-1) && !planned[i - 1]!.row?.header) at = i;
    }
    if (at < 0) return { planned, laid, frames };
    planned = [...planned.slice(0, at), planned[header]!, ...planned.slice(at)];
    laid = [...laid.slice(0, at), laid[header]!, ...laid.slice(at)];
  }
}
// ---- end repeated table headers

// ---- shared shaping cache (issue 11 item 9)
/**
 * pdfkit shapes each run of text with fontkit (GSUB/GPOS) and caches the result per document (EmbeddedFont.layoutCache,
 * keyed by the text), so every document shaped its fixed sentences again. The shaped runs depend only on the face and
 * the text (positions in 1/1000 em, glyphs of the shared parsed face; the subset ids are taken later, per document), so
 * one cache per face serves every document. It is dropped when it holds more than LAYOUT_CACHE_MAX runs (names and
 * figures vary per case), which bounds its memory. Relies on pdfkit 0.20's `_font.layoutCache` (pinned version).
 */
const LAYOUT_CACHE_MAX = 20_000;
const layoutCaches = new Map<string, { runs: Record<string, unknown>; size: number }>();
function shareLayoutCache(doc: PDFKit.PDFDocument, face: Face): void {
  const font = (doc as unknown as { _font?: { layoutCache?: Record<string, unknown> } })._font;
  if (!font || !font.layoutCache) return;
  let shared = layoutCaches.get(face.key);
  if (!shared || shared.size > LAYOUT_CACHE_MAX) {
    shared = { runs: Object.create(null) as Record<string, unknown>, size: 0 };
    layoutCaches.set(face.key, shared);
  }
  const cache = shared;
  // counts the runs added through this document's font, so that the bound above holds
  font.layoutCache = new Proxy(cache.runs, {
    set(target, key, value) {
      if (!(key in target)) cache.size++;
      return Reflect.set(target, key, value);
    },
  });
}
// ---- end shared shaping cache

/**
 * Renders the model to PDF with pdfkit: A4, GB/T 9704 margins, 22 lines of 28.9 pt, bundled CJK faces embedded as
 * subsets. Lines and pages are laid out here (flow.ts rules), not by pdfkit, so that headings, closing blocks and split
 * paragraphs follow the same keep rules the DOCX states. With layout 'a3-stub' a document with a stub is printed on A3
 * landscape: the stub on the left half, the notice on the right, each half with the A4 margins, and a dashed fold
 * between them for the seal across it (骑缝章); further text continues on the next sheet, left half first.
 */
export async function renderPdf(model: DocumentModel, chains: Chains, layout: PageLayout = 'a4'): Promise<Buffer> {
  const a3 = layout === 'a3-stub' && !!model.stub;
  const created = new Date(`${model.meta.date}T09:00:00+08:00`);
  const doc = new PDFDocument({
    size: a3 ? [mm(2 * A4.widthMm), mm(A4.heightMm)] : 'A4',
    margins: { top: mm(MARGINS_MM.top), bottom: mm(MARGINS_MM.bottom), left: mm(MARGINS_MM.left), right: mm(MARGINS_MM.right) },
    bufferPages: true,
    autoFirstPage: false,
    lang: 'zh-CN',
    displayTitle: true,
    info: { Title: model.title, Subject: model.meta.subject, Author: model.issuer.text, Creator: '劳动仲裁工作台', Producer: '劳动仲裁工作台', CreationDate: created, ModDate: created },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const registered = new Set<string>();
  const use = (face: Face, size: number) => {
    if (!registered.has(face.key)) {
      // a parsed fontkit font shared across documents: glyph and layout caches stay warm (pdfkit subsets it per document)
      doc.registerFont(face.key, openFace(face) as unknown as string);
      doc.font(face.key);
      shareLayoutCache(doc, face);
      registered.add(face.key);
    }
    doc.font(face.key).fontSize(size);
  };

  const { laid, frames } = layOut(planDocument(model), chains);
  const perFrame = a3 ? 2 : 1;
  const frameCount = Math.max(1, ...frames.flat().map((f) => f + 1));
  const pageCount = Math.ceil(frameCount / perFrame);
  for (let i = 0; i < pageCount; i++) doc.addPage();
  const frameLeft = (f: number) => (a3 && f % 2 === 1 ? mm(A4.widthMm) : 0) + mm(MARGINS_MM.left);
  const top = mm(MARGINS_MM.top);

  /** Draws one line's glyphs, face by face, from x (the frame's or cell's left edge plus the line's own offset). */
  const drawLine = (line: Line, left: number, y: number) => {
    let x = left + line.x;
    // the text sits on the line's lower part: the leading of the fixed 28.9 pt pitch goes above it
    let run: Glyph[] = [];
    const flush = () => {
      if (!run.length) return;
      const face = run[0]!.face;
      use(face, line.size);
      const f = openFace(face) as unknown as MeasuredFont;
      const height = ((f.ascent - f.descent) / f.unitsPerEm) * line.size;
      const text = run.map((g) => g.ch).join('');
      doc.text(text, x, y + Math.max(0, LINE_PITCH_PT - height) * 0.6, { lineBreak: false, characterSpacing: line.spacing });
      x += run.reduce((s, g) => s + g.advance + line.spacing, 0);
      run = [];
    };
    for (const g of line.glyphs) {
      if (run.length && (run[0]!.face !== g.face || g.gap > 0)) flush();
      x += g.gap;
      run.push(g);
    }
    flush();
  };

  const lineInFrame = new Map<number, number>();
  laid.forEach((lines, pi) => {
    lines.forEach((line, li) => {
      const f = frames[pi]![li]!;
      const row = lineInFrame.get(f) ?? 0;
      lineInFrame.set(f, row + 1);
      doc.switchToPage(Math.floor(f / perFrame));
      const left = frameLeft(f);
      const y = top + row * LINE_PITCH_PT;
      if (line.rule) {
        const mid = y + LINE_PITCH_PT / 2;
        doc.save().dash(4, { space: 3 }).moveTo(left, mid).lineTo(left + WIDTH, mid).lineWidth(0.6).stroke().restore();
        return;
      }
      if (line.figure) {
        // a chart: its text in the heading (sans) face, registered before svg-to-pdfkit asks for it
        const face = chains.heading[0]!;
        use(face, 12);
        SVGtoPDF(doc, line.figure.svg, left, y, { width: WIDTH, height: line.figure.lines * LINE_PITCH_PT, preserveAspectRatio: 'xMidYMid meet', fontCallback: () => face.key });
        return;
      }
      if (line.row) {
        const h = line.row.lines * LINE_PITCH_PT;
        for (const c of line.row.cells) {
          doc.save().lineWidth(0.6).rect(left + c.x, y, c.width, h).stroke().restore();
          c.lines.forEach((cl, k) => drawLine(cl, left + c.x + CELL_PADDING_PT, y + k * LINE_PITCH_PT));
        }
        return;
      }
      drawLine(line, left, y);
    });
  });

  if (a3) {
    // the fold between stub and notice, where the seal goes across (骑缝章)
    doc.switchToPage(0);
    const fold = mm(A4.widthMm);
    doc.save().dash(5, { space: 4 }).moveTo(fold, mm(20)).lineTo(fold, doc.page.height - mm(20)).lineWidth(0.6).stroke().restore();
    use(chains.body[0]!, 10);
    doc.save().rotate(90, { origin: [fold + 4, mm(120)] }).text('骑缝处加盖仲裁委员会印章', fold + 4, mm(120), { lineBreak: false }).restore();
  }

  // Page numbers: odd pages right, even pages left, one character in, 7 mm below the text block.
  for (let i = 0; i < pageCount; i++) {
    doc.switchToPage(i);
    const n = i + 1;
    use(chains.body[0]!, SIZES_PT.pageNumber);
    const savedBottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = doc.page.height - mm(MARGINS_MM.bottom) + mm(PAGE_NUMBER_GAP_MM);
    const inset = SIZES_PT.pageNumber;
    const left = a3 ? mm(A4.widthMm + MARGINS_MM.left) : mm(MARGINS_MM.left);
    doc.text(pageNumberText(n), left + (n % 2 === 1 ? -inset : inset), y, { width: WIDTH, align: n % 2 === 1 ? 'right' : 'left', lineBreak: false });
    if (model.pageFooter) {
      // under the text block, above the page number: e.g. the 庭审笔录's "核对无误" signature line on every page
      use(chains.body[0]!, PAGE_FOOTER_PT);
      doc.text(model.pageFooter, left, doc.page.height - mm(MARGINS_MM.bottom) + mm(1.5), { lineBreak: false });
    }
    doc.page.margins.bottom = savedBottom;
  }
  doc.end();
  return done;
}

/** The frame (page, or half-sheet column on A3) of every line, for tests of the pagination rules. */
export function layoutLines(model: DocumentModel, chains: Chains): { text: string; frame: number }[][] {
  const { laid, frames } = layOut(planDocument(model), chains);
  return laid.map((lines, i) => lines.map((l, k) => ({ text: l.glyphs.map((g) => g.ch).join(''), frame: frames[i]![k]! })));
}
