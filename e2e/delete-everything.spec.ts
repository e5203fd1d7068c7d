/**
 * "Delete everything" leaves nothing behind: every IndexedDB store, storage.local (settings and
 * key unless kept, catalog marks, flags), storage.session, alarms, notifications, network rules and
 * the content-script registration — then sets the extension up again and downloads the catalog
 * afresh, unconditionally (a kept ETag would have made it answer "unchanged" over an empty catalog).
 * dist/chrome-granted with the providers' real hostnames mapped to the fixture server, so the
 * defaults the wipe falls back to still reach it.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './support/mapped-browser';
import { readStore } from './support/read-store';
import { addAddresses, configure } from './support/run-helpers';

const USER_STORES = ['addresses', 'exposures', 'jobs', 'runs', 'results', 'notices', 'siteAlerts', 'trails', 'rightsRequests', 'historyRows', 'historyStats'];
const KEY = '0123456789abcdef0123456789abcdef';

interface Traces {
  local: Record<string, unknown>;
  session: Record<string, unknown>;
  alarms: Array<{ name: string; periodInMinutes?: number }>;
  notifications: string[];
  sessionRules: number[];
  dynamicRules: number[];
  scripts: string[];
}

/** Everything the extension keeps outside IndexedDB, read from one of its pages. */
const traces = (page: Page): Promise<Traces> =>
  page.evaluate(async () => ({
    local: await chrome.storage.local.get(null),
    session: await chrome.storage.session.get(null),
    alarms: (await chrome.alarms.getAll()).map((a) => ({ name: a.name, periodInMinutes: a.periodInMinutes })),
    notifications: Object.keys(await chrome.notifications.getAll()),
    sessionRules: (await chrome.declarativeNetRequest.getSessionRules()).map((r) => r.id),
    dynamicRules: (await chrome.declarativeNetRequest.getDynamicRules()).map((r) => r.id),
    scripts: (await chrome.scripting.getRegisteredContentScripts()).map((s) => s.id),
  }));

const catalogRequests = (server: { requests: Array<{ path: string; headers: Record<string, string> }> }) =>
  server.requests.filter((r) => r.path === '/v1/breaches');

/** A profile with something in every place: a checked address, settings and key, a catalog, marks, flags, a notice on screen, rules. */
async function fillEverything(page: Page, server: Parameters<typeof catalogRequests>[0] & { setAccounts(map: Record<string, string[]>): void }): Promise<void> {
  server.setAccounts({ 'victim@example.com': ['Adobe'] });
  await addAddresses(page, ['victim@example.com']);
  await page.evaluate(() => chrome.runtime.sendMessage({ type: 'check/start', payload: {} }));
  await expect.poll(async () => (await readStore(page, 'results')).length).toBe(1);
  // Given only to another site: Adobe's breach leaves a leak-trail finding.
  await page.evaluate(() => chrome.runtime.sendMessage({ type: 'address/given-to', payload: { email: 'victim@example.com', sites: ['other.example'] } }));
  await expect.poll(async () => (await readStore(page, 'trails')).length).toBe(1);
  await configure(page, { hibpApiKey: KEY, silencedSites: ['adobe.com'], passwordFieldCheck: true, recheckIntervalHours: 48 });
  // The catalog's first download (3 s after install) leaves its ETag / Last-Modified mark.
  await expect.poll(async () => Object.keys((await traces(page)).local), { timeout: 20_000 }).toContain('catalogMark.xposedornot');
  await expect.poll(async () => (await traces(page)).scripts).toEqual(['password-field-check']);
  await page.evaluate(async () => {
    await chrome.notifications.create('run:earlier', { type: 'basic', iconUrl: chrome.runtime.getURL('icons/icon-128.png'), title: 't', message: 'm' });
    await chrome.storage.session.set({ someFlag: true });
    const rule = (id: number) => ({ id, condition: { urlFilter: 'never.example' }, action: { type: 'block' as const } });
    await chrome.declarativeNetRequest.updateSessionRules({ addRules: [rule(77)] });
    await chrome.declarativeNetRequest.updateDynamicRules({ addRules: [rule(78)] });
  });
  const before = await traces(page);
  expect(before.notifications).toEqual(['run:earlier']);
  expect(before.sessionRules).toContain(77);
  expect(before.dynamicRules).toEqual([78]);
  expect(before.alarms.find((a) => a.name === 'recheck')?.periodInMinutes).toBe(48 * 60);
  expect((await readStore(page, 'breaches')).length).toBeGreaterThan(0);
}

