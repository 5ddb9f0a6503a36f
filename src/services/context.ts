import { randomUUID } from 'node:crypto';
import type { UserView } from '../api';
import type { Db } from '../db/open';
import { insertCaseEvent } from '../db/queries/events';

/** One per transport connection: an Electron window, a preview browser session, a CLI run, a test. */
export interface Session {
  user: UserView | null;
  /** The desk CLI acts as the system actor: a local administrator with file access, recorded as such. */
  system?: boolean;
  /** Where the session's writes come from, recorded in every audit entry: for the CLI the OS user and the command. */
  origin?: string;
}

/** The write in progress (set by writeTx): the operation's name and what the services note for its audit entry. */
export interface WriteScope {
  op: string;
  target: string | null;
  notes: Record<string, unknown>[];
}

export interface ServiceContext {
  db: Db;
  session: Session;
  now: () => Date;
  /** The operation being run (set by the dispatcher for each call). */
  op?: string;
  /** Set while a write transaction is open for this call. */
  scope?: WriteScope;
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

/**
 * Adds a note to the audit entry of the write in progress (one entry per operation, written by writeTx with the rows
 * the operation changed). Outside a write it is a programming error.
 */
export function audit(ctx: ServiceContext, action: string, target: string | null, detail?: Record<string, unknown>): void {
  if (!ctx.scope) throw new Error(`audit(${action}) outside a write transaction`);
  if (target && !ctx.scope.target) ctx.scope.target = target;
  ctx.scope.notes.push({ action, ...(target ? { target } : {}), ...(detail ? { detail } : {}) });
}

/** Appends to a case's timeline (the one place that writes case_events). */
export function caseEvent(ctx: ServiceContext, caseId: string, kind: string, summary: string, data?: Record<string, unknown>): void {
  const u = actor(ctx);
  if (ctx.scope && !ctx.scope.target) ctx.scope.target = caseId;
  insertCaseEvent(ctx.db, { case_id: caseId, at: nowIso(ctx), kind, summary, data: data ? JSON.stringify(data) : null, actor_id: u.id, actor_name: u.displayName });
}
