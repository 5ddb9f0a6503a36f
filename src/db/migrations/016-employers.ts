/**
 * 016: the employer register and employer supervision (issue 16 items 1–5).
 *
 * - employers: one record per unified social credit code (or per name where there is none), with aliases, sector,
 *   industry, town/street, size and contacts. A merged duplicate keeps its row and points at the survivor
 *   (merged_into); nothing is deleted.
 * - parties.employer_id (org parties), consultations.employer_id and mediations.employer_id link the records to it;
 *   the view case_employers gives the employer of a case: the one of its first respondent org party, resolved through
 *   merged_into to the surviving record.
 * - Backfill: employers from existing org parties (by credit code, else exact name) and consultations.
 * - dated_settings: rules held as data with the date from which they apply and their basis (towns/streets, grade rules,
 *   warning rules, blacklist periods). Append-only: a change is a new row with a later valid_from.
 * - employer_grades (sealed): every grade computed or overridden, with its reasons.
 * - inspections, inspection_findings: visits, findings (隐患), orders to rectify with a deadline, confirmation.
 * - warnings, warning_notes (sealed), warning_bulletins (sealed; numbered per year, never reused).
 * - blacklist_entries and blacklist_steps (sealed): the 欠薪失信名单 procedure, each step with its date and document.
 */

/** Tables of this migration whose rows never change once written (sealed like migration 009's). */
export const SEALED_TABLES_016: readonly { table: string; key: string[] }[] = [
  { table: 'dated_settings', key: ['id'] },
  { table: 'employer_grades', key: ['id'] },
  { table: 'employer_merges', key: ['id'] },
  { table: 'warning_notes', key: ['id'] },
  { table: 'warning_bulletins', key: ['id'] },
  { table: 'blacklist_steps', key: ['id'] },
];

const seal = (table: string, key: string[]) => `
CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table} BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END;
CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table} BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END;
CREATE TRIGGER ${table}_no_replace BEFORE INSERT ON ${table}
WHEN EXISTS (SELECT 1 FROM ${table} WHERE ${key.map((k) => `${k} = NEW.${k}`).join(' AND ')})
BEGIN SELECT RAISE(ABORT, '${table}: an existing row cannot be replaced'); END;`;

/** A 32-hex id like services/context.ts newId(), for rows the backfill creates. */
const HEX_ID = 'lower(hex(randomblob(16)))';
const NOW = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')";

