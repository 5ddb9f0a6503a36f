import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './app-fixture';
import { D, earlyMorning, run, shot, userId } from './daily-helpers';
import { login, settle } from './ui-helpers';

test.beforeEach(async ({ page }) => { await earlyMorning(page); });

/** Verification notes belong in docs/, never on a screen a clerk or an administrator reads. */
async function noDeveloperText(page: Page) {
  const text = await page.locator('body').innerText();
  for (const dev of ['V2', '待核实', '未经核实', '尚未核实', 'README', '1970-01-01', '发布前请']) expect(text, `“${dev}” on screen`).not.toContain(dev);
}

test('the holiday calendar: the shipped years say so, an example file is refused in the preview, an official one is shown before it replaces anything', async ({ page, desk }, info) => {
  desk.addUser('admin', 'admin');
  await page.goto(desk.url);
  await login(page, 'admin');
  await page.getByRole('menuitem', { name: '设置与办案场所' }).click();
  const cal = page.getByTestId('calendar-settings');
  await expect(cal).toContainText('国务院办公厅关于2026年部分节假日安排的通知');
  await expect(cal.locator('tbody tr').first()).toContainText('随系统预置');
  await cal.getByText('文件格式说明').click();
  await expect(page.getByTestId('calendar-format')).toContainText('调休上班的周末日期');
  await noDeveloperText(page);
  await shot(page, info, 'settings-calendar');

  await cal.getByLabel('导入放假安排文件').setInputFiles(path.resolve('resources/data/examples/calendar-year.example.json'));
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByTestId('calendar-preview-problems')).toContainText('这是示例文件');
  await expect(dialog.getByRole('button', { name: '确认导入' })).toBeDisabled();
  await settle(page);
  await shot(page, info, 'calendar-example-refused');
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(cal.locator('tbody').first()).not.toContainText('2027');

  await cal.getByLabel('导入放假安排文件').setInputFiles(path.resolve('tests/fixtures/calendar-2027.json'));
  const preview = page.getByRole('dialog').getByTestId('calendar-preview');
  await expect(preview).toContainText('1月1日（周五） 至 1月3日（周日）');
  await expect(preview).toContainText('10月1日（周五） 至 10月7日（周四）');
  await expect(preview).toContainText('调休上班：10月9日（周六）');
  // Nothing replaced yet.
  await expect(cal.locator('tbody').first()).not.toContainText('2027');
  await settle(page);
  await shot(page, info, 'calendar-preview');
  await page.getByRole('dialog').getByRole('button', { name: '确认导入' }).click();
  await expect(cal).toContainText('国务院办公厅关于2027年部分节假日安排的通知（测试数据）');
});

test('a provisional provincial rule reads "数据来源：…，以正式文件为准" at the legal-aid desk, with no verification notes on screen', async ({ page, desk }, info) => {
  desk.addUser('admin', 'admin');
  desk.addUser('window1', 'window');
  desk.addUser('lawyer1', 'lawyer');
  run(desk.db, 'duty.set', { date: D, lawyerId: userId(desk.db, 'lawyer1'), staffId: userId(desk.db, 'window1'), lawFirm: '四川蓉城律师事务所' });
  const c = run<{ id: string }>(desk.db, 'consultations.create', {
    window: 'migrant', channel: 'walk_in', personName: '王小明', employerName: '成都信达电子有限公司', disputeType: 'wages',
    groupFlags: ['migrant_worker'], collective: false, workerCount: 1, claims: [], summary: '被拖欠工资', outcome: 'pending',
  });
  await page.goto(desk.url);
  await login(page, 'window1');
  await expect(page.getByTestId('queue')).toContainText('王小明');
  await noDeveloperText(page);
  await page.getByTestId('queue').getByText('王小明').click();
  await expect(page.getByTestId('consultation')).toBeVisible();
  await noDeveloperText(page);
  await page.getByRole('button', { name: '申请法律援助' }).click();
  const advice = page.getByRole('dialog').getByTestId('eligibility-advice');
  await expect(advice).toContainText('数据来源：《四川省法律援助条例》');
  await expect(advice).toContainText('以正式文件为准');
  await noDeveloperText(page);
  await settle(page);
  await shot(page, info, 'aid-eligibility-source');
  expect(c.id).toBeTruthy();
});
