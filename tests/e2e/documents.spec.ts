import fs from 'node:fs';
import path from 'node:path';
import type { CaseDetail } from '../../src/api';
import { addDays, shanghaiDate } from '../../src/domain';
import { SYSTEM_USER, dispatch } from '../../src/services';
import { flat, pdfInfo, pdfText } from '../helpers/documents';
import { sampleDraft } from '../helpers/fixtures';
import { SHOTS, expect, test } from './app-fixture';
import { login, pick, settle, typeDate } from './ui-helpers';

const today = shanghaiDate(new Date());

function acceptedCase(desk: { db: import('../../src/db/open').Db }, names: [string, string] = ['张三', '李四']) {
  const system = { db: desk.db, session: { user: SYSTEM_USER, system: true }, now: () => new Date() };
  const draft = sampleDraft({ receivedDate: addDays(today, -3) });
  draft.applicants[0] = { ...draft.applicants[0]!, name: names[0] } as (typeof draft.applicants)[number];
  draft.applicants[1] = { ...draft.applicants[1]!, name: names[1] } as (typeof draft.applicants)[number];
  const d = dispatch(system, 'cases.saveDraft', draft);
  if (!d.ok) throw new Error(d.error.message);
  const a = dispatch(system, 'cases.accept', { id: (d.value as CaseDetail).id, acceptanceDate: addDays(today, -2) });
  if (!a.ok) throw new Error(a.error.message);
  return a.value as CaseDetail;
}

test('a clerk generates an acceptance notice, previews it in the app, issues it, saves PDF and DOCX, and re-issues it with a reason', async ({ page, desk }) => {
  desk.addUser('admin', 'admin');
  desk.addUser('clerk1', 'clerk');
  const c = acceptedCase(desk, ['李喆', '王堃']);
  await page.goto(desk.url);
  await login(page, 'clerk1');
  await page.getByRole('menuitem', { name: '案件列表' }).click();
  await page.getByTestId('case-table').getByText(c.caseNumber!).click();

  const panel = page.getByTestId('documents-panel');
  await panel.getByRole('button', { name: '生成文书' }).click();
  const gen = page.getByRole('dialog', { name: '生成文书' });
  // kinds that do not fit the stage are offered disabled, with the reason
  await gen.getByLabel('文书种类').click();
  await expect(page.locator('.ant-select-item-option-disabled', { hasText: '补正通知书（适用于草稿（待审查）的案件）' })).toBeVisible();
  await page.keyboard.press('Escape');
  // a second Escape while the list is still closing would close the dialog
  await expect(page.locator('.ant-select-dropdown:visible')).toHaveCount(0);
  await pick(page, gen.getByLabel('文书种类'), '受理通知书');
  await expect(gen).toContainText('《法律援助法》第三十五条');
  await settle(page);
  await gen.getByRole('button', { name: '预览' }).click();
  const preview = gen.getByTestId('pdf-preview');
  await expect(preview).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
  await expect(gen.getByTestId('preview-pages')).toContainText('受理通知书预览：共 2 页（A4）');
  await expect(preview.locator('canvas')).toHaveCount(2);
  // the first page really has ink on it (the title and text were drawn, not an empty canvas)
  const inked = await preview.locator('canvas').first().evaluate((cv: HTMLCanvasElement) => {
    const d = cv.getContext('2d')!.getImageData(0, 0, cv.width, cv.height).data;
    let dark = 0;
    for (let i = 0; i < d.length; i += 4) if (d[i]! < 128) dark++;
    return dark;
  });
  expect(inked).toBeGreaterThan(2000);
  await page.screenshot({ path: path.join(SHOTS, 'document-preview.png') });

  await settle(page);
  await gen.getByRole('button', { name: '签发' }).click();
  // 签发 asks first, showing exactly what the register will record
  const confirm = gen.getByTestId('issue-confirm');
  await expect(confirm).toContainText('受送达人李喆、王堃');
  await expect(confirm).toContainText('版本第1版（新签发）');
  await expect(confirm).toContainText(`文号${c.caseNumber!}`);
  await expect(confirm).toContainText(`签发日期${today}`);
  await expect(confirm).toContainText('页数2 页（A4）');
  await page.screenshot({ path: path.join(SHOTS, 'document-issue-confirm.png') });
  await confirm.getByRole('button', { name: '确认签发' }).click();
  await expect(gen.getByTestId('issued-result')).toContainText('已签发受理通知书（第1版，2 页）');
  const [pdfDownload] = await Promise.all([page.waitForEvent('download'), gen.getByRole('button', { name: '保存 PDF' }).click()]);
  expect(pdfDownload.suggestedFilename()).toBe(`${c.caseNumber!.replace('〔', '(').replace('〕', ')')}-受理通知书.pdf`);
  const pdf = fs.readFileSync((await pdfDownload.path())!);
  expect(pdfInfo(pdf).pageSize).toContain('A4');
  const text = flat(pdfText(pdf));
  expect(text).toContain(c.caseNumber!);
  expect(text).toContain('李喆');
  expect(text).toContain('王堃');
  const [docxDownload] = await Promise.all([page.waitForEvent('download'), gen.getByRole('button', { name: '保存 DOCX' }).click()]);
  expect(docxDownload.suggestedFilename()).toMatch(/受理通知书\.docx$/);
  expect(fs.readFileSync((await docxDownload.path())!).subarray(0, 2).toString()).toBe('PK');
  await gen.getByRole('button', { name: '完成' }).click();

  // the same notice again is refused, with the reason; nothing new in the register
  await panel.getByRole('button', { name: '生成文书' }).click();
  await pick(page, gen.getByLabel('文书种类'), '受理通知书');
  await settle(page);
  await gen.getByRole('button', { name: '签发' }).click();
  await gen.getByTestId('issue-confirm').getByRole('button', { name: '确认签发' }).click();
  await expect(gen.getByTestId('generate-error')).toContainText('本案已签发内容相同的受理通知书（第1版');
  await page.keyboard.press('Escape');
  await expect(panel.getByTestId('documents').locator('tbody tr')).toHaveCount(1);

  const v1 = panel.getByTestId('document-acceptance_notice-v1');
  await expect(v1).toContainText('第1版，2页');
  await v1.getByRole('button', { name: '重新签发' }).click();
  const re = page.getByRole('dialog', { name: /重新签发受理通知书/ });
  await settle(page);
  await re.getByRole('button', { name: '确定' }).click();
  await expect(re.getByText('请填写重新签发的理由')).toBeVisible();
  await re.getByLabel('重新签发的理由').fill('申请人姓名核对后更正送达地址');
  await typeDate(re.getByLabel('签发日期'), today);
  await settle(page);
  await re.getByRole('button', { name: '确定' }).click();
  await expect(panel.getByTestId('document-acceptance_notice-v2')).toContainText('理由：申请人姓名核对后更正送达地址');
  await expect(v1).toContainText('已被新版本取代');
  // the first version's file is still there, byte for byte
  const [old] = await Promise.all([page.waitForEvent('download'), v1.getByRole('button', { name: 'PDF' }).click()]);
  expect(fs.readFileSync((await old.path())!).equals(pdf)).toBe(true);
  await page.screenshot({ path: path.join(SHOTS, 'document-register.png'), fullPage: true });
});

