import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SECURE_WEB_PREFERENCES, decidePermission, isSurveyScreenUrl, isTrustedUrl, shouldBlockNavigation, windowOpenDecision } from '../../electron/main/policy';
import { RENDERER_CSP, resolveStaticPath } from '../../src/preview/static-files';

describe('Electron shell decisions (pure functions)', () => {
  it('trusts only documents of app://desk for IPC', () => {
    expect(isTrustedUrl('app://desk/index.html')).toBe(true);
    expect(isTrustedUrl('app://evil/index.html')).toBe(false);
    expect(isTrustedUrl('file:///etc/passwd')).toBe(false);
    expect(isTrustedUrl('https://desk/')).toBe(false);
    expect(isTrustedUrl(undefined)).toBe(false);
    expect(isTrustedUrl('not a url')).toBe(false);
  });
  it('blocks navigation away from the app and every new window', () => {
    expect(shouldBlockNavigation('https://example.com/')).toBe(true);
    expect(shouldBlockNavigation('app://desk/index.html#/cases')).toBe(false);
    expect(windowOpenDecision()).toEqual({ action: 'deny' });
  });
  it('opens a window only for the party\'s survey screen on our own page', () => {
    expect(isSurveyScreenUrl(`app://desk/index.html#/survey/${'a'.repeat(43)}`)).toBe(true);
    for (const u of ['app://desk/index.html#/cases', `app://evil/index.html#/survey/${'a'.repeat(43)}`, `https://example.com/#/survey/${'a'.repeat(43)}`,
      `app://desk/index.html#/survey/${'a'.repeat(43)}/../cases`, 'app://desk/index.html#/survey/short']) expect(isSurveyScreenUrl(u)).toBe(false);
  });
  it('denies every permission request', () => {
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) expect(decidePermission(p)).toBe(false);
  });
  it('keeps the renderer isolated and sandboxed without Node', () => {
    expect(SECURE_WEB_PREFERENCES).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false });
  });
  it('has a CSP without remote or inline scripts', () => {
    expect(RENDERER_CSP).toContain("script-src 'self'");
    expect(RENDERER_CSP).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(RENDERER_CSP).toContain("object-src 'none'");
  });
  it('serves only files inside the renderer folder (no path traversal)', () => {
    const root = path.resolve('/srv/renderer');
    expect(resolveStaticPath(root, '/')).toBe(path.join(root, 'index.html'));
    expect(resolveStaticPath(root, '/assets/a.js?x=1')).toBe(path.join(root, 'assets/a.js'));
    expect(resolveStaticPath(root, '/../secret')).toBeNull();
    expect(resolveStaticPath(root, '/%2e%2e/%2e%2e/etc/passwd')).toBeNull();
    expect(resolveStaticPath(root, '/a%00b')).toBeNull();
    expect(resolveStaticPath(root, '/%E0%A4%A')).toBeNull();
  });
});
