/**
 * The HIBP API key goes to Have I Been Pwned and nowhere else. With a distinctive key set through
 * Options (after a wrong one was refused), the extension tests the key, syncs the catalog (once
 * failing), checks an address (once answered with a redirect to another host), alerts on a
 * breached site and exports the history. Then: neither key is in any console message of any
 * extension page or the service worker, in the export files, in storage.sync or storage.session,
 * in IndexedDB or in an extension page's localStorage; and of every request the browser made (as
 * Playwright saw them, as the provider server logged them with their Host header, and as the
 * catch-all server that answers every other hostname logged them), only requests to
 * haveibeenpwned.com carry it, only in the `hibp-api-key` header, and only to the endpoints that
 * need a key.
 */
import type { BrowserContext, ConsoleMessage, Page, Request } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { armTripwires, EVIL_HOST } from './support/hostile-data';
import { expect, isChromiumOwn, test } from './support/mapped-browser';
import { PopupPage } from './support/popup-page';
import { PROVIDER_HOSTS, badges, hasBreach, tabIdOf, type SiteChrome } from './support/site-browsing';

const KEY = 'wie-key-7Qx2vR9mZ4kL8pT3';
const WRONG_KEY = 'wie-wrong-key-Hd81Ns0qPz';
const SECRETS = [KEY, WRONG_KEY];
const VICTIM = 'victim@example.com';
const HIBP = 'haveibeenpwned.com';
/** HIBP endpoints that take a key; the catalog and per-breach ones are free and must go without. */
const KEYED_PATHS = /^\/api\/v3\/(breachedaccount\/|subscription\/status$)/;

const leaks = (text: string) => SECRETS.filter((secret) => text.includes(secret));

interface Heard {
  where: string;
  type: string;
  text: string;
}

function listenToConsoles(context: BrowserContext): Heard[] {
  const heard: Heard[] = [];
  context.on('console', (message: ConsoleMessage) => {
    heard.push({ where: message.page()?.url() ?? message.worker()?.url() ?? '?', type: message.type(), text: message.text() });
  });
  return heard;
}

async function download(page: Page, button: string): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  return readFile(await file.path(), 'utf8');
}

/** Every object store of the extension's database, as one JSON text. */
function wholeDatabase(page: Page): Promise<string> {
  return page.evaluate(
    () =>
      new Promise<string>((done, fail) => {
        const open = indexedDB.open('was-i-exposed');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const names = [...db.objectStoreNames];
          const tx = db.transaction(names);
          const out: Record<string, unknown> = {};
          for (const name of names) {
            const request = tx.objectStore(name).getAll();
            request.onsuccess = () => (out[name] = request.result);
          }
          tx.oncomplete = () => {
            db.close();
            done(JSON.stringify(out));
          };
          tx.onerror = () => fail(tx.error);
        };
      }),
  );
}

/** Where a request went, and where in it a secret appears. */
function findings(request: { host: string; path: string; headers: Record<string, string>; body?: string | null }) {
  const inHeaders = Object.entries(request.headers).filter(([, value]) => leaks(value).length > 0).map(([name]) => name);
  return { host: request.host, path: request.path, inUrl: leaks(request.path).length > 0, inHeaders, inBody: leaks(request.body ?? '').length > 0 };
}

