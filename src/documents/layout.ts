/**
 * Page and type layout after GB/T 9704-2012 (党政机关公文格式), as Chinese legal documents follow it: A4, margins top 37 mm,
 * bottom 35 mm, left 28 mm, right 26 mm (text block 156 × 225 mm); title 二号 (22 pt) in a heavy Song face; body 三号 (16 pt),
 * 28 characters a line and 22 lines a page (fixed line pitch 225 mm / 22 ≈ 28.9 pt); page numbers "— 1 —" in 四号 (14 pt)
 * 7 mm below the text block, odd pages on the right and even pages on the left, one character in from the edge.
 */
export const PT_PER_MM = 72 / 25.4;
export const mm = (v: number) => v * PT_PER_MM;
export const A4 = { widthMm: 210, heightMm: 297 } as const;
export const MARGINS_MM = { top: 37, bottom: 35, left: 28, right: 26 } as const;
export const TEXT_WIDTH_MM = A4.widthMm - MARGINS_MM.left - MARGINS_MM.right; // 156
export const SIZES_PT = { title: 22, body: 16, pageNumber: 14 } as const;
export const CHARS_PER_LINE = 28;
export const LINES_PER_PAGE = 22;
/** Fixed line pitch: the text block's height divided by 22 lines. */
export const LINE_PITCH_PT = Math.floor((mm(A4.heightMm - MARGINS_MM.top - MARGINS_MM.bottom) / LINES_PER_PAGE) * 10) / 10; // 28.9
/** Character spacing that puts 28 characters of 16 pt into the 156 mm text width. */
export const CHAR_SPACING_PT = Math.floor(((mm(TEXT_WIDTH_MM) - CHARS_PER_LINE * SIZES_PT.body) / CHARS_PER_LINE) * 10) / 10; // -0.3
/** Page number 7 mm below the text block. */
export const PAGE_NUMBER_GAP_MM = 7;
/** Signature and date lines end four characters in from the right edge (GB/T 9704 成文日期右空四字). */
export const RIGHT_INDENT_CHARS = 4;

/** "— 3 —" */
export const pageNumberText = (n: number) => `— ${n} —`;
/** First-line indent of body paragraphs: two characters of the body size (首行缩进二字), in both renderers. */
export const INDENT_PT = 2 * SIZES_PT.body;
/** Padding inside a table cell, left and right, in both renderers (DOCX cell margins). */
export const CELL_PADDING_PT = 4;
/** Size of a per-page footer line (庭审笔录 核对无误), printed between the text block and the page number. */
export const PAGE_FOOTER_PT = 12;
