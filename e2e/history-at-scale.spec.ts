import type { Page } from '@playwright/test';
import { expect, test } from './support/extension';
import { openHistory, renderedRowKeys, seedBigHistory } from './support/history-seed';

/**
 * The history page over 100,000 exposures in real IndexedDB, read a page at a time: the newest
 * entries first, the oldest at the end of the list, and every filter and order showing what the
 * seed's layout says it must. The expected counts and rows are worked out here from that layout
 * (seedBigHistory: exposure i is address i % 100's, breach floor(i / 100), found i seconds after
 * the first, new when i % 97 = 0), not read from the extension.
 */

const N = 100_000;
const ADDRESSES = 100;
const CLASSES = ['Email addresses', 'Passwords', 'Usernames', 'IP addresses', 'Names', 'Phone numbers', 'Dates of birth'];
const email = (i: number) => `big${String((i % ADDRESSES) + 1).padStart(3, '0')}@example.com`;
const breachOf = (i: number) => Math.floor(i / ADDRESSES);
const dateOf = (j: number) => `${2008 + (j % 17)}-0${1 + (j % 9)}-1${j % 10}`;
const classesOf = (j: number) => CLASSES.slice(0, 2 + (j % 5));
const isNew = (i: number) => i % 97 === 0;
const all = Array.from({ length: N }, (_, i) => i);
const count = (keep: (i: number) => boolean) => all.filter(keep).length;
const entries = (n: number) => `${n.toLocaleString('en-US')} of 100,000 entries`;

const list = (page: Page) => page.getByTestId('history-list');
const countText = (page: Page) => page.getByTestId('history-count');
const rowTitles = (page: Page) => list(page).locator('[role="option"]:not(.pending) .row-title').allTextContents();
const rowMetas = (page: Page) => list(page).locator('[role="option"]:not(.pending) .row-meta').allTextContents();
const clean = (title: string) => title.replace(/(new|resolved)$/, '').trim();

/** Whether row `index` is rendered and wholly inside the list's scrolled viewport. */
const shownInList = (page: Page, index: number) =>
  page.evaluate((i) => {
    const row = document.getElementById(`history-row-${i}`);
    const box = document.querySelector('[data-testid="history-list"]');
    if (!row || !box) return false;
    const r = row.getBoundingClientRect();
    const b = box.getBoundingClientRect();
    return r.top >= b.top - 1 && r.bottom <= b.bottom + 1;
  }, index);

/** The first rows in view, once no row is still loading. */
async function firstRows(page: Page, n: number): Promise<Array<{ title: string; meta: string }>> {
  await expect(list(page).locator('[role="option"].pending')).toHaveCount(0);
  const [titles, metas] = await Promise.all([rowTitles(page), rowMetas(page)]);
  return titles.slice(0, n).map((t, k) => ({ title: clean(t), meta: metas[k]! }));
}

