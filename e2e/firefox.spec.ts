/**
 * The Firefox build in a real Firefox (Debian's firefox-esr), driven headless over WebDriver BiDi
 * with puppeteer-core: install dist/firefox as a temporary add-on, add and check an address
 * against the local server, see the result.
 */
import { test, expect } from '@playwright/test';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';
import { GECKO_ID } from '../build/manifest-for';
import { startFixtureServer } from './server/fixture-server';

const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const DIST_FIREFOX = resolve(process.env.EXTENSION_DIST_FIREFOX ?? 'dist/firefox');
/** Fixed so the test knows the moz-extension:// origin before installing. */
const UUID = 'a3c2b6f0-4b1e-4f7e-9a51-2f7d5c1e8b10';

declare const browser: { storage: { local: { set(items: Record<string, unknown>): Promise<void> } } };

test('Firefox: add and check an address against the local server', async () => {
  if (!existsSync(FIREFOX)) {
    throw new Error(`No Firefox at ${FIREFOX}. Install one (Debian: apt-get install -y firefox-esr) or set FIREFOX_PATH.`);
  }
  const server = await startFixtureServer();
  server.setAccounts({ 'victim@example.com': ['Adobe', 'LinkedIn'] });
  let firefox: Browser | undefined;
  try {
    firefox = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX,
      headless: true,
      protocol: 'webDriverBiDi',
      args: ['--remote-allow-system-access'],
      extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: UUID }) },
    });
    expect(await firefox.installExtension(DIST_FIREFOX)).toBe(GECKO_ID);
    const page = await firefox.newPage();
    // Extension pages never report a load event to BiDi; wait for the page's own ready flag.
    page.goto(`moz-extension://${UUID}/src/ui/popup/index.html`).catch(() => undefined);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 20_000 });
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
