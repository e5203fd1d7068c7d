// TEMPORARY (not committed): screenshots of the leak-trail UI, en/it, light/dark, popup at 300 px.
import { test, expect, chromium, type Page } from '@playwright/test';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeBreach, startFixtureServer } from './server/fixture-server';
import { chromiumPath, extensionArgs } from './chromium-path';
import { ActionPopup, DIST_GRANTED, PROVIDER_HOSTS, fixtureTls, hostResolverRules, startSitesServer } from './support/site-browsing';

const OUT = '/tmp/trail/shots';
test.describe.configure({ timeout: 180_000 });

for (const lang of ['en', 'it']) {
  test(`shots ${lang}`, async () => {
    mkdirSync(OUT, { recursive: true });
    const provider = await startFixtureServer({ tls: fixtureTls() });
    provider.addBreach(makeBreach({ Name: 'OtherShop', Title: 'OtherShop', Domain: 'othershop.example', BreachDate: '2019-05-01' }));
    const sites = await startSitesServer(fixtureTls());
    const profile = mkdtempSync(join(tmpdir(), 'wie-shots-'));
    const rules = hostResolverRules([{ port: provider.port, hosts: PROVIDER_HOSTS }, { port: sites.port, hosts: ['shopa.example'] }]);
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath(), headless: true, locale: lang,
      args: [...extensionArgs(DIST_GRANTED), `--lang=${lang}`, `--host-resolver-rules=${rules}`, '--ignore-certificate-errors', '--enable-unsafe-extension-debugging'],
    });
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const id = new URL(worker.url()).host;
    const cdp = await context.browser()!.newBrowserCDPSession();
    const shop = await context.newPage();
    await shop.goto('https://shopa.example/');
    const shoot = async (popup: ActionPopup, name: string) => {
      for (const scheme of ['light', 'dark']) {
        await popup.send('Emulation.setEmulatedMedia', { features: [{ name: 'prefers-color-scheme', value: scheme }] });
        await popup.evaluate(`document.documentElement.style.width = '300px'`);
        await new Promise((r) => setTimeout(r, 300));
        const h = await popup.evaluate<number>('document.documentElement.scrollHeight');
        const { data } = await popup.send<{ data: string }>('Page.captureScreenshot', { format: 'png', captureBeyondViewport: true, clip: { x: 0, y: 0, width: 300, height: h, scale: 1 } });
        writeFileSync(join(OUT, `${name}-${lang}-${scheme}.png`), Buffer.from(data, 'base64'));
      }
    };
    let popup = await ActionPopup.open(cdp, id, shop);
    await popup.evaluate(`(() => { const i = document.getElementById('new-address'); i.value = 'me+shopa@example.com'; i.dispatchEvent(new Event('input', { bubbles: true })); })()`);
    await popup.evaluate(`document.querySelector('.add-form button[type=submit]').click()`);
    await popup.waitFor(`document.querySelector('[data-testid=add-suggestions]')`);
    await shoot(popup, 'trail-suggest');
    await popup.evaluate(`document.querySelector('[data-testid=accept-given-to]').click()`);
    await popup.waitFor(`document.querySelector('[data-testid=given-to-accepted]')`);
    await popup.evaluate(`document.querySelector('[data-testid=suggest-base] button').click()`);
    await popup.evaluate(`chrome.runtime.sendMessage({ type: 'address/add', payload: { email: 'shop.x7@simplelogin.com' } })`);
    provider.setAccounts({ 'me+shopa@example.com': ['OtherShop'] });
    await popup.evaluate(`chrome.runtime.sendMessage({ type: 'check/start', payload: {} })`);
    await popup.waitFor(`document.querySelector('[data-testid=trail-finding]')`, 30_000);
    await popup.close();
    popup = await ActionPopup.open(cdp, id, shop);
    await popup.waitFor(`document.querySelector('[data-testid=site-card-trails]') && document.querySelector('[data-testid=trail-finding]')`);
    await popup.evaluate(`document.querySelector('[data-email="shop.x7@simplelogin.com"] .given-to button.link').click()`);
    await shoot(popup, 'trail-popup');
    await popup.close();
    const history: Page = await context.newPage();
    await history.setViewportSize({ width: 1000, height: 900 });
    await history.goto(`chrome-extension://${id}/src/ui/history/index.html`);
    await expect(history.getByTestId('history-trail')).toHaveCount(1);
    for (const scheme of ['light', 'dark'] as const) {
      await history.emulateMedia({ colorScheme: scheme });
      await history.getByTestId('leak-trail').screenshot({ path: join(OUT, `trail-history-${lang}-${scheme}.png`) });
    }
    await history.getByTestId('history-trail').getByRole('button').nth(1).click().catch(() => undefined);
    await history.emulateMedia({ colorScheme: 'light' });
    await new Promise((r) => setTimeout(r, 500));
    await history.screenshot({ path: join(OUT, `trail-letter-${lang}.png`) });
    await context.close();
    await provider.close();
    await sites.close();
    rmSync(profile, { recursive: true, force: true });
  });
}
