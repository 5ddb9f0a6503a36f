import type { Db } from '../open';
import { ARBITRATOR_CASES, CLERK_CASES, likeEscape } from './case-list';
import { caseVisibleCondition } from './case-access';
import { stmt } from './stmt';

/** The stored pending deadlines of the commission (migration 013; kept by src/services/deadline-store.ts). */
export interface StoredDeadlineRow {
  case_id: string;
  seq: number;
  due_date: string;
  case_number: string | null;
  parties: string;
  deadline: string;
}

/** Cases whose records the write in progress changed (every case-owned write bumps cases.revision, migration 009). */
export function selectChangedCaseIds(db: Db): string[] {
  return (stmt(db, "SELECT DISTINCT json_extract(k, '$[0]') AS id FROM temp._changes WHERE tbl = 'cases'").all() as { id: string }[]).map((r) => r.id);
}

/** Whether the write in progress changed the calendar or a setting (a deadline rule's counting is a setting). */
export function calendarOrRulesChanged(db: Db): boolean {
  return !!stmt(db, "SELECT 1 FROM temp._changes WHERE tbl = 'calendar_years' OR (tbl = 'settings' AND k = '[\"periodKinds\"]') LIMIT 1").get();
}

export function deadlinesBuilt(db: Db): boolean {
  return (stmt(db, 'SELECT built FROM case_deadlines_meta WHERE one = 1').get() as { built: number } | undefined)?.built === 1;
}

export function setDeadlinesBuilt(db: Db): void {
  stmt(db, 'UPDATE case_deadlines_meta SET built = 1 WHERE one = 1').run();
}

export function deleteCaseDeadlines(db: Db, caseId: string): void {
  stmt(db, 'DELETE FROM case_deadlines WHERE case_id = ?').run(caseId);
}

export function deleteAllDeadlines(db: Db): void {
  stmt(db, 'DELETE FROM case_deadlines').run();
}

export function insertCaseDeadline(db: Db, r: StoredDeadlineRow): void {
  stmt(db, 'INSERT INTO case_deadlines (case_id, seq, due_date, case_number, parties, deadline) VALUES (?, ?, ?, ?, ?, ?)')
    .run(r.case_id, r.seq, r.due_date, r.case_number, r.parties, r.deadline);
}

/** The cases a person sits on (any seat of the tribunal), records or created, each through its own index (migration 013). */
const MY_CASES = `SELECT case_id FROM case_tribunals WHERE presiding_id = @u UNION SELECT case_id FROM case_tribunals WHERE member2_id = @u
  UNION SELECT case_id FROM case_tribunals WHERE member3_id = @u UNION SELECT case_id FROM case_tribunals WHERE clerk_id = @u
  UNION SELECT id FROM cases WHERE created_by = @u`;

/** Of these cases, those that are the person's (the dashboard's hearings of the day). */
export function selectMineAmong(db: Db, userId: string, caseIds: string[]): Set<string> {
  return new Set((stmt(db, `SELECT value AS id FROM json_each(@ids) WHERE value IN (${MY_CASES})`).all({ ids: JSON.stringify(caseIds), u: userId }) as { id: string }[]).map((r) => r.id));
}

/**
 * The dashboard's rows: every stored deadline due on or before `until` (overdue, today, this week), in due order; for one
 * person, only the cases they sit on, record or created.
 */
export function selectDueDeadlines(db: Db, until: string, userId: string | null): StoredDeadlineRow[] {
  if (!userId) return stmt(db, 'SELECT * FROM case_deadlines WHERE due_date <= ? ORDER BY due_date, case_number, case_id, seq').all(until) as StoredDeadlineRow[];
  return stmt(db, `SELECT d.* FROM case_deadlines d WHERE d.due_date <= @until AND d.case_id IN (${MY_CASES})
    ORDER BY d.due_date, d.case_number, d.case_id, d.seq`).all({ until, u: userId }) as StoredDeadlineRow[];
}

/** The dashboard's deadline sections (issue 14): before today, today, and after today up to this week's Sunday. */
export type DeadlineSection = 'overdue' | 'dueToday' | 'thisWeek';
export const DEADLINE_SECTIONS: readonly DeadlineSection[] = ['overdue', 'dueToday', 'thisWeek'];
const SECTION_RANGE: Record<DeadlineSection, string> = {
  overdue: 'd.due_date < @today',
  dueToday: 'd.due_date = @today',
  thisWeek: 'd.due_date > @today AND d.due_date <= @until',
};

