/**
 * 023: performance (履行情况) of an award or mediation statement (调解书) per case (issue 16: the grade signal
 * "awards or agreements not paid"); per-worker claim items of a collective case; the daily grade review's dates.
 *
 * - collective_worker_claims: a roster worker's claim items, each with its amount, as edited on the case page (the
 *   roster import gives one item per worker: its 请求事项 and 欠付金额). collective_workers.claim_items and claimed_fen
 *   stay the worker's summary (the items joined, their total), which the roster list, the results and the annex read.
 * - performance_records (sealed, append-only): each record states, as of a date, whether the employer has paid what the
 *   award or 调解书 orders in full, in part or not at all by the due date, the amount paid, and an application to the
 *   court for enforcement (申请强制执行, 《劳动争议调解仲裁法》第五十一条) with its date. A change is a new record; the
 *   latest record of a case is its current state (src/domain/supervision.ts unpaidInstruments).
 */
/** Sealed like migration 009's tables (the audit chain hashes their rows). */
export const SEALED_TABLES_023: readonly { table: string; key: string[] }[] = [{ table: 'performance_records', key: ['id'] }];

export const sql = `
CREATE TABLE performance_records (
  id TEXT PRIMARY KEY,
  case_id TEXT NOT NULL REFERENCES cases(id),
  instrument TEXT NOT NULL CHECK (instrument IN ('award', 'mediation')),
  due_date TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('paid', 'partial', 'unpaid')),
  as_of TEXT NOT NULL,
  paid_fen INTEGER CHECK (paid_fen IS NULL OR paid_fen >= 0),
  enforcement_date TEXT,
  enforcement_court TEXT,
  note TEXT,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL REFERENCES users(id),
  CHECK (status <> 'partial' OR paid_fen > 0),
  CHECK (status <> 'unpaid' OR COALESCE(paid_fen, 0) = 0),
  CHECK (enforcement_date IS NULL OR status <> 'paid')
);
CREATE INDEX performance_records_case ON performance_records(case_id, as_of);
CREATE TRIGGER performance_records_no_update BEFORE UPDATE ON performance_records BEGIN SELECT RAISE(ABORT, 'performance_records is append-only'); END;
CREATE TRIGGER performance_records_no_delete BEFORE DELETE ON performance_records BEGIN SELECT RAISE(ABORT, 'performance_records is append-only'); END;
CREATE TRIGGER performance_records_no_replace BEFORE INSERT ON performance_records
WHEN EXISTS (SELECT 1 FROM performance_records WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'performance_records: an existing row cannot be replaced'); END;
-- a record belongs to its case: the case's revision moves (migration 009), so the write's change capture names the case
CREATE TRIGGER performance_records_rev_ins AFTER INSERT ON performance_records BEGIN UPDATE cases SET revision = revision + 1 WHERE id = NEW.case_id; END;

CREATE TABLE collective_worker_claims (
  worker_id TEXT NOT NULL REFERENCES collective_workers(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL CHECK (seq >= 1),
  case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  item TEXT NOT NULL,
  amount_fen INTEGER NOT NULL CHECK (amount_fen >= 0),
  PRIMARY KEY (worker_id, seq)
);
CREATE INDEX collective_worker_claims_case ON collective_worker_claims(case_id);
CREATE TRIGGER collective_worker_claims_rev_ins AFTER INSERT ON collective_worker_claims BEGIN UPDATE cases SET revision = revision + 1 WHERE id = NEW.case_id; END;
CREATE TRIGGER collective_worker_claims_rev_del AFTER DELETE ON collective_worker_claims BEGIN UPDATE cases SET revision = revision + 1 WHERE id = OLD.case_id; END;

-- the Beijing dates on which all employers were last reviewed (the daily recompute on first use)
CREATE TABLE grade_review_days (
  day TEXT PRIMARY KEY,
  reviewed INTEGER NOT NULL,
  created_at TEXT NOT NULL
);
`;
