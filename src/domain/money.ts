/** Money is an integer number of fen everywhere; these helpers format and parse only at the edges. */

/** Largest amount a claim may carry: 100 billion yuan, far above any labour claim, well inside 2^53. */
export const MAX_FEN = 10_000_000_000_000;

export function isValidFen(n: unknown): n is number {
  return typeof n === 'number' && Number.isSafeInteger(n) && n >= 0 && n <= MAX_FEN;
}

/** 1234567 -> "¥12,345.67" */
export function formatFen(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100).toLocaleString('en-US');
  const cents = String(abs % 100).padStart(2, '0');
  return `${sign}¥${yuan}.${cents}`;
}

/** "12,345.67" or "12345.6" -> 1234567 fen; null when the text is not a valid non-negative amount with at most 2 decimals. */
export function parseYuanToFen(text: string): number | null {
  const t = text.replace(/[,，\s¥￥元]/g, '');
  const m = /^(\d{1,11})(?:\.(\d{1,2}))?$/.exec(t);
  if (!m) return null;
  const fen = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return isValidFen(fen) ? fen : null;
}

/** 1234567 -> "12345.67" (for form fields). */
export function fenToYuanText(fen: number): string {
  return `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
}
