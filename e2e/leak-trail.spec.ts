/**
 * "Who leaked me" (#17), end to end: an address added from the popup while on a shop's site is
 * suggested as given to that site; when the local breach API puts it in another site's breach,
 * the popup, the history and the shop's site card show the leak trail; acknowledging it clears
 * the badge; export, delete everything and import keep it. A breach of the shop itself raises
 * none. The production code (dist/chrome-granted), the real providers' hostnames answered by the
 * local fixture server, the shop's site by a local HTTPS server; nothing leaves the machine.
 */
import type { BrowserContext, CDPSession, Page, Worker } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { makeBreach } from './server/fixture-server';
import { maskEmail } from '../src/core/mask-email';
import { seriousViolations } from './support/axe';
import { expect, test } from './support/mapped-browser';
import { readStore } from './support/read-store';
import { ActionPopup, type SiteChrome } from './support/site-browsing';

const SHOP = 'shopa.example';
const EMAIL = 'me+shopa@example.com';
const OTHER_SHOP = makeBreach({ Name: 'OtherShop', Title: 'OtherShop', Domain: 'othershop.example', BreachDate: '2019-05-01' });
const OWN_BREACH = makeBreach({ Name: 'ShopA', Title: 'ShopA', Domain: 'www.shopa.example', BreachDate: '2020-02-02' });

// An array option is given as [value, options]: a bare list would be read as that pair.
test.use({ initialBreaches: [[OTHER_SHOP, OWN_BREACH], { scope: 'test' }] });

test.describe.configure({ timeout: 120_000 });

interface StoredAddress {
  email: string;
  givenTo?: string[];
}
interface StoredTrail {
  id: string;
  email: string;
  givenTo: string[];
  site: string;
  title: string;
  date: string | null;
  state: string;
}

const globalBadge = (worker: Worker) => worker.evaluate(() => (globalThis as unknown as SiteChrome).chrome.action.getBadgeText({}));

/** Opens the shop's home page in a tab, as a person would. */
async function openShop(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`https://${SHOP}/`);
  await expect(page).toHaveTitle(SHOP);
  return page;
}

/** Types an address into the popup's form and adds it, as a person would. */
async function addInPopup(popup: ActionPopup, email: string): Promise<void> {
  await popup.evaluate(`(() => {
    const input = document.getElementById('new-address');
    input.value = ${JSON.stringify(email)};
    input.dispatchEvent(new Event('input', { bubbles: true }));
  })()`);
  // The form submits the value it rendered last. Preact renders the typed value in a microtask,
  // which has run before the next DevTools command is handled: so the click comes separately.
  await click(popup, '.add-form button[type=submit]');
}

const text = (popup: ActionPopup, selector: string) => popup.evaluate<string | null>(`document.querySelector(${JSON.stringify(selector)})?.textContent ?? null`);
const click = (popup: ActionPopup, selector: string) => popup.evaluate(`document.querySelector(${JSON.stringify(selector)}).click()`);

/** Adds EMAIL from the popup opened on the shop's tab, and accepts the suggested site. */
async function addGivenToShop(cdp: CDPSession, extensionId: string, shop: Page): Promise<ActionPopup> {
  const popup = await ActionPopup.open(cdp, extensionId, shop);
  await addInPopup(popup, EMAIL);
  await popup.waitFor(`document.querySelector('[data-testid=add-suggestions] [data-site="${SHOP}"]')`);
  expect(await text(popup, `[data-testid=add-suggestions] [data-site="${SHOP}"]`)).toBe(`Did you give ${EMAIL} to ${SHOP}?Yes, given to ${SHOP}`);
  // A plus-address: watching its mailbox is offered too (and only offered).
  expect(await text(popup, '[data-testid=suggest-base]')).toBe(`${EMAIL} is a plus-address of me@example.com. Watch me@example.com too?Watch me@example.com`);
  await click(popup, '[data-testid=accept-given-to]');
  await popup.waitFor(`document.querySelector('[data-testid=given-to-accepted]')`);
  expect(await text(popup, '[data-testid=given-to-accepted]')).toBe(`✓ ${EMAIL} noted as given to ${SHOP}.`);
  return popup;
}

