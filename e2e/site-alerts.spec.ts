/**
 * Alerts while browsing, end to end: the production code paths with the "tabs" permission granted
 * (dist/chrome-granted), the HIBP catalog served by the local fixture server under HIBP's real hostname,
 * and the visited websites served by a second local HTTPS server under their real hostnames.
 * Nothing leaves the machine; Chromium resolves every name to 127.0.0.1.
 */
import { test as base, expect, type BrowserContext, type CDPSession, type Page, type Worker } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeBreach, startFixtureServer, type FixtureServer, type LoggedRequest } from './server/fixture-server';
import { PopupPage } from './support/popup-page';
import { readStore } from './support/read-store';
import {
  ActionPopup,
  PROVIDER_HOSTS,
  badges,
  browserSessionFixture,
  catalogSize,
  fixtureTls,
  hasBreach,
  hostResolverRules,
  launchMapped,
  notificationIds,
  notificationsSeen,
  observeNotifications,
  startSitesServer,
  tabIdOf,
  type SiteChrome,
  type SitesServer,
  type StoredSiteAlert,
} from './support/site-browsing';

/** Hostnames the tests browse to: breached ones (per the real HIBP catalog), their parents, a clean one. */
const SITES = {
  /** Adobe: recorded on adobe.com, verified, added 2013. */
  adobe: 'adobe.com',
  adobeWww: 'www.adobe.com',
  adobeShop: 'shop.adobe.com',
  /** Boxee: recorded on forums.boxee.com only. */
  boxeeForums: 'forums.boxee.com',
  boxee: 'boxee.com',
  boxeeWww: 'www.boxee.com',
  /** CrossFire (verified) on cfire.mail.ru; MailRu (unverified) on mail.ru. */
  crossfire: 'cfire.mail.ru',
  clean: 'www.example-clean-shop.com',
  /** Not in the catalog until a test adds FreshShop on the server. */
  fresh: 'www.freshshop-test.com',
  /** Under co.uk, which one test records a breach on (a provider error a catalog may carry). */
  underRegistry: 'www.tea-shop-test.co.uk',
  /** bücher-test.example as the browser gives it (punycode); one test records a breach on its Unicode form. */
  idn: 'www.xn--bcher-test-9db.example',
} as const;

/** Every string that would betray browsing if it reached a provider. */
const BROWSING_NEEDLES = [...Object.values(SITES), 'adobe', 'boxee', 'mail.ru', 'example-clean-shop', 'freshshop'];

const CATALOG_MIN = 800;
const ALERT_TITLE = 'Was I Exposed?';

interface Fixtures {
  provider: FixtureServer;
  /** Every request the provider server answered, kept across clearLog(). */
  providerLog: LoggedRequest[];
  sites: SitesServer;
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  /** A browser-level DevTools session (for Extensions.triggerAction and Target.*). */
  cdp: CDPSession;
}

const test = base.extend<Fixtures>({
  providerLog: async ({}, use) => { // eslint-disable-line no-empty-pattern -- Playwright reads fixture deps from this pattern
    await use([]);
  },
  provider: async ({ providerLog }, use) => {
    const server = await startFixtureServer({ tls: fixtureTls(), onResponse: (entry) => providerLog.push(entry) });
    await use(server);
    await server.close();
  },
  sites: async ({}, use) => { // eslint-disable-line no-empty-pattern -- Playwright reads fixture deps from this pattern
    const server = await startSitesServer(fixtureTls());
    await use(server);
    await server.close();
  },
  context: async ({ provider, sites }, use) => {
    const profile = mkdtempSync(join(tmpdir(), 'wie-site-'));
    const rules = hostResolverRules([
      { port: provider.port, hosts: PROVIDER_HOSTS },
      { port: sites.port, hosts: Object.values(SITES) },
    ]);
    const context = await launchMapped(profile, rules);
    await use(context);
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  },
  worker: async ({ context }, use) => {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    await observeNotifications(worker);
    await use(worker);
  },
  extensionId: async ({ worker }, use) => {
    await use(new URL(worker.url()).host);
  },
  cdp: browserSessionFixture,
});

