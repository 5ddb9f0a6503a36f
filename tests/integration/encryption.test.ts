import crypto from 'node:crypto';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BackupError, backupDatabase, checkBackupFile, restoreDatabase } from '../../src/db/backup';
import { KeyError, generateRecoveryKey, isEncryptedFile, isRecoveryKey, normalizeKey, rekeyOpenDatabase } from '../../src/db/encryption';
import { type Sealer, keyFilePath, resolveKey, sealedKeyFilePath } from '../../src/db/keystore';
import { type Db, DatabaseOpenError, openDatabase } from '../../src/db/open';
import { dispatch, dispatchAsync } from '../../src/services';
import { openKeyed } from '../../src/services/database-key';
import { main } from '../../src/cli/main';
import { type TestDb, openTestDb, tempDir, unwrap } from '../helpers/db';
import { IDS, sampleDraft } from '../helpers/fixtures';

/** Issue 12 item 5: encryption at rest. */
let t: TestDb | null = null;
afterEach(() => {
  t?.close();
  t = null;
});

const KEY = 'correct horse battery staple 2026';
/** Known fixture strings that must never appear in an encrypted file's bytes (UTF-8, as SQLite stores text). */
const SECRETS = ['张三', '李四', IDS.zhangSan, IDS.liSi, '13800000000', '成都市温江区柳城街道'];
const leaks = (file: string) => {
  const bytes = fs.readFileSync(file);
  return SECRETS.filter((s) => bytes.includes(Buffer.from(s, 'utf8')));
};
const fill = (tdb: TestDb, n = 3) => {
  const clerk = tdb.ctx(tdb.user(`clerk${crypto.randomInt(1e6)}`, 'clerk'));
  for (let i = 0; i < n; i++) unwrap(dispatch(clerk, 'cases.saveDraft', sampleDraft()));
};
const countCases = (db: Db) => (db.prepare('SELECT count(*) AS n FROM cases').get() as { n: number }).n;

