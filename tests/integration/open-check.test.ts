import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/open';
import { SYSTEM_USER, dispatch } from '../../src/services';
import { tempDir } from '../helpers/db';
import { sampleDraft } from '../helpers/fixtures';

/**
 * Issue 13: a large file is not read whole at every open. Above the size limit the open checks the header, the file's
 * length against the header's page count, and the schema; the full check is `desk db check` and every backup's.
 * (The small-file path, a full quick_check that finds a damaged page mid-file, is database-file.test.ts.)
 */
async function seeded() {
  const file = path.join(tempDir(), 'desk.sqlite');
  const db = await openDatabase(file);
  const ctx = { db, session: { user: SYSTEM_USER, system: true }, now: () => new Date('2026-11-20T04:00:00Z') };
  for (let i = 0; i < 40; i++) if (!dispatch(ctx, 'cases.saveDraft', sampleDraft({ receivedDate: '2026-11-19' })).ok) throw new Error('seed');
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return file;
}

describe('the check at open for a large file', () => {
  it('opens a sound file for writing without reading it whole', async () => {
    const file = await seeded();
    const warnings: string[] = [];
    const db = await openDatabase(file, { fullCheckMaxBytes: 0, onWarning: (m) => warnings.push(m) });
    expect(db.readonly).toBe(false);
    expect(warnings).toEqual([]);
    db.close();
  });

  it('does not open a truncated file for writing, and says to restore from a backup', async () => {
    const file = await seeded();
    const bytes = fs.readFileSync(file);
    fs.writeFileSync(file, bytes.subarray(0, bytes.length - 8 * 4096));
    const cut = fs.readFileSync(file);
    const warnings: string[] = [];
    // either opened read-only with the warning (the header's page count shows the cut), or refused when SQLite meets it
    const outcome = await openDatabase(file, { fullCheckMaxBytes: 0, onWarning: (m) => warnings.push(m) }).then(
      (db) => { const ro = db.readonly; db.close(); return ro ? `read-only: ${warnings[0]}` : 'writable'; },
      (e: Error) => `refused: ${e.message}`,
    );
    expect(outcome).toMatch(/^(read-only: .*未通过完整性检查.*请立即从最近的备份恢复|refused: .*已损坏。请从备份恢复)/);
    expect(fs.readFileSync(file).equals(cut)).toBe(true);
  });
});
