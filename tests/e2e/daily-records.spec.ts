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

test('修改登记: window staff correct a consultation\'s particulars with a reason; the page shows the change and the record before', async ({ page, desk }, info) => {
  desk.addUser('admin', 'admin');
  desk.addUser('window1', 'window');
  const c = run<{ id: string }>(desk.db, 'consultations.create', {
    window: 'migrant', channel: 'walk_in', personName: '王小明', personIdNumber: '510124198805052215', employerName: '成都信达电子有限公司', disputeType: 'wages',
    groupFlags: ['migrant_worker'], collective: false, workerCount: 1, claims: [{ type: 'wages', amountFen: 1_250_000, text: '支付拖欠工资12500元' }], summary: '被拖欠四个月工资', outcome: 'pending',
  });
  await page.goto(desk.url);
  await login(page, 'window1');
  await page.getByTestId('queue').getByText('王小明').click();
  await page.getByTestId('consultation-edit').click();
  await expect(page.getByRole('heading', { name: '修改咨询登记：王小明' })).toBeVisible();
  await expect(page.getByLabel('单位名称')).toHaveValue('成都信达电子有限公司');
  await page.getByLabel('电话').fill('13800138000');
  await page.getByLabel('金额（元）').fill('16000');
  // no reason: the field says so and nothing is saved
  await page.getByRole('button', { name: /保存修改/ }).click();
  await expect(page.getByText('请填写修改原因')).toBeVisible();
  await page.getByLabel(/修改原因/).fill('来访人补充电话，欠薪金额核对为16000元');
  await shot(page, info, 'consultation-edit-form');
  await page.getByRole('button', { name: /保存修改/ }).click();
  await expect(page.getByTestId('consultation-versions')).toBeVisible();
  await page.getByTestId('consultation-versions').locator('summary').click();
  const v = page.getByTestId('consultation-edit-version');
  await expect(v).toContainText('原因：来访人补充电话，欠薪金额核对为16000元');
  await expect(v).toContainText('电话：“（空）” 改为 “13800138000”');
  await expect(v).toContainText('¥16,000.00');
  await expect(page.getByText('¥16,000.00').first()).toBeVisible();
  await shot(page, info, 'consultation-edited');
  const row = desk.db.prepare('SELECT person_phone, claims FROM consultations WHERE id = ?').get(c.id) as { person_phone: string; claims: string };
  expect(row.person_phone).toBe('13800138000');
  expect(JSON.parse(row.claims)[0].amountFen).toBe(1_600_000);
});
