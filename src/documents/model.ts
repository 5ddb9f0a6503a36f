import { expandLawNames } from '../domain/citations';
/**
 * The document model: what a legal document says, independent of DOCX or PDF. Builders (kinds/*.ts) turn case data into
 * a model; the renderers (docx.ts, pdf.ts) lay the same model out after GB/T 9704. Every piece of text carries the
 * field it came from so the glyph check can name it when a character cannot be printed.
 */

export interface Text {
  text: string;
  /** The data field the text comes from, in Chinese (e.g. "申请人姓名"), for glyph-coverage messages. */
  field: string;
}

export type Block =
  /** Body paragraph, first line indented two characters. */
  | { type: 'paragraph'; runs: Text[]; indent?: boolean; bold?: boolean }
  /** Section heading inside the body (e.g. "仲裁请求"), set in the heading face. */
  | { type: 'heading'; text: Text }
  /** A party block: "申请人：张三，女，…" followed by its agents, no first-line indent. */
  | { type: 'party'; lines: Text[][] }
  /** Numbered item: "一、…" or "1.…", hanging after the number. */
  | { type: 'item'; number: string; runs: Text[] }
  /** Right-aligned lines: signatures, dates, clerk. */
  | { type: 'right'; lines: Text[][]; gapBefore?: number }
  /** The seal area: space reserved over the date for the commission's seal, with a caption. */
  | { type: 'seal'; caption: string }
  /** A line of spacing (blank line). */
  | { type: 'blank' }
  /** A thin rule across the text block, with a caption (e.g. the cut line between stub and notice). */
  | { type: 'rule'; caption?: string }
  /**
   * A ruled table across the text block (forms: 送达回证, 法律援助申请表): column widths in characters (summing to 28),
   * each row's cells as runs; a row is at least `minLines` lines high (room to sign) and never split across pages.
   */
  | { type: 'table'; columns: number[]; rows: TableRow[]; repeatHeader?: boolean; /** Type size in pt (default the body's 16 pt). */ size?: number }
  /**
   * The body continues on a new page, without the title block (an annex after the closing block: the 名单 of a
   * collective case). The closing block is the one before the first page break.
   */
  | { type: 'pageBreak' }
  /**
   * A chart (issue 15: the 月报/年报): an SVG drawn across the text block, `lines` lines of the grid high, never split
   * across pages, with its caption centred under it. The PDF draws the SVG; the DOCX keeps the space and the caption.
   */
  | { type: 'figure'; svg: string; lines: number; caption: Text }
  /** Starts a new page with the title block again: one paper per addressee in one file. */
  | { type: 'newPage' };

export interface TableRow {
  cells: Text[][];
  minLines?: number;
  /** A heading row: set in the heading face and kept with the next row. */
  header?: boolean;
}

export interface DocumentModel {
  kind: string;
  /** The commission's full name, first line of the title block. */
  issuer: Text;
  /** Document title, e.g. "裁决书"; printed with letter spacing. */
  title: string;
  /** Case number, right-aligned under the title; null where the document precedes numbering (收件回执). */
  caseNumber: Text | null;
  blocks: Block[];
  /**
   * Optional stub (存根) for documents served by hand: on the A3 variant it is printed on the left half, the notice on
   * the right, the seal across the fold; on A4 it follows a cut line.
   */
  stub?: { title: string; blocks: Block[] };
  /** A line printed at the foot of every page, above the page number (the 庭审笔录's "核对无误" signature line). */
  pageFooter?: string;
  /** Document metadata for PDF/DOCX properties. */
  meta: { subject: string; date: string };
}

/** Printed under the dashed line between a stub and its notice. */
export const STUB_CUT_CAPTION = '（存根至此，以下为通知正文，沿虚线裁开）';

