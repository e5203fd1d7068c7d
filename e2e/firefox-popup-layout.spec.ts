/**
 * The popup as Firefox draws it (issue 12): Firefox ignores Chromium's 75% body rule but shrinks
 * radios in flex rows, gives the popup about 300 px in its overflow panel, and a panel shorter
 * than the content. Measured in a real firefox-esr with the Firefox build.
 */
import { test, expect } from '@playwright/test';
import type { Page } from 'puppeteer-core';
import { providerSettings, startFixtureServer } from './server/fixture-server';
import { launchFirefox, type FirefoxSession } from './support/firefox';

declare const browser: {
  storage: { local: { set(items: Record<string, unknown>): Promise<void> } };
  runtime: { sendMessage(message: unknown): Promise<unknown> };
};

const LONG = `a.very.long.local.part.that.never.ends.${'x'.repeat(24)}@a-rather-long-subdomain-of-an-example.example.com`;

const fontSize = (page: Page, selector: string) => page.$eval(selector, (el) => parseFloat(getComputedStyle(el).fontSize));

test('Firefox: the popup fits 300 px with readable text, and the controls keep their size', async () => {
  const server = await startFixtureServer();
  server.setAccounts({ 'victim@example.com': ['Adobe', 'LinkedIn'], [LONG]: ['Adobe'] });
  let session: FirefoxSession | undefined;
  try {
    session = await launchFirefox();
    const page = await session.openPage('src/ui/popup/index.html');
    await page.setViewport({ width: 300, height: 500 });
    await page.evaluate((settings) => browser.storage.local.set(settings), providerSettings(server.url));
    for (const email of ['victim@example.com', LONG]) {
      await page.evaluate((e) => browser.runtime.sendMessage({ type: 'address/add', payload: { email: e } }), email);
    }
    await page.evaluate(() => browser.runtime.sendMessage({ type: 'check/start', payload: {} }));
    await page.waitForFunction(() => document.querySelectorAll('li.breach').length === 3, { timeout: 20_000 });

    expect(await fontSize(page, 'body')).toBeGreaterThanOrEqual(13);
    expect(await fontSize(page, 'li.breach .breach-meta')).toBeGreaterThanOrEqual(13);
    expect(await fontSize(page, 'li.breach .breach-title')).toBeGreaterThan(await fontSize(page, 'li.breach .breach-meta'));
    const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
    expect(scroll).toBeLessThanOrEqual(client);
    // The content is taller than the panel; the footer with Options and History stays in view.
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeGreaterThan(500);
    const footerBottom = await page.$eval('.popup-footer', (el) => el.getBoundingClientRect().bottom);
    expect(footerBottom).toBeLessThanOrEqual(500);

    await page.setViewport({ width: 900, height: 800 });
    for (const path of ['src/ui/options/index.html', 'src/ui/welcome/index.html']) {
      await session.openPage(path, page);
      const boxes = await page.$$eval('input[type=checkbox], input[type=radio]', (inputs) =>
        inputs.map((i) => ({ w: i.getBoundingClientRect().width, h: i.getBoundingClientRect().height })),
      );
      expect(boxes.length, path).toBeGreaterThan(1);
      for (const box of boxes) {
        expect(box.w, path).toBeGreaterThanOrEqual(13);
        expect(box.h, path).toBeGreaterThanOrEqual(13);
      }
      expect(await fontSize(page, 'body'), path).toBeGreaterThanOrEqual(13);
    }
  } finally {
    await session?.close();
    await server.close();
  }
});
