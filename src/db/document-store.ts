import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from './open';
import { keyOf } from './encryption';

/**
 * The document store (issue 13 item 3, decision 141): the issued PDF and DOCX files live beside the database, one file
 * per content, at `<database file>.documents/<first two hex>/<sha256>`, where the address is the SHA-256 of the
 * PLAINTEXT — the hash the register row (case_documents.pdf_sha256 / docx_sha256) already holds and the audit chain
 * already covers. The stored bytes are:
 *
 *   "ADDS" | version 1 | mode (0 plain, 1 AES-256-GCM) | key id (8 bytes) | nonce (12 bytes) | body | tag (16, GCM only)
 *
 * An encrypted database (issue 12 item 5) stores its files encrypted with AES-256-GCM under a key derived from the
 * database key with HKDF-SHA256, a fresh random nonce per file, the header and the address as additional data (a file
 * copied to another address fails authentication). A plain database stores them plain (the database itself is plain).
 * The key id (also HKDF of the database key) names the key a file was written with, so a file of another key is named as
 * such, never decrypted into garbage. Every read checks the SHA-256 of the plaintext against the register's hash.
 *
 * A file is written to a temporary name, fsynced, renamed and the folder fsynced BEFORE the register row commits (the
 * caller writes inside the issuing transaction): a crash before the commit leaves an orphan file and no row; a
 * committed row always has its file. `desk db check` lists missing, damaged and orphan files (checkStore).
 */

const MAGIC = Buffer.from('ADDS', 'latin1');
const VERSION = 1;
const HEADER = 4 + 1 + 1 + 8 + 12;
const TAG = 16;
const PLAIN_KEY_ID = Buffer.alloc(8);
const SHA = /^[0-9a-f]{64}$/;

export class StoreError extends Error {
  override name = 'StoreError';
}

/** The store folder of a database file. */
export function storeDirOf(dbFile: string): string {
  return `${path.resolve(dbFile)}.documents`;
}

/** The store folder of an open database (null for an in-memory database, which keeps its files in its rows). */
export function storeDir(db: Db): string | null {
  return db.name && db.name !== ':memory:' && !db.memory ? storeDirOf(db.name) : null;
}

export function storePath(dir: string, sha: string): string {
  if (!SHA.test(sha)) throw new StoreError(`文书文件地址无效：${sha}`);
  return path.join(dir, sha.slice(0, 2), sha);
}

interface FileKey {
  key: Buffer;
  id: Buffer;
}

const derived = new Map<string, FileKey>();

/** The file key and key id of a database key (HKDF-SHA256; the two outputs are independent). */
export function fileKeyOf(dbKey: string | undefined): FileKey | null {
  if (!dbKey) return null;
  let k = derived.get(dbKey);
  if (!k) {
    const ikm = Buffer.from(dbKey, 'utf8');
    const salt = Buffer.from('arbitration-desk document store', 'utf8');
    k = {
      key: Buffer.from(crypto.hkdfSync('sha256', ikm, salt, Buffer.from('aes-256-gcm file key v1', 'utf8'), 32)),
      id: Buffer.from(crypto.hkdfSync('sha256', ikm, salt, Buffer.from('key id v1', 'utf8'), 8)),
    };
    derived.clear(); // one database key at a time in practice; never a growing cache of keys
    derived.set(dbKey, k);
  }
  return k;
}

/** The folder name, inside a backup folder's store, of the files written with this database key ("plain" without). */
export function keyFolderName(dbKey: string | undefined): string {
  const k = fileKeyOf(dbKey);
  return k ? k.id.toString('hex') : 'plain';
}

const sha256 = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');

/** The stored form of a file's bytes. */
export function seal(plain: Buffer, sha: string, dbKey: string | undefined): Buffer {
  const k = fileKeyOf(dbKey);
  const header = Buffer.alloc(HEADER);
  MAGIC.copy(header, 0);
  header[4] = VERSION;
  header[5] = k ? 1 : 0;
  (k ? k.id : PLAIN_KEY_ID).copy(header, 6);
  if (!k) return Buffer.concat([header, plain]);
  const nonce = crypto.randomBytes(12);
  nonce.copy(header, 14);
  const c = crypto.createCipheriv('aes-256-gcm', k.key, nonce);
  c.setAAD(Buffer.concat([header, Buffer.from(sha, 'latin1')]));
  return Buffer.concat([header, c.update(plain), c.final(), c.getAuthTag()]);
}

