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
  const r = await send(name, input);
  // A session locked after inactivity: the app shows the lock screen over the page, which keeps its form contents.
  if (!r.ok && r.error.code === 'LOCKED') window.dispatchEvent(new Event(LOCKED_EVENT));
  return r;
}

/** Fired on window when an operation finds the session locked. */
export const LOCKED_EVENT = 'desk:locked';

async function send(name: string, input: unknown): Promise<Result<unknown>> {
  if (window.api) return window.api[name]!(input);
  try {
    const res = await fetch(`/api/${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(input ?? {}),
      credentials: 'same-origin',
    });
    // The bridge answers malformed or oversized requests with an error envelope and a 4xx status.
    if (res.headers.get('content-type')?.startsWith('application/json')) return (await res.json()) as Result<unknown>;
    if (!res.ok) return { ok: false, error: { code: 'UNAUTHENTICATED', message: await res.text() } };
    return (await res.json()) as Result<unknown>;
  } catch {
    return { ok: false, error: { code: 'INTERNAL', message: '无法连接到工作台服务，请确认预览程序仍在运行' } };
  }
}

export function api<N extends OperationName>(name: N, input: OperationInput<N>): Promise<Result<OperationOutput<N>>> {
  return call(name, input) as Promise<Result<OperationOutput<N>>>;
}
