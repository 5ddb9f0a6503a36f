import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../src/db/open';
import { type PreviewServer, startPreviewServer } from '../../src/preview/server';
import { tempDir } from '../helpers/db';

let db: Db;
let server: PreviewServer;
let rendererDir: string;
let cookie: string;
beforeAll(async () => {
  const dir = tempDir();
  rendererDir = path.join(dir, 'renderer');
  fs.mkdirSync(rendererDir);
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>t</title>');
  fs.writeFileSync(path.join(dir, 'secret.txt'), 'secret');
  db = await openDatabase(path.join(dir, 'p.sqlite'));
  server = await startPreviewServer({ db, rendererDir, token: 'a'.repeat(48) });
  const r = await fetch(`${server.origin}/?token=${'a'.repeat(48)}`, { redirect: 'manual' });
  expect(r.status).toBe(302);
  expect(r.headers.get('set-cookie')).toMatch(/HttpOnly; SameSite=Strict/);
  cookie = r.headers.get('set-cookie')!.split(';')[0]!;
});
afterAll(async () => {
  await server.close();
  db.close();
});

const login = async () => cookie;

describe('browser preview bridge', () => {
  it('listens on 127.0.0.1 only', () => {
    expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });
  it('refuses everything without the per-run token, and a wrong token', async () => {
    expect((await fetch(`${server.origin}/`)).status).toBe(403);
    expect((await fetch(`${server.origin}/api/setup.status`, { method: 'POST', body: '{}' })).status).toBe(403);
    expect((await fetch(`${server.origin}/?token=wrong`)).status).toBe(403);
  });
  it('trades the token once for an HttpOnly SameSite cookie and then serves the app with its CSP', async () => {
    const again = await fetch(`${server.origin}/?token=${'a'.repeat(48)}`, { redirect: 'manual' });
    expect(again.status).toBe(403);
    expect(await again.text()).toContain('预览令牌已使用');
    expect(again.headers.get('set-cookie')).toBeNull();
    const page = await fetch(`${server.origin}/`, { headers: { cookie } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
  });
  it('runs operations through the real dispatcher, one login session per browser session', async () => {
    const a = await login();
    // A second browser session needs a second preview run (its own token).
    const other = await startPreviewServer({ db, rendererDir, token: 'b'.repeat(48) });
    const b = (await fetch(`${other.origin}/?token=${'b'.repeat(48)}`, { redirect: 'manual' })).headers.get('set-cookie')!.split(';')[0]!;
    const call = (cookie: string, op: string, body: unknown, at = server.origin) =>
      fetch(`${at}/api/${op}`, { method: 'POST', headers: { cookie, 'content-type': 'application/json', origin: at }, body: JSON.stringify(body) }).then((r) => r.json());
    expect(await call(a, 'setup.createAdmin', { username: 'admin', displayName: '管理员', role: 'admin', password: 'password-1' })).toMatchObject({ ok: true });
    expect(await call(a, 'users.list', {})).toMatchObject({ ok: true });
    expect(await call(b, 'users.list', {}, other.origin)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    await other.close();
    expect(await call(a, 'cases.saveDraft', { venueId: 1 })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const raw = await fetch(`${server.origin}/api/cases.list`, { method: 'POST', headers: { cookie: a }, body: '{oops' }).then((r) => r.json());
    expect(raw).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: '请求内容不是有效的 JSON' } });
  });
  it('refuses cross-site requests and paths outside the renderer folder', async () => {
    const cookie = await login();
    const cross = await fetch(`${server.origin}/api/auth.me`, { method: 'POST', headers: { cookie, origin: 'http://evil.example' }, body: '{}' });
    expect(cross.status).toBe(403);
    const trav = await fetch(`${server.origin}/%2e%2e/secret.txt`, { headers: { cookie } });
    expect(trav.status).toBe(404);
    expect(await trav.text()).not.toContain('secret');
  });
});
