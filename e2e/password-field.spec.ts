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

/**
 * A hostile login page: before any extension script runs it hooks attachShadow and watches every
 * change to the document, so it can later say whether it saw or could read the warning.
 */
const HOSTILE_PAGE = LOGIN_PAGE.replace('</body>', `<script>
  window.__seen = { attachShadow: 0, markers: [] };
  const original = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) { window.__seen.attachShadow++; return original.call(this, init); };
  new MutationObserver((records) => {
    for (const r of records) for (const n of r.addedNodes) if (n.nodeType === 1) window.__seen.markers.push(...n.getAttributeNames());
  }).observe(document, { subtree: true, childList: true });
</script></body>`);

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
      res.end(req.url?.startsWith('/hostile') ? HOSTILE_PAGE : LOGIN_PAGE);
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

async function openLogin(context: BrowserContext, path = '/login'): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`https://${SITE}${path}`);
  await expect(page).toHaveTitle('Sign in');
  return page;
}

/** Types into a field and moves focus on (a blur), as a person would. */
async function fill(page: Page, selector: string, value: string): Promise<void> {
  await page.locator(selector).click();
  await page.keyboard.type(value);
  await page.locator('#go').focus();
}

interface DomNode {
  nodeId: number;
  nodeType: number;
  nodeName: string;
  nodeValue: string;
  attributes?: string[];
  children?: DomNode[];
  shadowRoots?: Array<DomNode & { shadowRootType?: string }>;
}

/**
 * The warning beside `selector`'s field, read through DevTools: it lives in a closed shadow root,
 * which no page script (nor Playwright's locators) can open. Null when there is none.
 */
async function warningBeside(page: Page, selector = '#pw'): Promise<{ text: string; mode: string; dismiss: DomNode | undefined } | null> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    const id = selector.replace(/^#/, '');
    const find = (node: DomNode, parent: DomNode | null): [DomNode, DomNode] | null => {
      const attrs = node.attributes ?? [];
      if (parent && attrs.some((a, i) => i % 2 === 0 && a === 'id' && attrs[i + 1] === id)) return [node, parent];
      for (const child of node.children ?? []) {
        const hit = find(child, node);
        if (hit) return hit;
      }
      return null;
    };
    const [field, parent] = find(root, null) ?? [];
    if (!field || !parent) return null;
    const siblings = (parent.children ?? []).filter((n) => n.nodeType === 1);
    const next = siblings[siblings.indexOf(field) + 1];
    const shadow = next?.shadowRoots?.[0];
    if (!next || !shadow) return null;
    const texts: string[] = [];
    let dismiss: DomNode | undefined;
    const walk = (node: DomNode) => {
      if (node.nodeType === 3 && node.nodeName !== 'STYLE') texts.push(node.nodeValue);
      if (node.nodeName === 'BUTTON') dismiss = node;
      if (node.nodeName !== 'STYLE') for (const child of node.children ?? []) walk(child);
    };
    walk(shadow);
    return { text: texts.join(' '), mode: shadow.shadowRootType ?? '', dismiss };
  } finally {
    await cdp.detach();
  }
}

const warningText = async (page: Page) => (await warningBeside(page))?.text ?? '';

/** Clicks the warning's close button where it is on screen: a real click, as a person's. */
async function dismissWarning(page: Page): Promise<void> {
  const button = (await warningBeside(page))?.dismiss;
  if (!button) throw new Error('no warning to dismiss');
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
  const { model } = (await cdp.send('DOM.getBoxModel', { nodeId: button.nodeId })) as { model: { content: number[] } };
  await cdp.detach();
  const [x1, y1, , , x3, y3] = model.content as [number, number, number, number, number, number];
  await page.mouse.click((x1 + x3) / 2, (y1 + y3) / 2);
}
const rangeRequests = (log: LoggedRequest[]) => log.filter((r) => r.path.startsWith('/range/'));

test.describe.configure({ timeout: 60_000 });

