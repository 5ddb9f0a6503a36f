import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/open';
import { tempDir } from '../helpers/db';
import { sampleDraft } from '../helpers/fixtures';

/** Issue 10: CLI writes say who ran them (OS user) and which command; desk audit verify and head; db check never creates. */
function desk(db: string, ...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.resolve('src/cli/main.ts'), '--db', db, ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr, json: () => JSON.parse(r.stdout) as Record<string, unknown> };
}

describe('desk and the audit chain', () => {
  it('records the OS user and the command on every CLI write, verifies the chain, and reports a broken one with exit 1', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'cli.sqlite');
    const input = path.join(dir, 'case.json');
    fs.writeFileSync(input, JSON.stringify(sampleDraft()));
    expect(desk(db, 'case', 'create', '--input', input, '--accept', '2026-11-21').code).toBe(0);
    const check = await openDatabase(db);
    const rows = check.prepare("SELECT action, actor_name, origin FROM audit_log WHERE action IN ('cases.saveDraft', 'cases.accept') ORDER BY id").all() as { action: string; actor_name: string; origin: string }[];
    check.close();
    expect(rows.map((r) => r.action)).toEqual(['cases.saveDraft', 'cases.accept']);
    for (const r of rows) {
      expect(r.actor_name).toBe('系统（命令行）');
      expect(r.origin).toBe(`desk CLI · 操作系统用户 ${os.userInfo().username} · 命令 desk case create`);
    }
    const v = desk(db, 'audit', 'verify');
    expect(v.code).toBe(0);
    expect(v.json()).toMatchObject({ ok: true, broken: null });
    expect(desk(db, 'audit', 'head').json()).toMatchObject({ count: expect.any(Number), short: expect.stringMatching(/^[0-9a-f]{4} /) });
    expect(desk(db, 'db', 'check').code).toBe(0);
    // an audit row rewritten around the program
    const raw = await openDatabase(db);
    raw.exec('DROP TRIGGER audit_log_no_update');
    raw.prepare("UPDATE audit_log SET origin = 'someone else' WHERE action = 'cases.accept'").run();
    raw.close();
    const broken = desk(db, 'audit', 'verify');
    expect(broken.code).toBe(1);
    expect(broken.err).toMatch(/审计链在第 \d+ 条记录（审计记录（audit_log）\d+）处断裂：记录内容与其哈希不符/);
    expect(desk(db, 'db', 'check').code).toBe(1);
  });
});
