import fs from 'node:fs';
import path from 'node:path';
import { LATEST_VERSION } from './migrations';
import { type Db, loadSqlite } from './open';
import { applyKey, isEncryptedFile, keyOf, snapshotInto } from './encryption';
import { StoreError, copyStoreFiles, keyFolderName, storeDir, storeDirOf } from './document-store';
import { selectStoredHashes } from './queries/documents';

/**
 * Backups and restore (issue 12 item 6).
 *
 * A backup is made with SQLite's online backup API (the app may keep working), then opened on its own and checked:
 * integrity_check must say ok and every table must hold as many rows as the live database. The file is named with
 * the time and the schema version, e.g. desk-20261130-093000-v11.sqlite, and is readable by its owner only.
 *
 * A restore checks the file the same way, refuses a file written by a newer version of the program, sets the current
 * database aside together with its -wal and -shm files (a WAL left beside a restored file would be replayed into it)
 * and puts the backup in its place.
 *
 * Encrypted databases (issue 12 item 5): the backup is made with VACUUM INTO and is encrypted with the database's key;
 * checking or restoring an encrypted backup needs that key (a backup made before a re-key needs the key of its time).
 */
/**
 * The document store (decision 141) is backed up beside the backup files into `desk-documents/<key id>/`, shared by all
 * the backups in the folder and copied incrementally (only files not already there). Files are immutable and named by
 * their content, so one folder serves every backup; the key id (a hash of the database key, "plain" without) keeps
 * the files of a re-keyed database apart from those the older backups need. The store is copied AFTER the database
 * snapshot: every row of the snapshot committed after its files were written, so they are all there.
 */
export const BACKUP_STORE_DIR = 'desk-documents';
export const BACKUP_PREFIX = 'desk-';
const NAME = /^desk-(\d{8})-(\d{6})-v(\d+)\.sqlite$/;

export class BackupError extends Error {
  override name = 'BackupError';
}

export interface BackupCheck {
  schemaVersion: number;
  counts: Record<string, number>;
}

export interface BackupResult extends BackupCheck {
  file: string;
  bytes: number;
  at: string;
  /** The document store's files: copied now, already in the backup folder, bytes copied. */
  documents?: { copied: number; present: number; bytes: number };
}

/** The backup folder's store for a database key. */
export function backupStoreDir(backupDir: string, key: string | undefined): string {
  return path.join(backupDir, BACKUP_STORE_DIR, keyFolderName(key));
}

/** China Standard Time, which names the files (the commission's day, whatever the machine's zone). */
function stamp(now: Date): string {
  const t = new Date(now.getTime() + 8 * 3600_000).toISOString();
  return `${t.slice(0, 10).replace(/-/g, '')}-${t.slice(11, 19).replace(/:/g, '')}`;
}

export function backupFileName(now: Date, schemaVersion: number): string {
  return `${BACKUP_PREFIX}${stamp(now)}-v${schemaVersion}.sqlite`;
}

