import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';

/** Launches the built app in a real Electron and files one case. Needs the Electron binary, which cannot be downloaded on our build machines. */
function electronBinary(): string | null {
  try {
    const p = path.resolve('node_modules/electron/path.txt');
    if (!fs.existsSync(p)) return null;
    const bin = path.resolve('node_modules/electron/dist', fs.readFileSync(p, 'utf8').trim());
    return fs.existsSync(bin) ? bin : null;
  } catch {
    return null;
  }
}

const bin = electronBinary();

test('Electron smoke: the built app starts, creates the administrator and files one case', async () => {
  test.skip(!bin, 'skipped: no Electron binary in node_modules/electron/dist (it cannot be downloaded on this machine; install with network access to run this test)');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-electron-'));
  const app = await electron.launch({ executablePath: bin!, args: ['.'], env: { ...process.env, ARBITRATION_DESK_DB: path.join(dir, 'smoke.sqlite') } });
  const page = await app.firstWindow();
  await expect(page.getByText('请先创建系统管理员账号')).toBeVisible();
  const isolated = await page.evaluate(() => typeof (window as unknown as { require?: unknown }).require === 'undefined' && typeof window.api === 'object');
  expect(isolated).toBe(true);
  await page.evaluate(async () => {
    const api = window.api!;
    await api['setup.createAdmin']!({ username: 'admin', displayName: '管理员', role: 'admin', password: 'admin-pass-1' });
    await api['users.create']!({ username: 'clerk1', displayName: '书记员', role: 'clerk', password: 'clerk-pass-1' });
    await api['auth.logout']!({});
    await api['auth.login']!({ username: 'clerk1', password: 'clerk-pass-1' });
    const venues = (await api['venues.list']!({})) as { ok: true; value: { id: string }[] };
    const draft = await api['cases.saveDraft']!({
      venueId: venues.value[0]!.id, receivedDate: '2026-11-20',
      applicants: [{ kind: 'person', name: '张三', idNumber: '11010519491231002X' }],
      respondents: [{ kind: 'org', name: '成都信达电子有限公司', creditCode: '91350100M000100Y43' }],
      claims: [{ type: 'wages', amountFen: 100000, text: '支付工资' }],
    });
    if (!draft.ok) throw new Error(draft.error.message);
  });
  await page.reload();
  await expect(page.getByTestId('case-table')).toContainText('张三');
  await app.close();
});
