import path from 'node:path';
import type { CaseDetail } from '../../src/api';
import { addDays, shanghaiDate } from '../../src/domain';
import { SYSTEM_USER, type ServiceContext, dispatch } from '../../src/services';
import { sampleDraft } from '../helpers/fixtures';
import { SHOTS, expect, test } from './app-fixture';
import { login, pick, settle } from './ui-helpers';

/** Issue 10 in the browser: a correction with its trail, the paper-review decision, the flagged character, the chain head. */
function ok<T>(r: ReturnType<typeof dispatch>): T {
  if (!r.ok) throw new Error(r.error.message);
  return r.value as T;
}

test('a clerk corrects a party\'s name after acceptance and sees the trail; an unprintable character is flagged before acceptance; the administrator sees and verifies the audit chain', async ({ page, desk }) => {
  for (const [u, r] of [['admin', 'admin'], ['clerk1', 'clerk'], ['arb1', 'arbitrator']] as const) desk.addUser(u, r);
  const system: ServiceContext = { db: desk.db, session: { user: SYSTEM_USER, system: true }, now: () => new Date() };
  const today = shanghaiDate(new Date());
  const d = ok<CaseDetail>(dispatch(system, 'cases.saveDraft', sampleDraft({ receivedDate: addDays(today, -2) })));
  const c = ok<CaseDetail>(dispatch(system, 'cases.accept', { id: d.id, acceptanceDate: addDays(today, -1) }));
  const bad = sampleDraft({ receivedDate: addDays(today, -1) });
  bad.applicants[0] = { ...bad.applicants[0]!, name: '𠮷野' } as (typeof bad.applicants)[number];
  const draft = ok<CaseDetail>(dispatch(system, 'cases.saveDraft', bad));

  await page.goto(desk.url);
  await login(page, 'clerk1');
  await page.goto(`${desk.url.split('?')[0]}#/cases/${draft.id}`);
  await expect(page.getByTestId('print-problems')).toContainText('字符“𠮷”（U+20BB7）无法用文书字体打印');
  await page.getByRole('button', { name: '受理并编号' }).click();
  await expect(page.getByTestId('case-error')).toContainText('请先修改申请再受理');

  await page.goto(`${desk.url.split('?')[0]}#/cases/${c.id}`);
  const box = page.getByTestId('corrections');
  await box.getByRole('button', { name: '更正当事人信息' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await settle(page);
  await pick(page, dialog.getByLabel('当事人'), '申请人 张三');
  await pick(page, dialog.getByLabel('更正事项'), '姓名或名称');
  await dialog.getByLabel('更正后的内容').fill('张叁');
  await dialog.getByLabel('更正理由').fill('身份证载明姓名为“张叁”');
  await dialog.getByRole('button', { name: '确认更正' }).click();
  await expect(box.getByRole('table')).toContainText('张三');
  await expect(box.getByRole('table')).toContainText('张叁');
  await expect(page.getByTestId('timeline')).toContainText('更正当事人张三的姓名或名称');
  await page.screenshot({ path: path.join(SHOTS, 'issue10-correction.png'), fullPage: true });
  await page.getByRole('button', { name: '退出' }).click();

  // The administrator: the chain head on the settings page, and a verify that walks it.
  await login(page, 'admin');
  await page.getByRole('menuitem', { name: /设置/ }).click();
  const chain = page.getByTestId('audit-chain');
  await expect(chain.getByTestId('chain-short')).toHaveText(/^[0-9a-f]{4}( [0-9a-f]{4}){3}$/);
  await chain.getByRole('button', { name: '校验审计链' }).click();
  await expect(chain).toContainText('审计链完整');
  await page.screenshot({ path: path.join(SHOTS, 'issue10-audit-chain.png'), fullPage: true });
});
