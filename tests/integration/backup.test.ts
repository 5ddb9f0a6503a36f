import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type BackupFile, BackupError, backupDatabase, backupsToKeep, checkBackupFile, dailyBackup, listBackups, restoreDatabase } from '../../src/db/backup';
import { LATEST_VERSION } from '../../src/db/migrations';
import { type Db, openDatabase } from '../../src/db/open';
import { dispatch } from '../../src/services';
import { type TestDb, openTestDb, tempDir, unwrap } from '../helpers/db';
import { sampleDraft } from '../helpers/fixtures';

/** Issue 12 item 6: backup → restore → identical dump, with a stale WAL beside the database; rotation; refusals. */
let t: TestDb | null = null;
afterEach(() => {
  t?.close();
  t = null;
});

/** Every table's rows in rowid order: two databases with the same dump hold the same data. */
function dump(db: Db): string {
  const tables = (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
  // WITHOUT ROWID tables (case_deadlines, FTS5 index shadow tables, migration 013) in key order
  const noRowid = (n: string) => (db.prepare('SELECT wr FROM pragma_table_list WHERE name = ?').get(n) as { wr: number } | undefined)?.wr === 1;
  return JSON.stringify(tables.map((n) => [n, db.prepare(`SELECT * FROM "${n}" ORDER BY ${noRowid(n) ? '1, 2' : 'rowid'}`).raw().all()]), (_k, v) => (Buffer.isBuffer(v) ? v.toString('base64') : v));
}
const addCases = (n: number) => {
  const clerk = t!.ctx(t!.user(`clerk${Math.floor(Math.random() * 1e6)}`, 'clerk'));
  for (let i = 0; i < n; i++) unwrap(dispatch(clerk, 'cases.saveDraft', sampleDraft()));
};
const countCases = (db: Db) => (db.prepare('SELECT count(*) AS n FROM cases').get() as { n: number }).n;

describe('backup and restore', () => {
  it('backs up online, named with time and schema version, owner-only, checked by integrity and row counts', async () => {
    t = await openTestDb();
    addCases(3);
    const dir = path.join(tempDir(), 'usb');
    const r = await backupDatabase(t.db, dir, new Date('2026-11-30T01:30:00Z'));
    expect(path.basename(r.file)).toBe(`desk-20261130-093000-v${LATEST_VERSION}.sqlite`);
    expect(r.counts.cases).toBe(3);
    expect(r.schemaVersion).toBe(LATEST_VERSION);
    expect(fs.statSync(r.file).mode & 0o777).toBe(0o600);
    expect(checkBackupFile(r.file).counts).toEqual(r.counts);
    expect(fs.readdirSync(dir)).toEqual([path.basename(r.file)]);
  });

  it('round trip: restore gives back exactly the backup, even with a stale -wal beside the database it replaces', async () => {
    t = await openTestDb();
    addCases(4);
    const backup = await backupDatabase(t.db, path.join(tempDir(), 'b'));
    const expected = dump(t.db);
    // More work after the backup, left in the WAL as if the program had been killed.
    t.db.pragma('wal_autocheckpoint = 0');
    addCases(3);
    expect(countCases(t.db)).toBe(7);
    const wal = fs.readFileSync(`${t.file}-wal`);
    expect(wal.length).toBeGreaterThan(0);
    t.close();
    t = null;
    const dbFile = path.join(tempDir(), 'desk.sqlite');
    fs.copyFileSync(backup.file, dbFile);
    // the live file with later pages only in its stale WAL (what a crash leaves behind)
    fs.writeFileSync(`${dbFile}-wal`, wal);

    // What a restore by hand (copying the file back) gives: the stale WAL is replayed on top of the backup.
    const byHand = path.join(tempDir(), 'by-hand.sqlite');
    fs.copyFileSync(dbFile, byHand);
    fs.copyFileSync(`${dbFile}-wal`, `${byHand}-wal`);
    const hand = await openDatabase(byHand);
    expect(countCases(hand)).toBe(7);
    hand.close();

    const r = restoreDatabase(backup.file, dbFile);
    expect(r.counts.cases).toBe(4);
    expect(r.setAside.map((f) => f.replace(/.*before-restore-\d{8}-\d{6}/, ''))).toEqual(['', '-wal']);
    expect(fs.existsSync(`${dbFile}-wal`)).toBe(false);
    const db = await openDatabase(dbFile);
    try {
      expect(countCases(db)).toBe(4);
      expect(dump(db)).toBe(expected);
      expect((db.pragma('integrity_check') as { integrity_check: string }[])[0]!.integrity_check).toBe('ok');
    } finally {
      db.close();
    }
    // the replaced database is kept, with its WAL
    expect(fs.readFileSync(r.setAside[1]!)).toEqual(wal);
  });

  it('refuses a backup from a newer program, and a file that is not a backup, changing nothing', async () => {
    t = await openTestDb();
    addCases(1);
    const backup = await backupDatabase(t.db, path.join(tempDir(), 'b'));
    const newer = path.join(tempDir(), 'newer.sqlite');
    fs.copyFileSync(backup.file, newer);
    const Database = (await import('better-sqlite3-multiple-ciphers')).default;
    const raw = new Database(newer);
    raw.pragma(`user_version = ${LATEST_VERSION + 1}`);
    raw.close();
    const dbFile = path.join(tempDir(), 'live.sqlite');
    fs.writeFileSync(dbFile, 'live');
    expect(() => restoreDatabase(newer, dbFile)).toThrow(new BackupError(`该备份由更新版本的工作台写入（数据库版本 ${LATEST_VERSION + 1}，本程序最高支持 ${LATEST_VERSION}），请先升级程序再恢复。`));
    const junk = path.join(tempDir(), 'junk.sqlite');
    fs.writeFileSync(junk, 'not a database at all, just text');
    expect(() => restoreDatabase(junk, dbFile)).toThrow(BackupError);
    expect(fs.readFileSync(dbFile, 'utf8')).toBe('live');
    expect(fs.readdirSync(path.dirname(dbFile))).toEqual(['live.sqlite']);
  });

  it('makes one automatic backup a day and rotates 7 daily, 4 weekly, 12 monthly', async () => {
    t = await openTestDb();
    const dir = path.join(tempDir(), 'share');
    expect(await dailyBackup(t.db, dir, new Date('2026-11-30T01:00:00Z'))).not.toBeNull();
    expect(await dailyBackup(t.db, dir, new Date('2026-11-30T08:00:00Z'))).toBeNull();
    expect(listBackups(dir)).toHaveLength(1);
    // Rotation over two years of daily backups, by name (pure).
    const files: BackupFile[] = [];
    for (let d = 0; d < 730; d++) files.push({ file: `f${d}`, at: new Date(Date.parse('2026-11-30T02:00:00Z') - d * 86_400_000), schemaVersion: 11 });
    const keep = backupsToKeep(files);
    const days = (xs: Iterable<string>) => [...xs].map((f) => Number(f.slice(1))).sort((a, b) => a - b);
    // the last 7 days, the newest of each of the last 4 weeks (Mondays 2026-11-30, -23, -16, -09 → days 0, 7, 14, 21 are Mondays... newest of each week),
    // and the newest of each of the last 12 months
    expect(days(keep).slice(0, 7)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(keep.size).toBeLessThanOrEqual(7 + 4 + 12);
    expect(keep.has('f729')).toBe(false);
    const monthsKept = new Set([...keep].map((f) => new Date(files[Number(f.slice(1))]!.at.getTime() + 8 * 3600_000).toISOString().slice(0, 7)));
    expect(monthsKept.size).toBe(12);
  });
});

describe('automatic backup and the settings page data', () => {
  it('backs up once a day into the folder chosen in the settings and records the last backup; no folder, no backup', async () => {
    const { runDailyBackup } = await import('../../src/services/backups');
    t = await openTestDb();
    expect(await runDailyBackup(t.db)).toBeNull();
    expect(dispatch(t.ctx(t.admin), 'settings.update', { backupDir: 'relative/folder' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: 'backupDir' }] } });
    const dir = path.join(tempDir(), 'usb-disk');
    unwrap(dispatch(t.ctx(t.admin), 'settings.update', { backupDir: dir }));
    const r = await runDailyBackup(t.db, new Date('2026-11-30T01:00:00Z'));
    expect(r?.file.startsWith(dir)).toBe(true);
    expect(await runDailyBackup(t.db, new Date('2026-11-30T05:00:00Z'))).toBeNull();
    const s = unwrap<{ lastBackup: { file: string; at: string } }>(dispatch(t.ctx(t.admin), 'settings.get', {}));
    expect(s.lastBackup).toMatchObject({ file: r!.file, at: '2026-11-30T01:00:00.000Z' });
  });
});
