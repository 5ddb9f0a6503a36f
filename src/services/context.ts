import { randomUUID } from 'node:crypto';
import type { UserView } from '../api';
import type { Db } from '../db/open';

/** One per transport connection: an Electron window, a preview browser session, a CLI run, a test. */
export interface Session {
  user: UserView | null;
  /** The desk CLI acts as the system actor: a local administrator with file access, recorded as such. */
  system?: boolean;
}

export interface ServiceContext {
  db: Db;
  session: Session;
  now: () => Date;
}

export const SYSTEM_USER: UserView = {
  id: '00000000000000000000000000000000',
  username: 'system',
  displayName: '系统（命令行）',
  role: 'admin',
  active: true,
  employment: null,
  venueId: null,
};

export const newId = (): string => randomUUID().replace(/-/g, '');

export function actor(ctx: ServiceContext): UserView {
  if (!ctx.session.user) throw new Error('actor() called without a session user');
  return ctx.session.user;
}

export function nowIso(ctx: ServiceContext): string {
  return ctx.now().toISOString();
}

export function audit(ctx: ServiceContext, action: string, target: string | null, detail?: Record<string, unknown>): void {
  const u = actor(ctx);
  ctx.db
    .prepare('INSERT INTO audit_log (at, actor_id, actor_name, action, target, detail) VALUES (?, ?, ?, ?, ?, ?)')
    .run(nowIso(ctx), u.id, u.displayName, action, target, detail ? JSON.stringify(detail) : null);
}
