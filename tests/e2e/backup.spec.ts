import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runDailyBackup } from '../../src/services/backups';
import { runDailyIntegrityCheck } from '../../src/services/integrity';
import { SHOTS, expect, test } from './app-fixture';
import { login } from './ui-helpers';

test('the administrator chooses the backup folder; the settings page shows the last backup and how to restore', async ({ page, desk }) => {
  desk.addUser('admin', 'admin');
  await page.goto(desk.url);
  await login(page, 'admin', 'password-1');
  await page.getByRole('menuitem', { name: '设置与办案场所' }).click();
  await expect(page.getByTestId('last-backup')).toHaveText('最近一次备份：尚无备份');
  await expect(page.getByTestId('last-integrity-check')).toContainText('最近一次完整性检查：尚未检查');
  const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'desk-usb-')), '工作台备份');
  await page.getByLabel(/自动备份文件夹/).fill(dir);
  await page.getByRole('button', { name: '保存设置' }).click();
  await expect(page.getByText('设置已保存')).toBeVisible();
  const r = await runDailyBackup(desk.db);
  expect(r).not.toBeNull();
  // the background full check (issue 13, scale4), as the app runs it a few minutes after start
  expect(await runDailyIntegrityCheck(desk.db)).toMatchObject({ ok: true });
  await page.reload();
  await page.getByRole('menuitem', { name: '设置与办案场所' }).click();
  await expect(page.getByTestId('last-backup')).toContainText(r!.file);
  await expect(page.getByTestId('last-integrity-check')).toContainText('数据库文件完整性检查通过');
  await expect(page.getByTestId('backup-card')).toContainText('desk restore 后接备份文件路径');
  await page.getByTestId('backup-card').screenshot({ path: path.join(SHOTS, 'settings-backup.png') });
});
