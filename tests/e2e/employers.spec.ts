import path from 'node:path';
import { shanghaiDate } from '../../src/domain';
import { CREDIT } from '../helpers/fixtures';
import { SHOTS, expect, test } from './app-fixture';
import { login, settle } from './ui-helpers';

/**
 * Issue 16 "How it is checked": three arrears consultations against one employer raise a warning; the bulletin is
 * issued and numbered; the employer's grade rises with its reason.
 */
test('three arrears consultations against one employer raise a warning, which goes into a numbered bulletin; the grade rises with its reason', async ({ page, desk }) => {
  test.setTimeout(90_000);
  desk.addUser('admin', 'admin');
  desk.addUser('window1', 'window');
  desk.addUser('arb1', 'arbitrator');
  const year = shanghaiDate(new Date()).slice(0, 4);

  await page.goto(desk.url);
  await login(page, 'window1');
  for (const [i, [name, amount]] of ([['王小明', '8000'], ['李大勇', '9500'], ['张秀英', '7200']] as const).entries()) {
    await page.getByRole('button', { name: '登记咨询' }).click();
    await page.getByLabel('姓名').fill(name);
    await page.getByLabel('单位名称').fill('成都信达电子有限公司');
    await page.getByLabel('统一社会信用代码').fill(CREDIT.xinda);
    // from the second visit on, the form shows the registered employer and its grade (after two arrears claims: 重点企业)
    if (i === 2) await expect(page.getByTestId('employer-hint')).toContainText('重点企业');
    await page.getByTestId('consult-claim-1').getByLabel('金额（元）').fill(amount);
    await page.getByTestId('consult-claim-1').getByLabel('请求内容').fill(`支付拖欠工资${amount}元`);
    await page.getByLabel('咨询内容（事实经过）').fill('公司两个月未发工资');
    await page.getByRole('button', { name: '保存咨询登记' }).click();
    await expect(page.getByTestId('consultation')).toContainText(name);
    await page.getByRole('menuitem', { name: '法律援助工作站' }).click();
  }
  await page.getByRole('button', { name: '退出' }).click();

  // the arbitrator sees the warning on the dashboard
  await login(page, 'arb1');
  await expect(page.getByTestId('dash-warnings')).toContainText('成都信达电子有限公司');
  await expect(page.getByTestId('dash-warnings')).toContainText('7日内3名劳动者反映欠薪');

  // issues the bulletin from it
  await page.getByRole('menuitem', { name: '用人单位' }).click();
  await page.getByRole('tab', { name: '欠薪预警' }).click();
  await page.getByRole('checkbox', { name: '选择 成都信达电子有限公司 多名劳动者短期内集中反映欠薪' }).check();
  await page.getByRole('button', { name: /发布欠薪预警信息/ }).click();
  const dialog = page.getByRole('dialog', { name: '发布欠薪预警信息' });
  await dialog.getByLabel('预警概述').fill('信达电子公司多名劳动者集中反映欠薪，现予预警。');
  await dialog.getByLabel(/处置措施/).fill('约谈法定代表人，督促十日内支付');
  await settle(page);
  await dialog.getByRole('button', { name: '发布' }).click();
  await expect(page.getByTestId('bulletin-list')).toContainText(`欠薪预警信息 ${year}年第1期`);
  await expect(page.getByTestId('warning-list')).toContainText(`欠薪预警信息 ${year}年第1期`);
  const download = page.waitForEvent('download');
  await page.getByTestId('bulletin-list').getByRole('button', { name: '下载 PDF' }).click();
  expect((await download).suggestedFilename()).toBe(`欠薪预警信息-${year}年第1期.pdf`);

  // the employer's page: grade 重点企业 with its reasons, the three consultations and the warning in time order
  await page.getByRole('tab', { name: '用人单位名册' }).click();
  await page.getByTestId('employer-list').getByText('成都信达电子有限公司').click();
  await expect(page.getByTestId('employer-title')).toContainText('重点企业');
  await expect(page.getByTestId('grade-reasons')).toContainText('365日内案件及咨询3件（达到3件）');
  await expect(page.getByTestId('grade-reasons')).toContainText('365日内欠薪诉求3件（达到2件）');
  await expect(page.getByTestId('grade-reasons')).toContainText('依据：本委劳动保障监察差别化监管工作制度');
  await expect(page.getByTestId('employer-timeline')).toContainText('王小明咨询劳动报酬');
  await expect(page.getByTestId('employer-warning')).toContainText(`欠薪预警信息 ${year}年第1期`);
  await page.screenshot({ path: path.join(SHOTS, 'employer-page.png'), fullPage: true });

  // the rules behind it, in words, with their basis
  await page.getByRole('menuitem', { name: '用人单位' }).click();
  await page.getByRole('tab', { name: '规则' }).click();
  await expect(page.getByTestId('supervision-rules')).toContainText('7日内3名以上劳动者反映同一单位欠薪');
  await expect(page.getByTestId('supervision-rules')).toContainText('依据：本委欠薪预警工作制度');
  await page.screenshot({ path: path.join(SHOTS, 'supervision-rules.png'), fullPage: true });
});
