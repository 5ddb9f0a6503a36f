import path from 'node:path';
import type { CaseDetail } from '../../src/api';
import { addDays, shanghaiDate } from '../../src/domain';
import { SYSTEM_USER, dispatch } from '../../src/services';
import { CREDIT, sampleDraft } from '../helpers/fixtures';
import { SHOTS, expect, test } from './app-fixture';
import { login } from './ui-helpers';

/** Issue 13 (scale4): the related-case check shows one page and the count, and fetches more from the server. */
test('a draft against an employer with 24 other cases shows 共24件，显示前20件 and the rest on request', async ({ page, desk }) => {
  desk.addUser('admin', 'admin');
  desk.addUser('clerk1', 'clerk');
  const system = { db: desk.db, session: { user: SYSTEM_USER, system: true }, now: () => new Date() };
  const today = shanghaiDate(new Date());
  const file = (i: number) => {
    const r = dispatch(system, 'cases.saveDraft', sampleDraft({
      receivedDate: addDays(today, -(i % 5)), applicants: [{ kind: 'person', name: `工人${i}` }],
      respondents: [{ kind: 'org', name: '成都信达电子有限公司', creditCode: CREDIT.xinda }],
    }));
    if (!r.ok) throw new Error(r.error.message);
    return r.value as CaseDetail;
  };
  for (let i = 0; i < 24; i++) file(i);
  const self = file(99);
  await page.goto(desk.url);
  await login(page, 'clerk1');
  await page.goto(`${desk.url.split('?')[0]}#/cases/${self.id}`);
  const box = page.getByTestId('related-cases');
  await expect(box).toContainText('关联案件检查：发现 24 件可能相关的案件');
  await expect(box.locator('li')).toHaveCount(20);
  await expect(page.getByTestId('related-more')).toContainText('共 24 件，显示前 20 件');
  await box.screenshot({ path: path.join(SHOTS, 'related-cases-page.png') });
  await page.getByRole('button', { name: '再显示 4 件' }).click();
  await expect(box.locator('li')).toHaveCount(24);
  await expect(page.getByTestId('related-more')).toHaveCount(0);
  await expect(box).toContainText('工人0 诉 成都信达电子有限公司');
});
