import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, readStore, test } from './support/extension';
import { DB_VERSION } from '../src/storage/schema';
import { activeContent, armTripwires, requestsElsewhere } from './support/hostile-data';
import { PopupPage } from './support/popup-page';
import { HISTORY_PAGE, breach, exposure, installVersion1Database, openHistory, putRecords, sampleHistory, snapshot } from './support/history-seed';

const list = (page: Page) => page.getByTestId('history-list');
const rows = (page: Page) => list(page).getByRole('option');
const count = (page: Page) => page.getByTestId('history-count');
const detailTitle = (page: Page) => page.getByTestId('entry-detail').locator('h2');

/** Opens the page, writes `records` into the database it created, and loads it again. */
async function historyWith(context: Parameters<typeof openHistory>[0], extensionId: string, records: Parameters<typeof putRecords>[1], query = '') {
  const page = await openHistory(context, extensionId, query);
  await putRecords(page, records);
  await page.reload();
  await page.locator('body[data-ready="true"]').waitFor();
  return page;
}

/** Clicks an export button and returns the downloaded file's name and text. */
async function download(page: Page, button: string): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), text: await readFile(path, 'utf8') };
}

async function importFile(page: Page, file: { name: string; mimeType: string; buffer: Buffer } | string): Promise<void> {
  await expect(page.getByTestId('import-file')).toBeEnabled(); // the data tools are disabled while earlier work finishes
  await page.getByTestId('import-file').setInputFiles(file);
}

