import {
  AlignmentType, BorderStyle, ColumnBreak, Document, Footer, LineRuleType, Packer, PageBreak, PageNumber, PageOrientation, Paragraph, TextRun, type IRunOptions,
} from 'docx';
import { STUB_CUT_CAPTION, type Block, type DocumentModel, type Text } from './model';
import { segmentAll, type Face, type FaceRole } from './fonts';
import { CHAR_SPACING_PT, LINE_PITCH_PT, MARGINS_MM, PAGE_NUMBER_GAP_MM, RIGHT_INDENT_CHARS, SIZES_PT } from './layout';

type Chains = Record<FaceRole, Face[]>;

/** 1 mm in twips (1/20 pt). */
const twipsMm = (v: number) => Math.round((v * 72 * 20) / 25.4);
const halfPoints = (pt: number) => pt * 2;
const LINE = { line: Math.round(LINE_PITCH_PT * 20), lineRule: LineRuleType.EXACT, before: 0, after: 0 };
const SPACING = Math.round(CHAR_SPACING_PT * 20);
const INDENT2 = 2 * SIZES_PT.body * 20;

/** The four font slots set to one family, so Word, WPS and LibreOffice use the intended Chinese face for every script. */
const fontSlots = (f: Face) => ({ ascii: f.family, hAnsi: f.family, eastAsia: f.family, cs: f.family, hint: 'eastAsia' });

function runs(texts: Text[], chain: Face[], size: number, extra: Partial<IRunOptions> = {}): TextRun[] {
  return segmentAll(texts, chain).map(
    (s) => new TextRun({ text: s.text, font: fontSlots(s.face), bold: s.face.bold, size: halfPoints(size), characterSpacing: SPACING, language: { value: 'zh-CN', eastAsia: 'zh-CN' }, ...extra }),
  );
}

/** Renders the model to DOCX with the same text, faces, page and type layout as the PDF. */
export async function renderDocx(model: DocumentModel, chains: Chains, layout: 'a4' | 'a3-stub' = 'a4'): Promise<Buffer> {
  const a3 = layout === 'a3-stub' && !!model.stub;
  const body = SIZES_PT.body;
  const para = (texts: Text[], role: FaceRole, opts: { indent?: boolean; align?: 'left' | 'center' | 'right' | 'justify'; size?: number; rightChars?: number } = {}) =>
    new Paragraph({
      children: runs(texts, chains[role], opts.size ?? body),
      alignment: opts.align === 'center' ? AlignmentType.CENTER : opts.align === 'right' ? AlignmentType.RIGHT : opts.align === 'left' ? AlignmentType.LEFT : AlignmentType.JUSTIFIED,
      spacing: LINE,
      indent: { firstLine: opts.indent ? INDENT2 : 0, right: opts.rightChars ? opts.rightChars * body * 20 : 0 },
    });
  const blank = () => new Paragraph({ children: [], spacing: LINE });
  const blocks = (list: Block[]): Paragraph[] =>
    list.flatMap((b): Paragraph[] => {
      switch (b.type) {
        case 'paragraph':
          return [para(b.runs, b.bold ? 'heading' : 'body', { indent: b.indent !== false })];
        case 'heading':
          return [para([b.text], 'heading', { indent: true })];
        case 'party':
          return b.lines.map((l) => para(l, 'body', { indent: true }));
        case 'item':
          return [para([{ text: b.number, field: '文书固定文字' }, ...b.runs], 'body', { indent: true })];
        case 'right':
          return [...Array.from({ length: b.gapBefore ?? 0 }, blank), ...b.lines.map((l) => para(l, 'body', { align: 'right', rightChars: RIGHT_INDENT_CHARS }))];
        case 'seal':
        case 'blank':
          return [blank()];
        case 'rule':
          return [
            new Paragraph({ children: [], spacing: LINE, border: { bottom: { style: BorderStyle.DASHED, size: 6, color: '000000', space: 1 } } }),
            ...(b.caption ? [para([{ text: b.caption, field: '文书固定文字' }], 'body', { align: 'center', size: 12 })] : []),
          ];
      }
    });
  const titleBlock = (title: string): Paragraph[] => {
    const spaced = [...title].length <= 4 ? [...title].join(' ') : title;
    return [
      para([model.issuer], 'title', { align: 'center', size: SIZES_PT.title }),
      para([{ text: spaced, field: '文书标题' }], 'title', { align: 'center', size: SIZES_PT.title }),
      ...(model.caseNumber ? [blank(), para([model.caseNumber], 'body', { align: 'right' })] : []),
      blank(),
    ];
  };
  const children: Paragraph[] = [];
  if (model.stub) {
    children.push(...titleBlock(model.stub.title), ...blocks(model.stub.blocks), ...blocks([{ type: 'rule', caption: STUB_CUT_CAPTION }]));
    // A3: the notice starts in the right-hand column; A4: on the next page
    children.push(new Paragraph({ children: [a3 ? new ColumnBreak() : new PageBreak()], spacing: LINE }));
  }
  children.push(...titleBlock(model.title), ...blocks(model.blocks));

  const pageFace = chains.body[0]!;
  const pageNumber = (align: 'left' | 'right') =>
    new Footer({
      children: [
        new Paragraph({
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
          run: { font: fontSlots(chains.body[0]!), size: halfPoints(body), language: { value: 'zh-CN', eastAsia: 'zh-CN' } },
          paragraph: { spacing: LINE },
        },
      },
    },
    sections: [
      {
        properties: {
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
  return Packer.toBuffer(doc);
}

export const DOCX_PAGE_TWIPS = { width: twipsMm(210), height: twipsMm(297), margins: { top: twipsMm(MARGINS_MM.top), bottom: twipsMm(MARGINS_MM.bottom), left: twipsMm(MARGINS_MM.left), right: twipsMm(MARGINS_MM.right) } };
