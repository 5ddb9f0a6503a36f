import { expect, test } from './app-fixture';
import { D, earlyMorning, run, shot, userId } from './daily-helpers';
import { login } from './ui-helpers';

test.beforeEach(async ({ page }) => { await earlyMorning(page); });

test('a consultation converted to an application shows its link, offers no second conversion, and its conflict check ignores its own case', async ({ page, desk }, info) => {
  desk.addUser('admin', 'admin');
  desk.addUser('window1', 'window');
  desk.addUser('lawyer1', 'lawyer');
  run(desk.db, 'duty.set', { date: D, lawyerId: userId(desk.db, 'lawyer1'), staffId: userId(desk.db, 'window1'), lawFirm: '四川蓉城律师事务所' });
  const c = run<{ id: string }>(desk.db, 'consultations.create', {
    window: 'migrant', channel: 'walk_in', personName: '王小明', personIdNumber: '510124198805052215', employerName: '成都信达电子有限公司', disputeType: 'wages',
    groupFlags: ['migrant_worker'], collective: false, workerCount: 1, claims: [{ type: 'wages', amountFen: 1_250_000, text: '支付拖欠工资12500元' }], summary: '被拖欠四个月工资', outcome: 'pending',
  });
  await page.goto(desk.url);
  await login(page, 'window1');
  await page.getByTestId('queue').getByText('王小明').click();
  await page.getByRole('button', { name: '申请仲裁' }).click();
  await expect(page.getByTestId('from-consultation')).toBeVisible();
  await page.getByRole('button', { name: /保存草稿/ }).click();
  await expect(page.getByRole('button', { name: '删除草稿' })).toBeVisible();
  expect(desk.countCases()).toBe(1);

  await page.getByRole('menuitem', { name: '法律援助工作站' }).click();
  await page.getByTestId('queue').getByText('王小明').click();
  await expect(page.getByTestId('converted')).toContainText('已转为仲裁申请');
  await expect(page.getByRole('button', { name: '申请仲裁' })).toHaveCount(0);
  await expect(page.getByTestId('conflicts')).toContainText('未发现');
  await shot(page, info, 'consultation-converted');

  // Coming back to the conversion page (an old link, the back button) does not start a second application.
  await page.evaluate((id) => { window.location.hash = `#/cases/new/from/${id}`; }, c.id);
  await expect(page.getByTestId('already-converted')).toContainText('该咨询登记已转为仲裁申请');
  await page.getByTestId('already-converted').getByText(/打开/).click();
  await expect(page.getByRole('button', { name: '删除草稿' })).toBeVisible();
  expect(desk.countCases()).toBe(1);
});
