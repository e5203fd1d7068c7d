/**
 * Issue #13, items 2–4 and their acceptance: the seed case's request is tracked — marked sent 40
 * days ago, it is overdue in the entry and in the popup, with exactly one notification (still one
 * after the worker restarts); an extension moves the due date by two months; an answer closes it.
 * Requests are entries of their own in the timeline, filterable by kind. The complaint step links
 * the authority chosen in Options (the Garante by default for an Italian browser).
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { Page, Request } from '@playwright/test';
import { expect, readStore, test } from './support/extension';
import { address, openHistory, putRecords, workerStopper } from './support/history-seed';
import { EMAIL, historyWithAmazonNotice, notice, seriousViolations } from './support/rights';
import { addDays, addMonths, nextWorkingDay } from '../src/core/rights/deadline';

/** The authorities as the extension ships them (read as data: Node needs an import attribute for JSON). */
const AUTHORITIES = (JSON.parse(readFileSync('src/core/rights/authorities.json', 'utf8')) as {
  authorities: Array<{ country: string; name: string; website: string; complaintUrl: string | null }>;
}).authorities;
const authorityFor = (country: string) => AUTHORITIES.find((a) => a.country === country);

/** A local calendar day `days` before today, as the browser's own clock and time zone see it. */
const localDayBefore = (page: Page, days: number) =>
  page.evaluate((back) => {
    const d = new Date();
    d.setDate(d.getDate() - back);
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  }, days);

/** The notifications the extension shows, read from one of its pages. */
const notifications = (page: Page) => page.evaluate(() => chrome.notifications.getAll());

test('the seed case: ask Amazon in Italian, mark it sent 40 days ago, overdue once, extended, answered', async ({ context, extensionId, openPopup }) => {
  const page = await historyWithAmazonNotice(context, extensionId);

  // Composing: an Italian letter as a mailto: draft, with nothing sent anywhere.
  const requests: Request[] = [];
  page.on('request', (request) => requests.push(request));
  await page.getByRole('button', { name: 'Ask Amazon what happened' }).click();
  const dialog = page.getByRole('dialog', { name: 'Ask Amazon what happened' });
  await dialog.getByLabel('Language of the letter').selectOption('it');
  const body = dialog.getByLabel('Letter', { exact: true });
  await expect(body).toHaveValue(/^Spettabile Amazon,/);
  await dialog.getByLabel("Send to: the organisation's privacy contact").fill('privacy@amazon.example');
  const href = (await dialog.getByTestId('rights-mailto').getAttribute('href'))!;
  const params = new URLSearchParams(href.slice(href.indexOf('?') + 1));
  expect(params.get('subject')).toContain('Regolamento (UE) 2016/679');
  for (const needle of ['Regolamento (UE) 2016/679', 'articolo 15', 'articolo 34', '21 novembre 2018', EMAIL]) expect(params.get('body'), needle).toContain(needle);
  await dialog.getByRole('button', { name: 'Close' }).click();
  const ownOrigin = `chrome-extension://${extensionId}/`;
  expect(requests.map((r) => r.url()).filter((url) => !url.startsWith(ownOrigin))).toEqual([]);

  // Tracking: no request yet; a date in the future is refused with a clear message.
  const detail = page.getByTestId('entry-detail');
  const tracker = detail.getByTestId('request-tracker');
  await expect(tracker).toContainText('Sent the request?');
  await tracker.getByLabel('Sent on').fill(await localDayBefore(page, -1));
  await tracker.getByRole('button', { name: 'Mark as sent' }).click();
  await expect(tracker.getByTestId('request-error')).toHaveText('That date is in the future: give today or an earlier day.');
  expect(await readStore(page, 'rightsRequests')).toEqual([]);

  // Sent 40 days ago: the month has passed, so it is overdue at once.
  const sentOn = await localDayBefore(page, 40);
  const due = nextWorkingDay(addMonths(sentOn, 1));
  await tracker.getByLabel('Sent on').fill(sentOn);
  await tracker.getByRole('button', { name: 'Mark as sent' }).click();
  await expect(tracker).toHaveAttribute('data-status', 'overdue');
  await expect(tracker.getByTestId('request-status')).toHaveText('Overdue: no answer by the due date.');
  await expect(tracker.getByTestId('request-due')).toHaveAttribute('data-due', due);
  await expect(tracker.getByTestId('complaint-step')).toBeVisible();

  // Exactly one notification, recorded as shown for this due date.
  const noticeId = (await readStore<{ id: string }>(page, 'notices'))[0]!.id;
  const notificationId = `request:${encodeURIComponent(`notice\u0000${noticeId}`)}`;
  await expect.poll(async () => Object.keys(await notifications(page))).toEqual([notificationId]);
  await expect.poll(async () => (await readStore<{ notifiedDue: string | null }>(page, 'rightsRequests'))[0]?.notifiedDue).toBe(due);
  const popup = await openPopup();
  await expect(popup.getByTestId('popup-overdue')).toHaveText(/^Your request to Amazon is overdue: the answer was due by /);
  // Its link opens the request in the history.
  const [opened] = await Promise.all([context.waitForEvent('page'), popup.getByTestId('popup-overdue').getByRole('link').click()]);
  await opened.locator('body[data-ready="true"]').waitFor();
  await expect(opened.locator('#detail-title')).toHaveText('Your request to Amazon');
  await opened.close();

  // The person dismisses it; the worker restarts; the next look for overdue requests (a change
  // that leaves it overdue awaits one) shows nothing again: the record says it was shown.
  expect(await page.evaluate((id) => chrome.notifications.clear(id), notificationId)).toBe(true);
  const stopWorker = await workerStopper(page, extensionId);
  await stopWorker();
  const reply = await page.evaluate(
    (id) => chrome.runtime.sendMessage({ type: 'request/change', payload: { target: { kind: 'notice', id }, change: { action: 'extended', months: 0 } } }),
    noticeId,
  );
  expect(reply).toMatchObject({ ok: true, value: { notifiedDue: due } });
  expect(await notifications(page)).toEqual({});

  // The request is an entry of its own, linked to its notice, and filterable.
  await page.locator('#filter-kind').selectOption('request');
  const rows = page.getByTestId('history-list').getByRole('option');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('request overdue');
  await rows.first().click();
  await expect(page.locator('#detail-title')).toHaveText('Your request to Amazon');
  await page.getByTestId('request-subject-link').click();
  await expect(page.locator('#detail-title')).toHaveText('Amazon');

  // An extension of two months: the due date moves by two months, and it is no longer overdue.
  await tracker.getByLabel('The organisation extended the deadline by').selectOption('2');
  await tracker.getByRole('button', { name: 'Record the extension' }).click();
  const extended = nextWorkingDay(addMonths(sentOn, 3));
  await expect(tracker.getByTestId('request-due')).toHaveAttribute('data-due', extended);
  expect(addMonths(due, 2) <= extended && extended <= addDays(addMonths(due, 2), 3)).toBe(true); // two months on (a weekend aside)
  await expect(tracker).toHaveAttribute('data-status', 'waiting');
  await expect.poll(async () => Object.keys(await notifications(page))).toEqual([]);
  await popup.reload();
  await popup.locator('body[data-ready="true"]').waitFor();
  await expect(popup.getByTestId('popup-overdue')).toHaveCount(0);

  // The answer, with a note: the request is done.
  await tracker.getByLabel('Answer received on').fill(await localDayBefore(page, 1));
  await tracker.getByLabel('Note (optional)').fill('They sent a copy of my data');
  await tracker.getByRole('button', { name: 'Record the answer' }).click();
  await expect(tracker).toHaveAttribute('data-status', 'answered');
  await expect(tracker.getByTestId('request-status')).toContainText('Answered.');
  await expect(tracker).toContainText('They sent a copy of my data');
  const [stored] = await readStore<{ answeredOn: string; closedOn: string; extensionMonths: number }>(page, 'rightsRequests');
  expect(stored).toMatchObject({ answeredOn: await localDayBefore(page, 1), closedOn: await localDayBefore(page, 1), extensionMonths: 2 });
});

