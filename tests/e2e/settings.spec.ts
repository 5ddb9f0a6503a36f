import path from 'node:path';
import { readSettings } from '../../src/services/settings';
import { SHOTS, expect, test } from './app-fixture';
import { login } from './ui-helpers';

test('an administrator enters the commission\'s address, telephone and contact person for the notices, and they are saved', async ({ page, desk }) => {
  desk.addUser('admin', 'admin');
  await page.goto(desk.url);
  await login(page, 'admin');
  await page.getByRole('menuitem', { name: '设置与办案场所' }).click();
  await page.getByLabel('本委地址（印在各类通知书上）').fill('成都市温江区柳城街道德通桥路363号');
  await page.getByLabel('联系电话').fill('028-82712345');
  await page.getByLabel('联系人').fill('王主任');
  await page.getByRole('button', { name: '保存设置' }).click();
  await expect(page.getByText('设置已保存')).toBeVisible();
  expect(readSettings(desk.db)).toMatchObject({ commissionAddress: '成都市温江区柳城街道德通桥路363号', commissionPhone: '028-82712345', commissionContact: '王主任' });
  await page.reload();
  await page.getByRole('menuitem', { name: '设置与办案场所' }).click();
  await expect(page.getByLabel('联系电话')).toHaveValue('028-82712345');
  await page.screenshot({ path: path.join(SHOTS, 'settings-contact.png'), fullPage: true });
});
