import type { Db } from '../open';
import type { SettingRow } from './rows';
import { stmt } from './stmt';

/** Every stored setting (key and JSON value). */
export function selectSettingValues(db: Db): Pick<SettingRow, 'key' | 'value'>[] {
  return stmt(db, 'SELECT key, value FROM settings').all() as Pick<SettingRow, 'key' | 'value'>[];
}

/** Inserts or replaces one setting (value is its JSON text). */
export function upsertSetting(db: Db, r: SettingRow): void {
  stmt(
    db,
    'INSERT INTO settings (key, value, updated_at, updated_by) VALUES (?, ?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at, updated_by = excluded.updated_by',
  ).run(r.key, r.value, r.updated_at, r.updated_by);
}
