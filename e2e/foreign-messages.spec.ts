/**
 * Only the extension's own pages (and its own content script, for its one message) can make the
 * background act. Tried here: a second unpacked extension installed beside ours
 * (e2e/fixtures/other-extension) sending every request of the protocol and opening a port; a web
 * page doing the same through chrome.runtime (exposed to it by the other extension's
 * externally_connectable) and through window.postMessage while our content script is in the page;
 * and our own popup page sending malformed payloads. Each time: nothing answers but a refusal, and
 * IndexedDB, storage and the provider's request log stay as they were.
 */
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import type { FixtureServer, LoggedRequest } from './server/fixture-server';
import { readStore } from './support/extension';
import { snapshot } from './support/history-seed';
import { expect, test } from './support/mapped-browser';
import type { SiteChrome } from './support/site-browsing';

const OTHER_EXTENSION = resolve('e2e/fixtures/other-extension');
const ATTACKER = 'attacker.example';
const VICTIM = 'victim@example.com';
const INTRUDER = 'intruder@example.com';

test.use({ otherExtensions: [[OTHER_EXTENSION], { scope: 'test' }] });

/** An export another party would like imported: a watched address of its choosing. */
const IMPORT_TEXT = JSON.stringify({
  format: 'was-i-exposed-export',
  version: 1,
  addresses: [{ email: INTRUDER, addedAt: 1, lastCheckedAt: null, lastOutcome: null, lastFailure: null }],
  breaches: [],
  exposures: [],
  notices: [],
  siteAlerts: [],
  runs: [],
  results: [],
});

/** Every request of the protocol, well formed, each one that changes something aimed to do harm; and the content script's. */
const MESSAGES = [
  { type: 'history/delete-all', payload: { confirm: 'delete everything', keepSettings: false } },
  { type: 'address/add', payload: { email: INTRUDER } },
  { type: 'address/remove', payload: { email: VICTIM } },
  { type: 'check/start', payload: {} },
  { type: 'exposures/acknowledge', payload: { emails: [VICTIM] } },
  { type: 'settings/save', payload: { patch: { providers: ['hibp'], hibpBaseUrl: 'https://evil.example/api', siteAlerts: false } } },
  { type: 'site/card', payload: { url: 'https://adobe.com/' } },
  { type: 'site/silence', payload: { domains: ['adobe.com'], silenced: true } },
  { type: 'history/set-state', payload: { target: { kind: 'exposure', key: [VICTIM, 'xposedornot', 'Adobe'] }, state: 'resolved', note: 'not by you' } },
  { type: 'notice/save', payload: { input: { email: VICTIM, organisation: 'Intruder', date: '2024-01-01', dataClasses: [] } } },
  { type: 'notice/delete', payload: { id: 'any' } },
  { type: 'history/import', payload: { text: IMPORT_TEXT } },
  { type: 'hibp/test-key', payload: { apiKey: 'stolen-key' } },
  { type: 'state/get', payload: {} },
  { type: 'password-field/range', prefix: '5BAA6' },
];

/** The requests that change or read something on the provider's side (the public catalogs aside). */
const lookups = (log: readonly LoggedRequest[]) => log.filter((r) => r.path !== '/v1/breaches' && r.path !== '/api/v3/breaches' && r.path !== '/api/v3/latestbreach');

async function openPopup(page: Page, extensionId: string): Promise<void> {
  await page.goto(`chrome-extension://${extensionId}/src/ui/popup/index.html`);
  await page.locator('body[data-ready="true"]').waitFor();
}

/** A watched address with one exposure and its check run, through our own popup as a person would. */
async function seed(server: FixtureServer, page: Page): Promise<void> {
  server.setAccounts({ [VICTIM]: ['Adobe'] });
  const reply = await page.evaluate((email) => chrome.runtime.sendMessage({ type: 'address/add', payload: { email } }), VICTIM);
  expect(reply).toMatchObject({ ok: true });
  await page.getByRole('button', { name: 'Check now' }).click();
  await expect(page.locator(`li.address[data-email="${VICTIM}"] li.breach`)).toHaveCount(1);
}

/** Everything the user owns (IndexedDB), and the settings and sync storage; catalog bookkeeping aside. */
async function state(page: Page): Promise<Record<string, unknown>> {
  const local = await page.evaluate(() => chrome.storage.local.get(null));
  const settings = Object.fromEntries(Object.entries(local).filter(([key]) => !key.startsWith('catalog')));
  return { ...(await snapshot(page, readStore)), settings, sync: await page.evaluate(() => chrome.storage.sync.get(null)) };
}

