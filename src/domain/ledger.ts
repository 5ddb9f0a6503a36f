import { CLAIM_TYPES, CLAIM_TYPE_INFO, type ClaimType } from './case-terms';
import { checkCreditCode } from './credit-code';
import { isCalendarDate } from './dates';
import { checkYuanText } from './money';
import { CLOSING_METHODS, CLAIM_RESULTS, MEDIATION_OUTCOMES, type ClaimResult, type ClosingMethod, type MediationOutcome } from './outcomes';
import { AWARD_PERIOD_DAYS } from './stats';
import { COLLECTIVE_MIN_WORKERS, GROUP_FLAGS, GROUP_FLAG_LABELS, type GroupFlag } from './case-terms';
import { CONSULTATION_CHANNELS, CONSULTATION_OUTCOMES, WINDOWS, type ConsultationOutcome, type WindowCode } from './windows';

/**
 * The ledger import (台账导入, issue 15 item 7): the columns of the history ledger, shared by the XLSX template (one sheet
 * per kind, these headers in row 1) and the JSON Lines file (one object per line with "类型" and these keys), and the
 * pure check of one row. Every message names the row and the column in Chinese.
 */

export const SATISFACTION = { satisfied: '满意', basic: '基本满意', unsatisfied: '不满意' } as const;
export type SatisfactionRating = keyof typeof SATISFACTION;
export const SECTORS = { construction: '建筑业', other: '其他行业' } as const;
export type Sector = keyof typeof SECTORS;

export interface LedgerColumn { header: string; required: boolean; example: string; help: string; width: number }

export const CASE_COLUMNS: readonly LedgerColumn[] = [
  { header: '案号', required: true, example: 'X劳人仲案字〔2024〕1号', help: '唯一；再次导入同一案号、内容相同的行不作改动', width: 24 },
  { header: '办案场所', required: true, example: '仲裁委员会（本部）', help: '须与“场所”中的名称一致（本部或巡回仲裁庭）', width: 20 },
  { header: '收件日期', required: true, example: '2024-01-03', help: 'YYYY-MM-DD', width: 12 },
  { header: '受理日期', required: true, example: '2024-01-05', help: 'YYYY-MM-DD', width: 12 },
  { header: '申请人', required: true, example: '张三、李四', help: '多名申请人以顿号分隔；劳动者人数按人名计', width: 24 },
  { header: '申请人类型', required: false, example: '劳动者', help: '劳动者（默认）或 用人单位', width: 10 },
  { header: '被申请人', required: true, example: '某某建筑有限公司', help: '', width: 24 },
  { header: '统一社会信用代码', required: false, example: '', help: '用人单位的统一社会信用代码（校验位）', width: 20 },
  { header: '行业', required: false, example: '建筑业', help: '建筑业 或 其他行业（用于欠薪案件分行业统计）', width: 10 },
  { header: '仲裁请求', required: true, example: '劳动报酬:12000:支持；经济补偿:5000:驳回', help: '每项“类型:金额:裁决结果”，以分号分隔；金额单位元；结果可空（支持、部分支持、驳回、撤回）', width: 40 },
  { header: '结案方式', required: false, example: '裁决结案', help: '空表示未结；裁决结案、调解结案、撤回仲裁申请、按撤回仲裁申请处理、撤销案件、移送管辖、终结审理', width: 14 },
  { header: '结案日期', required: false, example: '2024-02-10', help: 'YYYY-MM-DD，有结案方式时必填', width: 12 },
  { header: '终局裁决', required: false, example: '否', help: '裁决结案时填 是 或 否（《劳动争议调解仲裁法》第四十七条）', width: 8 },
  { header: '裁决或调解金额', required: false, example: '12000', help: '元', width: 14 },
  { header: '审限届满日期', required: false, example: '', help: `空则按受理日起${AWARD_PERIOD_DAYS}日（《劳动争议调解仲裁法》第四十三条）`, width: 12 },
  { header: '满意度', required: false, example: '满意', help: '满意、基本满意、不满意', width: 10 },
];

