import fs from 'node:fs';
import path from 'node:path';
import type { Page, TestInfo } from '@playwright/test';
import type { UserView } from '../../src/api';
import type { Db } from '../../src/db/open';
import { addDays, shanghaiDate } from '../../src/domain';
import { SYSTEM_USER, dispatch } from '../../src/services';
import { SHOTS } from './app-fixture';

/** Today in Beijing, and an instant on that day at 07:30 Beijing time, which is still the day before on a UTC clock. */
export const D = shanghaiDate(new Date());
export const EARLY_MORNING = new Date(`${addDays(D, -1)}T23:30:00Z`);

export const sys = (db: Db) => ({ db, session: { user: SYSTEM_USER, system: true }, now: () => new Date() });

export function run<T>(db: Db, op: string, input: unknown): T {
  const r = dispatch(sys(db), op as never, input as never);
  if (!r.ok) throw new Error(`${op}: ${r.error.message} ${JSON.stringify(r.error.issues ?? [])}`);
  return r.value as T;
}

export function userId(db: Db, username: string): string {
  return run<UserView[]>(db, 'users.list', {}).find((u) => u.username === username)!.id;
}

/** Puts the page's clock at 07:30 Beijing time today (the previous day in UTC), the hour the issue was found at. */
export async function earlyMorning(page: Page) {
  await page.clock.install({ time: EARLY_MORNING });
}

/** Saves a full-page screenshot named after the test's time-zone project, for review. */
export async function shot(page: Page, info: TestInfo, name: string) {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `daily-${info.project.name}-${name}.png`), fullPage: true });
}
