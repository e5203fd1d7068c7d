import type { Page, Worker } from '@playwright/test';
import { expect, readStore, test } from './support/extension';
import { PopupPage } from './support/popup-page';
import { attachRequestLogOnFailure, configure, type StoredExposure, type StoredRun } from './support/run-helpers';

/**
 * Both providers at once (issue #14): each address is looked up at each enabled provider, and a
 * breach they both report is one entry, one count, one badge; one only XposedOrNot knows says so,
 * and why the other may not list it.
 */

attachRequestLogOnFailure();

const badge = (worker: Worker) => worker.evaluate(() => chrome.action.getBadgeText({}));

/** Starts a check from an extension page that is not the popup (the popup marks what it shows as seen). */
async function checkFrom(page: Page): Promise<void> {
  const reply = await page.evaluate(() => chrome.runtime.sendMessage({ type: 'check/start', payload: {} }));
  expect(reply).toMatchObject({ ok: true });
}

/** Waits until `count` runs are stored and every one has finished. */
async function runsFinished(page: Page, count: number): Promise<StoredRun[]> {
  await expect
    .poll(async () => {
      const runs = await readStore<StoredRun>(page, 'runs');
      return runs.length === count && runs.every((r) => r.finishedAt !== null);
    }, { timeout: 60_000, intervals: [250] })
    .toBe(true);
  return readStore<StoredRun>(page, 'runs');
}

test('with both providers, a breach both report is one entry "reported by both"; one only XposedOrNot knows says why', async ({ server, openPopup, background }) => {
  test.setTimeout(90_000);
  // HarvardUniversity is in XposedOrNot's catalog only; Adobe in both.
  server.setAccounts({ 'both@example.com': ['Adobe'], 'xon@example.com': ['HarvardUniversity'] });
  const worker = await background();
  await configure(worker, { providers: ['xposedornot', 'hibp'], hibpApiKey: 'test-key' });

  const popup = new PopupPage(await openPopup());
  await popup.addAddress('both@example.com');
  await expect(popup.address('both@example.com')).toBeVisible();
  await popup.addAddress('xon@example.com');
  await expect(popup.address('xon@example.com')).toBeVisible();
  await popup.checkNow();
  const runs = await runsFinished(popup.page, 2);
  expect(runs.map((r) => r.provider).sort()).toEqual(['hibp', 'xposedornot']);

  // Each address was asked of each provider, once.
  const asked = server.requests.filter((r) => r.method === 'GET' && (r.path.includes('/breachedaccount/') || r.path === '/v1/breach-analytics'));
  expect(asked.map((r) => (r.path === '/v1/breach-analytics' ? `xon ${r.query.email}` : `hibp ${decodeURIComponent(r.path.split('/').pop()!)}`)).sort()).toEqual([
    'hibp both@example.com', 'hibp xon@example.com', 'xon both@example.com', 'xon xon@example.com',
  ]);

  await expect(popup.breaches('both@example.com')).toHaveCount(1);
  await expect(popup.breaches('both@example.com').first()).toHaveAttribute('data-breach', 'Adobe');
  await expect(popup.breaches('both@example.com').getByTestId('reported-by')).toHaveText('Reported by XposedOrNot and Have I Been Pwned');
  await expect(popup.status('both@example.com')).toContainText('Found in 1 breach');

  await expect(popup.breaches('xon@example.com')).toHaveCount(1);
  const only = popup.breaches('xon@example.com').getByTestId('reported-by');
  await expect(only).toContainText('Reported only by XposedOrNot');
  await expect(only).toContainText('different sources');
  await expect(only).toContainText('Have I Been Pwned never returns a breach it flags as sensitive');

  const exposures = await readStore<StoredExposure>(popup.page, 'exposures');
  expect(exposures.map((e) => [e.email, e.breachId, [e.provider, ...e.also.map((s) => s.provider)].sort()]).sort()).toEqual([
    ['both@example.com', 'Adobe', ['hibp', 'xposedornot']],
    ['xon@example.com', 'HarvardUniversity', ['xposedornot']],
  ]);

  // The history entry says the same, in full.
  const history = await popup.page.context().newPage();
  await history.goto(popup.page.url().replace('popup/index.html', 'history/index.html'));
  await expect(history.getByTestId('history-count')).toHaveText('2 entries');
  await history.locator('[role="option"]', { hasText: 'HarvardUniversity' }).click();
  await expect(history.getByTestId('entry-detail').getByTestId('reported-by')).toContainText('Reported only by XposedOrNot.');
});

