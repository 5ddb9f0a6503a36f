import path from 'node:path';
import { shanghaiDate } from '../../src/domain';
import { SHOTS, expect, test } from './app-fixture';
import { login, pick } from './ui-helpers';

/**
 * Need-to-know from the forms (issue 12 item 2): a clerk links an agent to lawyer X's account in the case form; X then
 * finds and opens the accepted case, and another lawyer does not see it.
 */
test('a clerk links an agent to a lawyer account in the case form; that lawyer sees and opens the case, another lawyer does not', async ({ page, desk }) => {
  desk.addUser('admin', 'admin');
  desk.addUser('clerk1', 'clerk');
  desk.addUser('lawyer1', 'lawyer');
  desk.addUser('lawyer2', 'lawyer');
  desk.addUser('window1', 'window');
  await page.goto(desk.url);
  await login(page, 'clerk1');
  await page.getByRole('menuitem', { name: '新建仲裁申请' }).click();
  await expect(page.getByRole('heading', { name: '新建仲裁申请' })).toBeVisible();

  const a0 = page.getByTestId('applicants-0');
  await a0.getByLabel('姓名', { exact: true }).fill('陈六');
  await a0.getByLabel('证件号码', { exact: true }).fill('11010519491231002X');
  await a0.getByRole('button', { name: '添加委托代理人' }).click();
  const agent = page.getByTestId('applicants-0-agent-0');
  // Only active lawyer accounts are offered (not the window staff or the clerk); picking one fills the agent's name.
  const account = agent.getByLabel('关联律师账号');
  await account.click();
  const dropdown = page.locator('.ant-select-dropdown:visible');
  await expect(dropdown).toContainText('lawyer1显示名');
  await expect(dropdown).toContainText('lawyer2显示名');
  await expect(dropdown).not.toContainText('window1显示名');
  await expect(dropdown).not.toContainText('clerk1显示名');
  await page.keyboard.press('Escape');
  await pick(page, account, 'lawyer1显示名');
  await expect(agent.getByLabel('委托代理人')).toHaveValue('lawyer1显示名');
  await agent.getByLabel('所在单位').fill('四川蓉城律师事务所');

  const r0 = page.getByTestId('respondents-0');
  await r0.getByLabel('单位名称').fill('成都信达电子有限公司');
  await r0.getByLabel('统一社会信用代码').fill('91350100M000100Y43');
  const claim = page.getByTestId('claims-0');
  await pick(page, claim.getByLabel('请求类型', { exact: true }), '劳动报酬');
  await claim.getByLabel('金额（元）').fill('8000');
  await claim.getByLabel('请求内容').fill('支付拖欠工资8000元');
  await page.screenshot({ path: path.join(SHOTS, 'lawyer-link-form.png'), fullPage: true });
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('case-title')).toContainText('仲裁申请（未受理）');
  // Editing the draft shows the linked account again and keeps it when saved.
  await page.getByRole('button', { name: '修改草稿' }).click();
  await expect(page.getByTestId('applicants-0-agent-0')).toContainText('lawyer1显示名');
  await page.getByTestId('applicants-0').getByLabel('联系电话').first().fill('13900000001');
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('case-title')).toContainText('仲裁申请（未受理）');
  await page.getByRole('button', { name: '受理并编号' }).click();
  const caseNumber = `温劳人仲案字〔${shanghaiDate(new Date()).slice(0, 4)}〕第1号`;
  await expect(page.getByTestId('case-title')).toContainText(caseNumber);
  // The link is stored: the agent row carries lawyer1's account.
  const linked = desk.db.prepare("SELECT u.username FROM agents a JOIN users u ON u.id = a.user_id").all() as { username: string }[];
  expect(linked).toEqual([{ username: 'lawyer1' }]);

  await page.getByRole('button', { name: '退出' }).click();

  // lawyer1 sees the case in the case list and opens it.
  await login(page, 'lawyer1');
  await page.getByRole('menuitem', { name: '案件列表' }).click();
  await expect(page.getByTestId('case-count')).toHaveText('共 1 件');
  const table = page.getByTestId('case-table');
  await expect(table).toContainText(caseNumber);
  await page.screenshot({ path: path.join(SHOTS, 'lawyer-link-list.png'), fullPage: true });
  await table.getByText(caseNumber).click();
  await expect(page.getByTestId('case-title')).toContainText(caseNumber);
  await expect(page.getByText('陈六').first()).toBeVisible();
  await page.getByRole('button', { name: '退出' }).click();

  // lawyer2 does not.
  await login(page, 'lawyer2');
  await page.getByRole('menuitem', { name: '案件列表' }).click();
  await expect(page.getByTestId('case-count')).toHaveText('共 0 件');
  await expect(page.getByTestId('case-table')).not.toContainText(caseNumber);
});
