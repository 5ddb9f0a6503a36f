import {
  AlignmentType, BorderStyle, ColumnBreak, Document, DocumentGridType, Footer, HeightRule, LineRuleType, Packer, PageNumber, PageOrientation, Paragraph, Table, TableCell,
  TableLayoutType, TableRow, TextRun, WidthType, type IRunOptions,
} from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { splitAtBreaks, type DocumentModel, type Text } from './model';
import { planDocument, type PlannedPara } from './plan';
import { rowHeightLines } from './pdf';

/** Room left in each line of a table cell for the cell's rules (twips). */
const CELL_RULE_TWIPS = 24;
/** What LibreOffice 7.4 adds above a table's first row (measured: about 3 pt). */
const TABLE_TOP_TWIPS = 60;
import { segmentAll, type Face, type FaceRole } from './fonts';
import { CELL_PADDING_PT, CHARS_PER_LINE, PAGE_FOOTER_PT, CHAR_SPACING_PT, INDENT_PT, LINES_PER_PAGE, LINE_PITCH_PT, MARGINS_MM, PAGE_NUMBER_GAP_MM, RIGHT_INDENT_CHARS, SIZES_PT, TEXT_WIDTH_MM, mm } from './layout';

type Chains = Record<FaceRole, Face[]>;

/** 1 mm in twips (1/20 pt). */
const twipsMm = (v: number) => Math.round((v * 72 * 20) / 25.4);
const halfPoints = (pt: number) => pt * 2;
const LINE = { line: Math.round(LINE_PITCH_PT * 20), lineRule: LineRuleType.EXACT, before: 0, after: 0 };
const SPACING = Math.round(CHAR_SPACING_PT * 20);

/**
 * Chinese for East-Asian text; English for figures and Latin letters, so that LibreOffice (whose Chinese line breaking
 * breaks between any two characters) keeps a run of figures — an amount, a year, an ID number, a credit code — whole.
 */
const LANGUAGE = { value: 'en-US', eastAsia: 'zh-CN' };

/** The four font slots set to one family, so Word, WPS and LibreOffice use the intended Chinese face for every script. */
const fontSlots = (f: Face) => ({ ascii: f.family, hAnsi: f.family, eastAsia: f.family, cs: f.family, hint: 'eastAsia' });

function runs(texts: Text[], chain: Face[], size: number, extra: Partial<IRunOptions> = {}): TextRun[] {
  // a forced line break (in a table cell) becomes a w:br before the next group's first run
  return splitAtBreaks(texts).flatMap((group, g) =>
    segmentAll(group, chain).map(
      (s, i) => new TextRun({ text: s.text, ...(g > 0 && i === 0 ? { break: 1 } : {}), font: fontSlots(s.face), bold: s.face.bold, size: halfPoints(size), characterSpacing: SPACING, language: LANGUAGE, ...extra }),
    ),
  );
}

/**
 * The font table names, for each bundled face, the face an ordinary Chinese office PC has in its place (w:altName:
 * 宋体 for the serif, 黑体 for the sans; GB2312 character set), so that Word and WPS substitute those rather than an
 * arbitrary face when the bundled faces are not installed. The system faces (仿宋_GB2312, 宋体, 黑体, 方正小标宋简体) need
 * no substitute. The DOCX does not embed fonts.
 */
const FONT_TABLE = [
  ['Noto Serif CJK SC', '宋体', 'roman'],
  ['Noto Sans CJK SC', '黑体', 'swiss'],
]
  .map(([name, alt, family]) => `<w:font w:name="${name}"><w:altName w:val="${alt}"/><w:charset w:val="86"/><w:family w:val="${family}"/><w:pitch w:val="variable"/></w:font>`)
  .join('');

/** Widow control and 禁则 (kinsoku) in the default paragraph properties, patched into styles.xml (the docx library writes neither there). */
const DEFAULT_PPR = '<w:widowControl/><w:kinsoku/>';

/**
 * Renders the model to DOCX with the same text, faces, page and type layout as the PDF: the same planned paragraphs
 * (plan.ts) with keep-with-next, keep-lines and widow control, the 22 × 28 document grid at our fixed 28.9 pt pitch and
 * 禁则 — so that Word, WPS and LibreOffice break pages where our PDF does. Hanging punctuation and the automatic space
 * between Chinese and figures are left at the word processors' default (on), and our PDF does the same (pdf.ts).
 */