test('off by default: nothing is registered and nothing is looked up', async ({ context, worker, providerLog }) => {
  expect(await registered(worker)).toEqual([]);
  const page = await openLogin(context);
  await fill(page, '#pw', BREACHED);
  await page.waitForTimeout(1_000);
  expect(await warningText(page)).toBe('');
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
  // Beside the field (the element right after it), in a closed shadow root.
  await expect.poll(() => warningText(page)).toMatch(/This password appears in 4,321 known breaches\. Don't use it here\./);
  expect((await warningBeside(page))?.mode).toBe('closed');

  await dismissWarning(page);
  await expect.poll(() => warningText(page)).toBe('');
  // Dismissed stays dismissed for the same password; typing again starts over.
  // (Focus in and out without typing asks nothing again.)
  await page.locator('#pw').focus();
  await page.locator('#go').focus();
  await page.waitForTimeout(500);
  expect(await warningText(page)).toBe('');

  await page.locator('#pw').fill('');
  await fill(page, '#pw', UNKNOWN);
  await expect.poll(() => rangeRequests(providerLog).length).toBe(2);
  await page.waitForTimeout(500);
  expect(await warningText(page)).toBe('');

  // Typing the breached one again warns again.
  await page.locator('#pw').fill('');
  await fill(page, '#pw', BREACHED);
  await expect.poll(() => warningText(page)).toContain('4,321');

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
  expect(await warningText(page)).toBe('');
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

test('a hostile page: synthetic events are ignored, scripted focus asks nothing, a flood is cut off, the warning cannot be read', async ({ context, worker, providerLog }) => {
  await setCheck(worker, true);
  const page = await openLogin(context, '/hostile');

  // 1. Events the page makes itself (isTrusted false): no lookup.
  await page.evaluate((secret) => {
    const pw = document.querySelector<HTMLInputElement>('#pw')!;
    pw.value = secret;
    pw.dispatchEvent(new InputEvent('input', { bubbles: true }));
    pw.dispatchEvent(new FocusEvent('focusout', { bubbles: true }));
    pw.dispatchEvent(new FocusEvent('blur'));
  }, BREACHED);
  // 2. Values set by script with real focus moves (those focus events are trusted): still none,
  // because nobody typed.
  await page.evaluate((secret) => {
    const pw = document.querySelector<HTMLInputElement>('#pw')!;
    const go = document.querySelector<HTMLButtonElement>('#go')!;
    for (let i = 0; i < 50; i++) {
      pw.value = `${secret}-${i}`;
      pw.focus();
      go.focus();
    }
  }, BREACHED);
  // A typed check afterwards is answered, so the two above had their chance to ask first.
  await page.locator('#pw').fill('');
  await fill(page, '#pw', BREACHED);
  await expect.poll(() => warningText(page)).toContain('4,321');
  expect(rangeRequests(providerLog).map((r) => r.path)).toEqual([`/range/${sha1(BREACHED).slice(0, 5)}`]);

  // 3. The page probes for the warning it can see is there: nothing to find, nothing to read.
  const probe = await page.evaluate(() => {
    const all = [...document.querySelectorAll('*')];
    return {
      ...(window as unknown as { __seen: { attachShadow: number; markers: string[] } }).__seen,
      openShadowRoots: all.filter((el) => el.shadowRoot !== null).length,
      dataAttributes: all.flatMap((el) => el.getAttributeNames()).filter((name) => name.startsWith('data-')),
      countInText: document.body.innerText.includes('4,321') || document.documentElement.outerHTML.includes('4,321'),
    };
  });
  expect(probe).toEqual({ attachShadow: 0, markers: [], openShadowRoots: 0, dataAttributes: [], countInText: false });

  // 4. A flood of real typing (trusted), 12 different passwords: the tab gets 6 lookups a minute.
  for (let i = 0; i < 12; i++) {
    await page.locator('#pw').fill('');
    await fill(page, '#pw', `${UNKNOWN}-${i}`);
  }
  await expect.poll(() => rangeRequests(providerLog).length).toBe(6);
  // Another tab keeps its own budget: its lookup goes out (and is answered) after the flood's.
  const other = await openLogin(context);
  await fill(other, '#pw', BREACHED);
  await expect.poll(() => warningText(other)).toContain('4,321');
  expect(rangeRequests(providerLog)).toHaveLength(7);
  // The refused ones failed quietly: no warning, nothing shown in the page.
  expect(await warningText(page)).toBe('');
});
