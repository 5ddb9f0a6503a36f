import type { Db } from '../db/open';
import { type ServiceContext, SYSTEM_USER } from './context';
import { DAILY_REVIEW, dailyGradeReview } from './supervision';
import { writeTx } from './tx';

/**
 * The daily grade review on first use (issue 16), date-keyed like the daily backup (src/services/backups.ts): called
 * when the app starts and every hour while it runs; the first call on a Beijing date reviews every employer in one write
 * transaction with its audit entry (actor: the system), later calls that day find the date recorded and do nothing.
 * A failure is logged without personal data and never thrown (the desk keeps working; the next call tries again).
 */
export function runDailyGradeReview(db: Db, now: () => Date = () => new Date()): { day: string; reviewed: number } | null {
  const ctx: ServiceContext = { db, session: { user: SYSTEM_USER, system: true }, now, op: DAILY_REVIEW };
  try {
    return writeTx(ctx, () => dailyGradeReview(ctx), { op: DAILY_REVIEW });
  } catch (e) {
    console.error(`[grades] daily review failed: ${e instanceof Error ? e.message : 'unknown error'}`);
    return null;
  }
}
