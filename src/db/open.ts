import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { MIGRATIONS, type Migration } from './migrations';

export type Db = BetterSqlite3.Database;

export class DatabaseOpenError extends Error {
  constructor(
    readonly kind: 'native-module' | 'too-new' | 'not-a-database',
    message: string,
  ) {
    super(message);
    this.name = 'DatabaseOpenError';
  }
}

const requireCjs = createRequire(import.meta.url);

/**
 * Loads better-sqlite3. A module compiled for another runtime (Node vs Electron) fails with a
 * NODE_MODULE_VERSION error; that becomes one sentence instead of a stack trace.
 */
export function loadSqlite(nativeBinding?: string): (file: string, opts?: BetterSqlite3.Options) => Db {
  let Ctor: typeof BetterSqlite3;
  try {
    Ctor = requireCjs('better-sqlite3');
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
      '数据库组件 better-sqlite3 不是为当前运行环境编译的（Node 与 Electron 需各自编译）：开发环境请运行 npm rebuild better-sqlite3 后重试，桌面程序请使用 npm start 启动。',
    );
  }
  return e instanceof Error ? e : new Error(msg);
}

export interface OpenOptions {
  /** Folder for the automatic pre-migration backups; defaults to "<db folder>/backups". */
  backupDir?: string;
  nativeBinding?: string;
  readonly?: boolean;
  /** Tests only: a different migration list (to exercise upgrades and failed migrations). */
  migrations?: readonly Migration[];
}

/** Opens (creating if needed) the database file, sets pragmas, and migrates it to the latest version. */
export async function openDatabase(file: string, opts: OpenOptions = {}): Promise<Db> {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const existed = fs.existsSync(file) && fs.statSync(file).size > 0;
  const db = loadSqlite(opts.nativeBinding)(file, { readonly: opts.readonly ?? false });
  const migrations = opts.migrations ?? MIGRATIONS;
  const latest = migrations[migrations.length - 1]!.version;
  try {
    db.pragma('busy_timeout = 10000');
    let version: number;
    try {
      version = db.pragma('user_version', { simple: true }) as number;
    } catch {
      throw new DatabaseOpenError('not-a-database', `文件 ${path.basename(file)} 不是工作台的数据库文件，或已损坏。`);
    }
    if (version > latest) {
      throw new DatabaseOpenError(
        'too-new',
        `该数据库由更新版本的工作台写入（数据库版本 ${version}，本程序最高支持 ${latest}），为防止损坏已拒绝打开，请升级程序。`,
      );
    }
    if (!opts.readonly) {
      db.pragma('journal_mode = WAL');
      // FULL: a committed save survives a power cut, not only a process crash.
      db.pragma('synchronous = FULL');
    }
    db.pragma('foreign_keys = ON');
    if (version < latest && !opts.readonly) {
      if (existed && version > 0) await backupBeforeMigration(db, file, version, opts.backupDir);
      migrate(db, version, migrations);
    }
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}

async function backupBeforeMigration(db: Db, file: string, fromVersion: number, backupDir?: string): Promise<string> {
  const dir = backupDir ?? path.join(path.dirname(path.resolve(file)), 'backups');
  fs.mkdirSync(dir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const target = path.join(dir, `${path.basename(file, path.extname(file))}.v${fromVersion}.${stamp}.sqlite`);
  await db.backup(target);
  return target;
}

/** Applies every pending migration in one transaction; on any error nothing is applied. */
export function migrate(db: Db, fromVersion: number, migrations: readonly Migration[] = MIGRATIONS): void {
  const pending = migrations.filter((m) => m.version > fromVersion);
  db.transaction(() => {
    for (const m of pending) db.exec(m.sql);
    db.pragma(`user_version = ${migrations[migrations.length - 1]!.version}`);
  }).immediate();
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}
