/**
 * The production build with its default settings, talking to the providers' real hostnames —
 * which Chromium resolves to the local fixture server (HTTPS, self-signed certificate). This is how
 * the extension behaves for a user, minus the internet.
 */
import { expect, test } from './support/store-build';
import { PopupPage } from './support/popup-page';

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
  // Details came from the synced catalog (downloaded first if missing), so the popup shows what leaked.
  await expect(popup.address('victim@example.com').locator('li.breach[data-breach="Adobe"]')).toContainText('Password hints');

  const keyed = server.requests.filter((r) => r.method === 'GET' && r.path.startsWith('/api/v3/breachedaccount'));
  expect(keyed.map((r) => r.path)).toEqual(['/api/v3/breachedaccount/range/5D094E']);
  // Nothing asked by name after the range query: that would tie one entry of the range to us.
  expect(server.requests.filter((r) => r.path.startsWith('/api/v3/breach/'))).toEqual([]);
  for (const request of server.requests) {
    expect(request.url.toLowerCase()).not.toContain('victim');
    expect(JSON.stringify(request.headers).toLowerCase()).not.toContain('victim');
  }
});
