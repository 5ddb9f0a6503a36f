import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/open';
import { SYSTEM_USER, dispatch } from '../../src/services';
import { tempDir } from '../helpers/db';
import { sampleDraft } from '../helpers/fixtures';

const helper = (name: string) => path.resolve('tests/helpers', name);
const tsxArgs = (script: string, ...args: string[]) => ['--import', 'tsx', helper(script), ...args];

describe('a crash loses no saved record', () => {
  it('SIGKILL in the middle of a loop of case saves: integrity ok, every acknowledged save present, no half-saved case', async () => {
    const file = path.join(tempDir(), 'crash.sqlite');
    (await openDatabase(file)).close();
    const acked: string[] = [];
    await new Promise<void>((resolve, reject) => {
      const child = spawn(process.execPath, tsxArgs('save-loop.ts', file), { stdio: ['ignore', 'pipe', 'pipe'] });
      let buf = '';
      let stderr = '';
      const killAt = 40 + Math.floor(Math.random() * 60);
      child.stdout.on('data', (d: Buffer) => {
        buf += d.toString();
        const lines = buf.split('\n');
        buf = lines.pop()!;
        for (const l of lines) if (l.startsWith('ACK ')) acked.push(l.split(' ')[1]!);
        if (acked.length >= killAt && !child.killed) child.kill('SIGKILL');
      });
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.on('exit', (_code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(`child ended without being killed: ${stderr}`))));
    });
    expect(acked.length).toBeGreaterThanOrEqual(40);

    const db = await openDatabase(file);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    const ids = new Set((db.prepare('SELECT id FROM cases').all() as { id: string }[]).map((r) => r.id));
    for (const id of acked) expect(ids.has(id)).toBe(true);
    // At most the one save in flight may exist beyond the acknowledged ones, and it is whole or absent.
    expect(ids.size - acked.length).toBeLessThanOrEqual(1);
    const rows = db.prepare(`SELECT c.id, c.note, (SELECT count(*) FROM claims WHERE case_id = c.id) AS claims,
      (SELECT count(*) FROM parties WHERE case_id = c.id AND role = 'applicant') AS applicants,
      (SELECT count(*) FROM parties WHERE case_id = c.id AND role = 'respondent') AS respondents,
      (SELECT count(*) FROM case_events WHERE case_id = c.id) AS events FROM cases c`).all() as { note: string; claims: number; applicants: number; respondents: number; events: number }[];
    for (const r of rows) {
      expect(r.note).toBe(`claims=${r.claims}`);
      expect(r.applicants).toBe(2);
      expect(r.respondents).toBe(1);
      expect(r.events).toBe(1);
    }
    db.close();
  });
});

describe('case numbers under concurrent acceptance', () => {
  it('three processes accepting 90 drafts at once on one file get numbers 1..90 with no gap or duplicate', async () => {
    const file = path.join(tempDir(), 'numbers.sqlite');
    const db = await openDatabase(file);
    const ctx = { db, session: { user: SYSTEM_USER, system: true }, now: () => new Date() };
    const ids: string[] = [];
    for (let i = 0; i < 90; i++) {
      const r = dispatch(ctx, 'cases.saveDraft', sampleDraft());
      if (!r.ok) throw new Error(r.error.message);
      ids.push((r.value as { id: string }).id);
    }
    db.close();
    const run = (part: string[]) =>
      new Promise<string[]>((resolve, reject) => {
        const child = spawn(process.execPath, tsxArgs('accept-worker.ts', file, ...part), { stdio: ['ignore', 'pipe', 'pipe'] });
        let out = '';
        let err = '';
        child.stdout.on('data', (d: Buffer) => (out += d.toString()));
        child.stderr.on('data', (d: Buffer) => (err += d.toString()));
        child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out) as string[]) : reject(new Error(err))));
      });
    const results = await Promise.all([0, 1, 2].map((k) => run(ids.filter((_, i) => i % 3 === k))));
    const numbers = results.flat().map((n) => Number(/第(\d+)号/.exec(n)![1]));
    expect(numbers.sort((a, b) => a - b)).toEqual(Array.from({ length: 90 }, (_, i) => i + 1));
    const check = await openDatabase(file);
    expect(check.prepare('SELECT last FROM case_number_seq WHERE year = 2026').get()).toEqual({ last: 90 });
    check.close();
  });
});
