import type { Page } from '@playwright/test';
import { expect, readStore, test } from './support/extension';
import { PopupPage } from './support/popup-page';
import {
  attachRequestLogOnFailure,
  addAddresses,
  configure,
  estimatedEnd,
  expectEstimateNear,
  lookedUp,
  lookups,
  makeAddresses,
  requestLog,
  sleep,
  span,
  statusCounts,
  waitForRunsFinished,
  type StoredExposure,
  type StoredJob,
  type StoredResult,
  type StoredRun,
} from './support/run-helpers';
import { xonLimits } from './server/fixture-server';

/**
 * Pacing: the background spaces its requests so that a provider's limits are never hit, however
 * those limits are counted (per second, per minute, per hour), and obeys a 429's retry-after.
 */

attachRequestLogOnFailure();

/** Every address's result for one run, and no work left behind. */
async function expectOneResultEach(page: Page, run: StoredRun, accounts: Record<string, string[]>, emails: readonly string[]) {
  const results = (await readStore<StoredResult>(page, 'results')).filter((r) => r.runId === run.id);
  expect(results).toHaveLength(emails.length);
  expect(results.map((r) => r.email).sort()).toEqual([...emails].sort());
  for (const result of results) {
    const expected = accounts[result.email] ?? [];
    expect(result.outcome, result.email).toBe(expected.length > 0 ? 'breached' : 'clean');
    expect([...result.breachIds].sort(), result.email).toEqual([...expected].sort());
  }
  expect(await readStore<StoredJob>(page, 'jobs')).toEqual([]);
}

test('20 addresses under a 1-per-second limit: no 429, one result each, paced to about 19 s', async ({ server, openPopup, background }) => {
  test.setTimeout(90_000);
  const emails = makeAddresses(20, 'second');
  const accounts: Record<string, string[]> = {
    [emails[2]!]: ['Adobe'],
    [emails[7]!]: ['LinkedIn', 'Dropbox'],
    [emails[19]!]: ['Canva'],
  };
  server.setAccounts(accounts);
  server.setRateLimit({ provider: 'xposedornot', limit: 1, windowMs: 1000 });
  await configure(await background(), { extraRateLimit: 1, extraRateWindowSeconds: 1 });

  const popup = new PopupPage(await openPopup());
  await addAddresses(popup.page, emails);
  await expect(popup.page.locator('li.address')).toHaveCount(20);
  await popup.checkNow();
  const [run] = await waitForRunsFinished(popup.page, 1, 45_000);

  const asked = lookups(server);
  // Zero 429s, and no address asked twice: exactly one answered lookup per address.
  expect(statusCounts(asked), requestLog(server)).toEqual({ 200: 20 });
  expect(asked.map(lookedUp).sort()).toEqual([...emails].sort());
  await expectOneResultEach(popup.page, run!, accounts, emails);

  // 20 requests at 1 per second need 19 gaps of a second: 19–20 s, within 10%.
  const took = span(asked);
  const gaps = asked.slice(1).map((r, i) => r.time - asked[i]!.time);
  console.log(`1 rps run: 20 lookups from first to last in ${(took / 1000).toFixed(2)} s; gaps ${Math.min(...gaps)}–${Math.max(...gaps)} ms`);
  expect(took).toBeGreaterThanOrEqual(19_000 * 0.9);
  expect(took).toBeLessThanOrEqual(20_000 * 1.1);
  await expect(popup.status(emails[7]!)).toContainText('Found in 2 breaches');
  await expect(popup.page.getByTestId('run-progress')).toHaveCount(0);
});

