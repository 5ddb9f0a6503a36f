import type { Db } from '../open';
import type { HearingRow } from './rows';
import { caseVisibleCondition } from './case-access';
import { stmt } from './stmt';

/** A hearing with its case number, room and venue, as the views show it. */
export type HearingListRow = HearingRow & { case_number: string | null; cause: string | null; room_name: string; venue_name: string; venue_address: string | null; venue_id: string };

const HEARING_SELECT = `SELECT h.*, c.case_number, c.cause, r.name AS room_name, v.name AS venue_name, v.address AS venue_address, r.venue_id
  FROM hearings h JOIN cases c ON c.id = h.case_id JOIN rooms r ON r.id = h.room_id JOIN venues v ON v.id = r.venue_id`;

export function selectCaseHearings(db: Db, caseId: string): HearingListRow[] {
  return stmt(db, `${HEARING_SELECT} WHERE h.case_id = ? ORDER BY h.date, h.start_time`).all(caseId) as HearingListRow[];
}

/** Scheduled hearings overlapping a slot (other than `exceptId`). */
export function selectOverlappingHearings(db: Db, slot: { date: string; startTime: string; endTime: string }, exceptId: string): HearingListRow[] {
  return stmt(db, `${HEARING_SELECT} WHERE h.status = 'scheduled' AND h.date = ? AND h.start_time < ? AND h.end_time > ? AND h.id <> ?`)
    .all(slot.date, slot.endTime, slot.startTime, exceptId) as HearingListRow[];
}

export function selectHearingOfCase(db: Db, id: string, caseId: string): HearingListRow | undefined {
  return stmt(db, `${HEARING_SELECT} WHERE h.id = ? AND h.case_id = ?`).get(id, caseId) as HearingListRow | undefined;
}

/** Hearings in a period (of one venue); `viewer`: only the cases that lawyer or window staff may read (issue 12 item 2). */
export function selectHearingsBetween(db: Db, from: string, to: string, venueId: string | null, viewer: string | null = null): HearingListRow[] {
  const params: Record<string, unknown> = { from, to, venue: venueId };
  const visible = caseVisibleCondition('h.case_id', viewer, params);
  return stmt(db, `${HEARING_SELECT} WHERE h.status IN ('scheduled', 'held') AND h.date BETWEEN @from AND @to AND (@venue IS NULL OR r.venue_id = @venue) AND ${visible}
    ORDER BY h.date, h.start_time, r.name`).all(params) as HearingListRow[];
}

export function selectHearing(db: Db, id: string): HearingRow | undefined {
  return stmt(db, 'SELECT * FROM hearings WHERE id = ?').get(id) as HearingRow | undefined;
}

export function selectHearingCaseId(db: Db, id: string): string | undefined {
  return (stmt(db, 'SELECT case_id FROM hearings WHERE id = ?').get(id) as Pick<HearingRow, 'case_id'> | undefined)?.case_id;
}

/** Scheduled hearings of a case, earliest first. */
export function selectScheduledHearings(db: Db, caseId: string): Pick<HearingRow, 'id' | 'date' | 'start_time'>[] {
  return stmt(db, "SELECT id, date, start_time FROM hearings WHERE case_id = ? AND status = 'scheduled' ORDER BY date").all(caseId) as Pick<HearingRow, 'id' | 'date' | 'start_time'>[];
}

/** Scheduled hearings of a case, in no particular order (those an award cancels). */
export function selectPendingHearings(db: Db, caseId: string): Pick<HearingRow, 'id' | 'date' | 'start_time'>[] {
  return stmt(db, "SELECT id, date, start_time FROM hearings WHERE case_id = ? AND status = 'scheduled'").all(caseId) as Pick<HearingRow, 'id' | 'date' | 'start_time'>[];
}

export function hasScheduledHearing(db: Db, caseId: string): boolean {
  return stmt(db, "SELECT 1 FROM hearings WHERE case_id = ? AND status = 'scheduled'").get(caseId) !== undefined;
}

export function selectHeldHearingDates(db: Db, caseId: string): string[] {
  return (stmt(db, "SELECT date FROM hearings WHERE case_id = ? AND status = 'held' ORDER BY date").all(caseId) as Pick<HearingRow, 'date'>[]).map((h) => h.date);
}

export function selectLastHeldHearingDate(db: Db, caseId: string): string | null {
  return (stmt(db, "SELECT max(date) AS d FROM hearings WHERE case_id = ? AND status = 'held'").get(caseId) as { d: string | null }).d;
}

export function insertScheduledHearing(db: Db, r: Pick<HearingRow, 'id' | 'case_id' | 'date' | 'start_time' | 'end_time' | 'room_id' | 'created_at' | 'created_by'>): void {
  stmt(db, "INSERT INTO hearings (id, case_id, date, start_time, end_time, room_id, status, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, 'scheduled', ?, ?)")
    .run(r.id, r.case_id, r.date, r.start_time, r.end_time, r.room_id, r.created_at, r.created_by);
}

export function setHearingMoved(db: Db, id: string, movedTo: string): void {
  stmt(db, "UPDATE hearings SET status = 'moved', moved_to = ? WHERE id = ?").run(movedTo, id);
}

export function setHearingHeld(db: Db, id: string, outcome: string, note: string | null): void {
  stmt(db, "UPDATE hearings SET status = 'held', outcome = ?, outcome_note = ? WHERE id = ?").run(outcome, note, id);
}

export function setHearingCancelled(db: Db, id: string): void {
  stmt(db, "UPDATE hearings SET status = 'cancelled' WHERE id = ?").run(id);
}
