/**
 * Text hygiene at every entry point (the dispatcher runs it on every operation's input before the schema):
 * NFC normalisation; control characters refused (line breaks and tabs allowed except in short fields such as names and
 * numbers); bidirectional overrides and isolates refused (they make a printed name read differently from the stored
 * one); lone surrogates refused (SQLite would store invalid UTF-8 that other readers cannot read); U+FFFD refused (the
 * trace of text already damaged by a wrong encoding).
 */

/** Fields that are one line: a line break there is a pasting accident. */
const SHORT_FIELDS = new Set([
  'name', 'idNumber', 'phone', 'creditCode', 'username', 'displayName', 'caseNumber', 'representativeName', 'representativeTitle', 'organisation',
  'ethnicity', 'personName', 'personIdNumber', 'personPhone', 'employerName', 'employerCreditCode', 'employerAlias', 'title', 'approvedBy',
  'mediator', 'lawFirm', 'assignedLawyer', 'assignedFirm', 'commissionName', 'password',
]);

const LABELS: Record<string, string> = {
  applicants: '申请人', respondents: '被申请人', thirdParties: '第三人', agents: '代理人', claims: '仲裁请求', evidence: '证据',
  name: '姓名或名称', idNumber: '身份证件号码', phone: '联系电话', creditCode: '统一社会信用代码', domicile: '住所', serviceAddress: '送达地址',
  representativeName: '法定代表人（负责人）姓名', representativeTitle: '职务', text: '内容', facts: '事实与理由', basis: '依据', note: '备注',
  reason: '理由', summary: '情况摘要', advice: '处理意见', personName: '姓名', personAddress: '住址', employerName: '用人单位名称',
  statements: '陈述', title: '标题', username: '用户名', displayName: '姓名', organisation: '单位', purpose: '证明目的', source: '来源',
  cause: '案由', value: '内容',
};

export function fieldLabel(path: (string | number)[]): string {
  const parts: string[] = [];
  for (const p of path) {
    if (typeof p === 'number') parts.push(`第${p + 1}项`);
    else parts.push(LABELS[p] ?? p);
  }
  return parts.join('');
}

export interface TextIssue {
  path: string;
  message: string;
}

const BIDI = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/;
// C0 and C1 controls, DEL; \t \n \r are judged separately.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const codePoint = (ch: string) => `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** The first problem in one string, as a Chinese sentence naming the field; null when the text is clean. */
export function textProblem(value: string, path: (string | number)[]): string | null {
  const label = `“${fieldLabel(path)}”`;
  const key = [...path].reverse().find((p) => typeof p === 'string') as string | undefined;
  const lone = value.match(LONE_SURROGATE);
  if (lone) return `${label}含有无效字符（${codePoint(lone[0])}，不成对的代理码元），请重新输入该字段`;
  if (value.includes('\uFFFD')) return `${label}含有替换字符“�”（U+FFFD），原文在转换编码时已损坏，请按原件重新输入`;
  const bidi = value.match(BIDI);
  if (bidi) return `${label}含有改变文字显示方向的不可见字符（${codePoint(bidi[0])}），会使打印内容与录入内容不一致，请删除`;
  const ctl = value.match(CONTROL);
  if (ctl) return `${label}含有不可见的控制字符（${codePoint(ctl[0])}），请删除后重新输入`;
  if (key && SHORT_FIELDS.has(key) && /[\r\n\t]/.test(value)) return `${label}不能包含换行或制表符`;
  return null;
}

/** Normalises every string in an input (NFC) and refuses the first unclean one; returns the cleaned copy. */
export function cleanInput(input: unknown): { ok: true; value: unknown } | { ok: false; issue: TextIssue } {
  let problem: TextIssue | null = null;
  const walk = (v: unknown, path: (string | number)[]): unknown => {
    if (problem) return v;
    if (typeof v === 'string') {
      const p = textProblem(v, path);
      if (p) {
        problem = { path: path.join('.'), message: p };
        return v;
      }
      return v.normalize('NFC');
    }
    if (Array.isArray(v)) return v.map((x, i) => walk(x, [...path, i]));
    if (v && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) out[k] = walk(x, [...path, k]);
      return out;
    }
    return v;
  };
  const value = walk(input, []);
  return problem ? { ok: false, issue: problem } : { ok: true, value };
}
