import { defineConfig } from '@playwright/test';

/** Browser tests run the built renderer (npm run build) in Debian's Chromium through the preview bridge. */
export default defineConfig({
  outputDir: 'test-results/artifacts',
  timeout: 90_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  reporter: [['list'], ['json', { outputFile: 'test-results/playwright.json' }]],
  projects: [
    {
      name: 'chromium',
      testDir: 'tests/e2e',
      use: {
        viewport: { width: 1360, height: 900 },
        screenshot: 'only-on-failure',
        locale: 'zh-CN',
        timezoneId: 'Asia/Shanghai',
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
          args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
        },
      },
    },
    {
      // The daily-use specs again with the PC clock on UTC: every date of legal meaning must stay on Beijing time.
      name: 'chromium-utc',
      testDir: 'tests/e2e',
      testMatch: /daily-.*\.spec\.ts/,
      use: {
        viewport: { width: 1360, height: 900 },
        screenshot: 'only-on-failure',
        locale: 'zh-CN',
        timezoneId: 'UTC',
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
          args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
        },
      },
    },
    { name: 'electron', testDir: 'tests/electron' },
  ],
});
