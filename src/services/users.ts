import type { UserView } from '../api';
import { AppError } from '../api';
import type { Role } from '../domain';
import { type ServiceContext, SYSTEM_USER, audit, newId, nowIso } from './context';
import { hashPassword, verifyPassword } from './password';
import { checkSessionTimes } from './logins';
import type { Db } from '../db/open';
import type { UserRow } from '../db/queries/rows';
import { adminWithPasswordExists, insertUser, selectUser, selectUsersExcept, updateUserActive } from '../db/queries/users';
import { venueExists } from '../db/queries/venues';

const view = (r: UserRow): UserView => ({
  id: r.id, username: r.username, displayName: r.display_name, role: r.role, active: r.active === 1, employment: r.employment, venueId: r.venue_id,
  mustChangePassword: r.must_change_password === 1,
});

export function findUser(db: Db, id: string): UserView | null {
  const r = selectUser(db, id);
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
  return !adminWithPasswordExists(db);
}

export function listUsers(db: Db): UserView[] {
  return selectUsersExcept(db, SYSTEM_USER.id).map(view);
}

export function createUser(
  ctx: ServiceContext,
  input: { username: string; displayName: string; role: Role; password: string; employment?: 'full_time' | 'part_time'; venueId?: string },
  createdBy: string,
): UserView {
  const id = newId();
  const at = nowIso(ctx);
  const staff = input.role === 'arbitrator' || input.role === 'clerk';
  if (input.venueId && !venueExists(ctx.db, input.venueId)) {
    throw new AppError('VALIDATION', '办案场所不存在', [{ path: 'venueId', message: '办案场所不存在' }]);
  }
  try {
    insertUser(ctx.db, {
      id, username: input.username, display_name: input.displayName, role: input.role, password_hash: hashPassword(input.password),
      created_at: at, created_by: createdBy, updated_at: at, updated_by: createdBy,
      employment: staff ? (input.employment ?? 'full_time') : null, venue_id: staff ? (input.venueId ?? null) : null,
    });
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
    updateUserActive(ctx.db, id, active ? 1 : 0, nowIso(ctx), ctx.session.user!.id);
    audit(ctx, active ? 'users.enable' : 'users.disable', id);
  })();
  return findUser(ctx.db, id)!;
}