// Each test launches its own browser, syncs a 1.1 MB catalog and opens many tabs; on two busy
// cores the longest took ~40 s, too close to the suite's 60 s default.
test.describe.configure({ timeout: 120_000 });

async function configure(worker: Worker, settings: Record<string, unknown>): Promise<void> {
  await worker.evaluate((items) => (globalThis as unknown as SiteChrome).chrome.storage.local.set(items), settings);
}

/**
 * Chooses HIBP (which starts a catalog sync) with site alerts on, and waits until the catalog is
 * in IndexedDB. Returns how long that took, in ms.
 */
async function enableSiteAlerts(worker: Worker, extra: Record<string, unknown> = {}): Promise<number> {
  const started = Date.now();
  await configure(worker, { providers: ['hibp'], hibpApiKey: 'test-key', siteAlerts: true, ...extra });
  await expect
    .poll(() => catalogSize(worker, 'hibp'), { timeout: 20_000, intervals: [100], message: 'HIBP catalog stored' })
    .toBeGreaterThanOrEqual(CATALOG_MIN);
  const took = Date.now() - started;
  test.info().annotations.push({ type: 'catalog sync', description: `${took} ms from choosing HIBP to ${await catalogSize(worker, 'hibp')} breaches stored` });
  return took;
}

interface Visit {
  page: Page;
  url: string;
  tabId: number;
}

let visits = 0;

/** Opens `host` in a new tab, as a person would, and checks the websites server answered it. */
async function visit(context: BrowserContext, worker: Worker, host: string): Promise<Visit> {
  const page = await context.newPage();
  await page.goto(`https://${host}/?visit=${++visits}`);
  await expect(page).toHaveTitle(host);
  const url = page.url();
  return { page, url, tabId: await tabIdOf(worker, url) };
}

/** Navigates an existing tab to `host`. */
async function navigate(worker: Worker, tab: Visit, host: string): Promise<Visit> {
  await tab.page.goto(`https://${host}/?visit=${++visits}`);
  await expect(tab.page).toHaveTitle(host);
  return { ...tab, url: tab.page.url(), tabId: await tabIdOf(worker, tab.page.url()) };
}

async function expectAlertBadge(worker: Worker, tab: Visit): Promise<void> {
  await expect.poll(async () => (await badges(worker, tab.tabId)).tab, { message: `badge on ${tab.url}` }).toBe('!');
  expect((await badges(worker, tab.tabId)).title).toMatch(/^Was I Exposed\? — .+ had (a breach|\d+ breaches)$/);
}

/**
 * The tab keeps the global badge: checked repeatedly for a while, since "nothing happened" has no
 * event to wait for (the lookup itself takes a few milliseconds).
 */
async function expectNoAlertBadge(worker: Worker, tab: Visit, forMs = 1_500): Promise<void> {
  const until = Date.now() + forMs;
  do {
    const shown = await badges(worker, tab.tabId);
    expect(shown.tab, `badge on ${tab.url}`).toBe(shown.global);
    expect(shown.tab).not.toBe('!');
    expect(shown.title).toBe(ALERT_TITLE);
    await new Promise((r) => setTimeout(r, 150));
  } while (Date.now() < until);
}

/** Clicks the toolbar button on the tab and reads the popup's site card. */
async function popupOn(cdp: CDPSession, extensionId: string, tab: Visit): Promise<ActionPopup> {
  const popup = await ActionPopup.open(cdp, extensionId, tab.page);
  expect((await popup.snapshot()).activeUrl, 'the popup reads the tab it was opened on').toBe(tab.url);
  return popup;
}

async function expectCard(cdp: CDPSession, extensionId: string, tab: Visit, breachIds: string[], text: RegExp): Promise<void> {
  const popup = await popupOn(cdp, extensionId, tab);
  try {
    await popup.waitFor(`document.querySelector('[data-testid=site-card]')`);
    const snap = await popup.snapshot();
    expect(snap.breaches, `card on ${tab.url}`).toEqual(breachIds);
    expect(snap.card).toMatch(text);
  } finally {
    await popup.close();
  }
}

