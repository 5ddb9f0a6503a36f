/** 001: users, settings, venues, cases with parties, claims, evidence, the case-number sequence, timeline and audit log. */
export const sql = `
CREATE TABLE users (
  id TEXT PRIMARY KEY,
  username TEXT NOT NULL UNIQUE COLLATE NOCASE,
  display_name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('arbitrator','clerk','lawyer','window','admin')),
  password_hash TEXT,
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0,1)),
  created_at TEXT NOT NULL,
  created_by TEXT REFERENCES users(id),
  updated_at TEXT NOT NULL,
  updated_by TEXT REFERENCES users(id)
);
-- The actor for writes made by the desk CLI and migrations; it has no password and cannot log in.
INSERT INTO users (id, username, display_name, role, password_hash, active, created_at, updated_at)
VALUES ('00000000000000000000000000000000', 'system', '系统（命令行）', 'admin', NULL, 0, '1970-01-01T00:00:00.000Z', '1970-01-01T00:00:00.000Z');

CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL REFERENCES users(id)
);

CREATE TABLE venues (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL CHECK (kind IN ('commission','circuit')),
  address TEXT,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL REFERENCES users(id)
);
INSERT INTO venues (id, name, kind, address, created_at, created_by)
VALUES ('0000000000000000000000000000c001', '仲裁委员会（本部）', 'commission', NULL, '1970-01-01T00:00:00.000Z', '00000000000000000000000000000000');

CREATE TABLE case_number_seq (
  year INTEGER PRIMARY KEY,
  last INTEGER NOT NULL CHECK (last >= 0)
);

CREATE TABLE cases (
  id TEXT PRIMARY KEY,
  status TEXT NOT NULL CHECK (status IN ('draft','accepted','not_accepted','discarded')),
  case_number TEXT UNIQUE,
  case_year INTEGER,
  case_seq INTEGER,
  venue_id TEXT NOT NULL REFERENCES venues(id),
  received_date TEXT NOT NULL,
  acceptance_date TEXT,
  cause TEXT,
  collective INTEGER NOT NULL DEFAULT 0 CHECK (collective IN (0,1)),
  worker_count INTEGER,
  group_flags TEXT NOT NULL DEFAULT '[]',
  note TEXT,
  non_acceptance_date TEXT,
  non_acceptance_reason TEXT,
  non_acceptance_text TEXT,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL REFERENCES users(id),
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL REFERENCES users(id),
  UNIQUE (case_year, case_seq),
  CHECK ((status = 'accepted') = (case_number IS NOT NULL)),
  CHECK (status <> 'accepted' OR acceptance_date IS NOT NULL),
  CHECK (status <> 'not_accepted' OR non_acceptance_reason IS NOT NULL)
);
CREATE INDEX cases_status ON cases(status, venue_id);
CREATE INDEX cases_updated ON cases(updated_at);

CREATE TABLE parties (
  id TEXT PRIMARY KEY,
  case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  role TEXT NOT NULL CHECK (role IN ('applicant','respondent','third_party')),
  seq INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('person','org')),
  name TEXT NOT NULL,
  sex TEXT,
  birth_date TEXT,
  ethnicity TEXT,
  id_type TEXT,
  id_number TEXT,
  credit_code TEXT,
  domicile TEXT,
  service_address TEXT,
  phone TEXT,
  representative_name TEXT,
  representative_title TEXT,
  representative_kind TEXT,
  is_representative INTEGER NOT NULL DEFAULT 0,
  UNIQUE (case_id, role, seq)
);
CREATE INDEX parties_case ON parties(case_id);
CREATE INDEX parties_id_number ON parties(id_number) WHERE id_number IS NOT NULL;
CREATE INDEX parties_credit_code ON parties(credit_code) WHERE credit_code IS NOT NULL;
CREATE INDEX parties_name ON parties(name);

CREATE TABLE agents (
  id TEXT PRIMARY KEY,
  party_id TEXT NOT NULL REFERENCES parties(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  organisation TEXT,
  phone TEXT
);
CREATE INDEX agents_party ON agents(party_id);

CREATE TABLE claims (
  id TEXT PRIMARY KEY,
  case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  type TEXT NOT NULL,
  amount_fen INTEGER CHECK (amount_fen IS NULL OR (amount_fen >= 0 AND typeof(amount_fen) = 'integer')),
  period_start TEXT,
  period_end TEXT,
  text TEXT NOT NULL,
  facts TEXT,
  basis TEXT,
  UNIQUE (case_id, seq)
);

CREATE TABLE evidence (
  id TEXT PRIMARY KEY,
  case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  name TEXT NOT NULL,
  source TEXT,
  purpose TEXT,
  copies INTEGER NOT NULL DEFAULT 1,
  UNIQUE (case_id, seq)
);

-- Append-only: the timeline and the audit log refuse UPDATE and DELETE.
CREATE TABLE case_events (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  case_id TEXT NOT NULL REFERENCES cases(id),
  at TEXT NOT NULL,
  kind TEXT NOT NULL,
  summary TEXT NOT NULL,
  data TEXT,
  actor_id TEXT NOT NULL REFERENCES users(id),
  actor_name TEXT NOT NULL
);
CREATE INDEX case_events_case ON case_events(case_id, id);
CREATE TRIGGER case_events_no_update BEFORE UPDATE ON case_events BEGIN SELECT RAISE(ABORT, 'case_events is append-only'); END;
CREATE TRIGGER case_events_no_delete BEFORE DELETE ON case_events BEGIN SELECT RAISE(ABORT, 'case_events is append-only'); END;

CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL,
  actor_id TEXT NOT NULL REFERENCES users(id),
  actor_name TEXT NOT NULL,
  action TEXT NOT NULL,
  target TEXT,
  detail TEXT
);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
`;
