import { keepWrites } from './tx';
import { randomBytes } from 'node:crypto';
import type { UserView } from '../api';
import { AppError } from '../api';
import { type ServiceContext, type Session, SYSTEM_USER, audit, nowIso } from './context';
import { hashPassword, verifyPassword } from './password';
import { readSettings } from './settings';
import { findUser } from './users';
import { deleteLoginThrottle, selectAccountFailures, selectAccountLockedUntil, upsertLoginThrottle } from '../db/queries/logins';
import { type LoginUserRow, selectLoginUser, selectLoginUserByName, updateOwnPassword, updateResetPassword } from '../db/queries/users';

/**
 * Logins and sessions (issue 12 item 3): throttling and lockout per account and per client, one answer for every kind
 * of failed login, password change and reset, idle lock and session expiry.
 *
 * "Client" is the transport's session object: one Electron window, or one browser session of the preview (whose
 * token is exchanged once, so a browser cannot mint new clients). "Account" is the typed user name, known or not, so
 * that an unknown name is throttled exactly like a real one.
 */
export const LOGIN_POLICY = {
  /** Failed logins of one account name within the window that lock it. */
  accountMaxFailures: 5,
  /** Failed logins from one client (any account names) within the window that make it wait. */
  clientMaxFailures: 10,
  windowMinutes: 15,
  lockMinutes: 15,
  /** A login lasts at most this long; then the user logs in again. */
  sessionMaxHours: 12,
} as const;

const MINUTE = 60_000;
const WRONG = '用户名或密码错误';

interface SessionState {
  loginAt: number;
  lastSeen: number;
  locked: boolean;
  failures: number[];
  clientLockedUntil: number;
}

const states = new WeakMap<Session, SessionState>();
function stateOf(session: Session, now: number): SessionState {
  let st = states.get(session);
  if (!st) {
    st = { loginAt: now, lastSeen: now, locked: false, failures: [], clientLockedUntil: 0 };
    states.set(session, st);
  }
  return st;
}

/** A hash of a random password, checked for unknown accounts so that they take as long as known ones. */
let dummyHash: string | null = null;
const dummy = () => (dummyHash ??= hashPassword(randomBytes(18).toString('base64')));

const accountKey = (username: string) => username.trim().toLowerCase();

function tooMany(waitMs: number): AppError {
  return new AppError('FORBIDDEN', `登录失败次数过多，请在 ${Math.max(1, Math.ceil(waitMs / MINUTE))} 分钟后再试。`);
}

/** Milliseconds this client or account must still wait, 0 when it may try. */
function waitFor(ctx: ServiceContext, account: string, now: number): number {
  const st = stateOf(ctx.session, now);
  const row = selectAccountLockedUntil(ctx.db, account);
  const accountUntil = row?.locked_until ? Date.parse(row.locked_until) : 0;
  return Math.max(0, st.clientLockedUntil - now, accountUntil - now);
}

function recordFailure(ctx: ServiceContext, account: string, now: number): void {
  const st = stateOf(ctx.session, now);
  const windowMs = LOGIN_POLICY.windowMinutes * MINUTE;
  st.failures = [...st.failures.filter((t) => now - t < windowMs), now];
  if (st.failures.length >= LOGIN_POLICY.clientMaxFailures) {
    st.clientLockedUntil = now + LOGIN_POLICY.lockMinutes * MINUTE;
    st.failures = [];
  }
  const row = selectAccountFailures(ctx.db, account);
  const fresh = !row || now - Date.parse(row.first_failure_at) >= windowMs;
  const failures = fresh ? 1 : row.failures + 1;
  const first = fresh ? new Date(now).toISOString() : row.first_failure_at;
  const lock = failures >= LOGIN_POLICY.accountMaxFailures;
  upsertLoginThrottle(ctx.db, {
    account,
    failures: lock ? 0 : failures,
    first_failure_at: first,
    locked_until: lock ? new Date(now + LOGIN_POLICY.lockMinutes * MINUTE).toISOString() : null,
  });
}

function clearFailures(ctx: ServiceContext, account: string, now: number): void {
  const st = stateOf(ctx.session, now);
  st.failures = [];
  deleteLoginThrottle(ctx.db, account);
}

type LoginRow = LoginUserRow;

/**
 * Logs in. Every failure — unknown name, wrong password, disabled account — runs one scrypt and gives the same
 * message; a throttled client or account is told how long to wait, whatever the password.
 */
export function login(ctx: ServiceContext, username: string, password: string): UserView {
  const now = ctx.now().getTime();
  const account = accountKey(username);
  const row = selectLoginUserByName(ctx.db, username, SYSTEM_USER.id);
  const matches = verifyPassword(password, row?.password_hash ?? dummy()) && !!row?.password_hash;
  const wait = waitFor(ctx, account, now);
  if (wait > 0) throw tooMany(wait);
  if (!row || !matches || row.active !== 1) {
    recordFailure(ctx, account, now);
    // The failure counter must survive the refusal: the write is kept and audited as auth.loginFailed.
    audit(ctx, 'auth.loginFailed', null, { username });
    throw keepWrites(new AppError('UNAUTHENTICATED', WRONG));
  }
  clearFailures(ctx, account, now);
  const user = findUser(ctx.db, row.id)!;
  ctx.session.user = user;
  states.set(ctx.session, { ...stateOf(ctx.session, now), loginAt: now, lastSeen: now, locked: false });
  audit(ctx, 'auth.login', row.id);
  return user;
}