export async function renderDocx(model: DocumentModel, chains: Chains, layout: 'a4' | 'a3-stub' = 'a4'): Promise<Buffer> {
  const a3 = layout === 'a3-stub' && !!model.stub;
  const body = SIZES_PT.body;
  const paragraph = (p: PlannedPara): Paragraph =>
    new Paragraph({
      children: [
        ...(p.breakBefore && a3 ? [new ColumnBreak()] : []),
        ...runs(p.runs, chains[p.role], p.size, p.role === 'title' || p.size !== body ? { characterSpacing: 0 } : {}),
      ],
      alignment: p.align === 'center' ? AlignmentType.CENTER : p.align === 'right' ? AlignmentType.RIGHT : p.align === 'left' ? AlignmentType.LEFT : AlignmentType.JUSTIFIED,
      spacing: LINE,
      indent: { firstLine: p.indent ? INDENT_PT * 20 : 0, right: p.rightIndent ? RIGHT_INDENT_CHARS * body * 20 : 0 },
      keepNext: p.keepNext || undefined,
      keepLines: p.keepLines || undefined,
      widowControl: true,
      pageBreakBefore: (p.breakBefore && !a3) || undefined,
      ...(p.rule ? { border: { bottom: { style: BorderStyle.DASHED, size: 6, color: '000000', space: 1 } } } : {}),
    });
  const textTwips = Math.round(mm(TEXT_WIDTH_MM) * 20);
  const cellRule = { style: BorderStyle.SINGLE, size: 5, color: '000000' };
  const tableRow = (p: PlannedPara, first: boolean): TableRow =>
    new TableRow({
      cantSplit: true,
      // a repeated header row (the annex of a collective award): Word and LibreOffice print it atop every page the table runs on
      ...(p.row!.repeat ? { tableHeader: true } : {}),
      // the row as high as our layout makes it; the cell's lines a little under the pitch, so that the cell rules
      // LibreOffice adds to a row never make it taller than ours; the first row gives back the rule LibreOffice adds
      // above a table
      height: { value: rowHeightLines(p, chains) * LINE.line - (first ? TABLE_TOP_TWIPS : 0), rule: HeightRule.ATLEAST },
      children: p.row!.cells.map(
        (cellRuns, i) =>
          new TableCell({
            width: { size: Math.round((p.row!.widths[i]! * textTwips) / CHARS_PER_LINE), type: WidthType.DXA },
            children: [new Paragraph({ children: runs(cellRuns, chains[p.role], p.size, p.size !== body ? { characterSpacing: 0 } : {}), alignment: AlignmentType.LEFT, spacing: { ...LINE, line: LINE.line - CELL_RULE_TWIPS }, keepNext: p.keepNext || undefined, keepLines: true, widowControl: true })],
          }),
      ),
    });
  const children: (Paragraph | Table)[] = [];
  let rows: { widths: number[]; row: TableRow }[] = [];
  const flushTable = () => {
    if (!rows.length) return;
    const widths = rows[0]!.widths.map((w) => Math.round((w * textTwips) / CHARS_PER_LINE));
    // the rules and cell padding once for the table (w:tblBorders, w:tblCellMar), not on each of its cells: the same
    // grid, and a 500-worker annex no longer builds and serialises 2,500 sets of cell borders (docs/benchmarks.md)
    children.push(new Table({
      rows: rows.map((r) => r.row), width: { size: textTwips, type: WidthType.DXA }, columnWidths: widths, layout: TableLayoutType.FIXED,
      borders: { top: cellRule, bottom: cellRule, left: cellRule, right: cellRule, insideHorizontal: cellRule, insideVertical: cellRule },
      margins: { top: 0, bottom: 0, left: CELL_PADDING_PT * 20, right: CELL_PADDING_PT * 20 },
    }));
    rows = [];
  };
  for (const p of planDocument(model)) {
    if (p.row) {
      if (rows.length && rows[0]!.widths.join() !== p.row.widths.join()) flushTable();
      rows.push({ widths: p.row.widths, row: tableRow(p, rows.length === 0) });
      continue;
    }
    flushTable();
    // a figure keeps its space (its lines) in the DOCX; the chart itself is drawn in the PDF only
    if (p.figure) for (let i = 1; i < p.figure.lines; i++) children.push(paragraph({ ...p, keepNext: true }));
    children.push(paragraph(p));
  }
  flushTable();

  const pageFace = chains.body[0]!;
  // with a footer line the footer's two lines are set at 14 pt exactly, so that both stay inside the bottom margin
  const footerSpacing = model.pageFooter ? { line: SIZES_PT.pageNumber * 20, lineRule: LineRuleType.EXACT, before: 0, after: 0 } : undefined;
  const pageNumber = (align: 'left' | 'right') =>
    new Footer({
      children: [
        ...(model.pageFooter
          ? [new Paragraph({ spacing: footerSpacing, children: [new TextRun({ text: model.pageFooter, font: fontSlots(pageFace), size: halfPoints(PAGE_FOOTER_PT), language: LANGUAGE })] })]
          : []),
        new Paragraph({
          ...(footerSpacing ? { spacing: footerSpacing } : {}),
          alignment: align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
          indent: align === 'right' ? { right: SIZES_PT.pageNumber * 20 } : { left: SIZES_PT.pageNumber * 20 },
          children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: fontSlots(pageFace), size: halfPoints(SIZES_PT.pageNumber) })],
        }),
      ],
    });
  const doc = new Document({
    creator: '劳动仲裁工作台',
    title: model.title,
    subject: model.meta.subject,
    description: `${model.issuer.text} ${model.title}`,
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: { font: fontSlots(chains.body[0]!), size: halfPoints(body), language: LANGUAGE },
          paragraph: { spacing: LINE },
        },
      },
    },
    sections: [
      {
        properties: {
          // the GB/T 9704 grid: 22 lines of our fixed pitch, 28 characters a line (charSpace: the pitch's difference
          // from the 16 pt body size, in 1/4096 pt)
          grid: { type: DOCX_GRID.type, linePitch: DOCX_GRID.linePitch, charSpace: DOCX_GRID.charSpace },
          // two 156 mm columns on A3, the fold between them (26 + 28 mm of margin either side of it)
          ...(a3 ? { column: { count: 2, space: twipsMm(MARGINS_MM.left + MARGINS_MM.right), separate: true, equalWidth: true } } : {}),
          page: {
            size: a3 ? { width: twipsMm(297), height: twipsMm(420), orientation: PageOrientation.LANDSCAPE } : { width: twipsMm(210), height: twipsMm(297) },
            margin: {
              top: twipsMm(MARGINS_MM.top), bottom: twipsMm(MARGINS_MM.bottom), left: twipsMm(MARGINS_MM.left), right: twipsMm(MARGINS_MM.right),
              header: twipsMm(15),
              // the footer's baseline sits 7 mm below the text block: footer distance = bottom margin − 7 mm − one 14 pt line
              footer: twipsMm(MARGINS_MM.bottom - PAGE_NUMBER_GAP_MM) - SIZES_PT.pageNumber * 20,
            },
          },
        },
        footers: { default: pageNumber('right'), even: pageNumber('left') },
        children,
      },
    ],
  });
  return patchDefaults(await Packer.toBuffer(doc));
}

