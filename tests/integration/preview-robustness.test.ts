import { spawnSync } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatchAsync, dispatchSafely } from '../../src/services';
import { openTestDb, tempDir } from '../helpers/db';
import { type PreviewProcess, rawRequest, startPreviewProcess } from '../helpers/preview-process';

/**
 * Issue 12 item 4: no request crashes the preview server. The real preview runs in a child process; after each
 * malformed request the process must still be alive and answer a good request.
 */
let p: PreviewProcess;
let cookie: string;

const alive = () => p.child.exitCode === null && p.child.signalCode === null;
const goodRequest = async () => {
  const r = await fetch(`${p.origin}/api/setup.status`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: '{}' });
  return { status: r.status, body: (await r.json()) as { ok: boolean } };
};
const raw = (lines: string[], body: Buffer | string = '') =>
  rawRequest(p.port, Buffer.concat([Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1'), Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8')]));
const statusOf = (response: string) => Number(/^HTTP\/1\.1 (\d{3})/.exec(response)?.[1] ?? 0);

beforeAll(async () => {
  p = await startPreviewProcess(path.join(tempDir(), 'robust.sqlite'));
  const r = await fetch(p.url, { redirect: 'manual' });
  cookie = r.headers.get('set-cookie')!.split(';')[0]!;
});
afterAll(async () => {
  await p?.stop();
});

describe('preview server: requests that used to crash it', () => {
  it('answers `GET //[` (an unparsable URL, no token needed) with 400 and keeps serving', async () => {
    const res = await raw(['GET //[ HTTP/1.1', 'Host: 127.0.0.1', 'Connection: close']);
    expect(statusOf(res)).toBe(400);
    expect(alive()).toBe(true);
    expect((await goodRequest()).body.ok).toBe(true);
  });

  it('answers a bad percent-escape in an /api/ operation name with an error envelope and keeps serving', async () => {
    const res = await raw(['POST /api/cases.%E0%A4%A HTTP/1.1', 'Host: 127.0.0.1', `Cookie: ${cookie}`, 'Content-Type: application/json', 'Content-Length: 2', 'Connection: close'], '{}');
    expect(statusOf(res)).toBe(400);
    expect(res).toContain('UNKNOWN_OPERATION');
    expect(alive()).toBe(true);
    expect((await goodRequest()).body.ok).toBe(true);
  });

  it('answers a body that is not UTF-8 with a Chinese validation message', async () => {
    const body = Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]);
    const res = await raw(['POST /api/setup.status HTTP/1.1', 'Host: 127.0.0.1', `Cookie: ${cookie}`, `Content-Length: ${body.length}`, 'Connection: close'], body);
    expect(statusOf(res)).toBe(400);
    expect(Buffer.from(res, 'latin1').toString('utf8')).toContain('请求内容不是有效的 UTF-8 文本');
    expect(alive()).toBe(true);
  });

  it('answers a body over the limit with 413 instead of cutting the connection', async () => {
    const big = Buffer.alloc(9 * 1024 * 1024, 0x20);
    const r = await fetch(`${p.origin}/api/setup.status`, { method: 'POST', headers: { cookie }, body: big }).catch((e: unknown) => e);
    expect(r).toBeInstanceOf(Response);
    expect((r as Response).status).toBe(413);
    expect(alive()).toBe(true);
    expect((await goodRequest()).body.ok).toBe(true);
  });

  it('answers huge headers, a wrong method and garbage with 4xx and keeps serving', async () => {
    expect(statusOf(await raw(['GET / HTTP/1.1', 'Host: 127.0.0.1', `X-Big: ${'a'.repeat(70_000)}`]))).toBe(431);
    expect(statusOf(await raw(['DELETE /api/setup.status HTTP/1.1', 'Host: 127.0.0.1', `Cookie: ${cookie}`, 'Connection: close']))).toBe(405);
    expect(statusOf(await raw(['\u0000\u00ff garbage']))).toBe(400);
    expect(alive()).toBe(true);
    expect((await goodRequest()).body.ok).toBe(true);
  });
});

/** A small seeded generator, so that a failing fuzz run can be repeated exactly. */
function rng(seed: number) {
  let x = seed >>> 0;
  return () => {
    x = (x * 1664525 + 1013904223) >>> 0;
    return x / 2 ** 32;
  };
}

