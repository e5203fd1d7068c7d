/**
 * The password-field check on web pages (Options: "Warn me when a password I type on a website is
 * in known breaches"), end to end in dist/chrome-granted (where the optional "scripting" permission
 * and https access are granted, since headless Chromium cannot answer a permission prompt). A
 * login page is served under a real hostname by a local HTTPS server, Pwned Passwords by the
 * fixture server under its real hostname. Checked: the warning, its count and its close button;
 * silence for an unknown password; only 5-character prefixes reach the provider; the text field
 * and the password leave no trace in any request.
 */
import { test as base, expect, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFixtureServer, type FixtureServer, type LoggedRequest } from './server/fixture-server';
import { PROVIDER_HOSTS, fixtureTls, hostResolverRules, launchMapped, type SiteChrome } from './support/site-browsing';

const SITE = 'login.example-shop.com';
/** Distinctive, so a search for them cannot match by accident. */
const BREACHED = 'Zq7-wie-field-Breached-Pa55word-71c3';
const UNKNOWN = 'Zq7-wie-field-Unknown-Pa55word-0d9a';
const USERNAME = 'Zq7-wie-field-username-text-5e28';
const COUNT = 4_321;

const sha1 = (text: string) => createHash('sha1').update(text, 'utf8').digest('hex').toUpperCase();
/** Everything a secret could leave a trace as: itself, its full hash, the hash's suffix. */
function traces(secret: string): string[] {
  const hash = sha1(secret);
  return [secret, encodeURIComponent(secret), hash, hash.toLowerCase(), hash.slice(5), hash.slice(5).toLowerCase()];
}

const LOGIN_PAGE = `<!doctype html><html><head><title>Sign in</title></head><body>
<form onsubmit="return false">
  <label>User <input id="user" type="text" name="user"></label>
  <label>Password <input id="pw" type="password" name="pw"></label>
  <button id="go" type="button">Sign in</button>
</form></body></html>`;

interface SiteRequest {
  url: string;
  headers: Record<string, string | string[] | undefined>;
}

interface Fixtures {
  provider: FixtureServer;
  providerLog: LoggedRequest[];
  site: { port: number; requests: SiteRequest[] };
  context: BrowserContext;
  worker: Worker;
}

