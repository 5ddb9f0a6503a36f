import type { Block, Text } from './model';
import { CHARS_PER_LINE } from './layout';

/**
 * Text flow rules shared by both renderers, so that the PDF (which we lay out ourselves, line by line) and the DOCX
 * (which Word, WPS or LibreOffice lay out from the paragraph properties we set) break lines and pages the same way:
 *
 * - no break inside an amount with its unit, a date, a time, a case number, an ID number or a credit code
 *   (`noBreakSpans`, which the PDF line breaker keeps whole; the DOCX marks figures and Latin letters as English, so
 *   that LibreOffice and Word keep every run of them whole — LibreOffice 7.4 may still part a figure from the Chinese
 *   unit after it: it honours neither U+2060 WORD JOINER, U+FEFF nor custom 禁则 lists there, see docs/decisions.md);
 * - no line starts with closing punctuation and none ends with opening punctuation (禁则, as LibreOffice and Word apply);
 * - headings keep with the next paragraph; the closing block (signatures, seal, date, clerk) stays together and with at
 *   least the last two lines of the body; no paragraph leaves a single line alone at the top or foot of a page.
 */

/** Fields whose whole text must never be broken across lines. */
const UNBREAKABLE_FIELD = /案号|文号|证件号码|身份证号码|统一社会信用代码|电话/;

const NO_BREAK_PATTERNS: RegExp[] = [
  // dates in figures: 2026年7月1日, 2026年7月, 7月1日
  /\d{4}年\d{1,2}月(?:\d{1,2}日)?|\d{1,2}月\d{1,2}日/g,
  // amounts and counts with their unit: 12,500.00元, 6000元, 5日, 12个月, 45%
  /\d[\d,]*(?:\.\d+)?(?:元|万元|%|个月|小时|日|天|份|项|号|年|倍|周|期|人)/g,
  // the year and number of a case or document number: 〔2026〕第128号之一
  /〔\d{4}〕第?\d+号(?:之[一二三四五六七八九十]+)?/g,
  // times of day: 09:30
  /\d{1,2}[:：]\d{2}/g,
  // ID numbers, credit codes, phone numbers and any other run of letters and figures
  /[0-9A-Za-z][0-9A-Za-z\-.,/]*[0-9A-Za-z]/g,
];

/** [start, end) character ranges (in UTF-16 units of the joined text) that must not be broken. */
export function noBreakSpans(runs: Text[]): [number, number][] {
  const spans: [number, number][] = [];
  let offset = 0;
  for (const r of runs) {
    if (UNBREAKABLE_FIELD.test(r.field) && r.text.length > 1) spans.push([offset, offset + r.text.length]);
    offset += r.text.length;
  }
  const joined = runs.map((r) => r.text).join('');
  for (const re of NO_BREAK_PATTERNS) {
    for (const m of joined.matchAll(re)) if (m[0].length > 1) spans.push([m.index!, m.index! + m[0].length]);
  }
  spans.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const s of spans) {
    const last = merged.at(-1);
    if (last && s[0] < last[1]) last[1] = Math.max(last[1], s[1]);
    else merged.push([s[0], s[1]]);
  }
  return merged;
}

/** Punctuation that may hang past the right edge of a full line, as LibreOffice (tested: 7.4) and Word's Chinese default allow. */
export const HANGING = new Set([...'、。，．；：？！']);

/** Gap LibreOffice and Word put between Chinese and figures or Latin letters (autospace), as a fraction of the size (measured on LibreOffice 7.4 renderings: 3.2–3.5 pt at 16 pt). */
export const AUTOSPACE_EM = 0.22;
const LATIN = /[\x21-\x7e]/;
const ASIAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/; // ideographs only: none next to CJK punctuation
/** Whether the autospace gap goes between two adjacent characters. */
export const autospaceBetween = (a: string, b: string) => (LATIN.test(a) && ASIAN.test(b)) || (ASIAN.test(a) && LATIN.test(b));

/** Characters a line must not start with (closing punctuation, 禁则). */
export const NO_LINE_START = new Set([...'，。、；：？！）》」』”’】〕〉,.;:?!)]}']);
/** Characters a line must not end with (opening punctuation). */
export const NO_LINE_END = new Set([...'（《「『“‘【〔〈([{']);

/** Whether a line may break before index i of text (given the no-break spans). */
export function breakAllowed(text: string, i: number, spans: [number, number][]): boolean {
  if (i <= 0 || i >= text.length) return false;
  const prev = text[i - 1]!;
  const next = text[i]!;
  if (NO_LINE_START.has(next) || NO_LINE_END.has(prev)) return false;
  if (spans.some(([s, e]) => i > s && i < e)) return false;
  // never inside a run of Latin letters or figures
  if (/[0-9A-Za-z]/.test(prev) && /[0-9A-Za-z]/.test(next)) return false;
  return true;
}

/**
 * Page-keeping properties of each block: headings keep with the next block; every block of the closing run (the
 * trailing signatures, seal, date and clerk, with the blank lines among them) keeps with the next and is never split,
 * and the last body block before it keeps with the closing block, so at least its last two lines go with it.
 */
export interface Keep {
  keepNext: boolean;
  keepLines: boolean;
  closing: boolean;
}

const CLOSING_TYPES = new Set<Block['type']>(['right', 'seal', 'blank']);