async function expectNoCard(cdp: CDPSession, extensionId: string, tab: Visit): Promise<void> {
  const popup = await popupOn(cdp, extensionId, tab);
  try {
    // The card loads after the popup is ready; give it the same round trip to the background.
    await popup.evaluate(`chrome.runtime.sendMessage({ type: 'site/card', payload: { url: ${JSON.stringify(tab.url)} } })`);
    await new Promise((r) => setTimeout(r, 300));
    expect((await popup.snapshot()).card, `card on ${tab.url}`).toBeNull();
  } finally {
    await popup.close();
  }
}

/** Site notifications shown now. */
async function siteNotifications(worker: Worker): Promise<string[]> {
  return (await notificationIds(worker)).filter((id) => id.startsWith('site:'));
}

/** Site notifications raised since the test started, closed ones included. */
async function siteNotificationsEver(worker: Worker): Promise<string[]> {
  return (await notificationsSeen(worker)).filter((id) => id.startsWith('site:'));
}

/** No request to a provider carried a visited hostname, in its URL or any header (referer included). */
function expectNothingAboutBrowsing(log: readonly LoggedRequest[]): void {
  expect(log.length, 'the provider server was used').toBeGreaterThan(0);
  for (const request of log) {
    expect(PROVIDER_HOSTS as readonly string[]).toContain(request.headers.host ?? '');
    const url = request.url.toLowerCase();
    const headers = Object.entries(request.headers).map(([name, value]) => `${name}: ${value}`.toLowerCase());
    for (const needle of BROWSING_NEEDLES) {
      expect(url, `${request.method} ${request.url}`).not.toContain(needle);
      for (const header of headers) expect(header, `${request.method} ${request.url}`).not.toContain(needle);
    }
  }
}

/** The websites saw only the browser's own page loads: no lookup of a visited site by the extension. */
function expectOnlyPageLoads(sites: SitesServer): void {
  for (const request of sites.requests) {
    expect(['document', 'image', 'empty'], `${request.host}${request.url}`).toContain(request.headers['sec-fetch-dest'] ?? '');
    expect(request.headers.origin ?? '', `${request.host}${request.url}`).not.toMatch(/^chrome-extension:/);
  }
}

/** Requests for the breach catalogs (HIBP and XposedOrNot) in the provider server's current log. */
function catalogRequests(provider: FixtureServer): LoggedRequest[] {
  return provider.requests.filter((r) => r.path === '/api/v3/latestbreach' || r.path === '/api/v3/breaches' || r.path === '/v1/breaches');
}

async function catalogMark(worker: Worker, provider: string): Promise<{ etag?: string; lastModified?: string; latest?: string; fullAt?: number }> {
  return worker.evaluate(async (key) => {
    const { chrome } = globalThis as unknown as SiteChrome;
    return ((await chrome.storage.local.get(key))[key] ?? {}) as { etag?: string; lastModified?: string };
  }, `catalogMark.${provider}`);
}

/** The install-time 'catalog' alarm (about 3 s after install) has fired and is rescheduled daily. */
async function waitForInstallAlarm(worker: Worker): Promise<void> {
  await expect
    .poll(
      () => worker.evaluate(async () => ((await (globalThis as unknown as SiteChrome).chrome.alarms.get('catalog'))?.scheduledTime ?? 0) - Date.now()),
      { timeout: 15_000, intervals: [250], message: 'install-time catalog alarm fired and rescheduled daily' },
    )
    .toBeGreaterThan(60 * 60 * 1000);
  // Let the refresh it started finish.
  await new Promise((r) => setTimeout(r, 1_000));
}

/**
 * Fires the 'catalog' alarm now, as the daily one would, and returns the catalog requests it made:
 * waits for the first (`firstPath`) to be answered, then a while for any follow-up and for storing.
 */
