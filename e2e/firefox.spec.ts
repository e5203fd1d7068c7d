/**
 * The Firefox build in a real Firefox (Debian's firefox-esr): the main paths against the local
 * server, with both providers.
 */
import { test, expect } from '@playwright/test';
import type { Page } from 'puppeteer-core';
import { providerSettings, startFixtureServer, type FixtureServer } from './server/fixture-server';
import { launchFirefox, type FirefoxSession } from './support/firefox';

declare const browser: { storage: { local: { set(items: Record<string, unknown>): Promise<void> } } };

let server: FixtureServer;
let session: FirefoxSession | undefined;

test.beforeEach(async () => {
  server = await startFixtureServer();
});

test.afterEach(async () => {
  await session?.close();
  session = undefined;
  await server.close();
});

async function configure(page: Page, settings: Record<string, unknown>): Promise<void> {
  await page.evaluate((s) => browser.storage.local.set(s), { ...providerSettings(server.url), ...settings });
}

async function addAndCheck(popup: Page, typed: string, email: string, breaches: number): Promise<string[]> {
  await popup.type('#new-address', typed);
  await popup.click('form.add-form button[type=submit]');
  await popup.waitForSelector(`li.address[data-email="${email}"]`);
  await popup.click('.popup-header button.primary');
  await popup.waitForFunction(
    (e, n) => document.querySelectorAll(`li.address[data-email="${e}"] li.breach`).length === n,
    { timeout: 20_000 },
    email,
    breaches,
  );
  return popup.evaluate(() => [...document.querySelectorAll('li.breach .breach-title')].map((e) => e.textContent ?? '').sort());
}

const statusOf = (popup: Page, email: string) =>
  popup.evaluate((e) => document.querySelector(`li.address[data-email="${e}"] [data-testid=address-status]`)?.textContent ?? '', email);

test('Firefox, XposedOrNot: add and check an address against the local server', async () => {
  server.setAccounts({ 'victim@example.com': ['Adobe', 'LinkedIn'] });
  session = await launchFirefox();
  const popup = await session.openPage('src/ui/popup/index.html');
  await configure(popup, { provider: 'xposedornot' });

  expect(await addAndCheck(popup, 'Victim@Example.com', 'victim@example.com', 2)).toEqual(['Adobe', 'LinkedIn']);
  expect(await statusOf(popup, 'victim@example.com')).toContain('Found in 2 breaches');
  const lookups = server.requests.filter((r) => r.path === '/v1/breach-analytics');
  expect(lookups.map((r) => r.query.email)).toEqual(['victim@example.com']);
});

test('Firefox, Have I Been Pwned: the key test and a keyed check work, every request names the app', async () => {
  server.setAccounts({ 'victim@example.com': ['Adobe', 'LinkedIn'] });
  session = await launchFirefox();
  const popup = await session.openPage('src/ui/popup/index.html');
  await configure(popup, { provider: 'hibp' });
  const options = await session.openPage('src/ui/options/index.html');

  // Once refused as "Something went wrong inside the extension": the rule named the gecko id.
  await options.type('#hibpApiKey', 'test-key');
  await options.locator('button ::-p-text(Test key)').click();
  await options.waitForSelector('[data-testid=key-status]', { timeout: 20_000 });
  const accepted = await options.evaluate(() => document.querySelector('[data-testid=key-status]')?.textContent ?? '');
  expect(accepted).toContain('Pwned 1');
  expect(await options.$('#hibpApiKey-error')).toBeNull();

  // Once stuck at "Checking… 0 of 1" with no request sent.
  expect(await addAndCheck(popup, 'victim@example.com', 'victim@example.com', 2)).toEqual(['Adobe', 'LinkedIn']);
  expect(await statusOf(popup, 'victim@example.com')).toContain('Found in 2 breaches');

  const hibp = server.requests.filter((r) => r.path.startsWith('/api/v3/'));
  // The key test probes the plan for range search (refused with 403 on this plan), then one lookup.
  expect(hibp.filter((r) => r.path.startsWith('/api/v3/breachedaccount/range/')).map((r) => r.status)).toEqual([403]);
  const lookups = hibp.filter((r) => r.path === '/api/v3/breachedaccount/victim%40example.com');
  expect(lookups).toHaveLength(1);
  expect(lookups[0]?.headers['hibp-api-key']).toBe('test-key');
  expect(hibp.map((r) => r.path)).toContain('/api/v3/subscription/status');
  // Keyed and keyless alike (the catalog too): HIBP asks every client to name itself.
  for (const request of hibp) expect(request.headers['user-agent'], request.path).toMatch(/^WasIExposed\/\d+\.\d+\.\d+ \(browser extension\)$/);
  expect(hibp.some((r) => r.path === '/api/v3/breaches' || r.path === '/api/v3/latestbreach')).toBe(true);
});
