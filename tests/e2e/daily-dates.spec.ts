import { addDays, yearOf } from '../../src/domain';
import { sampleDraft } from '../helpers/fixtures';
import { expect, test } from './app-fixture';
import { D, earlyMorning, run, shot, userId } from './daily-helpers';
import { login, pick, settle } from './ui-helpers';

test.beforeEach(async ({ page }) => { await earlyMorning(page); });

test('dates typed as clerks type them are read, a date that does not exist is refused at its field, and the case gets the date typed', async ({ page, desk }, info) => {
  desk.addUser('admin', 'admin');
  desk.addUser('clerk1', 'clerk');
  await page.goto(desk.url);
  await login(page, 'clerk1');
  await page.getByRole('menuitem', { name: '新建仲裁申请' }).click();
  const received = page.getByLabel('收件日期');
  // 07:30 in Beijing: today is D even when the PC's clock is on UTC (where it is still the day before).
  await expect(received).toHaveValue(D);

  for (const [typed, iso] of [['20261125', '2026-11-25'], ['2026.11.25', '2026-11-25'], ['2026/11/25', '2026-11-25'], ['2026-1-5', '2026-01-05'], ['11-25', `${yearOf(D)}-11-25`]] as const) {
    await received.fill(typed);
    await received.press('Tab');
    await expect(received).toHaveValue(iso);
  }
  await received.fill('2026-02-30');
  await received.press('Tab');
  await expect(page.getByText('2026年2月没有30日，请核对')).toBeVisible();
  await expect(received).toHaveValue('2026-02-30');

  const a0 = page.getByTestId('applicants-0');
  await a0.getByLabel('姓名', { exact: true }).fill('张三');
  const r0 = page.getByTestId('respondents-0');
  await r0.getByLabel('单位名称').fill('成都信达电子有限公司');
  const claim = page.getByTestId('claims-0');
  await pick(page, claim.getByLabel('请求类型'), '确认劳动关系');
  await claim.getByLabel('请求内容').fill('确认存在劳动关系');
  await page.getByRole('button', { name: /保存草稿/ }).click();
  await expect(page.getByText('2026年2月没有30日，请核对')).toBeVisible();
  expect(desk.countCases()).toBe(0);
  await shot(page, info, 'typed-date-refused');

  await received.fill('20261125');
  await received.press('Tab');
  await page.getByRole('button', { name: /保存草稿/ }).click();
  await expect(page.getByRole('button', { name: '删除草稿' })).toBeVisible();
  const stored = desk.db.prepare('SELECT received_date FROM cases').get() as { received_date: string };
  expect(stored.received_date).toBe('2026-11-25');
});

test('at 07:30 Beijing time the hearing schedule, the legal-aid desk and a consultation carried into an application all use today in Beijing', async ({ page, desk }, info) => {
  desk.addUser('admin', 'admin');
  desk.addUser('clerk1', 'clerk');
  desk.addUser('window1', 'window');
  desk.addUser('lawyer1', 'lawyer');
  run(desk.db, 'duty.set', { date: D, lawyerId: userId(desk.db, 'lawyer1'), staffId: userId(desk.db, 'window1'), lawFirm: '四川蓉城律师事务所' });
  // Registered at 07:29 Beijing time: the previous day in UTC.
  const arrived = new Date(Math.min(Date.now() - 60_000, Date.parse(`${addDays(D, -1)}T23:29:00Z`))).toISOString();
  const c = run<{ id: string }>(desk.db, 'consultations.create', {
    window: 'migrant', channel: 'walk_in', arrivedAt: arrived, personName: '王小明', employerName: '成都信达电子有限公司', disputeType: 'wages',
    groupFlags: [], collective: false, workerCount: 1, claims: [], summary: '被拖欠工资', outcome: 'pending',
  });
  const d = run<{ id: string }>(desk.db, 'cases.saveDraft', sampleDraft({ receivedDate: D }));
  run(desk.db, 'cases.accept', { id: d.id, acceptanceDate: D });

  await page.goto(desk.url);
  await login(page, 'window1');
  await expect(page.getByRole('heading', { name: '法律援助工作站' })).toBeVisible();
  await expect(page.getByLabel('日期')).toHaveValue(D);
  await expect(page.getByTestId('duty')).toContainText('律师 lawyer1显示名');
  await expect(page.getByTestId('desk-figures')).toContainText('当日咨询 1 件');
  await expect(page.getByTestId('queue')).toContainText('王小明');
  await shot(page, info, 'aid-desk-early-morning');
  await page.getByTestId('queue').getByText('王小明').click();
  await expect(page.getByTestId('consultation')).toContainText(`（${D} `);
  await shot(page, info, 'consultation-early-morning');
  // The window carries the consultation into an application (consultations are for the desk's eyes only, issue 12).
  await page.evaluate((id) => { window.location.hash = `#/cases/new/from/${id}`; }, c.id);
  await expect(page.getByTestId('from-consultation')).toContainText(`王小明（${D}）`);
  await expect(page.getByLabel('备注')).toHaveValue(`由农民工窗口咨询登记（${D}）转入`);
  await expect(page.getByLabel('收件日期')).toHaveValue(D);
  await page.evaluate(() => { window.location.hash = ''; });
  await page.getByRole('button', { name: '退出' }).click();
  const leave = page.getByRole('button', { name: '离开，不保存' });
  if (await leave.isVisible().catch(() => false)) await leave.click();

  await login(page, 'clerk1');
  await expect(page.getByTestId("current-user")).toBeVisible();

  await page.getByRole('menuitem', { name: '开庭排期' }).click();
  await expect(page.getByLabel('查看日期')).toHaveValue(D);
  await page.getByText('日', { exact: true }).click();
  await expect(page.getByTestId('hearing-schedule')).toContainText(D.slice(5));
  await page.getByLabel('查看日期').fill('2026-13-01');
  await page.getByLabel('查看日期').press('Tab');
  await expect(page.getByText('月份 13 不存在，请核对')).toBeVisible();
  await expect(page.getByTestId('hearing-schedule')).toContainText(D.slice(5));
  await shot(page, info, 'hearing-schedule-early-morning');
  await settle(page);
});
