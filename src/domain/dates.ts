/** Dates of legal meaning are calendar dates (YYYY-MM-DD) in Asia/Shanghai, never timestamps. */

export function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const dt = new Date(Date.UTC(y, mo - 1, d));
  return y >= 1900 && y <= 2199 && dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d;
}

/** The calendar date in Asia/Shanghai (UTC+8, no daylight saving) of an instant. */
export function shanghaiDate(instant: Date): string {
  return new Date(instant.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

export function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}

const CN_DIGITS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
function cnNumber(n: number): string {
  if (n < 10) return CN_DIGITS[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : CN_DIGITS[tens]}十${ones === 0 ? '' : CN_DIGITS[ones]}`;
}

/** "2026-11-28" -> "二〇二六年十一月二十八日", the way signed legal documents date themselves. */
export function chineseDate(date: string): string {
  const [y, m, d] = date.split('-');
  return `${[...y!].map((c) => CN_DIGITS[Number(c)]).join('')}年${cnNumber(Number(m))}月${cnNumber(Number(d))}日`;
}

/** "2026-11-28" -> "2026年11月28日". */
export function plainChineseDate(date: string): string {
  const [y, m, d] = date.split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
}
