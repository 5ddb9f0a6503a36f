/**
 * Case numbers come from the commission's configurable pattern with a per-year sequence.
 * The default follows the model-text form "×劳人仲字〔20 〕第 号" (domain-rules §4, P17);
 * Wenjiang's real prefix is unverified (domain-rules §9 item 3), so it is a setting.
 */
export const DEFAULT_CASE_NUMBER_PATTERN = '温劳人仲案字〔{year}〕第{n}号';

export function checkCaseNumberPattern(pattern: string): string | null {
  if (!pattern.includes('{n}')) return '案号格式必须包含序号占位符 {n}';
  if (!pattern.includes('{year}')) return '案号格式必须包含年份占位符 {year}（序号按年编排）';
  if ((pattern.match(/\{n\}/g) ?? []).length > 1) return '案号格式只能包含一个 {n}';
  if (/\{(?!n\}|year\})[^}]*\}/.test(pattern)) return '案号格式只支持 {year} 和 {n} 两个占位符';
  return null;
}

export function formatCaseNumber(pattern: string, year: number, n: number): string {
  return pattern.replace('{year}', String(year)).replace('{n}', String(n));
}

/** The year and sequence number of a case number written in this pattern, or null when it is not in this form. */
export function matchCaseNumberPattern(pattern: string, caseNumber: string): { year: number; n: number } | null {
  const esc = (t: string) => t.replace(/[.*+?^$()|[\]\\{}]/g, '\\$&');
  const parts = pattern.split(/(\{year\}|\{n\})/);
  const order: ('year' | 'n')[] = [];
  const re = parts.map((p) => {
    if (p === '{year}') { order.push('year'); return '(\\d{4})'; }
    if (p === '{n}') { order.push('n'); return '(\\d+)'; }
    return esc(p);
  }).join('');
  const m = new RegExp(`^${re}$`).exec(caseNumber.trim());
  if (!m) return null;
  return Object.fromEntries(order.map((k, i) => [k, Number(m[i + 1])])) as { year: number; n: number };
}

/**
 * 文号 series for papers that carry no case number: a 不予受理通知书 goes out for a case that was never accepted, so it
 * takes its own number from a per-year sequence of its series (issue 11 item 3). Every other paper of a case is
 * numbered with the case number (the model texts print "×劳人仲案字〔20 〕第 号" on them, domain-rules §4). The pattern of
 * each series is a setting; the defaults follow the local "温劳人仲…字〔年〕第N号" style (Wenjiang's real prefixes are
 * unverified, domain-rules §4).
 */
export const DOCUMENT_NUMBER_SERIES = {
  non_acceptance_notice: { label: '不予受理通知书', defaultPattern: '温劳人仲不字〔{year}〕第{n}号' },
} as const;
export type DocumentNumberSeries = keyof typeof DOCUMENT_NUMBER_SERIES;
export const DEFAULT_DOCUMENT_NUMBER_PATTERNS: Record<DocumentNumberSeries, string> = Object.fromEntries(
  Object.entries(DOCUMENT_NUMBER_SERIES).map(([k, v]) => [k, v.defaultPattern]),
) as Record<DocumentNumberSeries, string>;
export const isNumberedSeries = (kind: string): kind is DocumentNumberSeries => kind in DOCUMENT_NUMBER_SERIES;