export const MEDIATION_COLUMNS: readonly LedgerColumn[] = [
  { header: '调解编号', required: true, example: 'TJ-2024-001', help: '台账中的唯一编号', width: 16 },
  { header: '调解组织', required: true, example: '某某调解工作室', help: '', width: 20 },
  { header: '收案日期', required: true, example: '2024-01-08', help: 'YYYY-MM-DD', width: 12 },
  { header: '申请人', required: true, example: '王五', help: '', width: 16 },
  { header: '被申请人', required: true, example: '某某餐饮有限公司', help: '', width: 24 },
  { header: '统一社会信用代码', required: false, example: '', help: '', width: 20 },
  { header: '劳动者人数', required: false, example: '1', help: '默认 1', width: 10 },
  { header: '请求金额', required: false, example: '8000', help: '元', width: 12 },
  { header: '调解结果', required: true, example: '调解成功', help: '调解成功、调解不成、撤回调解申请、调解中', width: 12 },
  { header: '结果日期', required: false, example: '2024-01-20', help: '有结果时必填', width: 12 },
];

/** Consultations (接访) kept in a ledger: what the indicators count (window, channel, group, workers, outcome, satisfaction). */
export const CONSULTATION_COLUMNS: readonly LedgerColumn[] = [
  { header: '登记编号', required: true, example: 'ZX-2024-0001', help: '台账中的唯一编号；再次导入同一编号、内容相同的行不作改动', width: 16 },
  { header: '登记日期', required: true, example: '2024-01-09', help: 'YYYY-MM-DD', width: 12 },
  { header: '窗口', required: true, example: '农民工窗口', help: '农民工窗口、工伤职工窗口、三期女职工窗口、综合窗口', width: 14 },
  { header: '方式', required: false, example: '来访', help: '来访（默认）、来电、转介', width: 8 },
  { header: '姓名', required: true, example: '赵六', help: '', width: 10 },
  { header: '用人单位', required: false, example: '某某建筑有限公司', help: '', width: 24 },
  { header: '统一社会信用代码', required: false, example: '', help: '用人单位的统一社会信用代码（校验位）', width: 20 },
  { header: '争议类型', required: true, example: '劳动报酬', help: '与仲裁请求的类型相同（劳动报酬、加班费、经济补偿等）', width: 12 },
  { header: '帮扶群体', required: false, example: '农民工', help: '农民工、工伤职工、三期女职工、未成年工，多个以顿号分隔；窗口对应的群体自动计入', width: 14 },
  { header: '劳动者人数', required: false, example: '1', help: `默认 1；${COLLECTIVE_MIN_WORKERS}人以上为集体劳动争议（《劳动争议调解仲裁法》第七条）`, width: 10 },
  { header: '请求金额', required: false, example: '6000', help: '元', width: 12 },
  { header: '处理结果', required: false, example: '仅提供咨询', help: `${Object.values(CONSULTATION_OUTCOMES).join('、')}；默认 仅提供咨询`, width: 14 },
  { header: '追回金额', required: false, example: '', help: '元', width: 12 },
  { header: '满意度', required: false, example: '满意', help: '满意、基本满意、不满意', width: 10 },
];

export const LEDGER_SHEETS = { case: '案件', mediation: '仲裁前调解', consultation: '咨询登记' } as const;
export type LedgerKind = keyof typeof LEDGER_SHEETS;

export type LedgerCell = string | number | null | undefined;
export type LedgerRawRow = Record<string, LedgerCell>;