/** An overdue request about a notice, seeded as the extension stores it. */
async function historyWithOverdueRequest(context: Parameters<typeof openHistory>[0], extensionId: string): Promise<Page> {
  const page = await openHistory(context, extensionId);
  const sentOn = await localDayBefore(page, 60);
  await putRecords(page, {
    addresses: [address(EMAIL, Date.UTC(2025, 0, 1))],
    notices: [notice('n1', EMAIL, 'Amazon', '2018-11-21')],
    rightsRequests: [{
      entry: 'notice\u0000n1', email: EMAIL, organisation: 'Amazon', law: 'eu-gdpr', sentOn, extensionMonths: 0,
      answeredOn: null, note: '', closedOn: null, createdAt: Date.now(), changedAt: Date.now(), notifiedDue: null,
    }],
  });
  await page.reload();
  await page.locator('body[data-ready="true"]').waitFor();
  await page.locator('#filter-kind').selectOption('notice');
  await page.getByTestId('history-list').getByRole('option').first().click();
  return page;
}

test('the complaint step links the chosen authority: the Garante for Italy, another country its own', async ({ context, extensionId }) => {
  const page = await historyWithOverdueRequest(context, extensionId);
  const complaint = page.getByTestId('complaint-step');
  // An English browser says nothing about the country: the step asks for a choice.
  await expect(complaint).toContainText("Your browser's language does not tell which country's authority is yours.");

  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/src/ui/options/index.html`);
  await options.locator('body[data-ready="true"]').waitFor();
  const choose = async (country: string) => {
    await options.getByLabel('Authority', { exact: true }).selectOption(country);
    await expect.poll(async () => (await options.evaluate(() => chrome.storage.local.get('authorityCountry'))).authorityCountry).toBe(country);
    await page.reload();
    await page.locator('body[data-ready="true"]').waitFor();
    await page.locator('#filter-kind').selectOption('notice');
    await page.getByTestId('history-list').getByRole('option').first().click();
  };

  await choose('IT');
  const garante = authorityFor('IT')!;
  await expect(complaint).toContainText('Your data-protection authority: Garante per la protezione dei dati personali');
  await expect(complaint.getByTestId('complaint-link')).toHaveAttribute('href', garante.complaintUrl!);
  await expect(complaint).toContainText('your request, sent on');
  await expect(complaint).toContainText('a note that no answer came by');

  await choose('FR');
  const cnil = authorityFor('FR')!;
  await expect(complaint).toContainText(cnil.name);
  await expect(complaint.getByTestId('complaint-link')).toHaveAttribute('href', cnil.complaintUrl ?? cnil.website);

  // Where no complaint page could be checked, the step says so and links the home page.
  await choose('CY');
  const cyprus = authorityFor('CY')!;
  expect(cyprus.complaintUrl).toBeNull();
  await expect(complaint).toContainText('We could not check a page of this authority that explains how to complain');
  await expect(complaint.getByTestId('complaint-link')).toHaveAttribute('href', cyprus.website);
});

test.describe('in an Italian browser', () => {
  test.use({ extraArgs: ['--lang=it'] });

  test('the Garante is the default authority, in Options and in the complaint step', async ({ context, extensionId }) => {
    const page = await historyWithOverdueRequest(context, extensionId);
    const complaint = page.getByTestId('complaint-step');
    await expect(complaint.getByTestId('complaint-link')).toHaveAttribute('href', authorityFor('IT')!.complaintUrl!);
    await expect(complaint).toContainText('Garante per la protezione dei dati personali');
    const options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/src/ui/options/index.html`);
    await options.locator('body[data-ready="true"]').waitFor();
    await expect(options.locator('#authorityCountry option:checked')).toHaveText(/^Dalla lingua del browser: Italia — Garante per la protezione dei dati personali$/);
  });
});

