import { addDays } from '../../src/domain';
import { sampleDraft } from '../helpers/fixtures';
import { expect, test } from './app-fixture';
import { D, earlyMorning, run, shot, userId } from './daily-helpers';
import { login, settle } from './ui-helpers';

test.beforeEach(async ({ page }) => { await earlyMorning(page); });

test('a hearing two days away warns with LDMAL Art 35 and needs a stated reason; the room defaults to the case\'s circuit tribunal; Esc closes 改期', async ({ page, desk }, info) => {
  desk.addUser('admin', 'admin');
  desk.addUser('clerk1', 'clerk');
  desk.addUser('arb1', 'arbitrator');
  const venue = run<{ id: string }>(desk.db, 'venues.create', { name: '寿安镇巡回仲裁庭', kind: 'circuit', address: '温江区寿安镇' });
  run(desk.db, 'rooms.create', { venueId: venue.id, name: '巡回庭审室' });
  const d = run<{ id: string }>(desk.db, 'cases.saveDraft', sampleDraft({ receivedDate: addDays(D, -3), venueId: venue.id }));
  const c = run<{ id: string; caseNumber: string }>(desk.db, 'cases.accept', { id: d.id, acceptanceDate: addDays(D, -2) });
  run(desk.db, 'cases.compose', { id: c.id, mode: 'sole', presidingId: userId(desk.db, 'arb1'), memberIds: [], clerkId: userId(desk.db, 'clerk1'), composedDate: addDays(D, -2) });

  await page.goto(desk.url);
  await login(page, 'clerk1');
  await page.evaluate((id) => { window.location.hash = `#/cases/${id}`; }, c.id);
  await page.getByRole('button', { name: '安排开庭' }).click();
  const dialog = page.getByRole('dialog', { name: '安排开庭' });
  await expect(dialog.getByLabel('庭室').locator('xpath=ancestor::*[contains(@class, "ant-select")][1]')).toContainText('寿安镇巡回仲裁庭 巡回庭审室');
  const date = addDays(D, 2);
  await dialog.getByLabel('开庭日期').fill(date);
  await dialog.getByLabel('开庭日期').press('Tab');
  const warning = dialog.getByTestId('short-notice');
  await expect(warning).toContainText('已来不及');
  await expect(warning).toContainText('《劳动争议调解仲裁法》第三十五条');
  await settle(page);
  await dialog.getByRole('button', { name: '确定' }).click();
  await expect(dialog.getByText('请写明理由，如“双方当事人同意”')).toBeVisible();
  await shot(page, info, 'hearing-short-notice');
  await dialog.getByLabel('提前通知不足的理由').fill('双方当事人同意');
  await dialog.getByRole('button', { name: '确定' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('hearings')).toContainText('寿安镇巡回仲裁庭 巡回庭审室');
  await expect(page.getByTestId('timeline')).toContainText('理由：双方当事人同意');

  await page.getByRole('button', { name: '改期' }).click();
  await expect(page.getByRole('dialog', { name: /改期/ })).toBeVisible();
  await settle(page);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: /改期/ })).toBeHidden();
});
