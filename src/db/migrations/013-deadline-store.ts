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
 *
 * Also for the case list and search at 100,000 cases (src/db/queries/case-list.ts):
 * - indexes for the list's default order and every sort and date filter;
 * - FTS5 trigram indexes (external content, kept by triggers) over party names, ID numbers and credit codes, and over
 *   case numbers, for substring search of 3 characters or more; 1–2 character names search a narrow (name, case_id) index.
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

CREATE INDEX cases_list_order ON cases(coalesce(acceptance_date, received_date) DESC, updated_at DESC);
CREATE INDEX cases_received ON cases(received_date);
CREATE INDEX cases_accepted ON cases(acceptance_date);
CREATE INDEX cases_created_by ON cases(created_by);
CREATE INDEX cases_consultation ON cases(consultation_id) WHERE consultation_id IS NOT NULL;
CREATE INDEX case_closures_date ON case_closures(closed_date);
CREATE INDEX case_tribunals_presiding ON case_tribunals(presiding_id);
CREATE INDEX case_tribunals_member2 ON case_tribunals(member2_id) WHERE member2_id IS NOT NULL;
CREATE INDEX case_tribunals_member3 ON case_tribunals(member3_id) WHERE member3_id IS NOT NULL;
CREATE INDEX case_tribunals_clerk ON case_tribunals(clerk_id);
CREATE INDEX parties_name_case ON parties(name, case_id);

CREATE VIRTUAL TABLE party_fts USING fts5(name, id_number, credit_code, content='parties', content_rowid='rowid', tokenize='trigram');
INSERT INTO party_fts(party_fts) VALUES ('rebuild');
CREATE TRIGGER party_fts_ins AFTER INSERT ON parties BEGIN
  INSERT INTO party_fts(rowid, name, id_number, credit_code) VALUES (NEW.rowid, NEW.name, NEW.id_number, NEW.credit_code);
END;
CREATE TRIGGER party_fts_del AFTER DELETE ON parties BEGIN
  INSERT INTO party_fts(party_fts, rowid, name, id_number, credit_code) VALUES ('delete', OLD.rowid, OLD.name, OLD.id_number, OLD.credit_code);
END;
CREATE TRIGGER party_fts_upd AFTER UPDATE OF name, id_number, credit_code ON parties BEGIN
  INSERT INTO party_fts(party_fts, rowid, name, id_number, credit_code) VALUES ('delete', OLD.rowid, OLD.name, OLD.id_number, OLD.credit_code);
  INSERT INTO party_fts(rowid, name, id_number, credit_code) VALUES (NEW.rowid, NEW.name, NEW.id_number, NEW.credit_code);
END;

CREATE VIRTUAL TABLE case_number_fts USING fts5(case_number, content='cases', content_rowid='rowid', tokenize='trigram');
INSERT INTO case_number_fts(case_number_fts) VALUES ('rebuild');
CREATE TRIGGER case_number_fts_ins AFTER INSERT ON cases BEGIN
  INSERT INTO case_number_fts(rowid, case_number) VALUES (NEW.rowid, NEW.case_number);
END;
CREATE TRIGGER case_number_fts_del AFTER DELETE ON cases BEGIN
  INSERT INTO case_number_fts(case_number_fts, rowid, case_number) VALUES ('delete', OLD.rowid, OLD.case_number);
END;
CREATE TRIGGER case_number_fts_upd AFTER UPDATE OF case_number ON cases BEGIN
  INSERT INTO case_number_fts(case_number_fts, rowid, case_number) VALUES ('delete', OLD.rowid, OLD.case_number);
  INSERT INTO case_number_fts(rowid, case_number) VALUES (NEW.rowid, NEW.case_number);
END;
`;