test('a catalog refresh falling due in the middle of a paced run costs no 429 either', async ({ server, openPopup, background }) => {
  test.setTimeout(60_000);
  const emails = makeAddresses(6, 'catalog');
  server.setAccounts({ [emails[1]!]: ['Adobe'] });
  server.setRateLimit({ provider: 'xposedornot', limit: 1, windowMs: 1000 });
  const worker = await background();
  await configure(worker, { extraRateLimit: 1, extraRateWindowSeconds: 1 });
  const catalogRequests = () => server.requests.filter((r) => r.method === 'GET' && r.path === '/v1/breaches');
  // The refresh the extension schedules on install, answered and out of the way first.
  await expect.poll(() => catalogRequests().some((r) => r.status === 200), { timeout: 15_000 }).toBe(true);
  await sleep(1_500);
  const before = catalogRequests().length;

  const popup = new PopupPage(await openPopup());
  await addAddresses(popup.page, emails);
  await expect(popup.page.locator('li.address')).toHaveCount(6);
  await popup.checkNow();
  await expect.poll(() => lookups(server).length).toBeGreaterThanOrEqual(2);
  // The daily catalog alarm comes due now, between two paced checks.
  await worker.evaluate(() => chrome.alarms.create('catalog', { when: Date.now() + 50 }));
  await expect.poll(() => catalogRequests().length, { timeout: 15_000 }).toBe(before + 1);
  const [run] = await waitForRunsFinished(popup.page, 1, 30_000);

  // XposedOrNot counts the catalog apart from the lookups (per endpoint), and the extension paces
  // each by its own limits: the refresh squeezes no lookup into a 429.
  const xon = server.requests.filter((r) => r.method === 'GET' && r.path.startsWith('/v1/') && r.time >= lookups(server)[0]!.time);
  console.log(`catalog mid-run: XposedOrNot answered ${JSON.stringify(statusCounts(xon))} during the run`);
  expect(statusCounts(xon)[429] ?? 0, requestLog(server)).toBe(0);
  await expectOneResultEach(popup.page, run!, { [emails[1]!]: ['Adobe'] }, emails);
});

test('HIBP counted per minute: 23 addresses at 20/min, no 429, and the popup\'s "done by" is right', async ({ server, openPopup, background }) => {
  test.setTimeout(150_000);
  const emails = makeAddresses(23, 'minute');
  const accounts: Record<string, string[]> = Object.fromEntries(
    emails.filter((_, i) => i % 4 === 0).map((email, i) => [email, i % 2 === 0 ? ['Adobe'] : ['LinkedIn', 'Zynga']]),
  );
  server.setAccounts(accounts);
  server.setApiKeys({ 'test-key': { plan: 'Pwned 1', rpm: 20 } });
  server.setRateLimit({ provider: 'hibp', limit: 20, windowMs: 60_000 });
  await configure(await background(), { providers: ['hibp'], hibpApiKey: 'test-key', hibpRequestsPerMinute: 20 });

  const popup = new PopupPage(await openPopup());
  await addAddresses(popup.page, emails);
  await expect(popup.page.locator('li.address')).toHaveCount(23);
  await popup.checkNow();

  // The first 20 go at once; the last 3 wait for the minute to pass. The popup says until when.
  const progress = popup.page.getByTestId('run-progress');
  await expect(progress).toContainText('Checked 20 of 23', { timeout: 30_000 });
  await expect(progress).toContainText('done by about');
  const shown = await progress.innerText();
  const estimate = await estimatedEnd(popup.page);
  expect(lookups(server)).toHaveLength(20);
  // The estimate knows nothing more can go before the first request leaves the 60 s window.
  expect(estimate).toBeGreaterThanOrEqual(lookups(server)[0]!.time + 60_000 - 1_000);

  const [run] = await waitForRunsFinished(popup.page, 1, 100_000);
  const asked = lookups(server);
  const counts = statusCounts(asked);
  expect(counts[429] ?? 0, requestLog(server)).toBe(0);
  // HIBP answers a clean address with a 404; nothing else is acceptable.
  expect((counts[200] ?? 0) + (counts[404] ?? 0)).toBe(23);
  expect(asked.map(lookedUp).sort()).toEqual([...emails].sort());
  await expectOneResultEach(popup.page, run!, accounts, emails);

  const end = Math.max(...asked.map((r) => r.time));
  const said = await expectEstimateNear(popup.page, shown, end);
  expect(Math.abs(estimate! - end)).toBeLessThanOrEqual(60_000);
  // The 21st request may go only once the first has left the 60 s window.
  const wait = asked[20]!.time - asked[0]!.time;
  const took = span(asked);
  console.log(
    `per-minute run: 23 lookups in ${(took / 1000).toFixed(2)} s (first 20 in ${(span(asked.slice(0, 20)) / 1000).toFixed(2)} s, ` +
      `21st after ${(wait / 1000).toFixed(2)} s); popup said "done by about ${said}" (estimate ${new Date(estimate!).toISOString()}, ${((estimate! - end) / 1000).toFixed(2)} s from the actual end ${new Date(end).toISOString()})`,
  );
  expect(wait).toBeGreaterThanOrEqual(60_000 * 0.98);
  expect(took).toBeLessThanOrEqual(60_000 * 1.1);
});

