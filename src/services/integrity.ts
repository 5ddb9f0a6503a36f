import type { IntegrityCheckResult } from '../api';
import { shanghaiDate } from '../domain/dates';
import { fullIntegrityCheck, fullIntegrityCheckInWorker } from '../db/integrity';
import type { Db } from '../db/open';
import { upsertSetting } from '../db/queries/settings';
import { SYSTEM_USER } from './context';

export { fullIntegrityCheck };
import { readSettings } from './settings';

/** The background check waits this long after start, so that it does not compete with the first screens. */
export const INTEGRITY_CHECK_DELAY_MS = 5 * 60_000;

/** What the settings page says about a check's findings (SQLite's own lines stay in the CLI output, in English). */
export function integrityMessage(findings: string[]): string {
  if (findings.length === 1 && findings[0] === 'ok') return '数据库文件完整性检查通过';
  return `数据库文件完整性检查未通过（发现 ${findings.length} 处问题）。请勿继续录入，先用 desk backup 另存一份，再用最近一次通过检查的备份恢复（desk restore），并联系技术支持。`;
}

function toResult(findings: string[], now: Date, ms: number): IntegrityCheckResult {
  const ok = findings.length === 1 && findings[0] === 'ok';
  return { date: shanghaiDate(now), at: now.toISOString(), ok, problems: ok ? 0 : findings.length, message: integrityMessage(findings), ms: Math.round(ms) };
}

function store(db: Db, result: IntegrityCheckResult): void {
  upsertSetting(db, { key: 'lastIntegrityCheck', value: JSON.stringify(result), updated_at: new Date().toISOString(), updated_by: SYSTEM_USER.id });
}

/** Runs the full check now (this thread: the CLI) and records its result and date in the settings; SQLite's findings returned for the CLI. */
export function recordIntegrityCheck(db: Db, now = new Date()): { result: IntegrityCheckResult; findings: string[] } {
  const t0 = performance.now();
  const findings = fullIntegrityCheck(db);
  const result = toResult(findings, now, performance.now() - t0);
  store(db, result);
  return { result, findings };
}

/**
 * The background full check (issue 13, scale4): at most once a Beijing-time day, keyed by the date like the daily
 * backup, in a worker thread with its own read-only connection; the app calls it a while after start and then hourly.
 * A failure to run is logged, never thrown.
 */
export async function runDailyIntegrityCheck(db: Db, now = new Date()): Promise<IntegrityCheckResult | null> {
  if (readSettings(db).lastIntegrityCheck?.date === shanghaiDate(now) || running.has(db)) return null;
  running.add(db);
  try {
    const t0 = performance.now();
    const findings = await fullIntegrityCheckInWorker(db);
    if (!db.open) return null;
    const r = toResult(findings, now, performance.now() - t0);
    store(db, r);
    if (!r.ok) console.error(`[integrity] full integrity check failed: ${r.problems} problem(s)`);
    return r;
  } catch (e) {
    console.error(`[integrity] full integrity check could not run: ${e instanceof Error ? e.message : 'unknown error'}`);
    return null;
  } finally {
    running.delete(db);
  }
}

/** A check still running (the hourly timer must not start a second one). */
const running = new WeakSet<Db>();
