/**
 * The popup's password check (Pwned Passwords, k-anonymity) against the local fixture server:
 * only a 5-character hash prefix leaves the browser, with Add-Padding, and the password ends up
 * nowhere — no request, no message to the background, no IndexedDB store, no storage area.
 */
import { createHash } from 'node:crypto';
import type { Page, Request } from '@playwright/test';
import { expect, test } from './support/extension';
import { clockText } from './support/run-helpers';

/** Distinctive, so a search for it cannot match by accident. */
const BREACHED = 'Zq7-wie-e2e-Breached-Pa55word-4b1f';
const UNKNOWN = 'Zq7-wie-e2e-Unknown-Pa55word-9c2e';

/** What these tests use of `chrome` beyond e2e/support/chrome-globals.d.ts. */
interface ChromeExtras {
  storage: { session: { get(keys: null): Promise<Record<string, unknown>> } };
  runtime: { onMessage: { addListener(listener: (message: unknown) => void): void } };
}

const sha1 = (text: string) => createHash('sha1').update(text, 'utf8').digest('hex').toUpperCase();

/** Everything the password could leave a trace as: itself, its full hash, the hash's secret suffix. */
function traces(password: string): string[] {
  const hash = sha1(password);
  return [password, hash, hash.toLowerCase(), hash.slice(5), hash.slice(5).toLowerCase()];
}

function expectNoTrace(haystack: string, password: string): void {
  for (const trace of traces(password)) expect(haystack).not.toContain(trace);
}

