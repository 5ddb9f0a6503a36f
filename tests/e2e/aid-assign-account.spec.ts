import type { UserView } from '../../src/api';
import { shanghaiDate } from '../../src/domain';
import { SYSTEM_USER, dispatch } from '../../src/services';
import { expect, test } from './app-fixture';
import { login, pick, settle } from './ui-helpers';

const today = shanghaiDate(new Date());

/**
 * Need-to-know from the forms (issue 12 item 2): the legal-aid centre's 指派律师 dialog offers the active lawyer
 * accounts (the duty lawyer preselected) and sends the chosen one as aid.assign's lawyerUserId; the name on the
 * 指派通知书 follows the account.
 */
test('the legal-aid centre assigns a lawyer chosen among the lawyer accounts; the account is stored with the assignment', async ({ page, desk }) => {
  desk.addUser('admin', 'admin');
  desk.addUser('window1', 'window');
  desk.addUser('lawyer1', 'lawyer');
  desk.addUser('lawyer2', 'lawyer');
  desk.addUser('centre1', 'aid_centre');
  const system = { db: desk.db, session: { user: SYSTEM_USER, system: true }, now: () => new Date() };
  const run = <T,>(op: string, input: unknown): T => {
    const r = dispatch(system, op as never, input as never);
    if (!r.ok) throw new Error(r.error.message);
    return r.value as T;
  };
  const id = (u: string) => run<UserView[]>('users.list', {}).find((x) => x.username === u)!.id;
  run('duty.set', { date: today, lawyerId: id('lawyer1'), staffId: id('window1'), lawFirm: '四川蓉城律师事务所' });
  const c = run<{ id: string }>('consultations.create', { window: 'migrant', personName: '王小明', disputeType: 'wages', summary: '欠薪三个月' });
  const aid = run<{ id: string }>('aid.apply', { consultationId: c.id, matter: 'labour_remuneration', eligibility: 'exempt_check', receivedDate: today });
  run('aid.decide', { id: aid.id, decision: 'approved', decisionDate: today });

  await page.goto(desk.url);
  await login(page, 'centre1');
  await expect(page.getByRole('heading', { name: '法律援助工作站' })).toBeVisible();
  await page.getByTestId('queue').getByText('王小明').click();
  await page.getByRole('button', { name: '指派律师' }).click();
  await settle(page);
  const dialog = page.getByRole('dialog');
  // The duty lawyer is preselected, by account and by name, as before.
  await expect(dialog.getByLabel('法律援助律师', { exact: true })).toHaveValue('lawyer1显示名');
  await expect(dialog.locator('.ant-select', { has: page.getByLabel('指派律师账号') })).toContainText('lawyer1显示名');
  // Another lawyer account is chosen: the name follows.
  await pick(page, dialog.getByLabel('指派律师账号'), 'lawyer2显示名');
  await expect(dialog.getByLabel('法律援助律师', { exact: true })).toHaveValue('lawyer2显示名');
  await dialog.getByRole('button', { name: '确定' }).click();
  await expect(page.getByTestId('aid-status')).toContainText('已指派 lawyer2显示名（四川蓉城律师事务所');
  const row = desk.db.prepare('SELECT assigned_user_id AS u, assigned_lawyer AS name FROM aid_applications WHERE id = ?').get(aid.id) as { u: string | null; name: string };
  expect(row).toEqual({ u: id('lawyer2'), name: 'lawyer2显示名' });
});