test('switching from HIBP to XposedOrNot and back, with checks between, never counts an incident twice', async ({ server, context, extensionId, background }) => {
  test.setTimeout(120_000);
  const email = 'switcher@example.com';
  server.setAccounts({ [email]: ['Adobe', 'LinkedIn', 'Dropbox'] });
  const worker = await background();
  await configure(worker, { providers: ['hibp'], hibpApiKey: 'test-key' });

  const history = await context.newPage();
  await history.goto(`chrome-extension://${extensionId}/src/ui/history/index.html`);
  expect(await history.evaluate((e) => chrome.runtime.sendMessage({ type: 'address/add', payload: { email: e } }), email)).toMatchObject({ ok: true });

  const rounds: Array<'hibp' | 'xposedornot'> = ['hibp', 'xposedornot', 'hibp'];
  for (const [i, provider] of rounds.entries()) {
    await configure(worker, { providers: [provider] });
    await checkFrom(history);
    await runsFinished(history, i + 1);

    // Three incidents, whichever providers found them: three records, three counted, three new on the badge.
    const exposures = await readStore<StoredExposure>(history, 'exposures');
    expect(exposures.map((e) => e.breachId).sort(), `after round ${i + 1} (${provider})`).toEqual(['Adobe', 'Dropbox', 'LinkedIn']);
    const [address] = await readStore<{ exposureCount: number; newCount: number }>(history, 'addresses');
    expect(address).toMatchObject({ exposureCount: 3, newCount: 3 });
    await expect.poll(() => badge(worker)).toBe('3');
    await history.reload();
    await expect(history.getByTestId('history-count')).toHaveText('3 entries');
    const bars = history.locator('.bar-count');
    const perYear = (await bars.allTextContents()).reduce((sum, n) => sum + Number(n), 0);
    expect(perYear).toBe(3);
  }
  // By the end both providers have reported every one of them.
  const exposures = await readStore<StoredExposure>(history, 'exposures');
  expect(exposures.map((e) => [e.provider, ...e.also.map((s) => s.provider)].sort())).toEqual([
    ['hibp', 'xposedornot'], ['hibp', 'xposedornot'], ['hibp', 'xposedornot'],
  ]);

  // The popup (which marks what it shows as seen) counts the same three.
  const popup = new PopupPage(await context.newPage());
  await popup.page.goto(`chrome-extension://${extensionId}/src/ui/popup/index.html`);
  await expect(popup.status(email)).toContainText('Found in 3 breaches');
  await expect(popup.breaches(email)).toHaveCount(3);
});

test('a catalog date "2013-10-04" survives a lookup that knows only the year', async ({ server, openPopup, background }) => {
  test.setTimeout(60_000);
  const adobe = server.catalog.find((b) => b.Name === 'Adobe')!;
  // XposedOrNot's catalog dates Adobe to the day; its breach-analytics lookup says only "2013".
  server.addBreach({ ...adobe, BreachDate: '2013-10-04' });
  server.setAccounts({ 'dated@example.com': ['Adobe'] });
  const worker = await background();
  const stored = async () =>
    (await readStore<{ provider: string; id: string; breachDate: string | null }>(worker, 'breaches')).find((b) => b.provider === 'xposedornot' && b.id === 'Adobe')?.breachDate ?? null;
  // The first refresh may have run before the change: ask for another until the new entry is in
  // (the retry alarm refreshes every enabled provider's catalog; an unchanged one costs a 304).
  await expect
    .poll(async () => {
      await worker.evaluate(() => chrome.alarms.create('catalog-retry', { when: Date.now() }));
      return stored();
    }, { timeout: 30_000, intervals: [1_000] })
    .toBe('2013-10-04');

  const popup = new PopupPage(await openPopup());
  await popup.addAddress('dated@example.com');
  await expect(popup.address('dated@example.com')).toBeVisible();
  await popup.checkNow();
  await runsFinished(popup.page, 1);
  const lookup = server.requests.find((r) => r.path === '/v1/breach-analytics');
  expect(lookup?.status).toBe(200);
  expect(await stored()).toBe('2013-10-04');
  await expect(popup.breaches('dated@example.com').locator('.breach-meta')).toContainText('Oct');
});
