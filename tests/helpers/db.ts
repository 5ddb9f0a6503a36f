import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { UserView } from '../../src/api';
import { type Db, openDatabase } from '../../src/db/open';
import { type ServiceContext, type Session, dispatch } from '../../src/services';

export function tempDir(prefix = 'desk-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export interface TestDb {
  file: string;
  db: Db;
  /** A context with its own session, like a separate window. */
  ctx: (user?: UserView | null) => ServiceContext;
  /** Creates a user through the real operation (as the administrator) and returns it. */
  user: (username: string, role: UserView['role']) => UserView;
  admin: UserView;
  close: () => void;
}

/** A real SQLite file in a temporary folder, migrated, with an administrator created through the first-start operation. */
export async function openTestDb(opts: { key?: string } = {}): Promise<TestDb> {
  const file = path.join(tempDir(), 'desk.sqlite');
  const db = await openDatabase(file, opts.key ? { key: opts.key } : {});
  const ctx = (user: UserView | null = null): ServiceContext => ({ db, session: { user } as Session, now: () => new Date() });
  const boot = ctx();
  const r = dispatch(boot, 'setup.createAdmin', { username: 'admin', displayName: '管理员', role: 'admin', password: 'admin-pass-1' });
  if (!r.ok) throw new Error(r.error.message);
  const admin = r.value as UserView;
  const user = (username: string, role: UserView['role']) => {
    const u = dispatch(ctx(admin), 'users.create', { username, displayName: `${username}-name`, role, password: 'password-1' });
    if (!u.ok) throw new Error(u.error.message);
    return u.value as UserView;
  };
  return { file, db, ctx, user, admin, close: () => db.close() };
}

export function unwrap<T>(r: { ok: true; value: unknown } | { ok: false; error: { message: string } }): T {
  if (!r.ok) throw new Error(`expected ok, got: ${r.error.message}`);
  return r.value as T;
}
