import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { MIGRATIONS, type Migration } from './migrations';
import { installChangeCapture } from './audit-chain';
// Encryption at rest (issue 12 item 5): keys, the plain-to-encrypted migration and encrypted snapshots.
import { rekeyStore, storeDirOf } from './document-store';
import { applyKey, encryptDatabaseFile, isEncryptedFile, keyOf, snapshotInto } from './encryption';

export type Db = BetterSqlite3.Database;

export class DatabaseOpenError extends Error {
  constructor(
    readonly kind: 'native-module' | 'too-new' | 'not-a-database' | 'missing' | 'read-only' | 'locked' | 'needs-key' | 'wrong-key',
    message: string,
  ) {
    super(message);
    this.name = 'DatabaseOpenError';
  }
}

const requireCjs = createRequire(import.meta.url);

/** The SQLite binding: better-sqlite3's API built with SQLite3 Multiple Ciphers (encryption at rest). */
export const SQLITE_MODULE = 'better-sqlite3-multiple-ciphers';

/**
 * Loads better-sqlite3 (the multiple-ciphers build). A module compiled for another runtime (Node vs Electron) fails with a
 * NODE_MODULE_VERSION error; that becomes one sentence instead of a stack trace.
 */
export function loadSqlite(nativeBinding?: string): (file: string, opts?: BetterSqlite3.Options) => Db {
  let Ctor: typeof BetterSqlite3;
  try {
    Ctor = requireCjs(SQLITE_MODULE);
  } catch (e) {
    throw describeNativeError(e);
  }
  return (file, opts) => {
    try {
      return new Ctor(file, { ...opts, ...(nativeBinding ? { nativeBinding } : {}) });
    } catch (e) {
      throw describeNativeError(e);
    }
  };
}

export function describeNativeError(e: unknown): Error {
  const msg = e instanceof Error ? e.message : String(e);
  if (/NODE_MODULE_VERSION|was compiled against a different Node\.js version|invalid ELF header|Could not locate the bindings file/.test(msg)) {
    return new DatabaseOpenError(
      'native-module',
      '数据库组件 better-sqlite3-multiple-ciphers 不是为当前运行环境编译的（Node 与 Electron 需各自编译）：开发环境请运行 npm rebuild better-sqlite3-multiple-ciphers 后重试，桌面程序请使用 npm start 启动。',
    );
  }
  return e instanceof Error ? e : new Error(msg);
}

export interface OpenOptions {
  /** Folder for the automatic pre-migration backups; defaults to "<db folder>/backups". */
  backupDir?: string;
  nativeBinding?: string;
  readonly?: boolean;
  /** Refuse instead of creating a new database when the file does not exist (db check, db info). */
  mustExist?: boolean;
  /** Tests only: a different migration list (to exercise upgrades and failed migrations). */
  migrations?: readonly Migration[];
  /** Files larger than this get the cheap check at open instead of quick_check (issue 13); tests lower it. */
  fullCheckMaxBytes?: number;
  /** Called with a Chinese warning when the file is opened read-only because it failed the integrity check. */
  onWarning?: (message: string) => void;
  /**
   * The database key (issue 12 item 5). A new file is created encrypted; an existing plain file is encrypted in place
   * first (a verified plain copy is taken, then shredded). Without a key an encrypted file is refused with 'needs-key'.
   */
  key?: string;
}

/** Private to the user: the folder 0700, the database and its WAL/SHM 0600 (ignored where the OS has no such modes). */
function restrictPermissions(file: string): void {
  if (process.platform === 'win32') return;
  for (const f of [file, `${file}-wal`, `${file}-shm`]) {
    try {
      if (fs.existsSync(f)) fs.chmodSync(f, 0o600);
    } catch {
      /* a file we cannot chmod (not ours) is reported by the open itself */
    }
  }
}

const base = (file: string) => path.basename(file);

/** One Chinese sentence for each way opening a file can fail. */
export function describeOpenError(file: string, e: unknown): Error {
  if (e instanceof DatabaseOpenError) return e;
  const code = (e as { code?: string }).code ?? '';
  const msg = e instanceof Error ? e.message : String(e);
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED' || /database is locked/.test(msg)) {
    return new DatabaseOpenError('locked', `数据库文件 ${base(file)} 正被另一个程序占用（例如另一个工作台窗口或备份程序），请关闭后重试。`);
  }
  if (code === 'SQLITE_READONLY' || code === 'SQLITE_CANTOPEN' || code === 'EACCES' || code === 'EPERM' || /readonly|read-only|unable to open/.test(msg)) {
    return new DatabaseOpenError('read-only', `没有权限写入数据库文件 ${base(file)} 或其所在文件夹（文件只读，或属于其他用户）。请检查文件权限，或以有权限的账号运行。`);
  }
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT' || /file is not a database|malformed/.test(msg)) {
    return new DatabaseOpenError('not-a-database', `文件 ${base(file)} 不是工作台的数据库文件，或已损坏。请从备份恢复（desk restore）。`);
  }
  return e instanceof Error ? e : new Error(msg);
}

