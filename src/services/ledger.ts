import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import { AppError, type ExportFile, type LedgerImportIssue, type LedgerImportReport } from '../api';
import {
  AWARD_PERIOD_DAYS, CLAIM_FINALITY_TYPE, CLAIM_TYPE_INFO, COLLECTIVE_MIN_WORKERS, LEDGER_COLUMNS, LEDGER_SHEETS, addDays, fenToYuanText, matchCaseNumberPattern,
  parseLedgerRow, shanghaiDate, shanghaiDayStart, type LedgerCase, type LedgerConsultation, type LedgerIssue, type LedgerKind, type LedgerMediation, type LedgerRawRow,
  type LedgerRecord,
} from '../domain';
import { insertClaim } from '../db/queries/claims';
import { insertClosure } from '../db/queries/closures';
import { upsertClaimDecision } from '../db/queries/decisions';
import {
  caseNumberTaken, insertImportedCase, insertLedgerRecord, insertSurvey, isImportedRecord, selectLedgerRecord, selectSurveyOf, selectVenueIdByName, setEmployerSectorIfUnset,
} from '../db/queries/ledger';
import { insertMediation, setMediationOutcome } from '../db/queries/mediations';
import { insertParty } from '../db/queries/parties';
import type { Db } from '../db/open';
import { type ServiceContext, actor, newId, nowIso } from './context';
import { linkConsultationEmployer, linkMediationEmployer, linkPartyEmployer } from './employers';
import { writeTx } from './tx';
import { readSettings } from './settings';
import { type Action, deny } from '../domain';
import { checkDate, closureOf } from './guards';
import { invalid } from './errors';
import { consultationExists, insertConsultation } from '../db/queries/consultations';
import { newWorkbook, workbookFile } from './xlsx';

/**
 * 台账导入 (issue 15 item 7): history kept in Excel ledgers before the desk, brought in all-or-nothing. Every row is
 * checked first (format, vocabulary, dates, the venue, the stable key); any issue refuses the whole file with row-level
 * Chinese messages and nothing is written. Imported records are marked 历史导入 and sealed read-only (migration 015).
 * A row whose key was imported before with the same content is skipped; with different content it is refused.
 */

interface ParsedRow { kind: LedgerKind; sheet: string; row: number; raw: LedgerRawRow }

const COLUMNS = LEDGER_COLUMNS;
const KIND_OF_SHEET = new Map<string, LedgerKind>(Object.entries(LEDGER_SHEETS).map(([k, v]) => [v, k as LedgerKind]));

/** The template: one sheet per kind, headers with notes, one example row, frozen header. */
export async function ledgerTemplate(): Promise<ExportFile> {
  const wb = newWorkbook();
  for (const kind of Object.keys(LEDGER_SHEETS) as LedgerKind[]) {
    const ws = wb.addWorksheet(LEDGER_SHEETS[kind], { views: [{ state: 'frozen', ySplit: 1 }] });
    const cols = COLUMNS[kind];
    ws.columns = cols.map((c) => ({ header: c.header, key: c.header, width: c.width }));
    cols.forEach((c, i) => {
      const cell = ws.getRow(1).getCell(i + 1);
      cell.font = { bold: true, color: c.required ? { argb: 'FFC00000' } : undefined };
      cell.note = `${c.required ? '必填。' : '选填。'}${c.help}`;
    });
    ws.addRow(Object.fromEntries(cols.map((c) => [c.header, c.example])));
  }
  const readme = wb.addWorksheet('说明');
  readme.columns = [{ header: '说明', key: 'a', width: 110 }];
  for (const line of [
    '每个工作表第一行为列名，请勿修改；第二行为示例，导入前请删除或改为真实记录。红色列名为必填列。',
    '日期格式 YYYY-MM-DD（也可使用 Excel 日期单元格）；金额以元为单位。',
    '导入前先逐行检查，有任何错误则整份台账不导入，并逐行列出错误；全部通过后一次性写入。',
    '导入的记录标记为“历史导入”，只读，不能修改；再次导入相同的行不会重复写入。',
    `结案审限：未填写审限届满日期的，按受理之日起${AWARD_PERIOD_DAYS}日计算（《劳动争议调解仲裁法》第四十三条）。`,
  ]) readme.addRow({ a: line });
  return workbookFile(wb, '台账导入模板.xlsx', 0);
}

