/**
 * The Firefox build in real Firefox (Debian's firefox-esr), where the background is an event page
 * that Firefox suspends, and permissions, storage and declarativeNetRequest differ from Chromium's:
 * the main paths with both providers, against the local server.
 */
import { test, expect } from '@playwright/test';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { makeBreach, providerSettings, startFixtureServer, type FixtureServer } from './server/fixture-server';
import { fixtureTls, startSitesServer, type SitesServer } from './support/site-browsing';
import { DIST_FIREFOX_GRANTED, launchFirefox, type FirefoxSession } from './support/firefox';
import { readStore } from './support/read-store';

declare const browser: {
  storage: { local: { set(items: Record<string, unknown>): Promise<void>; get(keys: null): Promise<Record<string, unknown>> } };
  tabs: { query(q: { url: string }): Promise<Array<{ id: number }>> };
  action: { getBadgeText(details: { tabId: number }): Promise<string> };
  runtime: { sendMessage(message: unknown): Promise<{ ok: boolean; value?: unknown; error?: string }> };
};

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

const configure = (page: Page, settings: Record<string, unknown>) =>
  page.evaluate((s) => browser.storage.local.set(s), { ...providerSettings(server.url), ...settings });

/** Through the same typed protocol the pages use. */
async function ask(page: Page, type: string, payload: unknown): Promise<unknown> {
  const reply = await page.evaluate((m) => browser.runtime.sendMessage(m), { type, payload });
  if (!reply.ok) throw new Error(`${type} refused: ${reply.error}`);
  return reply.value;
}

const text = (page: Page, selector: string) => page.evaluate((s) => document.querySelector(s)?.textContent ?? '', selector);

/** Captures what the page offers as a download (the export) instead of saving it to disk. */
async function captureDownloads(page: Page): Promise<void> {
  await page.evaluate(() => {
    const g = window as unknown as { __downloads: Array<Promise<string>> };
    g.__downloads = [];
    const create = URL.createObjectURL.bind(URL);
    URL.createObjectURL = (blob: Blob | MediaSource) => {
      if (blob instanceof Blob) g.__downloads.push(blob.text());
      return create(blob);
    };
    HTMLAnchorElement.prototype.click = function click() {
      // Kept from the disk: the test reads the blob above.
    };
  });
}

async function exportJson(page: Page): Promise<string> {
  const before = await page.evaluate(() => (window as unknown as { __downloads: unknown[] }).__downloads.length);
  await page.locator('button ::-p-text(Export everything (JSON))').click();
  await page.waitForFunction((n) => (window as unknown as { __downloads: unknown[] }).__downloads.length > n, {}, before);
  return page.evaluate(() => (window as unknown as { __downloads: Array<Promise<string>> }).__downloads.at(-1)!);
}

