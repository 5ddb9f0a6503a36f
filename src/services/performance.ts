import { AppError } from '../api';
import type { PerformanceView } from '../api/supervision-views';
import { PERFORMANCE_BASIS, PERFORMANCE_LABELS, type PerformanceStatus, shanghaiDate, unpaidInstruments } from '../domain';
import { selectClosure } from '../db/queries/closures';
import { insertPerformance, selectPerformanceOfCase } from '../db/queries/performance';
import { selectCaseById } from '../db/queries/cases';
import { type ServiceContext, actor, audit, newId, nowIso } from './context';
import { invalid } from './errors';
import { checkDate } from './guards';

/**
 * Performance (履行情况) of the award or 调解书 a case was closed with (issue 16): the clerk records, as of a date,
 * whether the employer paid in full, in part, or not by the due date, and an application to the court for enforcement
 * (《劳动争议调解仲裁法》第五十一条). Records are appended (migration 023, sealed); the latest is the state. The grade
 * signal "awards or agreements not paid" counts them (unpaidInstruments); writeTx reviews the employer's grade in the
 * same transaction (refreshChangedGrades).
 */

const INSTRUMENT_LABELS = { award: '裁决书', mediation: '调解书' } as const;

function instrumentOf(ctx: ServiceContext, caseId: string): { instrument: 'award' | 'mediation'; closedDate: string } {
  if (!selectCaseById(ctx.db, caseId)) throw new AppError('NOT_FOUND', '案件不存在');
  const c = selectClosure(ctx.db, caseId);
  if (!c || (c.method !== 'award' && c.method !== 'mediation')) throw new AppError('INVALID_STATE', '只有裁决结案或调解结案的案件才能登记裁决书、调解书的履行情况');
  return { instrument: c.method, closedDate: c.closed_date };
}

export function listPerformance(ctx: ServiceContext, input: { caseId: string }): PerformanceView {
  const { instrument } = instrumentOf(ctx, input.caseId);
  const day = shanghaiDate(ctx.now());
  const rows = selectPerformanceOfCase(ctx.db, input.caseId);
  const records = rows.map((r) => ({
    id: r.id, dueDate: r.due_date, status: r.status, statusLabel: PERFORMANCE_LABELS[r.status], asOf: r.as_of, paidFen: r.paid_fen,
    enforcementDate: r.enforcement_date, enforcementCourt: r.enforcement_court, note: r.note, at: r.created_at, byName: r.by_name,
  }));
  const latest = records[records.length - 1] ?? null;
  const unpaid = unpaidInstruments(rows.map((r) => ({ caseId: r.case_id, dueDate: r.due_date, status: r.status, asOf: r.as_of, enforcementDate: r.enforcement_date })), day).length > 0;
  return { caseId: input.caseId, instrument, instrumentLabel: INSTRUMENT_LABELS[instrument], records, current: latest, inDefault: unpaid, basis: PERFORMANCE_BASIS };
}

export function recordPerformance(ctx: ServiceContext, input: {
  caseId: string; dueDate: string; status: PerformanceStatus; asOf: string; paidFen?: number | null; enforcementDate?: string | null; enforcementCourt?: string; note?: string;
}): PerformanceView {
  const { instrument, closedDate } = instrumentOf(ctx, input.caseId);
  const label = INSTRUMENT_LABELS[instrument];
  if (input.dueDate < closedDate) invalid('dueDate', `履行期限不能早于结案日期（${closedDate}）`);
  checkDate(ctx, input.asOf, 'asOf', '情况核实日期', { date: closedDate, label: '结案日期' });
  const paid = input.paidFen ?? null;
  if (input.status === 'partial' && !(paid && paid > 0)) invalid('paidFen', '部分履行须填写已履行的金额');
  if (input.status === 'unpaid') {
    if (paid) invalid('paidFen', '未履行的，已履行金额应为空；已支付部分款项的请选择“部分履行”');
    if (input.asOf <= input.dueDate) invalid('asOf', `履行期限（${input.dueDate}）届满后才能登记为逾期未履行`);
  }
  const enforcement = input.enforcementDate ?? null;
  if (enforcement) {
    if (input.status === 'paid') invalid('enforcementDate', '已全部履行的，无需申请强制执行');
    // 第五十一条: enforcement is applied for when a party does not perform within the period
    if (enforcement <= input.dueDate) invalid('enforcementDate', `${label}规定的履行期限（${input.dueDate}）届满后，当事人方可申请人民法院强制执行（《劳动争议调解仲裁法》第五十一条）`);
    checkDate(ctx, enforcement, 'enforcementDate', '申请强制执行日期');
    if (enforcement > input.asOf) invalid('enforcementDate', `申请强制执行日期不能晚于情况核实日期（${input.asOf}）`);
    if (!input.enforcementCourt?.trim()) invalid('enforcementCourt', '请填写受理强制执行申请的人民法院');
  }
  const id = newId();
  insertPerformance(ctx.db, {
    id, case_id: input.caseId, instrument, due_date: input.dueDate, status: input.status, as_of: input.asOf, paid_fen: paid,
    enforcement_date: enforcement, enforcement_court: enforcement ? input.enforcementCourt!.trim() : null, note: input.note?.trim() || null,
    created_at: nowIso(ctx), created_by: actor(ctx).id,
  });
  audit(ctx, 'performance.record', input.caseId, { status: input.status, enforcement: !!enforcement });
  return listPerformance(ctx, { caseId: input.caseId });
}

