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

/** The instant (UTC ISO) a Shanghai calendar day begins: the lower bound for timestamps falling on that day. */
export function shanghaiDayStart(date: string): string {
  return new Date(`${date}T00:00:00+08:00`).toISOString();
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

/** "2026-11-28 07:29" in Asia/Shanghai for an ISO instant, whatever the PC's clock zone. */
export function shanghaiDateTime(instant: Date | string): string {
  const d = typeof instant === 'string' ? new Date(instant) : instant;
  return new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/** Day of the week (0 = Sunday) of a calendar date. */
export function weekdayOf(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

/** The Monday and Sunday of the calendar week (Monday first, as Chinese calendars count) that holds `date`. */
export function calendarWeek(date: string): { monday: string; sunday: string } {
  const offset = (weekdayOf(date) + 6) % 7;
  const t = Date.parse(`${date}T00:00:00Z`) - offset * 86_400_000;
  return { monday: new Date(t).toISOString().slice(0, 10), sunday: new Date(t + 6 * 86_400_000).toISOString().slice(0, 10) };
}

export type TypedDate = { ok: true; date: string } | { ok: false; message: string };

const FULL_WIDTH = /[０-９．／－]/g;

/**
 * The one parser for dates typed into any date field. Accepts the forms clerks type: 20261125, 2026-11-25,
 * 2026.11.25, 2026/11/25, 2026年11月25日 (one-digit month and day too), and 11-25 / 11.25 / 11/25 / 11月25日 meaning
 * that day in the year of `today` (the Asia/Shanghai date). Anything else is refused with a message saying why;
 * nothing is ever replaced by another date.
 */
export function parseTypedDate(text: string, today: string): TypedDate {
  const s = text
    .trim()
    .replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\s+/g, '');
  if (!s) return { ok: false, message: '请填写日期' };
  let y: number;
  let m: number;
  let d: number;
  let match: RegExpExecArray | null;
  if ((match = /^(\d{4})(\d{2})(\d{2})$/.exec(s))) {
    [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  } else if ((match = /^(\d{4})([-./年])(\d{1,2})([-./月])(\d{1,2})日?$/.exec(s))) {
    if ((match[2] === '年') !== (match[4] === '月') || (match[2] !== '年' && match[2] !== match[4])) {
      return { ok: false, message: `无法识别日期“${text.trim()}”：年月日之间请用同一种分隔符，如 2026-11-25` };
    }
    [y, m, d] = [Number(match[1]), Number(match[3]), Number(match[5])];
  } else if ((match = /^(\d{1,2})([-./月])(\d{1,2})日?$/.exec(s))) {
    [y, m, d] = [yearOf(today), Number(match[1]), Number(match[3])];
  } else {
    return { ok: false, message: `无法识别日期“${text.trim()}”，请按 2026-11-25、20261125、2026.11.25、2026/11/25 或 11-25（本年）填写` };
  }
  if (y < 1900 || y > 2199) return { ok: false, message: `年份 ${y} 不在 1900 至 2199 之间，请核对` };
  if (m < 1 || m > 12) return { ok: false, message: `月份 ${m} 不存在，请核对` };
  const iso = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  if (d < 1 || !isCalendarDate(iso)) return { ok: false, message: `${y}年${m}月没有${d}日，请核对` };
  return { ok: true, date: iso };
}
