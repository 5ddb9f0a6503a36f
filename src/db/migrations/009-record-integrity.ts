/**
 * 009: a record that cannot be quietly rewritten.
 *
 * - Append-only and sealed tables also refuse an INSERT whose key already exists. SQLite fires no DELETE trigger for the
 *   row that INSERT OR REPLACE removes (unless recursive_triggers is on in the writer's connection, which an attacker's
 *   client need not set), so UPDATE/DELETE triggers alone let REPLACE rewrite a row. A BEFORE INSERT trigger runs before
 *   conflict resolution, whatever the statement's conflict clause, so REPLACE and UPSERT are refused too.
 * - case_closures gets its missing delete trigger.
 * - cases.revision: every write to a row that belongs to a case increments it (triggers, so no code path can forget);
 *   operations that render outside the transaction commit only if the revision they rendered from is unchanged.
 * - The audit log becomes a hash chain (see src/db/audit-chain.ts): each entry carries the operation, the actor (and for
 *   the CLI the OS user and the command), the entities touched with the hashes of sealed rows, a digest, and the
 *   previous entry's hash.
 * - New append-only records: party corrections, consultation versions, legal-aid history, paper-review decisions.
 */

/** Tables whose rows, once written, never change (or change only as their triggers allow). Keyed for the REPLACE guard. */
export const SEALED_TABLES: readonly { table: string; key: string[]; when?: string }[] = [
  { table: 'case_documents', key: ['id'] },
  { table: 'hearing_records', key: ['id'] },
  { table: 'hearing_record_corrections', key: ['id'] },
  { table: 'case_events', key: ['id'] },
  { table: 'audit_log', key: ['id'] },
  { table: 'case_closures', key: ['case_id'] },
  { table: 'claim_decisions', key: ['claim_id'], when: 'locked_by IS NOT NULL' },
  { table: 'party_corrections', key: ['id'] },
  { table: 'consultation_versions', key: ['id'] },
  { table: 'aid_history', key: ['id'] },
  { table: 'case_paper_reviews', key: ['case_id'] },
];

/** How each case-owned table finds its case (for the revision triggers). */
const CASE_OF: readonly { table: string; caseExpr: (row: 'NEW' | 'OLD') => string }[] = [
  ...['parties', 'claims', 'evidence', 'case_suspensions', 'case_extensions', 'case_tribunals', 'case_recusals', 'hearings', 'case_documents',
    'hearing_records', 'claim_decisions', 'award_drafts', 'case_closures', 'mediations', 'party_corrections', 'case_paper_reviews'].map((table) => ({
    table, caseExpr: (r: 'NEW' | 'OLD') => `${r}.case_id`,
  })),
  { table: 'agents', caseExpr: (r) => `(SELECT case_id FROM parties WHERE id = ${r}.party_id)` },
  { table: 'service_records', caseExpr: (r) => `(SELECT case_id FROM case_documents WHERE id = ${r}.document_id)` },
  { table: 'mediation_sessions', caseExpr: (r) => `(SELECT case_id FROM mediations WHERE id = ${r}.mediation_id)` },
  { table: 'agreement_items', caseExpr: (r) => `(SELECT case_id FROM mediations WHERE id = ${r}.mediation_id)` },
  { table: 'hearing_record_corrections', caseExpr: (r) => `(SELECT case_id FROM hearing_records WHERE id = ${r}.record_id)` },
];

const replaceGuards = SEALED_TABLES.map(({ table, key, when }) => {
  const match = key.map((k) => `${k} = NEW.${k}`).join(' AND ');
  return `CREATE TRIGGER ${table}_no_replace BEFORE INSERT ON ${table}
WHEN EXISTS (SELECT 1 FROM ${table} WHERE ${match}${when ? ` AND ${when}` : ''})
BEGIN SELECT RAISE(ABORT, '${table}: an existing row cannot be replaced'); END;`;
}).join('\n');

const bump = (expr: string) => `UPDATE cases SET revision = revision + 1 WHERE id = ${expr};`;
const revisionTriggers = CASE_OF.map(({ table, caseExpr }) => `
CREATE TRIGGER ${table}_rev_ins AFTER INSERT ON ${table} BEGIN ${bump(caseExpr('NEW'))} END;
CREATE TRIGGER ${table}_rev_upd AFTER UPDATE ON ${table} BEGIN ${bump(caseExpr('OLD'))} ${bump(caseExpr('NEW'))} END;
CREATE TRIGGER ${table}_rev_del AFTER DELETE ON ${table} BEGIN ${bump(caseExpr('OLD'))} END;`).join('\n');

const appendOnly = (table: string, what: string) => `
CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table} BEGIN SELECT RAISE(ABORT, '${what} is append-only'); END;
CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table} BEGIN SELECT RAISE(ABORT, '${what} is append-only'); END;`;

export const sql = `
CREATE TRIGGER case_closures_no_delete BEFORE DELETE ON case_closures BEGIN SELECT RAISE(ABORT, 'a closing is final'); END;

ALTER TABLE cases ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
CREATE TRIGGER cases_rev_self AFTER UPDATE ON cases WHEN NEW.revision = OLD.revision BEGIN ${bump('NEW.id')} END;

ALTER TABLE audit_log ADD COLUMN origin TEXT;
ALTER TABLE audit_log ADD COLUMN entities TEXT;
ALTER TABLE audit_log ADD COLUMN digest TEXT;
ALTER TABLE audit_log ADD COLUMN prev_hash TEXT;
ALTER TABLE audit_log ADD COLUMN hash TEXT;

CREATE TABLE party_corrections (
  id TEXT PRIMARY KEY,
  case_id TEXT NOT NULL REFERENCES cases(id),
  party_id TEXT NOT NULL REFERENCES parties(id),
  field TEXT NOT NULL,
  old_value TEXT,
  new_value TEXT,
  reason TEXT NOT NULL,
  corrected_date TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL REFERENCES users(id)
);
CREATE INDEX party_corrections_case ON party_corrections(case_id, created_at);
${appendOnly('party_corrections', 'party_corrections')}

CREATE TABLE consultation_versions (
  id TEXT PRIMARY KEY,
  consultation_id TEXT NOT NULL REFERENCES consultations(id),
  snapshot TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL REFERENCES users(id)
);
CREATE INDEX consultation_versions_c ON consultation_versions(consultation_id, created_at);
${appendOnly('consultation_versions', 'consultation_versions')}

CREATE TABLE aid_history (
  id TEXT PRIMARY KEY,
  aid_id TEXT NOT NULL REFERENCES aid_applications(id),
  action TEXT NOT NULL,
  summary TEXT NOT NULL,
  data TEXT,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL REFERENCES users(id),
  actor_name TEXT NOT NULL
);
CREATE INDEX aid_history_aid ON aid_history(aid_id, created_at);
${appendOnly('aid_history', 'aid_history')}

CREATE TABLE case_paper_reviews (
  case_id TEXT PRIMARY KEY REFERENCES cases(id),
  decided_date TEXT NOT NULL,
  reason TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL REFERENCES users(id)
);
${appendOnly('case_paper_reviews', 'case_paper_reviews')}

ALTER TABLE consultations ADD COLUMN updated_by TEXT REFERENCES users(id);

${replaceGuards}
${revisionTriggers}
`;
