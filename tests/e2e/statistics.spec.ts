import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { HAND } from '../fixtures/ledger/hand-figures';
import { SHOTS, expect, test } from './app-fixture';
import { run } from './daily-helpers';
import { login, typeDate } from './ui-helpers';

/**
 * Issue 15 on screen: the fixture history is imported through the app's 台账导入 (a bad file first: row-level errors,
 * nothing imported), then the official table for 2025 against 2024 shows every hand-computed figure and change, a figure
 * opens exactly the cases it counts, and the Excel export holds the same figures.
 */
const FIXTURE = path.resolve('tests/fixtures/ledger/history.jsonl');

test('ledger import in the app, then the official table equals the hand figures, drills down and exports', async ({ page, desk }) => {
  test.setTimeout(90_000);
  desk.addUser('admin', 'admin');
  desk.addUser('clerk1', 'clerk');
  run(desk.db, 'venues.create', { name: '东城巡回仲裁庭', kind: 'circuit' });
  await page.goto(desk.url);
  await login(page, 'clerk1');
  await page.getByRole('menuitem', { name: '统计报表' }).click();
  await page.getByRole('tab', { name: '台账导入' }).click();

  const file = page.getByTestId('ledger-file');
  const bad = fs.readFileSync(FIXTURE, 'utf8').replaceAll('东城巡回仲裁庭', '西城巡回仲裁庭');
  await file.setInputFiles({ name: 'bad.jsonl', mimeType: 'application/x-ndjson', buffer: Buffer.from(bad) });
  await expect(page.getByTestId('ledger-issues')).toContainText('台账有 4 处错误，不能导入');
  await expect(page.getByTestId('ledger-issues')).toContainText('第4行【办案场所】：办案场所“西城巡回仲裁庭”不存在');
  expect(desk.countCases()).toBe(0);

  await file.setInputFiles(FIXTURE);
  await expect(page.getByTestId('ledger-checked')).toContainText('将导入案件 15 件、仲裁前调解 2 件');
  await page.getByTestId('ledger-checked').getByRole('button', { name: '导入' }).click();
  await expect(page.getByTestId('ledger-done')).toContainText('已导入案件 15 件、仲裁前调解 2 件');
  expect(desk.countCases()).toBe(15);

  await typeDate(page.getByLabel('统计开始日'), '2025-01-01');
  await typeDate(page.getByLabel('统计截止日'), '2025-12-31');
  await typeDate(page.getByLabel('对比期间开始日'), '2024-01-01');
  await typeDate(page.getByLabel('对比期间截止日'), '2024-12-31');
  await page.getByRole('button', { name: '统计', exact: true }).click();
  await page.getByRole('tab', { name: '劳动人事争议处理情况' }).click();
  const yuan = (n: number) => n.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  for (const [key, [now, before, change]] of Object.entries(HAND)) {
    await expect(page.getByTestId(`figure-${key}`)).toHaveText(key === 'amount' ? yuan(now) : String(now));
    await expect(page.getByTestId(`compare-${key}`)).toHaveText(key === 'amount' ? yuan(before) : String(before));
    await expect(page.getByTestId(`change-${key}`)).toHaveText(change);
  }
  await expect(page.getByTestId('rate-closingRate')).toHaveText('88.9%');
  await expect(page.getByTestId('rate-change-closingRate')).toHaveText('上升17.5个百分点');
  await expect(page.getByTestId('rate-change-mediationRate')).toHaveText('上升25个百分点');
  await expect(page.getByTestId('rate-averageDays')).toHaveText('83.4日');
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, 'statistics-official.png'), fullPage: true });

  await page.getByTestId('figure-closedMediation').click();
  const drill = page.getByTestId('drill-table');
  await expect(drill.locator('tbody tr')).toHaveCount(2);
  await expect(drill).toContainText('东劳人仲案字〔2023〕102号');
  await expect(drill).toContainText('东劳人仲案字〔2025〕2号');
  await expect(page.locator('.ant-drawer-title')).toHaveText('仲裁调解：2 件');
  await page.screenshot({ path: path.join(SHOTS, 'statistics-drill.png') });
  await page.keyboard.press('Escape');
  await expect(page.locator('.ant-drawer-title')).toHaveCount(0);

  await page.getByRole('tab', { name: '工作指标' }).click();
  await expect(page.getByTestId('wage-arrears').locator('tbody tr').first()).toContainText('建筑业213159,000.00');
  await expect(page.getByTestId('satisfaction').locator('tbody tr').first()).toContainText('66.7%');
  await page.screenshot({ path: path.join(SHOTS, 'statistics-indicators.png'), fullPage: true });

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出 Excel' }).click();
  const saved = await (await download).path();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(saved);
  const ws = wb.getWorksheet('处理情况')!;
  expect([ws.getCell(5, 1).value, ws.getCell(5, 3).value, ws.getCell(5, 4).value, ws.getCell(5, 5).value]).toEqual(['当期案件受理数', 7, 5, '上升40%']);
});
