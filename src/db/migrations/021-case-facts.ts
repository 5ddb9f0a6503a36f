/**
 * 021: the statistics' per-case facts kept in a table (issue 15 item 8: the year's report over 100,000 cases in under
 * 200 ms).
 *
 * One row per accepted case: its venue, acceptance and closing dates, award deadline, workers, cause, amount claimed,
 * manner of closing, finality and result — exactly the columns the statistics' facts query (src/db/queries/stats.ts
 * FACTS_COLUMNS) computes from the records. The rows are derived data, not audited: src/services/stats-facts.ts rewrites
 * a case's row in the same write transaction that changes any of its records (every case-owned write bumps
 * cases.revision, migration 009), and rewrites every row when `case_facts_meta.version` differs from the facts query's
 * version (after this migration, or after a change of the mapping in code). Until then the report computes the facts
 * from the records as before (same query), so a stale or empty table is never read.
 */
export const sql = `
CREATE TABLE case_facts (
  case_id TEXT PRIMARY KEY REFERENCES cases(id),
  case_number TEXT,
  venue_id TEXT NOT NULL,
  accepted TEXT NOT NULL,
  closed TEXT,
  due_date TEXT,
  workers INTEGER NOT NULL,
  cause TEXT NOT NULL,
  amount_fen INTEGER NOT NULL,
  manner TEXT,
  final_award INTEGER NOT NULL,
  decided INTEGER,
  supported INTEGER,
  rejected INTEGER,
  result TEXT,
  overdue INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX case_facts_accepted ON case_facts(accepted);
CREATE INDEX case_facts_closed ON case_facts(closed);

CREATE TABLE case_facts_meta (one INTEGER PRIMARY KEY CHECK (one = 1), version TEXT);
INSERT INTO case_facts_meta (one, version) VALUES (1, NULL);
`;