export const sql = `
CREATE TABLE employers (
  id TEXT PRIMARY KEY,
  credit_code TEXT UNIQUE,
  name TEXT NOT NULL,
  sector TEXT CHECK (sector IS NULL OR sector IN ('construction','other')),
  industry TEXT,
  town TEXT,
  size TEXT,
  contact_name TEXT,
  contact_phone TEXT,
  address TEXT,
  merged_into TEXT REFERENCES employers(id),
  merged_at TEXT,
  created_at TEXT NOT NULL,
  created_by TEXT REFERENCES users(id),
  updated_at TEXT,
  updated_by TEXT REFERENCES users(id),
  CHECK (merged_into IS NULL OR merged_into <> id)
);
CREATE INDEX employers_name ON employers(name);

CREATE TABLE employer_aliases (
  employer_id TEXT NOT NULL REFERENCES employers(id),
  alias TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (employer_id, alias)
);
CREATE INDEX employer_aliases_alias ON employer_aliases(alias);

CREATE TABLE employer_merges (
  id TEXT PRIMARY KEY,
  from_id TEXT NOT NULL REFERENCES employers(id),
  into_id TEXT NOT NULL REFERENCES employers(id),
  reason TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL REFERENCES users(id)
);
${seal('employer_merges', ['id'])}

ALTER TABLE parties ADD COLUMN employer_id TEXT REFERENCES employers(id);
ALTER TABLE consultations ADD COLUMN employer_id TEXT REFERENCES employers(id);
ALTER TABLE mediations ADD COLUMN employer_id TEXT REFERENCES employers(id);
CREATE INDEX parties_employer ON parties(employer_id) WHERE employer_id IS NOT NULL;
CREATE INDEX consultations_employer ON consultations(employer_id) WHERE employer_id IS NOT NULL;
CREATE INDEX mediations_employer ON mediations(employer_id) WHERE employer_id IS NOT NULL;

-- Backfill: one employer per credit code (named as its earliest party), then one per exact name without a code.
INSERT INTO employers (id, credit_code, name, created_at)
  SELECT ${HEX_ID}, credit_code, name, ${NOW} FROM (
    SELECT p.credit_code, p.name, ROW_NUMBER() OVER (PARTITION BY p.credit_code ORDER BY k.created_at, p.seq) AS n
    FROM parties p JOIN cases k ON k.id = p.case_id WHERE p.kind = 'org' AND p.credit_code IS NOT NULL AND trim(p.credit_code) <> ''
  ) WHERE n = 1;
INSERT INTO employers (id, credit_code, name, created_at)
  SELECT ${HEX_ID}, employer_credit_code, employer_name, ${NOW} FROM (
    SELECT employer_credit_code, employer_name, ROW_NUMBER() OVER (PARTITION BY employer_credit_code ORDER BY arrived_at) AS n
    FROM consultations WHERE employer_credit_code IS NOT NULL AND trim(employer_credit_code) <> '' AND employer_name IS NOT NULL AND trim(employer_name) <> ''
  ) WHERE n = 1 AND employer_credit_code NOT IN (SELECT credit_code FROM employers WHERE credit_code IS NOT NULL);
INSERT INTO employers (id, credit_code, name, created_at)
  SELECT ${HEX_ID}, NULL, name, ${NOW} FROM (
    SELECT name FROM parties WHERE kind = 'org' AND (credit_code IS NULL OR trim(credit_code) = '')
    UNION
    SELECT employer_name FROM consultations WHERE (employer_credit_code IS NULL OR trim(employer_credit_code) = '') AND employer_name IS NOT NULL AND trim(employer_name) <> ''
  ) WHERE name NOT IN (SELECT name FROM employers);
UPDATE parties SET employer_id = COALESCE(
    (SELECT e.id FROM employers e WHERE e.credit_code = parties.credit_code),
    (SELECT e.id FROM employers e WHERE e.name = parties.name ORDER BY e.credit_code IS NOT NULL, e.created_at LIMIT 1))
  WHERE kind = 'org';
UPDATE consultations SET employer_id = COALESCE(
    (SELECT e.id FROM employers e WHERE e.credit_code = consultations.employer_credit_code),
    (SELECT e.id FROM employers e WHERE e.name = consultations.employer_name ORDER BY e.credit_code IS NOT NULL, e.created_at LIMIT 1))
  WHERE employer_name IS NOT NULL AND trim(employer_name) <> '';
INSERT OR IGNORE INTO employer_aliases (employer_id, alias, created_at)
  SELECT employer_id, trim(employer_alias), ${NOW} FROM consultations
  WHERE employer_id IS NOT NULL AND employer_alias IS NOT NULL AND trim(employer_alias) <> '';
UPDATE mediations SET employer_id = (SELECT e.id FROM employers e WHERE e.name = mediations.respondent_name ORDER BY e.credit_code IS NOT NULL, e.created_at LIMIT 1)
  WHERE respondent_name IS NOT NULL;

-- The employer of a case: its first respondent org party's employer, followed through merges to the survivor.
CREATE VIEW case_employers AS
WITH RECURSIVE first_resp AS (
  SELECT p.case_id, p.employer_id FROM parties p
  WHERE p.role = 'respondent' AND p.kind = 'org' AND p.employer_id IS NOT NULL
    AND p.seq = (SELECT MIN(q.seq) FROM parties q WHERE q.case_id = p.case_id AND q.role = 'respondent' AND q.kind = 'org')
),
chain(case_id, employer_id, depth) AS (
  SELECT case_id, employer_id, 0 FROM first_resp
  UNION ALL
  SELECT c.case_id, e.merged_into, c.depth + 1 FROM chain c JOIN employers e ON e.id = c.employer_id
  WHERE e.merged_into IS NOT NULL AND c.depth < 32
)
SELECT c.case_id, c.employer_id, e.sector FROM chain c JOIN employers e ON e.id = c.employer_id WHERE e.merged_into IS NULL;

-- The surviving record of every employer (itself when not merged).
CREATE VIEW employer_survivors AS
WITH RECURSIVE chain(id, survivor, depth) AS (
  SELECT id, id, 0 FROM employers
  UNION ALL
  SELECT c.id, e.merged_into, c.depth + 1 FROM chain c JOIN employers e ON e.id = c.survivor WHERE e.merged_into IS NOT NULL AND c.depth < 32
)
SELECT c.id, c.survivor FROM chain c JOIN employers e ON e.id = c.survivor WHERE e.merged_into IS NULL;

CREATE TABLE dated_settings (
  id TEXT PRIMARY KEY,
  key TEXT NOT NULL,
  valid_from TEXT NOT NULL,
  value TEXT NOT NULL,
  basis TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT REFERENCES users(id)
);
CREATE INDEX dated_settings_key ON dated_settings(key, valid_from);
${seal('dated_settings', ['id'])}

CREATE TABLE employer_grades (
  id TEXT PRIMARY KEY,
  employer_id TEXT NOT NULL REFERENCES employers(id),
  grade TEXT NOT NULL CHECK (grade IN ('general','key','hazard')),
  source TEXT NOT NULL CHECK (source IN ('rule','override')),
  reasons TEXT NOT NULL,
  rule_from TEXT,
  override_reason TEXT,
  decided_date TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT REFERENCES users(id),
  CHECK (source = 'rule' OR override_reason IS NOT NULL)
);
CREATE INDEX employer_grades_employer ON employer_grades(employer_id, created_at);
${seal('employer_grades', ['id'])}

CREATE TABLE inspections (
  id TEXT PRIMARY KEY,
  employer_id TEXT NOT NULL REFERENCES employers(id),
  visit_date TEXT NOT NULL,
  inspectors TEXT NOT NULL,
  summary TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL REFERENCES users(id)
);
CREATE INDEX inspections_employer ON inspections(employer_id, visit_date);
CREATE INDEX inspections_date ON inspections(visit_date);

CREATE TABLE inspection_findings (
  id TEXT PRIMARY KEY,
  inspection_id TEXT NOT NULL REFERENCES inspections(id),
  employer_id TEXT NOT NULL REFERENCES employers(id),
  description TEXT NOT NULL,
  order_date TEXT,
  deadline TEXT,
  rectified_date TEXT,
  rectified_note TEXT,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL REFERENCES users(id),
  CHECK (deadline IS NULL OR order_date IS NOT NULL),
  CHECK (rectified_date IS NULL OR order_date IS NOT NULL)
);
CREATE INDEX inspection_findings_employer ON inspection_findings(employer_id);

CREATE TABLE warnings (
  id TEXT PRIMARY KEY,
  employer_id TEXT NOT NULL REFERENCES employers(id),
  rule TEXT NOT NULL,
  raised_date TEXT NOT NULL,
  signals TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','assigned','closed')),
  assignee_id TEXT REFERENCES users(id),
  outcome TEXT,
  closed_date TEXT,
  bulletin_id TEXT REFERENCES warning_bulletins(id),
  created_at TEXT NOT NULL,
  created_by TEXT REFERENCES users(id),
  CHECK (status <> 'closed' OR (outcome IS NOT NULL AND closed_date IS NOT NULL))
);
CREATE INDEX warnings_employer ON warnings(employer_id, rule, raised_date);
CREATE INDEX warnings_status ON warnings(status);

CREATE TABLE warning_notes (
  id TEXT PRIMARY KEY,
  warning_id TEXT NOT NULL REFERENCES warnings(id),
  kind TEXT NOT NULL,
  note TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT REFERENCES users(id)
);
CREATE INDEX warning_notes_warning ON warning_notes(warning_id, created_at);
${seal('warning_notes', ['id'])}

CREATE TABLE warning_bulletins (
  id TEXT PRIMARY KEY,
  year INTEGER NOT NULL,
  seq INTEGER NOT NULL CHECK (seq >= 1),
  issued_date TEXT NOT NULL,
  content TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL REFERENCES users(id),
  UNIQUE (year, seq)
);
${seal('warning_bulletins', ['id'])}

CREATE TABLE blacklist_entries (
  id TEXT PRIMARY KEY,
  employer_id TEXT NOT NULL REFERENCES employers(id),
  status TEXT NOT NULL CHECK (status IN ('noticed','listed','removed','dropped')),
  grounds TEXT NOT NULL,
  arrears_fen INTEGER CHECK (arrears_fen IS NULL OR arrears_fen >= 0),
  workers INTEGER,
  responsible_persons TEXT,
  notice_date TEXT NOT NULL,
  statement_deadline TEXT NOT NULL,
  decision_date TEXT,
  publication_date TEXT,
  period_end TEXT,
  removal_date TEXT,
  removal_reason TEXT,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL REFERENCES users(id),
  updated_at TEXT NOT NULL
);
CREATE INDEX blacklist_employer ON blacklist_entries(employer_id, status);

CREATE TABLE blacklist_steps (
  id TEXT PRIMARY KEY,
  entry_id TEXT NOT NULL REFERENCES blacklist_entries(id),
  step TEXT NOT NULL,
  step_date TEXT NOT NULL,
  note TEXT,
  document_id TEXT,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL REFERENCES users(id)
);
CREATE INDEX blacklist_steps_entry ON blacklist_steps(entry_id, created_at);
${seal('blacklist_steps', ['id'])}
`;
