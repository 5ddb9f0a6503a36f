import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { ConsultationView } from '../../src/api';
import { SHOTS, expect, test } from './app-fixture';
import { D, run } from './daily-helpers';
import { login } from './ui-helpers';

/**
 * Issue 15 items 4 and 6 on screen. Staff open the party's survey on a second screen (a one-time link); the "party"
 * answers in that second page, which shows nothing but the survey; the report counts the answer. The consultation
 * queue and the mediation list export their current filter to XLSX, read back and compared with the rows on screen.
 */
test('the party answers the survey on a second screen and the report counts it; lists export what they show', async ({ page, context, desk }) => {
  test.setTimeout(120_000);
  desk.addUser('admin', 'admin');
  desk.addUser('window1', 'window');
  const c = run<ConsultationView>(desk.db, 'consultations.create', {
    window: 'migrant', channel: 'walk_in', personName: '王小明', personIdNumber: '510124198805052215', employerName: '成都信达电子有限公司', disputeType: 'wages',
    groupFlags: ['migrant_worker'], collective: false, workerCount: 1, claims: [{ type: 'wages', amountFen: 1_250_050, text: '工资12500.50元' }], summary: '被拖欠工资', outcome: 'pending',
  });
  run(desk.db, 'mediation.create', { consultationId: c.id, stage: 'pre_arbitration', organisation: '温江区劳动争议调解工作室', applicantName: '王小明', respondentName: '成都信达电子有限公司', workerCount: 1, claimedFen: 1_250_050, receivedDate: D });
  fs.mkdirSync(SHOTS, { recursive: true });

  await page.goto(desk.url);
  await login(page, 'window1');
  const base = new URL(desk.url).origin;
  await page.goto(`${base}/#/aid/consultations/${c.id}`);
  await expect(page.getByRole('heading', { name: /咨询登记：王小明/ })).toBeVisible();

  // Staff open the survey screen: a second window on a one-time link.
  const second = context.waitForEvent('page');
  await page.getByTestId('survey-open').click();
  const party = await second;
  await expect(page.getByTestId('survey-note')).toContainText('评价页面已在新窗口打开');
  await expect(party.getByTestId('survey-subject')).toContainText(`咨询登记 ${D}`);
  // The second screen shows only the survey: no menu, no user, no other record.
  await expect(party.getByRole('menuitem')).toHaveCount(0);
  await expect(party.getByText('王小明')).toHaveCount(0);
  await party.screenshot({ path: path.join(SHOTS, 'survey-screen.png'), fullPage: true });
  await party.getByRole('button', { name: '提交评价' }).click();
  await expect(party.getByTestId('survey-error')).toHaveText('请选择：满意、基本满意或不满意');
  await party.getByText('基本满意', { exact: true }).click();
  await party.getByText('等候时间较长').click();
  await party.getByRole('button', { name: '提交评价' }).click();
  await expect(party.getByTestId('survey-thanks')).toContainText('谢谢您的评价');
  // Changing the address in that window does not reach the app: it stays the survey screen.
  await party.evaluate(() => { window.location.hash = '#/cases'; });
  await party.reload();
  await expect(party.getByTestId('survey-thanks')).toBeVisible();
  await expect(party.getByRole('menuitem')).toHaveCount(0);
  await party.close();
  expect(desk.db.prepare('SELECT rating, reasons, entered_by FROM satisfaction_surveys WHERE consultation_id = ?').get(c.id))
    .toEqual({ rating: 'basic', reasons: '["等候时间较长"]', entered_by: 'party' });

  // The report counts it (工作指标 → 满意度).
  // (The menu folds 统计报表 behind “…” at this width for a window account: go by address.)
  await page.goto(`${base}/#/stats`);
  await page.getByRole('button', { name: '统计', exact: true }).click();
  await page.getByRole('tab', { name: '工作指标' }).click();
  const row = page.getByTestId('satisfaction').locator('tr', { hasText: '咨询接访' });
  await expect(row.locator('td')).toHaveText(['咨询接访', '0', '1', '0', '1', '100%']);

  // The consultation queue exports the day and window it shows.
  await page.goto(`${base}/#/aid`);
  await expect(page.getByTestId('queue')).toContainText('王小明');
  let download = page.waitForEvent('download');
  await page.getByTestId('consultations-export').click();
  let wb = new ExcelJS.Workbook();
  await wb.xlsx.load(fs.readFileSync(await (await download).path()) as never);
  let ws = wb.worksheets[0]!;
  expect(ws.name).toBe('咨询登记');
  expect(ws.getRow(2).getCell(5).value).toBe('姓名');
  expect(ws.getRow(3).getCell(5).value).toBe('王小明');
  expect(ws.getRow(3).getCell(6).value).toBe('510124********2215');
  expect(ws.getRow(3).getCell(1).value).toEqual(new Date(`${D}T00:00:00Z`));
  expect(ws.getRow(3).getCell(11).value).toBe(12500.5);

  // The mediation list (调解与文书) with its filter, and its export.
  await page.goto(`${base}/#/cases`);
  await page.getByTestId('record-lists').click();
  await expect(page.getByTestId('mediation-table')).toContainText('温江区劳动争议调解工作室');
  await page.getByLabel('调解结果').click();
  await page.getByTitle('调解成功').click();
  await expect(page.getByTestId('mediation-count')).toHaveText('共 0 件');
  await page.getByLabel('调解结果').click();
  await page.getByTitle('调解中').click();
  await expect(page.getByTestId('mediation-count')).toHaveText('共 1 件');
  await page.screenshot({ path: path.join(SHOTS, 'mediation-list.png'), fullPage: true });
  download = page.waitForEvent('download');
  await page.getByTestId('mediations-export').click();
  wb = new ExcelJS.Workbook();
  await wb.xlsx.load(fs.readFileSync(await (await download).path()) as never);
  ws = wb.worksheets[0]!;
  expect(ws.getRow(3).getCell(3).value).toBe('温江区劳动争议调解工作室');
  expect(ws.getRow(3).getCell(9).value).toBe('调解中');
  expect(ws.getRow(4).getCell(1).value).toBe('合计（1 件）');
});
