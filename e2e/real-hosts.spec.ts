/**
 * The production build with its default settings, talking to the providers' real hostnames —
 * which Chromium resolves to the local fixture server (HTTPS, self-signed certificate). This is how
 * the extension behaves for a user, minus the internet.
 */
import { test as base, chromium, expect, type BrowserContext } from '@playwright/test';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumPath, extensionArgs } from './chromium-path';
import { startFixtureServer, type FixtureServer } from './server/fixture-server';
import { DIST } from './support/extension';
import { PopupPage } from './support/popup-page';

const PROVIDER_HOSTS = ['haveibeenpwned.com', 'api.xposedornot.com', 'api.pwnedpasswords.com'];

const test = base.extend<{ server: FixtureServer; context: BrowserContext; extensionId: string }>({
  server: async ({}, use) => { // eslint-disable-line no-empty-pattern -- Playwright reads fixture deps from this pattern
    const tls = { key: readFileSync('e2e/fixtures/tls/key.pem', 'utf8'), cert: readFileSync('e2e/fixtures/tls/cert.pem', 'utf8') };
    const server = await startFixtureServer({ tls });
    await use(server);
    await server.close();
  },
  context: async ({ server }, use) => {
    const profile = mkdtempSync(join(tmpdir(), 'wie-real-'));
    const rules = PROVIDER_HOSTS.map((h) => `MAP ${h} 127.0.0.1:${server.port}`).join(', ');
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath(),
      headless: true,
      args: [...extensionArgs(DIST), `--host-resolver-rules=${rules}`, '--ignore-certificate-errors'],
    });
    await use(context);
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  },
  extensionId: async ({ context }, use) => {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    await use(new URL(worker.url()).host);
  },
});

test('default settings reach XposedOrNot by its real hostname', async ({ server, context, extensionId }) => {
  server.setAccounts({ 'victim@example.com': ['Adobe'] });
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/src/ui/popup/index.html`);
  const popup = new PopupPage(page);
  await popup.addAddress('victim@example.com');
  await popup.checkNow();
  await expect(popup.breaches('victim@example.com')).toHaveCount(1);
  // (The public catalog, /v1/breaches, may be fetched too, on its own schedule.)
  const asked = server.requests.filter((r) => r.method === 'GET' && r.path !== '/v1/breaches');
  expect(asked.map((r) => `${r.headers.host} ${r.path}`)).toEqual(['api.xposedornot.com /v1/breach-analytics']);
});

test('options: a tested HIBP key sets the pace, and requests to HIBP carry the extension user agent', async ({ server, context, extensionId }) => {
  server.setApiKeys({ 'key-with-plan': { plan: 'Pwned 2', rpm: 50 } });
  server.setAccounts({ 'victim@example.com': ['Adobe', 'Dropbox'] });
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/src/ui/options/index.html`);
  await options.getByRole('checkbox', { name: /Have I Been Pwned/ }).check();
  await options.getByRole('checkbox', { name: /XposedOrNot/ }).uncheck();

  // A wrong key is refused with what to do about it; nothing is kept.
  await options.getByLabel('API key', { exact: true }).fill('wrong-key');
  await options.getByRole('button', { name: 'Test key' }).click();
  await expect(options.getByRole('alert')).toContainText('Have I Been Pwned rejected this key');

  await options.getByLabel('API key', { exact: true }).fill('key-with-plan');
  await options.getByRole('button', { name: 'Test key' }).click();
  await expect(options.getByTestId('key-status')).toContainText('plan Pwned 2, 50 requests a minute');
  await options.getByRole('button', { name: 'Save' }).click();
  await expect(options.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();

  const stored = await options.evaluate(() => chrome.storage.local.get(null));
  expect(stored).toMatchObject({ providers: ['hibp'], hibpApiKey: 'key-with-plan', hibpRequestsPerMinute: 50 });
  // Never synced.
  expect(await options.evaluate(() => chrome.storage.sync.get(null))).toEqual({});

  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/src/ui/popup/index.html`);
  const popup = new PopupPage(page);
  await popup.addAddress('victim@example.com');
  await popup.checkNow();
  await expect(popup.breaches('victim@example.com')).toHaveCount(2);

  const toHibp = server.requests.filter((r) => r.method === 'GET' && r.headers.host === 'haveibeenpwned.com');
  // The public catalog (for site alerts) is fetched in the background on its own schedule; it is
  // covered by the site-alert tests. Here: what checking the key and the address sent.
  const hibp = toHibp.filter((r) => r.path !== '/api/v3/latestbreach' && r.path !== '/api/v3/breaches');
  expect(hibp.map((r) => r.path)).toEqual([
    '/api/v3/subscription/status', // the wrong key
    '/api/v3/subscription/status',
    '/api/v3/breachedaccount/range/000000', // does the plan allow range search? (no: 403)
    '/api/v3/breachedaccount/victim%40example.com',
  ]);
  for (const request of hibp) expect(request.headers['user-agent']).toMatch(/^WasIExposed\/\d+\.\d+\.\d+ \(browser extension\)$/);
  expect(hibp[3]!.headers['hibp-api-key']).toBe('key-with-plan');
  await expect(options.getByTestId('lookup-mode')).toContainText('each address is sent to Have I Been Pwned');
});

test('on a plan with range search, only a 6-character hash prefix of the address is sent', async ({ server, context, extensionId }) => {
  server.setApiKeys({ 'pro-key': { plan: 'Pwned 5', rpm: 1000, rangeSearch: true } });
  server.setAccounts({ 'victim@example.com': ['Adobe', 'LinkedIn'] });
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/src/ui/options/index.html`);
  await options.getByRole('checkbox', { name: /Have I Been Pwned/ }).check();
  await options.getByRole('checkbox', { name: /XposedOrNot/ }).uncheck();
  await options.getByLabel('API key', { exact: true }).fill('pro-key');
  await options.getByRole('button', { name: 'Test key' }).click();
  await expect(options.getByTestId('lookup-mode')).toContainText('k-anonymity search');
  await options.getByRole('button', { name: 'Save' }).click();
  await expect(options.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  server.clearLog();

  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/src/ui/popup/index.html`);
  const popup = new PopupPage(page);
  await popup.addAddress('victim@example.com');
  await popup.checkNow();
  await expect(popup.breaches('victim@example.com')).toHaveCount(2);
  // Details came from the catalog or the free per-breach endpoint, so the popup shows what leaked.
  await expect(popup.address('victim@example.com').locator('li.breach[data-breach="Adobe"]')).toContainText('Password hints');

  const keyed = server.requests.filter((r) => r.method === 'GET' && r.path.startsWith('/api/v3/breachedaccount'));
  expect(keyed.map((r) => r.path)).toEqual(['/api/v3/breachedaccount/range/5D094E']);
  for (const request of server.requests) {
    expect(request.url.toLowerCase()).not.toContain('victim');
    expect(JSON.stringify(request.headers).toLowerCase()).not.toContain('victim');
  }
});