/** Opens (creating if needed) the database file, sets pragmas, and migrates it to the latest version. */
export async function openDatabase(file: string, opts: OpenOptions = {}): Promise<Db> {
  const exists = fs.existsSync(file);
  if (opts.mustExist && !exists) throw new DatabaseOpenError('missing', `数据库文件不存在：${path.resolve(file)}。请检查路径（未创建新文件）。`);
  if (exists && fs.statSync(file).isDirectory()) throw new DatabaseOpenError('not-a-database', `${path.resolve(file)} 是文件夹，不是数据库文件。`);
  if (!exists) {
    const dir = path.dirname(path.resolve(file));
    if (!fs.existsSync(dir)) fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  }
  let size = exists ? fs.statSync(file).size : 0;
  // A file another process has just created is empty until that process writes its header: wait a little for it.
  for (let waited = 0; exists && size === 0 && waited < 5000; waited += 100) {
    await new Promise((r) => setTimeout(r, 100));
    size = fs.statSync(file).size;
  }
  // A 0-byte file is not silently re-initialised: it is what a failed copy or a full disk leaves behind.
  if (exists && size === 0 && opts.mustExist) throw new DatabaseOpenError('not-a-database', `文件 ${base(file)} 是空文件（0 字节），不是工作台的数据库。请从备份恢复。`);
  if (exists && size === 0) throw new DatabaseOpenError('not-a-database', `文件 ${base(file)} 是空文件（0 字节），不是工作台的数据库，为免覆盖已拒绝打开。请从备份恢复，或删除该文件后重新启动以新建数据库。`);
  if (exists && !opts.readonly) {
    try {
      fs.accessSync(file, fs.constants.R_OK | fs.constants.W_OK);
    } catch (e) {
      throw describeOpenError(file, e);
    }
  }
  // --- encryption at rest (issue 12 item 5) ---
  const encrypted = exists && isEncryptedFile(file);
  if (encrypted && !opts.key) {
    throw new DatabaseOpenError('needs-key', `数据库文件 ${base(file)} 已加密：请提供密钥（desk --passphrase-file <密钥文件>，或环境变量 ARBITRATION_DESK_PASSPHRASE）。密钥遗失时请使用恢复密钥单上的恢复密钥。`);
  }
  if (opts.key && exists && !encrypted && !opts.readonly) {
    try {
      // the document store's plain files are encrypted around it (decision 141)
      rekeyStore(storeDirOf(file), undefined, opts.key, () => encryptDatabaseFile(file, opts.key!, (f) => loadSqlite(opts.nativeBinding)(f, { fileMustExist: true })));
    } catch (e) {
      throw describeOpenError(file, e);
    }
  }
  const keyed = !!opts.key && (!exists || encrypted || !opts.readonly);
  const openKeyed = (readonly: boolean): Db => {
    const d = loadSqlite(opts.nativeBinding)(file, { readonly, fileMustExist: exists || !!opts.mustExist });
    if (keyed) applyKey(d, opts.key!);
    return d;
  };
  // --- end encryption at rest ---
  let db: Db;
  try {
    db = openKeyed(opts.readonly ?? false);
  } catch (e) {
    if (e instanceof DatabaseOpenError) throw e;
    throw describeOpenError(file, e);
  }
  if (!exists) restrictPermissions(file);
  const migrations = opts.migrations ?? MIGRATIONS;
  const latest = migrations[migrations.length - 1]!.version;
  try {
    db.pragma('busy_timeout = 10000');
    let version: number;
    try {
      version = db.pragma('user_version', { simple: true }) as number;
    } catch (e) {
      if (keyed && exists) throw new DatabaseOpenError('wrong-key', `密钥不正确，无法解密数据库文件 ${base(file)}。请检查密钥文件，或使用恢复密钥单上的恢复密钥。`);
      throw describeOpenError(file, e);
    }
    checkVersion(file, version, latest);
    if (exists && version > 0) {
      // A structural check at every open: a corrupt file is opened read-only, so nothing more is written to it.
      // (issue 13) A large file gets the cheap check (openCheck); its full check is `desk db check` and every backup's.
      const quick = openCheck(db, file, opts.fullCheckMaxBytes ?? FULL_CHECK_MAX_BYTES);
      if (quick !== 'ok') {
        db.close();
        const ro = openKeyed(true);
        ro.pragma('query_only = ON');
        const message = `数据库文件 ${base(file)} 未通过完整性检查（${quick}），已以只读方式打开以免损坏扩大。请立即从最近的备份恢复（desk restore），恢复前不要继续录入。`;
        opts.onWarning?.(message);
        (ro as Db & { corruptWarning?: string }).corruptWarning = message;
        return ro;
      }
    }
    if (!opts.readonly) {
      try {
        db.pragma('journal_mode = WAL');
      } catch (e) {
        throw describeOpenError(file, e);
      }
      // FULL: a committed save survives a power cut, not only a process crash.
      db.pragma('synchronous = FULL');
    }
    db.pragma('foreign_keys = ON');
    if (!opts.readonly) {
      restrictPermissions(file);
      if (version < latest) {
        if (exists && version > 0) await backupBeforeMigration(db, file, version, opts.backupDir);
        migrate(db, version, migrations);
      }
      installChangeCapture(db);
    }
    return db;
  } catch (e) {
    if (db.open) db.close();
    throw describeOpenError(file, e);
  }
}

