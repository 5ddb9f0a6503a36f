import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DeskIndicators, type DocumentFile, type LedgerImportReport, type OfficialReport, type UserView, statsCharts } from '../../src/api';
import { chartSvg } from '../../src/documents/charts';
import { reportKind } from '../../src/documents/stats-report';
import { dispatch, dispatchAsync } from '../../src/services';
import { type TestDb, openTestDb, unwrap } from '../helpers/db';

/**
 * Issue 15 items 5–6: the charts (ECharts options shared by the page and the PDF, rendered to SVG in Node) and the
 * 月报/年报 PDF through the document engine, read back with pdftotext, over the hand-computed ledger fixture
 * (tests/integration/statistics.test.ts has the working).
 */
const FIXTURE = path.join(__dirname, '../fixtures/ledger/history.jsonl');
const PERIOD = { from: '2025-01-01', to: '2025-12-31', compareFrom: '2024-01-01', compareTo: '2024-12-31' };
let t: TestDb;
let clerk: UserView;
const at = (today = '2026-11-30') => ({ ...t.ctx(clerk), now: () => new Date(`${today}T04:00:00Z`) });
const OUT = process.env.STATS_REPORT_OUT ?? fs.mkdtempSync(path.join(os.tmpdir(), 'stats-report-'));

beforeAll(async () => {
  t = await openTestDb();
  clerk = t.user('clerk1', 'clerk');
  unwrap(dispatch(t.ctx(t.admin), 'venues.create', { name: '东城巡回仲裁庭', kind: 'circuit' }));
  const r = unwrap<LedgerImportReport>(await dispatchAsync(at(), 'ledger.import', { fileName: 'history.jsonl', format: 'jsonl', contentBase64: fs.readFileSync(FIXTURE).toString('base64'), dryRun: false }));
  expect(r.imported).toBe(true);
});
afterAll(() => t.close());

describe('statistics charts', () => {
  it('draws the table figures: monthly trend, cause, venue (both periods), mediation rate, windows', () => {
    const report = unwrap<OfficialReport>(dispatch(at(), 'stats.official', PERIOD));
    const ind = unwrap<DeskIndicators>(dispatch(at(), 'stats.indicators', { from: PERIOD.from, to: PERIOD.to }));
    const charts = statsCharts(report, ind);
    expect(charts.map((c) => c.key)).toEqual(['trend', 'cause', 'venue', 'mediation', 'windows', 'groups']);
    const fig = (key: string, series: string) => Object.fromEntries(charts.find((c) => c.key === key)!.figures.find((f) => f.series === series)!.values.map((v) => [v.category, v.value]));
    // hand figures 2025: accepted one a month in Jan, Feb, Mar, May, Jun, Jul, Dec; closed 2 in Feb (2024/5, 2023/102 in Jan) …
    expect(Object.values(fig('trend', '受理')).reduce((s, v) => s + v, 0)).toBe(7);
    expect(Object.values(fig('trend', '结案')).reduce((s, v) => s + v, 0)).toBe(8);
    expect(fig('trend', '受理')).toMatchObject({ '1月': 1, '2月': 1, '3月': 1, '4月': 0, '5月': 1, '6月': 1, '7月': 1, '12月': 1 });
    expect(fig('trend', '结案')).toMatchObject({ '1月': 1, '2月': 1, '3月': 2, '4月': 1, '5月': 1, '6月': 1, '7月': 0, '8月': 1 });
    expect(fig('cause', '本期')).toEqual({ 劳动报酬: 5, 社会保险: 0, '解除、终止劳动合同': 1, 工伤: 1, 确认劳动关系: 0, 其他: 0 });
    expect(fig('cause', '对比期')).toEqual({ 劳动报酬: 2, 社会保险: 1, '解除、终止劳动合同': 0, 工伤: 0, 确认劳动关系: 1, 其他: 1 });
    expect(fig('venue', '受理')).toEqual({ '仲裁委员会（本部）': 5, 东城巡回仲裁庭: 2 });
    expect(fig('venue', '结案')).toEqual({ '仲裁委员会（本部）': 5, 东城巡回仲裁庭: 3 });
    // the fixture has no consultations: the windows chart says so rather than showing empty axes
    expect((charts.find((c) => c.key === 'windows')!.option['title'] as { subtext?: string }).subtext).toBe('（本期无记录）');
    // the chart's SVG (the PDF's and the page's renderer) carries the figures as text labels
    const svg = chartSvg(charts.find((c) => c.key === 'venue')!.option, 640, 400);
    const texts = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
    expect(texts).toEqual(expect.arrayContaining(['分办案场所受理、结案（件）', '仲裁委员会（本部）', '东城巡回仲裁庭', '5', '2', '3']));
  });
});