const cellText = (v: ExcelJS.CellValue): string | number | null => {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v.toISOString().slice(0, 10); // Excel dates carry no zone: exceljs gives UTC midnight
  if (typeof v === 'number' || typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((r) => r.text).join('');
  if (typeof v === 'object' && 'result' in v) return cellText(v.result as ExcelJS.CellValue);
  if (typeof v === 'object' && 'text' in v) return String(v.text);
  return String(v);
};

async function readXlsx(buf: Buffer, issues: LedgerImportIssue[]): Promise<ParsedRow[]> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch {
    throw new AppError('VALIDATION', '文件不是有效的 XLSX 工作簿，请使用“下载导入模板”得到的格式');
  }
  const out: ParsedRow[] = [];
  wb.eachSheet((ws) => {
    const kind = KIND_OF_SHEET.get(ws.name);
    if (!kind) return;
    const headers: string[] = [];
    ws.getRow(1).eachCell({ includeEmpty: true }, (c, i) => { headers[i] = String(cellText(c.value) ?? '').trim(); });
    ws.eachRow((r, n) => {
      if (n === 1) return;
      const raw: LedgerRawRow = {};
      let any = false;
      r.eachCell({ includeEmpty: false }, (c, i) => {
        const v = cellText(c.value);
        if (v === null || v === '') return;
        const h = headers[i] || `第${i}列`;
        raw[h] = v;
        any = true;
      });
      if (any) out.push({ kind, sheet: ws.name, row: n, raw });
    });
  });
  if (!out.length && !issues.length) throw new AppError('VALIDATION', `工作簿中没有可导入的行（工作表应命名为：${Object.values(LEDGER_SHEETS).join('、')}）`);
  return out;
}

function readJsonl(text: string, issues: LedgerImportIssue[]): ParsedRow[] {
  const out: ParsedRow[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    let v: unknown;
    try {
      v = JSON.parse(line);
    } catch {
      issues.push({ sheet: '', row: i + 1, column: '', message: '这一行不是有效的 JSON 对象' });
      return;
    }
    if (!v || typeof v !== 'object' || Array.isArray(v)) {
      issues.push({ sheet: '', row: i + 1, column: '', message: '每行应为一个 JSON 对象' });
      return;
    }
    const raw = v as LedgerRawRow;
    const kind = KIND_OF_SHEET.get(String(raw['类型'] ?? ''));
    if (!kind) {
      issues.push({ sheet: '', row: i + 1, column: '类型', message: `“类型”应为：${Object.values(LEDGER_SHEETS).join('、')}` });
      return;
    }
    for (const [k, x] of Object.entries(raw)) {
      if (x !== null && typeof x !== 'string' && typeof x !== 'number') issues.push({ sheet: '', row: i + 1, column: k, message: `“${k}”应为文字或数字` });
    }
    out.push({ kind, sheet: '', row: i + 1, raw });
  });
  return out;
}

const keyOf = (r: LedgerRecord): string => (r.kind === 'case' ? `case:${r.caseNumber}` : `${r.kind}:${r.number}`);
const LABEL_OF: Record<LedgerKind, { column: string; noun: string }> = {
  case: { column: '案号', noun: '案号' }, mediation: { column: '调解编号', noun: '调解编号' }, consultation: { column: '登记编号', noun: '咨询登记编号' },
};
const hashOf = (r: LedgerRecord): string => createHash('sha256').update(JSON.stringify(r)).digest('hex');

interface Checked { records: { rec: LedgerRecord; row: ParsedRow; hash: string; venueId?: string }[]; unchanged: number; issues: LedgerImportIssue[] }

