import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { fail } from '../api';
import type { Db } from '../db/open';
import { type Session, dispatchAsync } from '../services';
import { RENDERER_CSP, mimeType, resolveStaticPath } from './static-files';

export interface PreviewServer {
  /** The address to open, with the per-run token; the first visit trades it for a session cookie. */
  url: string;
  origin: string;
  close: () => Promise<void>;
}

const COOKIE = 'desk_session';
const MAX_BODY = 8 * 1024 * 1024;

/**
 * The browser preview: the real renderer and the real services on a real SQLite file, over HTTP on 127.0.0.1.
 * Access needs the per-run token; each browser session gets its own login session, like an Electron window.
 */
export async function startPreviewServer(opts: { db: Db; rendererDir: string; port?: number; token?: string }): Promise<PreviewServer> {
  const token = opts.token ?? randomBytes(24).toString('hex');
  const sessions = new Map<string, Session>();
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

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', origin);
    if (req.method === 'GET' && url.searchParams.has('token')) {
      if (!sameToken(url.searchParams.get('token'))) return text(res, 403, '预览令牌无效：请使用启动时打印的地址。');
      const sid = randomBytes(32).toString('hex');
      sessions.set(sid, { user: null });
      res.writeHead(302, { 'Set-Cookie': `${COOKIE}=${sid}; HttpOnly; SameSite=Strict; Path=/`, Location: '/' });
      return res.end();
    }
    const session = sessionOf(req);
    if (!session) return text(res, 403, '未授权：请使用启动时打印的带令牌地址打开预览。');

    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return text(res, 405, 'POST only');
      // Cross-site requests cannot carry our SameSite cookie; the Origin check is a second lock.
      if (req.headers.origin && req.headers.origin !== origin) return text(res, 403, '拒绝跨站请求');
      let size = 0;
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => {
        size += c.length;
        if (size > MAX_BODY) req.destroy();
        else chunks.push(c);
      });
      req.on('end', () => {
        let input: unknown;
        try {
          input = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : undefined;
        } catch {
          return json(res, fail('VALIDATION', '请求内容不是有效的 JSON'));
        }
        const name = decodeURIComponent(url.pathname.slice('/api/'.length));
        void dispatchAsync({ db: opts.db, session, now: () => new Date() }, name, input).then((r) => json(res, r));
      });
      return;
    }
    if (req.method !== 'GET') return text(res, 405, 'GET only');
    const file = resolveStaticPath(opts.rendererDir, url.pathname);
    if (!file || !fs.existsSync(file) || !fs.statSync(file).isFile()) return text(res, 404, 'Not found');
    res.writeHead(200, {
      'Content-Type': mimeType(file),
      'Content-Security-Policy': RENDERER_CSP,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
    });
    fs.createReadStream(file).pipe(res);
  });

  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: `${origin}/?token=${token}`,
    origin,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

function text(res: http.ServerResponse, status: number, body: string) {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(body);
}

function json(res: http.ServerResponse, body: unknown) {
  res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
}
