#!/usr/bin/env node
// npm test: type check, build, Node tests (vitest), browser tests (Playwright in Debian Chromium), then one summary line.
// Type check and build count as one check each, so a broken build shows up as a failure in the count.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

const results = { passed: 0, failed: 0, skipped: 0 };
const run = (label, cmd, args) => {
  console.log(`\n=== ${label}: ${cmd} ${args.join(' ')}`);
  return spawnSync(cmd, args, { stdio: 'inherit', shell: false }).status === 0;
};
const check = (label, ok) => {
  results[ok ? 'passed' : 'failed']++;
  if (!ok) console.log(`*** ${label} failed`);
  return ok;
};
const readJson = (f) => { try { return JSON.parse(fs.readFileSync(f, 'utf8')); } catch { return null; } };

fs.rmSync('test-results', { recursive: true, force: true });
fs.mkdirSync('test-results', { recursive: true });
check('type check', run('type check', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']));
const built = check('build', run('build', 'npx', ['electron-vite', 'build']) && run('main bundle syntax', process.execPath, ['--check', 'out/main/index.js']));

run('Node tests', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile=test-results/vitest.json']);
const v = readJson('test-results/vitest.json');
if (v) {
  results.passed += v.numPassedTests;
  // A file that fails to load has no failed tests but an unsuccessful run: count it as one failure.
  results.failed += v.numFailedTests || (v.success ? 0 : 1);
  results.skipped += v.numPendingTests + (v.numTodoTests ?? 0);
} else check('Node tests (no report)', false);

if (built) {
  run('Browser tests', 'npx', ['playwright', 'test']);
  const p = readJson('test-results/playwright.json');
  if (p?.stats) {
    results.passed += p.stats.expected + p.stats.flaky;
    results.failed += p.stats.unexpected + (p.errors?.length ?? 0);
    results.skipped += p.stats.skipped;
  } else check('Browser tests (no report)', false);
} else {
  check('Browser tests (not run: build failed)', false);
}

console.log(`\n${results.passed} passed, ${results.failed} failed${results.skipped ? `, ${results.skipped} skipped` : ''}`);
process.exit(results.failed > 0 ? 1 : 0);
