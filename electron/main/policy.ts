/**
 * The shell's security decisions as pure functions, tested in Node (tests/unit/electron-policy.test.ts).
 * The renderer is served from the privileged custom scheme app://desk, never from file:// or the network.
 */
export const APP_SCHEME = 'app';
export const APP_ORIGIN = 'app://desk';

/** True only for documents of our own origin; IPC from anything else is refused. */
export function isTrustedUrl(url: string | undefined | null): boolean {
  if (!url) return false;
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === 'desk';
  } catch {
    return false;
  }
}

/** In-app navigation is allowed only within our origin; everything else is blocked (no external browser either). */
export function shouldBlockNavigation(url: string): boolean {
  return !isTrustedUrl(url);
}

/** Every permission request (camera, geolocation, notifications, …) is denied: the app needs none. */
export function decidePermission(_permission: string): boolean {
  return false;
}

/** window.open and target=_blank never create a window. */
export function windowOpenDecision(): { action: 'deny' } {
  return { action: 'deny' };
}

export const SECURE_WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  spellcheck: false,
} as const;
