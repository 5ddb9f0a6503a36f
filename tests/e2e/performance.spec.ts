import path from 'node:path';
import type { CaseDetail, Proceedings, UserView } from '../../src/api';
import { addDays, shanghaiDate } from '../../src/domain';
import { SYSTEM_USER, dispatch } from '../../src/services';
import { sampleDraft } from '../helpers/fixtures';
import { decideAndIssueSampleAward } from '../helpers/outcomes';
import { SHOTS, expect, test } from './app-fixture';
import { login, pick, settle } from './ui-helpers';

const today = shanghaiDate(new Date());

/**
 * Issue 16 (remaining point 2): the clerk records that the employer has not paid the award by its due date and has been
 * taken to court for enforcement (LDMAL Art 51); the employer's grade rises in the same save.
 */
test('a clerk records an award not paid by its due date with the application for enforcement; the employer becomes 隐患企业', async ({ page, desk }) => {
  test.setTimeout(120_000);
  desk.addUser('admin', 'admin');
  desk.addUser('arb1', 'arbitrator');
  desk.addUser('clerk1', 'clerk');
  // setup the test is not about: a case decided by award, served on every party and closed
  const system = { db: desk.db, session: { user: SYSTEM_USER, system: true }, now: () => new Date() };
  const ok = <T,>(r: ReturnType<typeof dispatch>) => {
    if (!r.ok) throw new Error(r.error.message);
    return r.value as T;
  };
  const d = ok<CaseDetail>(dispatch(system, 'cases.saveDraft', sampleDraft({ receivedDate: addDays(today, -30) })));
  const c = ok<CaseDetail>(dispatch(system, 'cases.accept', { id: d.id, acceptanceDate: addDays(today, -29) }));
  const users = ok<UserView[]>(dispatch(system, 'users.list', {}));
  ok(dispatch(system, 'cases.compose', { id: c.id, mode: 'sole', presidingId: users.find((u) => u.username === 'arb1')!.id, memberIds: [], clerkId: users.find((u) => u.username === 'clerk1')!.id, composedDate: addDays(today, -29) }));
  await decideAndIssueSampleAward(system, c, addDays(today, -6));
  for (const doc of ok<Proceedings>(dispatch(system, 'cases.proceedings', { id: c.id })).documents.filter((x) => x.kind === 'award')) {
    for (const p of [...c.applicants, ...c.respondents]) ok(dispatch(system, 'documents.serve', { documentId: doc.id, partyId: p.id, method: 'direct', sentDate: addDays(today, -5), receiptDate: addDays(today, -5) }));
  }
  ok(dispatch(system, 'cases.close', { caseId: c.id, method: 'award', closedDate: addDays(today, -4) }));

  await page.goto(desk.url);
  await login(page, 'clerk1');
  await page.getByRole('menuitem', { name: '案件列表' }).click();
  await page.getByTestId('case-table').getByText(c.caseNumber!).click();
  const card = page.getByTestId('performance');
  await expect(card).toContainText('裁决书履行情况');
  await expect(card).toContainText('尚未登记');
  await expect(page.getByText('隐患企业')).toHaveCount(0);

  await card.getByRole('button', { name: '登记履行情况' }).click();
  const dialog = page.getByRole('dialog', { name: '登记裁决书履行情况' });
  await settle(page);
  await dialog.getByLabel('裁决书规定的履行期限').fill(addDays(today, -2));
  await dialog.getByLabel('裁决书规定的履行期限').press('Tab');
  await pick(page, dialog.getByLabel('履行情况'), '未履行');
  await dialog.getByLabel('申请强制执行日期（未申请不填）').fill(addDays(today, -2));
  await dialog.getByLabel('申请强制执行日期（未申请不填）').press('Tab');
  await dialog.getByRole('button', { name: '保存' }).click();
  // enforcement on the due date itself: refused with the article
  await expect(dialog).toContainText('届满后，当事人方可申请人民法院强制执行（《劳动争议调解仲裁法》第五十一条）', { timeout: 15_000 });
  await dialog.getByLabel('申请强制执行日期（未申请不填）').fill(addDays(today, -1));
  await dialog.getByLabel('申请强制执行日期（未申请不填）').press('Tab');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toContainText('请填写受理强制执行申请的人民法院', { timeout: 15_000 }); // the server's answer; slow when the machine is loaded
  await dialog.getByLabel('受理申请的人民法院').fill('成都市温江区人民法院');
  await dialog.getByLabel('说明').fill('申请人来电称被申请人至今未支付');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  await expect(card).toContainText('逾期未履行');
  await expect(card).toContainText('成都市温江区人民法院');
  expect((desk.db.prepare('SELECT COUNT(*) AS n FROM performance_records').get() as { n: number }).n).toBe(1);

  // the employer's grade rose in the same save, with the reason and its cause
  const grade = desk.db.prepare("SELECT g.grade, g.reasons FROM employer_grades g JOIN employers e ON e.id = g.employer_id WHERE e.name = '成都信达电子有限公司' ORDER BY g.rowid DESC LIMIT 1").get() as { grade: string; reasons: string };
  expect(grade.grade).toBe('hazard');
  expect(JSON.parse(grade.reasons)).toEqual(expect.arrayContaining(['现有裁决或调解协议逾期未履行1件（达到1件）', `变动原因：登记履行情况（${today}）`]));
  await page.reload();
  await expect(page.getByText('隐患企业').first()).toBeVisible();
  await page.screenshot({ path: path.join(SHOTS, 'performance-card.png'), fullPage: true });
});