export interface LedgerClaim { type: ClaimType; amountFen: number | null; result: ClaimResult | null }
export interface LedgerCase {
  kind: 'case';
  caseNumber: string;
  venueName: string;
  receivedDate: string;
  acceptanceDate: string;
  applicants: string[];
  applicantIsWorker: boolean;
  respondent: string;
  creditCode: string | null;
  sector: Sector | null;
  claims: LedgerClaim[];
  closing: ClosingMethod | null;
  closedDate: string | null;
  finalAward: boolean | null;
  awardedFen: number | null;
  dueDate: string | null;
  satisfaction: SatisfactionRating | null;
}
export interface LedgerMediation {
  kind: 'mediation';
  number: string;
  organisation: string;
  receivedDate: string;
  applicant: string;
  respondent: string;
  creditCode: string | null;
  workers: number;
  claimedFen: number | null;
  outcome: MediationOutcome;
  outcomeDate: string | null;
}
export interface LedgerConsultation {
  kind: 'consultation';
  number: string;
  date: string;
  window: WindowCode;
  channel: keyof typeof CONSULTATION_CHANNELS;
  personName: string;
  employerName: string | null;
  creditCode: string | null;
  disputeType: ClaimType;
  groupFlags: GroupFlag[];
  workers: number;
  claimedFen: number | null;
  outcome: ConsultationOutcome;
  recoveredFen: number | null;
  satisfaction: SatisfactionRating | null;
}
export type LedgerRecord = LedgerCase | LedgerMediation | LedgerConsultation;

/** The columns of each ledger kind. */
export const LEDGER_COLUMNS: Record<LedgerKind, readonly LedgerColumn[]> = { case: CASE_COLUMNS, mediation: MEDIATION_COLUMNS, consultation: CONSULTATION_COLUMNS };
export interface LedgerIssue { row: number; column: string; message: string }

const str = (v: LedgerCell): string => (v === null || v === undefined ? '' : String(v).trim());
const byLabel = <K extends string>(m: Record<K, string | { label: string }>, text: string): K | undefined =>
  (Object.keys(m) as K[]).find((k) => { const v = m[k]; return (typeof v === 'string' ? v : v.label) === text; });

