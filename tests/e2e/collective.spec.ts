import fs from 'node:fs';
import path from 'node:path';
import type { CaseDetail, UserView } from '../../src/api';
import { demoRoster } from '../../src/cli/demo-data';
import { addDays, formatFen, maskIdNumber, shanghaiDate } from '../../src/domain';
import { SYSTEM_USER, dispatch } from '../../src/services';
import { pdfText, flat, writeTemp } from '../helpers/documents';
import { sampleDraft } from '../helpers/fixtures';
import { rosterXlsx } from '../helpers/roster';
import { SHOTS, expect, test } from './app-fixture';
import { login, settle } from './ui-helpers';

const today = shanghaiDate(new Date());
const roster = demoRoster(169);
const total = roster.reduce((s, r) => s + r.amountFen!, 0);

/**
 * Issue 16's browser test: a roster of 169 workers imported, the collective case decided, the award's annex read back
 * from the PDF with every worker and amount, and the total equal to the sum.
 */
test('a 169-worker roster is imported (bad rows refused first), the collective case decided, and the award annex lists every worker and amount', async ({ page, desk }) => {
  test.setTimeout(90_000);
  desk.addUser('admin', 'admin');
  desk.addUser('arb1', 'arbitrator');
  desk.addUser('arb2', 'arbitrator');
  desk.addUser('arb3', 'arbitrator');
  desk.addUser('clerk1', 'clerk');
  // setup the test is not about: an accepted collective case before a three-arbitrator tribunal (Rules Art 65), its
  // wage claim decided for the whole sum, the award's text written and the decision to decide on the papers
  const system = { db: desk.db, session: { user: SYSTEM_USER, system: true }, now: () => new Date() };
  const ok = <T,>(r: ReturnType<typeof dispatch>) => {
    if (!r.ok) throw new Error(r.error.message);
    return r.value as T;
  };
  const d = ok<CaseDetail>(dispatch(system, 'cases.saveDraft', sampleDraft({
    receivedDate: addDays(today, -12), collective: true, workerCount: 169,
    claims: [{ type: 'wages', amountFen: total, periodStart: '2026-03-01', periodEnd: '2026-08-31', text: '支付169名劳动者拖欠的工资' }],
  })));
  const c = ok<CaseDetail>(dispatch(system, 'cases.accept', { id: d.id, acceptanceDate: addDays(today, -10) }));
  const users = ok<UserView[]>(dispatch(system, 'users.list', {}));
  const uid = (n: string) => users.find((u) => u.username === n)!.id;
  ok(dispatch(system, 'cases.compose', { id: c.id, mode: 'panel', presidingId: uid('arb1'), memberIds: [uid('arb2'), uid('arb3')], clerkId: uid('clerk1'), composedDate: addDays(today, -9) }));
  ok(dispatch(system, 'claims.decide', { claimId: c.claims[0]!.id, result: 'supported', amountFen: total, order: '被申请人于本裁决书生效之日起十日内支付附件所列169名劳动者拖欠的工资', reasoning: '用人单位应当及时足额支付劳动报酬。', articles: '《劳动合同法》第三十条', finalityType: 'wages', decidedDate: today }));
  ok(dispatch(system, 'award.saveDraft', { caseId: c.id, procedure: 'ordinary', appearance: '申请人的代表及被申请人的委托代理人到庭。', applicantStatement: '被申请人拖欠169名劳动者工资。', respondentDefence: '对欠薪金额无异议。', factsFound: '被申请人欠付附件所列劳动者工资。', reasoning: '用人单位应当按时足额支付劳动报酬。' }));
  ok(dispatch(system, 'cases.paperReview', { caseId: c.id, decidedDate: today, reason: '双方同意书面审理' }));

  await page.goto(desk.url);
  await login(page, 'arb1');
  await page.getByRole('menuitem', { name: '案件列表' }).click();
  await page.getByTestId('case-table').getByText(c.caseNumber!).click();
  const panel = page.getByTestId('roster');
  await expect(panel).toContainText('尚未导入名册');

  // a roster with a bad check digit and a duplicate: every bad row named, nothing written
  const bad = roster.slice(0, 20).map((r) => ({ ...r }));
  bad[4]!.idNumber = bad[0]!.idNumber;
  bad[7]!.name = '';
  await panel.getByTestId('roster-file').setInputFiles(writeTemp(await rosterXlsx(bad), 'bad.xlsx'));
  const errors = panel.getByTestId('roster-check-errors');
  await expect(errors).toContainText('名册有 2 处错误，未导入任何一行');
  await expect(errors).toContainText('第6行：公民身份号码与第2行重复');
  await expect(errors).toContainText('第9行：未填写姓名');
  await expect(panel).toContainText('劳动者名册（集体争议）：0 人');

  // the real roster: checked, then imported
  await panel.getByTestId('roster-file').setInputFiles(writeTemp(await rosterXlsx(roster), 'roster.xlsx'));
  await expect(panel.getByTestId('roster-check-ok')).toContainText(`检查通过：169 名劳动者，欠付金额合计 ${formatFen(total)}`);
  await panel.getByRole('button', { name: '确认导入 169 人' }).click();
  await expect(panel).toContainText(`劳动者名册（集体争议）：169 人，请求金额合计 ${formatFen(total)}`);
  await expect(panel.getByTestId('roster-summary')).toContainText('统计人数 169 人');
  const table = panel.getByTestId('roster-table');
  await expect(table.locator('tbody tr')).toHaveCount(50);
  await expect(table).toContainText(maskIdNumber(roster[0]!.idNumber));
  await expect(table).not.toContainText(roster[0]!.idNumber);

  // three representatives with their authorisation
  for (const r of roster.slice(0, 3)) await table.getByLabel(`选择${r.name}`).first().check();
  await panel.getByRole('button', { name: '登记所选 3 人为推举的代表' }).click();
  const dialog = page.getByRole('dialog', { name: '登记推举的代表' });
  await dialog.getByLabel('授权情况').fill('全体劳动者签名的推举书及授权委托书，特别授权');
  await dialog.getByRole('button', { name: '登记' }).click();
  await expect(panel.getByTestId('representatives')).toContainText(`1. ${roster[0]!.name}`);

  // per-worker results, then the award
  await panel.getByRole('button', { name: '逐人裁决：按请求金额填入' }).click();
  await expect(panel.getByTestId('roster-summary')).toContainText(`逐人裁决结果 169/169 人（合计 ${formatFen(total)}）`);
  await page.screenshot({ path: path.join(SHOTS, 'collective-roster.png'), fullPage: false });
  await page.getByTestId('outcomes').getByRole('button', { name: '签发裁决书' }).click();
  await settle(page);
  await page.getByRole('dialog').getByRole('button', { name: '确定' }).click();
  await expect(page.getByTestId('decision-1')).toContainText('已裁决');

  const row = page.getByTestId('documents-panel').locator('tr', { hasText: '裁决书' }).first();
  const [dl] = await Promise.all([page.waitForEvent('download'), row.getByRole('button', { name: 'PDF' }).click()]);
  const pdf = fs.readFileSync((await dl.path())!);
  const pages = pdfText(pdf).split('\f').filter((p) => p.trim());
  const first = pages.findIndex((p) => p.includes('附件：劳动者名单及裁决金额'));
  expect(first).toBeGreaterThan(0);
  const annex = pages.slice(first);
  expect(annex.length).toBeGreaterThanOrEqual(8);
  for (const p of annex) for (const h of ['序号', '姓名', '公民身份号码', '事项', '金额（元）']) expect(flat(p)).toContain(h);
  const lines = annex.join('\n').split('\n').map((l) => l.trim());
  const all = flat(annex.join(''));
  for (const r of roster) {
    expect(all).toContain(r.idNumber);
    expect(all).toContain(r.name);
    expect(lines).toContain(formatFen(r.amountFen!).slice(1));
  }
  const amounts = lines.filter((l) => /^\d{1,3}(,\d{3})*\.\d{2}$/.test(l)).map((l) => Math.round(Number(l.replace(/,/g, '')) * 100));
  expect(amounts).toHaveLength(170);
  expect(amounts.slice(0, -1).reduce((s, x) => s + x, 0)).toBe(amounts.at(-1));
  expect(amounts.at(-1)).toBe(total);
  expect(all).toContain(`本附件列明劳动者共169人，金额合计人民币${formatFen(total).slice(1)}元`);
  fs.writeFileSync(path.join(SHOTS, 'collective-award.pdf'), pdf);
});
