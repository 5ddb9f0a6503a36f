/**
 * 013: the commission's pending deadlines kept in an indexed table (issue 13: the dashboard at 100,000 cases).
 *
 * One row per deadline of the commission that is still to be met on a running case (draft or accepted, not closed), as
 * the clock engine (src/services/clock.ts caseClock) computes it: done, paused and party periods are not stored, so a
 * closed case costs nothing. The rows are derived data: src/services/deadline-store.ts rewrites a case's rows in the
 * same write transaction that changes any of its records (every case-owned write bumps cases.revision, migration 009),
 * and rewrites every running case's rows when the calendar or a deadline rule's counting changes. `case_deadlines_meta`
 * says whether the table has been filled since it was created; the first write or dashboard after this migration fills
 * it (the migration cannot run the clock engine, which lives in the services).
 */
export const sql = `
CREATE TABLE case_deadlines (
  case_id TEXT NOT NULL REFERENCES cases(id),
  seq INTEGER NOT NULL,
  due_date TEXT NOT NULL,
  case_number TEXT,
  parties TEXT NOT NULL,
  -- the engine's CaseDeadline (JSON) without its state, which depends on the day it is read
  deadline TEXT NOT NULL CHECK (json_valid(deadline)),
  PRIMARY KEY (case_id, seq)
) WITHOUT ROWID;
CREATE INDEX case_deadlines_due ON case_deadlines(due_date);

CREATE TABLE case_deadlines_meta (one INTEGER PRIMARY KEY CHECK (one = 1), built INTEGER NOT NULL);
INSERT INTO case_deadlines_meta (one, built) VALUES (1, 0);
`;