test('a clerk issues the same notice for several cases at once, sees the progress and a summary naming the case that failed', async ({ page, desk }) => {
  desk.addUser('admin', 'admin');
  desk.addUser('clerk1', 'clerk');
  const cases = [acceptedCase(desk), acceptedCase(desk, ['赵六', '钱七']), acceptedCase(desk, ['孙八', '周九'])];
  const system = { db: desk.db, session: { user: SYSTEM_USER, system: true }, now: () => new Date() };
  // a draft cannot get an acceptance notice: the batch must report it and go on
  const draft = dispatch(system, 'cases.saveDraft', sampleDraft({ receivedDate: today }));
  if (!draft.ok) throw new Error(draft.error.message);
  await page.goto(desk.url);
  await login(page, 'clerk1');
  await page.getByRole('menuitem', { name: '案件列表' }).click();
  await expect(page.getByTestId('case-count')).toHaveText('共 4 件');
  await page.getByLabel('全选').check();
  await page.getByRole('button', { name: '批量生成文书（4）' }).click();
  const dlg = page.getByRole('dialog', { name: '批量生成文书（4 件）' });
  await settle(page);
  await dlg.getByRole('button', { name: '开始生成并签发' }).click();
  await expect(dlg.getByTestId('batch-progress')).toContainText('4 / 4', { timeout: 60_000 });
  await expect(dlg.getByTestId('batch-summary')).toContainText('成功 3 件（新签发 3 件，此前已签发 0 件未重复签发），失败 1 件');
  await expect(dlg.getByTestId('batch-failures')).toContainText('受理通知书适用于已受理的案件');
  await page.screenshot({ path: path.join(SHOTS, 'document-batch.png') });
  const [one] = await Promise.all([page.waitForEvent('download'), dlg.getByRole('button', { name: '保存为一个 PDF' }).click()]);
  const merged = fs.readFileSync((await one.path())!);
  // one PDF: every case's notice, in the order of the list, each starting on its own page
  const pages = pdfText(merged).split('\f').filter((p) => p.trim()).map(flat);
  expect(pages.length).toBe(3 * 2);
  const firsts = pages.filter((p) => p.includes('受理通知书') && p.includes('劳人仲案字'));
  expect(firsts.length).toBeGreaterThanOrEqual(3);
  for (const c of cases) expect(pages.some((p) => p.includes(c.caseNumber!))).toBe(true);

  // run again: nothing is issued twice; the one PDF holds the same issued pages
  await dlg.getByRole('button', { name: '关闭' }).last().click();
  await page.getByRole('button', { name: '批量生成文书（4）' }).click();
  await settle(page);
  await dlg.getByRole('button', { name: '开始生成并签发' }).click();
  await expect(dlg.getByTestId('batch-summary')).toContainText('成功 3 件（新签发 0 件，此前已签发 3 件未重复签发），失败 1 件', { timeout: 60_000 });
  await page.screenshot({ path: path.join(SHOTS, 'document-batch-again.png') });
  const [again] = await Promise.all([page.waitForEvent('download'), dlg.getByRole('button', { name: '保存为一个 PDF' }).click()]);
  expect(pdfText(fs.readFileSync((await again.path())!))).toBe(pdfText(merged));
});