test('Firefox: history with a notice, then export → delete everything → import gives the same file', async () => {
  server.setAccounts({ 'victim@example.com': ['Adobe', 'LinkedIn'] });
  session = await launchFirefox();
  const popup = await session.openPage('src/ui/popup/index.html');
  await configure(popup, { provider: 'xposedornot' });
  // The catalog's first download (soon after install) lands first, so the breach records exported
  // are the catalog's, as they will be again after the import.
  await expect.poll(() => popup.evaluate(async () => Object.keys(await browser.storage.local.get(null))), { timeout: 30_000 }).toContain('catalogMark.xposedornot');
  await ask(popup, 'address/add', { email: 'victim@example.com' });
  await ask(popup, 'check/start', {});
  await popup.waitForFunction(() => document.querySelectorAll('li.address li.breach').length === 2, { timeout: 30_000 });

  const history = await session.openPage('src/ui/history/index.html');
  await history.waitForFunction(() => document.body.textContent?.includes('2 entries'), { timeout: 20_000 });

  // A notice typed in the form, as a person would.
  await history.type('#notice-organisation', 'City Library');
  await history.type('#notice-date', '2024-02');
  await history.type('#notice-classes', 'Names, Email addresses');
  await history.click('[data-testid=notice-form] button[type=submit]');
  await history.waitForFunction(() => document.body.textContent?.includes('3 entries'), { timeout: 20_000 });
  expect(await text(history, '[data-testid=notice-form] [role=status]')).toContain('Recorded the notice from City Library');

  await captureDownloads(history);
  const first = await exportJson(history);
  const doc = JSON.parse(first) as { exposures: unknown[]; notices: Array<{ organisation: string }> };
  expect(doc.exposures).toHaveLength(2);
  expect(doc.notices.map((n) => n.organisation)).toEqual(['City Library']);

  await history.locator('button ::-p-text(Delete everything…)').click();
  await history.click('dialog[open] .dialog-actions button.danger');
  await history.waitForFunction(() => document.querySelector('[data-testid=data-message]')?.textContent === 'Everything was deleted from this browser.', { timeout: 20_000 });
  await history.waitForSelector('[data-testid=history-empty]', { timeout: 20_000 });

  const dir = mkdtempSync(join(tmpdir(), 'wie-ff-import-'));
  try {
    const file = join(dir, 'backup.json');
    writeFileSync(file, first);
    // The data tools stay disabled until the deletion's work is done: wait for the import to be offered again.
    const input = await history.waitForSelector('input[data-testid=import-file]:not([disabled])', { timeout: 20_000 });
    await input!.uploadFile(file);
    await history.waitForFunction(() => document.querySelector('[data-testid=data-message]')?.textContent?.startsWith('Imported'), { timeout: 20_000 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  expect(await text(history, '[data-testid=data-message]')).toMatch(/^Imported 1 address, 2 exposures, 2 breach records, 1 notice/);
  // The timeline reloads after the message.
  await history.waitForFunction(() => document.body.textContent?.includes('3 entries'), { timeout: 20_000 });
  const second = await exportJson(history);
  // Everything of the user's comes back exactly. The breach records are reference data: the
  // catalog download that "delete everything" starts may have refreshed them meanwhile (here the
  // lookup's year-only Adobe record gives way to the catalog's), so only their ids must agree.
  const mine = (text: string) => {
    const { breaches, ...rest } = JSON.parse(text) as { breaches: Array<{ provider: string; id: string }> };
    return { rest: JSON.stringify(rest), breaches: breaches.map((b) => `${b.provider}/${b.id}`) };
  };
  expect(mine(second).rest === mine(first).rest).toBe(true);
  expect(mine(second).breaches).toEqual(mine(first).breaches);
});

test('Firefox: the password check in the popup', async () => {
  server.setPasswords({ 'hunter2-in-a-breach': 4_321 });
  session = await launchFirefox();
  const popup = await session.openPage('src/ui/popup/index.html');
  await configure(popup, {});
  await popup.locator('::-p-text(Check a password)').click();
  await popup.type('[data-testid=password-input]', 'hunter2-in-a-breach');
  await popup.keyboard.press('Enter');
  await popup.waitForFunction(() => /4[,.\u202f\u00a0 ]?321 times/.test(document.querySelector('[data-testid=password-result]')?.textContent ?? ''), { timeout: 20_000 });
  expect(await popup.$eval('[data-testid=password-input]', (e) => (e as HTMLInputElement).value)).toBe('');
  const ranges = server.requests.filter((r) => r.path.startsWith('/range/'));
  expect(ranges).toHaveLength(1);
  expect(ranges[0]?.path).toMatch(/^\/range\/[0-9A-F]{5}$/);
  expect(ranges[0]?.headers['add-padding']).toBe('true');
});

test('Firefox: a 20-address run while the background is suspended again and again ends with one result per address', async () => {
  test.setTimeout(240_000);
  const emails = Array.from({ length: 20 }, (_, i) => `person${i}@example.com`);
  server.setAccounts(Object.fromEntries(emails.map((e, i) => [e, i % 2 === 0 ? ['Adobe'] : []])));
  server.setApiKeys({ 'test-key': { plan: 'Pwned 4', rpm: 600 } });
  // Firefox suspends an idle event page after 30 s; here after 1 s, so the run crosses many suspensions.
  session = await launchFirefox({ 'extensions.background.idle.timeout': 1000 });
  const popup = await session.openPage('src/ui/popup/index.html');
  // One lookup every 2 s (the user's own extra limit): the background sleeps between lookups and is
  // suspended while it waits; only its alarm brings the next one.
  await configure(popup, { provider: 'hibp', hibpApiKey: 'test-key', hibpRequestsPerMinute: 600, extraRateLimit: 1, extraRateWindowSeconds: 2 });
  for (const email of emails) await ask(popup, 'address/add', { email });
  const { runId } = (await ask(popup, 'check/start', {})) as { runId: string };

  // Watch the background page come and go (a running event page is one of the extension's views).
  let suspensions = 0;
  let alive = true;
  const deadline = Date.now() + 200_000;
  let results = 0;
  while (Date.now() < deadline) {
    const now = await popup.evaluate(() =>
      (browser as unknown as { extension: { getViews(): Window[] } }).extension.getViews().some((w) => w.location.pathname.endsWith('_generated_background_page.html')),
    );
    if (alive && !now) suspensions += 1;
    alive = now;
    results = server.requests.filter((r) => r.path.startsWith('/api/v3/breachedaccount/') && r.status !== 0).length;
    if (results >= emails.length) break;
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  expect(results).toBe(emails.length);
  // The record of the run, read through the extension's own IndexedDB in Firefox.
  await expect
    .poll(async () => (await readStore<{ id: string; finishedAt: number | null }>(popup, 'runs')).find((r) => r.id === runId)?.finishedAt ?? null, { timeout: 30_000 })
    .not.toBeNull();
  const stored = {
    results: await readStore<{ email: string; outcome: string }>(popup, 'results'),
    exposures: await readStore(popup, 'exposures'),
    jobs: (await readStore(popup, 'jobs')).length,
  };
  expect(stored.jobs).toBe(0);
  expect(stored.results.map((r) => r.email).sort()).toEqual([...emails].sort());
  expect(stored.results.filter((r) => r.outcome === 'breached')).toHaveLength(10);
  expect(stored.results.filter((r) => r.outcome === 'clean')).toHaveLength(10);
  expect(stored.exposures).toHaveLength(10);
  // Each address looked up once: no lookup lost to a suspension, none repeated.
  const looked = server.requests.filter((r) => r.path.startsWith('/api/v3/breachedaccount/')).map((r) => decodeURIComponent(r.path.split('/').at(-1)!));
  expect(looked.sort()).toEqual([...emails].sort());
  console.log(`Firefox run across suspensions: ${suspensions} suspensions seen during 20 lookups`);
  expect(suspensions).toBeGreaterThanOrEqual(3);
});

test('Firefox: a site alert puts its badge on the tab of a breached site, and none on a clean one', async () => {
  const sites: SitesServer = await startSitesServer(fixtureTls());
  try {
    server.addBreach(makeBreach({ Name: 'ShopNorth', Title: 'Shop North', Domain: 'shop-north.example' }));
    // Web pages reach the sites server as through a proxy (Firefox has no host-resolver rules);
    // the extension's own requests to 127.0.0.1 never go through a proxy.
    session = await launchFirefox(
      { 'network.proxy.type': 1, 'network.proxy.http': '127.0.0.1', 'network.proxy.http_port': sites.port, 'network.proxy.share_proxy_settings': false },
      DIST_FIREFOX_GRANTED,
    );
    const popup = await session.openPage('src/ui/popup/index.html');
    await configure(popup, { provider: 'hibp', siteAlerts: true });
    // The catalog (with the new breach) arrives by itself after install.
    await expect.poll(async () => (await readStore<{ id: string }>(popup, 'breaches')).map((b) => b.id), { timeout: 30_000 }).toContain('ShopNorth');

    const shop = await session.firefox.newPage();
    await shop.goto('http://shop-north.example/');
    const clean = await session.firefox.newPage();
    await clean.goto('http://clean-cafe.example/');
    expect(sites.requests.map((r) => r.host)).toEqual(expect.arrayContaining(['shop-north.example', 'clean-cafe.example']));

    const badge = (url: string) =>
      popup.evaluate(async (u) => {
        const [tab] = await browser.tabs.query({ url: u });
        return tab ? browser.action.getBadgeText({ tabId: tab.id }) : 'no tab';
      }, url);
    await popup.waitForFunction(
      async () => {
        const [tab] = await browser.tabs.query({ url: 'http://shop-north.example/*' });
        return tab !== undefined && (await browser.action.getBadgeText({ tabId: tab.id })) === '!';
      },
      { timeout: 20_000, polling: 250 },
    );
    expect(await badge('http://shop-north.example/*')).toBe('!');
    expect(await badge('http://clean-cafe.example/*')).toBe('');
    // The visited hosts stayed in the browser: nothing the provider server saw names them.
    for (const request of server.requests) expect(JSON.stringify(request)).not.toMatch(/shop-north|clean-cafe/);
  } finally {
    await sites.close();
  }
});

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
