import type { OperationInput, OperationName, OperationOutput, Result } from '../../../src/api';

type Bridge = Record<string, (input: unknown) => Promise<Result<unknown>>>;

declare global {
  interface Window {
    /** Provided by the Electron preload; absent in the browser preview. */
    api?: Bridge;
  }
}

/** The only module that touches window.api. In the browser preview it posts to the local bridge instead. */
async function call(name: string, input: unknown): Promise<Result<unknown>> {
  if (window.api) return window.api[name]!(input);
  try {
    const res = await fetch(`/api/${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(input ?? {}),
      credentials: 'same-origin',
    });
    if (!res.ok) return { ok: false, error: { code: 'UNAUTHENTICATED', message: await res.text() } };
    return (await res.json()) as Result<unknown>;
  } catch {
    return { ok: false, error: { code: 'INTERNAL', message: '无法连接到工作台服务，请确认预览程序仍在运行' } };
  }
}

export function api<N extends OperationName>(name: N, input: OperationInput<N>): Promise<Result<OperationOutput<N>>> {
  return call(name, input) as Promise<Result<OperationOutput<N>>>;
}
