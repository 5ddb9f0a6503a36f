import { AppError, type OperationName, type Result, fail, ok, operations, zodIssues } from '../api';
import { deny } from '../domain';
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
  const parsed = spec.input.safeParse(rawInput === undefined ? {} : rawInput);
  if (!parsed.success) {
    const issues = zodIssues(parsed.error);
    return fail('VALIDATION', issues[0]?.message ?? '输入有误', issues);
  }
  try {
    if (spec.auth === 'user') {
      if (!ctx.session.user) return fail('UNAUTHENTICATED', '请先登录');
      // Re-read the account on every call: a disabled account or a changed role takes effect at once.
      const current = refreshSessionUser(ctx);
      if (!current) return fail('UNAUTHENTICATED', '账号已停用或不存在，请重新登录');
      if (!ctx.session.system && 'action' in spec && spec.action) {
        const reason = deny(current.role, spec.action, readSettings(ctx.db));
        if (reason) return fail('FORBIDDEN', reason);
      }
    }
    // A programming error, not a user's: operations that render documents go through dispatchAsync.
    if (!allowAsync && 'async' in spec && spec.async) return fail('INTERNAL', `操作 ${name} 须异步调用（dispatchAsync）`);
    const handler = handlers[name] as (c: ServiceContext, i: unknown) => unknown;
    const value = handler(ctx, parsed.data);
    if (value instanceof Promise) return value.then((v) => ok(v), (e: unknown) => failFrom(name, e));
    return ok(value);
  } catch (e) {
    return failFrom(name, e);
  }
}
