/**
 * 015: statistics and the history ledger (issue 15).
 *
 * - `case_worker_counts(case_id, workers)`: THE place that counts the workers of a case (applicant person parties).
 *   Every statistic counts workers through this view only; the collective-cases work replaces it to count roster workers.
 * - `ledger_records`: one row per record brought in by the ledger import (台账导入), keyed by a stable key (the case
 *   number, the mediation's or consultation's ledger number) with the hash of the imported row, so that importing the same
 *   rows again changes nothing. Writing it last seals the imported record: the triggers below refuse every later change to
 *   an imported case, its parties, claims, decisions and closing, and to an imported mediation (历史导入，只读).
 * - `satisfaction_surveys`: one answer per case (at closing) or per consultation: 满意 / 基本满意 / 不满意 with optional reasons.
 */

/** Sealed like the tables of migration 009 (append-only, REPLACE refused); the audit chain hashes their rows. */
export const SEALED_TABLES_015: readonly { table: string; key: string[] }[] = [
  { table: 'ledger_records', key: ['key'] },
  { table: 'satisfaction_surveys', key: ['id'] },
];

const sealed = SEALED_TABLES_015.map(({ table, key }) => `
CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table} BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END;
CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table} BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END;
CREATE TRIGGER ${table}_no_replace BEFORE INSERT ON ${table}
WHEN EXISTS (SELECT 1 FROM ${table} WHERE ${key.map((k) => `${k} = NEW.${k}`).join(' AND ')})
BEGIN SELECT RAISE(ABORT, '${table}: an existing row cannot be replaced'); END;`).join('\n');

const imported = (expr: string) => `EXISTS (SELECT 1 FROM ledger_records WHERE record_id = ${expr})`;
const READ_ONLY = "'历史导入的记录为只读'";

/** Tables of a case whose rows are refused once the case is an imported one. */
const CASE_CHILDREN = ['parties', 'claims', 'evidence', 'claim_decisions', 'case_closures', 'hearings', 'case_documents', 'case_tribunals',
  'case_suspensions', 'case_extensions', 'award_drafts', 'hearing_records', 'party_corrections', 'case_paper_reviews'];

const readOnly = [
  ...CASE_CHILDREN.map((t) => `
CREATE TRIGGER ${t}_ledger_ins BEFORE INSERT ON ${t} WHEN ${imported('NEW.case_id')} BEGIN SELECT RAISE(ABORT, ${READ_ONLY}); END;
CREATE TRIGGER ${t}_ledger_upd BEFORE UPDATE ON ${t} WHEN ${imported('OLD.case_id')} BEGIN SELECT RAISE(ABORT, ${READ_ONLY}); END;
CREATE TRIGGER ${t}_ledger_del BEFORE DELETE ON ${t} WHEN ${imported('OLD.case_id')} BEGIN SELECT RAISE(ABORT, ${READ_ONLY}); END;`),
  `
CREATE TRIGGER cases_ledger_upd BEFORE UPDATE ON cases WHEN ${imported('OLD.id')} BEGIN SELECT RAISE(ABORT, ${READ_ONLY}); END;
CREATE TRIGGER cases_ledger_del BEFORE DELETE ON cases WHEN ${imported('OLD.id')} BEGIN SELECT RAISE(ABORT, ${READ_ONLY}); END;
CREATE TRIGGER mediations_ledger_upd BEFORE UPDATE ON mediations WHEN ${imported('OLD.id')} BEGIN SELECT RAISE(ABORT, ${READ_ONLY}); END;
CREATE TRIGGER mediations_ledger_del BEFORE DELETE ON mediations WHEN ${imported('OLD.id')} BEGIN SELECT RAISE(ABORT, ${READ_ONLY}); END;
CREATE TRIGGER mediation_sessions_ledger_ins BEFORE INSERT ON mediation_sessions WHEN ${imported('NEW.mediation_id')} BEGIN SELECT RAISE(ABORT, ${READ_ONLY}); END;
CREATE TRIGGER agreement_items_ledger_ins BEFORE INSERT ON agreement_items WHEN ${imported('NEW.mediation_id')} BEGIN SELECT RAISE(ABORT, ${READ_ONLY}); END;
CREATE TRIGGER consultations_ledger_upd BEFORE UPDATE ON consultations WHEN ${imported('OLD.id')} BEGIN SELECT RAISE(ABORT, ${READ_ONLY}); END;
CREATE TRIGGER consultations_ledger_del BEFORE DELETE ON consultations WHEN ${imported('OLD.id')} BEGIN SELECT RAISE(ABORT, ${READ_ONLY}); END;`,
].join('\n');

export const sql = `
CREATE VIEW case_worker_counts AS
SELECT c.id AS case_id,
  (SELECT COUNT(*) FROM parties p WHERE p.case_id = c.id AND p.role = 'applicant' AND p.kind = 'person') AS workers
FROM cases c;

CREATE TABLE ledger_records (
  key TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('case', 'mediation', 'consultation')),
  record_id TEXT NOT NULL UNIQUE,
  row_hash TEXT NOT NULL,
  final_award INTEGER CHECK (final_award IS NULL OR final_award IN (0, 1)),
  awarded_fen INTEGER CHECK (awarded_fen IS NULL OR (awarded_fen >= 0 AND typeof(awarded_fen) = 'integer')),
  source_file TEXT NOT NULL,
  source_row INTEGER NOT NULL,
  imported_at TEXT NOT NULL,
  imported_by TEXT NOT NULL REFERENCES users(id)
);

CREATE TABLE satisfaction_surveys (
  id TEXT PRIMARY KEY,
  case_id TEXT UNIQUE REFERENCES cases(id),
  consultation_id TEXT UNIQUE REFERENCES consultations(id),
  rating TEXT NOT NULL CHECK (rating IN ('satisfied', 'basic', 'unsatisfied')),
  reasons TEXT NOT NULL DEFAULT '[]',
  entered_by TEXT NOT NULL CHECK (entered_by IN ('staff', 'party', 'ledger')),
  surveyed_date TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL REFERENCES users(id),
  CHECK ((case_id IS NULL) <> (consultation_id IS NULL))
);
CREATE INDEX satisfaction_surveys_date ON satisfaction_surveys(surveyed_date);
${sealed}
${readOnly}
CREATE INDEX IF NOT EXISTS case_closures_closed ON case_closures(closed_date);
CREATE INDEX IF NOT EXISTS cases_acceptance ON cases(acceptance_date) WHERE status = 'accepted';
`;