async function refreshCatalog(worker: Worker, provider: FixtureServer, firstPath: string): Promise<{ requests: LoggedRequest[]; ms: number }> {
  provider.clearLog();
  const started = Date.now();
  await worker.evaluate(() => (globalThis as unknown as SiteChrome).chrome.alarms.create('catalog', { when: Date.now() + 100 }));
  await expect
    .poll(() => catalogRequests(provider).some((r) => r.path === firstPath && r.status !== 0), { timeout: 15_000, message: `${firstPath} answered` })
    .toBe(true);
  await new Promise((r) => setTimeout(r, 1_500));
  return { requests: [...catalogRequests(provider)], ms: Date.now() - started };
}

test('a breached domain, a subdomain of one and a breach recorded on a subdomain alert; a clean site does not', async ({
  context,
  worker,
  extensionId,
  cdp,
  providerLog,
  sites,
}) => {
  await enableSiteAlerts(worker, { siteAlertRecentMonths: 1200 });

  // The breached domain itself, and a subdomain of it.
  const adobe = await visit(context, worker, SITES.adobe);
  await expectAlertBadge(worker, adobe);
  await expectCard(cdp, extensionId, adobe, ['Adobe'], /adobe\.com had a breach.*Adobe was breached in 2013: email addresses, password hints, passwords, usernames\./);

  const shop = await visit(context, worker, SITES.adobeShop);
  await expectAlertBadge(worker, shop);
  await expectCard(cdp, extensionId, shop, ['Adobe'], /shop\.adobe\.com had a breach/);

  // Boxee is recorded on forums.boxee.com: that host alerts, its parent domain does not.
  const forums = await visit(context, worker, SITES.boxeeForums);
  await expectAlertBadge(worker, forums);
  await expectCard(cdp, extensionId, forums, ['Boxee'], /forums\.boxee\.com had a breach/);
  for (const host of [SITES.boxee, SITES.boxeeWww]) {
    const parent = await visit(context, worker, host);
    await expectNoAlertBadge(worker, parent);
    await expectNoCard(cdp, extensionId, parent);
  }

  // cfire.mail.ru: CrossFire is recorded there; mail.ru's own breach (MailRu) is unverified, so
  // hidden without the "doubtful" setting.
  const crossfire = await visit(context, worker, SITES.crossfire);
  await expectAlertBadge(worker, crossfire);
  await expectCard(cdp, extensionId, crossfire, ['CrossFire'], /cfire\.mail\.ru had a breach/);

  // A clean site: no badge of its own, no card.
  const clean = await visit(context, worker, SITES.clean);
  await expectNoAlertBadge(worker, clean);
  await expectNoCard(cdp, extensionId, clean);

  // The Adobe tab going to a clean site falls back to the global badge (and the default title).
  const moved = await navigate(worker, adobe, SITES.clean);
  await expectNoAlertBadge(worker, moved);

  // A breached page that sends the browser straight on to a clean site: the slower lookup of the
  // first page must not leave its badge on the second.
  const bounce = await context.newPage();
  await bounce.goto(`https://${SITES.adobeShop}/?goto=${SITES.clean}`);
  await bounce.waitForURL(`https://${SITES.clean}/?from=${SITES.adobeShop}`);
  await expect(bounce).toHaveTitle(SITES.clean);
  await expectNoAlertBadge(worker, { page: bounce, url: bounce.url(), tabId: await tabIdOf(worker, bounce.url()) });

  // Each breach recorded once, where first shown; none involves a saved address, so no notification.
  const records = await readStore<StoredSiteAlert>(worker, 'siteAlerts');
  expect(records.map((r) => [r.host, r.breachIds, r.emails]).sort()).toEqual([
    [SITES.adobe, ['Adobe'], []],
    [SITES.crossfire, ['CrossFire'], []],
    [SITES.boxeeForums, ['Boxee'], []],
  ].sort());
  expect(await siteNotificationsEver(worker)).toEqual([]);

  expectNothingAboutBrowsing(providerLog);
  expectOnlyPageLoads(sites);
  expect(new Set(sites.requests.filter((r) => r.headers['sec-fetch-dest'] === 'document').map((r) => r.host))).toEqual(
    new Set([SITES.adobe, SITES.adobeShop, SITES.boxeeForums, SITES.boxee, SITES.boxeeWww, SITES.crossfire, SITES.clean]),
  );
});

