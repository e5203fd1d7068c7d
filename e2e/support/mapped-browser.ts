/**
 * A browser in which every hostname resolves to a local server: the providers' real hostnames to
 * the fixture server (HTTPS), and every other name — the websites a test visits, and any host a
 * hostile payload might reach for — to one recording server that speaks HTTPS and plain HTTP.
 * So "which hosts did the browser talk to?" has a complete answer: nothing can leave the machine,
 * and nothing can go anywhere without being logged with its Host header.
 */
import { test as base, type BrowserContext, type CDPSession, type Worker } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFixtureServer, type FixtureServer, type HibpBreach, type LoggedRequest } from '../server/fixture-server';
import { DIST_GRANTED, PROVIDER_HOSTS, browserSessionFixture, fixtureTls, launchMapped, startSitesServer, type SiteRequest, type SitesServer } from './site-browsing';

/** Our service worker's script in the build (crxjs's loader); another extension's has another name. */
const OUR_WORKER = /^chrome-extension:\/\/[a-p]{32}\/service-worker-loader\.js$/;

export interface MappedFixtures {
  /** Breaches both provider catalogs serve from the start, before the browser is launched. */
  initialBreaches: HibpBreach[];
  /** More unpacked extensions to load beside ours. */
  otherExtensions: string[];
  server: FixtureServer;
  /** Every request the provider server answered, kept across clearLog(). */
  serverLog: LoggedRequest[];
  /** The catch-all: every request to a hostname that is not a provider's. */
  sites: SitesServer;
  context: BrowserContext;
  /** Our extension's service worker. */
  worker: Worker;
  extensionId: string;
  /** A browser-level DevTools session (Extensions.triggerAction, Target.*). */
  cdp: CDPSession;
}

export const test = base.extend<MappedFixtures>({
  initialBreaches: [[], { option: true }],
  otherExtensions: [[], { option: true }],
  serverLog: async ({}, use) => { // eslint-disable-line no-empty-pattern -- Playwright reads fixture deps from this pattern
    await use([]);
  },
  server: async ({ serverLog, initialBreaches }, use) => {
    const server = await startFixtureServer({ tls: fixtureTls(), onResponse: (entry) => serverLog.push(entry) });
    for (const breach of initialBreaches) server.addBreach(breach);
    await use(server);
    await server.close();
  },
  sites: async ({}, use) => { // eslint-disable-line no-empty-pattern -- Playwright reads fixture deps from this pattern
    const server = await startSitesServer(fixtureTls());
    await use(server);
    await server.close();
  },
  context: async ({ server, sites, otherExtensions }, use) => {
    const profile = mkdtempSync(join(tmpdir(), 'wie-mapped-'));
    // First match wins: the providers' names first, then every other name to the catch-all.
    const rules = [...PROVIDER_HOSTS.map((h) => `MAP ${h} 127.0.0.1:${server.port}`), `MAP * 127.0.0.1:${sites.port}`].join(', ');
    const context = await launchMapped(profile, rules, [DIST_GRANTED, ...otherExtensions]);
    await use(context);
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  },
  worker: async ({ context }, use) => {
    const ours = (w: Worker) => OUR_WORKER.test(w.url());
    await use(context.serviceWorkers().find(ours) ?? (await context.waitForEvent('serviceworker', { predicate: ours })));
  },
  extensionId: async ({ worker }, use) => {
    await use(new URL(worker.url()).host);
  },
  cdp: browserSessionFixture,
});

export const expect = test.expect;

/**
 * Chromium's own background services, which call out whatever the extension does (the component
 * updater; the Google-account cookie check). They reach the catch-all like everything else. One
 * counts as Chromium's only when the browser itself sent it: no fetch metadata, or
 * Sec-Fetch-Site "none" (never a page's or an extension's request), and no extension origin.
 */
const CHROMIUM_SERVICE_HOSTS = ['update.googleapis.com', 'accounts.google.com'];

export function isChromiumOwn(request: SiteRequest): boolean {
  const site = request.headers['sec-fetch-site'];
  const origin = request.headers.origin ?? '';
  return CHROMIUM_SERVICE_HOSTS.includes(request.host) && (site === undefined || site === 'none') && !origin.startsWith('chrome-extension:');
}