const test = base.extend<Fixtures>({
  providerLog: async ({}, use) => { // eslint-disable-line no-empty-pattern -- Playwright reads fixture deps from this pattern
    await use([]);
  },
  provider: async ({ providerLog }, use) => {
    const server = await startFixtureServer({ tls: fixtureTls(), onResponse: (entry) => providerLog.push(entry) });
    server.setPasswords({ [BREACHED]: COUNT });
    await use(server);
    await server.close();
  },
  site: async ({}, use) => { // eslint-disable-line no-empty-pattern -- Playwright reads fixture deps from this pattern
    const requests: SiteRequest[] = [];
    const server = createServer(fixtureTls(), (req, res) => {
      requests.push({ url: req.url ?? '/', headers: req.headers });
      if (req.url === '/favicon.ico') return void res.writeHead(404).end();
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(LOGIN_PAGE);
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', () => done()));
    await use({ port: (server.address() as AddressInfo).port, requests });
    server.closeAllConnections();
    await new Promise<void>((done) => server.close(() => done()));
  },
  context: async ({ provider, site }, use) => {
    const profile = mkdtempSync(join(tmpdir(), 'wie-pwfield-'));
    const rules = hostResolverRules([
      { port: provider.port, hosts: PROVIDER_HOSTS },
      { port: site.port, hosts: [SITE] },
    ]);
    const context = await launchMapped(profile, rules);
    await use(context);
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  },
  worker: async ({ context }, use) => {
    await use(context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker')));
  },
});

interface ScriptingChrome {
  chrome: { scripting: { getRegisteredContentScripts(filter?: { ids?: string[] }): Promise<Array<{ id: string; js?: string[]; matches?: string[] }>> } };
}

const registered = (worker: Worker) =>
  worker.evaluate(async () => (await (globalThis as unknown as ScriptingChrome).chrome.scripting.getRegisteredContentScripts()).map((s) => s.id));

async function setCheck(worker: Worker, on: boolean): Promise<void> {
  await worker.evaluate((value) => (globalThis as unknown as SiteChrome).chrome.storage.local.set({ passwordFieldCheck: value }), on);
  await expect.poll(() => registered(worker), { timeout: 10_000 }).toEqual(on ? ['password-field-check'] : []);
}

async function openLogin(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`https://${SITE}/login`);
  await expect(page).toHaveTitle('Sign in');
  return page;
}

/** Types into a field and moves focus on (a blur), as a person would. */
async function fill(page: Page, selector: string, value: string): Promise<void> {
  await page.locator(selector).click();
  await page.keyboard.type(value);
  await page.locator('#go').focus();
}

const warning = (page: Page) => page.locator('[data-was-i-exposed=password-warning]');
const rangeRequests = (log: LoggedRequest[]) => log.filter((r) => r.path.startsWith('/range/'));

test.describe.configure({ timeout: 60_000 });

test('off by default: nothing is registered and nothing is looked up', async ({ context, worker, providerLog }) => {
  expect(await registered(worker)).toEqual([]);
  const page = await openLogin(context);
  await fill(page, '#pw', BREACHED);
  await page.waitForTimeout(1_000);
  await expect(warning(page)).toHaveCount(0);
  expect(rangeRequests(providerLog)).toEqual([]);
});

test('warns beside a breached password, can be dismissed, stays silent for an unknown one', async ({ context, worker, provider, providerLog, site }) => {
  await setCheck(worker, true);
  const page = await openLogin(context);

  // The text field is never read: leaving it asks nothing.
  await fill(page, '#user', USERNAME);
  await page.waitForTimeout(500);
  expect(rangeRequests(providerLog)).toEqual([]);

  await fill(page, '#pw', BREACHED);
  const alert = warning(page).getByRole('alert');
  await expect(alert).toHaveText(/This password appears in 4,321 known breaches\. Don't use it here\./);
  // Beside the field: the element right after it.
  expect(await page.locator('#pw').evaluate((field) => field.nextElementSibling?.getAttribute('data-was-i-exposed'))).toBe('password-warning');

  await warning(page).getByRole('button', { name: 'Dismiss this warning' }).click();
  await expect(warning(page)).toHaveCount(0);
  // Dismissed stays dismissed for the same password; typing again starts over.
  await page.locator('#pw').focus();
  await page.locator('#go').focus();
  await page.waitForTimeout(500);
  await expect(warning(page)).toHaveCount(0);

  await page.locator('#pw').fill('');
  await fill(page, '#pw', UNKNOWN);
  await expect.poll(() => rangeRequests(providerLog).length).toBeGreaterThanOrEqual(3);
  await page.waitForTimeout(500);
  await expect(warning(page)).toHaveCount(0);

  // Typing the breached one again warns again.
  await page.locator('#pw').fill('');
  await fill(page, '#pw', BREACHED);
  await expect(warning(page).getByRole('alert')).toContainText('4,321');

  // Only 5-character upper-case prefixes, padded, from the extension (not the site's origin).
  const asked = rangeRequests(provider.requests);
  expect(asked.length).toBeGreaterThanOrEqual(3);
  for (const request of asked) {
    expect(request.path).toMatch(/^\/range\/[0-9A-F]{5}$/);
    expect(request.headers['add-padding']).toBe('true');
    expect(request.headers.origin ?? '').not.toContain(SITE);
    expect(request.headers.referer ?? '').not.toContain(SITE);
  }
  expect(new Set(asked.map((r) => r.path))).toEqual(new Set([BREACHED, UNKNOWN].map((p) => `/range/${sha1(p).slice(0, 5)}`)));

  // No trace of the password, its hash, or the text field in anything the provider or the site received.
  const everything = JSON.stringify({ providerLog, site: site.requests });
  for (const secret of [BREACHED, UNKNOWN, USERNAME]) for (const trace of traces(secret)) expect(everything).not.toContain(trace);
  expect(everything).not.toContain('Zq7');
});

test('turning the setting off unregisters the script', async ({ context, worker, providerLog }) => {
  await setCheck(worker, true);
  await setCheck(worker, false);
  const page = await openLogin(context);
  await fill(page, '#pw', BREACHED);
  await page.waitForTimeout(1_000);
  await expect(warning(page)).toHaveCount(0);
  expect(rangeRequests(providerLog)).toEqual([]);
});

test('the Options checkbox turns the check on and off', async ({ context, worker }) => {
  const extensionId = new URL(worker.url()).host;
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/src/ui/options/index.html`);
  await expect(options.locator('body[data-ready=true]')).toBeAttached();
  const box = options.getByRole('checkbox', { name: /Warn me when a password I type on a website is in known breaches/ });
  await expect(box).not.toBeChecked();
  await box.check();
  await expect.poll(() => registered(worker), { timeout: 10_000 }).toEqual(['password-field-check']);
  await expect(box).toBeChecked();
  await box.uncheck();
  await expect.poll(() => registered(worker), { timeout: 10_000 }).toEqual([]);
  await expect(box).not.toBeChecked();
});
