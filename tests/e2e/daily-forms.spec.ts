import { expect, test } from './app-fixture';
import { earlyMorning, shot } from './daily-helpers';
import { login, pick, settle } from './ui-helpers';

test.beforeEach(async ({ page }) => { await earlyMorning(page); });

test('the application form keeps work: leaving asks first, Enter moves on, and every error shows at its field in one round', async ({ page, desk }, info) => {
  desk.addUser('admin', 'admin');
  desk.addUser('clerk1', 'clerk');
  await page.goto(desk.url);
  await login(page, 'clerk1');
  await page.getByRole('menuitem', { name: '新建仲裁申请' }).click();
  const a0 = page.getByTestId('applicants-0');
  const name = a0.getByLabel('姓名', { exact: true });
  await name.fill('张三');

  // Leaving through the menu asks; staying keeps what was typed.
  await page.getByRole('menuitem', { name: '案件列表' }).click();
  const confirm = page.getByRole('dialog').filter({ hasText: '离开本页？' });
  await expect(confirm).toContainText('尚未保存的内容');
  await settle(page);
  await shot(page, info, 'leave-guard');
  await confirm.getByRole('button', { name: '留在本页' }).click();
  await expect(page.getByRole('heading', { name: '新建仲裁申请' })).toBeVisible();
  await expect(name).toHaveValue('张三');

  // Enter moves to the next field and saves nothing.
  await name.focus();
  await name.press('Enter');
  await expect(name).not.toBeFocused();
  await expect(page.getByTestId('form-error')).toHaveCount(0);
  expect(desk.countCases()).toBe(0);

  // One save shows every problem at its field: the browser's and the schema's (formerly only on a second save).
  await name.fill('张'.repeat(51));
  await a0.getByLabel('联系电话').fill('abc');
  const claim = page.getByTestId('claims-0');
  await pick(page, claim.getByLabel('请求类型'), '劳动报酬');
  await claim.getByLabel('金额（元）').fill('99999999999999');
  await claim.getByLabel('期间起').fill('2026-09-30');
  await claim.getByLabel('期间起').press('Tab');
  await claim.getByLabel('期间止').fill('2026-06-01');
  await claim.getByLabel('期间止').press('Tab');
  await page.getByText('备注').click();
  await page.keyboard.press('Control+s');
  await expect(a0.getByText('姓名不能超过50个字')).toBeVisible();
  await expect(a0.getByText('电话只能包含数字和 + - ( )')).toBeVisible();
  await expect(claim.getByText('金额过大：不能超过1000亿元，请核对')).toBeVisible();
  await expect(claim.getByText('期间截止日不能早于起始日')).toBeVisible();
  await expect(claim.getByText('请填写请求内容')).toBeVisible();
  await expect(page.getByTestId('respondents-0').getByText('请填写单位名称')).toBeVisible();
  // Scrolled to the first problem, the applicant's name.
  await expect(name).toBeInViewport();
  await shot(page, info, 'all-errors-one-round');
  expect(desk.countCases()).toBe(0);

  // Corrected, Ctrl+Enter saves; the guard no longer asks.
  await name.fill('张三');
  await a0.getByLabel('联系电话').fill('13800000000');
  await claim.getByLabel('金额（元）').fill('12500');
  await claim.getByLabel('期间止').fill('2026-09-30');
  await claim.getByLabel('期间止').press('Tab');
  await claim.getByLabel('请求内容').fill('支付拖欠工资12500元');
  await page.getByTestId('respondents-0').getByLabel('单位名称').fill('成都信达电子有限公司');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('button', { name: '删除草稿' })).toBeVisible();
  expect(desk.countCases()).toBe(1);
  await page.getByRole('menuitem', { name: '案件列表' }).click();
  await expect(page.getByRole('heading', { name: '案件列表' })).toBeVisible();
});

test('the consultation form: Enter does not submit, a negative amount and a bad phone are marked at their fields in the first round', async ({ page, desk }, info) => {
  desk.addUser('admin', 'admin');
  desk.addUser('window1', 'window');
  await page.goto(desk.url);
  await login(page, 'window1');
  await page.getByRole('button', { name: '登记咨询' }).click();
  await expect(page.getByRole('heading', { name: '咨询登记' })).toBeVisible();
  const name = page.getByLabel('姓名');
  await name.fill('王小明');
  await name.press('Enter');
  await expect(page.getByRole('heading', { name: '咨询登记' })).toBeVisible();
  await expect(page.getByTestId('consultation-error')).toHaveCount(0);
  await expect(name).not.toBeFocused();

  await page.getByLabel('电话').fill('abc');
  const claim = page.getByTestId('consult-claim-1');
  await claim.getByLabel('金额（元）').fill('-500');
  await claim.getByLabel('请求内容').fill('支付拖欠工资');
  await page.getByRole('button', { name: /保存咨询登记/ }).click();
  await expect(claim.getByText('金额不能为负数')).toBeVisible();
  await expect(page.getByText('电话只能包含数字和 + - ( )')).toBeVisible();
  // Scrolled to the first problem on the page, the phone.
  await expect(page.getByLabel('电话')).toBeInViewport();
  await expect(page.getByText('请填写咨询内容')).toBeVisible();
  await shot(page, info, 'consultation-errors');

  // Leaving with the typed work asks first.
  await page.getByRole('menuitem', { name: '工作台' }).click();
  await expect(page.getByRole('dialog').filter({ hasText: '离开本页？' })).toBeVisible();
  await settle(page);
  await page.getByRole('button', { name: '离开，不保存' }).click();
  await expect(page.getByRole('heading', { name: /工作台/ })).toBeVisible();
});
