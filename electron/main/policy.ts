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

/** window.open and target=_blank never create a window, except the party's survey screen (below). */
export function windowOpenDecision(): { action: 'deny' } {
  return { action: 'deny' };
}

/**
 * The one window the renderer may open (issue 15 item 4): the party's survey screen, our own page on a survey link
 * (#/survey/<token>). It opens as a separate window with its own IPC session (not logged in) and the same secure web
 * preferences; the renderer shows nothing but the survey in it.
 */
export function isSurveyScreenUrl(url: string): boolean {
  return /^app:\/\/desk\/index\.html#\/survey\/[A-Za-z0-9_-]{20,64}$/.test(url);
}

/**
 * The window's web preferences. electron/main/index.ts writes them out literally (so that electronegativity can read
 * them); tests/unit/electron-hardening.test.ts checks that literal against this object.
 */
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
  // A middle click cannot open a link in a new window (window.open is denied as well).
  disableBlinkFeatures: 'Auxclick',
} as const;

// ------------------------------------------------------------------------------------------------ packaged builds
// issue 12 item 7: what the installed app allows, decided by `app.isPackaged` (passed in, so these are testable in Node).

/** DevTools only when run from source. */
export function allowDevTools(isPackaged: boolean): boolean {
  return !isPackaged;
}

export interface EnvironmentOverrides {
  /** ARBITRATION_DESK_DB: another database file. */
  dbFile?: string;
  /** ARBITRATION_DESK_SQLITE_BINDING: another native SQLite binding (a swapped binary could read every record). */
  nativeBinding?: string;
  /** ARBITRATION_DESK_FONTS: another font folder for the documents. */
  fontsDir?: string;
}

/** Environment variables that change what the app loads are honoured when run from source only, never when installed. */
export function environmentOverrides(env: Record<string, string | undefined>, isPackaged: boolean): EnvironmentOverrides {
  if (isPackaged) return {};
  const pick = (v: string | undefined) => (v ? v : undefined);
  return { dbFile: pick(env.ARBITRATION_DESK_DB), nativeBinding: pick(env.ARBITRATION_DESK_SQLITE_BINDING), fontsDir: pick(env.ARBITRATION_DESK_FONTS) };
}

/** A menu item as Electron's Menu.buildFromTemplate takes it (the subset used here). */
export interface MenuItem {
  label?: string;
  role?: string;
  type?: 'separator';
  submenu?: MenuItem[];
}

/** A minimal Chinese menu; the development menu (reload, DevTools) only when run from source. */
export function menuTemplate(isPackaged: boolean): MenuItem[] {
  const menu: MenuItem[] = [
    { label: '文件', submenu: [{ role: 'quit', label: '退出' }] },
    {
      label: '编辑',
      submenu: [
        { role: 'undo', label: '撤销' }, { role: 'redo', label: '重做' }, { type: 'separator' },
        { role: 'cut', label: '剪切' }, { role: 'copy', label: '复制' }, { role: 'paste', label: '粘贴' }, { role: 'selectAll', label: '全选' },
      ],
    },
    {
      label: '视图',
      submenu: [{ role: 'resetZoom', label: '实际大小' }, { role: 'zoomIn', label: '放大' }, { role: 'zoomOut', label: '缩小' }, { type: 'separator' }, { role: 'togglefullscreen', label: '全屏' }],
    },
  ];
  if (!isPackaged) menu.push({ label: '开发', submenu: [{ role: 'reload', label: '重新加载' }, { role: 'toggleDevTools', label: '开发者工具' }] });
  return menu;
}
