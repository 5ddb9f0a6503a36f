/**
 * 011: logins and sessions (issue 12 item 3). A password reset by the administrator forces a change at the next login;
 * failed logins are counted per account name (known or not) so that lockout survives a restart of the app.
 */
export const sql = `
ALTER TABLE users ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1));
ALTER TABLE users ADD COLUMN password_changed_at TEXT;

CREATE TABLE login_throttle (
  account TEXT PRIMARY KEY,
  failures INTEGER NOT NULL,
  first_failure_at TEXT NOT NULL,
  locked_until TEXT
);
`;