describe('preview server: fuzz', () => {
  it('answers 10,000 malformed requests with an HTTP error or an error envelope, then still serves a good one', async () => {
    const rand = rng(20261130);
    const pick = <T,>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
    const bytes = (n: number) => Buffer.from(Array.from({ length: n }, () => Math.floor(rand() * 256)));
    const ops = ['setup.status', 'auth.login', 'cases.list', 'cases.get', 'users.create', 'documents.file'];
    const badPaths = ['//[', '/%', '/%E0%A4%A', '/%00', '/..%2f..%2fetc%2fpasswd', '/\\..\\', '//[::1', '/?token=%', '/?token=' + 'b'.repeat(48), '/a?%zz=1', '/%F0%9F', '/api/', '/api/%', '/api/%C0%AF', `/api/${'%41'.repeat(2000)}`, '/api/__proto__', '/api/constructor', 'http://[/', '*'];
    const methods = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD', 'TRACE', 'CONNECT', 'BREW', 'G\u0000T', ''];
    const badBodies = (): Buffer =>
      pick([
        () => Buffer.from('{oops'),
        () => Buffer.from('[[[[[[[[[[' + '['.repeat(5000)),
        () => Buffer.from('{"username":' + '"\\ud800"' + '}'),
        () => Buffer.from([0x7b, 0x22, 0xc3, 0x28, 0x22, 0x3a, 0x31, 0x7d]),
        () => Buffer.from([0xff, 0xfe, 0xfd]),
        () => bytes(1 + Math.floor(rand() * 200)),
        () => Buffer.from('null'),
        () => Buffer.from('"string"'),
        () => Buffer.from(JSON.stringify({ username: 'x'.repeat(100_000), password: 1 })),
        () => Buffer.from('{"__proto__":{"admin":true},"id":"' + '../'.repeat(50) + '"}'),
      ])();
    const kinds: Array<() => Buffer> = [
      // Bad request line or URL.
      () => Buffer.from(`${pick(methods)} ${pick(badPaths)} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`, 'latin1'),
      // The same with a session cookie, so that it reaches the API code.
      () => Buffer.from(`${pick(['GET', 'POST', 'PUT'])} ${pick(badPaths)} HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: ${cookie}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`, 'latin1'),
      // Bad bodies: not JSON, not UTF-8, deep nesting, wrong shapes.
      () => {
        const body = badBodies();
        return Buffer.concat([Buffer.from(`POST /api/${pick(ops)} HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: ${cookie}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n`), body]);
      },
      // Huge headers: one long value, or many.
      () => Buffer.from(`GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n${rand() < 0.5 ? `X-A: ${'a'.repeat(20_000 + Math.floor(rand() * 50_000))}\r\n` : Array.from({ length: 3000 }, (_, i) => `X-${i}: v\r\n`).join('')}Connection: close\r\n\r\n`),
      // A declared body far over the limit.
      () => Buffer.from(`POST /api/setup.status HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: ${cookie}\r\nContent-Length: ${pick(['999999999999', '9437184', '-1', 'abc', '1e9'])}\r\nConnection: close\r\n\r\n{}`),
      // Random bytes, with or without a plausible start.
      () => Buffer.concat([Buffer.from(rand() < 0.5 ? 'GET / HTTP/1.1\r\n' : ''), bytes(1 + Math.floor(rand() * 400)), Buffer.from('\r\n\r\n')]),
      // Bad header bytes and cookies.
      () => Buffer.concat([Buffer.from('POST /api/cases.list HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: '), bytes(40), Buffer.from(`\r\nOrigin: ${pick(['null', 'http://evil.example', '%', ''])}\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}`)]),
      // Wrong protocol versions and chunked encodings.
      () => Buffer.from(pick([`GET / HTTP/9.9\r\n\r\n`, `POST /api/setup.status HTTP/1.1\r\nHost: x\r\nCookie: ${cookie}\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\nzz\r\n{}\r\n0\r\n\r\n`, `POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\nabc`, 'GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\nConnection: close\r\n\r\n', `GET / HTTP/1.1\r\nHost: a\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nCookie: ${cookie}\r\n\r\n`])),
    ];

    const TOTAL = 10_000;
    const statuses = new Map<number, number>();
    let sent = 0;
    const worker = async () => {
      while (sent < TOTAL) {
        sent++;
        const k = Math.floor(rand() * kinds.length);
        const req = kinds[k]!();
        const status = statusOf(await rawRequest(p.port, req, 5000));
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      }
    };
    await Promise.all(Array.from({ length: 12 }, worker));

    expect(sent).toBe(TOTAL);
    expect(alive()).toBe(true);
    // Every request got an answer (no cut connection, status 0), and none was a server error.
    expect(statuses.get(0) ?? 0).toBe(0);
    expect([...statuses.keys()].filter((s) => s >= 500)).toEqual([]);
    const good = await goodRequest();
    expect(good.status).toBe(200);
    expect(good.body.ok).toBe(true);
  }, 300_000);
});

describe('transports (IPC handlers, preview): the last guard', () => {
  it('turns an exception inside the dispatcher into an INTERNAL error envelope instead of a throw', async () => {
    const t = await openTestDb();
    try {
      // An input whose reading throws: impossible over IPC's structured clone, but it proves the guard holds.
      const evil = { get username(): string { throw new Error('boom'); }, password: 'x' };
      await expect(dispatchAsync(t.ctx(), 'auth.login', evil)).rejects.toThrow('boom');
      expect(await dispatchSafely(t.ctx(), 'auth.login', evil)).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
      expect(await dispatchSafely(t.ctx(), 'auth.login', { username: 'nobody', password: 'x' })).toMatchObject({ ok: false });
    } finally {
      t.close();
    }
  });
});

describe('preview start-up', () => {
  it('explains a busy port in Chinese, without a stack trace, and exits 1', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      const r = spawnSync(process.execPath, ['--import', 'tsx', path.resolve('src/preview/main.ts'), '--db', path.join(tempDir(), 'busy.sqlite'), '--port', String(port)], { encoding: 'utf8', timeout: 60_000 });
      expect(r.status).toBe(1);
      expect(r.stderr).toContain(`端口 ${port} 已被占用`);
      expect(r.stderr).toContain('--port');
      expect(r.stderr + r.stdout).not.toMatch(/EADDRINUSE|\n\s+at |Error:/);
    } finally {
      blocker.close();
    }
  });
});