test('XposedOrNot\'s hourly cap: a full hour\'s quota waits until it ages out, and the popup says when', async ({ server, openPopup }) => {
  test.setTimeout(120_000);
  const emails = makeAddresses(3, 'hourly');
  const accounts = { [emails[0]!]: ['Adobe'], [emails[2]!]: ['Tumblr', 'MySpace'] };
  server.setAccounts(accounts);
  server.setRateLimits(xonLimits());

  const popup = new PopupPage(await openPopup());
  // 25 requests (the hourly cap) sent 59.5 minutes ago, as an earlier browser session left them.
  const seeded = await popup.page.evaluate(
    () =>
      new Promise<number[]>((resolve, reject) => {
        const base = Date.now() - 59.5 * 60_000;
        const times = Array.from({ length: 25 }, (_, i) => base + i * 100);
        const open = indexedDB.open('was-i-exposed');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction('requests', 'readwrite');
          for (const at of times) tx.objectStore('requests').add({ provider: 'xposedornot', at });
          tx.oncomplete = () => {
            db.close();
            resolve(times);
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
  const agesOut = seeded[0]! + 3_600_000;

  await addAddresses(popup.page, emails);
  await expect(popup.page.locator('li.address')).toHaveCount(3);
  const started = Date.now();
  await popup.checkNow();

  const progress = popup.page.getByTestId('run-progress');
  await expect(progress).toContainText('Checked 0 of 3');
  await expect(progress).toContainText('done by about');
  const shown = await progress.innerText();
  const estimate = await estimatedEnd(popup.page);
  // The estimate knows nothing can go before the hour's oldest request ages out.
  expect(estimate).toBeGreaterThanOrEqual(agesOut);
  // Nothing may be sent while the hour is full.
  expect(lookups(server)).toEqual([]);

  const [run] = await waitForRunsFinished(popup.page, 1, 80_000);
  const asked = lookups(server);
  expect(statusCounts(asked), requestLog(server)).toEqual({ 200: 3 });
  expect(asked[0]!.time).toBeGreaterThanOrEqual(agesOut);
  await expectOneResultEach(popup.page, run!, accounts, emails);
  const exposures = await readStore<StoredExposure>(popup.page, 'exposures');
  expect(exposures.map((e) => `${e.email}/${e.breachId}`).sort()).toEqual(
    [`${emails[0]}/Adobe`, `${emails[2]}/MySpace`, `${emails[2]}/Tumblr`].sort(),
  );

  const end = Math.max(...asked.map((r) => r.time));
  const said = await expectEstimateNear(popup.page, shown, end);
  expect(Math.abs(estimate! - end)).toBeLessThanOrEqual(60_000);
  console.log(
    `hourly cap: first lookup ${((asked[0]!.time - started) / 1000).toFixed(2)} s after "Check now" ` +
      `(${asked[0]!.time - agesOut} ms after the oldest seeded request aged out), last ${((end - started) / 1000).toFixed(2)} s; ` +
      `popup said "done by about ${said}" (estimate ${((estimate! - end) / 1000).toFixed(2)} s from the actual end ${new Date(end).toISOString()})`,
  );
});

test('a 429 with retry-after: 3 holds the next request at least 3 s, then the run completes', async ({ server, openPopup }) => {
  const emails = makeAddresses(3, 'retry');
  const accounts = { [emails[0]!]: ['Adobe'], [emails[1]!]: ['LinkedIn'] };
  server.setAccounts(accounts);
  // Aimed at the lookups: the background may also be refreshing the public breach catalog.
  server.injectFault({ match: { provider: 'xposedornot', pathIncludes: '/v1/breach-analytics' }, times: 1, status: 429, retryAfter: '3' });

  const popup = new PopupPage(await openPopup());
  await addAddresses(popup.page, emails);
  await expect(popup.page.locator('li.address')).toHaveCount(3);
  await popup.checkNow();
  // While held, the address says why and until when.
  await expect(popup.status(emails[0]!)).toContainText('Rate limited by XposedOrNot — next try at');

  const [run] = await waitForRunsFinished(popup.page, 1, 20_000);
  const asked = lookups(server);
  expect(asked.map((r) => r.status), requestLog(server)).toEqual([429, 200, 200, 200]);
  // The refused address is asked again; every address once more in all.
  expect(asked.map(lookedUp)).toEqual([emails[0], ...emails]);
  const held = asked[1]!.time - asked[0]!.time;
  console.log(`retry-after 3: next request reached the server ${held} ms after the 429`);
  expect(held).toBeGreaterThanOrEqual(3000);
  expect(held).toBeLessThan(3000 * 1.5);
  await expectOneResultEach(popup.page, run!, accounts, emails);
  await expect(popup.status(emails[0]!)).toContainText('Found in 1 breach');
});