async function otherWorker(context: BrowserContext): Promise<Worker> {
  const isOther = (w: Worker) => w.url().endsWith('/worker.js');
  return context.serviceWorkers().find(isOther) ?? (await context.waitForEvent('serviceworker', { predicate: isOther }));
}

test('another extension: every request and a port are refused, and nothing changes', async ({ context, extensionId, server, serverLog }) => {
  const page = await context.newPage();
  await openPopup(page, extensionId);
  await seed(server, page);
  const before = await state(page);
  const logged = serverLog.length;

  const other = await otherWorker(context);
  expect(new URL(other.url()).host).not.toBe(extensionId);
  const results = await other.evaluate(
    ([target, messages]) => (globalThis as unknown as { probe(id: string, m: unknown[]): Promise<Array<Record<string, unknown>>> }).probe(target, messages),
    [extensionId, MESSAGES] as const,
  );
  // No listener for other extensions: each message finds no one, the port closes at once.
  expect(results).toHaveLength(MESSAGES.length + 1);
  for (const result of results.slice(0, -1)) expect(result, String(result.type)).toEqual({ type: result.type, error: 'Could not establish connection. Receiving end does not exist.' });
  expect(results.at(-1)).toEqual({ type: 'connect', error: 'Could not establish connection. Receiving end does not exist.', received: [] });

  expect(await state(page)).toEqual(before);
  expect(lookups(serverLog.slice(logged))).toEqual([]);

  // The same request from our own page is answered: the refusal was about who sent it.
  const own = await page.evaluate((message) => chrome.runtime.sendMessage(message), MESSAGES[1]);
  expect(own).toEqual({ ok: true, value: { email: INTRUDER, existed: false } });
});

interface PageProbe {
  exposed: boolean;
  results: Array<{ type: string; reply?: unknown; error?: string }>;
}

test('a web page: chrome.runtime messages are refused, window messages are not listened to, and nothing changes', async ({
  context,
  extensionId,
  server,
  serverLog,
  worker,
}) => {
  // Our content script in every https page (the granted build has the permissions).
  await worker.evaluate(() => (globalThis as unknown as SiteChrome).chrome.storage.local.set({ passwordFieldCheck: true }));
  const registered = () =>
    worker.evaluate(async () => (await (globalThis as unknown as { chrome: { scripting: { getRegisteredContentScripts(): Promise<Array<{ id: string }>> } } }).chrome.scripting.getRegisteredContentScripts()).map((s) => s.id));
  await expect.poll(registered).toEqual(['password-field-check']);
  const popup = await context.newPage();
  await openPopup(popup, extensionId);
  await seed(server, popup);
  const before = await state(popup);
  const logged = serverLog.length;

  const page = await context.newPage();
  await page.goto(`https://${ATTACKER}/`);
  await expect(page).toHaveTitle(ATTACKER);
  const probe = await page.evaluate(
    async ([target, messages]) => {
      type Runtime = {
        sendMessage(id: string, message: unknown, callback: (reply: unknown) => void): void;
        connect(id: string): { postMessage(m: unknown): void; onDisconnect: { addListener(f: () => void): void } };
        lastError?: { message?: string };
      };
      const runtime = (globalThis as { chrome?: { runtime?: Runtime } }).chrome?.runtime;
      const out: PageProbe = { exposed: typeof runtime?.sendMessage === 'function', results: [] };
      if (!runtime) return out;
      for (const message of messages) {
        out.results.push(
          await new Promise((done) =>
            runtime.sendMessage(target, message, (reply) =>
              done(runtime.lastError ? { type: message.type, error: runtime.lastError.message } : { type: message.type, reply }),
            ),
          ),
        );
      }
      out.results.push(
        await new Promise((done) => {
          const port = runtime.connect(target);
          port.onDisconnect.addListener(() => done({ type: 'connect', error: runtime.lastError?.message ?? 'disconnected' }));
          for (const message of messages) port.postMessage(message);
        }),
      );
      // Our message shapes, posted to the page's own window, where a content script could be listening.
      for (const message of messages) window.postMessage(message, '*');
      return out;
    },
    [extensionId, MESSAGES] as const,
  );
  expect(probe.exposed, 'chrome.runtime is exposed to this page (by the other extension), so the attempts were real').toBe(true);
  expect(probe.results).toHaveLength(MESSAGES.length + 1);
  for (const result of probe.results) expect(result.error, result.type).toMatch(/^Could not establish connection\. Receiving end does not exist\.$/);

  // The content script is in this page: a password typed and left is checked, with its own prefix only.
  const secret = 'Zq7-wie-foreign-control-1f2e';
  const prefix = createHash('sha1').update(secret).digest('hex').slice(0, 5).toUpperCase();
  await page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<input id="pw" type="password"><button id="next">next</button>'));
  await page.locator('#pw').fill(secret);
  await page.locator('#next').focus();
  // Only that prefix reached the provider: the posted '5BAA6' (SHA-1 of "password"), sent earlier, never left.
  await expect.poll(() => lookups(serverLog.slice(logged)).map((r) => r.path)).toEqual([`/range/${prefix}`]);

  expect(await state(popup)).toEqual(before);
});

