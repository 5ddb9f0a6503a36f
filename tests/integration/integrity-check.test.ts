import { spawnSync } from 'node:child_process';
import path from 'node:path';
import Sqlite from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it } from 'vitest';
import type { Settings } from '../../src/api';
import { type Db, openDatabase } from '../../src/db/open';
import { dispatch } from '../../src/services';
import { runDailyIntegrityCheck } from '../../src/services/integrity';
import { type TestDb, openTestDb, unwrap } from '../helpers/db';
import { sampleDraft } from '../helpers/fixtures';

/** Issue 13 (scale4): the full integrity check once a day in the background, its result and date in the settings. */
let t: TestDb | null = null;
let other: Db | null = null;
afterEach(() => {
  t?.close();
  other?.close();
  t = other = null;
});

function desk(db: string, ...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.resolve('src/cli/main.ts'), '--db', db, ...args], { encoding: 'utf8', env: { ...process.env, DESK_PASSWORD: '' } });
  return { code: r.status, out: r.stdout, err: r.stderr, json: () => JSON.parse(r.stdout) as Record<string, unknown> };
}

/** A database whose parties_name index no longer matches its table (page structure intact, so quick_check at open passes). */
async function corrupted(): Promise<string> {
  t = await openTestDb();
  const clerk = t.ctx(t.user('clerk1', 'clerk'));
  for (let i = 0; i < 3; i++) unwrap(dispatch(clerk, 'cases.saveDraft', sampleDraft()));
  const file = t.file;
  t.close();
  t = null;
  const raw = new Sqlite(file);
  raw.unsafeMode(true); // lifts SQLite's defensive mode, which refuses writing the schema table
  raw.pragma('writable_schema = ON');
  raw.prepare("UPDATE sqlite_schema SET sql = 'CREATE INDEX parties_name ON parties(id_number)' WHERE name = 'parties_name'").run();
  raw.close();
  return file;
}

describe('full integrity check', () => {
  it('runs once a Beijing-time day and records its result and date for the settings page', async () => {
    t = await openTestDb();
    const settings = () => unwrap<Settings>(dispatch(t!.ctx(t!.admin), 'settings.get', {}));
    expect(settings().lastIntegrityCheck).toBeNull();
    // 2026-11-30 07:00 Beijing time
    const first = await runDailyIntegrityCheck(t.db, new Date('2026-11-29T23:00:00Z'));
    expect(first).toMatchObject({ date: '2026-11-30', ok: true, problems: 0, message: '数据库文件完整性检查通过' });
    expect(settings().lastIntegrityCheck).toEqual(first);
    // the same Beijing day (23:30 there): not again
    expect(await runDailyIntegrityCheck(t.db, new Date('2026-11-30T15:30:00Z'))).toBeNull();
    // the next Beijing day starts at 16:00 UTC
    expect(await runDailyIntegrityCheck(t.db, new Date('2026-11-30T16:01:00Z'))).toMatchObject({ date: '2026-12-01', ok: true });
    expect(settings().lastIntegrityCheck!.date).toBe('2026-12-01');
  });

  it('checks an encrypted database in its worker with the same key', async () => {
    t = await openTestDb({ key: 'integrity-test-key-1' });
    expect(await runDailyIntegrityCheck(t.db, new Date('2026-11-29T23:00:00Z'))).toMatchObject({ ok: true, message: '数据库文件完整性检查通过' });
  });

  it('reports a corrupted database as failed, in Chinese, and keeps the result', async () => {
    const file = await corrupted();
    other = await openDatabase(file);
    const r = (await runDailyIntegrityCheck(other, new Date('2026-11-29T23:00:00Z')))!;
    expect(r.ok).toBe(false);
    expect(r.problems).toBeGreaterThan(0);
    expect(r.message).toMatch(/^数据库文件完整性检查未通过（发现 \d+ 处问题）。请勿继续录入/);
    expect(JSON.parse((other.prepare("SELECT value FROM settings WHERE key = 'lastIntegrityCheck'").get() as { value: string }).value)).toEqual(r);
  });

  it('desk db check --full runs the same check, records it, and fails on the corrupted file', async () => {
    const file = await corrupted();
    const bad = desk(file, 'db', 'check', '--full');
    expect(bad.code).toBe(1);
    expect(bad.json()).toMatchObject({ ok: false, recorded: { ok: false } });
    expect((bad.json().integrity as string[]).join('\n')).toMatch(/parties_name/);
    expect(bad.err).toContain('数据库完整性检查未通过');
    other = await openDatabase(file);
    expect(JSON.parse((other.prepare("SELECT value FROM settings WHERE key = 'lastIntegrityCheck'").get() as { value: string }).value)).toMatchObject({ ok: false });
  });
});
