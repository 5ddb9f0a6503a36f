import PDFDocument from 'pdfkit';
import { STUB_CUT_CAPTION, type Block, type DocumentModel, type Text } from './model';
import { openFace, segmentAll, type Face, type FaceRole } from './fonts';
import {
  A4, CHAR_SPACING_PT, LINE_PITCH_PT, MARGINS_MM, PAGE_NUMBER_GAP_MM, RIGHT_INDENT_CHARS, SIZES_PT, mm, pageNumberText,
} from './layout';

type Chains = Record<FaceRole, Face[]>;

export type PageLayout = 'a4' | 'a3-stub';

/**
 * Renders the model to PDF with pdfkit: A4, GB/T 9704 margins, bundled CJK faces embedded as subsets. With layout
 * 'a3-stub' a document with a stub is printed on A3 landscape: the stub on the left half, the notice on the right, each
 * half with the A4 margins, and a dashed fold between them for the seal across it (骑缝章).
 */
export async function renderPdf(model: DocumentModel, chains: Chains, layout: PageLayout = 'a4'): Promise<Buffer> {
  const a3 = layout === 'a3-stub' && !!model.stub;
  const created = new Date(`${model.meta.date}T09:00:00+08:00`);
  const doc = new PDFDocument({
    size: a3 ? [mm(2 * A4.widthMm), mm(A4.heightMm)] : 'A4',
    margins: { top: mm(MARGINS_MM.top), bottom: mm(MARGINS_MM.bottom), left: mm(MARGINS_MM.left), right: mm(MARGINS_MM.right) },
    bufferPages: true,
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
      registered.add(face.key);
    }
    doc.font(face.key).fontSize(size);
  };
  const width = mm(A4.widthMm - MARGINS_MM.left - MARGINS_MM.right);
  /** Left edge of the current frame: the page's text block, or on A3 the left (stub) or right (notice) half's. */
  let left = doc.page.margins.left;

  /** Writes runs as one paragraph, switching faces where a fallback face is needed. */
  const write = (runs: Text[], role: FaceRole, size: number, opts: PDFKit.Mixins.TextOptions) => {
    const segs = segmentAll(runs, chains[role]);
    if (segs.length === 0) segs.push({ text: ' ', face: chains[role][0]! });
    if (opts.align === 'right' || opts.align === 'center') {
      // pdfkit aligns each continued run on its own; place a one-line right/centred text by measuring it instead.
      const box = opts.width ?? width;
      const widths = segs.map((s) => {
        use(s.face, size);
        return doc.widthOfString(s.text, { characterSpacing: opts.characterSpacing ?? 0 });
      });
      const total = widths.reduce((a, b) => a + b, 0);
      if (total <= box) {
        let x = left + (opts.align === 'right' ? box - total : (box - total) / 2);
        const y = doc.y;
        if (y + LINE_PITCH_PT > doc.page.height - doc.page.margins.bottom) doc.addPage();
        const top = doc.y === y ? y : doc.y;
        segs.forEach((s, i) => {
          use(s.face, size);
          doc.text(s.text, x, top, { lineBreak: false, characterSpacing: opts.characterSpacing ?? 0 });
          x += widths[i]!;
        });
        doc.x = left;
        doc.y = top + Math.max(LINE_PITCH_PT, doc.currentLineHeight(false));
        return;
      }
    }
    segs.forEach((s, i) => {
      use(s.face, size);
      const lineGap = Math.max(0, LINE_PITCH_PT - doc.currentLineHeight(false));
      const first = i === 0;
      const o: PDFKit.Mixins.TextOptions = { ...opts, lineGap, continued: i < segs.length - 1 };
      if (!first) delete o.indent;
      if (first) doc.text(s.text, left, doc.y, { ...o, width });
      else doc.text(s.text, o);
    });
  };
  const body = SIZES_PT.body;
  const base = { characterSpacing: CHAR_SPACING_PT, align: 'justify' as const };
  const indent2 = 2 * (body + CHAR_SPACING_PT);

  const blank = () => {
    doc.y += LINE_PITCH_PT;
  };
  const blocks = (list: Block[]) => {
    for (const b of list) {
      switch (b.type) {
        case 'paragraph':
          write(b.runs, b.bold ? 'heading' : 'body', body, { ...base, indent: b.indent === false ? 0 : indent2 });
          break;
        case 'heading':
          write([b.text], 'heading', body, { ...base, indent: indent2 });
          break;
        case 'party':
          for (const line of b.lines) write(line, 'body', body, { ...base, indent: indent2 });
          break;
        case 'item':
          write([{ text: b.number, field: '文书固定文字' }, ...b.runs], 'body', body, { ...base, indent: indent2 });
          break;
        case 'right':
          for (let i = 0; i < (b.gapBefore ?? 0); i++) blank();
          for (const line of b.lines) {
            write(line, 'body', body, { characterSpacing: CHAR_SPACING_PT, align: 'right', width: width - RIGHT_INDENT_CHARS * body });
          }
          break;
        case 'seal':
          blank();
          break;
        case 'blank':
          blank();
          break;
        case 'rule': {
          blank();
          const y = doc.y - LINE_PITCH_PT / 2;
          doc.save().dash(4, { space: 3 }).moveTo(left, y).lineTo(left + width, y).lineWidth(0.6).stroke().restore();
          if (b.caption) write([{ text: b.caption, field: '文书固定文字' }], 'body', 12, { align: 'center' });
          break;
        }
      }
    }
  };
  const titleBlock = (title: string, caseNumber: Text | null) => {
    write([model.issuer], 'title', SIZES_PT.title, { align: 'center' });
    const spaced = [...title].length <= 4 ? [...title].join(' ') : title;
    write([{ text: spaced, field: '文书标题' }], 'title', SIZES_PT.title, { align: 'center' });
    if (caseNumber) {
      blank();
      write([caseNumber], 'body', body, { align: 'right', characterSpacing: CHAR_SPACING_PT });
    }
    blank();
  };

  if (model.stub && a3) {
    titleBlock(`${model.stub.title}`, model.caseNumber);
    blocks(model.stub.blocks);
    blocks([{ type: 'rule', caption: STUB_CUT_CAPTION }]);
    // the fold between stub and notice, where the seal goes across (骑缝章)
    const fold = mm(A4.widthMm);
    doc.save().dash(5, { space: 4 }).moveTo(fold, mm(20)).lineTo(fold, doc.page.height - mm(20)).lineWidth(0.6).stroke().restore();
    use(chains.body[0]!, 10);
    doc.save().rotate(90, { origin: [fold + 4, mm(120)] }).text('骑缝处加盖仲裁委员会印章', fold + 4, mm(120), { lineBreak: false }).restore();
    left = fold + mm(MARGINS_MM.left);
    doc.x = left;
    doc.y = doc.page.margins.top;
  } else if (model.stub) {
    titleBlock(`${model.stub.title}`, model.caseNumber);
    blocks(model.stub.blocks);
    blocks([{ type: 'rule', caption: STUB_CUT_CAPTION }]);
    doc.addPage();
  }
  titleBlock(model.title, model.caseNumber);
  blocks(model.blocks);

  // Page numbers: odd pages right, even pages left, one character in, 7 mm below the text block.
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const n = i + 1;
    const face = chains.body[0]!;
    use(face, SIZES_PT.pageNumber);
    const savedBottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = doc.page.height - mm(MARGINS_MM.bottom) + mm(PAGE_NUMBER_GAP_MM);
    const inset = SIZES_PT.pageNumber;
    doc.text(pageNumberText(n), left + (n % 2 === 1 ? -inset : inset), y, { width, align: n % 2 === 1 ? 'right' : 'left', lineBreak: false });
    doc.page.margins.bottom = savedBottom;
  }
  doc.end();
  return done;
}

