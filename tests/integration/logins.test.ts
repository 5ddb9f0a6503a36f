import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { UserView } from '../../src/api';
import { type ServiceContext, type Session, dispatch } from '../../src/services';
import { type TestDb, openTestDb, unwrap } from '../helpers/db';

/** Issue 12 item 3: logins and sessions, through the real dispatcher on a real database file. */
let t: TestDb;
let clock: number;
/** A transport session (one window / one browser session) with a controllable clock. */
const client = (): ServiceContext => ({ db: t.db, session: { user: null } as Session, now: () => new Date(clock) });
const login = (c: ServiceContext, username: string, password: string) => dispatch(c, 'auth.login', { username, password });
const MIN = 60_000;

beforeEach(async () => {
  t = await openTestDb();
  clock = Date.parse('2026-11-30T09:00:00+08:00');
  t.user('clerk1', 'clerk');
  t.user('clerk2', 'clerk');
});
afterEach(() => t.close());

describe('login throttling and lockout', () => {
  it('locks an account after 5 wrong passwords, even for the right one, and says how long to wait', () => {
    for (let i = 0; i < 5; i++) expect(login(client(), 'clerk1', 'wrong-pass')).toMatchObject({ ok: false, error: { message: '用户名或密码错误' } });
    const locked = login(client(), 'clerk1', 'password-1');
    expect(locked).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '登录失败次数过多，请在 15 分钟后再试。' } });
    clock += 10 * MIN;
    expect(login(client(), 'clerk1', 'password-1')).toMatchObject({ ok: false, error: { message: '登录失败次数过多，请在 5 分钟后再试。' } });
    // Other accounts are not affected, and the lock survives the app being restarted (it is in the database).
    expect(login(client(), 'clerk2', 'password-1').ok).toBe(true);
    expect((t.db.prepare('SELECT count(*) AS n FROM login_throttle WHERE locked_until IS NOT NULL').get() as { n: number }).n).toBe(1);
    clock += 5 * MIN + 1;
    expect(login(client(), 'clerk1', 'password-1').ok).toBe(true);
  });

  it('makes one client wait after 10 failures across account names, known or not', () => {
    const c = client();
    for (let i = 0; i < 10; i++) login(c, `nobody${i}`, 'wrong-pass');
    expect(login(c, 'clerk1', 'password-1')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '登录失败次数过多，请在 15 分钟后再试。' } });
    expect(login(client(), 'clerk1', 'password-1').ok).toBe(true);
  });

  it('locks an unknown name exactly like a real one', () => {
    for (let i = 0; i < 5; i++) login(client(), 'ghost', 'wrong-pass');
    expect(login(client(), 'ghost', 'whatever')).toMatchObject({ ok: false, error: { message: '登录失败次数过多，请在 15 分钟后再试。' } });
  });
});

describe('one answer for every failed login', () => {
  it('gives unknown users, wrong passwords and disabled accounts the same code and message, in comparable time', () => {
    const clerk1 = (unwrap<UserView[]>(dispatch(t.ctx(t.admin), 'users.list', {}))).find((u) => u.username === 'clerk2')!;
    unwrap(dispatch(t.ctx(t.admin), 'users.setActive', { id: clerk1.id, active: false }));
    const attempts = { unknown: ['nobody', 'password-1'], wrong: ['clerk1', 'wrong-pass'], disabled: ['clerk2', 'password-1'] } as const;
    const answers = Object.values(attempts).map(([u, p]) => login(client(), u, p));
    for (const a of answers) expect(a).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED', message: '用户名或密码错误' } });
    // Median of several runs each: every path runs one scrypt, so they are within a factor of 2 of each other
    // (before: ~85 ms for a known user against ~1 ms for an unknown one).
    const median = ([u, p]: readonly [string, string]) => {
      const times: number[] = [];
      for (let i = 0; i < 4; i++) {
        const s = performance.now();
        login(client(), u, p);
        times.push(performance.now() - s);
        t.db.prepare('DELETE FROM login_throttle').run();
      }
      return times.sort((a, b) => a - b)[2]!;
    };
    const ms = Object.values(attempts).map(median);
    expect(Math.max(...ms) / Math.min(...ms)).toBeLessThan(2);
  });
});

