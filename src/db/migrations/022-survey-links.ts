/**
 * 022: the party's survey screen (issue 15 item 4).
 *
 * `survey_links`: a one-time link staff open for one closed case or one consultation so that the party answers the
 * satisfaction survey on a second screen. Only the SHA-256 of the link's token is stored. A link is spent when its record
 * has a survey (satisfaction_surveys holds one per record), so rows are never changed: the table is sealed like those of
 * migration 009 (append-only, REPLACE refused) and the audit chain hashes its rows.
 */

export const SEALED_TABLES_022: readonly { table: string; key: string[] }[] = [{ table: 'survey_links', key: ['token_hash'] }];

const sealed = SEALED_TABLES_022.map(({ table, key }) => `
CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table} BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END;
CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table} BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END;
CREATE TRIGGER ${table}_no_replace BEFORE INSERT ON ${table}
WHEN EXISTS (SELECT 1 FROM ${table} WHERE ${key.map((k) => `${k} = NEW.${k}`).join(' AND ')})
BEGIN SELECT RAISE(ABORT, '${table}: an existing row cannot be replaced'); END;`).join('\n');

export const sql = `
CREATE TABLE survey_links (
  token_hash TEXT PRIMARY KEY CHECK (length(token_hash) = 64),
  case_id TEXT REFERENCES cases(id),
  consultation_id TEXT REFERENCES consultations(id),
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL REFERENCES users(id),
  expires_at TEXT NOT NULL,
  CHECK ((case_id IS NULL) <> (consultation_id IS NULL))
);
${sealed}
`;