describe('月报 / 年报 PDF', () => {
  it('names the report by its period', () => {
    expect(reportKind('2025-01-01', '2025-12-31')).toMatchObject({ kind: 'year', title: '劳动人事争议处理情况年报', period: '2025年度' });
    expect(reportKind('2025-02-01', '2025-02-28')).toMatchObject({ kind: 'month', title: '劳动人事争议处理情况月报', period: '2025年2月' });
    expect(reportKind('2024-02-01', '2024-02-28').kind).toBe('period');
    expect(reportKind('2025-01-01', '2025-06-30').kind).toBe('period');
  });

  it('the 年报 2025 against 2024 carries the hand figures, the changes as people read them and the charts', async () => {
    const f = unwrap<DocumentFile>(await dispatchAsync(at(), 'stats.pdf', PERIOD));
    expect(f.fileName).toBe('劳动人事争议处理情况年报-2025-01-01至2025-12-31.pdf');
    const pdf = path.join(OUT, 'annual.pdf');
    fs.writeFileSync(pdf, Buffer.from(f.base64, 'base64'));
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    // one table row a line; pdftotext puts a space between Chinese and figures (the autospace), so compare without it
    const line = (label: string) => text.split('\n').map((l) => l.trim().split(/\s{2,}/).map((c) => c.replace(/\s+/g, ''))).find((cells) => cells[0] === label && cells.length > 2);
    const flat = text.replace(/\s+/g, '');
    expect(flat).toContain('劳动人事争议处理情况年报');
    expect(flat).toContain('2025年度');
    expect(line('当期案件受理数')).toEqual(['当期案件受理数', '件', '7', '5', '上升40%']);
    expect(line('结案数')).toEqual(['结案数', '件', '8', '5', '上升60%']);
    expect(line('涉及金额（元）')).toEqual(['涉及金额（元）', '元', '268,000.00', '136,000.00', '上升97.1%']);
    expect(line('当期未结案件数')).toEqual(['当期未结案件数', '件', '1', '2', '下降50%']);
    expect(line('仲裁结案率')).toEqual(['仲裁结案率', '%', '88.9%', '71.4%', '上升17.5个百分点']);
    expect(line('调解结案率')).toEqual(['调解结案率', '%', '25%', '0%', '上升25个百分点']);
    expect(line('平均结案天数')?.slice(0, 4)).toEqual(['平均结案天数', '日', '83.4', '50.4']);
    expect(flat).toContain('当期受理案件7件，对比期5件，上升40%');
    // the charts: titles, captions and their labels are text in the PDF
    for (const c of ['图1月度受理、结案趋势', '图2当期受理案件按争议原因', '图3分办案场所受理、结案', '图4仲裁前调解成功率', '图5咨询接访按窗口']) expect(flat).toContain(c);
    expect(flat).toContain('分办案场所受理、结案（件）');
    // page 1 and the first chart page as PNG, to look at
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', pdf, path.join(OUT, 'annual-p')]);
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
    expect(pages).toBeGreaterThan(3);
    execFileSync('pdftoppm', ['-png', '-r', '60', pdf, path.join(OUT, 'annual-all')]);
  }, 120_000);
});
