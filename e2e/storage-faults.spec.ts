/**
 * Storage faults, in real Chromium with real IndexedDB: a disk with no room left (see diskFull),
 * and a database upgrade blocked by a page of an older release that holds the old version open.
 * Each must say what happened and lose nothing, and work must carry on by itself afterwards.
 */
import type { Page, Worker } from '@playwright/test';
import { expect, readStore, test } from './support/extension';
import { breach, exposure, installVersion1Database, openHistory, releaseHeldDatabase, snapshot, workerStopper } from './support/history-seed';
import { PopupPage } from './support/popup-page';
import type { StoredJob, StoredResult } from './support/run-helpers';

const STORAGE_FULL = /no room left on this device for Was I Exposed\?'s data, so this was not saved\. Nothing stored before was changed/;
const CHECKS_PAUSED = 'No room left on this device to save check results. Checks are paused and resume by themselves once there is space; nothing stored was lost.';
const BLOCKED = /must upgrade its saved data, but one of its pages from before the update is still open\. Close the extension's other tabs/;

/**
 * The disk fills up, for this worker: every IndexedDB write it makes from now on is refused the
 * way Chromium refuses one on a full disk — the whole transaction undone, a QuotaExceededError
 * raised. (Chromium's DevTools quota override cannot do this reliably: it reaches only
 * connections opened after it, and only the first override of a session.) A new worker — after a
 * stop — has room again.
 */
async function diskFull(worker: Worker): Promise<void> {
  await worker.evaluate(() => {
    const refuse = function (this: IDBObjectStore): never {
      this.transaction.abort();
      throw new DOMException('The current transaction exceeded its quota limitations.', 'QuotaExceededError');
    };
    IDBObjectStore.prototype.put = refuse;
    IDBObjectStore.prototype.add = refuse;
  });
}

const lookupsOf = (requests: ReadonlyArray<{ path: string; query: Record<string, string> }>, email: string) =>
  requests.filter((r) => r.path === '/v1/breach-analytics' && r.query.email === email);

test('no room left: refused writes say so and change nothing; a check caught by it waits, then resumes by itself', async ({ server, extensionId, openPopup, background }) => {
  test.setTimeout(150_000);
  server.setAccounts({ 'kept@example.com': ['Adobe', 'LinkedIn'], 'later@example.com': ['Dropbox'] });
  const popup = new PopupPage(await openPopup());
  const stopWorker = await workerStopper(popup.page, extensionId);
  await popup.addAddress('kept@example.com');
  await popup.checkNow();
  await expect(popup.status('kept@example.com')).toContainText('Found in 2 breaches');
  await popup.addAddress('later@example.com');
  await expect(popup.address('later@example.com')).toBeVisible();
  const before = await snapshot(popup.page, readStore);

  // 1. A write the user asks for ("Check now" stores a run and its jobs): refused, with the reason.
  await diskFull(await background());
  await popup.checkNow();
  await expect(popup.page.getByRole('alert').filter({ hasText: STORAGE_FULL })).toBeVisible();
  expect(await snapshot(popup.page, readStore)).toEqual(before);

  // 2. Room again (a new worker), then the disk fills while a check is on the wire.
  await stopWorker();
  server.injectFault({ match: { pathIncludes: 'kept@example.com' }, delayMs: 3_000, times: 1 });
  server.clearLog();
  await popup.checkNow();
  await expect.poll(() => lookupsOf(server.requests, 'kept@example.com').length).toBe(1);
  await diskFull(await background());
  await expect(popup.page.getByTestId('storage-full')).toHaveText(CHECKS_PAUSED);
  // Both jobs still queued, no result for the run, the history as it was.
  const [run] = (await readStore<{ id: string; startedAt: number }>(popup.page, 'runs')).sort((a, b) => b.startedAt - a.startedAt);
  const queued = await readStore<StoredJob>(popup.page, 'jobs');
  expect(queued.map((j) => [j.runId, j.email]).sort()).toEqual([[run!.id, 'kept@example.com'], [run!.id, 'later@example.com']]);
  expect((await readStore<StoredResult>(popup.page, 'results')).filter((r) => r.runId === run!.id)).toEqual([]);
  const during = await snapshot(popup.page, readStore);
  expect({ ...during, runs: [], jobs: [] }).toEqual({ ...before, runs: [], jobs: [] });
  // While full, the provider is not asked again: claiming the next slot is itself a write, and it fails first.
  await popup.page.waitForTimeout(2_000);
  expect(lookupsOf(server.requests, 'later@example.com')).toEqual([]);

  // 3. Room again: the next wake (the open popup's refresh tick here; the queue's alarm otherwise)
  // starts a worker that finishes the run, with no action from the test.
  await stopWorker();
  await expect(popup.page.getByTestId('storage-full')).toHaveCount(0, { timeout: 60_000 });
  await expect.poll(async () => (await readStore<StoredResult>(popup.page, 'results')).filter((r) => r.runId === run!.id).length, { timeout: 30_000 }).toBe(2);
  expect(await readStore(popup.page, 'jobs')).toEqual([]);
  const exposures = await readStore<{ email: string; breachId: string }>(popup.page, 'exposures');
  expect(exposures.map((e) => `${e.email} ${e.breachId}`).sort()).toEqual(['kept@example.com Adobe', 'kept@example.com LinkedIn', 'later@example.com Dropbox']);
  // The answer the full disk could not keep was asked for again, once; the other address once.
  expect(lookupsOf(server.requests, 'kept@example.com')).toHaveLength(2);
  expect(lookupsOf(server.requests, 'later@example.com')).toHaveLength(1);
  console.log(
    `storage full: "Check now" refused with a message, nothing changed; a run caught mid-check kept its ${queued.length} jobs, ` +
      `sent nothing more while full, and finished on the next wake: ${exposures.length} exposures, none twice`,
  );
});