describe('passwords', () => {
  it('lets a user change their own password after giving the current one', () => {
    const c = client();
    unwrap(login(c, 'clerk1', 'password-1'));
    expect(dispatch(c, 'auth.changePassword', { currentPassword: 'nope-nope', newPassword: 'password-2' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: 'currentPassword' }] } });
    expect(dispatch(c, 'auth.changePassword', { currentPassword: 'password-1', newPassword: 'short' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: '新密码至少8位' } });
    unwrap(dispatch(c, 'auth.changePassword', { currentPassword: 'password-1', newPassword: 'password-2' }));
    expect(login(client(), 'clerk1', 'password-1').ok).toBe(false);
    expect(login(client(), 'clerk1', 'password-2').ok).toBe(true);
  });

  it('an administrator resets a password; the user must change it before anything else', () => {
    const clerk = unwrap<UserView[]>(dispatch(t.ctx(t.admin), 'users.list', {})).find((u) => u.username === 'clerk1')!;
    expect(dispatch(t.ctx(clerk), 'users.resetPassword', { id: clerk.id, password: 'temporary-1' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    unwrap(dispatch(t.ctx(t.admin), 'users.resetPassword', { id: clerk.id, password: 'temporary-1' }));
    const c = client();
    expect(unwrap<UserView>(login(c, 'clerk1', 'temporary-1')).mustChangePassword).toBe(true);
    expect(dispatch(c, 'cases.list', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '管理员已重置您的密码，请先设置新密码' } });
    expect(unwrap<UserView>(dispatch(c, 'auth.changePassword', { currentPassword: 'temporary-1', newPassword: 'my-own-pass' })).mustChangePassword).toBe(false);
    expect(dispatch(c, 'cases.list', {}).ok).toBe(true);
  });
});

describe('idle lock and session expiry', () => {
  it('locks after the idle period set in settings; the password unlocks; a wrong one does not', () => {
    unwrap(dispatch(t.ctx(t.admin), 'settings.update', { idleLockMinutes: 5 }));
    expect(dispatch(t.ctx(t.admin), 'settings.update', { idleLockMinutes: 0 })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const c = client();
    unwrap(login(c, 'clerk1', 'password-1'));
    clock += 4 * MIN;
    expect(dispatch(c, 'cases.list', {}).ok).toBe(true);
    clock += 5 * MIN + 1;
    expect(dispatch(c, 'cases.list', {})).toMatchObject({ ok: false, error: { code: 'LOCKED', message: '工作台已锁定，请输入密码解锁' } });
    expect(dispatch(c, 'auth.unlock', { password: 'wrong-pass' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: '密码不正确' } });
    expect(dispatch(c, 'cases.list', {})).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    unwrap(dispatch(c, 'auth.unlock', { password: 'password-1' }));
    expect(dispatch(c, 'cases.list', {}).ok).toBe(true);
    // The renderer locks at once when its own idle timer fires.
    unwrap(dispatch(c, 'auth.lock', {}));
    expect(dispatch(c, 'cases.list', {})).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
  });

  it('ends a session after 12 hours however active it was', () => {
    const c = client();
    unwrap(login(c, 'clerk1', 'password-1'));
    for (let step = 1; step <= 72; step++) {
      clock += 10 * MIN;
      expect(dispatch(c, 'cases.list', {}).ok, `after ${step * 10} minutes`).toBe(true);
    }
    clock += 1;
    expect(dispatch(c, 'cases.list', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED', message: '登录已超过 12 小时，请重新登录' } });
    expect(dispatch(c, 'auth.me', {})).toEqual({ ok: true, value: null });
  });
});
