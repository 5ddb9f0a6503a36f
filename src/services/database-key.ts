import fs from 'node:fs';
import path from 'node:path';
import { type Db, type OpenOptions, openDatabase } from '../db/open';
import { isEncryptedFile } from '../db/encryption';
import { type ResolveOptions, type ResolvedKey, resolveKey } from '../db/keystore';
import { renderRecoverySheet } from '../documents/recovery-sheet';

/**
 * Opening a database with its key, for the three entry points (desktop app, desk CLI, preview): resolve the key
 * (src/db/keystore.ts), open (encrypting a plain file, src/db/open.ts), and when a recovery key was made now, write the
 * printable 恢复密钥 sheet beside the database and return the one-time message that shows the key.
 */
export interface KeyedOpen {
  db: Db;
  key: ResolvedKey;
  /** Set once, when a new recovery key was made: the sheet to print and the message to show (contains the key). */
  setup?: { sheet: string; message: string };
}

export async function writeRecoverySheet(dbFile: string, recoveryKey: string, reason: '初次设置' | '更换密钥', at = new Date()): Promise<string> {
  const stamp = new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
  const file = path.join(path.dirname(path.resolve(dbFile)), `恢复密钥单-${stamp}.pdf`);
  fs.writeFileSync(file, await renderRecoverySheet({ key: recoveryKey, dbFile, at, reason }), { mode: 0o600 });
  return file;
}

export function recoveryMessage(recoveryKey: string, sheet: string): string {
  return `数据库已加密。恢复密钥（仅显示这一次）：${recoveryKey}\n恢复密钥单已写入 ${sheet}，请立即打印并存放于保险柜，打印后删除该文件。`;
}

export async function openKeyed(dbFile: string, keyOpts: ResolveOptions, openOpts: OpenOptions = {}): Promise<KeyedOpen> {
  const key = resolveKey(dbFile, keyOpts);
  let db: Db;
  try {
    db = await openDatabase(dbFile, { ...openOpts, ...(key.key ? { key: key.key } : {}) });
  } catch (e) {
    // A key made now for a file that could not be opened is forgotten, so the next start makes (and shows) it again.
    if (key.created && key.heldIn && !isEncryptedFile(dbFile)) fs.rmSync(key.heldIn, { force: true });
    throw e;
  }
  if (!key.created || !key.key) return { db, key };
  const sheet = await writeRecoverySheet(dbFile, key.key, '初次设置');
  return { db, key, setup: { sheet, message: recoveryMessage(key.key, sheet) } };
}
