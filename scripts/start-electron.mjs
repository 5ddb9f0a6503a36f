#!/usr/bin/env node
// npm start: build, make a better-sqlite3-multiple-ciphers copy compiled for Electron (node_modules stays built for Node, so npm test
// keeps working), then open the desktop app on the default database in the user-data folder.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const fail = (msg) => { console.error(msg); process.exit(1); };

let electronBin;
try {
  electronBin = require('electron');
} catch {
  electronBin = null;
}
if (!electronBin || !fs.existsSync(electronBin)) {
  fail('未找到 Electron 程序：请在可访问网络的电脑上运行 npm install（不要设置 ELECTRON_SKIP_BINARY_DOWNLOAD）。\n'
    + '没有 Electron 时可用 npm run preview 在浏览器中使用同一程序。');
}

const step = (label, cmd, args, opts = {}) => {
  console.log(`> ${label}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  if (r.status !== 0) fail(`${label} 失败`);
};

step('构建', 'npx', ['electron-vite', 'build']);

const electronVersion = require('electron/package.json').version;
const nativeDir = path.resolve('.cache/electron-native', electronVersion);
const binding = path.join(nativeDir, 'node_modules/better-sqlite3-multiple-ciphers/build/Release/better_sqlite3.node');
if (!fs.existsSync(binding)) {
  fs.rmSync(nativeDir, { recursive: true, force: true });
  fs.mkdirSync(path.join(nativeDir, 'node_modules'), { recursive: true });
  fs.cpSync('node_modules/better-sqlite3-multiple-ciphers', path.join(nativeDir, 'node_modules/better-sqlite3-multiple-ciphers'), {
    recursive: true, filter: (src) => !src.includes(`${path.sep}build${path.sep}`) && !src.endsWith(`${path.sep}build`),
  });
  fs.writeFileSync(path.join(nativeDir, 'package.json'), JSON.stringify({ name: 'electron-native', private: true, dependencies: { 'better-sqlite3-multiple-ciphers': '*' } }));
  step(`为 Electron ${electronVersion} 编译 better-sqlite3-multiple-ciphers（仅首次）`, 'npx', ['electron-rebuild', '--version', electronVersion, '--module-dir', nativeDir, '--only', 'better-sqlite3-multiple-ciphers', '--force']);
}

const r = spawnSync(electronBin, ['.'], { stdio: 'inherit', env: { ...process.env, ARBITRATION_DESK_SQLITE_BINDING: binding } });
process.exit(r.status ?? 0);
