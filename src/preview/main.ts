import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveDbPath } from '../db/paths';
import { openDatabase } from '../db/open';
import { startPreviewServer } from './server';

/** npm run preview [-- --db <file>] [--port <n>]: the real app in a local browser. */
const args = process.argv.slice(2);
const arg = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dbFile = resolveDbPath(arg('--db'));
const db = await openDatabase(dbFile);
const server = await startPreviewServer({ db, rendererDir: path.join(root, 'out/renderer'), port: Number(arg('--port') ?? 5199) });
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
