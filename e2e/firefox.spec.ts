/**
 * The Firefox build in a real Firefox (Debian's firefox-esr), driven headless over WebDriver BiDi
 * with puppeteer-core: install dist/firefox as a temporary add-on, add and check an address
 * against the local server, see the result.
 */
import { test, expect } from '@playwright/test';
import type { Browser } from 'puppeteer-core';
import { startFixtureServer } from './server/fixture-server';
import { launchFirefox, openExtensionPage } from './support/firefox';

declare const browser: { storage: { local: { set(items: Record<string, unknown>): Promise<void> } } };

test('Firefox: add and check an address against the local server', async () => {
  const server = await startFixtureServer();
  server.setAccounts({ 'victim@example.com': ['Adobe', 'LinkedIn'] });
  let firefox: Browser | undefined;
  try {
    firefox = await launchFirefox();
    const page = await firefox.newPage();
    await openExtensionPage(page, 'src/ui/popup/index.html');
    await page.evaluate((url) => browser.storage.local.set({ xposedornotBaseUrl: url }), server.url);

    await page.type('#new-address', 'Victim@Example.com');
    await page.click('form.add-form button[type=submit]');
    await page.waitForSelector('li.address[data-email="victim@example.com"]');
    await page.click('.popup-header button.primary');
    await page.waitForFunction(() => document.querySelectorAll('li.address[data-email="victim@example.com"] li.breach').length === 2, {
      timeout: 20_000,
    });
    const titles = await page.evaluate(() => [...document.querySelectorAll('li.breach .breach-title')].map((e) => e.textContent));
    expect(titles.sort()).toEqual(['Adobe', 'LinkedIn']);
    const status = await page.evaluate(() => document.querySelector('[data-testid=address-status]')?.textContent ?? '');
    expect(status).toContain('Found in 2 breaches');
    const lookups = server.requests.filter((r) => r.path === '/v1/breach-analytics');
    expect(lookups.map((r) => r.query.email)).toEqual(['victim@example.com']);
  } finally {
    await firefox?.close();
    await server.close();
  }
});
