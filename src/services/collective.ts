import ExcelJS from 'exceljs';
import { AppError, type CollectiveRosterView, type ExportFile, type WorkerClaimsView, type RosterCheck, type RosterRowInput } from '../api';
import {
  COLLECTIVE_MAX_REPRESENTATIVES, COLLECTIVE_MAX_WORKERS, COLLECTIVE_MIN_REPRESENTATIVES, COLLECTIVE_MIN_WORKERS, MAX_FEN, checkResidentId, checkYuanText, formatFen, maskIdNumber,
} from '../domain';
import type { AnnexData } from '../documents';
import type { Db } from '../db/open';
import {
  countWorkers, deleteRepresentatives, deleteRoster, insertRepresentative, insertWorker, outcomeDocumentIssued, resultTotals, selectRepresentatives, selectResults,
  replaceWorkerClaims, selectWorker, selectWorkerCase, selectWorkerClaims, selectWorkerCount, selectWorkerPage, selectWorkers, sumClaimed, upsertResult,
} from '../db/queries/collective';
import { selectMediation } from '../db/queries/mediations';
import { type ServiceContext, actor, caseEvent, newId, nowIso } from './context';
import { invalid } from './errors';
import { checkDate, requireOpenCase } from './guards';
import { requireTribunalArbitrator } from './duties';

/**
 * Collective cases (issue 16 item 6): the roster of workers imported from XLSX (10 to 1,000; LDMAL Art 7, Rules Art 62),
 * 3 to 5 elected representatives with their authorisation (Rules Art 63), and per-worker results carried by the award
 * and the 调解书 in an annex table. Workers live in their own table, not in `parties` (docs/decisions.md).
 */

/** The template's columns, in order: header text and the field it fills. */
export const ROSTER_COLUMNS = [
  { header: '姓名', key: 'name', width: 12 },
  { header: '公民身份号码', key: 'idNumber', width: 22 },
  { header: '联系电话', key: 'phone', width: 16 },
  { header: '岗位', key: 'job', width: 14 },
  { header: '工作期间', key: 'period', width: 24 },
  { header: '欠付金额（元）', key: 'amount', width: 16 },
  { header: '请求事项', key: 'claimItems', width: 20 },
] as const;

const DEFAULT_CLAIM_ITEMS = '支付拖欠的劳动报酬';
const PHONE = /^[0-9+\-() ]{0,40}$/;

/** One error of the roster: the spreadsheet row (header is row 1) and what is wrong, in Chinese. */
export interface RosterError {
  row: number;
  message: string;
}

/**
 * The one check of a roster's rows, used on the parsed file (before anything is written) and again on import. Rows are
 * numbered as in the spreadsheet (the first worker is row 2).
 */
export function checkRosterRows(rows: RosterRowInput[]): RosterError[] {
  const errors: RosterError[] = [];
  const seen = new Map<string, number>();
  rows.forEach((r, i) => {
    const row = i + 2;
    const err = (message: string) => errors.push({ row, message: `第${row}行：${message}` });
    if (!r.name.trim()) err('未填写姓名');
    else if (r.name.trim().length > 50) err('姓名不能超过50个字');
    const id = checkResidentId(r.idNumber);
    if (!r.idNumber.trim()) err('未填写公民身份号码');
    else if (!id.ok) err(id.message);
    else if (seen.has(id.value)) err(`公民身份号码与第${seen.get(id.value)}行重复`);
    else seen.set(id.value, row);
    if (r.phone && !PHONE.test(r.phone)) err('联系电话只能包含数字和 + - ( )');
    if ((r.job ?? '').length > 50) err('岗位不能超过50个字');
    if ((r.period ?? '').length > 100) err('工作期间不能超过100个字');
    if ((r.claimItems ?? '').length > 200) err('请求事项不能超过200个字');
    if (r.amountFen === null) err('未填写欠付金额');
    else if (!Number.isSafeInteger(r.amountFen) || r.amountFen < 0) err('欠付金额应为不小于0的金额');
  });
  if (rows.length < COLLECTIVE_MIN_WORKERS) errors.push({ row: 0, message: `名册只有${rows.length}人；集体争议须有${COLLECTIVE_MIN_WORKERS}人以上劳动者（《劳动争议调解仲裁法》第七条）` });
  if (rows.length > COLLECTIVE_MAX_WORKERS) errors.push({ row: 0, message: `名册有${rows.length}人，超过一件案件名册的上限${COLLECTIVE_MAX_WORKERS}人，请分案处理` });
  return errors;
}

