import path from 'node:path';
import { shanghaiDate } from '../../src/domain';
import { selectDatedSettings } from '../../src/db/queries/supervision';
import { SHOTS, expect, test } from './app-fixture';
import { login, settle } from './ui-helpers';

/**
 * Issue 16 (remaining point 1): the grade and warning rules are dated settings. The administrator sees the version in
 * force and the history, adds a new version from a date with its basis; bad input is refused in Chinese and writes nothing.
 */
test('the administrator adds a dated version of the grade rules with its basis; bad input is refused in Chinese and changes nothing', async ({ page, desk }) => {
  test.setTimeout(120_000);
  desk.addUser('admin', 'admin');
  desk.addUser('arb1', 'arbitrator');
  const day = shanghaiDate(new Date());

  await page.goto(desk.url);
  await login(page, 'admin');
  await page.getByRole('menuitem', { name: '用人单位' }).click();
  await page.getByRole('tab', { name: '规则' }).click();
  const grades = page.getByTestId('rule-supervision.gradeRules');
  await expect(grades.getByTestId('rule-history-supervision.gradeRules')).toContainText('2020-01-01');
  await expect(grades).toContainText('现行');
  await expect(grades).toContainText('巡查频次：一般企业每365日，重点企业每180日，隐患企业每90日');

  await grades.getByRole('button', { name: '新增施行版本' }).click();
  const dialog = page.getByRole('dialog', { name: /新增施行版本/ });
  await settle(page);
  // the form starts from the version in force
  await expect(dialog.getByLabel('重点企业：涉及欠薪劳动者（人）')).toHaveValue('5');
  await expect(dialog.getByLabel('隐患企业：涉及欠薪金额（元）')).toHaveValue('200000.00');

  // nothing filled: the date and the basis are required
  await dialog.getByRole('button', { name: '保存新版本' }).click();
  await expect(dialog).toContainText('请填写施行日期');
  await expect(dialog).toContainText('请填写依据');

  // a malformed amount is refused beside its field
  await dialog.getByLabel('施行日期').fill(day);
  await dialog.getByLabel('施行日期').press('Tab');
  await dialog.getByLabel('依据（文件名称、文号）').fill('温人社发〔2026〕18号 关于调整企业劳动保障守法诚信分级标准的通知');
  await dialog.getByLabel('重点企业：涉及欠薪劳动者（人）').fill('3');
  await dialog.getByLabel('隐患企业：涉及欠薪金额（元）').fill('15万');
  await dialog.getByRole('button', { name: '保存新版本' }).click();
  await expect(dialog).toContainText('金额只能填写数字');
  await dialog.getByLabel('隐患企业：涉及欠薪金额（元）').fill('150000');

  // a hazard employer visited less often than a key one: refused by the server, the message beside the field
  await dialog.getByLabel('隐患企业巡查间隔（日）').fill('200');
  await dialog.getByRole('button', { name: '保存新版本' }).click();
  await expect(dialog).toContainText('隐患企业的巡查间隔不能长于重点企业');
  expect(selectDatedSettings(desk.db, 'supervision.gradeRules')).toHaveLength(0);

  await dialog.getByLabel('隐患企业巡查间隔（日）').fill('60');
  await dialog.getByRole('button', { name: '保存新版本' }).click();
  await expect(page.getByText(`已新增企业分级标准与巡查频次（自${day}起施行）`)).toBeVisible();
  await expect(dialog).toBeHidden();

  const stored = selectDatedSettings(desk.db, 'supervision.gradeRules');
  expect(stored).toHaveLength(1);
  expect(stored[0]).toMatchObject({ valid_from: day, basis: '温人社发〔2026〕18号 关于调整企业劳动保障守法诚信分级标准的通知' });
  const value = JSON.parse(stored[0]!.value);
  expect(value.key.arrearsWorkers).toBe(3);
  expect(value.hazard.arrearsFen).toBe(15_000_000);
  expect(value.visitEveryDays).toEqual({ general: 365, key: 180, hazard: 60 });

  // the history: the new version is in force, the shipped one stays below it
  const history = grades.getByTestId('rule-history-supervision.gradeRules');
  const rows = history.locator('tbody tr');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText(day);
  await expect(rows.nth(0)).toContainText('现行');
  await expect(rows.nth(0)).toContainText('温人社发〔2026〕18号');
  await expect(rows.nth(0)).toContainText('隐患企业每60日');
  await expect(rows.nth(1)).toContainText('2020-01-01');
  await expect(rows.nth(1)).toContainText('已被替代');

  // a second version on the same date is refused
  await grades.getByRole('button', { name: '新增施行版本' }).click();
  await settle(page);
  await dialog.getByLabel('施行日期').fill(day);
  await dialog.getByLabel('施行日期').press('Tab');
  await dialog.getByLabel('依据（文件名称、文号）').fill('重复');
  await dialog.getByRole('button', { name: '保存新版本' }).click();
  await expect(dialog).toContainText(`该规则已有自${day}起施行的版本`);
  expect(selectDatedSettings(desk.db, 'supervision.gradeRules')).toHaveLength(1);
  await page.screenshot({ path: path.join(SHOTS, 'supervision-rules-editor.png'), fullPage: true });
  await dialog.getByRole('button', { name: '取消' }).click();

  // the warning rules: switching one rule off needs no values, the new version says so
  const warnings = page.getByTestId('rule-supervision.warningRules');
  await warnings.getByRole('button', { name: '新增施行版本' }).click();
  await settle(page);
  await dialog.getByLabel('施行日期').fill(day);
  await dialog.getByLabel('施行日期').press('Tab');
  await dialog.getByLabel('依据（文件名称、文号）').fill('本委欠薪预警工作制度（2026年修订）');
  await dialog.getByLabel('集中反映人数').fill('1');
  await dialog.getByRole('button', { name: '保存新版本' }).click();
  await expect(dialog).toContainText('人数至少为2');
  await dialog.getByLabel('集中反映人数').fill('5');
  await dialog.getByRole('switch', { name: '启用金额预警' }).click();
  await dialog.getByRole('button', { name: '保存新版本' }).click();
  await expect(dialog).toBeHidden();
  const w = JSON.parse(selectDatedSettings(desk.db, 'supervision.warningRules')[0]!.value);
  expect(w.cluster).toEqual({ workers: 5, withinDays: 7 });
  expect(w.amount).toBeNull();
  await expect(warnings.locator('tbody tr').nth(0)).toContainText('7日内5名以上劳动者反映同一单位欠薪');
  await page.screenshot({ path: path.join(SHOTS, 'supervision-rules-history.png'), fullPage: true });

  // an arbitrator reads the rules but has no button to change them
  await page.getByRole('button', { name: '退出' }).click();
  await login(page, 'arb1');
  await page.getByRole('menuitem', { name: '用人单位' }).click();
  await page.getByRole('tab', { name: '规则' }).click();
  await expect(page.getByTestId('rule-supervision.gradeRules')).toContainText('温人社发〔2026〕18号');
  await expect(page.getByRole('button', { name: '新增施行版本' })).toHaveCount(0);
});
