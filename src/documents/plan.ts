import { STUB_CUT_CAPTION, type Block, type DocumentModel, type Text } from './model';
import type { FaceRole } from './fonts';
import { keepFlags } from './flow';
import { CHARS_PER_LINE, SIZES_PT } from './layout';

/**
 * The model as a list of printed paragraphs — what both renderers lay out: the title block, the stub and the notice,
 * every block turned into paragraphs with its alignment, face, size and page-keeping properties. The PDF breaks
 * them into lines and pages itself (pdf.ts); the DOCX writes them as Word paragraphs with the same properties (docx.ts).
 */
export type Align = 'justify' | 'left' | 'center' | 'right';

export interface PlannedPara {
  /** What the paragraph is part of: the title block, a section heading, the body, or the closing block. */
  part: 'title' | 'heading' | 'body' | 'closing';
  /** Empty for a blank line. */
  runs: Text[];
  role: FaceRole;
  size: number;
  align: Align;
  /** First-line indent of two characters. */
  indent: boolean;
  /** Right indent of four characters (signature and date lines, GB/T 9704 右空四字). */
  rightIndent: boolean;
  keepNext: boolean;
  keepLines: boolean;
  /** Starts the next page (A4) or column (A3 with stub). */
  breakBefore: boolean;
  /** A dashed rule drawn through the middle of this (blank) line. */
  rule?: boolean;
  /** A table row: cells with their widths in characters (28 in all), at least `minLines` high, ruled. */
  row?: { cells: Text[][]; widths: number[]; minLines: number; header: boolean; repeat?: boolean };
  /** A chart drawn across the text block, `lines` lines high (the 月报/年报). */
  figure?: { svg: string; lines: number };
}

const base = (over: Partial<PlannedPara>): PlannedPara => ({
  part: 'body', runs: [], role: 'body', size: SIZES_PT.body, align: 'justify', indent: true, rightIndent: false, keepNext: false, keepLines: false, breakBefore: false, ...over,
});
const fixedText = (text: string): Text => ({ text, field: '文书固定文字' });

function blockParas(b: Block, model: DocumentModel): PlannedPara[] {
  switch (b.type) {
    case 'paragraph':
      return [base({ runs: b.runs, role: b.bold ? 'heading' : 'body', indent: b.indent !== false })];
    case 'heading':
      return [base({ runs: [b.text], role: 'heading' })];
    case 'party':
      return b.lines.map((l) => base({ runs: l }));
    case 'item':
      return [base({ runs: [fixedText(b.number), ...b.runs] })];
    case 'right':
      return [
        ...Array.from({ length: b.gapBefore ?? 0 }, () => base({ keepNext: true })),
        ...b.lines.map((l) => base({ runs: l, align: 'right', indent: false, rightIndent: true })),
      ];
    case 'seal':
    case 'blank':
      return [base({})];
    case 'rule':
      return [base({ rule: true, keepNext: true }), ...(b.caption ? [base({ runs: [fixedText(b.caption)], size: 12, align: 'center', indent: false })] : [])];
    case 'table': {
      const total = b.columns.reduce((s, c) => s + c, 0);
      const widths = b.columns.map((c) => (c * CHARS_PER_LINE) / total);
      return b.rows.map((r) =>
        base({
          align: 'left', indent: false, keepLines: true, keepNext: !!r.header, role: r.header ? 'heading' : 'body', ...(b.size ? { size: b.size } : {}),
          row: { cells: r.cells, widths, minLines: r.minLines ?? 1, header: !!r.header, ...(r.header && b.repeatHeader ? { repeat: true } : {}) },
        }),
      );
    }
    case 'figure':
      return [
        base({ align: 'center', indent: false, keepLines: true, keepNext: true, figure: { svg: b.svg, lines: b.lines } }),
        base({ runs: [b.caption], size: 12, align: 'center', indent: false }),
      ];
    case 'pageBreak':
      return []; // the next paragraph starts the page (bodyParas)
    case 'newPage': {
      const title = titleBlock(model, model.title);
      title[0] = { ...title[0]!, breakBefore: true };
      return title;
    }
  }
}

function bodyParas(blocks: Block[], model: DocumentModel): PlannedPara[] {
  const keep = keepFlags(blocks);
  return blocks.flatMap((b, i) => {
    const ps = blockParas(b, model);
    if (i > 0 && blocks[i - 1]!.type === 'pageBreak' && ps.length) ps[0] = { ...ps[0]!, breakBefore: true };
    const k = keep[i]!;
    return ps.map((p, n) => ({
      ...p,
      part: k.closing ? ('closing' as const) : b.type === 'heading' ? ('heading' as const) : p.part,
      keepLines: p.keepLines || k.keepLines,
      // lines of one block keep together (but a table may break between rows, a new page starts fresh); the block's
      // last paragraph keeps with the next block as the block does
      keepNext: p.keepNext || (n < ps.length - 1 && !p.row && b.type !== 'newPage') || k.keepNext,
    }));
  });
}

function titleBlock(model: DocumentModel, title: string): PlannedPara[] {
  const spaced = [...title].length <= 4 ? [...title].join(' ') : title;
  const t = (runs: Text[]) => base({ part: 'title', runs, role: 'title', size: SIZES_PT.title, align: 'center', indent: false, keepNext: true, keepLines: true });
  return [
    t([model.issuer]),
    t([{ text: spaced, field: '文书标题' }]),
    ...(model.caseNumber ? [base({ part: 'title', keepNext: true }), base({ part: 'title', runs: [model.caseNumber], align: 'right', indent: false, keepNext: true, keepLines: true })] : []),
    base({ part: 'title', keepNext: true }),
  ];
}

export function planDocument(model: DocumentModel): PlannedPara[] {
  const out: PlannedPara[] = [];
  if (model.stub) {
    out.push(...titleBlock(model, model.stub.title), ...bodyParas(model.stub.blocks, model));
    out.push(...blockParas({ type: 'rule', caption: STUB_CUT_CAPTION }, model));
  }
  const notice = titleBlock(model, model.title);
  if (model.stub) notice[0] = { ...notice[0]!, breakBefore: true };
  out.push(...notice, ...bodyParas(model.blocks, model));
  return out;
}
