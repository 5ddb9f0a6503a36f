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