/** Every check that can refuse a row, reading the database only. */
function check(db: Db, rows: ParsedRow[], today: string, issues: LedgerImportIssue[]): Checked {
  const pattern = readSettings(db).caseNumberPattern;
  const records: Checked['records'] = [];
  const seen = new Map<string, ParsedRow>();
  let unchanged = 0;
  for (const row of rows) {
    const add = (i: LedgerIssue) => issues.push({ sheet: row.sheet, row: i.row, column: i.column, message: i.message });
    const { record, issues: found } = parseLedgerRow(row.kind, row.raw, row.row, today);
    found.forEach(add);
    if (!record) continue;
    const key = keyOf(record);
    const label = `${LABEL_OF[record.kind].noun}“${record.kind === 'case' ? record.caseNumber : record.number}”`;
    const column = LABEL_OF[record.kind].column;
    const first = seen.get(key);
    if (first) { add({ row: row.row, column, message: `${label}与${first.sheet ? `工作表“${first.sheet}”` : ''}第${first.row}行重复` }); continue; }
    seen.set(key, row);
    const hash = hashOf(record);
    const before = selectLedgerRecord(db, key);
    if (before) {
      if (before.row_hash === hash) unchanged += 1;
      else add({ row: row.row, column, message: `${label}已于${before.imported_at.slice(0, 10)}导入，本行内容与当时不同；历史导入的记录为只读，不能以再次导入修改` });
      continue;
    }
    let venueId: string | undefined;
    if (record.kind === 'case') {
      if (caseNumberTaken(db, record.caseNumber)) { add({ row: row.row, column, message: `${label}已是本系统中的案件，不能作为历史记录导入` }); continue; }
      // The desk numbers its own cases from a per-year sequence in the configured pattern: a history case in that very
      // form would take a number the desk will issue later, and that acceptance would then fail.
      const own = matchCaseNumberPattern(pattern, record.caseNumber);
      if (own) {
        add({ row: row.row, column, message: `${label}与本系统受理案件时编排的案号格式相同（${pattern.replace('{year}', String(own.year)).replace('{n}', 'N')}），导入后会与本系统以后编排的案号冲突；请在台账中保留历史案件原有的不同写法，或由系统管理员先修改本系统的案号格式` });
        continue;
      }
      venueId = selectVenueIdByName(db, record.venueName);
      if (!venueId) { add({ row: row.row, column: '办案场所', message: `办案场所“${record.venueName}”不存在，请先在“场所”中添加，或改为已有场所的名称` }); continue; }
    }
    records.push({ rec: record, row, hash, venueId });
  }
  return { records, unchanged, issues };
}

function writeCase(ctx: ServiceContext, r: LedgerCase, venueId: string, at: string, by: string): string {
  const id = newId();
  const workers = r.applicantIsWorker ? r.applicants.length : 0;
  const collective = workers >= COLLECTIVE_MIN_WORKERS ? 1 : 0;
  insertImportedCase(ctx.db, { id, caseNumber: r.caseNumber, venueId, receivedDate: r.receivedDate, acceptanceDate: r.acceptanceDate, collective, workerCount: collective ? workers : null, at, by });
  const party = (role: 'applicant' | 'respondent', seq: number, kind: 'person' | 'org', name: string, creditCode: string | null) => {
    const pid = newId();
    insertParty(ctx.db, {
      id: pid, case_id: id, role, seq, kind, name, sex: null, birth_date: null, ethnicity: null, id_type: null, id_number: null, credit_code: creditCode,
      domicile: null, service_address: null, phone: null, representative_name: null, representative_title: null, representative_kind: null, is_representative: 0,
    });
    return pid;
  };
  if (r.applicantIsWorker) r.applicants.forEach((n, i) => party('applicant', i, 'person', n, null));
  else linkPartyEmployer(ctx, party('applicant', 0, 'org', r.applicants[0]!, r.creditCode), { kind: 'org', name: r.applicants[0]!, creditCode: r.creditCode });
  const respondentKind = r.applicantIsWorker ? 'org' : 'person';
  const rid = party('respondent', 0, respondentKind, r.respondent, r.applicantIsWorker ? r.creditCode : null);
  const employerId = r.applicantIsWorker ? linkPartyEmployer(ctx, rid, { kind: 'org', name: r.respondent, creditCode: r.creditCode }) : null;
  if (employerId && r.sector) setEmployerSectorIfUnset(ctx.db, employerId, r.sector);
  r.claims.forEach((c, seq) => {
    const claimId = newId();
    const label = CLAIM_TYPE_INFO[c.type].label;
    insertClaim(ctx.db, {
      id: claimId, case_id: id, seq, type: c.type, amount_fen: c.amountFen, period_start: null, period_end: null,
      text: c.amountFen !== null ? `${label} ${fenToYuanText(c.amountFen)}元` : label, facts: null, basis: null, limitation: null,
    });
    if (c.result) {
      upsertClaimDecision(ctx.db, {
        claim_id: claimId, case_id: id, result: c.result, amount_fen: null, order_text: '（历史导入）', reasoning: '（历史导入）', articles: '',
        finality_type: CLAIM_FINALITY_TYPE[c.type], provisional_execution: 0, decided_date: r.closedDate ?? r.acceptanceDate, updated_at: at, updated_by: by,
      });
    }
  });
  if (r.closing && r.closedDate) {
    insertClosure(ctx.db, {
      case_id: id, method: r.closing, closed_date: r.closedDate, due_date: r.dueDate ?? addDays(r.acceptanceDate, AWARD_PERIOD_DAYS),
      overrun_reason: null, note: '历史导入', created_at: at, created_by: by,
    });
    if (r.satisfaction) {
      insertSurvey(ctx.db, { id: newId(), case_id: id, consultation_id: null, rating: r.satisfaction, reasons: '[]', entered_by: 'ledger', surveyed_date: r.closedDate, created_at: at, created_by: by });
    }
  }
  return id;
}

