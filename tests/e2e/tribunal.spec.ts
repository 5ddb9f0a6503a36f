import path from 'node:path';
import type { CaseDetail, DeadlineResult, Proceedings } from '../../src/api';
import { addDays, calendarWeek, shanghaiDate } from '../../src/domain';
import { SYSTEM_USER, type ServiceContext, dispatch } from '../../src/services';
import { sampleDraft } from '../helpers/fixtures';
import { SHOTS, expect, test } from './app-fixture';
import { login, pick, settle, typeDate } from './ui-helpers';

const ROOM2 = '0000000000000000000000000000a002';

function ok<T>(r: ReturnType<typeof dispatch>): T {
  if (!r.ok) throw new Error(r.error.message);
  return r.value as T;
}

test('a clerk composes the tribunal, is refused a double booking with the conflict named, schedules, issues the notice, records postal service, and sees the award deadline on the dashboard', async ({ page, desk }) => {
  for (const [u, r] of [['admin', 'admin'], ['clerk1', 'clerk'], ['clerk2', 'clerk'], ['arb1', 'arbitrator']] as const) desk.addUser(u, r);
  const system: ServiceContext = { db: desk.db, session: { user: SYSTEM_USER, system: true }, now: () => new Date() };
  const today = shanghaiDate(new Date());
  // Accept case A long enough ago that its 45-day award deadline falls later this calendar week (本周: to Sunday).
  // On a Saturday or Sunday no working day is left in the week: case A's deadline then falls next week and must not show.
  const awardDue = (accepted: string) => ok<DeadlineResult>(dispatch(system, 'deadlines.compute', { rule: 'award', from: accepted })).dueDate;
  const weekEnd = calendarWeek(today).sunday;
  let acceptedA = addDays(today, -40);
  let inThisWeek = false;
  for (let back = 40; back <= 46; back++) {
    const due = awardDue(addDays(today, -back));
    if (due > today && due <= weekEnd) { acceptedA = addDays(today, -back); inThisWeek = true; break; }
  }
  const make = (accepted: string, name: string) => {
    const d = ok<CaseDetail>(dispatch(system, 'cases.saveDraft', sampleDraft({ receivedDate: addDays(accepted, -1), applicants: [{ kind: 'person', name, idNumber: '11010519491231002X' }] })));
    return ok<CaseDetail>(dispatch(system, 'cases.accept', { id: d.id, acceptanceDate: accepted }));
  };
  const a = make(acceptedA, '张三');
  const b = make(addDays(today, -3), '赵六');
  const users = desk.db.prepare("SELECT id, username FROM users WHERE username IN ('arb1', 'clerk2')").all() as { id: string; username: string }[];
  const id = (u: string) => users.find((x) => x.username === u)!.id;
  ok<Proceedings>(dispatch(system, 'cases.compose', { id: b.id, mode: 'sole', presidingId: id('arb1'), memberIds: [], clerkId: id('clerk2'), composedDate: today }));
  const hearingDay = addDays(today, 2);
  // Two days ahead is inside the 5-day notice period (LDMAL Art 35): a stated reason is needed.
  ok<Proceedings>(dispatch(system, 'hearings.schedule', { caseId: b.id, date: hearingDay, startTime: '09:00', endTime: '11:00', roomId: ROOM2, shortNoticeReason: '双方当事人同意' }));

  await page.goto(desk.url);
  await login(page, 'clerk1');
  await page.getByRole('menuitem', { name: '案件列表' }).click();
  await page.getByTestId('case-table').getByText(a.caseNumber!).click();

  const proc = page.getByTestId('proceedings');
  await proc.getByRole('button', { name: '组庭' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await pick(page, dialog.getByLabel('独任仲裁员'), 'arb1显示名');
  await pick(page, dialog.getByLabel('书记员'), 'clerk1显示名');
  await settle(page);
  await dialog.getByRole('button', { name: '确定' }).click();
  await expect(proc.getByTestId('tribunal')).toContainText('独任仲裁员 arb1显示名；书记员 clerk1显示名');

  await proc.getByRole('button', { name: '安排开庭' }).click();
  await typeDate(dialog.getByLabel('开庭日期'), hearingDay);
  await expect(dialog.getByTestId('short-notice')).toContainText('《劳动争议调解仲裁法》第三十五条');
  await dialog.getByLabel('提前通知不足的理由').fill('双方当事人同意');
  await dialog.getByLabel('开始时间').fill('09:30');
  await dialog.getByLabel('结束时间').fill('10:30');
  await pick(page, dialog.getByLabel('庭室'), '仲裁委员会（本部） 第一仲裁庭');
  // Two days ahead is closer than the 5-day notice (LDMAL Art 35): the dialog asks for the reason.
  await dialog.getByLabel('提前通知不足的理由').fill('双方当事人同意');
  await settle(page);
  await dialog.getByRole('button', { name: '确定' }).click();
  const conflict = `与${b.caseNumber}的开庭（${hearingDay} 09:00–11:00，仲裁委员会（本部）第二仲裁庭）冲突：仲裁员arb1显示名在该时段已有开庭安排`;
  await expect(dialog.getByText(conflict)).toBeVisible();
  await page.screenshot({ path: path.join(SHOTS, 'hearing-conflict.png') });
  await dialog.getByLabel('开始时间').fill('14:00');
  await dialog.getByLabel('结束时间').fill('16:00');
  await settle(page);
  await dialog.getByRole('button', { name: '确定' }).click();
  await expect(proc.getByTestId('hearings')).toContainText(`${hearingDay}14:00–16:00仲裁委员会（本部） 第一仲裁庭待开庭`);

  const docs = page.getByTestId('documents-panel');
  await docs.getByRole('button', { name: '生成文书' }).click();
  const gen = page.getByRole('dialog', { name: '生成文书' });
  await pick(page, gen.getByLabel('文书种类'), '仲裁庭组成及开庭通知书');
  await settle(page);
  await gen.getByRole('button', { name: '签发' }).click();
  await gen.getByTestId('issue-confirm').getByRole('button', { name: '确认签发' }).click();
  await expect(gen.getByTestId('issued-result')).toContainText('已签发仲裁庭组成及开庭通知书（第1版');
  await gen.getByRole('button', { name: '完成' }).click();
  await expect(docs.getByTestId('documents')).toContainText('仲裁庭组成及开庭通知书');

  await docs.getByTestId('documents').getByRole('button', { name: '登记送达' }).click();
  await pick(page, dialog.getByLabel('送达方式'), '邮寄送达');
  await expect(dialog).toContainText('以回执上注明的收件日期为送达日期');
  await typeDate(dialog.getByLabel('交邮日期'), today);
  await settle(page);
  await dialog.getByRole('button', { name: '确定' }).click();
  await expect(dialog.getByText('邮寄送达须登记回执上的收件日期')).toBeVisible();
  await typeDate(dialog.getByLabel('回执上的收件日期'), today);
  await settle(page);
  await dialog.getByRole('button', { name: '确定' }).click();
  await expect(docs.getByTestId('documents')).toContainText(`张三：邮寄送达，送达日期 ${today}`);
  // Case A has two parties (张三 and the employer); one is now served.
  await expect(page.getByTestId('deadline-hearing-notice')).toContainText('尚有 1 名当事人未送达');
  await page.screenshot({ path: path.join(SHOTS, 'tribunal-hearing-service.png'), fullPage: true });

  await page.getByRole('menuitem', { name: '工作台' }).click();
  const row = page.getByTestId('dash-week').locator('tr', { hasText: a.caseNumber! }).filter({ hasText: '审理期限' });
  if (inThisWeek) {
    await expect(row).toContainText(awardDue(acceptedA));
    await expect(row).toContainText('《劳动争议调解仲裁法》第四十三条');
    await row.getByText(awardDue(acceptedA)).hover();
    await expect(page.locator('.ant-popover')).toContainText(`起算日 ${acceptedA} 不计入`);
  } else {
    await expect(page.getByRole('heading', { name: /工作台/ })).toBeVisible();
    await expect(row).toHaveCount(0);
  }
  await page.screenshot({ path: path.join(SHOTS, 'dashboard.png'), fullPage: true });

  await page.getByRole('menuitem', { name: '开庭排期' }).click();
  await typeDate(page.getByLabel('查看日期'), hearingDay);
  await expect(page.getByTestId('hearing-schedule')).toContainText(a.caseNumber!);
  await expect(page.getByTestId('hearing-schedule')).toContainText(b.caseNumber!);
});