describe('encrypted database files', () => {
  it('a plain database shows the fixture strings in its bytes (the check below can fail)', async () => {
    t = await openTestDb();
    fill(t);
    expect(fs.existsSync(`${t.file}-wal`)).toBe(true);
    const inWal = leaks(`${t.file}-wal`);
    t.close();
    t = null;
    expect(inWal).toContain(IDS.zhangSan);
  });

  it('no name, ID number, phone or address in the bytes of the database, its -wal file or its backup', async () => {
    t = await openTestDb({ key: KEY });
    fill(t);
    expect(isEncryptedFile(t.file)).toBe(true);
    // While the app runs the new rows are in the WAL: it is encrypted too.
    expect(fs.statSync(`${t.file}-wal`).size).toBeGreaterThan(0);
    expect(leaks(`${t.file}-wal`)).toEqual([]);
    expect(leaks(t.file)).toEqual([]);
    // issue 13 item 3: an issued document's files in the store beside the database, and in the backup folder
    const clerk = t.ctx(t.user('clerkdoc', 'clerk'));
    const at = { ...clerk, now: () => new Date('2026-11-02T04:00:00Z') };
    const draft = unwrap<{ id: string }>(dispatch(at, 'cases.saveDraft', sampleDraft({ receivedDate: '2026-10-30' })));
    unwrap(dispatch(at, 'cases.accept', { id: draft.id, acceptanceDate: '2026-11-02' }));
    unwrap(await dispatchAsync(at, 'documents.issue', { caseId: draft.id, kind: 'acceptance_notice', issuedDate: '2026-11-02' }));
    const storeFiles = (dir: string): string[] => fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
    const inStore = storeFiles(`${t.file}.documents`);
    expect(inStore).toHaveLength(2);
    // the stored files are not a PDF nor a zip (a DOCX names its parts in the clear) and hold no fixture string
    const clear = (f: string) => [...leaks(f), ...['%PDF-', 'word/document.xml'].filter((s) => fs.readFileSync(f).includes(Buffer.from(s)))];
    expect(inStore.flatMap(clear)).toEqual([]);
    const backup = await backupDatabase(t.db, path.join(tempDir(), 'usb'));
    expect(backup.counts.cases).toBe(4);
    expect(isEncryptedFile(backup.file)).toBe(true);
    expect(leaks(backup.file)).toEqual([]);
    const inBackup = storeFiles(path.join(path.dirname(backup.file), 'desk-documents'));
    expect(inBackup).toHaveLength(2);
    expect(inBackup.flatMap(clear)).toEqual([]);
    t.db.pragma('wal_checkpoint(TRUNCATE)');
    expect(leaks(t.file)).toEqual([]);
    // The data are there for the key holder.
    expect(countCases(t.db)).toBe(4);
    expect(JSON.stringify(t.db.prepare('SELECT * FROM parties').all())).toContain(IDS.zhangSan);
  });

  it('refuses to open without the key, and says so; a wrong key is named as such, not as a damaged file', async () => {
    t = await openTestDb({ key: KEY });
    fill(t, 1);
    const file = t.file;
    t.close();
    t = null;
    await expect(openDatabase(file)).rejects.toMatchObject({ kind: 'needs-key', message: expect.stringContaining('已加密：请提供密钥') });
    await expect(openDatabase(file, { key: 'another passphrase 123' })).rejects.toMatchObject({ kind: 'wrong-key', message: expect.stringContaining('密钥不正确') });
    const db = await openDatabase(file, { key: KEY });
    expect(countCases(db)).toBe(1);
    db.close();
  });

  it('encrypts an existing plain database in place: same rows, no plaintext left, no copy left behind', async () => {
    t = await openTestDb();
    fill(t, 2);
    const file = t.file;
    const before = JSON.stringify(t.db.prepare('SELECT * FROM cases ORDER BY id').all());
    t.close();
    t = null;
    expect(isEncryptedFile(file)).toBe(false);
    const db = await openDatabase(file, { key: KEY });
    expect(JSON.stringify(db.prepare('SELECT * FROM cases ORDER BY id').all())).toBe(before);
    expect(isEncryptedFile(file)).toBe(true);
    expect(leaks(file)).toEqual([]);
    expect(fs.readdirSync(path.dirname(file)).filter((n) => n.includes('before-encryption'))).toEqual([]);
    // Still a working WAL database with its audit chain.
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('re-keys: the new key opens it, the old one no longer does', async () => {
    t = await openTestDb({ key: KEY });
    fill(t, 1);
    const file = t.file;
    const next = generateRecoveryKey();
    rekeyOpenDatabase(t.db, next);
    expect(t.db.pragma('journal_mode', { simple: true })).toBe('wal');
    fill(t, 1);
    t.close();
    t = null;
    await expect(openDatabase(file, { key: KEY })).rejects.toMatchObject({ kind: 'wrong-key' });
    const db = await openDatabase(file, { key: next });
    expect(countCases(db)).toBe(2);
    db.close();
  });

  it('restores an encrypted backup with its key; without it or with another key the restore is refused and nothing changes', async () => {
    t = await openTestDb({ key: KEY });
    fill(t, 2);
    const backup = await backupDatabase(t.db, path.join(tempDir(), 'usb'));
    fill(t, 3);
    const file = t.file;
    t.close();
    t = null;
    const sizeBefore = fs.statSync(file).size;
    expect(() => restoreDatabase(backup.file, file)).toThrow(new BackupError(`备份文件已加密，请提供其密钥（desk --passphrase-file <密钥文件>）：${file}.restoring`));
    expect(() => restoreDatabase(backup.file, file, new Date(), 'wrong passphrase 1234')).toThrow(/密钥与该备份文件不符/);
    expect(fs.statSync(file).size).toBe(sizeBefore);
    expect(() => checkBackupFile(backup.file)).toThrow(BackupError);
    const r = restoreDatabase(backup.file, file, new Date(), KEY);
    expect(r.counts.cases).toBe(2);
    const db = await openDatabase(file, { key: KEY });
    expect(countCases(db)).toBe(2);
    db.close();
  });
});

describe('keys', () => {
  it('recovery keys: 240 random bits in twelve groups of four, accepted however they are typed', () => {
    const k = generateRecoveryKey();
    expect(isRecoveryKey(k)).toBe(true);
    expect(k).toMatch(/^([0-9A-Z]{4}-){11}[0-9A-Z]{4}$/);
    expect(generateRecoveryKey()).not.toBe(k);
    expect(normalizeKey(` ${k.toLowerCase().replace(/-/g, ' ')}\n`)).toBe(k);
    expect(normalizeKey(k.replace(/-/g, '').replace(/0/g, 'O').replace(/1/g, 'l'))).toBe(k);
    expect(normalizeKey(`${KEY}\r\n`)).toBe(KEY);
    expect(() => normalizeKey('short')).toThrow(KeyError);
  });

  it('resolves in order: passphrase file, environment, sealed key file, key file; makes one only when asked and the file is new or plain', () => {
    const dir = tempDir();
    const db = path.join(dir, 'desk.sqlite');
    expect(resolveKey(db, { env: {} })).toEqual({ source: 'none', created: false });
    const made = resolveKey(db, { env: {}, create: true });
    expect(made).toMatchObject({ source: 'key-file', created: true, heldIn: keyFilePath(db) });
    expect(isRecoveryKey(made.key!)).toBe(true);
    expect(fs.statSync(keyFilePath(db)).mode & 0o777).toBe(0o600);
    expect(resolveKey(db, { env: {} })).toMatchObject({ key: made.key, source: 'key-file', created: false });
    expect(resolveKey(db, { env: { ARBITRATION_DESK_PASSPHRASE: KEY } })).toMatchObject({ key: KEY, source: 'env' });
    const pf = path.join(dir, 'pass.txt');
    fs.writeFileSync(pf, `${KEY}\n`);
    expect(resolveKey(db, { env: { ARBITRATION_DESK_PASSPHRASE: 'other passphrase 99' }, passphraseFile: pf })).toMatchObject({ key: KEY, source: 'passphrase-file' });
  });

  it('seals the key with the OS store when there is one, and never makes a new key for an encrypted file', async () => {
    // A real AES-GCM sealer standing in for Electron safeStorage (which only exists inside Electron).
    const osKey = crypto.randomBytes(32);
    const sealer: Sealer = {
      available: () => true,
      seal: (text) => {
        const iv = crypto.randomBytes(12);
        const c = crypto.createCipheriv('aes-256-gcm', osKey, iv);
        const body = Buffer.concat([c.update(text, 'utf8'), c.final()]);
        return Buffer.concat([iv, c.getAuthTag(), body]);
      },
      unseal: (b) => {
        const d = crypto.createDecipheriv('aes-256-gcm', osKey, b.subarray(0, 12));
        d.setAuthTag(b.subarray(12, 28));
        return Buffer.concat([d.update(b.subarray(28)), d.final()]).toString('utf8');
      },
    };
    const dir = tempDir();
    const file = path.join(dir, 'desk.sqlite');
    const first = await openKeyed(file, { env: {}, sealer, create: true });
    expect(first.key.source).toBe('sealed-key-file');
    expect(first.setup?.message).toContain(first.key.key!);
    expect(fs.existsSync(keyFilePath(file))).toBe(false);
    expect(fs.readFileSync(sealedKeyFilePath(file)).includes(Buffer.from(first.key.key!))).toBe(false);
    first.db.close();
    const again = await openKeyed(file, { env: {}, sealer, create: true });
    expect(again.key).toMatchObject({ key: first.key.key, source: 'sealed-key-file', created: false });
    expect(again.setup).toBeUndefined();
    again.db.close();
    // Without the OS store (another machine or account) the CLI is told to use the recovery key.
    expect(() => resolveKey(file, { env: {} })).toThrow(/--passphrase-file 提供恢复密钥/);
    // The sealed key gone: an encrypted file never gets a fresh key (that would lock the data away).
    fs.rmSync(sealedKeyFilePath(file));
    expect(resolveKey(file, { env: {}, create: true })).toEqual({ source: 'none', created: false });
    await expect(openKeyed(file, { env: {}, create: true })).rejects.toBeInstanceOf(DatabaseOpenError);
  });

  it('prints a 恢复密钥 sheet that holds the key', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'desk.sqlite');
    const opened = await openKeyed(file, { env: {}, create: true });
    opened.db.close();
    const sheet = opened.setup!.sheet;
    expect(path.dirname(sheet)).toBe(dir);
    expect(fs.statSync(sheet).mode & 0o777).toBe(0o600);
    const text = execFileSync('pdftotext', ['-layout', sheet, '-'], { encoding: 'utf8' });
    expect(text).toContain('数据库恢复密钥单');
    // pdftotext -layout sometimes splits a group at a wide glyph ("F VSX"); the sheet prints each group whole
    const compact = text.replace(/\s+/g, '');
    for (const group of opened.key.key!.split('-')) expect(compact).toContain(group);
    expect(text).toContain('desk --passphrase-file');
  });
});