function writeMediation(ctx: ServiceContext, r: LedgerMediation, at: string, by: string): string {
  const id = newId();
  insertMediation(ctx.db, {
    id, case_id: null, stage: 'pre_arbitration', organisation: r.organisation, applicant_name: r.applicant, respondent_name: r.respondent,
    worker_count: r.workers, claimed_fen: r.claimedFen, received_date: r.receivedDate, created_at: at, created_by: by,
  });
  if (r.outcome !== 'pending') setMediationOutcome(ctx.db, id, { outcome: r.outcome, outcome_date: r.outcomeDate, outcome_note: '历史导入', closing: null });
  linkMediationEmployer(ctx, id, { name: r.respondent, creditCode: r.creditCode });
  return id;
}

function writeConsultation(ctx: ServiceContext, r: LedgerConsultation, at: string, by: string): string {
  const id = newId();
  const label = CLAIM_TYPE_INFO[r.disputeType].label;
  insertConsultation(ctx.db, {
    id, window: r.window, channel: r.channel, arrived_at: shanghaiDayStart(r.date), served_at: null, person_name: r.personName, person_sex: null, person_id_number: null,
    person_phone: null, person_address: null, employer_name: r.employerName, employer_credit_code: r.creditCode, employer_alias: null, dispute_type: r.disputeType,
    group_flags: JSON.stringify(r.groupFlags), injury_date: null, disability_grade: null, female_stage: null, female_stage_start: null, female_stage_end: null,
    collective: r.workers >= COLLECTIVE_MIN_WORKERS ? 1 : 0, worker_count: r.workers,
    claims: JSON.stringify(r.claimedFen !== null ? [{ type: r.disputeType, amountFen: r.claimedFen, text: `${label} ${fenToYuanText(r.claimedFen)}元` }] : []),
    summary: '（历史导入）', advice: null, outcome: r.outcome, recovered_fen: r.recoveredFen, lawyer_id: null, staff_id: null, created_at: at, created_by: by, updated_at: at,
  });
  if (r.employerName) linkConsultationEmployer(ctx, id, { name: r.employerName, creditCode: r.creditCode });
  if (r.satisfaction) {
    insertSurvey(ctx.db, { id: newId(), case_id: null, consultation_id: id, rating: r.satisfaction, reasons: '[]', entered_by: 'ledger', surveyed_date: r.date, created_at: at, created_by: by });
  }
  return id;
}

/** Checks (and unless dry-run, writes) a ledger file: XLSX (base64) or JSON Lines (base64 of the UTF-8 text). */
export async function importLedger(ctx: ServiceContext, input: { fileName: string; format: 'xlsx' | 'jsonl'; contentBase64: string; dryRun: boolean }): Promise<LedgerImportReport> {
  const buf = Buffer.from(input.contentBase64, 'base64');
  const issues: LedgerImportIssue[] = [];
  const rows = input.format === 'xlsx' ? await readXlsx(buf, issues) : readJsonl(buf.toString('utf8').replace(/^\uFEFF/, ''), issues);
  const today = shanghaiDate(ctx.now());
  const report = (c: Checked, imported: boolean): LedgerImportReport => ({
    dryRun: input.dryRun, fileName: input.fileName, rows: rows.length,
    toImport: {
      cases: c.records.filter((x) => x.rec.kind === 'case').length, mediations: c.records.filter((x) => x.rec.kind === 'mediation').length,
      consultations: c.records.filter((x) => x.rec.kind === 'consultation').length,
    },
    unchanged: c.unchanged, issues: c.issues, imported,
  });
  if (input.dryRun) return report(check(ctx.db, rows, today, issues), false);
  return writeTx(ctx, () => {
    const c = check(ctx.db, rows, today, issues);
    if (c.issues.length) {
      throw new AppError('VALIDATION', `台账有 ${c.issues.length} 处错误，未导入任何记录`,
        c.issues.map((i) => ({ path: `${i.sheet ? `${i.sheet}!` : ''}第${i.row}行${i.column ? `·${i.column}` : ''}`, message: i.message })));
    }
    const at = nowIso(ctx);
    const by = actor(ctx).id;
    for (const { rec, row, hash, venueId } of c.records) {
      const id = rec.kind === 'case' ? writeCase(ctx, rec, venueId!, at, by) : rec.kind === 'mediation' ? writeMediation(ctx, rec, at, by) : writeConsultation(ctx, rec, at, by);
      insertLedgerRecord(ctx.db, {
        key: keyOf(rec), kind: rec.kind, record_id: id, row_hash: hash, final_award: rec.kind === 'case' && rec.finalAward !== null ? (rec.finalAward ? 1 : 0) : null,
        awarded_fen: rec.kind === 'case' ? rec.awardedFen : null, source_file: input.fileName, source_row: row.row, imported_at: at, imported_by: by,
      });
    }
    ctx.scope!.notes.push({ ledgerImport: input.fileName, ...report(c, true).toImport, unchanged: c.unchanged });
    return report(c, true);
  });
}