/** The document grid written into the section: 22 lines of 28.9 pt and 28 characters of 156 mm / 28 a line. */
export const DOCX_GRID = {
  type: DocumentGridType.LINES,
  linePitch: Math.round(LINE_PITCH_PT * 20),
  charSpace: Math.round((mm(TEXT_WIDTH_MM) / CHARS_PER_LINE - SIZES_PT.body) * 4096),
  lines: LINES_PER_PAGE,
} as const;

/**
 * Adds widow control and 禁则 to the default paragraph properties, and takes every paragraph off the grid's snapping
 * (w:snapToGrid 0, which the docx library cannot write on a paragraph): each line is already exactly one grid pitch,
 * and LibreOffice would otherwise give a 22 pt title line two grid lines.
 */
async function patchDefaults(docx: Buffer): Promise<Buffer> {
  // fflate, synchronous: unzipping and zipping again with JSZip (pure-JS deflate, async workers) took a third of the DOCX time
  const files = unzipSync(docx);
  const text = (name: string) => strFromU8(files[name]!);
  const document = text('word/document.xml');
  const spacing = `<w:spacing w:after="0" w:before="0" w:line="${LINE.line}" w:lineRule="exact"/>`;
  if (!document.includes(spacing)) throw new Error('document.xml paragraphs lack the exact line spacing');
  files['word/document.xml'] = strToU8(document.replace(/<w:spacing w:after="0" w:before="0" w:line="\d+" w:lineRule="exact"\/>/g, (m) => `<w:snapToGrid w:val="0"/>${m}`));
  const styles = text('word/styles.xml');
  const patched = styles.replace(/<w:pPrDefault>\s*<w:pPr>/, (m) => `${m}${DEFAULT_PPR}`);
  if (patched === styles) throw new Error('styles.xml has no pPrDefault to patch');
  files['word/styles.xml'] = strToU8(patched);
  files['word/fontTable.xml'] = strToU8(text('word/fontTable.xml').replace(/<w:fonts([^>]*)\/>/, `<w:fonts$1>${FONT_TABLE}</w:fonts>`));
  return Buffer.from(zipSync(files, { level: 6 }));
}

export const DOCX_PAGE_TWIPS = { width: twipsMm(210), height: twipsMm(297), margins: { top: twipsMm(MARGINS_MM.top), bottom: twipsMm(MARGINS_MM.bottom), left: twipsMm(MARGINS_MM.left), right: twipsMm(MARGINS_MM.right) } };
