/**
 * 017: collective cases done properly (issue 16 item 6).
 * - collective_workers: the roster of a collective case (10 to 1,000 workers, LDMAL Art 7; Rules Art 62), one row per
 *   worker with the claim items and amount owed. Workers are NOT parties: the parties named on the documents stay in
 *   `parties`; the roster is its own table, listed a page at a time (docs/decisions.md).
 * - collective_representatives: the 3 to 5 elected representatives (Rules Art 63) and their authorisation.
 * - collective_results: per-worker results for the award ('award') and for a mediation agreement ('mediation').
 * - case_worker_counts: redefined so the statistics count roster workers where a case has a roster, else applicant
 *   person parties (the view itself is created by migration 015).
 */
const bump = (expr: string) => `UPDATE cases SET revision = revision + 1 WHERE id = ${expr};`;
const revision = (table: string) => `
CREATE TRIGGER ${table}_rev_ins AFTER INSERT ON ${table} BEGIN ${bump('NEW.case_id')} END;
CREATE TRIGGER ${table}_rev_upd AFTER UPDATE ON ${table} BEGIN ${bump('OLD.case_id')} ${bump('NEW.case_id')} END;
CREATE TRIGGER ${table}_rev_del AFTER DELETE ON ${table} BEGIN ${bump('OLD.case_id')} END;`;

export const sql = `
CREATE TABLE collective_workers (
  id TEXT PRIMARY KEY,
  case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL CHECK (seq >= 1),
  name TEXT NOT NULL,
  id_number TEXT NOT NULL,
  phone TEXT,
  job TEXT,
  period TEXT,
  claim_items TEXT NOT NULL,
  claimed_fen INTEGER NOT NULL CHECK (claimed_fen >= 0),
  created_at TEXT NOT NULL,
  created_by TEXT REFERENCES users(id),
  UNIQUE (case_id, seq),
  UNIQUE (case_id, id_number)
);
CREATE INDEX collective_workers_id_number ON collective_workers(id_number);

CREATE TABLE collective_representatives (
  worker_id TEXT PRIMARY KEY REFERENCES collective_workers(id) ON DELETE CASCADE,
  case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  elected_date TEXT NOT NULL,
  authorisation TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT REFERENCES users(id)
);
CREATE INDEX collective_representatives_case ON collective_representatives(case_id);

CREATE TABLE collective_results (
  worker_id TEXT NOT NULL REFERENCES collective_workers(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('award', 'mediation')),
  case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  mediation_id TEXT REFERENCES mediations(id),
  items TEXT NOT NULL,
  amount_fen INTEGER NOT NULL CHECK (amount_fen >= 0),
  updated_at TEXT NOT NULL,
  updated_by TEXT REFERENCES users(id),
  PRIMARY KEY (worker_id, kind),
  CHECK ((kind = 'mediation') = (mediation_id IS NOT NULL))
);
CREATE INDEX collective_results_case ON collective_results(case_id, kind);
${revision('collective_workers')}
${revision('collective_representatives')}
${revision('collective_results')}

DROP VIEW IF EXISTS case_worker_counts;
CREATE VIEW case_worker_counts (case_id, workers) AS
SELECT c.id,
  CASE WHEN EXISTS (SELECT 1 FROM collective_workers w WHERE w.case_id = c.id)
    THEN (SELECT COUNT(*) FROM collective_workers w WHERE w.case_id = c.id)
    ELSE (SELECT COUNT(*) FROM parties p WHERE p.case_id = c.id AND p.role = 'applicant' AND p.kind = 'person')
  END
FROM cases c;
`;