describe('desk CLI with an encrypted database', () => {
  const run = async (args: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const o = process.stdout.write.bind(process.stdout);
    const e = process.stderr.write.bind(process.stderr);
    process.stdout.write = ((s: string) => (out.push(String(s)), true)) as typeof process.stdout.write;
    process.stderr.write = ((s: string) => (err.push(String(s)), true)) as typeof process.stderr.write;
    try {
      const code = await main(args);
      return { code, out: out.join(''), err: err.join('') };
    } finally {
      process.stdout.write = o;
      process.stderr.write = e;
    }
  };

  it('db encrypt → key file and sheet; db info opens with the key file; rekey; a wrong passphrase file is refused in Chinese', async () => {
    t = await openTestDb();
    fill(t, 2);
    const file = t.file;
    t.close();
    t = null;
    const enc = await run(['--db', file, 'db', 'encrypt']);
    expect(enc.code).toBe(0);
    expect(JSON.parse(enc.out)).toMatchObject({ encrypted: true, alreadyEncrypted: false, keyHeldIn: keyFilePath(file) });
    expect(enc.err).toMatch(/恢复密钥（仅显示这一次）：([0-9A-Z]{4}-){11}[0-9A-Z]{4}/);
    expect(leaks(file)).toEqual([]);
    const info = await run(['--db', file, 'db', 'info']);
    expect(JSON.parse(info.out).cases).toBe(2);
    const recovery = enc.err.match(/：(([0-9A-Z]{4}-){11}[0-9A-Z]{4})/)![1]!;
    const rk = await run(['--db', file, 'db', 'rekey']);
    expect(rk.code).toBe(0);
    const bad = path.join(path.dirname(file), 'old.txt');
    fs.writeFileSync(bad, recovery);
    const refused = await run(['--passphrase-file', bad, '--db', file, 'db', 'info']);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('密钥不正确');
    expect(refused.err).not.toContain(recovery);
    expect((await run(['--db', file, 'db', 'check'])).code).toBe(0);
  });
});
