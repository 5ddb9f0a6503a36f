import path from 'node:path';
import type { CaseDetail, DeadlineResult } from '../../src/api';
import { addDays, shanghaiDate } from '../../src/domain';
import { SYSTEM_USER, dispatch } from '../../src/services';
import { sampleDraft } from '../helpers/fixtures';
import { SHOTS, expect, test } from './app-fixture';
import { login, settle, typeDate } from './ui-helpers';

test('a clerk sees the award deadline with its reasons, suspends the case for 20 days, and the page says the deadline moved by 20 days', async ({ page, desk }) => {
  desk.addUser('admin', 'admin');
  desk.addUser('clerk1', 'clerk');
  const today = shanghaiDate(new Date());
  const system = { db: desk.db, session: { user: SYSTEM_USER, system: true }, now: () => new Date() };
  const received = addDays(today, -41);
  const accepted = addDays(today, -40);
  const d = dispatch(system, 'cases.saveDraft', sampleDraft({ receivedDate: received }));
  if (!d.ok) throw new Error(d.error.message);
  const acc = dispatch(system, 'cases.accept', { id: (d.value as CaseDetail).id, acceptanceDate: accepted });
  if (!acc.ok) throw new Error(acc.error.message);
  const caseNumber = (acc.value as CaseDetail).caseNumber!;
  const expected = (suspended: string[] = []) => (dispatch(system, 'deadlines.compute', { rule: 'award', from: accepted, suspended }) as { value: DeadlineResult }).value.dueDate;

  await page.goto(desk.url);
  await login(page, 'clerk1');
  await page.getByRole('menuitem', { name: '案件列表' }).click();
  await page.getByTestId('case-table').getByText(caseNumber).click();
  const award = page.getByTestId('deadline-award');
  await expect(award.getByTestId('due-date')).toHaveText(expected());
  await expect(award).toContainText('《劳动争议调解仲裁法》第四十三条');
  await award.getByTestId('due-date').hover();
  await expect(page.getByText('为什么是这一天')).toBeVisible();
  await expect(page.locator('.ant-popover')).toContainText(`起算日 ${accepted} 不计入`);

  const start = addDays(today, -30);
  const resume = addDays(today, -10);
  await page.getByRole('button', { name: '中止审理' }).click();
  const dialog = page.getByRole('dialog');
  await typeDate(dialog.getByLabel('中止日期'), start);
  await dialog.getByLabel('中止原因').fill('等待工伤认定结论');
  await settle(page);
  await dialog.getByRole('button', { name: '确定' }).click();
  await expect(award).toContainText('中止中');

  await page.getByRole('button', { name: '恢复审理' }).click();
  await typeDate(page.getByRole('dialog').getByLabel('恢复审理日期'), resume);
  await settle(page);
  await page.getByRole('dialog').getByRole('button', { name: '确定' }).click();
  const moved = expected([`${start}..${addDays(resume, -1)}`]);
  await expect(award.getByTestId('due-date')).toHaveText(moved);
  await expect(page.getByTestId('clock-note').first()).toHaveText(`因案件中止共 20 日（中止期间不计入审理期限，《办案规则》第四十六条），审理期限届满日由 ${expected()} 顺延至 ${moved}。`);
  await expect(page.getByTestId('clock-history')).toContainText('20 日不计入');
  await expect(page.getByTestId('timeline')).toContainText('恢复审理');
  await page.screenshot({ path: path.join(SHOTS, 'case-deadlines.png'), fullPage: true });
});
