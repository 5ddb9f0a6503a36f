import type { UserView } from '../api';
import { AppError } from '../api';
import type { Role } from '../domain';
import { type ServiceContext, SYSTEM_USER, audit, newId, nowIso } from './context';
import { hashPassword, verifyPassword } from './password';
import { checkSessionTimes } from './logins';
import type { Db } from '../db/open';

interface UserRow {
  id: string;
  username: string;
  display_name: string;
  role: Role;
  active: number;
  password_hash: string | null;
  employment: 'full_time' | 'part_time' | null;
  venue_id: string | null;
  must_change_password: number;
}

const view = (r: UserRow): UserView => ({
  id: r.id, username: r.username, displayName: r.display_name, role: r.role, active: r.active === 1, employment: r.employment, venueId: r.venue_id,
  mustChangePassword: r.must_change_password === 1,
});

export function findUser(db: Db, id: string): UserView | null {
  const r = db.prepare('SELECT * FROM users WHERE id = ?').get(id) as UserRow | undefined;
  return r ? view(r) : null;
}

/**
 * Re-reads the session's account: a disabled or deleted account ends the session, a changed role applies at once.
 * Returns the current account, or null when the session no longer has one.
 */
export function refreshSessionUser(ctx: ServiceContext): UserView | null {
  const s = ctx.session;
  if (!s.user || s.system) return s.user;
  const current = findUser(ctx.db, s.user.id);
  s.user = current?.active ? current : null;
  if (s.user) checkSessionTimes(ctx);
  return s.user;
}

export function needsAdmin(db: Db): boolean {
  return !db.prepare("SELECT 1 FROM users WHERE role = 'admin' AND password_hash IS NOT NULL").get();
}

export function listUsers(db: Db): UserView[] {
  return (db.prepare('SELECT * FROM users WHERE id <> ? ORDER BY created_at, username').all(SYSTEM_USER.id) as UserRow[]).map(view);
}

export function createUser(
  ctx: ServiceContext,
  input: { username: string; displayName: string; role: Role; password: string; employment?: 'full_time' | 'part_time'; venueId?: string },
  createdBy: string,
): UserView {
  const id = newId();
  const at = nowIso(ctx);
  const staff = input.role === 'arbitrator' || input.role === 'clerk';
  if (input.venueId && !ctx.db.prepare('SELECT 1 FROM venues WHERE id = ?').get(input.venueId)) {
    throw new AppError('VALIDATION', '办案场所不存在', [{ path: 'venueId', message: '办案场所不存在' }]);
  }
  try {
    ctx.db
      .prepare('INSERT INTO users (id, username, display_name, role, password_hash, active, created_at, created_by, updated_at, updated_by, employment, venue_id) VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?)')
      .run(id, input.username, input.displayName, input.role, hashPassword(input.password), at, createdBy, at, createdBy,
        staff ? (input.employment ?? 'full_time') : null, staff ? (input.venueId ?? null) : null);
  } catch (e) {
    if (e instanceof Error && /UNIQUE constraint failed: users.username/.test(e.message)) {
      throw new AppError('CONFLICT', `用户名“${input.username}”已存在`, [{ path: 'username', message: `用户名“${input.username}”已存在` }]);
    }
    throw e;
  }
  audit(ctx, 'users.create', id, { username: input.username, role: input.role });
  return findUser(ctx.db, id)!;
}

export function createFirstAdmin(ctx: ServiceContext, input: { username: string; displayName: string; role: Role; password: string; employment?: 'full_time' | 'part_time'; venueId?: string }): UserView {
  if (input.role !== 'admin') throw new AppError('VALIDATION', '首个账号必须是系统管理员', [{ path: 'role', message: '首个账号必须是系统管理员' }]);
  return ctx.db.transaction(() => {
    if (!needsAdmin(ctx.db)) throw new AppError('INVALID_STATE', '管理员已存在，请直接登录');
    const u = createUser(ctx, input, SYSTEM_USER.id);
    ctx.session.user = u;
    audit(ctx, 'setup.createAdmin', u.id, { username: u.username });
    return u;
  }).immediate();
}

export function setActive(ctx: ServiceContext, id: string, active: boolean): UserView {
  const u = findUser(ctx.db, id);
  if (!u || id === SYSTEM_USER.id) throw new AppError('NOT_FOUND', '用户不存在');
  if (id === ctx.session.user?.id && !active) throw new AppError('INVALID_STATE', '不能停用当前登录的账号');
  ctx.db.transaction(() => {
    ctx.db.prepare('UPDATE users SET active = ?, updated_at = ?, updated_by = ? WHERE id = ?').run(active ? 1 : 0, nowIso(ctx), ctx.session.user!.id, id);
    audit(ctx, active ? 'users.enable' : 'users.disable', id);
  })();
  return findUser(ctx.db, id)!;
}
