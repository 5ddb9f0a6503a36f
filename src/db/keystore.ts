import fs from 'node:fs';
import { KeyError, generateRecoveryKey, isEncryptedFile, normalizeKey } from './encryption';

/**
 * Where a database key comes from (issue 12 item 5). Pure Node: the Electron shell only supplies a Sealer backed by
 * safeStorage (DPAPI on Windows, the login keychain on macOS, the Secret Service / kwallet on Linux).
 *
 * In this order: a passphrase file (desk/preview --passphrase-file), the environment variable
 * ARBITRATION_DESK_PASSPHRASE, the OS-sealed key file beside the database (<db>.key.sealed, desktop app), the key file
 * beside the database (<db>.key, owner-only: CLI and preview on the default database). A passphrase is never taken from
 * the command line itself (argv lands in shell history and process lists) and is never logged.
 *
 * A new key is made only when asked (the default database, or `desk db encrypt`) and only for a database that does
 * not exist yet or is still plain: it is the recovery key, returned with created=true so the caller shows it once and
 * writes the printable 恢复密钥 sheet.
 */

export const PASSPHRASE_ENV = 'ARBITRATION_DESK_PASSPHRASE';

export interface Sealer {
  /** False where the OS offers no protected store (e.g. Linux without a keyring: Electron's basic_text fallback). */
  available(): boolean;
  seal(text: string): Buffer;
  unseal(sealed: Buffer): string;
}

export type KeySource = 'passphrase-file' | 'env' | 'sealed-key-file' | 'key-file' | 'none';

export interface ResolvedKey {
  key?: string;
  source: KeySource;
  /** A new recovery key was made and stored now: show it once and print the 恢复密钥 sheet. */
  created: boolean;
  /** Where the key is held between runs (undefined when it came from a passphrase file or the environment). */
  heldIn?: string;
}

export interface ResolveOptions {
  passphraseFile?: string;
  env?: NodeJS.ProcessEnv;
  sealer?: Sealer;
  /** Make and store a new key when none is found and the database is new or plain. */
  create?: boolean;
}

export const keyFilePath = (dbFile: string) => `${dbFile}.key`;
export const sealedKeyFilePath = (dbFile: string) => `${dbFile}.key.sealed`;

export function readPassphraseFile(file: string): string {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw new KeyError(`无法读取密钥文件：${file}`);
  }
  return normalizeKey(text);
}

function writePrivate(file: string, data: string | Buffer): void {
  const tmp = `${file}.tmp`;
  fs.writeFileSync(tmp, data, { mode: 0o600 });
  fs.renameSync(tmp, file);
}

/** Stores a key where the next run finds it: sealed by the OS when a sealer is available, else an owner-only file. */
export function storeKey(dbFile: string, key: string, sealer?: Sealer): string {
  if (sealer?.available()) {
    writePrivate(sealedKeyFilePath(dbFile), sealer.seal(key));
    fs.rmSync(keyFilePath(dbFile), { force: true });
    return sealedKeyFilePath(dbFile);
  }
  writePrivate(keyFilePath(dbFile), `${key}\n`);
  return keyFilePath(dbFile);
}

export function resolveKey(dbFile: string, opts: ResolveOptions = {}): ResolvedKey {
  const env = opts.env ?? process.env;
  if (opts.passphraseFile) return { key: readPassphraseFile(opts.passphraseFile), source: 'passphrase-file', created: false };
  const fromEnv = env[PASSPHRASE_ENV];
  if (fromEnv) return { key: normalizeKey(fromEnv), source: 'env', created: false };
  const sealed = sealedKeyFilePath(dbFile);
  if (fs.existsSync(sealed)) {
    if (!opts.sealer?.available()) throw new KeyError(`数据库密钥由操作系统保管（${sealed}），只有桌面程序能取出。命令行请用 --passphrase-file 提供恢复密钥。`);
    let key: string;
    try {
      key = opts.sealer.unseal(fs.readFileSync(sealed));
    } catch {
      throw new KeyError('操作系统无法解开数据库密钥（可能换了电脑或操作系统账号）。请用恢复密钥单上的恢复密钥打开。');
    }
    return { key: normalizeKey(key), source: 'sealed-key-file', created: false, heldIn: sealed };
  }
  const plainKeyFile = keyFilePath(dbFile);
  if (fs.existsSync(plainKeyFile)) return { key: readPassphraseFile(plainKeyFile), source: 'key-file', created: false, heldIn: plainKeyFile };
  if (opts.create && !isEncryptedFile(dbFile)) {
    const key = generateRecoveryKey();
    return { key, source: opts.sealer?.available() ? 'sealed-key-file' : 'key-file', created: true, heldIn: storeKey(dbFile, key, opts.sealer) };
  }
  return { source: 'none', created: false };
}
