import type { Db } from '../open';
import type { LoginThrottleRow } from './rows';
import { stmt } from './stmt';

export function selectAccountLockedUntil(db: Db, account: string): Pick<LoginThrottleRow, 'locked_until'> | undefined {
  return stmt(db, 'SELECT locked_until FROM login_throttle WHERE account = ?').get(account) as Pick<LoginThrottleRow, 'locked_until'> | undefined;
}

export function selectAccountFailures(db: Db, account: string): Pick<LoginThrottleRow, 'failures' | 'first_failure_at'> | undefined {
  return stmt(db, 'SELECT failures, first_failure_at FROM login_throttle WHERE account = ?').get(account) as
    | Pick<LoginThrottleRow, 'failures' | 'first_failure_at'>
    | undefined;
}

/** Inserts or replaces an account's failure count, window start and lock. */
export function upsertLoginThrottle(db: Db, r: LoginThrottleRow): void {
  stmt(
    db,
    `INSERT INTO login_throttle (account, failures, first_failure_at, locked_until) VALUES (?, ?, ?, ?)
       ON CONFLICT(account) DO UPDATE SET failures = excluded.failures, first_failure_at = excluded.first_failure_at, locked_until = excluded.locked_until`,
  ).run(r.account, r.failures, r.first_failure_at, r.locked_until);
}

export function deleteLoginThrottle(db: Db, account: string): void {
  stmt(db, 'DELETE FROM login_throttle WHERE account = ?').run(account);
}
