/**
 * 011: logins, sessions and duties (issue 12 items 1 and 3).
 * - A password reset by the administrator forces a change at the next login.
 * - Failed logins are counted per account name (known or not), so that a lockout survives a restart of the app.
 * - A role for the legal-aid centre's staff (aid_centre), who decide legal-aid applications.
 *
 * The role list is a CHECK constraint, so the users table is rebuilt. Foreign keys cannot be switched off inside the
 * migration transaction; they are deferred instead: emptying users counts the references to it as pending violations,
 * and re-inserting the same rows into the new table clears them before the commit checks.
 */
export const sql = `
PRAGMA defer_foreign_keys = ON;
CREATE TEMP TABLE users_011 AS SELECT * FROM users;
DELETE FROM users;
DROP TABLE users;
CREATE TABLE users (
  id TEXT PRIMARY KEY,
  username TEXT NOT NULL UNIQUE COLLATE NOCASE,
  display_name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('arbitrator','clerk','lawyer','window','aid_centre','admin')),
  password_hash TEXT,
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0,1)),
  created_at TEXT NOT NULL,
  created_by TEXT REFERENCES users(id),
  updated_at TEXT NOT NULL,
  updated_by TEXT REFERENCES users(id),
  employment TEXT CHECK (employment IS NULL OR employment IN ('full_time', 'part_time')),
  venue_id TEXT REFERENCES venues(id),
  must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1)),
  password_changed_at TEXT
);
INSERT INTO users (id, username, display_name, role, password_hash, active, created_at, created_by, updated_at, updated_by, employment, venue_id)
  SELECT id, username, display_name, role, password_hash, active, created_at, created_by, updated_at, updated_by, employment, venue_id FROM temp.users_011;
DROP TABLE temp.users_011;

CREATE TABLE login_throttle (
  account TEXT PRIMARY KEY,
  failures INTEGER NOT NULL,
  first_failure_at TEXT NOT NULL,
  locked_until TEXT
);
`;