test('the 生成文书 dialog offers a clerk no document signed by the tribunal; the tribunal\'s arbitrator is offered 决定书 and 裁决书', async ({ page, desk }) => {
  desk.addUser('admin', 'admin');
  desk.addUser('clerk1', 'clerk');
  desk.addUser('arb1', 'arbitrator');
  const c = acceptedCase(desk);
  const id = (u: string) => (desk.db.prepare('SELECT id FROM users WHERE username = ?').get(u) as { id: string }).id;
  const system = { db: desk.db, session: { user: SYSTEM_USER, system: true }, now: () => new Date() };
  const composed = dispatch(system, 'cases.compose', { id: c.id, mode: 'sole', presidingId: id('arb1'), memberIds: [], clerkId: id('clerk1'), composedDate: today });
  if (!composed.ok) throw new Error(composed.error.message);
  await page.goto(desk.url);
  const offered = async (user: string) => {
    await login(page, user);
    await page.getByRole('menuitem', { name: '案件列表' }).click();
    await page.getByTestId('case-table').getByText(c.caseNumber!).click();
    await page.getByTestId('documents-panel').getByRole('button', { name: '生成文书' }).click();
    const gen = page.getByRole('dialog', { name: '生成文书' });
    await gen.getByLabel('文书种类').click();
    const items = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
    await expect(items.filter({ hasText: '应诉通知书' })).toHaveCount(1);
    const texts = await items.allTextContents();
    await page.screenshot({ path: path.join(SHOTS, `issue-kinds-${user}.png`) });
    await page.keyboard.press('Escape');
    await expect(page.locator('.ant-select-dropdown:visible')).toHaveCount(0);
    await page.keyboard.press('Escape');
    await expect(gen).toBeHidden();
    await page.getByRole('button', { name: '退出' }).click();
    return texts.join('|');
  };
  // the kinds' names, without the hint in brackets (a hint may mention an award, e.g. 已作出裁决、调解书)
  const kinds = (offeredTexts: string) => offeredTexts.split('|').map((x) => x.split('（')[0]!);
  const signedByTribunal = (k: string) => /^(决定书|裁决书|调解书)/.test(k);
  const clerk = kinds(await offered('clerk1'));
  expect(clerk.filter(signedByTribunal)).toEqual([]);
  const arbitrator = kinds(await offered('arb1'));
  expect(arbitrator).toContain('决定书');
  expect(arbitrator.some((k) => k.startsWith('裁决书'))).toBe(true);
});

