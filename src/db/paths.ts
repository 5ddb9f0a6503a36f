import os from 'node:os';
import path from 'node:path';

export const APP_DIR_NAME = 'arbitration-desk';
export const DB_FILE_NAME = 'arbitration-desk.sqlite';

/** The per-user data folder the desktop app uses (Electron's appData + our folder), for the CLI and preview too. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(os.homedir(), 'AppData', 'Roaming'), APP_DIR_NAME);
  if (platform === 'darwin') return path.join(os.homedir(), 'Library', 'Application Support', APP_DIR_NAME);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(os.homedir(), '.config'), APP_DIR_NAME);
}

/** --db wins, then ARBITRATION_DESK_DB, then the default data folder. */
export function resolveDbPath(explicit?: string, env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(explicit ?? env.ARBITRATION_DESK_DB ?? path.join(defaultDataDir(env), DB_FILE_NAME));
}