export const t = (text: string, field: string): Text => ({ text, field });
export const fixed = (text: string): Text => ({ text, field: '文书固定文字' });
export const para = (...runs: Text[]): Block => ({ type: 'paragraph', runs, indent: true });
export const heading = (text: string): Block => ({ type: 'heading', text: fixed(text) });
export const item = (number: string, ...runs: Text[]): Block => ({ type: 'item', number, runs });
/** A forced line break inside a table cell (e.g. a document's title, then its number on a line of its own). */
export const LINE_BREAK_FIELD = '换行';
export const lineBreak = (): Text => ({ text: '\n', field: LINE_BREAK_FIELD });
/** Runs split at forced line breaks. */
export function splitAtBreaks(runs: Text[]): Text[][] {
  const out: Text[][] = [[]];
  for (const r of runs) {
    if (r.field === LINE_BREAK_FIELD) out.push([]);
    else out.at(-1)!.push(r);
  }
  return out;
}

/** The model with every text passed through `f` (e.g. law names written in full). */
export function mapTexts(m: DocumentModel, f: (text: string) => string): DocumentModel {
  const tx = (x: Text): Text => ({ ...x, text: f(x.text) });
  const blocks = (bs: Block[]): Block[] =>
    bs.map((b): Block => {
      switch (b.type) {
        case 'paragraph':
          return { ...b, runs: b.runs.map(tx) };
        case 'heading':
          return { ...b, text: tx(b.text) };
        case 'party':
        case 'right':
          return { ...b, lines: b.lines.map((l) => l.map(tx)) };
        case 'item':
          return { ...b, runs: b.runs.map(tx) };
        case 'table':
          return { ...b, rows: b.rows.map((r) => ({ ...r, cells: r.cells.map((c) => c.map(tx)) })) };
        case 'figure':
          return { ...b, caption: tx(b.caption) };
        default:
          return b;
      }
    });
  return { ...m, blocks: blocks(m.blocks), ...(m.stub ? { stub: { ...m.stub, blocks: blocks(m.stub.blocks) } } : {}) };
}

/**
 * A builder whose model names every law and rule in full (《中华人民共和国劳动争议调解仲裁法》, 《劳动人事争议仲裁办案规则》):
 * the papers go to parties, who are not expected to know 《办案规则》 or 《劳动合同法》 as abbreviations.
 */
export const inFull =
  <D>(build: (d: D) => DocumentModel) =>
  (d: D): DocumentModel =>
    mapTexts(build(d), expandLawNames);

/** Every text of the model, with its field, in reading order (the glyph check and the tests read this). */
export function modelTexts(m: DocumentModel): Text[] {
  const out: Text[] = [];
  const titleBlock = (title: string) => {
    out.push(m.issuer, fixed(title));
    if (m.caseNumber) out.push(m.caseNumber);
  };
  const walk = (blocks: Block[]) => {
    for (const b of blocks) {
      switch (b.type) {
        case 'paragraph':
          out.push(...b.runs);
          break;
        case 'heading':
          out.push(b.text);
          break;
        case 'party':
        case 'right':
          for (const l of b.lines) out.push(...l);
          break;
        case 'item':
          out.push(fixed(b.number), ...b.runs);
          break;
        case 'seal': // reserved space for the seal; the caption is not printed
          break;
        case 'rule':
          if (b.caption) out.push(fixed(b.caption));
          break;
        case 'table':
          for (const r of b.rows) for (const c of r.cells) out.push(...c);
          break;
        case 'figure':
          out.push(b.caption);
          break;
        case 'newPage':
          titleBlock(m.title);
          break;
        case 'pageBreak':
        case 'blank':
          break;
      }
    }
  };
  if (m.stub) {
    titleBlock(m.stub.title);
    walk(m.stub.blocks);
    out.push(fixed(STUB_CUT_CAPTION));
  }
  titleBlock(m.title);
  walk(m.blocks);
  return out;
}

/** The model's plain text, one block per line — stored with each issued version and compared on regeneration. */
export function modelPlainText(m: DocumentModel): string {
  return modelTexts(m).map((x) => x.text).join('\n');
}

/** The addressee line of a notice ("张三、李四"), without its colon; null for papers that have none (awards, forms). */
export function modelAddressee(m: DocumentModel): string | null {
  const b = m.blocks.find((x) => x.type === 'paragraph' && x.indent === false && x.runs.at(-1)?.text === '：');
  return b?.type === 'paragraph' ? b.runs.slice(0, -1).map((r) => r.text).join('') : null;
}
