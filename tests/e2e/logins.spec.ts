import path from 'node:path';
import { SHOTS, expect, test } from './app-fixture';
import { login, settle } from './ui-helpers';

/** Issue 12 item 3 in the real renderer: lockout message, forced password change after a reset, idle lock keeping form work. */

test('five wrong passwords lock the account with the time to wait; the right one is refused meanwhile', async ({ page, desk }) => {
  desk.addUser('admin', 'admin');
  desk.addUser('clerk1', 'clerk');
  await page.goto(desk.url);
  for (let i = 0; i < 5; i++) {
    await login(page, 'clerk1', `wrong-password-${i}`);
    await expect(page.getByText('用户名或密码错误')).toBeVisible();
  }
  await login(page, 'clerk1', 'password-1');
  await expect(page.getByText('登录失败次数过多，请在 15 分钟后再试。')).toBeVisible();
  await page.screenshot({ path: path.join(SHOTS, 'login-lockout.png') });
});

test('the administrator resets a password; the user must set a new one before working', async ({ page, desk }) => {
  desk.addUser('admin', 'admin');
  desk.addUser('clerk1', 'clerk');
  await page.goto(desk.url);
  await login(page, 'admin', 'password-1');
  await page.getByRole('button', { name: '重置 clerk1 的密码' }).click();
  await settle(page);
  await page.getByLabel('临时密码（至少8位）').fill('temporary-9');
  await page.getByRole('button', { name: '重置', exact: true }).click();
  await expect(page.getByText('待本人修改')).toBeVisible();
  await page.getByRole('button', { name: '退出' }).click();

  await login(page, 'clerk1', 'temporary-9');
  await expect(page.getByText('系统管理员已重置您的密码')).toBeVisible();
  await page.screenshot({ path: path.join(SHOTS, 'login-forced-change.png') });
  await page.getByLabel('当前密码').fill('temporary-9');
  await page.getByLabel('新密码（至少8位）').fill('my-own-pass-1');
  await page.getByLabel('再次输入新密码').fill('my-own-pass-1');
  await page.getByRole('button', { name: '设置新密码并继续' }).click();
  await expect(page.getByTestId('current-user')).toHaveText('clerk1显示名（书记员）');
});

test('idle lock: the window locks after the set period, the password unlocks it, and the form being filled is kept', async ({ page, desk }) => {
  desk.addUser('admin', 'admin');
  desk.addUser('clerk1', 'clerk');
  await page.clock.install();
  await page.goto(desk.url);
  await login(page, 'clerk1', 'password-1');
  await page.getByRole('menuitem', { name: '新建仲裁申请' }).click();
  const reason = page.getByLabel('备注');
  await reason.fill('2026年3月起未支付工资，经多次催要未果。');

  await page.clock.fastForward('16:00');
  const lock = page.getByRole('dialog', { name: '工作台已锁定' });
  await expect(lock).toBeVisible();
  await settle(page);
  await page.screenshot({ path: path.join(SHOTS, 'idle-lock.png') });
  await lock.getByLabel('密码').fill('wrong-password');
  await lock.getByRole('button', { name: '解锁' }).click();
  await expect(lock.getByText('密码不正确')).toBeVisible();
  await lock.getByLabel('密码').fill('password-1');
  await lock.getByRole('button', { name: '解锁' }).click();
  await expect(lock).toBeHidden();
  await expect(reason).toHaveValue('2026年3月起未支付工资，经多次催要未果。');
});
