import type { Db } from '../open';
import type { UserRow } from './rows';
import { stmt } from './stmt';

export function selectUser(db: Db, id: string): UserRow | undefined {
  return stmt(db, 'SELECT * FROM users WHERE id = ?').get(id) as UserRow | undefined;
}

/** Whether an administrator account with a password exists. */
export function adminWithPasswordExists(db: Db): boolean {
  return stmt(db, "SELECT 1 FROM users WHERE role = 'admin' AND password_hash IS NOT NULL").get() !== undefined;
}

/** Every account except the one given (the system actor), oldest first. */
export function selectUsersExcept(db: Db, exceptId: string): UserRow[] {
  return stmt(db, 'SELECT * FROM users WHERE id <> ? ORDER BY created_at, username').all(exceptId) as UserRow[];
}

/** A new, active account (must_change_password and password_changed_at keep their defaults). */
export function insertUser(db: Db, r: Omit<UserRow, 'active' | 'must_change_password' | 'password_changed_at'>): void {
  stmt(db, 'INSERT INTO users (id, username, display_name, role, password_hash, active, created_at, created_by, updated_at, updated_by, employment, venue_id) VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?)')
    .run(r.id, r.username, r.display_name, r.role, r.password_hash, r.created_at, r.created_by, r.updated_at, r.updated_by, r.employment, r.venue_id);
}

export function updateUserActive(db: Db, id: string, active: number, at: string, by: string): void {
  stmt(db, 'UPDATE users SET active = ?, updated_at = ?, updated_by = ? WHERE id = ?').run(active, at, by, id);
}

/** What a login checks about an account. */
export type LoginUserRow = Pick<UserRow, 'id' | 'username' | 'role' | 'active' | 'password_hash'>;

/** The account with this user name (matched as the column's NOCASE collation does), other than the one given (the system actor). */
export function selectLoginUserByName(db: Db, username: string, exceptId: string): LoginUserRow | undefined {
  return stmt(db, 'SELECT id, username, role, active, password_hash FROM users WHERE username = ? AND id <> ?').get(username, exceptId) as LoginUserRow | undefined;
}

export function selectLoginUser(db: Db, id: string): LoginUserRow | undefined {
  return stmt(db, 'SELECT id, username, role, active, password_hash FROM users WHERE id = ?').get(id) as LoginUserRow | undefined;
}

/** The user's own new password: the forced change (if any) is done. */
export function updateOwnPassword(db: Db, id: string, passwordHash: string, changedAt: string, updatedAt: string, by: string): void {
  stmt(db, 'UPDATE users SET password_hash = ?, must_change_password = 0, password_changed_at = ?, updated_at = ?, updated_by = ? WHERE id = ?')
    .run(passwordHash, changedAt, updatedAt, by, id);
}

/** A temporary password set by the administrator: the account must change it at its next login. */
export function updateResetPassword(db: Db, id: string, passwordHash: string, changedAt: string, updatedAt: string, by: string): void {
  stmt(db, 'UPDATE users SET password_hash = ?, must_change_password = 1, password_changed_at = ?, updated_at = ?, updated_by = ? WHERE id = ?')
    .run(passwordHash, changedAt, updatedAt, by, id);
}
