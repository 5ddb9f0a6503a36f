import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BrowserWindow, Menu, app, dialog, ipcMain, net, protocol, safeStorage, screen, session } from 'electron';
import { OPERATION_NAMES, fail } from '../../src/api';
import { DB_FILE_NAME } from '../../src/db/paths';
import { RENDERER_CSP, mimeType, resolveStaticPath } from '../../src/preview/static-files';
import { type Session, dispatchSafely, warmDocuments } from '../../src/services';
import { openKeyed } from '../../src/services/database-key';
import { storeKey } from '../../src/db/keystore';
import { runDailyBackup } from '../../src/services/backups';
import { runDailyGradeReview } from '../../src/services/grade-review';
import { INTEGRITY_CHECK_DELAY_MS, runDailyIntegrityCheck } from '../../src/services/integrity';
import {
  APP_ORIGIN, APP_SCHEME, allowDevTools, decidePermission, environmentOverrides, isTrustedUrl, menuTemplate, shouldBlockNavigation,
  windowOpenDecision, isSurveyScreenUrl,
} from './policy';

const here = path.dirname(fileURLToPath(import.meta.url));
const rendererRoot = path.join(here, '../renderer');

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
// One data folder for the app, the desk CLI and the preview: <appData>/arbitration-desk.
app.setPath('userData', path.join(app.getPath('appData'), 'arbitration-desk'));

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    const w = BrowserWindow.getAllWindows()[0];
    if (w) {
      if (w.isMinimized()) w.restore();
      w.focus();
    }
  });
  app.whenReady().then(start).catch((e: unknown) => {
    dialog.showErrorBox('劳动仲裁工作台无法启动', e instanceof Error ? e.message : String(e));
    app.exit(1);
  });
}

async function start(): Promise<void> {
  // Installed, the app ignores environment variables that would change what it loads (issue 12 item 7).
  const overrides = environmentOverrides(process.env, app.isPackaged);
  // The document engine's bundled fonts: beside the app when packaged (extraResources), in the project when run from source.
  process.env.ARBITRATION_DESK_FONTS = overrides.fontsDir ?? (app.isPackaged ? path.join(process.resourcesPath, 'fonts') : path.join(app.getAppPath(), 'resources', 'fonts'));
  const dbFile = path.resolve(overrides.dbFile ?? path.join(app.getPath('userData'), DB_FILE_NAME));
  // Encryption at rest (issue 12 item 5): the key is sealed by the OS (safeStorage); on Linux without a keyring
  // (basic_text) it is not sealed and an owner-only key file is used instead (docs/security.md).
  const sealer = {
    available: () => safeStorage.isEncryptionAvailable() && (process.platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text'),
    seal: (text: string) => safeStorage.encryptString(text),
    unseal: (sealed: Buffer) => safeStorage.decryptString(sealed),
  };
  const { db, key, setup } = await openKeyed(dbFile, { sealer, create: !overrides.dbFile }, { nativeBinding: overrides.nativeBinding });
  // A key left in a plain key file (a re-key from the CLI) is sealed by the OS from now on.
  if (key.key && key.source === 'key-file' && sealer.available()) storeKey(dbFile, key.key, sealer);
  if (setup) {
    await dialog.showMessageBox({ type: 'info', title: '数据库已加密：恢复密钥', message: '请抄录或打印恢复密钥，存放于保险柜', detail: setup.message, buttons: ['我已妥善保存'] });
  }
  app.on('before-quit', () => db.close());
  // The automatic daily backup to the folder chosen in the settings (issue 12 item 6): at start and hourly while running.
  void runDailyBackup(db);
  setInterval(() => void runDailyBackup(db), 3_600_000).unref();
  // the daily grade review on first use of the day (issue 16): at start and hourly, once per Beijing date
  setTimeout(() => runDailyGradeReview(db), 0);
  setInterval(() => runDailyGradeReview(db), 3_600_000).unref();
  // The full integrity check (issue 13, scale4): once a Beijing-time day, in a worker thread on its own read-only connection, a few minutes
  // after start and then hourly (date-keyed: it runs only when today's has not run).
  setTimeout(() => void runDailyIntegrityCheck(db), INTEGRITY_CHECK_DELAY_MS).unref();
  setInterval(() => void runDailyIntegrityCheck(db), 3_600_000).unref();
  // faces parsed and renderers warmed in the background, so that the first preview does not pay for them (issue 11 item 9)
  setTimeout(() => void warmDocuments(db).catch(() => undefined), 0);

  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveStaticPath(rendererRoot, new URL(request.url).pathname);
    if (!file || !fs.existsSync(file)) return new Response('Not found', { status: 404 });
    const res = await net.fetch(`file://${file}`);
    const headers = new Headers(res.headers);
    headers.set('Content-Security-Policy', RENDERER_CSP);
    headers.set('Content-Type', mimeType(file));
    return new Response(res.body, { status: res.status, headers });
  });

  session.defaultSession.setPermissionRequestHandler((_wc, permission, callback) => callback(decidePermission(permission)));
  session.defaultSession.setPermissionCheckHandler((_wc, permission) => decidePermission(permission));

  // One session (logged-in user) per window.
  const sessions = new Map<number, Session>();
  for (const name of OPERATION_NAMES) {
    ipcMain.handle(`api:${name}`, (event, input: unknown) => {
      if (!isTrustedUrl(event.senderFrame?.url)) return fail('FORBIDDEN', '拒绝来自非本程序页面的请求');
      const id = event.sender.id;
      if (!sessions.has(id)) {
        sessions.set(id, { user: null });
        event.sender.once('destroyed', () => sessions.delete(id));
      }
      return dispatchSafely({ db, session: sessions.get(id)!, now: () => new Date() }, name, input);
    });
  }

  app.on('web-contents-created', (_e, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (shouldBlockNavigation(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => (isSurveyScreenUrl(url)
      ? {
          action: 'allow',
          overrideBrowserWindowOptions: {
            width: 760, height: 680, title: '满意度评价', autoHideMenuBar: true,
            // SECURE_WEB_PREFERENCES (policy.ts), written out as for the main window.
            webPreferences: {
              contextIsolation: true, sandbox: true, nodeIntegration: false, nodeIntegrationInWorker: false, nodeIntegrationInSubFrames: false, webSecurity: true,
              allowRunningInsecureContent: false, webviewTag: false, spellcheck: false, disableBlinkFeatures: 'Auxclick', devTools: allowDevTools(app.isPackaged),
              preload: path.join(here, '../preload/index.cjs'),
            },
          },
        }
      : windowOpenDecision()));
    // The survey screen goes to a second display when there is one (the party's side of the counter).
    contents.on('did-create-window', (w) => {
      const primary = screen.getPrimaryDisplay();
      const other = screen.getAllDisplays().find((d) => d.id !== primary.id);
      if (other) w.setBounds({ ...other.workArea });
    });
  });

  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(app.isPackaged) as Electron.MenuItemConstructorOptions[]));
  const win = new BrowserWindow({
    width: 1360,
    height: 880,
    title: '劳动仲裁工作台',
    show: false,
    // SECURE_WEB_PREFERENCES (policy.ts), written out so that static checks see them; a unit test keeps the two equal.
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      disableBlinkFeatures: 'Auxclick',
      devTools: allowDevTools(app.isPackaged),
      preload: path.join(here, '../preload/index.cjs'),
    },
  });
  win.once('ready-to-show', () => win.show());
  await win.loadURL(`${APP_ORIGIN}/index.html`);
}

app.on('window-all-closed', () => app.quit());