function checkVersion(file: string, version: number, latest: number): void {
  if (version > latest) {
    throw new DatabaseOpenError(
      'too-new',
      `数据库文件 ${base(file)} 由更新版本的工作台写入（数据库版本 ${version}，本程序最高支持 ${latest}），为防止损坏已拒绝打开，请升级程序。`,
    );
  }
}

// --- issue 13: the check at open (scale) -------------------------------------------------------------------------------
/**
 * PRAGMA quick_check reads every page: ~30-60 ms for a 6 MiB file here, seconds for the 100,000-case file (docs/benchmarks.md).
 * Files up to this size get it at every open (under ~50 ms); larger ones get openCheck's cheap check, and their full check
 * runs in `desk db check` and on every backup copy (src/db/backup.ts). Decision: docs/decisions.md “Open at scale”.
 */
export const FULL_CHECK_MAX_BYTES = 32 * 1024 * 1024;

/** 'ok', or what is wrong: the full quick_check for a small file, else the header, the file's length and the schema. */
export function openCheck(db: Db, file: string, fullCheckMaxBytes: number): string {
  if (fs.statSync(file).size <= fullCheckMaxBytes) return quickCheck(db);
  try {
    const head = Buffer.alloc(100);
    const fd = fs.openSync(file, 'r');
    try {
      fs.readSync(fd, head, 0, 100, 0);
    } finally {
      fs.closeSync(fd);
    }
    if (head.toString('latin1', 0, 16) !== 'SQLite format 3\u0000') return '文件头无效';
    const raw = head.readUInt16BE(16);
    const pageSize = raw === 1 ? 65536 : raw;
    const pages = head.readUInt32BE(28);
    // the header's page count is valid when its change counter matches (SQLite file format §1.3.7)
    if (head.readUInt32BE(24) === head.readUInt32BE(92) && fs.statSync(file).size < pageSize * pages) return '文件长度短于文件头所记页数（文件被截断）';
    db.pragma('schema_version');
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
    return 'ok';
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}
// --- end issue 13 ----------------------------------------------------------------------------------------------------

function quickCheck(db: Db): string {
  try {
    const rows = db.pragma('quick_check(1)') as { quick_check: string }[];
    return rows[0]?.quick_check ?? 'ok';
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

async function backupBeforeMigration(db: Db, file: string, fromVersion: number, backupDir?: string): Promise<string> {
  const dir = backupDir ?? path.join(path.dirname(path.resolve(file)), 'backups');
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const target = path.join(dir, `${path.basename(file, path.extname(file))}.v${fromVersion}.${stamp}.sqlite`);
  // --- issue 13: a file copy under the write lock (SQLite's online backup took 6-10x a copy at 10,000 cases) -----------
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.exec('BEGIN IMMEDIATE'); // no other connection can write (or grow the WAL) while the file is copied
  try {
    const wal = `${file}-wal`;
    if (fs.existsSync(wal) && fs.statSync(wal).size > 0) {
      db.exec('COMMIT');
      // pages still only in the WAL (another reader held the checkpoint back): a page-wise copy; an encrypted database is
      // copied by VACUUM INTO with the same key (the backup API refuses it)
      if (keyOf(db)) snapshotInto(db, target);
      else await db.backup(target);
    } else {
      fs.copyFileSync(file, target);
      db.exec('COMMIT');
    }
  } catch (e) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw e;
  }
  // --- end issue 13 --------------------------------------------------------------------------------------------------
  if (process.platform !== 'win32') fs.chmodSync(target, 0o600);
  return target;
}

/**
 * Applies every pending migration in one IMMEDIATE transaction; on any error nothing is applied. The version is read
 * again after the write lock is taken: another process that opened the same file at the same moment may have migrated
 * it meanwhile, and then there is nothing left to do.
 */
export function migrate(db: Db, fromVersion: number, migrations: readonly Migration[] = MIGRATIONS): void {
  void fromVersion;
  const latest = migrations[migrations.length - 1]!.version;
  db.transaction(() => {
    const current = db.pragma('user_version', { simple: true }) as number;
    if (current >= latest) return;
    const at = new Date().toISOString();
    for (const m of migrations.filter((x) => x.version > current)) {
      db.exec(m.sql);
      m.after?.(db, at);
    }
    db.pragma(`user_version = ${latest}`);
  }).immediate();
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}
