import type { CaseDeadline, DashboardItem } from '../api';
import { type WorkCalendar, partiesLabel } from '../domain';
import {
  DEADLINE_SECTIONS, type DeadlineFilter, type DeadlineSection, type DeadlineSource, type StoredDeadlineRow, calendarOrRulesChanged,
  countDeadlineSections, deadlinesBuilt, deleteAllDeadlines, deleteCaseDeadlines, insertCaseDeadline, selectChangedCaseIds, selectDeadlineSectionPage,
  setDeadlinesBuilt,
} from '../db/queries/deadlines';
import { selectCaseById, selectRunningCases } from '../db/queries/cases';
import { loadCalendar } from './calendar';
import { getCase } from './cases';
import { caseClock } from './clock';
import type { ServiceContext } from './context';
import { closureOf } from './guards';

/**
 * The commission's pending deadlines, stored (migration 013) so that the dashboard reads them from an indexed table
 * instead of running the clock engine over every case on every load (issue 13). The rows are exactly what the engine
 * (caseClock) computes for the commission's deadlines not yet met and not paused; their state (open / overdue) is
 * decided when read, from the day. They are rewritten:
 *  - for each case whose records the write changed, in the same transaction (writeTx calls refreshChangedDeadlines
 *    before it appends the audit entry; every case-owned write bumps cases.revision, so the change capture names them);
 *  - for every running case when the calendar or a rule's counting (settings.periodKinds) changes, or the table was
 *    never filled (right after migration 013).
 * Closed, refused and discarded cases have no rows. A stored due date never depends on the day it was computed: the only
 * engine date that does (the award deadline during an open suspension) is paused and therefore not stored.
 */
function pendingRows(ctx: ServiceContext, caseId: string, cal: WorkCalendar): StoredDeadlineRow[] {
  const c = getCase(ctx.db, { id: caseId });
  const parties = partiesLabel(c.applicants.map((p) => p.name), c.respondents.map((p) => p.name));
  return caseClock(ctx, caseId, cal, c).deadlines
    .filter((d) => d.actor === 'commission' && !d.doneDate && (d.state === 'open' || d.state === 'overdue'))
    .map((d, seq) => {
      const { state, ...rest } = d;
      void state;
      return { case_id: caseId, seq, due_date: d.dueDate, case_number: c.caseNumber, parties, deadline: JSON.stringify(rest) };
    });
}

/** Draft or accepted and not closed (the same rule as selectRunningCases). */
const isRunning = (ctx: ServiceContext, caseId: string) => {
  const c = selectCaseById(ctx.db, caseId);
  return !!c && (c.status === 'draft' || c.status === 'accepted') && !closureOf(ctx.db, caseId);
};

function refreshCase(ctx: ServiceContext, caseId: string, cal: WorkCalendar): void {
  deleteCaseDeadlines(ctx.db, caseId);
  if (!isRunning(ctx, caseId)) return;
  for (const r of pendingRows(ctx, caseId, cal)) insertCaseDeadline(ctx.db, r);
}

/** Rewrites every running case's rows (after a calendar or rule change, or to fill the table once). */
export function rebuildAllDeadlines(ctx: ServiceContext): void {
  const cal = loadCalendar(ctx.db);
  deleteAllDeadlines(ctx.db);
  for (const k of selectRunningCases(ctx.db)) for (const r of pendingRows(ctx, k.id, cal)) insertCaseDeadline(ctx.db, r);
  setDeadlinesBuilt(ctx.db);
}

/** Called by writeTx inside the write's transaction, after the operation's writes and before its audit entry. */
export function refreshChangedDeadlines(ctx: ServiceContext): void {
  const db = ctx.db;
  if (!deadlinesBuilt(db) || calendarOrRulesChanged(db)) return rebuildAllDeadlines(ctx);
  const ids = selectChangedCaseIds(db);
  if (!ids.length) return;
  const cal = loadCalendar(db);
  for (const id of ids) refreshCase(ctx, id, cal);
}

/**
 * The dashboard's deadline sections under a filter: each section's count and the requested page of its rows (issue 14:
 * the whole commission can have thousands), as the engine computed them, with today's state. Counting, filtering and
 * paging are SQL over the stored table.
 */
export function dueDeadlinePages(
  ctx: ServiceContext, today: string, until: string, f: DeadlineFilter, pages: Partial<Record<DeadlineSection, number>>, pageSize: number,
): { counts: Record<DeadlineSection, number>; items: Record<DeadlineSection, DashboardItem[]> } {
  let source: DeadlineSource = null;
  if (!deadlinesBuilt(ctx.db)) {
    // Not filled yet (the first open after migration 013): computed here without writing, as a read must not write; the
    // same SQL then filters, counts and pages these rows.
    const cal = loadCalendar(ctx.db);
    source = { rows: selectRunningCases(ctx.db).flatMap((k) => pendingRows(ctx, k.id, cal)).filter((r) => r.due_date <= until) };
  }
  const counts = countDeadlineSections(ctx.db, today, until, f, source);
  const items = Object.fromEntries(DEADLINE_SECTIONS.map((s) => {
    const rows = selectDeadlineSectionPage(ctx.db, s, today, until, f, pageSize, ((pages[s] ?? 1) - 1) * pageSize, source);
    return [s, rows.map((r) => toItem(r, today))];
  })) as Record<DeadlineSection, DashboardItem[]>;
  return { counts, items };
}

function toItem(r: StoredDeadlineRow, today: string): DashboardItem {
  const d = JSON.parse(r.deadline) as Omit<CaseDeadline, 'state'>;
  return { caseId: r.case_id, caseNumber: r.case_number, parties: r.parties, deadline: { ...d, state: d.dueDate < today ? 'overdue' : 'open' } as CaseDeadline };
}
