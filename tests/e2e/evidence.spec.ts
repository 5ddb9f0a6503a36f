import type { CaseDetail } from '../../src/api';
import { addDays, shanghaiDate } from '../../src/domain';
import { SYSTEM_USER, dispatch } from '../../src/services';
import { sampleDraft } from '../helpers/fixtures';
import { SHOTS, expect, test } from './app-fixture';
import { login, pick, settle } from './ui-helpers';

const today = shanghaiDate(new Date());

/** issue 11 item 6: a clerk records the evidence a party hands in on the case page and issues the 证据收据 from it. */
test('a clerk records a party’s evidence on the case page, a wrong entry is refused in Chinese, and the receipt is issued from the record', async ({ page, desk }) => {
  desk.addUser('admin', 'admin');
  desk.addUser('clerk1', 'clerk');
  const system = { db: desk.db, session: { user: SYSTEM_USER, system: true }, now: () => new Date() };
  const d = dispatch(system, 'cases.saveDraft', sampleDraft({ receivedDate: addDays(today, -3) }));
  if (!d.ok) throw new Error(d.error.message);
  const a = dispatch(system, 'cases.accept', { id: (d.value as CaseDetail).id, acceptanceDate: addDays(today, -2) });
  if (!a.ok) throw new Error(a.error.message);
  const c = a.value as CaseDetail;

  await page.goto(desk.url);
  await login(page, 'clerk1');
  await page.getByRole('menuitem', { name: '案件列表' }).click();
  await page.getByTestId('case-table').getByText(c.caseNumber!).click();
  const card = page.getByTestId('evidence-card');
  await expect(card).toContainText('尚未登记受理后提交的证据材料');
  await card.getByRole('button', { name: '登记证据材料' }).click();
  const dialog = page.getByRole('dialog', { name: '登记证据材料' });
  await pick(page, dialog.getByLabel('提交人'), '申请人 张三');
  // no purpose: refused beside the field, nothing recorded
  await dialog.getByPlaceholder('证据名称').fill('劳动合同');
  await dialog.getByRole('button', { name: '确认登记' }).click();
  await expect(dialog).toContainText('请填写证明目的');
  await dialog.getByPlaceholder('证明目的').fill('证明双方存在劳动关系');
  await dialog.getByPlaceholder('页数').fill('4');
  await settle(page);
  await dialog.getByRole('button', { name: '确认登记' }).click();
  await expect(dialog).toBeHidden();
  await expect(card.getByTestId('evidence-submission')).toContainText('申请人 张三');
  await expect(card.getByTestId('evidence-submission')).toContainText('劳动合同');
  await page.screenshot({ path: `${SHOTS}/evidence-card.png`, fullPage: true });

  // the receipt is issued from the record, then printed
  await card.getByRole('button', { name: '出具证据收据' }).click();
  await expect(card.getByRole('button', { name: '打印证据收据' })).toBeVisible();
  await expect(page.getByTestId('documents-panel')).toContainText('证据收据（证据清单）');
});