test('an upgrade blocked by an old page says so, then goes through by itself when that page lets go, losing nothing', async ({ context, extensionId }) => {
  const driver: Page = await context.newPage();
  await driver.goto(`chrome-extension://${extensionId}/src/ui/options/index.html`);
  const now = Date.UTC(2024, 5, 1);
  const v1 = {
    addresses: [{ email: 'old@example.com', addedAt: now - 1000, lastCheckedAt: now, lastOutcome: 'breached', lastFailure: null }],
    breaches: [breach('OldShop', { title: 'Old Shop', breachDate: '2015-02-03' }), breach('OldForum', { title: 'Old Forum', breachDate: '2012' })],
    exposures: [exposure('old@example.com', 'OldShop', now - 500, { state: 'acknowledged' }), exposure('old@example.com', 'OldForum', now - 400, { state: 'resolved', note: 'done' })],
  };
  expect(await installVersion1Database(driver, extensionId, v1, true)).toEqual({
    version: 1,
    stores: ['addresses', 'breaches', 'exposures', 'jobs', 'requests', 'results', 'runs'],
  });

  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/src/ui/popup/index.html`);
  await expect(popup.getByRole('alert')).toHaveText(BLOCKED);
  const history = await context.newPage();
  await history.goto(`chrome-extension://${extensionId}/src/ui/history/index.html`);
  await expect(history.getByRole('alert').filter({ hasText: BLOCKED })).toBeVisible();

  await releaseHeldDatabase(driver);
  // Both pages carry on unasked, with everything the old version held.
  await expect(popup.locator('body[data-ready="true"]')).toBeAttached();
  await expect(popup.getByRole('alert')).toHaveCount(0);
  await expect(new PopupPage(popup).status('old@example.com')).toContainText('Found in 2 breaches');
  await expect(history.locator('body[data-ready="true"]')).toBeAttached();
  await expect(history.getByTestId('history-count')).toHaveText('2 entries');
  const reopened = await openHistory(context, extensionId);
  const stored = await readStore<{ breachId: string; state: string; note?: string }>(reopened, 'exposures');
  expect(stored.map((e) => `${e.breachId} ${e.state} ${e.note ?? ''}`.trim()).sort()).toEqual(['OldForum resolved done', 'OldShop acknowledged']);
});