test('the HIBP key reaches haveibeenpwned.com only, in its header only; no console, export, sync storage or database holds it', async ({
  context,
  worker,
  extensionId,
  server,
  serverLog,
  sites,
}) => {
  const wires = armTripwires(context);
  const heard = listenToConsoles(context);
  server.setApiKeys({ [KEY]: { plan: 'Pwned 2', rpm: 600 } });
  server.setAccounts({ [VICTIM]: ['Adobe'] });

  // Options: a wrong key is refused, the right one tested and saved.
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/src/ui/options/index.html`);
  await options.getByRole('checkbox', { name: /Have I Been Pwned/ }).check();
  await options.getByRole('checkbox', { name: /XposedOrNot/ }).uncheck();
  await options.getByLabel('API key', { exact: true }).fill(WRONG_KEY);
  await options.getByRole('button', { name: 'Test key' }).click();
  await expect(options.getByRole('alert')).toContainText('Have I Been Pwned rejected this key');
  await options.getByLabel('API key', { exact: true }).fill(KEY);
  await options.getByRole('button', { name: 'Test key' }).click();
  await expect(options.getByTestId('key-status')).toContainText('plan Pwned 2');
  await options.getByRole('button', { name: 'Save' }).click();
  await expect(options.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();

  // The catalog sync that choosing HIBP started; then one that fails and is logged.
  await expect.poll(() => hasBreach(worker, 'hibp', 'Adobe'), { timeout: 30_000, message: 'HIBP catalog stored' }).toBe(true);
  server.injectFault({ match: { provider: 'hibp', pathIncludes: '/api/v3/breaches' }, status: 500, times: 1 });
  server.injectFault({ match: { provider: 'hibp', pathIncludes: '/api/v3/latestbreach' }, status: 500, times: 1 });
  await worker.evaluate(() => (globalThis as unknown as SiteChrome).chrome.alarms.create('catalog', { when: Date.now() + 50 }));
  await expect.poll(() => heard.some((h) => h.text.includes('catalog refresh failed')), { message: 'the failed refresh was logged by the worker' }).toBe(true);

  // A check, then one answered with a redirect to another host (refused, never followed).
  const popupPage = await context.newPage();
  await popupPage.goto(`chrome-extension://${extensionId}/src/ui/popup/index.html`);
  await popupPage.locator('body[data-ready="true"]').waitFor();
  const popup = new PopupPage(popupPage);
  await popup.addAddress(VICTIM);
  await popup.checkNow();
  await expect(popup.breaches(VICTIM)).toHaveCount(1);
  server.injectFault({ match: { provider: 'hibp', pathIncludes: 'breachedaccount' }, status: 302, headers: { location: `https://${EVIL_HOST}/steal` }, times: 1 });
  await popup.checkNow();
  await expect(popup.status(VICTIM)).toContainText(/Have I Been Pwned/);
  expect(serverLog.filter((r) => r.status === 302)).toHaveLength(1);

  // A visit to a breached site, with alerts on.
  await worker.evaluate(() => (globalThis as unknown as SiteChrome).chrome.storage.local.set({ siteAlerts: true }));
  const site = await context.newPage();
  await site.goto('https://adobe.com/');
  await expect(site).toHaveTitle('adobe.com');
  const tabId = await tabIdOf(worker, site.url());
  await expect.poll(async () => (await badges(worker, tabId)).tab, { message: 'site alert badge' }).toBe('!');

  // Both exports.
  const history = await context.newPage();
  await history.goto(`chrome-extension://${extensionId}/src/ui/history/index.html`);
  await history.locator('body[data-ready="true"]').waitFor();
  const json = await download(history, 'Export everything (JSON)');
  const csv = await download(history, 'Export timeline (CSV)');
  expect(json).toContain(VICTIM);
  expect(csv).toContain('Adobe');
  expect(leaks(json)).toEqual([]);
  expect(leaks(csv)).toEqual([]);

  // Storage: the key is in storage.local (where it belongs) and nowhere else.
  const local = await history.evaluate(() => chrome.storage.local.get(null));
  expect(local.hibpApiKey).toBe(KEY);
  expect(leaks(JSON.stringify(await history.evaluate(() => chrome.storage.sync.get(null))))).toEqual([]);
  const session = await worker.evaluate(() => (globalThis as unknown as { chrome: { storage: { session: { get(k: null): Promise<unknown> } } } }).chrome.storage.session.get(null));
  expect(leaks(JSON.stringify(session))).toEqual([]);
  expect(leaks(await wholeDatabase(history))).toEqual([]);
  for (const page of [options, popupPage, history]) expect(leaks(await page.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage })))).toEqual([]);

  // Consoles: pages and the service worker (which did log, above).
  expect(heard.filter((h) => h.where.startsWith('chrome-extension://') && h.where.includes('service-worker')).length).toBeGreaterThan(0);
  expect(heard.filter((h) => leaks(h.text).length > 0)).toEqual([]);

  // Requests, as the provider server received them (with their Host header).
  for (const request of serverLog) expect(PROVIDER_HOSTS as readonly string[]).toContain(request.headers.host);
  const keyed = serverLog.filter((r) => r.headers['hibp-api-key'] !== undefined);
  expect(keyed.length, 'the key was used').toBeGreaterThanOrEqual(3);
  for (const request of serverLog) {
    const found = findings({ host: request.headers.host ?? '', path: request.url, headers: request.headers });
    const carries = found.inHeaders.length > 0 || found.inUrl;
    if (!carries) continue;
    expect(found, `${request.method} ${request.headers.host}${request.url}`).toEqual({ host: HIBP, path: request.url, inUrl: false, inHeaders: ['hibp-api-key'], inBody: false });
    expect(request.path).toMatch(KEYED_PATHS);
  }
  for (const request of serverLog.filter((r) => r.headers.host !== HIBP)) expect(request.headers['hibp-api-key'], `${request.headers.host}${request.url}`).toBeUndefined();
  // As the catch-all received them: everything else, and not one carries a key.
  expect(sites.requests.filter((r) => r.host === EVIL_HOST)).toEqual([]);
  expect([...new Set(sites.requests.filter((r) => !isChromiumOwn(r)).map((r) => r.host))]).toEqual(['adobe.com']);
  for (const request of sites.requests) expect(findings({ ...request, path: request.url }), `${request.host}${request.url}`).toMatchObject({ inUrl: false, inHeaders: [] });
  // As the browser reported them to Playwright (pages and the service worker).
  const seen = wires.requests.map((r: Request) => ({ url: new URL(r.url()), headers: r.headers(), body: r.postData() }));
  for (const { url, headers, body } of seen) {
    const found = findings({ host: url.hostname, path: `${url.pathname}${url.search}`, headers, body });
    if (url.hostname === HIBP) expect(found.inUrl || found.inBody, url.href).toBe(false);
    else expect(found, url.href).toMatchObject({ inUrl: false, inHeaders: [], inBody: false });
  }
  expect(seen.some(({ url, headers }) => url.hostname === HIBP && headers['hibp-api-key'] === KEY), 'Playwright saw the keyed requests').toBe(true);

  test.info().annotations.push({
    type: 'key containment',
    description:
      `${serverLog.length} requests at the provider server (${keyed.length} with the key, all to ${HIBP}: ` +
      `${[...new Set(keyed.map((r) => r.path.replace(/breachedaccount\/.+$/, 'breachedaccount/…')))].join(', ')}), ` +
      `${sites.requests.length} at the catch-all (${sites.requests.filter(isChromiumOwn).length} of them Chromium's own), ` +
      `${seen.length} reported by the browser; ${heard.length} console messages`,
  });
});
