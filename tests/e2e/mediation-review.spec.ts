import fs from 'node:fs';
import path from 'node:path';
import type { ConsultationView, MediationView } from '../../src/api';
import { shanghaiDate } from '../../src/domain';
import { SYSTEM_USER, dispatch } from '../../src/services';
import { flat, pdfText } from '../helpers/documents';
import { SHOTS, expect, test } from './app-fixture';
import { login, pick, settle } from './ui-helpers';

function ok<T>(r: { ok: true; value: unknown } | { ok: false; error: { message: string } }): T {
  if (!r.ok) throw new Error(r.error.message);
  return r.value as T;
}

async function logout(page: import('@playwright/test').Page) {
  await page.getByRole('button', { name: '退出' }).click();
  await expect(page.getByLabel('用户名')).toBeVisible();
}

/** Opens the review list from the case list, as a clerk or arbitrator would, and expands the agreement's row. */
async function openReviewRow(page: import('@playwright/test').Page, organisation: string, state: string) {
  await page.getByRole('menuitem', { name: '案件列表' }).click();
  await page.getByTestId('record-lists').click();
  await page.getByRole('tab', { name: '调解协议仲裁审查' }).click();
  const row = page.getByTestId('review-row').filter({ hasText: organisation });
  await expect(row).toContainText(state);
  await row.click();
  return page.getByTestId('review-table').getByTestId('mediation-review');
}

test('a pre-arbitration agreement with two terms is applied for by the clerk, accepted with an arbitrator, and that arbitrator issues the 调解书 (Rules Arts 74–78)', async ({ page, desk }) => {
  desk.addUser('admin', 'admin');
  desk.addUser('window1', 'window');
  desk.addUser('clerk1', 'clerk');
  desk.addUser('arb1', 'arbitrator');
  desk.addUser('arb2', 'arbitrator');
  const system = { db: desk.db, session: { user: SYSTEM_USER, system: true }, now: () => new Date() };
  const c = ok<ConsultationView>(dispatch(system, 'consultations.create', { window: 'migrant', personName: '王五', disputeType: 'wages', summary: '欠薪' }));
  const today = shanghaiDate(new Date());
  const org = '温江区劳动人事争议调解工作室';
  ok<MediationView>(dispatch(system, 'mediation.create', { consultationId: c.id, stage: 'pre_arbitration', organisation: org, applicantName: '王五', respondentName: '成都某餐饮管理有限公司', workerCount: 1, receivedDate: today }));

  // The desk records the agreement with two agreed terms.
  await page.goto(desk.url);
  await login(page, 'window1');
  await page.evaluate((id) => { window.location.hash = `aid/consultations/${id}`; }, c.id);
  const deskPanel = page.getByTestId('mediation-review');
  await deskPanel.getByRole('button', { name: '调解结果' }).click();
  const result = page.getByRole('dialog', { name: '调解结果（仲裁前调解）' });
  await settle(page);
  await result.getByLabel('第1项付款方').fill('成都某餐饮管理有限公司');
  await result.getByLabel('第1项收款方').fill('王五');
  await result.getByLabel('第1项款项').fill('2026年8月至9月工资');
  await result.getByLabel('第1项金额').fill('8000');
  await result.getByTestId('add-term').click();
  await expect(result.getByTestId('agreed-term')).toHaveCount(2);
  // a second term left half empty is refused beside its field, and nothing is saved
  await result.getByRole('button', { name: '确定' }).click();
  await expect(result.getByText('请填写付款方')).toBeVisible();
  await result.getByLabel('第2项付款方').fill('成都某餐饮管理有限公司');
  await result.getByLabel('第2项收款方').fill('王五');
  await result.getByLabel('第2项款项').fill('经济补偿');
  await result.getByLabel('第2项金额').fill('3500.5');
  await result.getByLabel('第2项支付方式').fill('银行转账');
  await page.screenshot({ path: path.join(SHOTS, 'mediation-review-terms.png') });
  await result.getByRole('button', { name: '确定' }).click();
  await expect(result).toBeHidden();
  await expect(deskPanel.getByRole('button', { name: '保存调解协议书 PDF' })).toBeVisible();
  // the desk does not handle the commission's steps
  await expect(deskPanel.getByRole('button', { name: '登记仲裁审查申请' })).toHaveCount(0);
  await logout(page);

  // The clerk finds the agreement in the review list, records the joint application and accepts it, designating arb1.
  await login(page, 'clerk1');
  let panel = await openReviewRow(page, org, '未申请审查');
  await panel.getByRole('button', { name: '登记仲裁审查申请' }).click();
  await settle(page);
  await page.getByRole('dialog', { name: /登记仲裁审查申请/ }).getByRole('button', { name: '确定' }).click();
  await expect(page.getByTestId('review-row').filter({ hasText: org })).toContainText('待受理');
  await panel.getByRole('button', { name: '受理并指定仲裁员' }).click();
  const accept = page.getByRole('dialog', { name: '受理并指定审查仲裁员' });
  await settle(page);
  await pick(page, accept.getByLabel('审查仲裁员'), 'arb1显示名');
  await accept.getByRole('button', { name: '确定' }).click();
  await expect(accept).toBeHidden();
  await expect(page.getByTestId('review-row').filter({ hasText: org })).toContainText('待审查结论');
  await expect(panel.getByTestId('review-record')).toContainText('审查仲裁员 arb1显示名');
  // only the designated arbitrator concludes
  await expect(panel.getByRole('button', { name: '作出审查结论' })).toHaveCount(0);
  await logout(page);

  await login(page, 'arb2');
  panel = await openReviewRow(page, org, '待审查结论');
  await expect(panel.getByTestId('review-record')).toBeVisible();
  await expect(panel.getByRole('button', { name: '作出审查结论' })).toHaveCount(0);
  await logout(page);

  // The designated arbitrator issues the 调解书 and saves it.
  await login(page, 'arb1');
  panel = await openReviewRow(page, org, '待审查结论');
  await panel.getByRole('button', { name: '作出审查结论' }).click();
  const decide = page.getByRole('dialog', { name: /审查结论/ });
  await settle(page);
  await decide.getByRole('button', { name: '确定' }).click();
  await expect(decide).toBeHidden();
  await expect(page.getByTestId('review-row').filter({ hasText: org })).toContainText('已出具调解书');
  await expect(panel.getByTestId('review-record')).toContainText('出具调解书');
  await page.screenshot({ path: path.join(SHOTS, 'mediation-review-list.png') });
  const [download] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: '保存调解书 PDF' }).click()]);
  await download.saveAs(path.join(SHOTS, 'mediation-review-statement.pdf'));
  const text = flat(pdfText(fs.readFileSync((await download.path())!)));
  expect(text).toContain('调解书');
  expect(text).toContain('2026年8月至9月工资人民币8,000.00元（大写：捌仟元整）');
  expect(text).toContain('经济补偿人民币3,500.50元');
  expect(text).toContain('银行转账');
  expect(text).toContain('arb1显示名');
});
