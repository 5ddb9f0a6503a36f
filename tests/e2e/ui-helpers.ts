import { type Locator, type Page, expect } from '@playwright/test';

/** Logs in on the login page. */
export async function login(page: Page, username: string, password = 'password-1') {
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: '登录' }).click();
}

/** Types a date into an antd DatePicker as a keyboard user would; Tab commits it and moves on. */
export async function typeDate(field: Locator, date: string) {
  await field.click();
  await field.fill(date);
  await field.press('Tab');
}

/**
 * Chooses an option in an antd Select and checks that the dropdown closed and the select shows the option.
 * A click during a modal's opening animation can be lost; the check makes the step retry instead of going on.
 */
export async function pick(page: Page, field: Locator, option: string) {
  const select = field.locator('xpath=ancestor::*[contains(concat(" ", normalize-space(@class), " "), " ant-select ")][1]');
  const openDropdown = page.locator('.ant-select-dropdown:visible');
  await expect(async () => {
    if (await openDropdown.count()) await page.keyboard.press('Escape');
    await expect(openDropdown).toHaveCount(0, { timeout: 1000 });
    await field.click();
    await openDropdown.getByText(option, { exact: true }).click({ timeout: 2000 });
    await expect(openDropdown).toHaveCount(0, { timeout: 1000 });
    await expect(select).toContainText(option, { timeout: 1000 });
  }).toPass({ timeout: 20_000 });
}

/**
 * Waits until no antd modal or drawer is still animating in or out. A click on a modal's button while it zooms in can be
 * lost (the button moves under the pointer), which leaves the dialog open and the test waiting.
 */
export async function settle(page: Page) {
  await expect(page.locator('.ant-zoom-appear, .ant-zoom-enter, .ant-zoom-leave, .ant-zoom-appear-active, .ant-zoom-enter-active, .ant-zoom-leave-active')).toHaveCount(0);
}
