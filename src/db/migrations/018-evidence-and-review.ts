/**
 * 018: records for the document kinds of issue 11 item 6.
 *
 * - evidence_submissions / evidence_items: what a party handed in after acceptance, one submission per handing-in
 *   (party, date received) with its items (name, source, purpose, pages, original or copy, copies). The 证据收据 is
 *   issued from a submission. Sealed: a receipt once given must keep saying what was received; a mistake is a new
 *   submission with a note.
 * - mediation_reviews: the arbitral review of a pre-arbitration mediation agreement (Rules Arts 74–78): the joint
 *   application (each party's date), acceptance with the designated arbitrator, then the conclusion — a 调解书 or a
 *   refusal with its Art 78 ground. Never deleted; once concluded, never changed.
 */

/** Tables of this migration whose rows never change once written (sealed like migration 009's). */
export const SEALED_TABLES_018: readonly { table: string; key: string[] }[] = [
  { table: 'evidence_submissions', key: ['id'] },
  { table: 'evidence_items', key: ['submission_id', 'seq'] },
];

const seal = (table: string, key: string[]) => `
CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table} BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END;
CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table} BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END;
CREATE TRIGGER ${table}_no_replace BEFORE INSERT ON ${table}
WHEN EXISTS (SELECT 1 FROM ${table} WHERE ${key.map((k) => `${k} = NEW.${k}`).join(' AND ')})
BEGIN SELECT RAISE(ABORT, '${table}: an existing row cannot be replaced'); END;`;

const bump = (expr: string) => `UPDATE cases SET revision = revision + 1 WHERE id = ${expr};`;

export const sql = `
CREATE TABLE evidence_submissions (
  id TEXT PRIMARY KEY,
  case_id TEXT NOT NULL REFERENCES cases(id),
  party_id TEXT NOT NULL REFERENCES parties(id),
  received_date TEXT NOT NULL,
  note TEXT,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL REFERENCES users(id)
);
CREATE INDEX evidence_submissions_case ON evidence_submissions(case_id, received_date);

CREATE TABLE evidence_items (
  submission_id TEXT NOT NULL REFERENCES evidence_submissions(id),
  seq INTEGER NOT NULL CHECK (seq >= 1),
  name TEXT NOT NULL,
  source TEXT,
  purpose TEXT NOT NULL,
  pages INTEGER NOT NULL CHECK (pages >= 1),
  original INTEGER NOT NULL CHECK (original IN (0, 1)),
  copies INTEGER NOT NULL CHECK (copies >= 1),
  PRIMARY KEY (submission_id, seq)
);
${SEALED_TABLES_018.map((t) => seal(t.table, t.key)).join('\n')}
CREATE TABLE mediation_reviews (
  id TEXT PRIMARY KEY,
  mediation_id TEXT NOT NULL UNIQUE REFERENCES mediations(id),
  applicant_date TEXT NOT NULL,
  respondent_date TEXT NOT NULL,
  accepted_date TEXT,
  arbitrator_id TEXT REFERENCES users(id),
  outcome TEXT CHECK (outcome IS NULL OR outcome IN ('statement', 'refused')),
  ground INTEGER CHECK (ground IS NULL OR ground BETWEEN 1 AND 6),
  reason TEXT,
  decided_date TEXT,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL REFERENCES users(id),
  CHECK ((outcome = 'refused') = (ground IS NOT NULL)),
  CHECK (outcome IS NULL OR (accepted_date IS NOT NULL AND arbitrator_id IS NOT NULL AND decided_date IS NOT NULL))
);
CREATE TRIGGER mediation_reviews_no_delete BEFORE DELETE ON mediation_reviews BEGIN SELECT RAISE(ABORT, 'mediation_reviews are kept'); END;
CREATE TRIGGER mediation_reviews_final BEFORE UPDATE ON mediation_reviews WHEN OLD.outcome IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'a concluded review is final'); END;
CREATE TRIGGER mediation_reviews_no_replace BEFORE INSERT ON mediation_reviews
WHEN EXISTS (SELECT 1 FROM mediation_reviews WHERE id = NEW.id OR mediation_id = NEW.mediation_id)
BEGIN SELECT RAISE(ABORT, 'mediation_reviews: an existing row cannot be replaced'); END;
CREATE TRIGGER evidence_submissions_rev_ins AFTER INSERT ON evidence_submissions BEGIN ${bump('NEW.case_id')} END;
CREATE TRIGGER evidence_items_rev_ins AFTER INSERT ON evidence_items BEGIN ${bump('(SELECT case_id FROM evidence_submissions WHERE id = NEW.submission_id)')} END;
`;
