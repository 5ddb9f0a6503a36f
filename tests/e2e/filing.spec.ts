import path from 'node:path';
import { shanghaiDate } from '../../src/domain';
import { SHOTS, expect, test } from './app-fixture';
import { login, pick, typeDate } from './ui-helpers';

test('first start: create the administrator, add a clerk, the clerk logs in', async ({ page, desk }) => {
  await page.goto(desk.url);
  await expect(page.getByText('请先创建系统管理员账号')).toBeVisible();
  await page.getByLabel('管理员用户名').fill('admin');
  await page.getByLabel('姓名').fill('系统管理员甲');
  await page.getByLabel('密码', { exact: true }).fill('admin-pass-1');
  await page.getByLabel('再次输入密码').fill('admin-pass-1');
  await page.getByRole('button', { name: '创建管理员并进入' }).click();
  await expect(page.getByRole('heading', { name: '用户管理' })).toBeVisible();
  await page.getByLabel('用户名').fill('clerk1');
  await page.getByLabel('姓名').fill('刘书记');
  await page.getByLabel('初始密码').fill('clerk-pass-1');
  await page.getByRole('button', { name: '添加', exact: true }).click();
  await expect(page.getByRole('cell', { name: '刘书记' })).toBeVisible();
  await page.getByRole('button', { name: '退出' }).click();
  await login(page, 'clerk1', 'wrong-password');
  await expect(page.getByText('用户名或密码错误')).toBeVisible();
  await login(page, 'clerk1', 'clerk-pass-1');
  await expect(page.getByTestId('current-user')).toHaveText('刘书记（书记员）');
});

test('a clerk files a case with 2 applicants and 3 claims, accepts it, and finds it by name and case number', async ({ page, desk }) => {
  desk.addUser('admin', 'admin');
  desk.addUser('clerk1', 'clerk');
  await page.goto(desk.url);
  await login(page, 'clerk1', 'password-1');
  await expect(page.getByRole('heading', { name: /工作台/ })).toBeVisible();
  await page.getByRole('menuitem', { name: '案件列表' }).click();
  await expect(page.getByRole('heading', { name: '案件列表' })).toBeVisible();

  // The bundled CJK font is what renders the Chinese text.
  const fontOk = await page.evaluate(async () => {
    await document.fonts.ready;
    return document.fonts.check('16px "Desk Noto Sans SC"', '劳动仲裁工作台') && [...document.fonts].some((f) => f.family.includes('Desk Noto Sans SC') && f.status === 'loaded');
  });
  expect(fontOk).toBe(true);

  await page.getByRole('menuitem', { name: '新建仲裁申请' }).click();
  await expect(page.getByRole('heading', { name: '新建仲裁申请' })).toBeVisible();

  const a0 = page.getByTestId('applicants-0');
  await a0.getByLabel('姓名', { exact: true }).fill('张三');
  // A wrong check digit is refused beside the field, and saving stores nothing.
  await a0.getByLabel('证件号码', { exact: true }).fill('110105194912310021');
  await a0.getByLabel('证件号码', { exact: true }).blur();
  await expect(a0.getByText('居民身份证号码校验位错误，请核对（GB 11643）')).toBeVisible();

  await page.getByRole('button', { name: '添加申请人' }).click();
  const a1 = page.getByTestId('applicants-1');
  await a1.getByLabel('姓名', { exact: true }).fill('李四');
  await a1.getByLabel('证件号码', { exact: true }).fill('51012319900101123X');
  await a1.getByLabel('证件号码', { exact: true }).blur();
  await expect(a1.getByLabel('性别', { exact: true })).toBeVisible();
  await a1.getByLabel('联系电话').fill('13900000000');

  const r0 = page.getByTestId('respondents-0');
  await r0.getByLabel('单位名称').fill('成都信达电子有限公司');
  await r0.getByLabel('统一社会信用代码').fill('91350100M000100Y43');
  await r0.getByLabel('法定代表人/主要负责人').fill('赵总');

  const claims = [
    ['劳动报酬', '12500', '支付2026年6月至9月拖欠工资12500元'],
    ['经济补偿', '9000.50', '支付解除劳动合同经济补偿9000.50元'],
    ['确认劳动关系', '', '确认双方存在劳动关系'],
  ] as const;
  for (const [i, [type, amount, text]] of claims.entries()) {
    if (i > 0) await page.getByRole('button', { name: '添加请求' }).click();
    const row = page.getByTestId(`claims-${i}`);
    await pick(page, row.getByLabel('请求类型', { exact: true }), type);
    if (amount) await row.getByLabel('金额（元）').fill(amount);
    await row.getByLabel('请求内容').fill(text);
  }

  await page.getByRole('button', { name: /保存草稿/ }).click();
  await expect(page.getByTestId('form-error')).toContainText('未保存');
  expect(desk.countCases()).toBe(0);

  await a0.getByLabel('证件号码', { exact: true }).fill('11010519491231002X');
  await a0.getByLabel('证件号码', { exact: true }).blur();
  await expect(a0.getByText('居民身份证号码校验位错误，请核对（GB 11643）')).toHaveCount(0);
  await page.screenshot({ path: path.join(SHOTS, 'filing-form.png'), fullPage: true });
  await page.keyboard.press('Control+s');

  await expect(page.getByTestId('case-title')).toContainText('仲裁申请（未受理）');
  expect(desk.countCases()).toBe(1);
  await expect(page.getByTestId('related-cases')).toContainText('未发现');
  await expect(page.getByTestId('claims-table')).toContainText('¥9,000.50');
  await page.getByRole('button', { name: '受理并编号' }).click();
  const year = shanghaiDate(new Date()).slice(0, 4);
  const caseNumber = `温劳人仲案字〔${year}〕第1号`;
  await expect(page.getByTestId('case-title')).toContainText(caseNumber);
  await expect(page.getByTestId('timeline')).toContainText(`受理，案号 ${caseNumber}`);
  await page.screenshot({ path: path.join(SHOTS, 'case-page.png'), fullPage: true });

  await page.getByRole('menuitem', { name: '案件列表' }).click();
  const search = page.getByLabel('搜索案件');
  await search.fill('李四');
  await expect(page.getByTestId('case-count')).toHaveText('共 1 件');
  const table = page.getByTestId('case-table');
  await expect(table).toContainText(caseNumber);
  await expect(table).toContainText('510123********123X');
  await expect(table).not.toContainText('51012319900101123X');
  await search.fill('王五');
  await expect(page.getByTestId('case-count')).toHaveText('共 0 件');
  await search.fill(caseNumber);
  await expect(page.getByTestId('case-count')).toHaveText('共 1 件');
  await expect(table).toContainText('张三、李四');
  await page.screenshot({ path: path.join(SHOTS, 'case-list.png'), fullPage: true });
  await table.getByText(caseNumber).click();
  await expect(page.getByTestId('case-title')).toContainText(caseNumber);
});

