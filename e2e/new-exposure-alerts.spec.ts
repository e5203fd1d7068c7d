import type { Worker } from '@playwright/test';
import { expect, test } from './support/extension';
import { PopupPage } from './support/popup-page';
import { readStore } from './support/read-store';
import { attachRequestLogOnFailure, lookups, type StoredExposure, type StoredResult, type StoredRun } from './support/run-helpers';

/**
 * Watching in the background: a breach that appears for a saved address is announced once — one
 * notification, one badge count — by the next scheduled run, and never again by the runs after.
 * Everything after the first check is read from the service worker: opening the popup would
 * acknowledge the new exposure and clear the badge.
 */

attachRequestLogOnFailure();

const EMAIL = 'watched@example.com';

/** Fires the re-check alarm the way Chrome would when the interval is up. */
async function fireRecheckAlarm(worker: Worker): Promise<void> {
  await worker.evaluate(() => chrome.alarms.create('recheck', { when: Date.now() + 100 }));
}

const notifications = (worker: Worker) => worker.evaluate(() => chrome.notifications.getAll());
const badge = (worker: Worker) => worker.evaluate(() => chrome.action.getBadgeText({}));

/** Waits until `count` runs exist and all have finished and settled their notification. */
async function runsSettled(worker: Worker, count: number): Promise<StoredRun[]> {
  await expect
    .poll(
      async () => {
        const runs = await readStore<StoredRun>(worker, 'runs');
        return runs.length === count && runs.every((r) => r.finishedAt !== null && typeof r.notifiedAt === 'number');
      },
      { timeout: 20_000, intervals: [200] },
    )
    .toBe(true);
  return (await readStore<StoredRun>(worker, 'runs')).sort((a, b) => a.startedAt - b.startedAt);
}

test('a new breach on the server: one notification and badge "1" on the next scheduled run, nothing on the run after', async ({ server, openPopup, background }) => {
  server.setAccounts({ [EMAIL]: ['Adobe'] });
  const popup = new PopupPage(await openPopup());
  await popup.addAddress(EMAIL);
  await popup.checkNow();
  await expect(popup.status(EMAIL)).toContainText('Found in 1 breach');

  const worker = await background();
  // Shown in the popup, so acknowledged: no badge. A check the user asked for is not notified.
  await expect.poll(() => badge(worker)).toBe('');
  await expect.poll(async () => (await readStore<StoredExposure>(worker, 'exposures')).map((e) => e.state)).toEqual(['acknowledged']);
  const [manual] = await runsSettled(worker, 1);
  expect(manual!.trigger).toBe('manual');
  expect(await notifications(worker)).toEqual({});
  await popup.page.close();

  server.addAccountBreach(EMAIL, 'Dropbox');
  await fireRecheckAlarm(worker);
  // Exactly one notification, for the scheduled run, and the badge counts the one new exposure.
  await expect.poll(async () => Object.keys(await notifications(worker)), { timeout: 20_000 }).not.toEqual([]);
  const [, scheduled] = await runsSettled(worker, 2);
  expect(scheduled!.trigger).toBe('scheduled');
  expect(await notifications(worker)).toEqual({ [`run:${scheduled!.id}`]: true });
  await expect.poll(() => badge(worker)).toBe('1');
  const results = await readStore<StoredResult>(worker, 'results');
  expect(results.find((r) => r.runId === scheduled!.id)).toMatchObject({
    email: EMAIL,
    outcome: 'breached',
    newBreachIds: ['Dropbox'],
  });
  const exposures = await readStore<StoredExposure>(worker, 'exposures');
  expect(exposures.map((e) => [e.breachId, e.state]).sort()).toEqual([
    ['Adobe', 'acknowledged'],
    ['Dropbox', 'new'],
  ]);

  // The user dismisses it; the next scheduled run finds nothing new and must stay silent.
  expect(await worker.evaluate((id) => chrome.notifications.clear(id), `run:${scheduled!.id}`)).toBe(true);
  expect(await notifications(worker)).toEqual({});
  await fireRecheckAlarm(worker);
  const [, , again] = await runsSettled(worker, 3);
  expect(again!.trigger).toBe('scheduled');
  expect((await readStore<StoredResult>(worker, 'results')).find((r) => r.runId === again!.id)).toMatchObject({
    email: EMAIL,
    outcome: 'breached',
    newBreachIds: [],
  });
  expect(await notifications(worker)).toEqual({});
  // Still one unseen exposure: the badge neither grew nor cleared by itself.
  expect(await badge(worker)).toBe('1');
  expect(lookups(server)).toHaveLength(3);
  expect((await readStore<StoredExposure>(worker, 'exposures')).map((e) => e.breachId).sort()).toEqual(['Adobe', 'Dropbox']);
});