/** Row counts of every table (SQLite's own tables aside). */
export function tableCounts(db: Db): Record<string, number> {
  const tables = (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
  return Object.fromEntries(tables.map((t) => [t, (db.prepare(`SELECT count(*) AS n FROM "${t.replace(/"/g, '""')}"`).get() as { n: number }).n]));
}

/** Opens a database file, keyed when it is encrypted (and then only with a key). */
export function openFile(file: string, key: string | undefined, readonly: boolean): Db {
  const encrypted = isEncryptedFile(file);
  if (encrypted && !key) throw new BackupError(`备份文件已加密，请提供其密钥（desk --passphrase-file <密钥文件>）：${file}`);
  const db = loadSqlite()(file, { readonly, fileMustExist: true });
  if (encrypted) applyKey(db, key!);
  return db;
}

/** Opens a backup file read-only and checks it: a SQLite database, intact, with its schema version and row counts. */
export function checkBackupFile(file: string, key?: string): BackupCheck {
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new BackupError(`找不到备份文件：${file}`);
  let db: Db;
  try {
    db = openFile(file, key, true);
  } catch (e) {
    if (e instanceof BackupError) throw e;
    throw new BackupError(`无法打开备份文件：${file}`);
  }
  try {
    let integrity: string[];
    try {
      integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
    } catch {
      if (isEncryptedFile(file)) throw new BackupError(`密钥与该备份文件不符，或文件已损坏：${file}。备份若在更换密钥前制作，请提供当时的密钥（恢复密钥单）。`);
      throw new BackupError(`该文件不是工作台的数据库备份或已损坏：${file}`);
    }
    if (integrity.length !== 1 || integrity[0] !== 'ok') throw new BackupError(`备份文件已损坏（完整性检查未通过）：${file}`);
    const schemaVersion = db.pragma('user_version', { simple: true }) as number;
    if (schemaVersion < 1 || !db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'cases'").get()) {
      throw new BackupError(`该文件不是工作台的数据库备份：${file}`);
    }
    return { schemaVersion, counts: tableCounts(db) };
  } finally {
    db.close();
  }
}

/** SQLite's online backup into `file`, then made a single self-contained file (rollback journal, not WAL), owner-only. */
async function copyOnline(db: Db, file: string): Promise<void> {
  fs.rmSync(file, { force: true });
  // An encrypted database: VACUUM INTO, which writes the copy encrypted with the same key.
  if (keyOf(db)) snapshotInto(db, file);
  else await db.backup(file);
  fs.chmodSync(file, 0o600);
  const copy = openFile(file, keyOf(db), false);
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
}

/** Backs the live database up into `dir`, checks the copy, and returns what it holds. */
export async function backupDatabase(db: Db, dir: string, now = new Date()): Promise<BackupResult> {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const schemaVersion = db.pragma('user_version', { simple: true }) as number;
  let name = backupFileName(now, schemaVersion);
  for (let i = 2; fs.existsSync(path.join(dir, name)); i++) name = backupFileName(new Date(now.getTime() + i * 1000), schemaVersion);
  const file = path.join(dir, name);
  const partial = `${file}.partial`;
  try {
    await copyOnline(db, partial);
    // The copy is a snapshot; the counts are compared with the live database read now, retried once if a write came
    // in between (the app keeps working during a backup).
    let check = checkBackupFile(partial, keyOf(db));
    if (JSON.stringify(check.counts) !== JSON.stringify(tableCounts(db))) {
      await copyOnline(db, partial);
      check = checkBackupFile(partial, keyOf(db));
      if (JSON.stringify(check.counts) !== JSON.stringify(tableCounts(db))) throw new BackupError('备份过程中数据发生变化，行数核对不一致，请重试');
    }
    const live = storeDir(db);
    const documents = live ? copyStoreFiles(live, backupStoreDir(dir, keyOf(db)), selectStoredHashes(db), keyOf(db)) : undefined;
    fs.renameSync(partial, file);
    return { file, bytes: fs.statSync(file).size, at: now.toISOString(), ...check, ...(documents ? { documents } : {}) };
  } catch (e) {
    fs.rmSync(partial, { force: true });
    if (e instanceof BackupError) throw e;
    if (e instanceof StoreError) throw new BackupError(`文书文件未能备份：${e.message}`);
    throw new BackupError(`无法写入备份文件夹 ${dir}：${e instanceof Error && 'code' in e ? String((e as NodeJS.ErrnoException).code) : '未知原因'}`);
  }
}

export interface BackupFile {
  file: string;
  at: Date;
  schemaVersion: number;
}

/** Our backups in a folder, newest first (other files are never touched). */
export function listBackups(dir: string): BackupFile[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .map((n) => ({ n, m: NAME.exec(n) }))
    .filter((x): x is { n: string; m: RegExpExecArray } => x.m !== null)
    .map(({ n, m }) => {
      const [d, t] = [m[1]!, m[2]!];
      const at = new Date(`${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}T${t.slice(0, 2)}:${t.slice(2, 4)}:${t.slice(4, 6)}+08:00`);
      return { file: path.join(dir, n), at, schemaVersion: Number(m[3]) };
    })
    .sort((a, b) => b.at.getTime() - a.at.getTime());
}

export const RETENTION = { daily: 7, weekly: 4, monthly: 12 } as const;

/**
 * Which backups to keep: the newest of each of the last 7 days, of the last 4 ISO weeks and of the last 12 months
 * that have backups (grandfather-father-son). The rest may be deleted.
 */
export function backupsToKeep(files: BackupFile[]): Set<string> {
  const local = (d: Date) => new Date(d.getTime() + 8 * 3600_000);
  const day = (d: Date) => local(d).toISOString().slice(0, 10);
  const month = (d: Date) => local(d).toISOString().slice(0, 7);
  const week = (d: Date) => {
    const x = local(d);
    const dow = (x.getUTCDay() + 6) % 7;
    const monday = new Date(Date.UTC(x.getUTCFullYear(), x.getUTCMonth(), x.getUTCDate() - dow));
    return monday.toISOString().slice(0, 10);
  };
  const keep = new Set<string>();
  for (const [key, n] of [[day, RETENTION.daily], [week, RETENTION.weekly], [month, RETENTION.monthly]] as const) {
    const seen = new Set<string>();
    for (const f of files) {
      const k = key(f.at);
      if (seen.has(k)) continue;
      if (seen.size >= n) break;
      seen.add(k);
      keep.add(f.file);
    }
  }
  return keep;
}

/** Deletes the backups the rotation does not keep; returns the deleted files. */
export function rotateBackups(dir: string): string[] {
  const files = listBackups(dir);
  const keep = backupsToKeep(files);
  const removed = files.filter((f) => !keep.has(f.file)).map((f) => f.file);
  for (const f of removed) fs.rmSync(f, { force: true });
  return removed;
}

/** The automatic backup: at most one a day (China time) into `dir`, then rotation. Returns null when today's exists. */
export async function dailyBackup(db: Db, dir: string, now = new Date()): Promise<BackupResult | null> {
  const today = stamp(now).slice(0, 8);
  if (listBackups(dir).some((f) => stamp(f.at).slice(0, 8) === today)) return null;
  const r = await backupDatabase(db, dir, now);
  rotateBackups(dir);
  return r;
}

export interface RestoreResult extends BackupCheck {
  restoredFrom: string;
  database: string;
  /** Where the database that was replaced now is (with its -wal and -shm, if any). */
  setAside: string[];
}

/**
 * Replaces the database file with a backup. The program must not be running on that database (the CLI says so).
 * Refuses a damaged file and a file from a newer version; the current files are renamed, never deleted.
 */
export function restoreDatabase(backupFile: string, dbFile: string, now = new Date(), key?: string): RestoreResult {
  const target = path.resolve(dbFile);
  if (path.resolve(backupFile) === target) throw new BackupError('备份文件就是当前数据库，无需恢复');
  fs.mkdirSync(path.dirname(target), { recursive: true, mode: 0o700 });
  // Check a copy beside the target (never the user's file itself, which a check could leave -wal/-shm files beside).
  const tmp = `${target}.restoring`;
  const clean = () => {
    for (const s of ['', '-wal', '-shm', '-journal']) fs.rmSync(tmp + s, { force: true });
  };
  clean();
  let check: BackupCheck;
  try {
    if (!fs.existsSync(backupFile) || !fs.statSync(backupFile).isFile()) throw new BackupError(`找不到备份文件：${backupFile}`);
    fs.copyFileSync(backupFile, tmp);
    fs.chmodSync(tmp, 0o600);
    check = checkBackupFile(tmp, key);
    if (check.schemaVersion > LATEST_VERSION) {
      throw new BackupError(`该备份由更新版本的工作台写入（数据库版本 ${check.schemaVersion}，本程序最高支持 ${LATEST_VERSION}），请先升级程序再恢复。`);
    }
    const copy = openFile(tmp, key, false);
    try {
      copy.pragma('journal_mode = DELETE');
      // The backup's document files (decision 141) go into the store beside the target before the database is swapped:
      // a backup whose files are not in its folder is refused and nothing changes.
      copyStoreFiles(backupStoreDir(path.dirname(path.resolve(backupFile)), key), storeDirOf(target), selectStoredHashes(copy), key);
    } catch (e) {
      if (e instanceof StoreError) throw new BackupError(`备份文件夹中缺少该备份的文书文件（${BACKUP_STORE_DIR}），未恢复：${e.message}`);
      throw e;
    } finally {
      copy.close();
    }
    const fd = fs.openSync(tmp, 'r');
    fs.fsyncSync(fd);
    fs.closeSync(fd);
  } catch (e) {
    clean();
    throw e instanceof BackupError ? e : new BackupError(`无法读取备份文件：${backupFile}`);
  }
  // Set the current database aside with its WAL and shared memory: a stale WAL would be replayed into the restored file.
  const aside = `${target}.before-restore-${stamp(now)}`;
  const setAside: string[] = [];
  for (const suffix of ['', '-wal', '-shm', '-journal']) {
    if (fs.existsSync(target + suffix)) {
      fs.renameSync(target + suffix, aside + suffix);
      setAside.push(aside + suffix);
    }
  }
  fs.renameSync(tmp, target);
  clean();
  // The restored file, read on its own, must hold what the backup held.
  const after = checkBackupFile(target, key);
  if (JSON.stringify(after.counts) !== JSON.stringify(check.counts)) throw new BackupError('恢复后的行数与备份不一致，原数据库已保留在旁边，请联系技术支持');
  return { restoredFrom: path.resolve(backupFile), database: target, setAside, ...check };
}