test('our own pages: malformed payloads get a clear refusal and store nothing; unknown types no answer', async ({ context, extensionId, server }) => {
  const page = await context.newPage();
  await openPopup(page, extensionId);
  await seed(server, page);
  const before = await state(page);

  const refused = (type: string) => ({ ok: false, error: `Malformed ${type} request.` });
  const malformed: Array<[unknown, Record<string, unknown>]> = [
    [{ type: 'address/add', payload: { email: 42 } }, refused('address/add')],
    [{ type: 'address/add' }, refused('address/add')],
    [{ type: 'address/remove', payload: VICTIM }, refused('address/remove')],
    [{ type: 'check/start', payload: { emails: VICTIM } }, refused('check/start')],
    [{ type: 'check/start', payload: {}, requestId: 'run-of-someone-else' }, refused('check/start')],
    [{ type: 'history/delete-all', payload: { confirm: 'delete everything' } }, refused('history/delete-all')],
    [{ type: 'history/delete-all', payload: { confirm: true } }, refused('history/delete-all')],
    [{ type: 'history/delete-all', payload: { confirm: 'DELETE EVERYTHING' } }, refused('history/delete-all')],
    [{ type: 'history/import', payload: { text: JSON.parse(IMPORT_TEXT) } }, refused('history/import')],
    [{ type: 'history/set-state', payload: { target: { kind: 'exposure', key: [VICTIM, 'xposedornot', 'Adobe'] }, state: 'pwned' } }, refused('history/set-state')],
    [{ type: 'site/silence', payload: { domains: ['<script>'], silenced: true } }, refused('site/silence')],
    [{ type: 'exposures/acknowledge', payload: { emails: [{ $gt: '' }] } }, refused('exposures/acknowledge')],
    [{ type: 'hibp/test-key', payload: { apiKey: ['k'] } }, refused('hibp/test-key')],
    // Well formed, wrong inside: the handler's own check says which field and why.
    [{ type: 'settings/save', payload: { patch: { hibpBaseUrl: 'javascript:alert(1)' } } }, { ok: false, field: 'hibpBaseUrl' }],
    [{ type: 'settings/save', payload: { patch: { recheckIntervalHours: '1; drop' } } }, { ok: false, field: 'recheckIntervalHours' }],
    [{ type: 'notice/save', payload: { input: { email: VICTIM, organisation: 7 } } }, { ok: false, field: 'organisation' }],
  ];
  for (const [message, expected] of malformed) {
    const reply = (await page.evaluate((m) => chrome.runtime.sendMessage(m), message)) as { ok: boolean; error?: string };
    expect(reply, JSON.stringify(message)).toMatchObject(expected);
    expect(reply.error, JSON.stringify(message)).toMatch(/^\S.{8,}$/);
  }
  for (const type of ['toString', '__proto__', 'constructor', 'nope/nothing', 'password-field/range']) {
    // Before the own-property check, 'toString' reached Object.prototype.toString and was answered.
    const reply = await page.evaluate(
      (t) => chrome.runtime.sendMessage({ type: t, payload: {}, prefix: '5BAA6' }).then((r) => (r === undefined ? 'no reply' : JSON.stringify(r)), (e: Error) => `error: ${e.message}`),
      type,
    );
    expect(reply, type).toMatch(/^(no reply|error: .+)$/);
  }
  expect(await state(page)).toEqual(before);
});
