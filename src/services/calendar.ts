import type { CalendarYearView } from '../api';
import { AppError } from '../api';
import { type CalendarYear, WorkCalendar, addDays, checkCalendarYear } from '../domain';
import { type ServiceContext, actor, audit, nowIso } from './context';
import type { Db } from '../db/open';
import { type CalendarYearWithUser, selectCalendarYears, upsertCalendarYear } from '../db/queries/calendar';

const toView = (r: CalendarYearWithUser): CalendarYearView => {
  const d = JSON.parse(r.data) as { rest: [string, string][]; work: string[] };
  return { year: r.year, notice: r.notice, published: r.published, source: r.source, rest: d.rest, work: d.work, updatedAt: r.updated_at, updatedBy: r.updated_by_name };
};

export function listCalendarYears(db: Db): CalendarYearView[] {
  return selectCalendarYears(db).map(toView);
}

/** The calendar the period engine uses, from the database (shipped years plus imports and edits). */
export function loadCalendar(db: Db): WorkCalendar {
  return new WorkCalendar(listCalendarYears(db));
}

function saveYear(ctx: ServiceContext, y: CalendarYear, action: string, detail: Record<string, unknown>): CalendarYearView {
  const problems = checkCalendarYear(y);
  if (problems.length) throw new AppError('VALIDATION', problems[0]!, problems.map((message) => ({ path: 'rest', message })));
  ctx.db.transaction(() => {
    upsertCalendarYear(ctx.db, {
      year: y.year, notice: y.notice, published: y.published, source: y.source, data: JSON.stringify({ rest: y.rest, work: y.work }), updated_at: nowIso(ctx), updated_by: actor(ctx).id,
    });
    audit(ctx, action, String(y.year), detail);
  })();
  return listCalendarYears(ctx.db).find((v) => v.year === y.year)!;
}

export function importCalendarYear(ctx: ServiceContext, y: CalendarYear): CalendarYearView {
  const before = listCalendarYears(ctx.db).find((v) => v.year === y.year) ?? null;
  return saveYear(ctx, y, 'calendar.importYear', { before: before && { notice: before.notice, rest: before.rest, work: before.work }, after: { notice: y.notice, rest: y.rest, work: y.work } });
}

/** Compresses a set of rest days into inclusive ranges. */
function toRanges(days: string[]): [string, string][] {
  const sorted = [...new Set(days)].sort();
  const out: [string, string][] = [];
  for (const d of sorted) {
    const last = out[out.length - 1];
    if (last && addDays(last[1], 1) === d) last[1] = d;
    else out.push([d, d]);
  }
  return out;
}

export function setCalendarDay(ctx: ServiceContext, input: { date: string; kind: 'rest' | 'work' | 'normal'; reason: string }): CalendarYearView {
  const year = Number(input.date.slice(0, 4));
  const y = listCalendarYears(ctx.db).find((v) => v.year === year);
  if (!y) throw new AppError('INVALID_STATE', `${year}年放假安排尚未导入，请先导入该年的国务院办公厅通知`);
  const rest = new Set<string>();
  for (const [a, b] of y.rest) for (let d = a; d <= b; d = addDays(d, 1)) rest.add(d);
  const work = new Set(y.work);
  rest.delete(input.date);
  work.delete(input.date);
  if (input.kind === 'rest') rest.add(input.date);
  if (input.kind === 'work') work.add(input.date);
  const next: CalendarYear = { year, notice: y.notice, published: y.published, source: y.source, rest: toRanges([...rest]), work: [...work].sort() };
  return saveYear(ctx, next, 'calendar.setDay', { date: input.date, kind: input.kind, reason: input.reason });
}
