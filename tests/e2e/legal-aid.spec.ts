import path from 'node:path';
import type { UserView } from '../../src/api';
import { shanghaiDate } from '../../src/domain';
import { SYSTEM_USER, dispatch } from '../../src/services';
import { CREDIT, IDS } from '../helpers/fixtures';
import { SHOTS, expect, test } from './app-fixture';
import { login, settle } from './ui-helpers';

const today = shanghaiDate(new Date());
const system = (db: import('../../src/db/open').Db) => ({ db, session: { user: SYSTEM_USER, system: true }, now: () => new Date() });

test('window staff, the legal-aid centre and the duty lawyer take a migrant worker from consultation to legal aid to a filed arbitration application, typing the person and employer once', async ({ page, desk }) => {
  test.setTimeout(150_000);
  desk.addUser('admin', 'admin');
  desk.addUser('window1', 'window');
  desk.addUser('lawyer1', 'lawyer');
  desk.addUser('centre1', 'aid_centre');
  const users = dispatch(system(desk.db), 'users.list', {});
  if (!users.ok) throw new Error(users.error.message);
  const id = (u: string) => (users.value as UserView[]).find((x) => x.username === u)!.id;
  const duty = dispatch(system(desk.db), 'duty.set', { date: today, lawyerId: id('lawyer1'), staffId: id('window1'), lawFirm: '四川蓉城律师事务所' });
  if (!duty.ok) throw new Error(duty.error.message);

  await page.goto(desk.url);
  await login(page, 'window1');
  await expect(page.getByTestId('duty')).toContainText('律师 lawyer1显示名（四川蓉城律师事务所），工作人员 window1显示名');
  await page.getByRole('button', { name: '登记咨询' }).click();
  // typed once: the worker, the ID number, the employer and the claim
  await page.getByLabel('姓名').fill('王小明');
  await page.getByLabel('身份证号码').fill(IDS.wangWu);
  await page.getByLabel('电话').fill('13912345678');
  await page.getByLabel('单位名称').fill('成都信达电子有限公司');
  await page.getByLabel('统一社会信用代码').fill(CREDIT.xinda);
  await page.getByTestId('consult-claim-1').getByLabel('金额（元）').fill('12500');
  await page.getByTestId('consult-claim-1').getByLabel('请求内容').fill('支付2026年6月至9月拖欠工资12500元');
  await page.getByLabel('咨询内容（事实经过）').fill('在工地从事装配工作，被拖欠四个月工资');
  await expect(page.getByTestId('guide-migrant')).toContainText('工资支付台账');
  await page.getByRole('button', { name: '保存咨询登记' }).click();
  await expect(page.getByTestId('consultation')).toContainText('lawyer1显示名 / window1显示名');
  await expect(page.getByTestId('conflicts')).toContainText('未发现');

  // legal aid: no means test for a migrant worker's wage claim, with the basis shown
  await page.getByRole('button', { name: '申请法律援助' }).click();
  const dialog = page.getByRole('dialog', { name: '申请法律援助' });
  await expect(dialog.getByTestId('eligibility-advice')).toContainText('无需经济困难审查');
  await expect(dialog.getByTestId('eligibility-advice')).toContainText('第四十二条第三项');
  await settle(page);
  await dialog.getByRole('button', { name: '确定' }).click();
  await expect(page.getByTestId('aid-status')).toContainText('待决定：应于');
  await expect(page.getByTestId('aid-eligibility')).toContainText('不受经济困难条件限制');
  await page.screenshot({ path: path.join(SHOTS, 'legal-aid-application.png'), fullPage: true });
  await page.getByRole('menuitem', { name: '工作台' }).click();
  await expect(page.getByTestId('dash-aid')).toContainText('王小明');
  await expect(page.getByTestId('dash-aid')).toContainText('第四十三条');
  await page.getByRole('button', { name: '退出' }).click();

  // the legal-aid centre decides and assigns the duty lawyer (Legal Aid Law Art 43; issue 12 item 1)
  await login(page, 'centre1');
  await expect(page.getByRole('heading', { name: '法律援助工作站' })).toBeVisible();
  await page.getByTestId('queue').getByText('王小明').click();
  await page.getByRole('button', { name: '作出决定' }).click();
  await settle(page);
  await page.getByRole('dialog').getByRole('button', { name: '确定' }).click();
  await page.getByRole('button', { name: '指派律师' }).click();
  await expect(page.getByRole('dialog').getByLabel('法律援助律师')).toHaveValue('lawyer1显示名');
  await settle(page);
  await page.getByRole('dialog').getByRole('button', { name: '确定' }).click();
  await expect(page.getByTestId('aid-status')).toContainText('已指派 lawyer1显示名（四川蓉城律师事务所');
  await page.getByRole('button', { name: '退出' }).click();

  // the assigned duty lawyer files the arbitration application
  await login(page, 'lawyer1');
  await page.getByTestId('queue').getByText('王小明').click();
  await expect(page.getByRole('button', { name: '作出决定' })).toHaveCount(0);

  // the arbitration application comes pre-filled from the consultation
  await page.getByRole('button', { name: '申请仲裁' }).click();
  await expect(page.getByTestId('from-consultation')).toContainText('农民工窗口 王小明');
  const applicant = page.getByTestId('applicants-0');
  await expect(applicant.getByLabel('姓名')).toHaveValue('王小明');
  await expect(applicant.getByLabel('证件号码')).toHaveValue(IDS.wangWu);
  const respondent = page.getByTestId('respondents-0');
  await expect(respondent.getByLabel('单位名称')).toHaveValue('成都信达电子有限公司');
  await expect(respondent.getByLabel('统一社会信用代码')).toHaveValue(CREDIT.xinda);
  await expect(page.getByTestId('claims-0').getByLabel('金额（元）')).toHaveValue('12500.00');
  await expect(applicant).toContainText('法律援助律师');
  await page.screenshot({ path: path.join(SHOTS, 'application-from-consultation.png'), fullPage: true });
  await page.getByRole('button', { name: '保存草稿（Ctrl+S）' }).click();
  await expect(page).toHaveURL(/#\/cases\/[0-9a-f]{32}$/);
  await expect(page.getByText('王小明').first()).toBeVisible();
  await page.getByTestId('consultation-link').click();
  await expect(page.getByTestId('linked')).toContainText('仲裁案件');
  const row = desk.db.prepare("SELECT c.consultation_id, k.outcome FROM cases c JOIN consultations k ON k.id = c.consultation_id").get() as { consultation_id: string; outcome: string };
  expect(row.outcome).toBe('arbitration');
  const party = desk.db.prepare("SELECT name, id_number FROM parties WHERE role = 'applicant'").get() as { name: string; id_number: string };
  expect(party).toEqual({ name: '王小明', id_number: IDS.wangWu });
});

test('a pregnant worker\'s dismissal consultation shows the protection checklist and the maternity-leave calculator; a same-sounding name at the same employer is flagged', async ({ page, desk }) => {
  desk.addUser('admin', 'admin');
  desk.addUser('window1', 'window');
  const prior = dispatch({ ...system(desk.db), session: { user: SYSTEM_USER, system: true } }, 'consultations.create', {
    window: 'general', personName: '张伟', employerName: '成都信达电子有限公司', disputeType: 'economic_compensation', summary: '解除劳动合同',
  });
  if (!prior.ok) throw new Error(prior.error.message);
  await page.goto(desk.url);
  await login(page, 'window1');
  await page.getByRole('tab', { name: '三期女职工窗口' }).click();
  await page.getByRole('button', { name: '登记咨询' }).click();
  const guide = page.getByTestId('protections-female');
  await expect(guide).toContainText('用人单位不得因女职工怀孕、生育、哺乳降低其工资、予以辞退、与其解除劳动或者聘用合同（《女职工劳动保护特别规定》第五条）');
  await page.getByLabel('姓名').fill('章伟');
  await page.getByLabel('单位名称').fill('信达电子');
  await page.getByLabel('单位名称').blur();
  // Window staff learn only that a related record exists, not whose (issue 12 item 2); the duty lawyer sees the match.
  await expect(page.getByTestId('conflicts')).toContainText('冲突与重复检查：存在相关记录，请咨询值班律师');
  await expect(page.getByTestId('conflicts')).not.toContainText('张伟');
  await page.getByTestId('guide-female').getByRole('button', { name: '产假天数计算器' }).click();
  const calc = page.getByTestId('calculator');
  await calc.getByLabel('难产').click();
  await calc.getByRole('button', { name: '计算' }).click();
  await expect(calc.getByTestId('calculator-result')).toContainText('113');
  await expect(calc.getByTestId('calculator-basis')).toContainText('第七条');
  await page.screenshot({ path: path.join(SHOTS, 'female-window.png'), fullPage: true });
});
