import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from './open';

/**
 * Encryption at rest (issue 12 item 5). The database is encrypted page by page by SQLite3 Multiple Ciphers
 * (better-sqlite3-multiple-ciphers) in its SQLCipher 4 scheme (AES-256-CBC, HMAC-SHA512, PBKDF2-SHA512 256,000
 * iterations), so the file can also be opened by the sqlcipher command-line tool with the same passphrase.
 *
 * One key per database: a random recovery key (48 Crockford base-32 characters in groups of four) that is shown once
 * at set-up and printed on the 恢复密钥 sheet, or a passphrase an administrator chooses. The key is passed to SQLite as
 * hex (PRAGMA hexkey), so no quoting of the key text is ever needed. Where the key is held between runs is decided
 * by the entry points (src/db/keystore.ts); see docs/security.md "Encryption at rest" for the threat model.
 */

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');
/** Crockford base 32: no I, L, O, U, so a key copied by hand from paper is not misread. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const RECOVERY_KEY = /^[0-9A-HJKMNP-TV-Z]{4}(?:-[0-9A-HJKMNP-TV-Z]{4}){11}$/;

const keys = new WeakMap<Db, string>();

export class KeyError extends Error {
  override name = 'KeyError';
}

/** A new recovery key: 240 random bits, e.g. 7K3M-QX9D-…, twelve groups of four. */
export function generateRecoveryKey(): string {
  const bytes = crypto.randomBytes(30);
  let bits = 0;
  let value = 0;
  let out = '';
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  return out.match(/.{4}/g)!.join('-');
}

/**
 * The key as SQLite receives it. A recovery key is accepted however it was typed (lower case, spaces or no dashes,
 * O for 0, I/L for 1); any other passphrase is used exactly, without its trailing line break.
 */
export function normalizeKey(text: string): string {
  const trimmed = text.replace(/^\uFEFF/, '').replace(/[\r\n]+$/, '').trim();
  const compact = trimmed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (compact.length === 48 && /^[0-9A-HJKMNP-TV-Z]+$/.test(compact)) return compact.match(/.{4}/g)!.join('-');
  if (trimmed.length < 12) throw new KeyError('密钥过短：自选口令至少 12 个字符（建议使用恢复密钥单上的恢复密钥）。');
  return trimmed;
}

export function isRecoveryKey(key: string): boolean {
  return RECOVERY_KEY.test(key);
}

/**
 * True when the file looks like an encrypted database: no plain SQLite header, whole pages (a multiple of 512 bytes)
 * and a first block that looks random, so a text file, filler or a truncated copy is still reported as "not a
 * database" rather than as "needs a key".
 */
export function isEncryptedFile(file: string): boolean {
  if (!fs.existsSync(file)) return false;
  const size = fs.statSync(file).size;
  if (size < 512 || size % 512 !== 0) return false;
  const fd = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(512);
    fs.readSync(fd, head, 0, head.length, 0);
    if (head.subarray(0, SQLITE_MAGIC.length).equals(SQLITE_MAGIC)) return false;
    // Ciphertext looks random: 512 random bytes take about 220 distinct values; text or filler takes far fewer.
    return new Set(head).size >= 160;
  } finally {
    fs.closeSync(fd);
  }
}

const hex = (key: string) => Buffer.from(key, 'utf8').toString('hex');

/** Selects the SQLCipher 4 scheme on a connection (before any read), so keys set or changed on it use that scheme. */
function selectCipher(db: Db): void {
  db.pragma("cipher = 'sqlcipher'");
  db.pragma('legacy = 4');
}

/** The pragmas applyKey runs, in order (also for a connection opened in a worker thread: src/db/integrity.ts). */
export function keyPragmas(key: string): string[] {
  return ["cipher = 'sqlcipher'", 'legacy = 4', `hexkey = '${hex(key)}'`];
}

/** Keys a freshly opened connection. Must run before anything reads the file. */
export function applyKey(db: Db, key: string): void {
  for (const p of keyPragmas(key)) db.pragma(p);
  keys.set(db, key);
}