/** Checks one ledger row; returns the record or the issues (row = the row number the user sees). */
export function parseLedgerRow(kind: LedgerKind, raw: LedgerRawRow, row: number, today: string): { record: LedgerRecord | null; issues: LedgerIssue[] } {
  const issues: LedgerIssue[] = [];
  const columns = LEDGER_COLUMNS[kind];
  for (const k of Object.keys(raw)) if (k !== '类型' && !columns.some((c) => c.header === k)) issues.push({ row, column: k, message: `未知的列“${k}”` });
  const get = (h: string): string => str(raw[h]);
  const bad = (column: string, message: string) => { issues.push({ row, column, message }); };
  for (const c of columns) if (c.required && !get(c.header)) bad(c.header, `请填写${c.header}`);
  const dateOf = (h: string): string | null => {
    const v = get(h);
    if (!v) return null;
    if (!isCalendarDate(v)) { bad(h, `${h}“${v}”不是有效日期（格式：YYYY-MM-DD）`); return null; }
    if (v > today) { bad(h, `${h}（${v}）不能晚于今天（${today}）`); return null; }
    return v;
  };
  const money = (h: string, v = get(h)): number | null => {
    if (!v) return null;
    const r = checkYuanText(v);
    if (!r.ok) { bad(h, `${h}：${r.message}`); return null; }
    return r.fen;
  };
  const code = (): string | null => {
    const v = get('统一社会信用代码');
    if (!v) return null;
    const r = checkCreditCode(v);
    if (!r.ok) { bad('统一社会信用代码', r.message); return null; }
    return r.value;
  };
  const satisfactionOf = (): SatisfactionRating | null | undefined => {
    const t = get('满意度');
    const v = t ? byLabel(SATISFACTION, t) : null;
    if (v === undefined) bad('满意度', '满意度应为：满意、基本满意、不满意');
    return v;
  };
  if (kind === 'consultation') {
    const date = dateOf('登记日期');
    const windowText = get('窗口');
    const window = (Object.keys(WINDOWS) as WindowCode[]).find((w) => WINDOWS[w].label === windowText || WINDOWS[w].label.replace(/窗口$/, '') === windowText);
    if (windowText && !window) bad('窗口', `窗口“${windowText}”无法识别，应为：${Object.values(WINDOWS).map((w) => w.label).join('、')}`);
    const channelText = get('方式') || '来访';
    const channel = byLabel(CONSULTATION_CHANNELS, channelText);
    if (!channel) bad('方式', `方式应为：${Object.values(CONSULTATION_CHANNELS).join('、')}`);
    const disputeText = get('争议类型');
    const disputeType = CLAIM_TYPES.find((k) => CLAIM_TYPE_INFO[k].label === disputeText);
    if (disputeText && !disputeType) bad('争议类型', `争议类型“${disputeText}”无法识别，应为：${CLAIM_TYPES.map((k) => CLAIM_TYPE_INFO[k].label).join('、')}`);
    const flags = new Set<GroupFlag>();
    for (const t of get('帮扶群体').split(/[、，,;；]/).map((x) => x.trim()).filter(Boolean)) {
      const f = GROUP_FLAGS.find((g) => GROUP_FLAG_LABELS[g] === t);
      if (f) flags.add(f);
      else bad('帮扶群体', `帮扶群体“${t}”无法识别，应为：${GROUP_FLAGS.map((g) => GROUP_FLAG_LABELS[g]).join('、')}`);
    }
    const windowFlag = window ? WINDOWS[window].flag : null;
    if (windowFlag) flags.add(windowFlag);
    const w = get('劳动者人数') || '1';
    if (!/^[1-9]\d{0,4}$/.test(w)) bad('劳动者人数', '劳动者人数应为正整数');
    const outcomeText = get('处理结果') || CONSULTATION_OUTCOMES.advice_only;
    const outcome = byLabel(CONSULTATION_OUTCOMES, outcomeText);
    if (!outcome) bad('处理结果', `处理结果“${outcomeText}”无法识别，应为：${Object.values(CONSULTATION_OUTCOMES).join('、')}`);
    const record: LedgerConsultation = {
      kind, number: get('登记编号'), date: date ?? '', window: window ?? 'general', channel: channel ?? 'walk_in', personName: get('姓名'), employerName: get('用人单位') || null,
      creditCode: code(), disputeType: disputeType ?? 'other', groupFlags: GROUP_FLAGS.filter((g) => flags.has(g)), workers: Number(w), claimedFen: money('请求金额'),
      outcome: outcome ?? 'advice_only', recoveredFen: money('追回金额'), satisfaction: satisfactionOf() ?? null,
    };
    return { record: issues.length ? null : record, issues };
  }
  if (kind === 'mediation') {
    const receivedDate = dateOf('收案日期');
    const outcome = byLabel(MEDIATION_OUTCOMES, get('调解结果'));
    if (get('调解结果') && !outcome) bad('调解结果', `调解结果“${get('调解结果')}”无法识别，应为：${Object.values(MEDIATION_OUTCOMES).join('、')}`);
    const outcomeDate = dateOf('结果日期');
    if (outcome && outcome !== 'pending' && !outcomeDate && !issues.some((i) => i.column === '结果日期')) bad('结果日期', '有调解结果时请填写结果日期');
    if (outcomeDate && receivedDate && outcomeDate < receivedDate) bad('结果日期', '结果日期不能早于收案日期');
    const w = get('劳动者人数') || '1';
    if (!/^[1-9]\d{0,4}$/.test(w)) bad('劳动者人数', '劳动者人数应为正整数');
    const record: LedgerMediation = {
      kind, number: get('调解编号'), organisation: get('调解组织'), receivedDate: receivedDate ?? '', applicant: get('申请人'), respondent: get('被申请人'),
      creditCode: code(), workers: Number(w), claimedFen: money('请求金额'), outcome: outcome ?? 'pending', outcomeDate: outcome === 'pending' ? null : outcomeDate,
    };
    return { record: issues.length ? null : record, issues };
  }
  const receivedDate = dateOf('收件日期');
  const acceptanceDate = dateOf('受理日期');
  if (receivedDate && acceptanceDate && acceptanceDate < receivedDate) bad('受理日期', '受理日期不能早于收件日期');
  const applicants = get('申请人').split(/[、，,;；]/).map((s) => s.trim()).filter(Boolean);
  const kindText = get('申请人类型') || '劳动者';
  if (kindText !== '劳动者' && kindText !== '用人单位') bad('申请人类型', '申请人类型应为“劳动者”或“用人单位”');
  const applicantIsWorker = kindText !== '用人单位';
  if (!applicantIsWorker && applicants.length > 1) bad('申请人', '用人单位申请时申请人只能有一个');
  const sectorText = get('行业');
  const sector = sectorText ? (byLabel(SECTORS, sectorText) ?? (sectorText === '建筑' ? 'construction' : sectorText === '其他' ? 'other' : undefined)) : null;
  if (sector === undefined) bad('行业', '行业应为“建筑业”或“其他行业”');
  const claims: LedgerClaim[] = [];
  const claimText = get('仲裁请求');
  if (claimText) {
    claimText.split(/[;；]/).map((s) => s.trim()).filter(Boolean).forEach((item, i) => {
      const [t = '', a = '', r = ''] = item.split(/[:：]/).map((s) => s.trim());
      const type = CLAIM_TYPES.find((k) => CLAIM_TYPE_INFO[k].label === t);
      if (!type) { bad('仲裁请求', `第${i + 1}项请求类型“${t}”无法识别，应为：${CLAIM_TYPES.map((k) => CLAIM_TYPE_INFO[k].label).join('、')}`); return; }
      const amountFen = a ? money('仲裁请求', a) : null;
      if (!a && CLAIM_TYPE_INFO[type].amount === 'required') bad('仲裁请求', `第${i + 1}项请求（${t}）须填写金额`);
      const result = r ? byLabel(CLAIM_RESULTS, r) : null;
      if (result === undefined) bad('仲裁请求', `第${i + 1}项请求的裁决结果“${r}”无法识别，应为：${Object.values(CLAIM_RESULTS).join('、')}`);
      claims.push({ type, amountFen, result: result ?? null });
    });
  }
  const closingText = get('结案方式');
  const closing = closingText ? byLabel(CLOSING_METHODS, closingText) : null;
  if (closing === undefined) bad('结案方式', `结案方式“${closingText}”无法识别，应为：${Object.values(CLOSING_METHODS).map((m) => m.label).join('、')}`);
  const closedDate = dateOf('结案日期');
  if (closing && !closedDate && !issues.some((i) => i.column === '结案日期')) bad('结案日期', '有结案方式时请填写结案日期');
  if (!closing && closedDate) bad('结案方式', '填写了结案日期，请同时填写结案方式');
  if (closedDate && acceptanceDate && closedDate < acceptanceDate) bad('结案日期', '结案日期不能早于受理日期');
  const finalText = get('终局裁决');
  if (finalText && finalText !== '是' && finalText !== '否') bad('终局裁决', '终局裁决应填“是”或“否”');
  if (finalText && closing !== 'award') bad('终局裁决', '只有裁决结案的案件填写终局裁决');
  if (closing === 'award' && claims.some((c) => !c.result)) bad('仲裁请求', '裁决结案的案件，每项请求都须填写裁决结果');
  const satisfaction = satisfactionOf();
  if (satisfaction && !closing) bad('满意度', '满意度在结案时记录，未结案件请不要填写');
  const record: LedgerCase = {
    kind, caseNumber: get('案号'), venueName: get('办案场所'), receivedDate: receivedDate ?? '', acceptanceDate: acceptanceDate ?? '', applicants, applicantIsWorker,
    respondent: get('被申请人'), creditCode: code(), sector: sector ?? null, claims, closing: closing ?? null, closedDate,
    finalAward: closing === 'award' ? finalText === '是' : null, awardedFen: money('裁决或调解金额'), dueDate: dateOf('审限届满日期'), satisfaction: satisfaction ?? null,
  };
  return { record: issues.length ? null : record, issues };
}
