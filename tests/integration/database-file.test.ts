import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DatabaseOpenError, openDatabase, schemaVersion } from '../../src/db/open';
import { LATEST_VERSION } from '../../src/db/migrations';
import { SYSTEM_USER, dispatch } from '../../src/services';
import { tempDir } from '../helpers/db';
import { sampleDraft } from '../helpers/fixtures';

/** Issue 10 item 8: the database file — concurrent openers, check without creating, one message per failure, permissions. */
const helper = (name: string) => path.resolve('tests/helpers', name);
const desk = (db: string, ...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', path.resolve('src/cli/main.ts'), '--db', db, ...args], { encoding: 'utf8' });
const openError = async (file: string, opts = {}) => {
  try {
    (await openDatabase(file, opts)).close();
  } catch (e) {
    return e as DatabaseOpenError;
  }
  throw new Error('expected the open to fail');
};

describe('the database file', () => {
  it('six processes opening a fresh file at once all succeed: migrations re-read the version under the write lock', async () => {
    const file = path.join(tempDir(), 'fresh.sqlite');
    const run = () =>
      new Promise<{ ok: boolean; version?: number; message?: string }>((resolve, reject) => {
        const child = spawn(process.execPath, ['--import', 'tsx', helper('open-worker.ts'), file], { stdio: ['ignore', 'pipe', 'pipe'] });
        let out = '';
        child.stdout.on('data', (d: Buffer) => (out += d.toString()));
        child.on('exit', () => {
          try {
            resolve(JSON.parse(out));
          } catch {
            reject(new Error(out));
          }
        });
      });
    const results = await Promise.all(Array.from({ length: 6 }, run));
    expect(results).toEqual(Array.from({ length: 6 }, () => ({ ok: true, version: LATEST_VERSION })));
    const db = await openDatabase(file);
    expect((db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'chain.genesis'").get() as { n: number }).n).toBe(1);
    db.close();
  });

  it('desk db check on a mistyped path creates nothing and says the file does not exist', () => {
    const dir = tempDir();
    const file = path.join(dir, 'missing', 'typo.sqlite');
    const r = desk(file, 'db', 'check');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/数据库文件不存在：.*typo\.sqlite。请检查路径（未创建新文件）/);
    expect(fs.existsSync(file)).toBe(false);
    expect(fs.existsSync(path.dirname(file))).toBe(false);
  });

  it('refuses a 0-byte file instead of silently re-initialising it', async () => {
    const file = path.join(tempDir(), 'empty.sqlite');
    fs.writeFileSync(file, '');
    const e = await openError(file);
    expect(e.kind).toBe('not-a-database');
    expect(e.message).toMatch(/是空文件（0 字节）/);
    expect(fs.statSync(file).size).toBe(0);
  });

  it('gives read-only, locked, corrupt and newer-version files each their own Chinese message', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'desk.sqlite');
    (await openDatabase(file)).close();
    // read-only (not for root, who may write anyway)
    if (process.getuid?.() !== 0) {
      fs.chmodSync(file, 0o400);
      expect((await openError(file)).message).toMatch(/没有权限写入数据库文件/);
      fs.chmodSync(file, 0o600);
    }
    const ro = path.join(dir, 'ro.sqlite');
    fs.copyFileSync(file, ro);
    expect((await openError(ro, { readonly: true, migrations: [{ version: 1, name: 'x', sql: '' }] })).kind).toBe('too-new');
    // newer version
    const future = path.join(dir, 'future.sqlite');
    fs.copyFileSync(file, future);
    const f = await openDatabase(future);
    f.pragma(`user_version = ${LATEST_VERSION + 1}`);
    f.close();
    const tooNew = await openError(future);
    expect(tooNew.kind).toBe('too-new');
    expect(tooNew.message).toMatch(/由更新版本的工作台写入/);
    // locked: another connection holds the write lock past the busy timeout
    const holder = await openDatabase(file);
    holder.pragma('locking_mode = EXCLUSIVE');
    holder.exec('BEGIN EXCLUSIVE');
    const locked = spawnSync(process.execPath, ['--import', 'tsx', helper('open-worker.ts'), file], { encoding: 'utf8', timeout: 60_000 });
    holder.exec('ROLLBACK');
    holder.close();
    expect(JSON.parse(locked.stdout)).toMatchObject({ ok: false, message: expect.stringMatching(/正被另一个程序占用/) });
    // not a database at all
    const junk = path.join(dir, 'junk.sqlite');
    fs.writeFileSync(junk, Buffer.alloc(8192, 7));
    expect((await openError(junk)).message).toMatch(/不是工作台的数据库文件，或已损坏。请从备份恢复/);
  }, 120_000);

  it('opens a corrupt database read-only with guidance to restore; a write is refused and nothing more is written', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'corrupt.sqlite');
    const db = await openDatabase(file);
    const ctx = { db, session: { user: SYSTEM_USER, system: true }, now: () => new Date('2026-11-20T04:00:00Z') };
    for (let i = 0; i < 30; i++) if (!dispatch(ctx, 'cases.saveDraft', sampleDraft({ receivedDate: '2026-11-19' })).ok) throw new Error('seed');
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    // Damage a b-tree page in the middle of the file (not the header): the quick check finds it.
    const bytes = fs.readFileSync(file);
    const page = 4096;
    const pages = bytes.length / page;
    for (let p = Math.floor(pages / 2); p < pages - 1; p++) bytes.fill(0xab, p * page + 8, p * page + 200);
    fs.writeFileSync(file, bytes);
    const warnings: string[] = [];
    const opened = await openDatabase(file, { onWarning: (m) => warnings.push(m) });
    expect(warnings[0]).toMatch(/未通过完整性检查.*已以只读方式打开.*请立即从最近的备份恢复/);
    expect(opened.readonly).toBe(true);
    const before = fs.readFileSync(file);
    const w = dispatch({ db: opened, session: { user: SYSTEM_USER, system: true }, now: () => new Date() }, 'venues.create', { name: '新场所', kind: 'circuit' });
    expect(w).toMatchObject({ ok: false, error: { code: 'INVALID_STATE', message: expect.stringMatching(/已以只读方式打开/) } });
    opened.close();
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    const r = desk(file, 'db', 'check');
    expect(r.status).toBe(1);
  });

  it('creates the file 0600 in a 0700 folder', async () => {
    const dir = path.join(tempDir(), 'data', 'arbitration-desk');
    const file = path.join(dir, 'desk.sqlite');
    const db = await openDatabase(file);
    db.prepare('SELECT 1').get();
    db.close();
    expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(schemaVersion((await openDatabase(file)))).toBe(LATEST_VERSION);
  });
});