const cellText = (v: ExcelJS.CellValue): string => {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('').trim();
    if ('text' in v) return String(v.text).trim();
    if ('result' in v) return String(v.result ?? '').trim();
    if (v instanceof Date) return v.toISOString().slice(0, 10);
  }
  return String(v).trim();
};

/** Reads the roster file (the template's columns, header in row 1) and checks every row; writes nothing. */
export async function parseRoster(_ctx: ServiceContext, input: { caseId: string; base64: string }): Promise<RosterCheck> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(input.base64, 'base64') as unknown as ArrayBuffer);
  } catch {
    throw new AppError('VALIDATION', '无法读取该文件：请使用下载的名册模板（Excel .xlsx 格式）', [{ path: 'base64', message: '文件不是有效的 Excel（.xlsx）文件' }]);
  }
  const ws = wb.worksheets[0];
  if (!ws) throw new AppError('VALIDATION', '文件中没有工作表', [{ path: 'base64', message: '文件中没有工作表' }]);
  const header = ROSTER_COLUMNS.map((_, i) => cellText(ws.getRow(1).getCell(i + 1).value));
  const missing = ROSTER_COLUMNS.slice(0, 6).filter((c, i) => header[i] !== c.header);
  if (missing.length) {
    const msg = `第1行应为模板的表头（${ROSTER_COLUMNS.map((c) => c.header).join('、')}）；不符的列：${missing.map((c) => c.header).join('、')}。请使用下载的名册模板`;
    throw new AppError('VALIDATION', msg, [{ path: 'base64', message: msg }]);
  }
  const rows: RosterRowInput[] = [];
  const amountErrors: RosterError[] = [];
  for (let r = 2; r <= ws.rowCount; r++) {
    const cells = ROSTER_COLUMNS.map((_, i) => cellText(ws.getRow(r).getCell(i + 1).value));
    if (cells.every((c) => c === '')) continue; // blank lines are skipped, not counted
    const [name, idNumber, phone, job, period, amount, claimItems] = cells as [string, string, string, string, string, string, string];
    const fen = amount === '' ? null : checkYuanText(amount);
    if (fen && !fen.ok) amountErrors.push({ row: rows.length + 2, message: `第${rows.length + 2}行：欠付金额${fen.message.replace(/^金额/, '')}` });
    rows.push({
      name, idNumber: idNumber.toUpperCase(), phone: phone || undefined, job: job || undefined, period: period || undefined,
      amountFen: fen === null ? null : fen.ok ? fen.fen : 0, claimItems: claimItems || undefined,
    });
  }
  // an amount that is not a number is reported as such, not as "未填写"
  const errors = [...checkRosterRows(rows).filter((e) => !amountErrors.some((a) => a.row === e.row && /欠付金额/.test(e.message))), ...amountErrors]
    .sort((a, b) => a.row - b.row);
  return { rows, errors, totalFen: rows.reduce((s, r) => s + (r.amountFen ?? 0), 0) };
}