test('100,000 exposures: newest first, the oldest at the end, filters and orders as the layout says', async ({ context, extensionId }) => {
  test.setTimeout(600_000);
  const seeder = await openHistory(context, extensionId);
  await seedBigHistory(seeder, N, ADDRESSES);
  await seeder.close();
  // The first open builds the history's rows and aggregates from what the seed wrote.
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/src/ui/history/index.html`);
  await page.locator('body[data-ready="true"]').waitFor({ timeout: 480_000 });
  await expect(countText(page)).toHaveText('100,000 entries');

  // Newest found first: exposures 99,999, 99,998, … (breach 999, addresses 100, 99, …).
  const newest = await firstRows(page, 3);
  expect(newest.map((r) => r.title)).toEqual([99_999, 99_998, 99_997].map((i) => `Big Breach ${breachOf(i)}`));
  for (const [k, i] of [99_999, 99_998, 99_997].entries()) expect(newest[k]!.meta).toContain(email(i));
  const before = await renderedRowKeys(page);
  expect(before.length).toBeLessThan(60);

  // A jump into the middle renders only the rows there, showing the entries the layout puts there.
  await list(page).evaluate((el) => {
    el.scrollTop = 3_000_000;
  });
  await expect.poll(async () => (await renderedRowKeys(page)).some((k) => before.includes(k))).toBe(false);
  expect((await renderedRowKeys(page)).length).toBeLessThan(60);
  const firstPos = Number(await list(page).locator('[role="option"]').first().getAttribute('aria-posinset'));
  expect(Math.abs(firstPos - 3_000_000 / 56)).toBeLessThan(20);
  const middle = firstPos + 10; // a row in view, by its position (1-based): exposure N - position
  await expect(page.locator(`#history-row-${middle - 1} .row-meta`)).toContainText(email(N - middle));
  await expect(page.locator(`#history-row-${middle - 1} .row-title`)).toContainText(`Big Breach ${breachOf(N - middle)}`);

  // The end of the list is the oldest: exposure 0, read when it comes into view.
  await list(page).focus();
  await page.keyboard.press('End');
  await expect(list(page)).toHaveAttribute('aria-activedescendant', 'history-row-99999');
  expect(await shownInList(page, 99_999)).toBe(true);
  await expect(page.locator('#history-row-99999 .row-title')).toContainText(/^Big Breach 0(new)?$/);
  await expect(page.locator('#history-row-99999 .row-meta')).toContainText(email(0));
  await expect(page.locator('#history-row-99998 .row-meta')).toContainText(email(1));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('entry-detail').locator('h2')).toHaveText('Big Breach 0');
  await page.keyboard.press('Home');
  await expect(page.locator('#history-row-0 .row-title')).toContainText(`Big Breach ${breachOf(99_999)}`);

  // Each filter, and a search, against the layout's own count.
  const filters: Array<[string, string, number]> = [
    ['#filter-email', email(6), count((i) => i % ADDRESSES === 6)],
    ['#filter-state', 'new', count(isNew)],
    ['#filter-year', '2012', count((i) => dateOf(breachOf(i)).startsWith('2012-'))],
    ['#filter-class', 'Phone numbers', count((i) => classesOf(breachOf(i)).includes('Phone numbers'))],
  ];
  for (const [select, value, expected] of filters) {
    await page.locator(select).selectOption(value);
    await expect(countText(page)).toHaveText(entries(expected));
    await expect.poll(async () => (await firstRows(page, 5)).length).toBe(Math.min(5, expected));
    await page.locator(select).selectOption('');
    await expect(countText(page)).toHaveText('100,000 entries');
  }
  // Two at once: address 7's new ones, newest first.
  await page.locator('#filter-email').selectOption(email(6));
  await page.locator('#filter-state').selectOption('new');
  const both = all.filter((i) => i % ADDRESSES === 6 && isNew(i)).reverse();
  await expect(countText(page)).toHaveText(entries(both.length));
  await expect.poll(async () => (await firstRows(page, 3)).map((r) => r.title)).toEqual(both.slice(0, 3).map((i) => `Big Breach ${breachOf(i)}`));
  await page.getByRole('button', { name: 'Clear filters' }).first().click();
  await expect(countText(page)).toHaveText('100,000 entries');
  // A search: one breach's domain, then an address typed out.
  await page.getByTestId('history-filter').fill('big999.example');
  await expect(countText(page)).toHaveText(entries(count((i) => breachOf(i) === 999)));
  await page.getByTestId('history-filter').fill(email(41));
  await expect(countText(page)).toHaveText(entries(count((i) => i % ADDRESSES === 41)));
  await expect.poll(async () => (await firstRows(page, 1))[0]?.meta).toContain(email(41));
  await page.getByTestId('history-filter').fill('');
  await expect(countText(page)).toHaveText('100,000 entries');

  // The orders: newest breach first, then most kinds of data first (ties by newest breach).
  const breaches = Array.from({ length: N / ADDRESSES }, (_, j) => j);
  const latest = breaches.reduce((best, j) => (dateOf(j) > dateOf(best) ? j : best), 0);
  // A new order keeps the count: wait for the rows themselves to be read again in it.
  await page.getByTestId('history-sort').selectOption('breach-date');
  await expect.poll(async () => (await firstRows(page, 3)).map((r) => r.title)).toEqual(Array(3).fill(`Big Breach ${latest}`));
  const most = breaches.reduce((best, j) => {
    const d = classesOf(j).length - classesOf(best).length;
    return d > 0 || (d === 0 && dateOf(j) > dateOf(best)) ? j : best;
  }, 0);
  await page.getByTestId('history-sort').selectOption('data');
  await expect.poll(async () => (await firstRows(page, 3)).map((r) => r.title)).toEqual(Array(3).fill(`Big Breach ${most}`));
  // The end of the data order: the fewest kinds of data, the oldest breach among them.
  const least = breaches.reduce((best, j) => {
    const d = classesOf(j).length - classesOf(best).length;
    return d < 0 || (d === 0 && dateOf(j) < dateOf(best)) ? j : best;
  }, 0);
  await list(page).focus();
  await page.keyboard.press('End');
  await expect(page.locator('#history-row-99999 .row-title')).toHaveText(new RegExp(`^Big Breach ${least}(new)?$`));
  expect((await renderedRowKeys(page)).length).toBeLessThan(60);
});