test('timeline, filters, year chart, keyboard, details and actions', async ({ context, extensionId }) => {
  const page = await historyWith(context, extensionId, sampleHistory());
  await expect(count(page)).toHaveText('5 entries');
  // Newest first (by when the extension found them).
  await expect(rows(page)).toHaveCount(5);
  const titles = await rows(page).locator('.row-title').allTextContents();
  expect(titles.map((t) => t.replace(/(your notice|new|resolved)$/g, '').trim())).toEqual(['GoneMissing', 'Shop North', 'Travel East', 'Forum Süd — “quoted”', 'Shop North']);
  expect(await page.evaluate(() => performance.getEntriesByName('history-rendered').length)).toBe(1);

  // The chart: one bar per known year; clicking one filters, clicking it again clears.
  const bars = page.getByRole('group', { name: 'Choose a year to filter the list' }).getByRole('button');
  await expect(bars).toHaveCount(3);
  await expect(bars.nth(1)).toHaveAccessibleName('2021: 2 entries');
  await bars.nth(1).click();
  await expect(bars.nth(1)).toHaveAttribute('aria-pressed', 'true');
  await expect(count(page)).toHaveText('2 of 5 entries');
  await expect(page.locator('#filter-year')).toHaveValue('2021');
  expect(await page.evaluate(() => performance.getEntriesByName('history-filtered').length)).toBeGreaterThan(0);
  await bars.nth(1).click();
  await expect(count(page)).toHaveText('5 entries');

  await page.locator('#filter-email').selectOption('bob@example.org');
  await expect(count(page)).toHaveText('3 of 5 entries');
  await page.locator('#filter-state').selectOption('new');
  await expect(count(page)).toHaveText('1 of 5 entries');
  await page.getByRole('button', { name: 'Clear filters' }).first().click();
  await expect(count(page)).toHaveText('5 entries');
  await page.locator('#filter-class').selectOption('Passport numbers');
  await expect(count(page)).toHaveText('1 of 5 entries');
  await page.locator('#filter-class').selectOption('');
  await page.getByTestId('history-filter').fill('forum');
  await expect(count(page)).toHaveText('1 of 5 entries');
  await page.getByTestId('history-filter').fill('zzz-nothing');
  await expect(page.getByTestId('history-no-match')).toBeVisible();
  await page.getByTestId('history-filter').fill('');
  await expect(rows(page)).toHaveCount(5);

  // Keyboard: the list takes focus (visibly), arrows move, Enter opens.
  await list(page).focus();
  expect(await list(page).evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe('none');
  await expect(list(page)).toHaveAttribute('aria-activedescendant', 'history-row-0');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(list(page)).toHaveAttribute('aria-activedescendant', 'history-row-2');
  await page.keyboard.press('Enter');
  await expect(detailTitle(page)).toHaveText('Travel East');
  await expect(rows(page).nth(2)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('End');
  await expect(list(page)).toHaveAttribute('aria-activedescendant', 'history-row-4');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Enter');
  await expect(detailTitle(page)).toHaveText('Forum Süd — “quoted”');

  // Every warning flag, explained; unknown facts said plainly; guidance by data class.
  const detail = page.getByTestId('entry-detail');
  await expect(detail.locator('[data-flag]')).toHaveCount(6);
  for (const label of ['Unverified', 'Fabricated', 'Sensitive', 'Spam list', 'Malware', 'Stealer log']) await expect(detail).toContainText(`${label}:`);
  await expect(detail.locator('dd').nth(2)).toHaveText('Unknown'); // added to the provider
  await expect(detail.locator('dd').nth(3)).toHaveText('Unknown'); // accounts
  await expect(detail.locator('.guidance-group[data-group="online"]')).toBeVisible();
  await expect(detail).toContainText('Your note: Closed the account.');
  await expect(detail.getByRole('button', { name: 'Reopen' })).toBeVisible();

  // A breach whose record is missing still opens.
  await page.keyboard.press('Home');
  await page.keyboard.press('Enter');
  await expect(detailTitle(page)).toHaveText('GoneMissing');
  await expect(detail).toContainText('are not stored in this browser');

  // Actions on a new exposure: acknowledge, resolve with a note, reopen.
  await rows(page).nth(4).click();
  await expect(detailTitle(page)).toHaveText('Shop North');
  await expect(detail).toContainText('alice@example.com');
  await expect(detail).toContainText('1,234,567');
  await detail.getByRole('button', { name: 'Acknowledge' }).click();
  await expect(page.getByTestId('entry-status')).toContainText('Seen');
  const stored = async () =>
    (await readStore<{ email: string; breachId: string; state: string; note: string }>(page, 'exposures')).find((e) => e.email === 'alice@example.com' && e.breachId === 'ShopNorth');
  expect(await stored()).toMatchObject({ state: 'acknowledged', note: '' });
  await detail.getByRole('button', { name: 'Mark resolved…' }).click();
  await detail.getByLabel('What did you do? (optional)').fill('New password, two-factor on.');
  await detail.getByRole('button', { name: 'Mark resolved', exact: true }).click();
  await expect(page.getByTestId('entry-status')).toContainText('Resolved');
  expect(await stored()).toMatchObject({ state: 'resolved', note: 'New password, two-factor on.' });
  await expect(rows(page).nth(4)).toContainText('resolved');
  await detail.getByRole('button', { name: 'Reopen' }).click();
  await expect(page.getByTestId('entry-status')).toContainText('Seen');
  expect(await stored()).toMatchObject({ state: 'acknowledged', note: 'New password, two-factor on.' });

  // Site alerts: newest first.
  const alerts = page.getByTestId('site-alerts').locator('li');
  await expect(alerts).toHaveCount(2);
  await expect(alerts.first()).toContainText('www.traveleast.example');
  await expect(alerts.first()).toContainText('Travel East');
  await expect(alerts.nth(1)).toContainText('Shop North');

  // The popup's link: ?email= is the first address filter.
  const bob = await openHistory(context, extensionId, '?email=bob%40example.org');
  await expect(bob.locator('#filter-email')).toHaveValue('bob@example.org');
  await expect(count(bob)).toHaveText('3 of 5 entries');
});

test('empty states, and the popup footer opens the history page', async ({ context, extensionId, openPopup }) => {
  const page = await openHistory(context, extensionId);
  await expect(page.getByTestId('history-empty')).toContainText('Add an email address');
  await expect(page.getByTestId('site-alerts-empty')).toBeVisible();
  await expect(page.getByText('Add an address in the toolbar popup first')).toBeVisible();

  await page.close();
  const popup = await openPopup();
  await popup.getByRole('button', { name: 'History' }).click();
  const url = `chrome-extension://${extensionId}/${HISTORY_PAGE}`;
  await expect.poll(() => context.pages().some((p) => p.url() === url)).toBe(true);
  await context.pages().find((p) => p.url() === url)!.locator('body[data-ready="true"]').waitFor();
});

test('the popup shows a stored history: each address its count and newest breaches, and opening it acknowledges the new ones', async ({ context, extensionId, openPopup }) => {
  const history = sampleHistory();
  const carol = 'carol@example.net';
  const found = Date.UTC(2025, 0, 1);
  // Seven for carol: four found by one check (the same firstSeen), three found earlier.
  const dates = ['2010-01-01', '2023-06-01', '2016-01-01', '2020-01-01', '2011-01-01', '2012-01-01', '2013-01-01'];
  const carolBreaches = dates.map((breachDate, i) => breach(`Carol${i}`, { title: `Carol ${i}`, breachDate }));
  const carolExposures = dates.map((_, i) => exposure(carol, `Carol${i}`, i < 4 ? found : found - i * 86_400_000, { state: i === 0 ? 'new' : 'acknowledged' }));
  const page = await openHistory(context, extensionId);
  await putRecords(page, {
    ...history,
    addresses: [...history.addresses, { email: carol, addedAt: found - 1, lastCheckedAt: found, lastOutcome: 'breached', lastFailure: null }],
    breaches: [...history.breaches, ...carolBreaches],
    exposures: [...history.exposures, ...carolExposures],
  });
  await page.close();

  const popup = new PopupPage(await openPopup());
  await expect(popup.status('alice@example.com')).toContainText('Found in 2 breaches');
  await expect(popup.status('bob@example.org')).toContainText('Found in 3 breaches');
  await expect(popup.status(carol)).toContainText('Found in 7 breaches');
  const shown = (email: string) => popup.breaches(email).evaluateAll((items) => items.map((li) => li.getAttribute('data-breach')));
  expect(await shown('alice@example.com')).toEqual(['ForumSouth', 'ShopNorth']);
  expect(await shown('bob@example.org')).toEqual(['GoneMissing', 'ShopNorth', 'TravelEast']);
  // The check that found four: latest breach first; then the newest of the earlier ones.
  expect(await shown(carol)).toEqual(['Carol1', 'Carol3', 'Carol2', 'Carol0', 'Carol4']);
  await expect(popup.address(carol).locator('p.more')).toHaveText('and 2 more — see the full history');
  await expect(popup.address(carol).locator('li.breach[data-breach="Carol0"] .tag')).toHaveText('new');

  // Shown, so acknowledged: no exposure is new any more, and each address's counts say so.
  await expect.poll(async () => (await readStore<{ state: string }>(popup.page, 'exposures')).filter((e) => e.state === 'new').length).toBe(0);
  const counts = (await readStore<{ email: string; exposureCount: number; newCount: number }>(popup.page, 'addresses')).map((a) => [a.email, a.exposureCount, a.newCount]);
  expect(counts.sort()).toEqual([['alice@example.com', 2, 0], ['bob@example.org', 3, 0], [carol, 7, 0]]);
  // Still tagged while this popup stays open.
  await expect(popup.address(carol).locator('li.breach[data-breach="Carol0"] .tag')).toHaveText('new');
});

test('a manual notice: field errors keep the input, then it joins the timeline and can be deleted', async ({ context, extensionId }) => {
  const { addresses } = sampleHistory();
  const page = await historyWith(context, extensionId, { addresses }, '?email=bob%40example.org');
  const form = page.getByTestId('notice-form');
  await expect(form.getByLabel('Which address')).toHaveValue('bob@example.org');
  await form.getByLabel('Organisation').fill('City Library');
  await form.getByLabel('Site (optional)').fill('https://www.Library.example/help');
  await form.getByLabel('When it happened').fill('2999-01-01');
  await form.getByLabel('What was exposed').fill('Names, Email addresses , ,Names');
  await form.getByRole('button', { name: 'Record notice' }).click();
  await expect(page.getByTestId('notice-error-date')).toHaveText('That date is in the future.');
  await expect(form.getByLabel('When it happened')).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByLabel('Organisation')).toHaveValue('City Library');
  expect(await readStore(page, 'notices')).toEqual([]);
  await form.getByLabel('When it happened').fill('2024-02');
  await form.getByLabel('What was exposed').fill(' , ');
  await form.getByRole('button', { name: 'Record notice' }).click();
  await expect(page.getByTestId('notice-error-dataClasses')).toContainText('Say what was exposed');
  await expect(page.getByTestId('notice-error-date')).toHaveCount(0);

  await form.getByLabel('What was exposed').fill('Names, Email addresses , ,Names');
  await form.getByLabel('Note (optional)').fill('Letter of 3 March.');
  await form.getByRole('button', { name: 'Record notice' }).click();
  await expect(form.getByRole('status')).toContainText('Recorded the notice from City Library');
  await expect(form.getByLabel('Organisation')).toHaveValue('');
  const [notice] = await readStore<{ id: string; email: string; site: string; date: string; dataClasses: string[]; note: string }>(page, 'notices');
  expect(notice).toMatchObject({ email: 'bob@example.org', site: 'www.library.example', date: '2024-02', dataClasses: ['Names', 'Email addresses'], note: 'Letter of 3 March.' });

  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).first()).toContainText('City Library');
  await expect(rows(page).first()).toContainText('your notice');
  await rows(page).first().click();
  const detail = page.getByTestId('entry-detail');
  await expect(detail).toContainText('Recorded by you');
  await expect(detail).toContainText('February 2024');
  await expect(detail.locator('.guidance-group[data-group="contact"]')).toBeVisible();

  // Notices are resolved like exposures.
  await detail.getByRole('button', { name: 'Mark resolved…' }).click();
  await detail.getByRole('button', { name: 'Mark resolved', exact: true }).click();
  await expect(page.getByTestId('entry-status')).toContainText('Resolved');
  expect((await readStore<{ state: string }>(page, 'notices'))[0]!.state).toBe('resolved');

  // Deleting asks first; Cancel keeps it.
  await detail.getByRole('button', { name: 'Delete notice…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete this notice?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  expect(await readStore(page, 'notices')).toHaveLength(1);
  await detail.getByRole('button', { name: 'Delete notice…' }).click();
  await dialog.getByRole('button', { name: 'Delete notice' }).click();
  await expect(page.getByTestId('history-empty')).toBeVisible();
  expect(await readStore(page, 'notices')).toEqual([]);
});

test('export, delete everything, import: the same export byte for byte', async ({ context, extensionId }) => {
  const page = await historyWith(context, extensionId, sampleHistory());
  // Some state set through the real protocol too.
  const saved = await page.evaluate(() =>
    chrome.runtime.sendMessage({
      type: 'notice/save',
      payload: { input: { email: 'alice@example.com', organisation: 'Dentist', site: 'dentist.example', date: '2022-07-01', dataClasses: ['Names', 'Health records'], note: 'Letter' } },
    }),
  );
  expect(saved).toMatchObject({ ok: true });
  await expect(count(page)).toHaveText('6 entries');
  await rows(page).filter({ hasText: 'Shop North' }).filter({ hasText: 'bob@example.org' }).click(); // new
  await page.getByTestId('entry-detail').getByRole('button', { name: 'Acknowledge' }).click();
  await expect(page.getByTestId('entry-status')).toContainText('Seen');

  const first = await download(page, 'Export everything (JSON)');
  expect(first.name).toMatch(/^was-i-exposed-\d{4}-\d{2}-\d{2}\.json$/);
  const doc = JSON.parse(first.text) as { breaches: Array<{ id: string }>; exposures: unknown[]; notices: unknown[] };
  // Only the breaches the history refers to.
  expect(doc.breaches.map((b) => b.id)).toEqual(['ForumSouth', 'ShopNorth', 'TravelEast']);
  expect(doc.exposures).toHaveLength(5);
  expect(doc.notices).toHaveLength(1);

  const csv = await download(page, 'Export timeline (CSV)');
  expect(csv.name).toMatch(/^was-i-exposed-\d{4}-\d{2}-\d{2}\.csv$/);
  expect(csv.text.split('\r\n')[0]).toBe('email,source,breach id,title,domain,breach date,first seen,last seen,state,state changed,note,data classes');
  expect(csv.text.split('\r\n').filter((l) => l !== '')).toHaveLength(7);

  await page.getByRole('button', { name: 'Delete everything…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete everything?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Delete everything' }).click();
  await expect(page.getByTestId('data-message')).toHaveText('Everything was deleted from this browser.');
  await expect(page.getByTestId('history-empty')).toBeVisible();
  for (const store of ['addresses', 'exposures', 'notices', 'siteAlerts', 'runs', 'results']) expect(await readStore(page, store), store).toEqual([]);

  await importFile(page, { name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(first.text, 'utf8') });
  await expect(page.getByTestId('data-message')).toHaveText(
    'Imported 2 addresses, 5 exposures, 3 breach records, 1 notice, 2 site alerts, 1 check run and 2 check results from backup.json. Records you already had were merged with them.',
  );
  await expect(count(page)).toHaveText('6 entries');
  const second = await download(page, 'Export everything (JSON)');
  expect(second.text === first.text).toBe(true);
});

test('malformed, hostile and huge imports are refused with a message, and nothing changes', async ({ context, extensionId }) => {
  const page = await historyWith(context, extensionId, sampleHistory());
  const valid = JSON.parse((await download(page, 'Export everything (JSON)')).text) as Record<string, unknown> & { exposures: Array<Record<string, unknown>> };
  const before = await snapshot(page, readStore);

  const dir = mkdtempSync(join(tmpdir(), 'wie-import-'));
  try {
    const huge = join(dir, 'huge.json');
    // 50 MB: a valid start, then padding; refused before it is read or sent anywhere.
    writeFileSync(huge, `{"format":"was-i-exposed-export","version":1,"addresses":[${' '.repeat(50 * 1024 * 1024)}]}`);
    const json = (value: unknown) => ({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)) });
    const cases: Array<[string, Parameters<typeof importFile>[1], string | RegExp]> = [
      ['newer version', json({ ...valid, version: 99 }), 'This export was made by a newer version (format 99); update the extension first.'],
      ['version zero', json({ ...valid, version: 0 }), "The export's version must be a whole number from 1 up (found 0)."],
      ['bad state', json({ ...valid, exposures: [{ ...valid.exposures[0], state: 'pwned' }, ...valid.exposures.slice(1)] }), 'exposures[0].state must be new, acknowledged or resolved (found "pwned").'],
      ['bad time', json({ ...valid, exposures: [{ ...valid.exposures[0], firstSeen: -5 }] }), 'exposures[0].firstSeen must be a time in milliseconds'],
      ['unknown section', `{"format":"was-i-exposed-export","version":1,"__proto__":{"polluted":true},"addresses":[]}`, 'The file has a section this version does not know ("__proto__")'],
      ['not JSON', '{"format": "was-i-exposed-export", ', 'The file is not valid JSON'],
      ['not an export', { name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('[1,2,3]') }, 'This is not a Was I Exposed? export'],
      ['empty', { name: 'empty.json', mimeType: 'application/json', buffer: Buffer.alloc(0) }, 'The file is empty.'],
      ['50 MB', huge, /The file is too large to import \(50(\.\d)? MB\); the limit is 40 MB\./],
    ];
    for (const [label, file, message] of cases) {
      await importFile(page, typeof file === 'string' && !file.startsWith('/') ? json(file) : file);
      const alert = page.getByTestId('data-error');
      await expect(alert, label).toContainText(message);
      await expect(alert, label).toContainText('Nothing was changed.');
      await expect(alert).toHaveAttribute('role', 'alert');
      expect(await snapshot(page, readStore), label).toEqual(before);
    }
    await expect(count(page)).toHaveText('5 entries');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a hostile breach description renders inert: no script, no image, no request elsewhere', async ({ context, extensionId, server }) => {
  const wires = armTripwires(context);
  const email = 'victim@example.com';
  const hostile = breach('Evil', {
    title: '<img src=x onerror=alert("title")>Evil Corp',
    logoUrl: 'https://evil.example/logo.png',
    dataClasses: ['<b>Passwords</b>', 'Email addresses'],
    description:
      '<p>Read <a href="javascript:alert(1)">this</a>, <a href=" JaVaScRiPt:alert(2)">that</a> and <a href="https://evil.example/ok" onclick="alert(3)">the report</a>.</p>' +
      '<img src=x onerror=alert(4)><img src="https://evil.example/pixel.png"><script>alert(5)</script><svg onload=alert(6)><image href="https://evil.example/i.png"/></svg>' +
      '<iframe src="https://evil.example/frame"></iframe><p style="background:url(https://evil.example/bg.png)">styled</p>' +
      '<form action="https://evil.example/f"><button>go</button></form><details open ontoggle=alert(7)>d</details>' +
      '<link rel="stylesheet" href="https://evil.example/s.css"><video poster="https://evil.example/p.png"></video>' +
      '<a href="data:text/html,<script>alert(9)</script>">data</a><noscript><p title="</noscript><img src=x onerror=alert(10)>">' +
      '<math><mtext><table><mglyph><style><img src=x onerror=alert(8)>',
  });
  const page = await openHistory(context, extensionId);
  await putRecords(page, { addresses: [{ email, addedAt: 1, lastCheckedAt: 2, lastOutcome: 'breached', lastFailure: null }], breaches: [hostile], exposures: [exposure(email, 'Evil', Date.now())] });
  await page.reload();
  await page.locator('body[data-ready="true"]').waitFor();
  await rows(page).first().click();
  const detail = page.getByTestId('entry-detail');
  await expect(detailTitle(page)).toHaveText('<img src=x onerror=alert("title")>Evil Corp');
  await expect(detail.getByTestId('data-classes')).toContainText('<b>Passwords</b>');
  const description = detail.getByTestId('breach-description');
  await expect(description).toContainText('the report');
  expect(await description.locator('img, script, svg, image, iframe, form, button, style, link, video, math, details').count()).toBe(0);
  expect(await activeContent(page)).toEqual({ pwned: undefined, active: [] });
  const links = await description.locator('a').evaluateAll((as) =>
    as.map((a) => ({ text: a.textContent, attrs: [...a.attributes].map((x) => `${x.name}=${x.value}`).sort() })),
  );
  expect(links).toEqual([
    { text: 'this', attrs: [] },
    { text: 'that', attrs: [] },
    { text: 'the report', attrs: ['href=https://evil.example/ok', 'rel=noopener noreferrer', 'target=_blank'] },
    { text: 'data', attrs: [] },
  ]);
  expect(await description.evaluate((el) => el.querySelectorAll('[style], [onclick], [onerror], [onload], [ontoggle]').length)).toBe(0);
  // The dead links do nothing when clicked.
  await description.getByText('this', { exact: true }).click();
  await description.getByText('that', { exact: true }).click();
  await description.getByText('data', { exact: true }).click();
  await page.waitForTimeout(500);
  expect(wires.dialogs).toEqual([]);
  expect(page.url()).toContain(HISTORY_PAGE);
  expect(requestsElsewhere(wires, [`chrome-extension://${extensionId}`, server.url])).toEqual([]);
});