/** Guards: an imported record is read-only (the triggers of migration 015 refuse it too). */
export function requireNotImported(db: Db, recordId: string, doing: string): void {
  if (isImportedRecord(db, recordId)) throw new AppError('INVALID_STATE', `历史导入的记录为只读，不能${doing}`);
}

/**
 * 满意度评价 (issue 15 item 4): one answer per closed case (at closing) or per consultation, entered by staff or by the
 * party on a second screen. Sealed once written (migration 015). The role check is the record's own: case staff for a
 * case, the legal-aid desk for a consultation.
 */
export function recordSatisfaction(ctx: ServiceContext, input: { caseId?: string; consultationId?: string; rating: 'satisfied' | 'basic' | 'unsatisfied'; reasons: string[]; enteredBy: 'staff' | 'party'; surveyedDate: string }): { id: string } {
  checkDate(ctx, input.surveyedDate, 'surveyedDate', '评价日期');
  if (input.consultationId && !consultationExists(ctx.db, input.consultationId)) throw new AppError('NOT_FOUND', '咨询登记不存在');
  requireSurveyDuty(ctx, input);
  return insertSurveyAnswer(ctx, input, actor(ctx).id);
}

/** Who may take a record's survey (staff entering it, or opening the party's screen): case staff for a case, the legal-aid desk for a consultation. */
export function requireSurveyDuty(ctx: ServiceContext, target: { caseId?: string }): void {
  requireAction(ctx, target.caseId ? 'case.manage' : 'aid.manage');
}

/** The record may still be surveyed on that date: a closed, non-imported case (on or after closing), or a consultation; once only. */
export function checkSurveyable(ctx: ServiceContext, target: { caseId?: string; consultationId?: string }, surveyedDate: string): void {
  if (target.caseId) {
    const closed = closureOf(ctx.db, target.caseId);
    if (!closed) throw new AppError('INVALID_STATE', '满意度评价在结案时记录，本案尚未结案');
    requireNotImported(ctx.db, target.caseId, '补录满意度评价');
    if (surveyedDate < closed.closedDate) invalid('surveyedDate', `评价日期不能早于结案日期（${closed.closedDate}）`);
  }
  if (selectSurveyOf(ctx.db, target)) throw new AppError('INVALID_STATE', '已记录过满意度评价，评价不能修改');
}

/** satisfaction.record's rule, for staff entry and for the party's screen alike; `by` is the staff account behind the entry. */
export function insertSurveyAnswer(ctx: ServiceContext, input: { caseId?: string; consultationId?: string; rating: 'satisfied' | 'basic' | 'unsatisfied'; reasons: string[]; enteredBy: 'staff' | 'party'; surveyedDate: string }, by: string): { id: string } {
  checkSurveyable(ctx, input, input.surveyedDate);
  const id = newId();
  insertSurvey(ctx.db, {
    id, case_id: input.caseId ?? null, consultation_id: input.consultationId ?? null, rating: input.rating, reasons: JSON.stringify(input.reasons),
    entered_by: input.enteredBy, surveyed_date: input.surveyedDate, created_at: nowIso(ctx), created_by: by,
  });
  return { id };
}

/** The duty behind the record (the operation's own action only says who may read cases). */
function requireAction(ctx: ServiceContext, action: Action): void {
  if (ctx.session.system) return;
  const u = ctx.session.user;
  const reason = u ? deny(u.role, action, readSettings(ctx.db)) : '请先登录';
  if (reason) throw new AppError('FORBIDDEN', reason);
}
