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
  const r = checkYuanText(text);
  return r.ok ? r.fen : null;
}

/** A typed amount in yuan read into fen, or the one thing wrong with it in words a clerk understands ("金额过大"). */
export function checkYuanText(text: string): { ok: true; fen: number } | { ok: false; message: string } {
  const t = text.replace(/[,，\s¥￥元]/g, '');
  if (!t) return { ok: false, message: '请填写金额' };
  if (/^[-－−]/.test(t)) return { ok: false, message: '金额不能为负数' };
  if (!/^\d+(?:\.\d+)?$/.test(t)) return { ok: false, message: '金额只能填写数字，如 12500 或 12500.50' };
  const [whole, cents = ''] = t.split('.');
  if (cents.length > 2) return { ok: false, message: '金额最多两位小数（精确到分）' };
  const fen = Number(whole) * 100 + Number(cents.padEnd(2, '0'));
  if (whole!.replace(/^0+/, '').length > 12 || !isValidFen(fen)) return { ok: false, message: `金额过大：不能超过${MAX_FEN / 100 / 1e8}亿元，请核对` };
  return { ok: true, fen };
}

/** 1234567 -> "12345.67" (for form fields). */
export function fenToYuanText(fen: number): string {
  return `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
}

const CAPITAL_DIGITS = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
const SMALL_UNITS = ['', '拾', '佰', '仟'];
const BIG_UNITS = ['', '万', '亿', '万亿'];

/**
 * Amount in capital Chinese numerals (大写) as written on payment instruments and in awards, after the
 * 《支付结算办法》 conventions: "整" after 元 when there are no 角/分, "零" for skipped places, "壹拾" for tens.
 * 4800000 -> "肆万捌仟元整"; 100053 (1,000.53 yuan) -> "壹仟元伍角叁分"; 600714 -> "陆仟零柒元壹角肆分".
 */
export function fenToCapital(fen: number): string {
  if (!Number.isSafeInteger(fen) || fen < 0) throw new RangeError('amount must be a non-negative integer number of fen');
  const yuan = Math.floor(fen / 100);
  const jiao = Math.floor(fen / 10) % 10;
  const cent = fen % 10;
  let out = '';
  if (yuan > 0) {
    const digits = String(yuan);
    let pendingZero = false;
    let groupHasDigit = false;
    for (let i = 0; i < digits.length; i++) {
      const d = Number(digits[i]);
      const p = digits.length - 1 - i;
      if (d === 0) {
        pendingZero = true;
      } else {
        if (pendingZero) out += '零';
        pendingZero = false;
        out += CAPITAL_DIGITS[d]! + SMALL_UNITS[p % 4]!;
        groupHasDigit = true;
      }
      if (p % 4 === 0) {
        if (groupHasDigit && p > 0) out += BIG_UNITS[p / 4];
        groupHasDigit = false;
      }
    }
    out += '元';
  }
  if (jiao === 0 && cent === 0) return yuan === 0 ? '零元整' : `${out}整`;
  if (jiao > 0) out += `${CAPITAL_DIGITS[jiao]}角`;
  else if (yuan > 0) out += '零';
  if (cent > 0) out += `${CAPITAL_DIGITS[cent]}分`;
  return out;
}

/** "人民币48,000.00元（大写：肆万捌仟元整）" — money in figures and in capitals, as awards and agreements print it. */
export function fenInWords(fen: number): string {
  return `人民币${formatFen(fen).slice(1)}元（大写：${fenToCapital(fen)}）`;
}