test('a catalog entry on a bare public suffix never alerts; one written in Unicode alerts on its punycode host', async ({
  context,
  worker,
  extensionId,
  cdp,
  provider,
}) => {
  provider.addBreach(makeBreach({ Name: 'RegistryWide', Title: 'RegistryWide', Domain: 'co.uk', DataClasses: ['Email addresses'] }));
  provider.addBreach(makeBreach({ Name: 'BuecherTest', Title: 'BuecherTest', Domain: 'Bücher-Test.example', DataClasses: ['Email addresses'] }));
  await enableSiteAlerts(worker);
  await expect.poll(() => hasBreach(worker, 'hibp', 'RegistryWide')).toBe(true);
  await expect.poll(() => hasBreach(worker, 'hibp', 'BuecherTest')).toBe(true);

  const underRegistry = await visit(context, worker, SITES.underRegistry);
  await expectNoAlertBadge(worker, underRegistry);
  await expectNoCard(cdp, extensionId, underRegistry);

  const idn = await visit(context, worker, SITES.idn);
  await expectAlertBadge(worker, idn);
  await expectCard(cdp, extensionId, idn, ['BuecherTest'], /had a breach.*BuecherTest/);
});

test('"Never alert for this site" silences it: no badge, no record on the next visit; it can be turned back on', async ({
  context,
  worker,
  extensionId,
  cdp,
  providerLog,
}) => {
  await enableSiteAlerts(worker, { siteAlertRecentMonths: 1200 });

  const first = await visit(context, worker, SITES.boxeeForums);
  await expectAlertBadge(worker, first);
  const popup = await popupOn(cdp, extensionId, first);
  try {
    await popup.waitFor(`document.querySelector('[data-testid=site-card] li[data-breach="Boxee"]')`);
    await popup.clickCardButton('Never alert for this site');
    await popup.waitFor(`document.querySelector('[data-testid=site-card]')?.textContent.includes('Alerts are off for forums.boxee.com')`);
  } finally {
    await popup.close();
  }
  expect((await worker.evaluate(() => (globalThis as unknown as SiteChrome).chrome.storage.local.get('silencedSites'))).silencedSites).toEqual([
    SITES.boxeeForums,
  ]);

  const again = await visit(context, worker, SITES.boxeeForums);
  await expectNoAlertBadge(worker, again);
  // The card says alerts are off, and offers to turn them back on.
  const quiet = await popupOn(cdp, extensionId, again);
  try {
    await quiet.waitFor(`document.querySelector('[data-testid=site-card]')`);
    expect((await quiet.snapshot()).card).toMatch(/^Alerts are off for forums\.boxee\.com\. ?Turn them back on$/);
  } finally {
    await quiet.close();
  }

  // Silenced before its first visit (the popup's message), a site leaves no record at all.
  // (From an extension page: the worker's own sendMessage does not reach its listeners.)
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/src/ui/options/index.html`);
  expect(await options.evaluate(() =>
    (globalThis as unknown as SiteChrome).chrome.runtime.sendMessage({ type: 'site/silence', payload: { domains: ['cfire.mail.ru'], silenced: true } }),
  )).toEqual({ ok: true, value: null });
  const before = await readStore<StoredSiteAlert>(worker, 'siteAlerts');
  const crossfire = await visit(context, worker, SITES.crossfire);
  await expectNoAlertBadge(worker, crossfire);
  expect(await readStore<StoredSiteAlert>(worker, 'siteAlerts')).toEqual(before);
  expect(before.map((r) => r.host)).toEqual([SITES.boxeeForums]);
  expect(await siteNotificationsEver(worker)).toEqual([]);

  // Other sites still alert.
  await expectAlertBadge(worker, await visit(context, worker, SITES.adobeWww));

  // "Turn them back on" in the card, and the next visit alerts again.
  const undo = await popupOn(cdp, extensionId, again);
  try {
    await undo.waitFor(`document.querySelector('[data-testid=site-card] button')`);
    await undo.clickCardButton('Turn them back on');
    await undo.waitFor(`document.querySelector('[data-testid=site-card] li[data-breach="Boxee"]')`);
  } finally {
    await undo.close();
  }
  await expectAlertBadge(worker, await visit(context, worker, SITES.boxeeForums));

  expectNothingAboutBrowsing(providerLog);
});

test('a breach involving a saved address raises one notification, once', async ({ context, worker, extensionId, cdp, provider, providerLog }) => {
  provider.setAccounts({ 'victim@example.com': ['Adobe'] });
  // Default window (12 months): old breaches not involving the user stay quiet.
  await enableSiteAlerts(worker);

  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/src/ui/popup/index.html`);
  const popup = new PopupPage(page);
  await popup.addAddress('victim@example.com');
  await popup.checkNow();
  await expect(popup.breaches('victim@example.com')).toHaveCount(1);
  await expect
    .poll(async () => (await readStore<{ email: string; breachId: string }>(worker, 'exposures')).map((e) => `${e.email} ${e.breachId}`))
    .toEqual(['victim@example.com Adobe']);
  expect(await siteNotificationsEver(worker)).toEqual([]);

  // Boxee (2014, not the user's) is outside the 12-month window: nothing.
  const boxee = await visit(context, worker, SITES.boxeeForums);
  await expectNoAlertBadge(worker, boxee);

  // Adobe involves the saved address: badge, card, and exactly one notification.
  const adobe = await visit(context, worker, SITES.adobe);
  await expectAlertBadge(worker, adobe);
  await expect.poll(() => siteNotificationsEver(worker), { message: 'site notification' }).toHaveLength(1);
  await expectCard(cdp, extensionId, adobe, ['Adobe'], /^⚠ Your address was exposed by this site.*v\S*@example\.com was in the 2013 breach of Adobe/);
  await new Promise((r) => setTimeout(r, 1_000));
  const [shown] = await siteNotificationsEver(worker);
  expect(await siteNotificationsEver(worker)).toEqual([shown]);
  const records = await readStore<StoredSiteAlert>(worker, 'siteAlerts');
  expect(records.map((r) => [r.host, r.breachIds, r.emails])).toEqual([[SITES.adobe, ['Adobe'], ['victim@example.com']]]);
  expect(shown).toBe(`site:${records[0]!.id}`);

  await worker.evaluate((id) => (globalThis as unknown as SiteChrome).chrome.notifications.clear(id), shown!);
  expect(await siteNotifications(worker)).toEqual([]);

  // Again, and on other subdomains: the badge still shows, but no second notification or record.
  for (const host of [SITES.adobe, SITES.adobeWww, SITES.adobeShop]) {
    const again = await visit(context, worker, host);
    await expectAlertBadge(worker, again);
  }
  await new Promise((r) => setTimeout(r, 1_500));
  expect(await siteNotifications(worker)).toEqual([]);
  expect(await siteNotificationsEver(worker), 'no notification since, not even one that closed itself').toEqual([shown]);
  expect(await readStore<StoredSiteAlert>(worker, 'siteAlerts')).toEqual(records);

  expectNothingAboutBrowsing(providerLog);
});