async function deleteEverything(page: Page, keepSettings: boolean): Promise<void> {
  await page.reload();
  await page.getByRole('button', { name: 'Delete everything…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete everything?' });
  // The dialog says what goes; the settings line follows the choice.
  await expect(dialog.getByRole('listitem')).toHaveText([
    'Your addresses, every exposure, your notes, your notices and your requests',
    'The check history and the record of site alerts',
    'The breach catalogs (downloaded again straight away)',
    'Notifications on screen, scheduled checks and downloads, and the marks of the last catalog download',
    /^Your settings, your Have I Been Pwned API key and the sites you silenced/,
  ]);
  if (keepSettings) {
    await dialog.getByLabel('Keep my settings and API key').check();
    await expect(dialog.getByRole('listitem')).toHaveCount(4);
  }
  await dialog.getByRole('button', { name: 'Delete everything' }).click();
  await expect(page.getByTestId('data-message')).toHaveText(
    keepSettings ? 'Everything was deleted from this browser except your settings and API key.' : 'Everything was deleted from this browser.',
  );
}

test('everything goes, settings and key included, and the catalog is downloaded afresh', async ({ context, extensionId, server }) => {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/src/ui/history/index.html`);
  await fillEverything(page, server);
  const catalogBefore = catalogRequests(server).length;

  await deleteEverything(page, false);

  for (const store of USER_STORES) expect(await readStore(page, store), store).toEqual([]);
  // The fresh download: unconditional (no ETag, no date echoed), and the catalog is back.
  await expect.poll(() => catalogRequests(server).length, { timeout: 20_000 }).toBeGreaterThan(catalogBefore);
  const fresh = catalogRequests(server)[catalogBefore]!;
  expect(fresh.headers['if-none-match']).toBeUndefined();
  expect(fresh.headers['if-modified-since']).toBeUndefined();
  await expect.poll(async () => (await readStore(page, 'breaches')).length).toBeGreaterThan(0);

  const after = await traces(page);
  // storage.local holds only the new download's mark: no setting, no key, no old mark or flag.
  await expect.poll(async () => Object.keys((await traces(page)).local)).toEqual(['catalogMark.xposedornot']);
  expect(JSON.stringify(after.local)).not.toContain(KEY);
  expect(after.session).toEqual({});
  expect(after.notifications).toEqual([]);
  expect(after.sessionRules).toEqual([]);
  expect(after.dynamicRules).toEqual([]);
  expect(after.scripts).toEqual([]);
  expect(after.alarms.map((a) => a.name).filter((n) => n !== 'catalog-retry').sort()).toEqual(['catalog', 'recheck']);
  expect(after.alarms.find((a) => a.name === 'recheck')?.periodInMinutes).toBe(24 * 60);
});

test('"keep my settings and API key" keeps exactly those', async ({ context, extensionId, server }) => {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/src/ui/history/index.html`);
  await fillEverything(page, server);
  const catalogBefore = catalogRequests(server).length;

  await deleteEverything(page, true);

  for (const store of USER_STORES) expect(await readStore(page, store), store).toEqual([]);
  await expect.poll(() => catalogRequests(server).length, { timeout: 20_000 }).toBeGreaterThan(catalogBefore);
  expect(catalogRequests(server)[catalogBefore]!.headers['if-none-match']).toBeUndefined();
  // The fresh download is in flight until it writes its mark (its running flag is the only other
  // catalog key then); once done, the only catalog key is the new mark.
  await expect
    .poll(async () => Object.keys((await traces(page)).local).filter((k) => k.startsWith('catalog')), { timeout: 20_000 })
    .toEqual(['catalogMark.xposedornot']);
  const after = await traces(page);
  expect(after.local).toMatchObject({ hibpApiKey: KEY, silencedSites: ['adobe.com'], passwordFieldCheck: true, recheckIntervalHours: 48 });
  expect(after.notifications).toEqual([]);
  expect(after.sessionRules).toEqual([]);
  expect(after.dynamicRules).toEqual([]);
  // Set up again from the kept settings.
  await expect.poll(async () => (await traces(page)).scripts).toEqual(['password-field-check']);
  expect(after.alarms.find((a) => a.name === 'recheck')?.periodInMinutes).toBe(48 * 60);
});