test('a clerk cannot accept when acceptance is reserved to arbitrators', async ({ page, desk }) => {
  desk.addUser('admin', 'admin');
  desk.addUser('clerk1', 'clerk');
  desk.db.prepare("INSERT INTO settings (key, value, updated_at, updated_by) VALUES ('acceptanceReservedToArbitrators', 'true', 'x', '00000000000000000000000000000000')").run();
  await page.goto(desk.url);
  await login(page, 'clerk1', 'password-1');
  await page.getByRole('menuitem', { name: '新建仲裁申请' }).click();
  const a0 = page.getByTestId('applicants-0');
  await a0.getByLabel('姓名', { exact: true }).fill('王五');
  await a0.getByLabel('证件号码', { exact: true }).fill('510124198805052215');
  const r0 = page.getByTestId('respondents-0');
  await r0.getByLabel('单位名称').fill('成都某公司');
  await r0.getByLabel('统一社会信用代码').fill('91350100M000100Y44');
  await expect(r0.getByText('统一社会信用代码校验位错误，请核对（GB 32100）')).toBeVisible();
  await r0.getByLabel('统一社会信用代码').fill('91350100M000100Y43');
  await expect(r0.getByText('统一社会信用代码校验位错误，请核对（GB 32100）')).toHaveCount(0);
  const row = page.getByTestId('claims-0');
  await pick(page, row.getByLabel('请求类型', { exact: true }), '加班费');
  await row.getByLabel('金额（元）').fill('3000');
  await row.getByLabel('请求内容').fill('支付加班费');
  // The limitation facts: the worker knew two years before filing, so the case page warns (and never refuses).
  await row.getByText('登记仲裁时效信息').click();
  await typeDate(row.getByLabel('知道或应当知道权利被侵害之日'), '2024-06-03');
  await page.getByRole('button', { name: /保存草稿/ }).click();
  await expect(page.getByTestId('limitation-warning')).toContainText('可能已超过一年仲裁时效');
  await expect(page.getByTestId('limitation-0')).toContainText('可能已超过时效（2025-06-03届满）');
  await expect(page.getByTestId('acceptance-panel')).toContainText('本委设置为仅仲裁员可作出受理或不予受理决定');
  await expect(page.getByRole('button', { name: '受理并编号' })).toHaveCount(0);
});
