/** 003: tribunal composition and recusal, hearing rooms and hearings, the document register and service records. */
export const sql = `
CREATE TABLE rooms (
  id TEXT PRIMARY KEY,
  venue_id TEXT NOT NULL REFERENCES venues(id),
  name TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL REFERENCES users(id),
  UNIQUE (venue_id, name)
);
INSERT INTO rooms (id, venue_id, name, created_at, created_by) VALUES
  ('0000000000000000000000000000a001', '0000000000000000000000000000c001', '第一仲裁庭', '1970-01-01T00:00:00.000Z', '00000000000000000000000000000000'),
  ('0000000000000000000000000000a002', '0000000000000000000000000000c001', '第二仲裁庭', '1970-01-01T00:00:00.000Z', '00000000000000000000000000000000');

CREATE TABLE case_tribunals (
  case_id TEXT PRIMARY KEY REFERENCES cases(id),
  mode TEXT NOT NULL CHECK (mode IN ('sole', 'panel')),
  presiding_id TEXT NOT NULL REFERENCES users(id),
  member2_id TEXT REFERENCES users(id),
  member3_id TEXT REFERENCES users(id),
  clerk_id TEXT NOT NULL REFERENCES users(id),
  composed_date TEXT NOT NULL,
  reason TEXT,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL REFERENCES users(id),
  CHECK ((mode = 'sole') = (member2_id IS NULL AND member3_id IS NULL))
);

CREATE TABLE case_recusals (
  id TEXT PRIMARY KEY,
  case_id TEXT NOT NULL REFERENCES cases(id),
  user_id TEXT NOT NULL REFERENCES users(id),
  decided_date TEXT NOT NULL,
  reason TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL REFERENCES users(id),
  UNIQUE (case_id, user_id)
);

CREATE TABLE hearings (
  id TEXT PRIMARY KEY,
  case_id TEXT NOT NULL REFERENCES cases(id),
  date TEXT NOT NULL,
  start_time TEXT NOT NULL,
  end_time TEXT NOT NULL,
  room_id TEXT NOT NULL REFERENCES rooms(id),
  status TEXT NOT NULL CHECK (status IN ('scheduled', 'held', 'moved', 'cancelled')),
  outcome TEXT,
  outcome_note TEXT,
  moved_to TEXT REFERENCES hearings(id),
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL REFERENCES users(id),
  CHECK (end_time > start_time)
);
CREATE INDEX hearings_date ON hearings(date, status);
CREATE INDEX hearings_case ON hearings(case_id);

CREATE TABLE case_documents (
  id TEXT PRIMARY KEY,
  case_id TEXT NOT NULL REFERENCES cases(id),
  kind TEXT NOT NULL,
  title TEXT NOT NULL,
  issued_date TEXT NOT NULL,
  hearing_id TEXT REFERENCES hearings(id),
  superseded_by TEXT REFERENCES case_documents(id),
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL REFERENCES users(id)
);
CREATE INDEX case_documents_case ON case_documents(case_id);

CREATE TABLE service_records (
  id TEXT PRIMARY KEY,
  document_id TEXT NOT NULL REFERENCES case_documents(id),
  party_id TEXT NOT NULL REFERENCES parties(id),
  method TEXT NOT NULL,
  sent_date TEXT NOT NULL,
  receipt_date TEXT,
  served_date TEXT NOT NULL,
  consent TEXT,
  witnesses TEXT,
  recorded INTEGER NOT NULL DEFAULT 0,
  special_leaving INTEGER NOT NULL DEFAULT 0,
  note TEXT,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL REFERENCES users(id)
);
CREATE INDEX service_records_document ON service_records(document_id);
`;