/** Who and what the dashboard shows: one person's cases (userId) or the commission's, narrowed by the 全委 filters. */
export interface DeadlineFilter {
  userId: string | null;
  venueId?: string;
  arbitratorId?: string;
  clerkId?: string;
  /** The deadline's rule (its kind), e.g. 'award'. */
  rule?: string;
  /** Part of the case number, the parties or the deadline's label. */
  query?: string;
  /** Need-to-know (issue 12 item 2): only the cases this lawyer or window staff may read. */
  viewer?: string | null;
}

/**
 * Where the dashboard reads from: the stored table, or (before it is first filled, see src/services/deadline-store.ts) rows
 * computed by the engine and passed as JSON in @rows, so that both go through the same filter, count and page SQL.
 */
export type DeadlineSource = { rows: StoredDeadlineRow[] } | null;
const fromSource = (source: DeadlineSource) => (source
  ? `(SELECT json_extract(value, '$.case_id') AS case_id, json_extract(value, '$.seq') AS seq, json_extract(value, '$.due_date') AS due_date,
      json_extract(value, '$.case_number') AS case_number, json_extract(value, '$.parties') AS parties, json_extract(value, '$.deadline') AS deadline
      FROM json_each(@rows))`
  : 'case_deadlines');

function filterSql(f: DeadlineFilter, source: DeadlineSource, today: string, until: string): { where: string[]; params: Record<string, unknown> } {
  const where = ['d.due_date <= @until'];
  const params: Record<string, unknown> = { today, until };
  if (source) params.rows = JSON.stringify(source.rows);
  if (f.userId) { where.push(`d.case_id IN (${MY_CASES})`); params.u = f.userId; }
  if (f.viewer) where.push(caseVisibleCondition('d.case_id', f.viewer, params));
  if (f.venueId) { where.push('d.case_id IN (SELECT id FROM cases WHERE venue_id = @venueId)'); params.venueId = f.venueId; }
  if (f.arbitratorId) { where.push(`d.case_id IN (${ARBITRATOR_CASES})`); params.arb = f.arbitratorId; }
  if (f.clerkId) { where.push(`d.case_id IN (${CLERK_CASES})`); params.clerk = f.clerkId; }
  if (f.rule) { where.push("json_extract(d.deadline, '$.rule') = @rule"); params.rule = f.rule; }
  if (f.query?.trim()) {
    where.push("(d.case_number LIKE @q ESCAPE '\\' OR d.parties LIKE @q ESCAPE '\\' OR json_extract(d.deadline, '$.label') LIKE @q ESCAPE '\\')");
    params.q = `%${likeEscape(f.query.trim())}%`;
  }
  return { where, params };
}

/** How many deadlines each section holds under the filter, in one statement. */
export function countDeadlineSections(db: Db, today: string, until: string, f: DeadlineFilter, source: DeadlineSource = null): Record<DeadlineSection, number> {
  const { where, params } = filterSql(f, source, today, until);
  const sums = DEADLINE_SECTIONS.map((s) => `coalesce(sum(${SECTION_RANGE[s]}), 0) AS ${s}`).join(', ');
  return stmt(db, `SELECT ${sums} FROM ${fromSource(source)} d WHERE ${where.join(' AND ')}`).get(params) as Record<DeadlineSection, number>;
}

/** One page of a section under the filter, in due order. */
export function selectDeadlineSectionPage(
  db: Db, section: DeadlineSection, today: string, until: string, f: DeadlineFilter, limit: number, offset: number, source: DeadlineSource = null,
): StoredDeadlineRow[] {
  const { where, params } = filterSql(f, source, today, until);
  return stmt(db, `SELECT d.* FROM ${fromSource(source)} d WHERE ${[...where, SECTION_RANGE[section]].join(' AND ')}
    ORDER BY d.due_date, d.case_number, d.case_id, d.seq LIMIT @limit OFFSET @offset`).all({ ...params, limit, offset }) as StoredDeadlineRow[];
}