/**
 * Called on every logged-in operation (through refreshSessionUser): ends a session older than the maximum, locks one
 * idle for longer than the setting, and holds back a user who must change a reset password.
 */
export function checkSessionTimes(ctx: ServiceContext): void {
  const s = ctx.session;
  if (!s.user || s.system) return;
  const now = ctx.now().getTime();
  const st = stateOf(s, now);
  if (now - st.loginAt > LOGIN_POLICY.sessionMaxHours * 60 * MINUTE) {
    s.user = null;
    throw new AppError('UNAUTHENTICATED', `登录已超过 ${LOGIN_POLICY.sessionMaxHours} 小时，请重新登录`);
  }
  const idleMs = readSettings(ctx.db).idleLockMinutes * MINUTE;
  if (st.locked || now - st.lastSeen > idleMs) {
    st.locked = true;
    throw new AppError('LOCKED', '工作台已锁定，请输入密码解锁');
  }
  if (s.user.mustChangePassword) throw new AppError('FORBIDDEN', '管理员已重置您的密码，请先设置新密码');
  st.lastSeen = now;
}

/** auth.me: the session's user, or null when there is none, it expired or it is locked (the renderer then asks to log in). */
export function currentUser(ctx: ServiceContext): UserView | null {
  const s = ctx.session;
  if (!s.user) return null;
  if (s.system) return s.user;
  const current = findUser(ctx.db, s.user.id);
  s.user = current?.active ? current : null;
  if (!s.user) return null;
  const now = ctx.now().getTime();
  const st = stateOf(s, now);
  if (now - st.loginAt > LOGIN_POLICY.sessionMaxHours * 60 * MINUTE || st.locked || now - st.lastSeen > readSettings(ctx.db).idleLockMinutes * MINUTE) return null;
  return s.user;
}

function requireLoggedIn(ctx: ServiceContext): UserView {
  const u = ctx.session.user;
  if (!u || ctx.session.system) throw new AppError('UNAUTHENTICATED', '请先登录');
  const now = ctx.now().getTime();
  if (now - stateOf(ctx.session, now).loginAt > LOGIN_POLICY.sessionMaxHours * 60 * MINUTE) {
    ctx.session.user = null;
    throw new AppError('UNAUTHENTICATED', `登录已超过 ${LOGIN_POLICY.sessionMaxHours} 小时，请重新登录`);
  }
  return u;
}

/** Checks the logged-in user's password with the same throttle as a login; after too many failures the session ends. */
function checkOwnPassword(ctx: ServiceContext, password: string, field: string): LoginRow {
  const u = requireLoggedIn(ctx);
  const now = ctx.now().getTime();
  const row = selectLoginUser(ctx.db, u.id);
  const account = accountKey(row?.username ?? u.username);
  const matches = verifyPassword(password, row?.password_hash ?? dummy()) && !!row?.password_hash;
  const wait = waitFor(ctx, account, now);
  if (wait > 0) {
    ctx.session.user = null;
    throw tooMany(wait);
  }
  if (!row || row.active !== 1) {
    ctx.session.user = null;
    throw new AppError('UNAUTHENTICATED', '账号已停用或不存在，请重新登录');
  }
  if (!matches) {
    recordFailure(ctx, account, now);
    throw new AppError('VALIDATION', '密码不正确', [{ path: field, message: '密码不正确' }]);
  }
  clearFailures(ctx, account, now);
  return row;
}

export function changeOwnPassword(ctx: ServiceContext, input: { currentPassword: string; newPassword: string }): UserView {
  const u = requireLoggedIn(ctx);
  if (stateOf(ctx.session, ctx.now().getTime()).locked) throw new AppError('LOCKED', '工作台已锁定，请输入密码解锁');
  checkOwnPassword(ctx, input.currentPassword, 'currentPassword');
  if (input.newPassword === input.currentPassword) {
    throw new AppError('VALIDATION', '新密码不能与当前密码相同', [{ path: 'newPassword', message: '新密码不能与当前密码相同' }]);
  }
  ctx.db.transaction(() => {
    updateOwnPassword(ctx.db, u.id, hashPassword(input.newPassword), nowIso(ctx), nowIso(ctx), u.id);
    audit(ctx, 'auth.changePassword', u.id);
  })();
  ctx.session.user = findUser(ctx.db, u.id);
  return ctx.session.user!;
}

export function lockSession(ctx: ServiceContext): null {
  if (ctx.session.user && !ctx.session.system) stateOf(ctx.session, ctx.now().getTime()).locked = true;
  return null;
}

export function unlockSession(ctx: ServiceContext, password: string): UserView {
  checkOwnPassword(ctx, password, 'password');
  const now = ctx.now().getTime();
  const st = stateOf(ctx.session, now);
  st.locked = false;
  st.lastSeen = now;
  return findUser(ctx.db, ctx.session.user!.id)!;
}

/** The administrator sets a temporary password; the account must change it at its next login. */
export function resetPassword(ctx: ServiceContext, id: string, password: string): UserView {
  const target = findUser(ctx.db, id);
  if (!target || id === SYSTEM_USER.id) throw new AppError('NOT_FOUND', '用户不存在');
  ctx.db.transaction(() => {
    updateResetPassword(ctx.db, id, hashPassword(password), nowIso(ctx), nowIso(ctx), ctx.session.user!.id);
    deleteLoginThrottle(ctx.db, accountKey(target.username));
    audit(ctx, 'users.resetPassword', id);
  })();
  return findUser(ctx.db, id)!;
}