test('a version-1 database is migrated to the current version by the history page, with its data intact', async ({ context, extensionId }) => {
  const driver = await context.newPage();
  await driver.goto(`chrome-extension://${extensionId}/src/ui/options/index.html`);
  const now = Date.UTC(2024, 5, 1);
  const v1 = {
    addresses: [{ email: 'old@example.com', addedAt: now - 1000, lastCheckedAt: now, lastOutcome: 'breached', lastFailure: null }],
    breaches: [breach('OldShop', { title: 'Old Shop', breachDate: '2015-02-03' }), breach('OldForum', { title: 'Old Forum', breachDate: '2012' })],
    exposures: [exposure('old@example.com', 'OldShop', now - 500, { state: 'new' }), exposure('old@example.com', 'OldForum', now - 400, { state: 'resolved', note: 'done' })],
    runs: [{ id: 'r1', provider: 'hibp', trigger: 'manual', startedAt: now - 600, finishedAt: now - 300, emails: ['old@example.com'] }],
    results: [{ runId: 'r1', email: 'old@example.com', at: now - 350, outcome: 'breached', breachIds: ['OldShop', 'OldForum'], newBreachIds: ['OldShop', 'OldForum'], failure: null }],
    requests: [{ provider: 'hibp', at: now - 350 }],
  };

  const created = await installVersion1Database(driver, extensionId, v1);
  expect(created).toEqual({ version: 1, stores: ['addresses', 'breaches', 'exposures', 'jobs', 'requests', 'results', 'runs'] });

  const page = await openHistory(context, extensionId);
  await expect(count(page)).toHaveText('2 entries');
  await expect(rows(page).first()).toContainText('Old Forum');
  await expect(rows(page).nth(1)).toContainText('Old Shop');

  const schema = await page.evaluate(
    () =>
      new Promise<{ version: number; stores: string[]; noticeIndexes: string[]; alertIndexes: string[] }>((resolve, reject) => {
        const open = indexedDB.open('was-i-exposed');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['notices', 'siteAlerts']);
          const out = {
            version: db.version,
            stores: [...db.objectStoreNames].sort(),
            noticeIndexes: [...tx.objectStore('notices').indexNames].sort(),
            alertIndexes: [...tx.objectStore('siteAlerts').indexNames].sort(),
          };
          db.close();
          resolve(out);
        };
      }),
  );
  expect(schema).toEqual({
    // The current version, whatever migrations have been added since this test was written.
    version: DB_VERSION,
    stores: ['addresses', 'breaches', 'exposures', 'historyRows', 'historyStats', 'jobs', 'notices', 'requests', 'results', 'rightsRequests', 'runs', 'siteAlerts', 'trails'],
    noticeIndexes: ['by-created', 'by-email', 'by-state'],
    alertIndexes: ['by-host', 'by-shown'],
  });
  const sortBy = <T>(items: T[], key: (t: T) => string) => [...items].sort((a, b) => key(a).localeCompare(key(b)));
  // The address gained its exposure counts (one new, one resolved), and kept every field it had.
  expect(await readStore(page, 'addresses')).toEqual([{ ...v1.addresses[0], exposureCount: 2, newCount: 1 }]);
  // The woken worker may store its provider's public catalog meanwhile (XposedOrNot's): ours are HIBP's.
  const breaches = (await readStore<{ id: string; provider: string }>(page, 'breaches')).filter((b) => b.provider === 'hibp');
  expect(sortBy(breaches, (b) => b.id)).toEqual(sortBy(v1.breaches, (b) => b.id));
  expect(sortBy(await readStore<{ breachId: string }>(page, 'exposures'), (e) => e.breachId)).toEqual(sortBy(v1.exposures, (e) => e.breachId));
  // It may also deliver the old run's notification and record that (notifiedAt).
  expect(await readStore(page, 'runs')).toEqual([expect.objectContaining(v1.runs[0]!)]);
  expect(await readStore(page, 'results')).toEqual(v1.results);
  expect(await readStore(page, 'requests')).toEqual(expect.arrayContaining(v1.requests));
  expect(await readStore(page, 'notices')).toEqual([]);
  // The history's rows were built for the migrated exposures.
  expect((await readStore<{ breachId: string }>(page, 'historyRows')).map((r) => r.breachId).sort()).toEqual(['OldForum', 'OldShop']);

  // The new stores work: a notice recorded through the page lands in the migrated database.
  const form = page.getByTestId('notice-form');
  await form.getByLabel('Organisation').fill('Old Employer');
  await form.getByLabel('When it happened').fill('2020');
  await form.getByLabel('What was exposed').fill('Names');
  await form.getByRole('button', { name: 'Record notice' }).click();
  await expect(count(page)).toHaveText('3 entries');
  expect(await readStore(page, 'notices')).toHaveLength(1);
});

for (const scheme of ['light', 'dark'] as const) {
  test(`with an entry open, and with the confirm dialog, the page passes axe in ${scheme} mode`, async ({ context, extensionId }) => {
    const page = await historyWith(context, extensionId, sampleHistory());
    await page.emulateMedia({ colorScheme: scheme });
    const serious = async () =>
      (await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze()).violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join('; ')}`);
    await rows(page).filter({ hasText: 'Forum' }).click(); // every flag, a note, resolved
    await page.locator('#filter-state').selectOption('resolved');
    await expect(detailTitle(page)).toHaveText('Forum Süd — “quoted”');
    expect(await serious()).toEqual([]);
    await page.locator('#filter-state').selectOption('');
    await rows(page).filter({ hasText: 'new' }).first().click();
    await page.getByTestId('entry-detail').getByRole('button', { name: 'Mark resolved…' }).click();
    expect(await serious()).toEqual([]);
    await page.getByRole('button', { name: 'Delete everything…' }).click();
    await expect(page.getByRole('dialog', { name: 'Delete everything?' })).toBeVisible();
    expect(await serious()).toEqual([]);
  });
}
