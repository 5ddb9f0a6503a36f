import path from 'node:path';
import type { CaseDetail } from '../../src/api';
import { addDays, shanghaiDate } from '../../src/domain';
import { SYSTEM_USER, type ServiceContext, dispatch } from '../../src/services';
import { IDS, sampleDraft } from '../helpers/fixtures';
import { SHOTS, expect, test } from './app-fixture';
import { login, pick } from './ui-helpers';

/** Issue 12 item 2 in the browser: a clerk clicks 显示完整 on a party's ID number and sees it; the administrator sees the entry. */
function ok<T>(r: ReturnType<typeof dispatch>): T {
  if (!r.ok) throw new Error(r.error.message);
  return r.value as T;
}

test('显示完整: the clerk gives a reason and sees the full ID number; the read log shows who, whose and which field, filtered by user', async ({ page, desk }) => {
  for (const [u, r] of [['admin', 'admin'], ['clerk1', 'clerk'], ['clerk2', 'clerk']] as const) desk.addUser(u, r);
  const system: ServiceContext = { db: desk.db, session: { user: SYSTEM_USER, system: true }, now: () => new Date() };
  const today = shanghaiDate(new Date());
  const d = ok<CaseDetail>(dispatch(system, 'cases.saveDraft', sampleDraft({ receivedDate: addDays(today, -2) })));
  const c = ok<CaseDetail>(dispatch(system, 'cases.accept', { id: d.id, acceptanceDate: addDays(today, -1) }));

  await page.goto(desk.url);
  await login(page, 'clerk1');
  await page.goto(`${desk.url.split('?')[0]}#/cases/${c.id}`);
  await expect(page.getByText('110105********002X')).toBeVisible();
  await expect(page.getByText(IDS.zhangSan)).toHaveCount(0);
  await page.getByTestId('reveal-idNumber').first().click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('显示张三的完整身份证件号码');
  await dialog.getByRole('button', { name: '显示' }).click();
  await expect(dialog).toContainText('请填写查阅理由');
  await dialog.getByText('核对当事人身份').click();
  await dialog.getByRole('button', { name: '显示' }).click();
  await expect(page.getByTestId('revealed-idNumber')).toHaveText(IDS.zhangSan);
  await page.screenshot({ path: path.join(SHOTS, 'issue12-reveal.png'), fullPage: true });
  await page.getByRole('button', { name: '退出' }).click();

  await login(page, 'admin');
  await page.getByRole('menuitem', { name: '个人信息保护' }).click();
  const table = page.getByTestId('readlog-table');
  await expect(table).toContainText('clerk1显示名（书记员）');
  await expect(table).toContainText('张三');
  await expect(table).toContainText(c.caseNumber!);
  await expect(table).toContainText('身份证件号码');
  await expect(table).toContainText('核对当事人身份');
  await expect(table).not.toContainText(IDS.zhangSan);
  await page.screenshot({ path: path.join(SHOTS, 'issue12-read-log.png'), fullPage: true });
  await pick(page, page.getByLabel('查阅人'), 'clerk2显示名（书记员）');
  await expect(table).not.toContainText('clerk1显示名');
  await expect(table).toContainText('暂无数据');
});