/** The plaintext of a stored file, checked against its address; a StoreError in Chinese when it is not the file. */
export function unseal(stored: Buffer, sha: string, dbKey: string | undefined): Buffer {
  const damaged = () => new StoreError('文书文件已损坏或被改动（校验值不符），不予提供；请从备份恢复，或联系系统管理员');
  if (stored.length < HEADER || !stored.subarray(0, 4).equals(MAGIC) || stored[4] !== VERSION) throw damaged();
  const mode = stored[5];
  const id = stored.subarray(6, 14);
  let plain: Buffer;
  if (mode === 0) {
    plain = stored.subarray(HEADER);
  } else if (mode === 1) {
    const k = fileKeyOf(dbKey);
    if (!k || !id.equals(k.id)) throw new StoreError('文书文件以其他密钥加密，与当前数据库的密钥不符，不予提供；请联系系统管理员');
    if (stored.length < HEADER + TAG) throw damaged();
    const d = crypto.createDecipheriv('aes-256-gcm', k.key, stored.subarray(14, HEADER));
    d.setAAD(Buffer.concat([stored.subarray(0, HEADER), Buffer.from(sha, 'latin1')]));
    d.setAuthTag(stored.subarray(stored.length - TAG));
    try {
      plain = Buffer.concat([d.update(stored.subarray(HEADER, stored.length - TAG)), d.final()]);
    } catch {
      throw damaged();
    }
  } else {
    throw damaged();
  }
  if (sha256(plain) !== sha) throw damaged();
  return plain;
}

