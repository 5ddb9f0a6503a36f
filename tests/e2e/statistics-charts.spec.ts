import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { dispatchAsync } from '../../src/services';
import { SHOTS, expect, test } from './app-fixture';
import { run, sys } from './daily-helpers';
import { login, typeDate } from './ui-helpers';

/**
 * Issue 15 items 5–6 on screen: after the hand-computed ledger fixture is imported, 统计图表 draws the charts of the
 * chosen periods with the table's figures (read from the SVG's text labels and compared to the table), and 导出 PDF
 * saves the 年报 with the same figures and the charts.
 */
const FIXTURE = path.resolve('tests/fixtures/ledger/history.jsonl');

test('the charts show the table figures for the chosen periods and the 年报 PDF carries them', async ({ page, desk }) => {
  test.setTimeout(120_000);
  desk.addUser('admin', 'admin');
  desk.addUser('clerk1', 'clerk');
  run(desk.db, 'venues.create', { name: '东城巡回仲裁庭', kind: 'circuit' });
  const imported = await dispatchAsync(sys(desk.db), 'ledger.import', { fileName: 'history.jsonl', format: 'jsonl', contentBase64: fs.readFileSync(FIXTURE).toString('base64'), dryRun: false });
  expect(imported.ok).toBe(true);
  await page.goto(desk.url);
  await login(page, 'clerk1');
  await page.getByRole('menuitem', { name: '统计报表' }).click();
  await typeDate(page.getByLabel('统计开始日'), '2025-01-01');
  await typeDate(page.getByLabel('统计截止日'), '2025-12-31');
  await typeDate(page.getByLabel('对比期间开始日'), '2024-01-01');
  await typeDate(page.getByLabel('对比期间截止日'), '2024-12-31');
  await page.getByRole('button', { name: '统计', exact: true }).click();
  await expect(page.getByTestId('figure-accepted')).toHaveText('7');

  // the table's by-venue figures, as the screen shows them
  await page.getByRole('tab', { name: '分办案场所' }).click();
  const venueRows = page.getByTestId('venue-table').locator('tbody tr[data-row-key]');
  const venueTable: Record<string, string[]> = {};
  for (const tr of await venueRows.all()) {
    const cells = (await tr.locator('td').allInnerTexts()).map((s) => s.trim());
    venueTable[cells[0]!] = cells;
  }
  expect(Object.keys(venueTable)).toEqual(['仲裁委员会（本部）', '东城巡回仲裁庭']);

  await page.getByRole('tab', { name: '统计图表' }).click();
  const charts = page.getByTestId('stats-charts');
  await expect(charts.locator('svg')).toHaveCount(6);
  const labels = async (key: string) => (await page.getByTestId(`chart-${key}`).locator('svg text').allTextContents()).map((s) => s.trim());
  // venue chart: the accepted and closed figures of each venue appear as the bar labels (本部 5 / 5, 东城 2 / 3)
  const venue = await labels('venue');
  expect(venue).toEqual(expect.arrayContaining(['分办案场所受理、结案（件）', '仲裁委员会（本部）', '东城巡回仲裁庭', '受理', '结案']));
  const venueFigures = JSON.parse((await page.getByTestId('chart-venue').getAttribute('data-figures'))!) as { series: string; values: { category: string; value: number }[] }[];
  // columns of the venue table: 办案场所, 上期未结, 当期受理, 其中集体, 人数, 金额, 结案, ...
  const accepted = venueFigures.find((s) => s.series === '受理')!.values;
  const closed = venueFigures.find((s) => s.series === '结案')!.values;
  expect(accepted.map((v) => [v.category, String(v.value)])).toEqual([['仲裁委员会（本部）', venueTable['仲裁委员会（本部）']![2]], ['东城巡回仲裁庭', venueTable['东城巡回仲裁庭']![2]]]);
  expect(closed.map((v) => [v.category, String(v.value)])).toEqual([['仲裁委员会（本部）', venueTable['仲裁委员会（本部）']![6]], ['东城巡回仲裁庭', venueTable['东城巡回仲裁庭']![6]]]);
  expect(closed.map((v) => v.value)).toEqual([5, 3]);
  for (const v of [...accepted, ...closed]) expect(venue).toContain(String(v.value));
  // cause chart follows both periods: 本期 劳动报酬 5, 对比期 2 (the table's cause_pay row)
  await expect(page.getByTestId('chart-cause').locator('svg')).toContainText('对比期');
  const cause = await labels('cause');
  expect(cause).toEqual(expect.arrayContaining(['劳动报酬', '工伤', '5', '2']));
  // trend: one label per month and series; the accepted bars add up to the table's 7, the closed to 8
  const trend = JSON.parse((await page.getByTestId('chart-trend').getAttribute('data-figures'))!) as { series: string; values: { value: number }[] }[];
  expect(trend.map((s) => s.values.reduce((a, v) => a + v.value, 0))).toEqual([7, 8]);
  const trendLabels = await labels('trend');
  expect(trendLabels).toEqual(expect.arrayContaining(['1月', '12月', '受理', '结案']));
  // mediation rate per organisation and the windows
  await expect(page.getByTestId('chart-mediation').locator('svg')).toContainText('%');
  await expect(page.getByTestId('chart-windows').locator('svg')).toContainText('咨询接访按窗口（人次）');
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, 'statistics-charts.png'), fullPage: true });

  // 工作指标: a figure opens exactly the records it counts (2025: one pre-arbitration mediation, which failed)
  await page.getByRole('tab', { name: '工作指标' }).click();
  await page.getByTestId('mediation-invited-东城劳动争议调解工作室').click();
  await expect(page.locator('.ant-drawer-title')).toHaveText('仲裁前调解受理（东城劳动争议调解工作室）：1 条');
  await expect(page.getByTestId('indicator-drill-table').locator('tbody tr[data-row-key]')).toHaveCount(1);
  await expect(page.getByTestId('indicator-drill-table')).toContainText('杨二');
  await page.keyboard.press('Escape');
  await expect(page.locator('.ant-drawer-title')).toHaveCount(0);
  const satisfied = await page.getByTestId('satisfaction-case-total').innerText();
  await page.getByTestId('satisfaction-case-total').click();
  await expect(page.getByTestId('indicator-drill-table').locator('tbody tr[data-row-key]')).toHaveCount(Number(satisfied));
  await page.screenshot({ path: path.join(SHOTS, 'statistics-indicator-drill.png') });
  await page.keyboard.press('Escape');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出 PDF（含图表）' }).click();
  const saved = await (await download).path();
  const text = execFileSync('pdftotext', ['-layout', saved, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  expect(text).toContain('劳动人事争议处理情况年报');
  expect(text).toContain('当期受理案件7件，对比期5件，上升40%');
  expect(text).toContain('图3分办案场所受理、结案');
});