test('an unchanged catalog costs one small request; a new breach is downloaded and alerts', async ({
  context,
  worker,
  extensionId,
  cdp,
  provider,
  providerLog,
}) => {
  const syncMs = await enableSiteAlerts(worker);
  // (If the install alarm fires while that first sync is still running, a second download may
  // overlap it: syncs are not single-flight. Not what this test is about.)
  expect(catalogRequests(provider).find((r) => r.path === '/api/v3/breaches')?.status).toBe(200);
  // The mark (with the catalog's ETag) is written just after the catalog itself.
  await expect.poll(async () => (await catalogMark(worker, 'hibp')).etag ?? '').not.toBe('');
  await waitForInstallAlarm(worker);
  const etag = (await catalogMark(worker, 'hibp')).etag;
  const refresh = () => refreshCatalog(worker, provider, '/api/v3/latestbreach');

  // Unchanged: only /latestbreach, no catalog body.
  const unchanged = await refresh();
  expect(unchanged.requests.map((r) => `${r.status} ${r.path}`)).toEqual(['200 /api/v3/latestbreach']);

  // FreshShop is not in the catalog yet: visiting it is quiet.
  const before = await visit(context, worker, SITES.fresh);
  await expectNoAlertBadge(worker, before, 800);

  provider.addBreach(makeBreach({ Name: 'FreshShop', Title: 'FreshShop', Domain: 'freshshop-test.com', DataClasses: ['Email addresses', 'Passwords'] }));
  const changed = await refresh();
  expect(changed.requests.map((r) => `${r.status} ${r.path}`)).toEqual(['200 /api/v3/latestbreach', '200 /api/v3/breaches']);
  expect(changed.requests[1]!.headers['if-none-match']).toBe(etag);
  await expect.poll(() => hasBreach(worker, 'hibp', 'FreshShop')).toBe(true);

  // Added today, so it alerts under the default 12-month window.
  const after = await visit(context, worker, SITES.fresh);
  await expectAlertBadge(worker, after);
  await expectCard(cdp, extensionId, after, ['FreshShop'], /www\.freshshop-test\.com had a breach.*FreshShop was breached in \d{4}: email addresses, passwords\./);

  test.info().annotations.push({ type: 'catalog refresh', description: `first sync ${syncMs} ms; unchanged refresh ${unchanged.ms} ms incl. 1.5 s settle; changed ${changed.ms} ms incl. 1.5 s settle` });
  expectNothingAboutBrowsing(providerLog);
});

