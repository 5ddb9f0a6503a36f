import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { fail } from '../api';
import type { Db } from '../db/open';
import { type Session, dispatchSafely } from '../services';
import { RENDERER_CSP, mimeType, resolveStaticPath } from './static-files';

export interface PreviewServer {
  /** The address to open, with the per-run token; the first visit trades it for a session cookie, once. */
  url: string;
  origin: string;
  close: () => Promise<void>;
}

/** The preview could not start; the message is for the user, in Chinese. */
export class PreviewStartError extends Error {
  override name = 'PreviewStartError';
}

const COOKIE = 'desk_session';
const MAX_BODY = 8 * 1024 * 1024;
const DRAIN_LIMIT = 64 * 1024 * 1024;
const UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The browser preview: the real renderer and the real services on a real SQLite file, over HTTP on 127.0.0.1.
 * Access needs the per-run token; each browser session gets its own login session, like an Electron window.
 */
export async function startPreviewServer(opts: { db: Db; rendererDir: string; port?: number; token?: string }): Promise<PreviewServer> {
  const token = opts.token ?? randomBytes(24).toString('hex');
  const sessions = new Map<string, Session>();
  let tokenUsed = false;
  let origin = '';

  const sameToken = (given: string | null) => {
    if (!given) return false;
    const a = Buffer.from(given);
    const b = Buffer.from(token);
    return a.length === b.length && timingSafeEqual(a, b);
  };
  const sessionOf = (req: http.IncomingMessage): Session | undefined => {
    const m = new RegExp(`(?:^|;\\s*)${COOKIE}=([0-9a-f]{64})`).exec(req.headers.cookie ?? '');
    return m ? sessions.get(m[1]!) : undefined;
  };

  const handle = (req: http.IncomingMessage, res: http.ServerResponse) => {
    req.on('error', () => res.destroy());
    let url: URL;
    try {
      url = new URL(req.url ?? '/', origin);
    } catch {
      return text(res, 400, '请求地址无效。');
    }
    if (req.method === 'GET' && url.searchParams.has('token')) {
      if (!sameToken(url.searchParams.get('token'))) return text(res, 403, '预览令牌无效：请使用启动时打印的地址。');
      // The token opens one browser session only (issue 12 item 3): a copied or logged address opens nothing.
      if (tokenUsed) return text(res, 403, '预览令牌已使用：每次启动只能用它打开一个浏览器会话。如需重新打开，请重启预览。');
      tokenUsed = true;
      const sid = randomBytes(32).toString('hex');
      sessions.set(sid, { user: null });
      res.writeHead(302, { 'Set-Cookie': `${COOKIE}=${sid}; HttpOnly; SameSite=Strict; Path=/`, Location: '/' });
      return res.end();
    }
    const session = sessionOf(req);
    if (!session) return text(res, 403, '未授权：请使用启动时打印的带令牌地址打开预览。');

    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return text(res, 405, '此地址只接受 POST 请求。', { Allow: 'POST' });
      // Cross-site requests cannot carry our SameSite cookie; the Origin check is a second lock.
      if (req.headers.origin && req.headers.origin !== origin) return text(res, 403, '拒绝跨站请求');
      let name: string;
      try {
        name = decodeURIComponent(url.pathname.slice('/api/'.length));
      } catch {
        return json(res, fail('UNKNOWN_OPERATION', '未知的操作'), 400);
      }
      const declared = Number(req.headers['content-length'] ?? 0);
      if (declared > MAX_BODY) return tooLarge(req, res);
      let size = 0;
      const chunks: Buffer[] = [];
      const onData = (c: Buffer) => {
        size += c.length;
        if (size <= MAX_BODY) chunks.push(c);
        else {
          req.off('data', onData);
          tooLarge(req, res);
        }
      };
      req.on('data', onData);
      req.on('end', () => {
        if (size > MAX_BODY) return;
        let input: unknown;
        try {
          input = chunks.length ? JSON.parse(UTF8.decode(Buffer.concat(chunks))) : undefined;
        } catch (e) {
          const what = e instanceof TypeError ? '请求内容不是有效的 UTF-8 文本' : '请求内容不是有效的 JSON';
          return json(res, fail('VALIDATION', what), 400);
        }
        void dispatchSafely({ db: opts.db, session, now: () => new Date() }, name, input).then((r) => json(res, r));
      });
      return;
    }
    if (req.method !== 'GET') return text(res, 405, '此地址只接受 GET 请求。', { Allow: 'GET' });
    const file = resolveStaticPath(opts.rendererDir, url.pathname);
    if (!file || !fs.existsSync(file) || !fs.statSync(file).isFile()) return text(res, 404, '找不到该页面。');
    res.writeHead(200, {
      'Content-Type': mimeType(file),
      'Content-Security-Policy': RENDERER_CSP,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
    });
    fs.createReadStream(file).on('error', () => res.destroy()).pipe(res);
  };

  const server = http.createServer((req, res) => {
    try {
      handle(req, res);
    } catch (e) {
      // A bug, not the caller's fault: answer and keep serving. No request content in the log.
      console.error(`[preview] request failed: ${e instanceof Error ? e.name : 'unknown error'}`);
      if (!res.headersSent) text(res, 500, '服务器内部错误，请重试。');
      else res.destroy();
    }
  });
  // CONNECT and protocol upgrades are not for this server; without a listener Node would drop them without an answer.
  const refuseRaw = (_req: http.IncomingMessage, socket: import('node:stream').Duplex) => {
    socket.on('error', () => socket.destroy());
    const body = Buffer.from('不支持此请求方式。', 'utf8');
    socket.end(`HTTP/1.1 405 Method Not Allowed\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body.toString('utf8')}`);
  };
  server.on('connect', refuseRaw);
  server.on('upgrade', refuseRaw);
  // Requests Node's parser rejects (bad request line, oversized headers, bad bytes) never reach the handler.
  server.on('clientError', (err: NodeJS.ErrnoException, socket) => {
    if (!socket.writable || err.code === 'ECONNRESET') return socket.destroy();
    const [status, reason, body] =
      err.code === 'HPE_HEADER_OVERFLOW' ? [431, 'Request Header Fields Too Large', '请求头过大。']
      : err.code === 'HPE_REQUEST_TIMEOUT' || err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? [408, 'Request Timeout', '请求超时。']
      : [400, 'Bad Request', '请求格式无效。'];
    const bytes = Buffer.from(body, 'utf8');
    socket.end(`HTTP/1.1 ${status} ${reason}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${bytes.length}\r\nConnection: close\r\n\r\n${body}`);
  });

  const port = opts.port ?? 0;
  await new Promise<void>((resolve, reject) => {
    server.once('error', (e: NodeJS.ErrnoException) =>
      reject(new PreviewStartError(
        e.code === 'EADDRINUSE' ? `端口 ${port} 已被占用：请关闭占用该端口的程序，或用 --port 指定其他端口（例如 --port ${port === 5199 ? 5200 : 5199}）。`
        : e.code === 'EACCES' ? `没有权限使用端口 ${port}：请用 --port 指定 1024 以上的端口。`
        : `预览无法在端口 ${port} 上启动（${e.code ?? '未知原因'}）。`,
      )));
    server.listen(port, '127.0.0.1', resolve);
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: `${origin}/?token=${token}`,
    origin,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

function text(res: http.ServerResponse, status: number, body: string, headers: Record<string, string> = {}) {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', ...headers });
  res.end(body);
}

function json(res: http.ServerResponse, body: unknown, status = 200) {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
}

/**
 * Answers 413 and reads (and drops) the rest of the body up to a bound, so that the client gets the answer instead
 * of a cut connection; beyond the bound the connection is closed.
 */
function tooLarge(req: http.IncomingMessage, res: http.ServerResponse) {
  let dropped = 0;
  req.on('data', (c: Buffer) => {
    dropped += c.length;
    if (dropped > DRAIN_LIMIT) req.destroy();
  });
  json(res, fail('VALIDATION', `请求内容过大（上限 ${MAX_BODY / 1024 / 1024} MB）。`), 413);
}
