import { expect, readStore, test } from './support/extension';
import { PopupPage } from './support/popup-page';
import { catalogSize } from './support/site-browsing';

test('a breached address: added, checked through the background, breaches rendered and stored', async ({ server, openPopup, background }) => {
  server.setAccounts({ 'victim@example.com': ['Adobe', 'LinkedIn'] });
  // The public catalog is synced soon after install and rewrites breach details (its Adobe says
  // "Oct 2013" and lists other data): let it land first, so what follows shows the lookup's answer.
  const worker = await background();
  await expect.poll(() => catalogSize(worker, 'xposedornot'), { timeout: 20_000 }).toBeGreaterThan(0);
  const popup = new PopupPage(await openPopup());
  await expect(popup.page.getByTestId('empty-state')).toBeVisible();

  // Typed carelessly: surrounding spaces and capitals are normalised away.
  await popup.addAddress('  Victim@Example.COM ');
  await expect(popup.address('victim@example.com')).toBeVisible();
  await popup.checkNow();

  await expect(popup.status('victim@example.com')).toContainText('Found in 2 breaches');
  const breaches = popup.breaches('victim@example.com');
  await expect(breaches).toHaveCount(2);
  const adobe = popup.address('victim@example.com').locator('li.breach[data-breach="Adobe"]');
  await expect(adobe).toContainText('Adobe');
  // XposedOrNot knows only the year of a breach.
  await expect(adobe).toContainText('2013');
  await expect(adobe).toContainText('Password hints');

  // The provider was asked once, for the normalised address, with the real protocol.
  const asked = server.requests.filter((r) => r.path === '/v1/breach-analytics');
  expect(asked).toHaveLength(1);
  expect(asked[0]!.query.email).toBe('victim@example.com');

  // Real IndexedDB holds the result.
  const exposures = await readStore<{ email: string; breachId: string; state: string }>(popup.page, 'exposures');
  expect(exposures.map((e) => e.breachId).sort()).toEqual(['Adobe', 'LinkedIn']);
  // Shown in the open popup, so already acknowledged — yet still tagged "new" while it stays open.
  expect(exposures.every((e) => e.email === 'victim@example.com' && e.state === 'acknowledged')).toBe(true);
  await expect(adobe.locator('.tag')).toHaveText('new');
  const results = await readStore<{ outcome: string }>(popup.page, 'results');
  expect(results.map((r) => r.outcome)).toEqual(['breached']);
  expect(await readStore(popup.page, 'jobs')).toEqual([]);
});

test('a clean address says plainly that no breaches were found', async ({ server, openPopup }) => {
  server.setAccounts({});
  const popup = new PopupPage(await openPopup());
  await popup.addAddress('nobody@example.org');
  await popup.checkNow();
  await expect(popup.status('nobody@example.org')).toContainText('No breaches found');
  await expect(popup.breaches('nobody@example.org')).toHaveCount(0);
  const results = await readStore<{ outcome: string }>(popup.page, 'results');
  expect(results.map((r) => r.outcome)).toEqual(['clean']);
});

test('an invalid address gets a specific message and nothing is stored', async ({ server, openPopup }) => {
  const popup = new PopupPage(await openPopup());
  await popup.addAddress('someone.example.com');
  await expect(popup.addError).toContainText('@');
  await popup.addAddress('two@@example.com');
  await expect(popup.addError).toBeVisible();
  await popup.addAddress('me@localhost');
  await expect(popup.addError).toBeVisible();
  // What the person typed is kept, so they can correct it.
  await expect(popup.addressInput).toHaveValue('me@localhost');
  expect(await readStore(popup.page, 'addresses')).toEqual([]);
  expect(server.requests.filter((r) => r.path !== '/v1/breaches')).toEqual([]); // the public catalog may refresh meanwhile
  await expect(popup.page.getByTestId('empty-state')).toBeVisible();
});

test('a provider failure is shown with the next step, and earlier results stay intact', async ({ server, openPopup }) => {
  server.setAccounts({ 'victim@example.com': ['Adobe'] });
  const popup = new PopupPage(await openPopup());
  await popup.addAddress('victim@example.com');
  await popup.checkNow();
  await expect(popup.breaches('victim@example.com')).toHaveCount(1);

  server.injectFault({ match: { provider: 'xposedornot' }, status: 503 });
  await popup.checkNow();
  await expect(popup.status('victim@example.com')).toContainText('XposedOrNot is unavailable right now (503). Trying again at');
  await expect(popup.breaches('victim@example.com')).toHaveCount(1);
  const exposures = await readStore<{ breachId: string }>(popup.page, 'exposures');
  expect(exposures.map((e) => e.breachId)).toEqual(['Adobe']);
  // The check is still queued, to be retried by itself — not dropped, not recorded as done.
  const jobs = await readStore<{ email: string; attempts: number }>(popup.page, 'jobs');
  expect(jobs).toMatchObject([{ email: 'victim@example.com', attempts: 1 }]);
});

test('a rejected HIBP key sends the user to Options and keeps earlier results', async ({ server, openPopup, background }) => {
  server.setAccounts({ 'victim@example.com': ['Adobe'] });
  const worker = await background();
  await worker.evaluate(() => chrome.storage.local.set({ providers: ['hibp'], hibpApiKey: 'test-key' }));
  const popup = new PopupPage(await openPopup());
  await popup.addAddress('victim@example.com');
  await popup.checkNow();
  await expect(popup.breaches('victim@example.com')).toHaveCount(1);
  const sent = server.requests.find((r) => r.method === 'GET' && r.path.startsWith('/api/v3/breachedaccount/'));
  expect(sent?.headers['hibp-api-key']).toBe('test-key');
  expect(sent?.query.truncateResponse).toBe('false');

  await worker.evaluate(() => chrome.storage.local.set({ hibpApiKey: 'revoked-key' }));
  await popup.checkNow();
  await expect(popup.status('victim@example.com')).toContainText('Have I Been Pwned rejected the API key — check it in Options.');
  await expect(popup.breaches('victim@example.com')).toHaveCount(1);
  expect(await readStore(popup.page, 'jobs')).toEqual([]);
});
