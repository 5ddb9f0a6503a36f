import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveDbPath } from '../db/paths';
import { type Db, DatabaseOpenError } from '../db/open';
import { KeyError } from '../db/encryption';
import { openKeyed } from '../services/database-key';
import { type PreviewServer, PreviewStartError, startPreviewServer } from './server';
import { runDailyBackup } from '../services/backups';
import { runDailyGradeReview } from '../services/grade-review';
import { INTEGRITY_CHECK_DELAY_MS, runDailyIntegrityCheck } from '../services/integrity';
import { warmDocuments } from '../services/documents';

/**
 * npm run preview [-- --db <file>] [--port <n>] [--passphrase-file <file>]: the real app in a local browser. The key of an
 * encrypted database: --passphrase-file, ARBITRATION_DESK_PASSPHRASE, or the key file beside it; the default database
 * is encrypted on first use with a new recovery key (issue 12 item 5).
 */
const args = process.argv.slice(2);
const arg = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dbFile = resolveDbPath(arg('--db'));
const port = Number(arg('--port') ?? 5199);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error('错误：--port 应为 0 至 65535 的整数。');
  process.exit(1);
}
let db: Db;
let server: PreviewServer;
try {
  const opened = await openKeyed(dbFile, { passphraseFile: arg('--passphrase-file'), create: arg('--db') === undefined && process.env.ARBITRATION_DESK_DB === undefined });
  db = opened.db;
  if (opened.setup) console.log(opened.setup.message);
} catch (e) {
  // DatabaseOpenError and KeyError carry a Chinese message; anything else is summarised without its stack.
  console.error(`错误：${e instanceof DatabaseOpenError || e instanceof KeyError ? e.message : `无法打开数据库 ${dbFile}`}`);
  process.exit(1);
}
try {
  server = await startPreviewServer({ db, rendererDir: path.join(root, 'out/renderer'), port });
} catch (e) {
  db.close();
  console.error(`错误：${e instanceof PreviewStartError ? e.message : '预览无法启动。'}`);
  process.exit(1);
}
void runDailyBackup(db);
setInterval(() => void runDailyBackup(db), 3_600_000).unref();
// the daily grade review on first use of the day (issue 16): at start and hourly, once per Beijing date
setTimeout(() => runDailyGradeReview(db), 0);
setInterval(() => runDailyGradeReview(db), 3_600_000).unref();
// The full integrity check (issue 13, scale4): once a Beijing-time day, in a worker thread on its own read-only connection, a few minutes
// after start and then hourly (date-keyed: it runs only when today's has not run).
setTimeout(() => void runDailyIntegrityCheck(db), INTEGRITY_CHECK_DELAY_MS).unref();
setInterval(() => void runDailyIntegrityCheck(db), 3_600_000).unref();
// faces parsed and renderers warmed in the background, so that the first preview does not pay for them (issue 11 item 9)
setTimeout(() => void warmDocuments(db).catch(() => undefined), 0);
console.log(`劳动仲裁工作台预览已启动（数据库：${dbFile}）`);
console.log(`请在浏览器中打开：${server.url}`);
console.log('按 Ctrl+C 停止。');
const stop = async () => {
  await server.close();
  db.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
