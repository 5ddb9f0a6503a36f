import shipped from '../../../resources/data/holiday-calendar.json' with { type: 'json' };

/** 002: the working-day calendar (seeded with the shipped 2025 and 2026 schedules), case suspensions and extensions. */
const q = (s: string) => `'${s.replace(/'/g, "''")}'`;
const seed = shipped.years
  .map((y) => `INSERT INTO calendar_years (year, notice, published, source, data, updated_at, updated_by) VALUES (${y.year}, ${q(y.notice)}, ${q(y.published)}, ${q(y.source)}, ${q(JSON.stringify({ rest: y.rest, work: y.work }))}, '1970-01-01T00:00:00.000Z', '00000000000000000000000000000000');`)
  .join('\n');

export const sql = `
CREATE TABLE calendar_years (
  year INTEGER PRIMARY KEY,
  notice TEXT NOT NULL,
  published TEXT NOT NULL,
  source TEXT NOT NULL,
  -- {"rest": [[from, to], ...], "work": [date, ...]}
  data TEXT NOT NULL CHECK (json_valid(data)),
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL REFERENCES users(id)
);
${seed}

CREATE TABLE case_suspensions (
  id TEXT PRIMARY KEY,
  case_id TEXT NOT NULL REFERENCES cases(id),
  start_date TEXT NOT NULL,
  -- The day the case resumed; the suspended days are start_date .. resume_date - 1.
  resume_date TEXT,
  reason TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL REFERENCES users(id),
  CHECK (resume_date IS NULL OR resume_date > start_date)
);
CREATE INDEX case_suspensions_case ON case_suspensions(case_id);
CREATE UNIQUE INDEX case_suspensions_one_open ON case_suspensions(case_id) WHERE resume_date IS NULL;

CREATE TABLE case_extensions (
  id TEXT PRIMARY KEY,
  case_id TEXT NOT NULL REFERENCES cases(id),
  days INTEGER NOT NULL CHECK (days BETWEEN 1 AND 15),
  approved_by TEXT NOT NULL,
  approval_date TEXT NOT NULL,
  reason TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL REFERENCES users(id)
);
CREATE INDEX case_extensions_case ON case_extensions(case_id);
`;