/** Every record of every object store of the extension's database, as JSON text. */
async function dumpIndexedDb(page: Page): Promise<string> {
  return page.evaluate(
    () =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open('was-i-exposed');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const names = [...db.objectStoreNames];
          if (names.length === 0) {
            db.close();
            resolve('{}');
            return;
          }
          const tx = db.transaction(names);
          const dump: Record<string, unknown[]> = {};
          for (const name of names) {
            const request = tx.objectStore(name).getAll();
            request.onsuccess = () => {
              dump[name] = request.result as unknown[];
            };
          }
          tx.oncomplete = () => {
            db.close();
            resolve(JSON.stringify({ names, dump }));
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

async function dumpStorageAreas(page: Page): Promise<string> {
  return page.evaluate(async () =>
    JSON.stringify({
      local: await chrome.storage.local.get(null),
      sync: await chrome.storage.sync.get(null),
      session: await (chrome as unknown as ChromeExtras).storage.session.get(null),
      pageLocal: { ...localStorage },
      pageSession: { ...sessionStorage },
    }),
  );
}

async function openPasswordCheck(page: Page) {
  await page.getByText('Check a password', { exact: true }).click();
  const input = page.getByLabel('Password', { exact: true });
  await expect(input).toBeVisible();
  return { input, result: page.getByTestId('password-result'), check: page.getByRole('button', { name: 'Check', exact: true }) };
}

test('a breached password shows its count, an unknown one "not found"; only 5-character prefixes leave, and the password is kept nowhere', async ({
  server,
  openPopup,
  background,
  context,
}) => {
  server.setPasswords({ [BREACHED]: 4_321 });

  // Record every message the background receives, to prove the password never reaches it.
  const worker = await background();
  await worker.evaluate(() => {
    const g = globalThis as unknown as { __wieMessages: string[] };
    g.__wieMessages = [];
    (chrome as unknown as ChromeExtras).runtime.onMessage.addListener((message) => {
      g.__wieMessages.push(JSON.stringify(message));
    });
  });

  const page = await openPopup();
  // Every request any page of the browser makes, with its headers and body.
  const recorded: Array<Promise<string>> = [];
  const record = async (request: Request) =>
    JSON.stringify({ url: request.url(), headers: await request.allHeaders(), body: request.postData() });
  context.on('request', (request) => recorded.push(record(request)));
  server.clearLog();

  const { input, result, check } = await openPasswordCheck(page);
  await expect(input).toHaveAttribute('type', 'password');
  await expect(input).toHaveAttribute('autocomplete', 'off');
  await expect(result).toHaveAttribute('aria-live', 'polite');

  // Breached: typed, submitted with Enter (keyboard only).
  await input.fill(BREACHED);
  await input.press('Enter');
  await expect(result).toContainText(/appeared 4[,.\u202f\u00a0 ]?321 times in known data breaches/);
  await expect(result).toContainText('Change it everywhere you use it');
  await expect(result).toContainText('password manager');
  await expect(input).toHaveValue('');

  // Unknown: typed, submitted with the button.
  await input.fill(UNKNOWN);
  await check.click();
  await expect(result).toContainText('Not found in known breaches.');
  await expect(result).toContainText('That does not make it safe');
  await expect(input).toHaveValue('');

  // The server saw exactly two range requests: 5 upper-case hex characters each, padded. (The
  // background may fetch the public breach catalog on its own schedule; that is not ours.)
  const asked = server.requests.filter((r) => r.method === 'GET' && r.path !== '/v1/breaches');
  expect(asked.map((r) => r.path)).toEqual([`/range/${sha1(BREACHED).slice(0, 5)}`, `/range/${sha1(UNKNOWN).slice(0, 5)}`]);
  for (const r of asked) {
    expect(r.path).toMatch(/^\/range\/[0-9A-F]{5}$/);
    expect(r.query).toEqual({});
    expect(r.headers['add-padding']).toBe('true');
    expect(r.headers.cookie).toBeUndefined();
  }
  // Nothing of either password in any request the server got (URL, headers)…
  const serverLog = JSON.stringify(server.requests);
  expectNoTrace(serverLog, BREACHED);
  expectNoTrace(serverLog, UNKNOWN);
  // …nor in any request the browser made to anyone.
  const seen = await Promise.all(recorded);
  expect(seen.some((s) => s.includes('/range/'))).toBe(true);
  for (const request of seen) {
    expectNoTrace(request, BREACHED);
    expectNoTrace(request, UNKNOWN);
  }

  // Not in any IndexedDB store, any storage area, any message to the background, the page's URL or DOM.
  const idb = await dumpIndexedDb(page);
  expect(idb).toContain('"names"');
  const storage = await dumpStorageAreas(page);
  const messages = JSON.stringify(await worker.evaluate(() => (globalThis as unknown as { __wieMessages: string[] }).__wieMessages));
  const dom = await page.content();
  for (const haystack of [idb, storage, messages, page.url(), dom]) {
    expectNoTrace(haystack, BREACHED);
    expectNoTrace(haystack, UNKNOWN);
  }
  // The background's own storage view agrees (storage.session is shared with it, but ask it anyway).
  const workerStorage = await worker.evaluate(async () =>
    JSON.stringify([await chrome.storage.local.get(null), await (chrome as unknown as ChromeExtras).storage.session.get(null)]),
  );
  expectNoTrace(workerStorage, BREACHED);
  expectNoTrace(workerStorage, UNKNOWN);
});

test('shows "Checking…" while waiting, and a clear message when the service fails', async ({ server, openPopup }) => {
  const page = await openPopup();
  const { input, result, check } = await openPasswordCheck(page);

  server.injectFault({ match: { provider: 'pwnedpasswords' }, delayMs: 1_500, times: 1 });
  await input.fill(BREACHED);
  await check.click();
  await expect(input).toHaveValue('');
  await expect(result).toContainText('Checking…');
  await expect(result).toHaveAttribute('aria-busy', 'true');
  await expect(result).toContainText('Not found in known breaches.');
  await expect(result).toHaveAttribute('aria-busy', 'false');

  server.injectFault({ match: { provider: 'pwnedpasswords' }, status: 503, times: 1 });
  await input.fill(UNKNOWN);
  await check.click();
  await expect(result).toContainText('Pwned Passwords is unavailable right now (HTTP 503). Try again later.');
  await expect(input).toHaveValue('');

  server.injectFault({ match: { provider: 'pwnedpasswords' }, status: 429, retryAfter: '2', times: 1 });
  await input.fill(UNKNOWN);
  await check.click();
  // The page says when to try again: the Retry-After, counted from the answer (shown to the minute).
  await expect(result).toContainText('Pwned Passwords is receiving too many requests (HTTP 429). Try again after ');
  const limited = server.requests.filter((r) => r.method === 'GET' && r.path.startsWith('/range/')).at(-1)!;
  const due = [await clockText(page, limited.time + 2_000), await clockText(page, limited.time + 5_000)];
  expect(due.map((time) => `Pwned Passwords is receiving too many requests (HTTP 429). Try again after ${time}.`)).toContain(await result.textContent());

  // An empty submit sends nothing.
  const rangeRequests = () => server.requests.filter((r) => r.path.startsWith('/range/')).length;
  const before = rangeRequests();
  await check.click();
  await expect(result).toContainText('Type a password to check it.');
  expect(rangeRequests()).toBe(before);
});
