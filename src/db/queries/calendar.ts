import type { Db } from '../open';
import type { CalendarYearRow } from './rows';
import { stmt } from './stmt';

/** A calendar year with the display name of whoever last changed it. */
export type CalendarYearWithUser = CalendarYearRow & { updated_by_name: string };

export function selectCalendarYears(db: Db): CalendarYearWithUser[] {
  return stmt(db, 'SELECT y.*, u.display_name AS updated_by_name FROM calendar_years y JOIN users u ON u.id = y.updated_by ORDER BY year').all() as CalendarYearWithUser[];
}

export function upsertCalendarYear(db: Db, r: Pick<CalendarYearRow, 'year' | 'notice' | 'published' | 'source' | 'data' | 'updated_at' | 'updated_by'>): void {
  stmt(db, `INSERT INTO calendar_years (year, notice, published, source, data, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT(year) DO UPDATE SET notice = excluded.notice, published = excluded.published, source = excluded.source, data = excluded.data,
        updated_at = excluded.updated_at, updated_by = excluded.updated_by`)
    .run(r.year, r.notice, r.published, r.source, r.data, r.updated_at, r.updated_by);
}
