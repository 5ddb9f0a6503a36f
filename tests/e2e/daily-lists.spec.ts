import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { addDays } from '../../src/domain';
import { IDS, sampleDraft } from '../helpers/fixtures';
import { expect, test } from './app-fixture';
import { D, earlyMorning, run, shot } from './daily-helpers';
import { login, pick } from './ui-helpers';

test.beforeEach(async ({ page }) => { await earlyMorning(page); });

test('the case list pages on the server, filters 已结案 and date ranges, sorts with arrows, chooses columns and exports the current filter to Excel', async ({ page, desk }, info) => {
  test.setTimeout(150_000);
  desk.addUser('admin', 'admin');
  desk.addUser('clerk1', 'clerk');
  const ids: { id: string; caseNumber: string; accepted: string }[] = [];
  for (let i = 0; i < 56; i++) {
    const accepted = addDays(D, -60 + i);
    const d = run<{ id: string }>(desk.db, 'cases.saveDraft', sampleDraft({ receivedDate: addDays(accepted, -1), applicants: [{ kind: 'person', name: `申请人${i}`, idNumber: IDS.zhangSan, agents: [] }] }));
    const c = run<{ id: string; caseNumber: string }>(desk.db, 'cases.accept', { id: d.id, acceptanceDate: accepted });
    ids.push({ id: c.id, caseNumber: c.caseNumber, accepted });
  }
  // Setup the test is not about: one closing record.
  desk.db.prepare("INSERT INTO case_closures (case_id, method, closed_date, due_date, created_at, created_by) VALUES (?, 'withdrawal', ?, ?, '2026-01-01T00:00:00Z', '00000000000000000000000000000000')").run(ids[3]!.id, addDays(D, -5), addDays(D, 10));

  await page.goto(desk.url);
  await login(page, 'clerk1');
  await page.getByRole('menuitem', { name: '案件列表' }).click();
  const table = page.getByTestId('case-table');
  await expect(page.getByTestId('case-count')).toHaveText('共 56 件');
  await expect(table.locator('tbody tr')).toHaveCount(50);
  await page.locator('.ant-pagination').getByText('2', { exact: true }).click();
  await expect(table.locator('tbody tr')).toHaveCount(6);

  // Sort by acceptance date: arrows show the order; the server sorts all 56, not just the page.
  await table.getByRole('columnheader', { name: /受理日期/ }).click();
  await expect(table.getByRole('columnheader', { name: /受理日期/ })).toHaveAttribute('aria-sort', 'descending');
  await expect(table.locator('tbody tr').first()).toContainText(ids[55]!.caseNumber);
  await table.getByRole('columnheader', { name: /受理日期/ }).click();
  await expect(table.getByRole('columnheader', { name: /受理日期/ })).toContainText('▲');
  await expect(table.locator('tbody tr').first()).toContainText(ids[0]!.caseNumber);

  await pick(page, page.getByLabel('按状态筛选'), '已结案');
  await expect(page.getByTestId('case-count')).toHaveText('共 1 件');
  await expect(table).toContainText(ids[3]!.caseNumber);
  await page.getByLabel('按状态筛选').locator('xpath=ancestor::*[contains(@class, "ant-select")][1]').hover();
  await page.locator('.ant-select-clear').first().click();
  await expect(page.getByTestId('case-count')).toHaveText('共 56 件');

  // A date range typed as clerks type it.
  const from = ids[50]!.accepted;
  await page.getByLabel('受理日期起').fill(from.replaceAll('-', ''));
  await page.getByLabel('受理日期起').press('Tab');
  await expect(page.getByLabel('受理日期起')).toHaveValue(from);
  await expect(page.getByTestId('case-count')).toHaveText('共 6 件');

  // Columns: hide 被申请人.
  await page.getByRole('button', { name: '列', exact: true }).click();
  await page.getByTestId('column-choice').getByText('被申请人').click();
  await expect(table.getByRole('columnheader', { name: '被申请人' })).toHaveCount(0);
  await page.keyboard.press('Escape');
  await shot(page, info, 'case-list');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: /导出 Excel/ }).click();
  const file = await (await download).path();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(fs.readFileSync(file) as never);
  const ws = wb.getWorksheet('案件列表')!;
  expect(ws.getRow(1).values).toEqual([undefined, '案号', '状态', '申请人', '申请人身份证号（隐去中间位）', '请求金额', '办案场所', '收件日期', '受理日期', '标记']);
  expect(ws.rowCount).toBe(8); // six cases and the totals row (issue 15: one XLSX writer)
  expect(ws.getRow(2).getCell(1).value).toBe(ids[50]!.caseNumber);
});
