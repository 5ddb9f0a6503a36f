/**
 * 020: one- and two-character search of party names at 100,000 cases (issue 13 item 2).
 *
 * The FTS5 trigram indexes of migration 013 answer 3 characters or more; a 1–2 character text (a surname such as 王,
 * 小明 inside 欧阳小明, 信达 inside an employer's name) fell back to a LIKE over the (name, case_id) index — every party
 * row, linear in the database. `party_name_grams` holds every distinct 1- and 2-character substring of each party's
 * name with the party's rowid (the same key as party_fts), so such a search is one range on its primary key.
 * Kept by triggers on parties, like party_fts. SQLite does not allow common table expressions inside triggers, so the
 * substrings are cut against the fixed table `name_gram_positions` (1..128): characters of a name beyond the 128th are
 * not indexed for 1–2 character search (they still are for 3+ through party_fts; names are far shorter).
 */
export const sql = `
CREATE TABLE name_gram_positions (k INTEGER PRIMARY KEY);
WITH RECURSIVE n(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM n WHERE k < 128) INSERT INTO name_gram_positions (k) SELECT k FROM n;

CREATE TABLE party_name_grams (
  gram TEXT NOT NULL,
  party_rowid INTEGER NOT NULL,
  PRIMARY KEY (gram, party_rowid)
) WITHOUT ROWID;

INSERT INTO party_name_grams (gram, party_rowid)
  SELECT lower(substr(p.name, g.k, 1)), p.rowid FROM parties p JOIN name_gram_positions g ON g.k <= length(p.name)
  UNION
  SELECT lower(substr(p.name, g.k, 2)), p.rowid FROM parties p JOIN name_gram_positions g ON g.k < length(p.name);

CREATE TRIGGER party_name_grams_ins AFTER INSERT ON parties BEGIN
  INSERT OR IGNORE INTO party_name_grams (gram, party_rowid)
    SELECT lower(substr(NEW.name, k, 1)), NEW.rowid FROM name_gram_positions WHERE k <= length(NEW.name)
    UNION SELECT lower(substr(NEW.name, k, 2)), NEW.rowid FROM name_gram_positions WHERE k < length(NEW.name);
END;
CREATE TRIGGER party_name_grams_del AFTER DELETE ON parties BEGIN
  DELETE FROM party_name_grams WHERE party_rowid = OLD.rowid AND gram IN (
    SELECT lower(substr(OLD.name, k, 1)) FROM name_gram_positions WHERE k <= length(OLD.name)
    UNION SELECT lower(substr(OLD.name, k, 2)) FROM name_gram_positions WHERE k < length(OLD.name));
END;
CREATE TRIGGER party_name_grams_upd AFTER UPDATE OF name ON parties BEGIN
  DELETE FROM party_name_grams WHERE party_rowid = OLD.rowid AND gram IN (
    SELECT lower(substr(OLD.name, k, 1)) FROM name_gram_positions WHERE k <= length(OLD.name)
    UNION SELECT lower(substr(OLD.name, k, 2)) FROM name_gram_positions WHERE k < length(OLD.name));
  INSERT OR IGNORE INTO party_name_grams (gram, party_rowid)
    SELECT lower(substr(NEW.name, k, 1)), NEW.rowid FROM name_gram_positions WHERE k <= length(NEW.name)
    UNION SELECT lower(substr(NEW.name, k, 2)), NEW.rowid FROM name_gram_positions WHERE k < length(NEW.name);
END;
`;

/**
 * Also 020 (issue 13 item 2, filing within 2× of bare inserts): the employer of a case without a recursive walk over
 * every case. Migration 016's case_employers view followed each case's first respondent organisation through merges in a
 * recursive CTE over all parties, which SQLite cannot narrow to one case or one employer: every filing (the employer's
 * review reads its case and the employer's cases through it) computed it for the whole database — 350 ms a filing at
 * 10,000 cases. Same rule, same columns: the first respondent organisation's employer, resolved to its surviving record
 * through employer_survivors (whose walk is over employers only), so `WHERE case_id = ?` and `WHERE employer_id = ?`
 * read the parties' indexes.
 */
export const sqlCaseEmployers = `
DROP VIEW case_employers;
CREATE VIEW case_employers AS
SELECT p.case_id, s.survivor AS employer_id, e.sector
FROM parties p JOIN employer_survivors s ON s.id = p.employer_id JOIN employers e ON e.id = s.survivor
WHERE p.role = 'respondent' AND p.kind = 'org' AND p.employer_id IS NOT NULL
  AND p.seq = (SELECT MIN(q.seq) FROM parties q WHERE q.case_id = p.case_id AND q.role = 'respondent' AND q.kind = 'org');
`;