/** Clicks an export button and returns the downloaded file's text. */
async function exported(page: Page, button: string): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  return readFile(await file.path(), 'utf8');
}

test('export → delete everything → import gives the same file byte for byte, with a request in it', async ({ context, extensionId }) => {
  const page = await historyWithOverdueRequest(context, extensionId);
  // One change through the page too, so the record is as the extension writes it.
  const tracker = page.getByTestId('request-tracker');
  await tracker.getByLabel('The organisation extended the deadline by').selectOption('1');
  await tracker.getByRole('button', { name: 'Record the extension' }).click();
  await expect(tracker.getByText('The organisation extended the deadline by 1 month.')).toBeVisible();

  const first = await exported(page, 'Export everything (JSON)');
  const doc = JSON.parse(first) as { rightsRequests?: Array<{ entry: string; extensionMonths: number }> };
  expect(doc.rightsRequests).toEqual([expect.objectContaining({ entry: 'notice\u0000n1', extensionMonths: 1 })]);
  const csv = await exported(page, 'Export timeline (CSV)');
  expect(csv.split('\r\n').filter((line) => line.startsWith(`${EMAIL},request,n1,Amazon,`))).toHaveLength(1);

  await page.getByRole('button', { name: 'Delete everything…' }).click();
  await page.getByRole('dialog', { name: 'Delete everything?' }).getByRole('button', { name: 'Delete everything' }).click();
  await expect(page.getByTestId('data-message')).toHaveText('Everything was deleted from this browser.');
  for (const store of ['addresses', 'notices', 'rightsRequests']) expect(await readStore(page, store), store).toEqual([]);

  await expect(page.getByTestId('import-file')).toBeEnabled(); // the data tools wait for the deletion to finish
  await page.getByTestId('import-file').setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(first, 'utf8') });
  await expect(page.getByTestId('data-message')).toContainText('1 notice');
  await expect(page.getByTestId('data-message')).toContainText('1 data-protection request from backup.json');
  expect(await exported(page, 'Export everything (JSON)')).toBe(first);
  await page.locator('#filter-kind').selectOption('request');
  await expect(page.getByTestId('history-list').getByRole('option')).toHaveCount(1);
});

for (const scheme of ['light', 'dark'] as const) {
  test(`an overdue request with its complaint step passes axe in ${scheme} mode`, async ({ context, extensionId }) => {
    const page = await historyWithOverdueRequest(context, extensionId);
    await page.emulateMedia({ colorScheme: scheme });
    const tracker = page.getByTestId('request-tracker');
    await expect(page.getByTestId('complaint-step')).toBeVisible();
    // With a refusal shown too, so its colours are scanned.
    await tracker.getByLabel('Answer received on').fill('2001-01-01');
    await tracker.getByRole('button', { name: 'Record the answer' }).click();
    await expect(tracker.getByTestId('request-error')).toHaveText('The answer cannot come before the request was sent: check the date.');
    expect(await seriousViolations(page)).toEqual([]);
    // The timeline's request row (its tag) too.
    await page.locator('#filter-kind').selectOption('request');
    await expect(page.getByTestId('history-list').getByRole('option')).toHaveCount(1);
    expect(await seriousViolations(page)).toEqual([]);
  });
}
