/**
 * From finding to fix (issue 12): a notice typed in everyday words gets the advice that matters,
 * a notice is never counted as a provider's breach, a breach in the popup opens its history
 * entry, the entry's "What to do" checklist leads to "Mark resolved" and survives a backup, and
 * a check waiting for the provider's hourly quota never pretends to be running.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, readStore, test } from './support/extension';
import { PopupPage } from './support/popup-page';
import { addAddresses, lookups, makeAddresses } from './support/run-helpers';
import { xonLimits } from './server/fixture-server';
import { openHistory, putRecords, sampleHistory } from './support/history-seed';

async function recordNotice(page: Page, organisation: string, classes: string): Promise<void> {
  const form = page.getByTestId('notice-form');
  await form.getByLabel('Organisation').fill(organisation);
  await form.getByLabel('When').fill('2018-11-21');
  await form.getByLabel('What was exposed').fill(classes);
  await form.getByRole('button', { name: 'Record notice' }).click();
  await expect(form.getByRole('status')).toBeVisible();
}

async function openHistoryPage(page: Page, extensionId: string, hash = ''): Promise<Page> {
  const history = await page.context().newPage();
  await history.goto(`chrome-extension://${extensionId}/src/ui/history/index.html${hash}`);
  await history.locator('body[data-ready="true"]').waitFor();
  return history;
}

test('the seed case typed as "name, email" gets the phishing advice, and the clean address says it has a notice, not a breach', async ({ server, openPopup, extensionId }) => {
  server.setAccounts({});
  const popup = new PopupPage(await openPopup());
  await popup.addAddress('shopper@example.com');
  await popup.checkNow();
  await expect(popup.status('shopper@example.com')).toContainText('No breaches found');

  const history = await openHistoryPage(popup.page, extensionId);
  // Suggestions while typing, and what the words will be recorded as.
  await history.getByTestId('notice-form').getByLabel('What was exposed').fill('name, ema');
  await expect(history.getByTestId('notice-class-suggestions').getByRole('button').first()).toHaveText('Email addresses');
  await recordNotice(history, 'Big Online Shop', 'name, email');
  const [notice] = await readStore<{ dataClasses: string[] }>(history, 'notices');
  expect(notice!.dataClasses).toEqual(['Names', 'Email addresses']);

  await history.locator('[role="option"][data-key]').first().click();
  const guidance = history.getByTestId('entry-detail').getByTestId('guidance');
  await expect(guidance.locator('[data-group="contact"] h4')).toContainText('Email addresses');
  await expect(guidance).toContainText('phishing');

  await popup.page.reload();
  await expect(popup.status('shopper@example.com')).toContainText('No breaches found');
  await expect(popup.status('shopper@example.com')).toContainText('1 notice recorded by you');
  await expect(popup.status('shopper@example.com')).not.toContainText('Found in');
  await expect(popup.address('shopper@example.com').locator('li.notice .breach-meta')).toContainText('Nov 2018');
});

test('a breach in the popup opens its history entry; ticking every step offers "Mark resolved"; the ticks survive export, delete and import byte for byte', async ({ server, openPopup, context }) => {
  server.setAccounts({ 'victim@example.com': ['Adobe'] });
  const popup = new PopupPage(await openPopup());
  await popup.addAddress('victim@example.com');
  await popup.checkNow();
  await expect(popup.status('victim@example.com')).toContainText('Found in 1 breach');

  const [history] = await Promise.all([context.waitForEvent('page'), popup.breaches('victim@example.com').first().getByTestId('popup-breach-link').click()]);
  await history.locator('body[data-ready="true"]').waitFor();
  const detail = history.getByTestId('entry-detail');
  await expect(detail.locator('h2')).toHaveText('Adobe');
  await expect(detail.locator('h2')).toBeFocused();
  await expect(history.locator('[role="option"].opened')).toHaveCount(1);

  const steps = detail.getByTestId('guidance').getByRole('checkbox');
  const total = await steps.count();
  expect(total).toBeGreaterThan(2);
  await expect(detail.getByTestId('checklist-progress')).toHaveText(`0 of ${total} done`);
  await expect(detail.getByTestId('checklist-resolve')).toHaveCount(0);
  for (let i = 0; i < total; i++) {
    await steps.nth(i).check();
    await expect(detail.getByTestId('checklist-progress')).toHaveText(`${i + 1} of ${total} done`);
  }
  const [exposure] = await readStore<{ steps?: string[] }>(history, 'exposures');
  expect(exposure!.steps).toHaveLength(total);

  // Export, delete everything, import: the same file, ticks included.
  const exportJson = async () => {
    const [file] = await Promise.all([history.waitForEvent('download'), history.getByRole('button', { name: 'Export everything (JSON)' }).click()]);
    return readFile(await file.path(), 'utf8');
  };
  const first = await exportJson();
  expect((JSON.parse(first) as { exposures: Array<{ steps?: string[] }> }).exposures[0]!.steps).toHaveLength(total);
  await history.getByRole('button', { name: 'Delete everything…' }).click();
  await history.getByRole('dialog', { name: 'Delete everything?' }).getByRole('button', { name: 'Delete everything' }).click();
  await expect(history.getByTestId('history-empty')).toBeVisible();
  await expect(history.getByTestId('import-file')).toBeEnabled(); // the data tools wait for the deletion to finish
  await history.getByTestId('import-file').setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(first, 'utf8') });
  await expect(history.getByTestId('data-message')).toContainText('Imported');
  // The user's records, ticks included, come back byte for byte. (The Adobe breach record itself
  // may be refreshed from the provider's catalog meanwhile: that is the provider's data, not theirs.)
  const section = (text: string, name: string) => JSON.stringify((JSON.parse(text) as Record<string, unknown>)[name], null, 2);
  const second = await exportJson();
  for (const name of ['addresses', 'exposures', 'notices', 'runs', 'results']) expect(section(second, name), name).toBe(section(first, name));

  await history.locator('[role="option"][data-key]').first().click();
  await expect(detail.getByTestId('checklist-progress')).toHaveText(`${total} of ${total} done`);
  await detail.getByTestId('checklist-resolve').click();
  await expect(history.getByTestId('entry-status')).toContainText('Resolved');
  await expect(detail.getByTestId('checklist-resolve')).toHaveCount(0);
});

test('with the hourly quota spent, no card says "Checking…": each says which limit it waits for and when', async ({ server, openPopup }) => {
  const emails = makeAddresses(3, 'quota');
  server.setAccounts({ [emails[0]!]: ['Adobe'] });
  server.setRateLimits(xonLimits());
  const popup = new PopupPage(await openPopup());
  // XposedOrNot's 25 checks of this hour, sent a minute ago (as an earlier session left them).
  await popup.page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('was-i-exposed');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('requests', 'readwrite');
          for (let i = 0; i < 25; i++) tx.objectStore('requests').add({ provider: 'xposedornot', at: Date.now() - 60_000 + i });
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
  await addAddresses(popup.page, emails);
  await popup.checkNow();
  await expect(popup.page.getByTestId('run-progress')).toContainText('Checked 0 of 3');
  for (const email of emails) {
    await expect(popup.address(email).getByTestId('address-job')).toContainText(/^XposedOrNot allows 25 checks an hour; the next one goes at \d/);
  }
  await expect(popup.page.locator('li.address').getByText('Checking…')).toHaveCount(0);
  expect(lookups(server)).toEqual([]);

  // The queued run can be cancelled: its jobs go, nothing is recorded for them, nothing is sent.
  await popup.page.getByTestId('run-cancel').click();
  await expect(popup.page.getByTestId('run-progress')).toHaveCount(0);
  await expect(popup.page.getByTestId('address-job')).toHaveCount(0);
  expect(await readStore(popup.page, 'jobs')).toEqual([]);
  expect(await readStore(popup.page, 'results')).toEqual([]);
  expect(await readStore(popup.page, 'exposures')).toEqual([]);
  await expect(popup.page.getByRole('button', { name: 'Check now', exact: true })).toBeEnabled();
  expect(lookups(server)).toEqual([]);
});

test('history sorts by newest found, breach date or most data, each row showing the date it is sorted by', async ({ context, extensionId }) => {
  const page = await openHistory(context, extensionId);
  await putRecords(page, sampleHistory(Date.UTC(2025, 0, 15, 12)));
  await page.reload();
  await page.locator('body[data-ready="true"]').waitFor();
  const rows = page.getByTestId('history-list').getByRole('option');
  const titles = async () => (await rows.locator('.row-title').allTextContents()).map((t) => t.replace(/(new|resolved)$/, '').trim());
  const dates = () => rows.locator('.row-date').allTextContents();

  // Newest found first: the day each was found.
  expect(await titles()).toEqual(['GoneMissing', 'Shop North', 'Travel East', 'Forum Süd — “quoted”', 'Shop North']);
  expect(await dates()).toEqual(['found Jan 9, 2025', 'found Jan 8, 2025', 'found Jan 7, 2025', 'found Jan 6, 2025', 'found Jan 5, 2025']);

  // The page reads the new order from its index: wait for it.
  await page.getByTestId('history-sort').selectOption({ label: 'Newest breach first' });
  await expect.poll(titles).toEqual(['Travel East', 'Shop North', 'Shop North', 'Forum Süd — “quoted”', 'GoneMissing']);
  expect(await dates()).toEqual(['Nov 2023', 'Mar 2021', 'Mar 2021', '2017', 'date unknown']);

  await page.getByTestId('history-sort').selectOption({ label: 'Most data exposed first' });
  await expect.poll(async () => (await titles()).slice(0, 3)).toEqual(['Travel East', 'Shop North', 'Shop North']); // three kinds of data each: the newer breach first
});