test('XposedOrNot: the catalog syncs soon after install, alerts use it, and a refresh is a conditional request', async ({
  context,
  worker,
  extensionId,
  cdp,
  provider,
  providerLog,
}) => {
  // The default provider; only site alerts are turned on. The install alarm does the first sync.
  const started = Date.now();
  await configure(worker, { siteAlerts: true, siteAlertRecentMonths: 1200 });
  await expect.poll(() => catalogSize(worker, 'xposedornot'), { timeout: 20_000, intervals: [100], message: 'XposedOrNot catalog stored' }).toBeGreaterThanOrEqual(700);
  test.info().annotations.push({ type: 'catalog sync', description: `XposedOrNot: ${Date.now() - started} ms from turning site alerts on just after launch (install alarm at ~3 s) to ${await catalogSize(worker, 'xposedornot')} breaches stored` });
  expect(catalogRequests(provider).map((r) => `${r.status} ${r.headers.host} ${r.path}`)).toEqual(['200 api.xposedornot.com /v1/breaches']);
  await expect.poll(async () => (await catalogMark(worker, 'xposedornot')).lastModified ?? '').not.toBe('');

  const forums = await visit(context, worker, SITES.boxeeForums);
  await expectAlertBadge(worker, forums);
  await expectCard(cdp, extensionId, forums, ['Boxee'], /forums\.boxee\.com had a breach/);
  await expectNoAlertBadge(worker, await visit(context, worker, SITES.boxee));

  await waitForInstallAlarm(worker);
  const { lastModified } = await catalogMark(worker, 'xposedornot');
  const unchanged = await refreshCatalog(worker, provider, '/v1/breaches');
  expect(unchanged.requests.map((r) => `${r.status} ${r.path}`)).toEqual(['304 /v1/breaches']);
  expect(unchanged.requests[0]!.headers['if-modified-since']).toBe(lastModified);

  provider.addBreach(makeBreach({ Name: 'FreshShop', Title: 'FreshShop', Domain: 'freshshop-test.com' }));
  const changed = await refreshCatalog(worker, provider, '/v1/breaches');
  expect(changed.requests.map((r) => `${r.status} ${r.path}`)).toEqual(['200 /v1/breaches']);
  await expect.poll(() => hasBreach(worker, 'xposedornot', 'FreshShop')).toBe(true);
  await expectAlertBadge(worker, await visit(context, worker, SITES.fresh));

  expectNothingAboutBrowsing(providerLog);
});