/** Replaces the case's roster with the checked rows, all or nothing; refused while an award or 调解书 carries it. */
export function importRoster(ctx: ServiceContext, input: { caseId: string; rows: RosterRowInput[] }): CollectiveRosterView {
  const c = requireOpenCase(ctx.db, input.caseId, '导入集体争议劳动者名册');
  if (!c.collective) throw new AppError('INVALID_STATE', '本案不是集体争议案件，不能导入劳动者名册');
  if (outcomeDocumentIssued(ctx.db, c.id, 'award') || outcomeDocumentIssued(ctx.db, c.id, 'mediation_statement')) {
    throw new AppError('INVALID_STATE', '本案已签发裁决书或调解书，其附件载有名册，不能再更换名册');
  }
  const errors = checkRosterRows(input.rows);
  if (errors.length) {
    throw new AppError('VALIDATION', `名册有${errors.length}处错误，未导入任何一行：${errors.slice(0, 5).map((e) => e.message).join('；')}${errors.length > 5 ? '……' : ''}`,
      errors.map((e) => ({ path: `rows.${Math.max(0, e.row - 2)}`, message: e.message })));
  }
  const replaced = countWorkers(ctx.db, c.id);
  deleteRoster(ctx.db, c.id);
  const at = nowIso(ctx);
  input.rows.forEach((r, i) => insertWorker(ctx.db, {
    id: newId(), case_id: c.id, seq: i + 1, name: r.name.trim(), id_number: (checkResidentId(r.idNumber) as { value: string }).value, phone: r.phone?.trim() || null,
    job: r.job?.trim() || null, period: r.period?.trim() || null, claim_items: r.claimItems?.trim() || DEFAULT_CLAIM_ITEMS, claimed_fen: r.amountFen!,
    created_at: at, created_by: actor(ctx).id,
  }));
  const total = input.rows.reduce((s, r) => s + r.amountFen!, 0);
  caseEvent(ctx, c.id, 'collective.roster', `${replaced ? '更换' : '导入'}劳动者名册：${input.rows.length}人，请求金额合计${formatFen(total)}${replaced ? `（原名册${replaced}人及其代表、结果已删除）` : ''}`);
  return getRoster(ctx.db, { caseId: c.id });
}

export function getRoster(db: Db, input: { caseId: string; query?: string; limit?: number; offset?: number }): CollectiveRosterView {
  const { rows, total } = selectWorkerPage(db, input.caseId, input.query?.trim() ?? '', input.limit ?? 50, input.offset ?? 0);
  const totals = new Map(resultTotals(db, input.caseId).map((t) => [t.kind, t]));
  return {
    caseId: input.caseId,
    workers: countWorkers(db, input.caseId),
    countedWorkers: selectWorkerCount(db, input.caseId),
    claimedFen: sumClaimed(db, input.caseId),
    awardResults: { count: totals.get('award')?.n ?? 0, totalFen: totals.get('award')?.s ?? 0 },
    mediationResults: { count: totals.get('mediation')?.n ?? 0, totalFen: totals.get('mediation')?.s ?? 0 },
    total,
    items: rows.map((w) => ({
      id: w.id, seq: w.seq, name: w.name, idNumberMasked: maskIdNumber(w.id_number), phone: w.phone, job: w.job, period: w.period, claimItems: w.claim_items,
      claimedFen: w.claimed_fen, awardFen: w.award_fen, mediationFen: w.mediation_fen, representative: w.representative === 1,
    })),
    representatives: selectRepresentatives(db, input.caseId).map((r) => ({
      workerId: r.worker_id, seq: r.seq, name: r.name, idNumberMasked: maskIdNumber(r.id_number), electedDate: r.elected_date, authorisation: r.authorisation,
    })),
  };
}

/** Records the 3 to 5 representatives the workers elected and their authorisation (Rules Art 63), replacing earlier ones. */
export function setRepresentatives(ctx: ServiceContext, input: { caseId: string; workerIds: string[]; electedDate: string; authorisation: string }): CollectiveRosterView {
  const c = requireOpenCase(ctx.db, input.caseId, '登记集体争议的代表');
  checkDate(ctx, input.electedDate, 'electedDate', '推举日期');
  const ids = [...new Set(input.workerIds)];
  if (ids.length < COLLECTIVE_MIN_REPRESENTATIVES || ids.length > COLLECTIVE_MAX_REPRESENTATIVES) {
    invalid('workerIds', `劳动者应推举${COLLECTIVE_MIN_REPRESENTATIVES}至${COLLECTIVE_MAX_REPRESENTATIVES}名代表（《劳动人事争议仲裁办案规则》第六十三条），现选了${ids.length}名`);
  }
  for (const id of ids) if (selectWorkerCase(ctx.db, id) !== c.id) invalid('workerIds', '所选代表不在本案的劳动者名册中');
  deleteRepresentatives(ctx.db, c.id);
  const at = nowIso(ctx);
  for (const id of ids) insertRepresentative(ctx.db, { worker_id: id, case_id: c.id, elected_date: input.electedDate, authorisation: input.authorisation, created_at: at, created_by: actor(ctx).id });
  const view = getRoster(ctx.db, { caseId: c.id, limit: 1 });
  caseEvent(ctx, c.id, 'collective.representatives', `登记推举的代表：${view.representatives.map((r) => r.name).join('、')}（${input.electedDate}；授权：${input.authorisation}）`);
  return view;
}