/** The key a connection was opened with (undefined for a plain database). */
export function keyOf(db: Db): string | undefined {
  return keys.get(db);
}

/**
 * Changes the key of an open database, or encrypts a plain one (key undefined before). SQLite3 Multiple Ciphers cannot
 * re-key in WAL mode: the WAL is checkpointed into the file, the journal switched to DELETE for the re-key and back.
 */
export function rekeyOpenDatabase(db: Db, newKey: string): void {
  const wasWal = (db.pragma('journal_mode', { simple: true }) as string).toLowerCase() === 'wal';
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.pragma('journal_mode = DELETE');
  if (!keys.has(db)) selectCipher(db);
  db.pragma(`hexrekey = '${hex(newKey)}'`);
  keys.set(db, newKey);
  if (wasWal) db.pragma('journal_mode = WAL');
}

/**
 * A consistent copy of an open database into `target` with VACUUM INTO. For an encrypted database the copy is
 * encrypted with the same key (SQLite's backup API refuses an encrypted source); a plain database gives a plain copy.
 */
export function snapshotInto(db: Db, target: string): void {
  fs.rmSync(target, { force: true });
  db.prepare('VACUUM INTO ?').run(target);
  if (process.platform !== 'win32') fs.chmodSync(target, 0o600);
}

/** Overwrites a file with zeros before deleting it (best effort: SSDs and copy-on-write file systems may keep old blocks). */
export function shred(file: string): void {
  try {
    const size = fs.statSync(file).size;
    const fd = fs.openSync(file, 'r+');
    try {
      const zeros = Buffer.alloc(Math.min(size, 1 << 20));
      for (let at = 0; at < size; at += zeros.length) fs.writeSync(fd, zeros, 0, Math.min(zeros.length, size - at), at);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    /* already gone */
  }
  fs.rmSync(file, { force: true });
}

/** Row counts of every table, to prove a re-encrypted file holds what the plain one held. */
function counts(db: Db): string {
  const tables = (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
  return JSON.stringify(tables.map((t) => [t, (db.prepare(`SELECT count(*) AS n FROM "${t.replace(/"/g, '""')}"`).get() as { n: number }).n]));
}

export interface EncryptResult {
  /** The plain copy taken before encrypting; it is shredded once the encrypted file has been verified. */
  plainBackupShredded: boolean;
}

/**
 * Encrypts an existing plain database file in place (issue 12 item 5). A plain copy is taken first (beside the file,
 * owner-only) so a failure midway loses nothing; after the encrypted file has passed quick_check and holds the same row
 * counts, the plain copy is overwritten and deleted. Nothing else may have the file open.
 */
export function encryptDatabaseFile(file: string, key: string, open: (file: string) => Db): EncryptResult {
  const safety = path.join(path.dirname(path.resolve(file)), `.${path.basename(file)}.before-encryption`);
  const db = open(file);
  let before: string;
  try {
    db.pragma('busy_timeout = 10000');
    before = counts(db);
    snapshotInto(db, safety);
    rekeyOpenDatabase(db, key);
  } catch (e) {
    if (db.open) db.close();
    // The re-key failed midway: the file may be half encrypted, so the verified plain copy goes back in its place.
    if (fs.existsSync(safety)) {
      if (isEncryptedFile(file)) {
        for (const s of ['-wal', '-shm', '-journal']) fs.rmSync(file + s, { force: true });
        fs.copyFileSync(safety, file);
      }
      shred(safety);
    }
    throw e;
  }
  db.close();
  const check = open(file);
  try {
    applyKey(check, key);
    const quick = (check.pragma('quick_check(1)') as { quick_check: string }[])[0]?.quick_check;
    if (quick !== 'ok' || counts(check) !== before) throw new KeyError('加密后的数据库未通过核对，未加密的副本已保留在数据库旁（以点开头的 .before-encryption 文件），请联系技术支持。');
  } finally {
    check.close();
  }
  shred(safety);
  return { plainBackupShredded: true };
}
