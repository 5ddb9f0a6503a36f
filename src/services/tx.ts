import { appendEntry, clearChanges, collectChanges } from '../db/audit-chain';
import { beginWrite, commitWrite, rollbackWrite } from '../db/transaction';
import { type ServiceContext, SYSTEM_USER, nowIso } from './context';
import { refreshChangedDeadlines } from './deadline-store';
import { refreshChangedGrades } from './supervision';
import { refreshChangedFacts } from './stats-facts';

/**
 * The one write path. Runs `fn` in one IMMEDIATE transaction with its checks inside it, and appends the operation's
 * audit entry (actor, origin, operation, the rows it changed, chained by hash) in the same transaction. Nested calls
 * (a service calling another) join the open transaction. Operations that render documents call it for their commit
 * step only (prepare → render → commit).
 */
const kept = new WeakSet<object>();

/**
 * Marks an error whose operation's writes must be kept although it fails: a failed login's throttle counter. The
 * transaction commits with its audit entry (action “<operation>Failed”), then the error goes back to the caller.
 */
export function keepWrites<E extends Error>(e: E): E {
  kept.add(e);
  return e;
}

export const isKept = (e: unknown): boolean => typeof e === 'object' && e !== null && kept.has(e);

export function writeTx<T>(ctx: ServiceContext, fn: () => T, opts: { op?: string } = {}): T {
  if (ctx.scope) return fn();
  const db = ctx.db;
  // A caller that groups several operations all-or-nothing (the CLI's create-and-accept) holds an outer transaction:
  // each operation then runs in a savepoint inside it and still appends its own entry.
  const t = beginWrite(db);
  const scope = { op: opts.op ?? ctx.op ?? 'unknown', target: null as string | null, notes: [] as Record<string, unknown>[] };
  ctx.scope = scope;
  try {
    clearChanges(db);
    const result = fn();
    if (result instanceof Promise) throw new Error('writeTx: the transaction body must be synchronous');
    refreshChangedDeadlines(ctx); // issue 13: the stored deadlines of the cases this write changed, in the same transaction
    refreshChangedFacts(ctx); // issue 15 item 8: the statistics' per-case facts of the cases this write changed
    refreshChangedGrades(ctx); // issue 16: the grades of the employers whose signals this write changed
    record(ctx, scope);
    commitWrite(db, t);
    return result;
  } catch (e) {
    if (isKept(e) && db.inTransaction) {
      scope.op = `${scope.op}Failed`;
      record(ctx, scope);
      commitWrite(db, t);
      throw e;
    }
    rollbackWrite(db, t);
    throw e;
  } finally {
    ctx.scope = undefined;
  }
}

function record(ctx: ServiceContext, scope: { op: string; target: string | null; notes: Record<string, unknown>[] }): void {
  const { entities, digest } = collectChanges(ctx.db);
  if (!entities.length && !scope.notes.length) return;
  const u = ctx.session.user ?? SYSTEM_USER;
  clearChanges(ctx.db);
  appendEntry(ctx.db, {
    at: nowIso(ctx),
    actorId: u.id,
    actorName: ctx.session.user ? u.displayName : '（未登录）',
    origin: ctx.session.origin ?? null,
    action: scope.op,
    target: scope.target,
    detail: scope.notes.length ? scope.notes : null,
  }, entities, digest);
}

/** An audit entry for something that did not change the record but must be accounted for (a failed login). */
export function auditOnly(ctx: ServiceContext, op: string, target: string | null, detail: Record<string, unknown>): void {
  writeTx(ctx, () => {
    ctx.scope!.notes.push(detail);
    ctx.scope!.target = target;
  }, { op });
}

/**
 * Runs `fn` against the database as it would be after a write, then rolls everything back: how an operation that must
 * render documents from a state it is about to create (a moved hearing's notices) prepares them before its one commit.
 */
export function dryRun<T>(ctx: ServiceContext, fn: () => T): T {
  if (ctx.scope || ctx.db.inTransaction) throw new Error('dryRun inside a transaction');
  const t = beginWrite(ctx.db);
  ctx.scope = { op: 'dry-run', target: null, notes: [] };
  try {
    return fn();
  } finally {
    ctx.scope = undefined;
    rollbackWrite(ctx.db, t);
  }
}