export function keepFlags(all: Block[]): Keep[] {
  // an annex after a page break follows the closing block: the closing is found in the blocks before the break
  const cut = all.findIndex((b) => b.type === 'pageBreak');
  if (cut >= 0) {
    const annex = all.slice(cut).map((b): Keep => ({ closing: false, keepLines: b.type === 'heading', keepNext: b.type === 'heading' }));
    return [...keepFlags(all.slice(0, cut)), ...annex];
  }
  const blocks = all;
  let closingStart = blocks.length;
  while (closingStart > 0 && CLOSING_TYPES.has(blocks[closingStart - 1]!.type)) closingStart--;
  // a closing that begins with the letter close "此致 / <commission>" takes those two lines along
  const isLetterClose = (b: Block | undefined) => b?.type === 'paragraph' && b.runs.length === 1 && b.runs[0]!.text === '此致';
  if (closingStart >= 2 && isLetterClose(blocks[closingStart - 2]) ) closingStart -= 2;
  else if (closingStart >= 3 && isLetterClose(blocks[closingStart - 3]) && blocks[closingStart - 1]!.type === 'paragraph') closingStart -= 3;
  // the body blocks that go with the closing block: back to the last one of text, and past it while the text kept is
  // shorter than two lines (a one-line "附：…" takes the paragraph before it along)
  const withClosing = new Set<number>();
  let chars = 0;
  for (let i = closingStart - 1; i >= 0 && closingStart < blocks.length; i--) {
    const b = blocks[i]!;
    withClosing.add(i);
    if (b.type === 'heading') continue;
    const n = textLength(b);
    if (n === 0) continue;
    chars += n;
    if (chars > CHARS_PER_LINE) break;
  }
  return blocks.map((b, i) => {
    const closing = i >= closingStart && closingStart < blocks.length;
    return {
      closing,
      keepLines: closing || b.type === 'heading' || b.type === 'right',
      keepNext: (closing && i < blocks.length - 1) || b.type === 'heading' || withClosing.has(i) || (b.type === 'blank' && i < blocks.length - 1),
    };
  });
}

/** Characters of a block's text, its two-character indent included (0 for blank lines and the seal). */
function textLength(b: Block): number {
  switch (b.type) {
    case 'paragraph':
    case 'item':
      return [...b.runs.map((r) => r.text).join('')].length + 2 + (b.type === 'item' ? b.number.length : 0);
    case 'party':
      return b.lines.reduce((s, l) => s + [...l.map((r) => r.text).join('')].length + 2, 0);
    case 'heading':
      return b.text.text.length + 2;
    default:
      return 0;
  }
}

/** One paragraph as the paginator sees it. */
export interface FlowPara {
  lines: number;
  keepNext: boolean;
  keepLines: boolean;
  /** Starts a new frame (page, or column on A3). */
  breakBefore?: boolean;
}

/** Minimum lines of a split paragraph on either side of a page break (widow and orphan control). */
export const MIN_SPLIT_LINES = 2;

/**
 * Distributes paragraphs over frames of `capacity` lines. Returns, per paragraph, the frame of each of its lines.
 * A keep group (paragraphs joined by keepNext) breaks only inside a paragraph that may split, with at least two lines
 * on either side; where no such break fits on the current frame the group starts on the next one. A group longer
 * than a frame breaks where it must.
 */
export function paginate(paras: FlowPara[], capacity: number): number[][] {
  const out: number[][] = paras.map(() => []);
  let frame = 0;
  let used = 0;
  let i = 0;
  while (i < paras.length) {
    if (paras[i]!.breakBefore && (used > 0 || i > 0)) {
      frame++;
      used = 0;
    }
    let j = i;
    while (paras[j]!.keepNext && j + 1 < paras.length && !paras[j + 1]!.breakBefore) j++;
    // the group's lines, each with the paragraph it belongs to and whether a break may come before it
    const lines: { p: number; breakBefore: boolean }[] = [];
    for (let p = i; p <= j; p++) {
      const n = paras[p]!.lines;
      for (let k = 0; k < n; k++) {
        const inside = k > 0;
        const ok = inside
          ? !paras[p]!.keepLines && k >= MIN_SPLIT_LINES && n - k >= MIN_SPLIT_LINES
          : p === i; // between paragraphs of a group only before its first
        lines.push({ p, breakBefore: ok });
      }
    }
    let at = 0;
    while (at < lines.length) {
      const room = capacity - used;
      if (lines.length - at <= room) {
        for (let k = at; k < lines.length; k++) out[lines[k]!.p]!.push(frame);
        used += lines.length - at;
        break;
      }
      // latest allowed break b with at < b <= at + room
      let b = -1;
      for (let k = Math.min(lines.length - 1, at + room); k > at; k--) {
        if (lines[k]!.breakBefore) {
          b = k;
          break;
        }
      }
      if (b < 0 && used > 0 && at === 0) {
        // nothing fits here: start the group on the next frame
        frame++;
        used = 0;
        continue;
      }
      if (b < 0) b = at + Math.max(1, room); // longer than a frame: break where it must
      for (let k = at; k < b; k++) out[lines[k]!.p]!.push(frame);
      frame++;
      used = 0;
      at = b;
      // at the top of a new frame a break is allowed again inside the group only where the rules allow it
    }
    i = j + 1;
  }
  return out;
}
