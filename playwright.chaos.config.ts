import { defineConfig } from '@playwright/test';

/**
 * `npm run test:chaos`: the long worker-kill test, kept out of `npm test` (playwright.config.ts
 * matches *.spec.ts only). One worker: the test drives one browser for minutes, and its kills
 * land at chosen moments only if nothing else competes for the two cores.
 */
export default defineConfig({
  testDir: 'e2e/chaos',
  testMatch: '**/*.chaos.ts',
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 20 * 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: { trace: 'off' },
});
