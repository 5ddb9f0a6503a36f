import path from 'node:path';
import type { CaseDetail, CollectiveRosterView } from '../../src/api';
import { demoRoster } from '../../src/cli/demo-data';
import { addDays, formatFen, shanghaiDate } from '../../src/domain';
import { SYSTEM_USER, dispatch } from '../../src/services';
import { sampleDraft } from '../helpers/fixtures';
import { SHOTS, expect, test } from './app-fixture';
import { login, settle } from './ui-helpers';

const today = shanghaiDate(new Date());
const roster = demoRoster(12);
const total = roster.reduce((s, r) => s + r.amountFen!, 0);

/**
 * Issue 16 (remaining point 4): in a collective case the clerk edits one worker's claim items and amounts on the case
 * page — validated in Chinese, the total shown as typed — and the roster's total follows.
 */
test('a clerk edits one worker\'s claim items and amounts in the roster; bad input is refused; the worker\'s and the roster\'s totals follow', async ({ page, desk }) => {
  test.setTimeout(120_000);
  desk.addUser('admin', 'admin');
  desk.addUser('clerk1', 'clerk');
  // setup the test is not about: an accepted collective case with a 12-worker roster imported through the operation
  const system = { db: desk.db, session: { user: SYSTEM_USER, system: true }, now: () => new Date() };
  const ok = <T,>(r: ReturnType<typeof dispatch>) => {
    if (!r.ok) throw new Error(r.error.message);
    return r.value as T;
  };
  const d = ok<CaseDetail>(dispatch(system, 'cases.saveDraft', sampleDraft({
    receivedDate: addDays(today, -5), collective: true, workerCount: 12,
    claims: [{ type: 'wages', amountFen: total, periodStart: '2026-03-01', periodEnd: '2026-08-31', text: '支付12名劳动者拖欠的工资' }],
  })));
  const c = ok<CaseDetail>(dispatch(system, 'cases.accept', { id: d.id, acceptanceDate: addDays(today, -3) }));
  ok(dispatch(system, 'collective.importRoster', { caseId: c.id, rows: roster }));
  const third = roster[2]!;

  await page.goto(desk.url);
  await login(page, 'clerk1');
  await page.getByRole('menuitem', { name: '案件列表' }).click();
  await page.getByTestId('case-table').getByText(c.caseNumber!).click();
  const panel = page.getByTestId('roster');
  await expect(panel).toContainText(`12 人，请求金额合计 ${formatFen(total)}`);

  await panel.getByRole('button', { name: `修改${third.name}的请求` }).click();
  const dialog = page.getByRole('dialog', { name: `修改请求事项和金额：${third.name}` });
  await settle(page);
  // the imported row is its one item
  await expect(dialog.getByLabel('第1项请求事项')).toHaveValue(third.claimItems!);
  await expect(dialog.getByLabel('第1项金额（元）')).toHaveValue((third.amountFen! / 100).toFixed(2));

  await dialog.getByLabel('第1项请求事项').fill('支付2026年6月至8月工资');
  await dialog.getByLabel('第1项金额（元）').fill('9000');
  await dialog.getByRole('button', { name: '添加一项请求' }).click();
  await dialog.getByLabel('第2项金额（元）').fill('3,000.5.1');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toContainText('请填写请求事项');
  await expect(dialog).toContainText('金额只能填写数字');
  await expect(dialog.getByTestId('claims-total')).toContainText('请先改正金额');

  // the same item twice: refused by the server beside the field
  await dialog.getByLabel('第2项请求事项').fill('支付2026年6月至8月工资');
  await dialog.getByLabel('第2项金额（元）').fill('3000.50');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toContainText('第2项与第1项的请求事项相同，请合并为一项');
  const unchanged = ok<CollectiveRosterView>(dispatch(system, 'collective.roster', { caseId: c.id }));
  expect(unchanged.claimedFen).toBe(total);

  await dialog.getByLabel('第2项请求事项').fill('支付解除劳动合同经济补偿');
  await expect(dialog.getByTestId('claims-total')).toContainText(formatFen(1_200_050));
  await page.screenshot({ path: path.join(SHOTS, 'collective-claims-dialog.png'), fullPage: true });
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();

  const newTotal = total - third.amountFen! + 1_200_050;
  await expect(panel).toContainText(`12 人，请求金额合计 ${formatFen(newTotal)}`);
  const row = panel.getByTestId('roster-table').locator('tbody tr').nth(2);
  await expect(row).toContainText('支付2026年6月至8月工资；支付解除劳动合同经济补偿');
  await expect(row).toContainText(formatFen(1_200_050));
  const after = ok<CollectiveRosterView>(dispatch(system, 'collective.roster', { caseId: c.id }));
  expect(after.claimedFen).toBe(newTotal);
  expect(ok<{ items: unknown[] }>(dispatch(system, 'collective.workerClaims', { caseId: c.id, workerId: after.items[2]!.id })).items)
    .toEqual([{ item: '支付2026年6月至8月工资', amountFen: 900_000 }, { item: '支付解除劳动合同经济补偿', amountFen: 300_050 }]);
  // the change is on the case's timeline
  const timeline = desk.db.prepare("SELECT summary FROM case_events WHERE case_id = ? AND kind = 'collective.claims'").all(c.id) as { summary: string }[];
  expect(timeline.map((e) => e.summary)).toEqual([`修改第3号劳动者${third.name}的请求事项：2项，合计${formatFen(1_200_050)}（原${formatFen(third.amountFen!)}）`]);
  await page.screenshot({ path: path.join(SHOTS, 'collective-claims-roster.png'), fullPage: true });
});
