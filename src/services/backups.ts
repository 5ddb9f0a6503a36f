import path from 'node:path';
import { type BackupResult, dailyBackup } from '../db/backup';
import type { Db } from '../db/open';
import { upsertSetting } from '../db/queries/settings';
import { SYSTEM_USER } from './context';
import { readSettings } from './settings';

/** Records the last backup in the settings, for the settings page (issue 12 item 6). */
export function recordBackup(db: Db, r: BackupResult): void {
  upsertSetting(db, { key: 'lastBackup', value: JSON.stringify({ at: r.at, file: r.file, bytes: r.bytes }), updated_at: new Date().toISOString(), updated_by: SYSTEM_USER.id });
}

/** The folder `desk backup` writes to without --to: the settings' backup folder, else "backups" beside the database. */
export function defaultBackupDir(db: Db): string {
  return readSettings(db).backupDir ?? path.join(path.dirname(db.name), 'backups');
}

/**
 * The automatic backup, called when the app starts and every hour while it runs: one a day into the folder chosen in
 * the settings, rotated. Nothing when no folder is set. A failure (USB disk not plugged in) is logged, never thrown.
 */
export async function runDailyBackup(db: Db, now = new Date()): Promise<BackupResult | null> {
  const dir = readSettings(db).backupDir;
  if (!dir) return null;
  try {
    const r = await dailyBackup(db, dir, now);
    if (r) recordBackup(db, r);
    return r;
  } catch (e) {
    console.error(`[backup] automatic backup failed: ${e instanceof Error ? e.message : 'unknown error'}`);
    return null;
  }
}
