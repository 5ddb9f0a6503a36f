import { AppError, type OperationName, type Result, fail, isReadOperation, ok, operations, zodIssues } from '../api';
import { cleanInput, deny } from '../domain';
import { auditOnly, isKept, writeTx } from './tx';
import { requireCaseAccess } from './case-access';
import type { ServiceContext } from './context';
import { handlers } from './handlers';
import { readSettings } from './settings';
import { refreshSessionUser } from './users';

export const isOperationName = (name: unknown): name is OperationName =>
  typeof name === 'string' && Object.prototype.hasOwnProperty.call(operations, name);

export { zodIssues }; // moved to src/api (the renderer checks forms with the same schema issues)

/**
 * The single entry point every transport uses: validate with the operation's schema, check the session and the
 * permission, run the handler, and wrap the answer. A rejected input never reaches a handler, so it writes nothing.
 */
export function dispatch(ctx: ServiceContext, name: unknown, rawInput: unknown): Result<unknown> {
  return run(ctx, name, rawInput, false) as Result<unknown>;
}

/** What every transport calls: awaits operations whose handler is asynchronous (rendering documents). */
export async function dispatchAsync(ctx: ServiceContext, name: unknown, rawInput: unknown): Promise<Result<unknown>> {
  return run(ctx, name, rawInput, true);
}

function failFrom(name: string, e: unknown): Result<never> {
  if (e instanceof AppError) return fail(e.code, e.message, e.issues);
  // No input values in the log: they may hold ID numbers, phones or wages.
  console.error(`[dispatch] ${name} failed: ${e instanceof Error ? `${e.name}: ${e.message.split('\n')[0]}` : 'unknown error'}`);
  return fail('INTERNAL', '操作未能完成，数据未作更改。请重试；如仍失败请联系系统管理员');
}

function run(ctx: ServiceContext, name: unknown, rawInput: unknown, allowAsync: boolean): Result<unknown> | Promise<Result<unknown>> {
  if (!isOperationName(name)) return fail('UNKNOWN_OPERATION', '未知的操作');
  const spec = operations[name];
  // Text hygiene before the schema: every string normalised to NFC; control, bidi and broken characters refused by field.
  const cleaned = cleanInput(rawInput === undefined ? {} : rawInput);
  if (!cleaned.ok) return fail('VALIDATION', cleaned.issue.message, [cleaned.issue]);
  const parsed = spec.input.safeParse(cleaned.value);
  if (!parsed.success) {
    const issues = zodIssues(parsed.error);
    return fail('VALIDATION', issues[0]?.message ?? '输入有误', issues);
  }
  // Each call gets its own context (the session is shared): the operation's name and its write scope belong to the call.
  const call: ServiceContext = { db: ctx.db, session: ctx.session, now: ctx.now, op: name };
  try {
    if (spec.auth === 'user') {
      if (!call.session.user) return fail('UNAUTHENTICATED', '请先登录');
      // Re-read the account on every call: a disabled account or a changed role takes effect at once.
      const current = refreshSessionUser(call);
      if (!current) return fail('UNAUTHENTICATED', '账号已停用或不存在，请重新登录');
      if (!call.session.system && 'action' in spec && spec.action) {
        const reason = deny(current.role, spec.action, readSettings(call.db));
        if (reason) return fail('FORBIDDEN', reason);
      }
      // Need-to-know (issue 12 item 2): the cases a lawyer or window staff may read, for every operation, here.
      requireCaseAccess(call, name, 'action' in spec ? spec.action : undefined, parsed.data);
    }
    // A programming error, not a user's: operations that render documents go through dispatchAsync.
    if (!allowAsync && 'async' in spec && spec.async) return fail('INTERNAL', `操作 ${name} 须异步调用（dispatchAsync）`);
    const handler = handlers[name] as (c: ServiceContext, i: unknown) => unknown;
    const isAsync = 'async' in spec && !!spec.async;
    if (call.db.readonly && !isReadOperation(name)) {
      // A database that failed its integrity check is open read-only: say so instead of failing inside SQLite.
      return fail('INVALID_STATE', (call.db as { corruptWarning?: string }).corruptWarning ?? '数据库以只读方式打开，不能保存修改');
    }
    // Synchronous writes: one IMMEDIATE transaction around checks and writes, with the audit entry. Asynchronous ones
    // (rendering) prepare and render outside, then commit through writeTx themselves.
    const value = isAsync || isReadOperation(name) ? handler(call, parsed.data) : writeTx(call, () => handler(call, parsed.data));
    if (value instanceof Promise) return value.then((v) => ok(v), (e: unknown) => afterFailure(call, name, parsed.data, e));
    return ok(value);
  } catch (e) {
    return afterFailure(call, name, parsed.data, e);
  }
}

/** A failed login is recorded (account name, never the password); every failure is answered in Chinese. */
function afterFailure(ctx: ServiceContext, name: OperationName, input: unknown, e: unknown): Result<never> {
  if (name === 'auth.login' && e instanceof AppError && !isKept(e)) {
    try {
      auditOnly(ctx, 'auth.loginFailed', null, { username: (input as { username?: string }).username ?? null, code: e.code });
    } catch {
      /* recording must not turn a refused login into a crash */
    }
  }
  return failFrom(name, e);
}
