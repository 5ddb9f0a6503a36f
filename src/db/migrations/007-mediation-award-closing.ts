/**
 * 007: mediation (pre-arbitration and within arbitration) with sessions and agreement items; hearing records with
 * appended corrections; a decision per claim item; the award draft; closing. Hearing records and their corrections are
 * append-only; a claim decision is locked once an award carrying it is issued.
 */
export const sql = `
CREATE TABLE mediations (
  id TEXT PRIMARY KEY,
  case_id TEXT REFERENCES cases(id),
  stage TEXT NOT NULL CHECK (stage IN ('pre_arbitration', 'in_arbitration')),
  organisation TEXT NOT NULL,
  applicant_name TEXT,
  respondent_name TEXT,
  worker_count INTEGER NOT NULL DEFAULT 1 CHECK (worker_count >= 1),
  claimed_fen INTEGER CHECK (claimed_fen IS NULL OR claimed_fen >= 0),
  received_date TEXT NOT NULL,
  outcome TEXT NOT NULL DEFAULT 'pending' CHECK (outcome IN ('pending', 'success', 'failure', 'withdrawn')),
  outcome_date TEXT,
  outcome_note TEXT,
  closing TEXT,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL REFERENCES users(id),
  CHECK (stage = 'pre_arbitration' OR case_id IS NOT NULL)
);
CREATE INDEX mediations_case ON mediations(case_id);
CREATE INDEX mediations_received ON mediations(received_date);

CREATE TABLE mediation_sessions (
  id TEXT PRIMARY KEY,
  mediation_id TEXT NOT NULL REFERENCES mediations(id),
  date TEXT NOT NULL,
  mediator TEXT NOT NULL,
  attendees TEXT NOT NULL,
  notes TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL REFERENCES users(id)
);

CREATE TABLE agreement_items (
  id TEXT PRIMARY KEY,
  mediation_id TEXT NOT NULL REFERENCES mediations(id),
  seq INTEGER NOT NULL,
  payer TEXT NOT NULL,
  payee TEXT NOT NULL,
  subject TEXT NOT NULL,
  amount_fen INTEGER CHECK (amount_fen IS NULL OR (amount_fen >= 0 AND typeof(amount_fen) = 'integer')),
  due_date TEXT,
  method TEXT,
  instalments TEXT NOT NULL DEFAULT '[]',
  text TEXT,
  UNIQUE (mediation_id, seq)
);

CREATE TABLE hearing_records (
  id TEXT PRIMARY KEY,
  case_id TEXT NOT NULL REFERENCES cases(id),
  hearing_id TEXT REFERENCES hearings(id),
  record_date TEXT NOT NULL,
  attendees TEXT NOT NULL,
  statements TEXT NOT NULL,
  evidence TEXT NOT NULL,
  questions TEXT NOT NULL,
  final_statements TEXT NOT NULL,
  mediation_attempt TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL REFERENCES users(id)
);
CREATE TABLE hearing_record_corrections (
  id TEXT PRIMARY KEY,
  record_id TEXT NOT NULL REFERENCES hearing_records(id),
  requested_by TEXT NOT NULL,
  text TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL REFERENCES users(id)
);
CREATE TRIGGER hearing_records_append_only BEFORE UPDATE ON hearing_records BEGIN SELECT RAISE(ABORT, 'hearing records are append-only: add a correction'); END;
CREATE TRIGGER hearing_records_no_delete BEFORE DELETE ON hearing_records BEGIN SELECT RAISE(ABORT, 'hearing records cannot be deleted'); END;
CREATE TRIGGER hearing_corrections_append_only BEFORE UPDATE ON hearing_record_corrections BEGIN SELECT RAISE(ABORT, 'corrections are append-only'); END;
CREATE TRIGGER hearing_corrections_no_delete BEFORE DELETE ON hearing_record_corrections BEGIN SELECT RAISE(ABORT, 'corrections cannot be deleted'); END;

CREATE TABLE claim_decisions (
  claim_id TEXT PRIMARY KEY REFERENCES claims(id),
  case_id TEXT NOT NULL REFERENCES cases(id),
  result TEXT NOT NULL CHECK (result IN ('supported', 'partly', 'rejected', 'withdrawn')),
  amount_fen INTEGER CHECK (amount_fen IS NULL OR (amount_fen >= 0 AND typeof(amount_fen) = 'integer')),
  order_text TEXT NOT NULL,
  reasoning TEXT NOT NULL,
  articles TEXT NOT NULL,
  finality_type TEXT NOT NULL,
  provisional_execution INTEGER NOT NULL DEFAULT 0,
  decided_date TEXT NOT NULL,
  locked_by TEXT REFERENCES case_documents(id),
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL REFERENCES users(id)
);
CREATE INDEX claim_decisions_case ON claim_decisions(case_id);
CREATE TRIGGER claim_decisions_locked BEFORE UPDATE ON claim_decisions WHEN OLD.locked_by IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'the decision is part of an issued award'); END;
CREATE TRIGGER claim_decisions_locked_delete BEFORE DELETE ON claim_decisions WHEN OLD.locked_by IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'the decision is part of an issued award'); END;

CREATE TABLE award_drafts (
  case_id TEXT PRIMARY KEY REFERENCES cases(id),
  procedure TEXT NOT NULL CHECK (procedure IN ('simple', 'ordinary')),
  appearance TEXT NOT NULL,
  applicant_statement TEXT NOT NULL,
  respondent_defence TEXT NOT NULL,
  facts_found TEXT NOT NULL,
  reasoning TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL REFERENCES users(id)
);

CREATE TABLE case_closures (
  case_id TEXT PRIMARY KEY REFERENCES cases(id),
  method TEXT NOT NULL,
  closed_date TEXT NOT NULL,
  due_date TEXT NOT NULL,
  overrun_reason TEXT,
  note TEXT,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL REFERENCES users(id)
);
CREATE TRIGGER case_closures_no_update BEFORE UPDATE ON case_closures BEGIN SELECT RAISE(ABORT, 'a closing is final'); END;
`;
