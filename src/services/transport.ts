import { type Result, fail } from '../api';
import type { ServiceContext } from './context';
import { dispatchAsync } from './dispatch';

/**
 * What a transport (IPC handler, preview server) calls: the dispatcher, with a last guard so that nothing a caller
 * sends can turn into an exception or an unhandled rejection in the transport (issue 12 item 4).
 */
export async function dispatchSafely(ctx: ServiceContext, name: unknown, input: unknown): Promise<Result<unknown>> {
  try {
    return await dispatchAsync(ctx, name, input);
  } catch (e) {
    // No input values in the log: they may hold ID numbers, phones or wages.
    console.error(`[transport] ${typeof name === 'string' ? name.slice(0, 80) : 'request'} failed: ${e instanceof Error ? e.name : 'unknown error'}`);
    return fail('INTERNAL', '操作未能完成，数据未作更改。请重试；如仍失败请联系系统管理员');
  }
}