test('the 生成文书 dialog lists the kinds under group headings; 授权委托书 asks for the party, and the paper names the respondent picked', async ({ page, desk }) => {
  desk.addUser('admin', 'admin');
  desk.addUser('clerk1', 'clerk');
  const c = acceptedCase(desk);
  await page.goto(desk.url);
  await login(page, 'clerk1');
  await page.getByRole('menuitem', { name: '案件列表' }).click();
  await page.getByTestId('case-table').getByText(c.caseNumber!).click();
  await page.getByTestId('documents-panel').getByRole('button', { name: '生成文书' }).click();
  const gen = page.getByRole('dialog', { name: '生成文书' });

  // the kinds under their headings (registry order within a group), the register-only kinds last
  await gen.getByLabel('文书种类').click();
  const rows = page.locator('.ant-select-dropdown:visible .ant-select-item');
  await expect(rows.filter({ hasText: '授权委托书' })).toHaveCount(1);
  const list = (await rows.allTextContents()).map((s) => s.trim());
  const at = (s: string) => list.findIndex((x) => x.startsWith(s));
  const headings = await page.locator('.ant-select-dropdown:visible .ant-select-item-group').allTextContents();
  expect(headings).toEqual(['通知类', '当事人表格', '收件与送达', '笔录与证据', '仅登记（外部文书）']);
  expect(at('通知类')).toBe(0);
  for (const k of ['受理通知书', '应诉通知书（含举证通知）', '延期开庭通知书']) expect(at(k)).toBeGreaterThan(at('通知类')), expect(at(k)).toBeLessThan(at('当事人表格'));
  for (const k of ['仲裁申请书', '授权委托书', '法定代表人身份证明书', '送达地址确认书']) expect(at(k)).toBeGreaterThan(at('当事人表格')), expect(at(k)).toBeLessThan(at('收件与送达'));
  for (const k of ['收件回执', '送达回证']) expect(at(k)).toBeGreaterThan(at('收件与送达')), expect(at(k)).toBeLessThan(at('笔录与证据'));
  expect(at('其他文书（仅登记，外部文书）')).toBeGreaterThan(at('仅登记（外部文书）'));
  await page.screenshot({ path: path.join(SHOTS, 'issue-kinds-grouped.png') });
  await page.keyboard.press('Escape');
  await expect(page.locator('.ant-select-dropdown:visible')).toHaveCount(0);

  // 授权委托书 (needs: party): the picker lists every party of the case by role; no party picked, no paper
  await pick(page, gen.getByLabel('文书种类'), '授权委托书');
  const partyField = gen.getByLabel('为哪一方当事人制作（按已登记的信息预填，由当事人签名或盖章）');
  await expect(partyField).toBeVisible();
  await settle(page);
  await gen.getByRole('button', { name: '预览' }).click();
  await expect(gen).toContainText('请选择当事人');
  await partyField.click();
  const parties = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
  await expect(parties).toHaveText(['申请人：张三', '申请人：李四', '被申请人：成都信达电子有限公司']);
  await page.keyboard.press('Escape');
  await expect(page.locator('.ant-select-dropdown:visible')).toHaveCount(0);
  await pick(page, partyField, '被申请人：成都信达电子有限公司');
  await gen.getByRole('button', { name: '预览' }).click();
  await expect(gen.getByTestId('pdf-preview')).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
  await page.screenshot({ path: path.join(SHOTS, 'power-of-attorney-respondent.png') });
  await settle(page);
  await gen.getByRole('button', { name: '签发' }).click();
  const confirm = gen.getByTestId('issue-confirm');
  await expect(confirm).toContainText('文书授权委托书');
  await confirm.getByRole('button', { name: '确认签发' }).click();
  await expect(gen.getByTestId('issued-result')).toContainText('已签发授权委托书（第1版');
  const [download] = await Promise.all([page.waitForEvent('download'), gen.getByRole('button', { name: '保存 PDF' }).click()]);
  const text = flat(pdfText(fs.readFileSync((await download.path())!)));
  // the respondent is the principal, with its legal representative; the applicants are named only as the case's parties
  expect(text).toContain('委托人：成都信达电子有限公司');
  expect(text).toContain('法定代表人：赵总');
  expect(text).not.toContain('委托人：张三');
  expect(text).not.toContain('委托人：李四');

  // 法定代表人身份证明书 (needs: party and unit) offers the organisation only
  await page.keyboard.press('Escape');
  await expect(gen).toBeHidden();
  await page.getByTestId('documents-panel').getByRole('button', { name: '生成文书' }).click();
  await pick(page, gen.getByLabel('文书种类'), '法定代表人身份证明书');
  await gen.getByLabel('为哪一方当事人制作（按已登记的信息预填，由当事人签名或盖章）').click();
  await expect(page.locator('.ant-select-dropdown:visible .ant-select-item-option')).toHaveText(['被申请人：成都信达电子有限公司']);
});