function fsyncDir(dir: string): void {
  if (process.platform === 'win32') return; // Windows cannot open a folder for fsync; NTFS journals the rename
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Writes bytes to `target` durably: temporary name, fsync, rename, fsync of the folder. */
export function writeDurably(target: string, bytes: Buffer): void {
  const dir = path.dirname(target);
  const fresh = !fs.existsSync(dir);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (fresh) fsyncDir(path.dirname(dir));
  const tmp = `${target}.tmp-${process.pid}-${crypto.randomBytes(4).toString('hex')}`;
  const fd = fs.openSync(tmp, 'w', 0o600);
  try {
    fs.writeSync(fd, bytes);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, target);
  fsyncDir(dir);
}

/**
 * Stores a file under its SHA-256 and returns the hash; call before the register row that names it commits. A file
 * already at the address that reads back intact is kept (same content); a damaged one is replaced.
 */
export function putDocumentFile(db: Db, plain: Buffer): string {
  const dir = storeDir(db);
  if (!dir) throw new StoreError('内存数据库没有文书文件存放处');
  const sha = sha256(plain);
  const target = storePath(dir, sha);
  if (fs.existsSync(target)) {
    try {
      unseal(fs.readFileSync(target), sha, keyOf(db));
      return sha;
    } catch {
      /* damaged or of another key: written again below */
    }
  }
  writeDurably(target, seal(plain, sha, keyOf(db)));
  return sha;
}

/** Reads a stored file, refusing (StoreError, Chinese) when it is missing or is not the file the register names. */
export function getDocumentFile(db: Db, sha: string): Buffer {
  const dir = storeDir(db);
  if (!dir) throw new StoreError('内存数据库没有文书文件存放处');
  const file = storePath(dir, sha);
  let stored: Buffer;
  try {
    stored = fs.readFileSync(file);
  } catch {
    throw new StoreError('文书文件缺失（文书存放处中找不到该文件），不予提供；请从备份恢复，或联系系统管理员');
  }
  try {
    return unseal(stored, sha, keyOf(db));
  } catch (e) {
    // a re-key that stopped after the database was re-keyed: the file under the new key waits beside it (rekeyStore)
    if (!fs.existsSync(`${file}.next`)) throw e;
    const plain = unseal(fs.readFileSync(`${file}.next`), sha, keyOf(db));
    fs.renameSync(`${file}.next`, file);
    return plain;
  }
}

/** Every file in a store folder: [address, path], temporary and foreign files included (address null). */
function listStore(dir: string): { sha: string | null; file: string }[] {
  if (!fs.existsSync(dir)) return [];
  const out: { sha: string | null; file: string }[] = [];
  for (const sub of fs.readdirSync(dir)) {
    const p = path.join(dir, sub);
    if (!fs.statSync(p).isDirectory()) {
      out.push({ sha: null, file: p });
      continue;
    }
    for (const n of fs.readdirSync(p)) out.push({ sha: SHA.test(n) && n.startsWith(sub) ? n : null, file: path.join(p, n) });
  }
  return out;
}

export interface StoreCheck {
  /** Files the register names that are in the store and read back intact. */
  ok: number;
  missing: string[];
  damaged: string[];
  /** Files no register row names (e.g. written by an issue whose transaction did not commit). */
  orphans: string[];
}

/** Checks the store against the register's hashes (each file decrypted and hashed). */
export function checkStore(db: Db, referenced: Iterable<string>): StoreCheck {
  const dir = storeDir(db);
  const want = new Set(referenced);
  const r: StoreCheck = { ok: 0, missing: [], damaged: [], orphans: [] };
  if (!dir) return r;
  for (const sha of want) {
    try {
      getDocumentFile(db, sha);
      r.ok++;
    } catch (e) {
      (fs.existsSync(storePath(dir, sha)) ? r.damaged : r.missing).push(sha);
      if (!(e instanceof StoreError)) throw e;
    }
  }
  for (const f of listStore(dir)) if (!f.sha || !want.has(f.sha)) r.orphans.push(path.relative(dir, f.file));
  return r;
}

/**
 * Copies the store files named by `wanted` from one store folder into another, only those not already there (the
 * incremental step of a backup and of a restore). Each copy is written durably. Returns how many were copied and how
 * many were already there; throws StoreError naming the first file the source lacks.
 */
export function copyStoreFiles(from: string, to: string, wanted: Iterable<string>, dbKey?: string): { copied: number; present: number; bytes: number } {
  let copied = 0;
  let present = 0;
  let bytes = 0;
  const id = fileKeyOf(dbKey)?.id ?? PLAIN_KEY_ID;
  for (const sha of new Set(wanted)) {
    const target = storePath(to, sha);
    // a file already there is kept when it was written with this key (same address, same content)
    if (fs.existsSync(target) && keyIdOfFile(target)?.equals(id)) {
      present++;
      continue;
    }
    const source = storePath(from, sha);
    if (!fs.existsSync(source)) throw new StoreError(`文书文件缺失，无法复制：${sha}`);
    const b = fs.readFileSync(source);
    writeDurably(target, b);
    copied++;
    bytes += b.length;
  }
  return { copied, present, bytes };
}

/** The key id in a stored file's header (null when the file is too short to hold one). */
function keyIdOfFile(file: string): Buffer | null {
  const fd = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(HEADER);
    return fs.readSync(fd, head, 0, HEADER, 0) === HEADER && head.subarray(0, 4).equals(MAGIC) ? head.subarray(6, 14) : null;
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Re-encrypts the store with a new database key around `rekeyDatabase` (desk db rekey, desk db encrypt): every file is
 * first written under the new key beside itself (`<address>.next`, durably), then the database is re-keyed, then each
 * `.next` replaces its file. A crash after the database re-key leaves `.next` files, which a read uses (and moves into
 * place); a crash before it leaves the database and its files under the old key. Plain files are encrypted the same way.
 */
export function rekeyStore(dir: string, oldKey: string | undefined, newKey: string, rekeyDatabase: () => void): number {
  const files = listStore(dir).filter((f): f is { sha: string; file: string } => f.sha !== null);
  for (const f of files) writeDurably(`${f.file}.next`, seal(unseal(fs.readFileSync(f.file), f.sha, oldKey), f.sha, newKey));
  rekeyDatabase();
  for (const f of files) fs.renameSync(`${f.file}.next`, f.file);
  for (const d of new Set(files.map((f) => path.dirname(f.file)))) fsyncDir(d);
  return files.length;
}
