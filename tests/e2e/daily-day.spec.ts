import type { Proceedings } from '../../src/api';
import { addDays } from '../../src/domain';
import { dispatchAsync } from '../../src/services';
import { sampleDraft } from '../helpers/fixtures';
import { expect, test } from './app-fixture';
import { D, earlyMorning, run, shot, sys, userId } from './daily-helpers';
import { login, settle } from './ui-helpers';

test.beforeEach(async ({ page }) => { await earlyMorning(page); });

test('what a day needs: the case title names the parties, an issued document is viewed without re-issuing, the week\'s hearing list prints per venue, Esc closes the mediation dialogs', async ({ page, desk }, info) => {
  desk.addUser('admin', 'admin');
  desk.addUser('clerk1', 'clerk');
  desk.addUser('arb1', 'arbitrator');
  const venue = run<{ id: string }>(desk.db, 'venues.create', { name: '寿安镇巡回仲裁庭', kind: 'circuit', address: '温江区寿安镇' });
  const room = run<{ id: string }>(desk.db, 'rooms.create', { venueId: venue.id, name: '巡回庭审室' });
  const d = run<{ id: string }>(desk.db, 'cases.saveDraft', sampleDraft({ receivedDate: addDays(D, -3), venueId: venue.id }));
  const c = run<{ id: string; caseNumber: string }>(desk.db, 'cases.accept', { id: d.id, acceptanceDate: addDays(D, -2) });
  run(desk.db, 'cases.compose', { id: c.id, mode: 'sole', presidingId: userId(desk.db, 'arb1'), memberIds: [], clerkId: userId(desk.db, 'clerk1'), composedDate: addDays(D, -2) });
  const p = run<Proceedings>(desk.db, 'hearings.schedule', { caseId: c.id, date: addDays(D, 1), startTime: '09:30', endTime: '11:00', roomId: room.id, shortNoticeReason: '双方当事人同意' });
  const issued = await dispatchAsync(sys(desk.db), 'documents.issue', { caseId: c.id, kind: 'hearing_notice', issuedDate: D, hearingId: p.hearings[0]!.id });
  if (!issued.ok) throw new Error(issued.error.message);
  const docCount = () => (desk.db.prepare('SELECT count(*) AS n FROM case_documents').get() as { n: number }).n;
  const before = docCount();

  await page.goto(desk.url);
  await login(page, 'clerk1');
  await page.evaluate((id) => { window.location.hash = `#/cases/${id}`; }, c.id);
  await expect(page.getByTestId('case-title')).toContainText(`${c.caseNumber} 张三、李四 与 成都信达电子有限公司`);
  await expect(page).toHaveTitle(new RegExp(`张三、李四 与 成都信达电子有限公司`));

  await page.getByTestId('documents').getByRole('button', { name: '查看' }).click();
  const viewer = page.getByRole('dialog').filter({ has: page.getByTestId('document-view') });
  await expect(viewer.getByTestId('pdf-preview')).toHaveAttribute('data-state', 'ready');
  await expect(viewer).toContainText('第1版');
  await expect(viewer.getByRole('button', { name: '保存 PDF' })).toBeVisible();
  await settle(page);
  await shot(page, info, 'document-view');
  expect(docCount()).toBe(before);
  await page.keyboard.press('Escape');
  await expect(viewer).toBeHidden();

  // Esc closes 登记调解 and 记录调解过程 (they ignored it).
  await page.getByRole('button', { name: '登记调解' }).click();
  await expect(page.getByRole('dialog', { name: /调解/ })).toBeVisible();
  await settle(page);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: /调解/ })).toBeHidden();
  run(desk.db, 'mediation.create', { caseId: c.id, stage: 'in_arbitration', organisation: '仲裁庭', workerCount: 1, receivedDate: D });
  await page.reload();
  await page.getByRole('button', { name: '记录调解过程' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await settle(page);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();

  await page.getByRole('menuitem', { name: '开庭排期' }).click();
  await page.getByRole('button', { name: '开庭公告（打印）' }).click();
  const list = page.getByTestId('hearing-list');
  await expect(list.locator('section h3')).toHaveText(['寿安镇巡回仲裁庭']);
  await expect(list).toContainText(c.caseNumber);
  await expect(list).toContainText('张三、李四 与 成都信达电子有限公司');
  await expect(list).toContainText('劳动报酬争议');
  await expect(list).toContainText('独任仲裁员arb1显示名');
  await settle(page);
  await shot(page, info, 'hearing-list');
  await expect(page.getByRole('dialog').getByRole('button', { name: '打印', exact: true })).toBeEnabled();
});
