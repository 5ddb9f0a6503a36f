import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DatabaseOpenError, describeNativeError, openDatabase, schemaVersion } from '../../src/db/open';
import { MIGRATIONS, LATEST_VERSION } from '../../src/db/migrations';
import { tempDir } from '../helpers/db';

describe('opening and migrating the database', () => {
  it('creates a new file at the latest version with WAL and foreign keys on', async () => {
    const file = path.join(tempDir(), 'new.sqlite');
    const db = await openDatabase(file);
    expect(schemaVersion(db)).toBe(LATEST_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    db.close();
  });

  it('refuses a database written by a newer version, and leaves it untouched', async () => {
    const file = path.join(tempDir(), 'future.sqlite');
    const db = await openDatabase(file);
    db.pragma(`user_version = ${LATEST_VERSION + 1}`);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const before = fs.readFileSync(file);
    await expect(openDatabase(file)).rejects.toThrow(/更新版本的工作台/);
    await expect(openDatabase(file)).rejects.toBeInstanceOf(DatabaseOpenError);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('backs the file up before applying a new migration, and the backup holds the old data', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'desk.sqlite');
    const db = await openDatabase(file);
    db.prepare("INSERT INTO settings (key, value, updated_at, updated_by) VALUES ('commissionName', '\"旧名称\"', 'x', '00000000000000000000000000000000')").run();
    db.close();
    const next = [...MIGRATIONS, { version: LATEST_VERSION + 1, name: 'test', sql: 'CREATE TABLE added_later (id INTEGER PRIMARY KEY);' }];
    const db2 = await openDatabase(file, { migrations: next });
    expect(schemaVersion(db2)).toBe(LATEST_VERSION + 1);
    db2.close();
    const backups = fs.readdirSync(path.join(dir, 'backups'));
    expect(backups).toHaveLength(1);
    expect(backups[0]).toMatch(new RegExp(`^desk\\.v${LATEST_VERSION}\\.`));
    const old = await openDatabase(path.join(dir, 'backups', backups[0]!), { readonly: true });
    expect(schemaVersion(old)).toBe(LATEST_VERSION);
    expect(old.prepare("SELECT value FROM settings WHERE key = 'commissionName'").get()).toEqual({ value: '"旧名称"' });
    old.close();
  });

  it('applies migrations in one transaction: a failing migration leaves the old version and no half-made tables', async () => {
    const file = path.join(tempDir(), 'desk.sqlite');
    (await openDatabase(file)).close();
    const broken = [
      ...MIGRATIONS,
      { version: LATEST_VERSION + 1, name: 'ok-part', sql: 'CREATE TABLE half_made (id INTEGER);' },
      { version: LATEST_VERSION + 2, name: 'broken', sql: 'CREATE TABLE oops (;' },
    ];
    await expect(openDatabase(file, { migrations: broken })).rejects.toThrow();
    const db = await openDatabase(file);
    expect(schemaVersion(db)).toBe(LATEST_VERSION);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'half_made'").get()).toBeUndefined();
    db.close();
  });

  it('says in one Chinese sentence when the file is not a database', async () => {
    const file = path.join(tempDir(), 'notes.sqlite');
    fs.writeFileSync(file, 'this is a text file, not SQLite '.repeat(100));
    await expect(openDatabase(file)).rejects.toThrow(/不是工作台的数据库文件/);
  });

  it('turns a native-module ABI mismatch into one clear sentence, not a stack trace', () => {
    const raw = new Error("The module '/x/better_sqlite3.node' was compiled against a different Node.js version using NODE_MODULE_VERSION 140. This version of Node.js requires NODE_MODULE_VERSION 115.");
    const e = describeNativeError(raw);
    expect(e).toBeInstanceOf(DatabaseOpenError);
    expect(e.message).toMatch(/^数据库组件 better-sqlite3-multiple-ciphers 不是为当前运行环境编译的/);
    expect(e.message.split('\n')).toHaveLength(1);
  });

  it('keeps the case timeline and the audit log append-only in the database itself', async () => {
    const file = path.join(tempDir(), 'desk.sqlite');
    const db = await openDatabase(file);
    db.prepare("INSERT INTO audit_log (at, actor_id, actor_name, action) VALUES ('t', '00000000000000000000000000000000', 's', 'x')").run();
    expect(() => db.prepare("UPDATE audit_log SET action = 'y'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    db.close();
  });
});