/**
 * Per-worker results for the award or for a successful mediation within arbitration: given per worker, or filled from
 * each worker's claimed amount. Refused once the award (or that 调解书) is issued: the annex then is part of the record.
 */
export function setResults(
  ctx: ServiceContext,
  input: { caseId: string; kind: 'award' | 'mediation'; mediationId?: string; fillFromClaims?: boolean; results?: { workerId: string; amountFen: number; items?: string }[] },
): CollectiveRosterView {
  const c = requireOpenCase(ctx.db, input.caseId, '登记劳动者个人的处理结果');
  requireTribunalArbitrator(ctx, c.id, input.kind === 'award' ? '逐人裁决' : '仲裁中的调解');
  if (input.kind === 'award' && outcomeDocumentIssued(ctx.db, c.id, 'award')) throw new AppError('INVALID_STATE', '裁决书已签发，附件中的逐人裁决结果不得更改');
  let mediationId: string | null = null;
  if (input.kind === 'mediation') {
    const m = input.mediationId ? selectMediation(ctx.db, input.mediationId) : undefined;
    if (!m || m.case_id !== c.id) invalid('mediationId', '请选择本案的仲裁中调解');
    if (outcomeDocumentIssued(ctx.db, c.id, 'mediation_statement')) throw new AppError('INVALID_STATE', '调解书已签发，附件中的逐人协议金额不得更改');
    mediationId = m!.id;
  }
  const workers = selectWorkers(ctx.db, c.id);
  if (!workers.length) throw new AppError('INVALID_STATE', '请先导入劳动者名册');
  const byId = new Map(workers.map((w) => [w.id, w]));
  const entries = input.fillFromClaims
    ? workers.map((w) => ({ workerId: w.id, amountFen: w.claimed_fen, items: w.claim_items }))
    : (input.results ?? []);
  if (!entries.length) invalid('results', '请填写劳动者个人的结果');
  const at = nowIso(ctx);
  for (const e of entries) {
    const w = byId.get(e.workerId);
    if (!w) invalid('results', '所填劳动者不在本案的名册中');
    upsertResult(ctx.db, {
      worker_id: w!.id, kind: input.kind, case_id: c.id, mediation_id: mediationId, items: e.items?.trim() || w!.claim_items, amount_fen: e.amountFen, updated_at: at, updated_by: actor(ctx).id,
    });
  }
  const total = entries.reduce((s, e) => s + e.amountFen, 0);
  caseEvent(ctx, c.id, 'collective.results', `${input.kind === 'award' ? '逐人裁决结果' : '逐人调解协议金额'}：${entries.length}人${input.fillFromClaims ? '（按请求金额）' : ''}，合计${formatFen(total)}`);
  return getRoster(ctx.db, { caseId: c.id, limit: 1 });
}

// ---------------------------------------------------------------- per-worker claim items

function requireWorker(db: Db, caseId: string, workerId: string) {
  const w = selectWorker(db, workerId);
  if (!w || w.case_id !== caseId) throw new AppError('NOT_FOUND', '该劳动者不在本案的名册中');
  return w;
}

/** A worker's claim items with their amounts (a worker not edited since the import has one: its 请求事项 and 欠付金额). */
export function workerClaims(db: Db, input: { caseId: string; workerId: string }): WorkerClaimsView {
  const w = requireWorker(db, input.caseId, input.workerId);
  const stored = selectWorkerClaims(db, w.id);
  const items = stored.length ? stored.map((c) => ({ item: c.item, amountFen: c.amount_fen })) : [{ item: w.claim_items, amountFen: w.claimed_fen }];
  return { workerId: w.id, seq: w.seq, name: w.name, items, totalFen: items.reduce((n, i) => n + i.amountFen, 0) };
}

/**
 * Edits one worker's claim items and amounts on the case page (not only by re-importing the roster): 1 to 10 items,
 * each named once; the worker's 请求事项 becomes the items joined and its amount their total. Refused once the award or
 * 调解书 carrying the roster is issued (as a new roster is). Results already entered stay: the arbitrator decides them.
 */