/** Starts a check from the popup and waits until the address has its result. */
async function checkFromPopup(popup: ActionPopup, worker: Worker): Promise<void> {
  await popup.waitFor(`[...document.querySelectorAll('.popup-header button')].some((b) => b.textContent === 'Check now')`);
  await popup.evaluate(`[...document.querySelectorAll('.popup-header button')].find((b) => b.textContent === 'Check now').click()`);
  await expect
    .poll(async () => (await readStore<{ email: string; lastCheckedAt: number | null }>(worker, 'addresses')).find((a) => a.email === EMAIL)?.lastCheckedAt ?? null, {
      timeout: 30_000,
      message: 'the check recorded its result',
    })
    .not.toBeNull();
}

test('an address given to shopa.example that turns up in OtherShop\'s breach leaves a leak trail: popup, history, site card, badge, export and import', async ({
  context,
  worker,
  extensionId,
  cdp,
  server,
}) => {
  const shop = await openShop(context);
  const popup = await addGivenToShop(cdp, extensionId, shop);
  expect((await readStore<StoredAddress>(worker, 'addresses')).map((a) => [a.email, a.givenTo])).toEqual([[EMAIL, [SHOP]]]);

  // The breach API now has the address in another shop's breach.
  server.setAccounts({ [EMAIL]: ['OtherShop'] });
  await checkFromPopup(popup, worker);
  const sentence = `You gave ${EMAIL} only to ${SHOP}. It appeared in OtherShop's breach (othershop.example, 2019): ${SHOP} shared it, or was breached without saying so.`;
  await popup.waitFor(`document.querySelector('[data-testid=trail-finding]')`);
  expect(await text(popup, '[data-testid=trail-finding] .trail-text')).toBe(`Leak trail ${sentence}`);
  const [trail] = await readStore<StoredTrail>(worker, 'trails');
  expect(trail).toMatchObject({ email: EMAIL, givenTo: [SHOP], site: 'othershop.example', title: 'OtherShop', state: 'new' });
  // The popup acknowledged the exposure it showed; the finding stays counted until acknowledged itself.
  await expect.poll(() => globalBadge(worker), { message: 'badge counts the unacknowledged finding' }).toBe('1');
  await popup.close();

  // The history lists it as its own entry, linked to the breach.
  const history = await context.newPage();
  await history.goto(`chrome-extension://${extensionId}/src/ui/history/index.html`);
  const entry = history.getByTestId('history-trail');
  await expect(entry).toHaveCount(1);
  await expect(entry.locator('.trail-text')).toHaveText(`new ${sentence}`);
  await expect(entry.getByRole('link', { name: 'Show the breach' })).toHaveAttribute('href', /^#entry=breach/);
  await expect(entry.getByRole('button', { name: `Ask ${SHOP} what happened` })).toBeVisible();
  // The new parts pass axe where they show: the history's section, and the popup's card (opened as a page).
  const popupPage = await context.newPage();
  await popupPage.goto(`chrome-extension://${extensionId}/src/ui/popup/index.html`);
  await expect(popupPage.getByTestId('trail-finding')).toHaveCount(1);
  for (const scheme of ['light', 'dark'] as const) {
    for (const page of [history, popupPage]) {
      await page.emulateMedia({ colorScheme: scheme });
      expect(await seriousViolations(page), `${page.url()} ${scheme}`).toEqual([]);
    }
  }
  await popupPage.close();

  // The shop's site card says so.
  const again = await ActionPopup.open(cdp, extensionId, shop);
  await again.waitFor(`document.querySelector('[data-testid=site-card-trails]')`);
  expect(await text(again, '[data-testid=site-card] h2')).toBe('⚠ An address you gave this site turned up elsewhere');
  // The card masks the address (others may see the screen), and names both sites.
  const card = await text(again, '[data-testid=site-card-trails]');
  expect(card).toBe(sentence.replace(EMAIL, maskEmail(EMAIL)));

  // Acknowledged in the popup: the badge clears.
  await click(again, '[data-testid=trail-acknowledge]');
  await expect.poll(() => globalBadge(worker), { message: 'badge cleared' }).toBe('');
  await expect(entry.locator('.trail-text')).toHaveText(`Acknowledged ${sentence}`);
  await again.close();

  // Export, delete everything (keeping settings), import: the sites and the finding come back as they were.
  await history.reload();
  const [file] = await Promise.all([history.waitForEvent('download'), history.getByRole('button', { name: 'Export everything (JSON)' }).click()]);
  const exported = readFileSync((await file.path())!, 'utf8');
  expect(JSON.parse(exported).trail).toMatchObject({ givenTo: [{ email: EMAIL, sites: [SHOP] }], findings: [{ id: trail!.id, state: 'acknowledged' }] });
  await history.getByRole('button', { name: 'Delete everything…' }).click();
  const dialog = history.getByRole('dialog', { name: 'Delete everything?' });
  await dialog.getByLabel('Keep my settings and API key').check();
  await dialog.getByRole('button', { name: 'Delete everything' }).click();
  await expect(history.getByTestId('data-message')).toHaveText('Everything was deleted from this browser except your settings and API key.');
  expect(await readStore(worker, 'trails')).toEqual([]);
  await expect(history.getByTestId('import-file')).toBeEnabled(); // the data tools wait for the deletion to finish
  await history.getByTestId('import-file').setInputFiles((await file.path())!);
  await expect(history.getByTestId('data-message')).toHaveText(/^Imported /);
  expect((await readStore<StoredAddress>(worker, 'addresses')).map((a) => [a.email, a.givenTo])).toEqual([[EMAIL, [SHOP]]]);
  // The same finding, still acknowledged (its breach date may be read afresh from the catalog downloaded since).
  const { date: _date, ...kept } = trail!;
  expect(await readStore<StoredTrail>(worker, 'trails')).toEqual([{ ...kept, date: expect.stringMatching(/^2019/), state: 'acknowledged', stateChangedAt: expect.any(Number) }]);
  await expect(history.getByTestId('history-trail').locator('.trail-text')).toHaveText(`Acknowledged ${sentence}`);
  expect(await globalBadge(worker)).toBe('');
});

test('an address given to shopa.example that turns up in shopa.example\'s own breach raises no leak trail', async ({ context, worker, extensionId, cdp, server }) => {
  const shop = await openShop(context);
  const popup = await addGivenToShop(cdp, extensionId, shop);
  server.setAccounts({ [EMAIL]: ['ShopA'] });
  await checkFromPopup(popup, worker);
  // The ordinary finding is there; no trail, in the store or the popup.
  await popup.waitFor(`document.querySelector('li.breach[data-breach="ShopA"]')`);
  expect(await readStore(worker, 'trails')).toEqual([]);
  expect(await popup.evaluate<number>(`document.querySelectorAll('[data-testid=trail-finding]').length`)).toBe(0);
  await popup.close();

  // "Given to" is set on the history page too: an address from the address bar is kept as its site;
  // what is not a site is refused with a reason, and nothing changes.
  const history = await context.newPage();
  await history.goto(`chrome-extension://${extensionId}/src/ui/history/index.html`);
  const section = history.getByTestId('leak-trail');
  await expect(section.getByText('No address has turned up where you did not give it.')).toBeVisible();
  await section.getByRole('button', { name: `Add a site you gave ${EMAIL} to` }).click();
  await section.getByLabel(`Site you gave ${EMAIL} to`).fill('my shop');
  await section.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(section.getByRole('alert')).toHaveText('“my shop” is not a site: type its address, such as shop.example.');
  expect((await readStore<StoredAddress>(worker, 'addresses')).map((a) => a.givenTo)).toEqual([[SHOP]]);
  await section.getByLabel(`Site you gave ${EMAIL} to`).fill('https://www.shopb.example/account');
  await section.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(section.locator('.site-chip')).toHaveText(['shopa.example×', 'shopb.example×']);
  expect((await readStore<StoredAddress>(worker, 'addresses')).map((a) => a.givenTo)).toEqual([[SHOP, 'shopb.example']]);
  expect(await readStore(worker, 'trails')).toEqual([]);
});