export function editWorkerClaims(ctx: ServiceContext, input: { caseId: string; workerId: string; items: { item: string; amountFen: number }[] }): WorkerClaimsView {
  const c = requireOpenCase(ctx.db, input.caseId, '修改劳动者的请求事项');
  if (!c.collective) throw new AppError('INVALID_STATE', '本案不是集体争议案件');
  if (outcomeDocumentIssued(ctx.db, c.id, 'award') || outcomeDocumentIssued(ctx.db, c.id, 'mediation_statement')) {
    throw new AppError('INVALID_STATE', '本案已签发裁决书或调解书，其附件载有名册，不能再修改劳动者的请求事项');
  }
  const w = requireWorker(ctx.db, c.id, input.workerId);
  const items = input.items.map((i) => ({ item: i.item.trim(), amountFen: i.amountFen }));
  items.forEach((it, i) => {
    const first = items.findIndex((o) => o.item === it.item);
    if (first < i) invalid(`items.${i}.item`, `第${i + 1}项与第${first + 1}项的请求事项相同，请合并为一项`);
  });
  const total = items.reduce((n, i) => n + i.amountFen, 0);
  if (total > MAX_FEN) invalid('items', '请求金额合计过大，请核对');
  const summary = items.map((i) => i.item).join('；');
  if (summary.length > 200) invalid('items', `请求事项合计不能超过200个字（现${summary.length}个字），请精简`);
  const before = w.claimed_fen;
  replaceWorkerClaims(ctx.db, w, items, summary, total);
  caseEvent(ctx, c.id, 'collective.claims', `修改第${w.seq}号劳动者${w.name}的请求事项：${items.length}项，合计${formatFen(total)}（原${formatFen(before)}）`);
  return workerClaims(ctx.db, { caseId: c.id, workerId: w.id });
}

/**
 * The annex of the award or 调解书 for a case with a roster: every worker with name, ID number, items and amount, and
 * the total; null for a case without a roster. Refused while a worker has no result.
 */
export function annexFor(db: Db, caseId: string, kind: 'award' | 'mediation', mediationId: string | null): AnnexData | null {
  const n = countWorkers(db, caseId);
  if (!n) return null;
  const rows = selectResults(db, caseId, kind, mediationId);
  if (rows.length < n) {
    invalid('caseId', `劳动者名册共${n}人，其中${n - rows.length}人尚未登记${kind === 'award' ? '逐人裁决结果' : '逐人调解协议金额'}；附件须列明每一名劳动者`);
  }
  return {
    title: kind === 'award' ? '附件：劳动者名单及裁决金额' : '附件：劳动者名单及调解协议金额',
    amountLabel: '金额（元）',
    rows: rows.map((r) => ({ seq: r.seq, name: r.name, idNumber: r.id_number, items: r.items, amountFen: r.amount_fen })),
    totalFen: rows.reduce((s, r) => s + r.amount_fen, 0),
  };
}

/** The roster template (XLSX) with its header and one example row. */
export async function rosterTemplate(): Promise<ExportFile> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '劳动仲裁工作台';
  const ws = wb.addWorksheet('劳动者名册');
  ws.columns = ROSTER_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width, style: { numFmt: '@' } }));
  ws.getRow(1).font = { bold: true };
  const notes = wb.addWorksheet('填写说明');
  [
    '1. 每行一名劳动者，第1行为表头，请勿修改表头；空行将被忽略。',
    `2. 名册应有${COLLECTIVE_MIN_WORKERS}至${COLLECTIVE_MAX_WORKERS}人（劳动者${COLLECTIVE_MIN_WORKERS}人以上并有共同请求的为集体争议，《劳动争议调解仲裁法》第七条）。`,
    '3. 姓名、公民身份号码、欠付金额为必填；公民身份号码为18位，不得重复。',
    '4. 欠付金额以元为单位，最多两位小数，如 8500 或 8500.50。',
    `5. 请求事项可不填，默认为“${DEFAULT_CLAIM_ITEMS}”。`,
    '6. 导入前系统逐行检查，有任何错误的，整个名册均不导入。',
  ].forEach((line) => notes.addRow([line]));
  notes.getColumn(1).width = 90;
  const buf = Buffer.from(await wb.xlsx.writeBuffer());
  return { fileName: '集体争议劳动者名册模板.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', base64: buf.toString('base64'), rows: 0 };
}
