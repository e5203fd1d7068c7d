import { expect, readStore, test } from './support/extension';
import { PopupPage } from './support/popup-page';
import {
  attachRequestLogOnFailure,
  addAddresses,
  configure,
  lookedUp,
  lookups,
  makeAddresses,
  sleep,
  span,
  statusCounts,
  workerKiller,
  type StoredExposure,
  type StoredJob,
  type StoredResult,
  type StoredRun,
} from './support/run-helpers';

/**
 * Chrome stops an idle or misbehaving service worker whenever it likes. A run must survive that at
 * any moment: while it waits on the rate limit, while a request is in flight, while it records.
 */

attachRequestLogOnFailure();

/**
 * Chromium 156's browser process sometimes dies (SIGTRAP) a moment after DevTools stops a service
 * worker, about one run in ten on a loaded machine. That says nothing about the extension, so this
 * spec may be retried; a failure of the extension's own fails every attempt, and a pass on retry
 * is reported as flaky, not hidden.
 */
test.describe.configure({ retries: 2 });
const BROWSER_GONE = 'Chromium itself went away (browser crash) while its service worker was being stopped through DevTools';

/** Pauses between kills: 1.1–2.1 s and never the same twice in a row, so kills land at varied points of the 1 s pacing. */
const KILL_GAPS_MS = [1100, 1650, 2000, 1300, 1850, 1450, 1950, 1200, 1700, 1400, 2100, 1550];
/**
 * If a kill finds the worker stopped, it waits for the next wake and then lets the new worker live
 * this long (varied) before killing it: early in its start-up, mid-request, or while recording.
 */
const MIN_LIFE_MS = [150, 400, 60, 700, 250, 550, 100, 850, 300, 450, 200, 650];

test('a 20-address run killed 10+ times still ends with one result per address and no duplicates', async ({ server, openPopup, background, extensionId }) => {
  test.setTimeout(150_000);
  const emails = makeAddresses(20, 'chaos');
  const accounts: Record<string, string[]> = {
    [emails[0]!]: ['Adobe'],
    [emails[4]!]: ['LinkedIn', 'Dropbox'],
    [emails[9]!]: ['Canva', 'Adobe', 'MySpace'],
    [emails[13]!]: ['Zynga'],
    [emails[19]!]: ['Tumblr', 'Dubsmash'],
  };
  server.setAccounts(accounts);
  server.setRateLimit({ provider: 'xposedornot', limit: 1, windowMs: 1000 });
  await configure(await background(), { extraRateLimit: 1, extraRateWindowSeconds: 1 });

  const popup = new PopupPage(await openPopup());
  const { page } = popup;
  await addAddresses(page, emails);
  await expect(page.locator('li.address')).toHaveCount(20);
  const killer = await workerKiller(page, extensionId);
  page.on('crash', () => console.log('kill chaos: the popup page crashed'));

  await popup.checkNow();
  const started = Date.now();
  const finished = async () => {
    try {
      const runs = await readStore<StoredRun>(page, 'runs');
      return runs.length === 1 && runs[0]!.finishedAt !== null;
    } catch (error) {
      if (page.isClosed()) throw new Error(`${BROWSER_GONE}: ${(error as Error).message}`);
      throw error;
    }
  };
  const killedAt: number[] = [];
  const lookupsAtKill: number[] = [];
  for (let i = 0; Date.now() - started < 120_000; i++) {
    await sleep(KILL_GAPS_MS[i % KILL_GAPS_MS.length]!);
    if (await finished()) break;
    await killer.kill(MIN_LIFE_MS[i % MIN_LIFE_MS.length]);
    killedAt.push(Date.now() - started);
    lookupsAtKill.push(lookups(server).length);
  }
  // After the last kill the worker comes back on the popup's next poll (or the queue alarm).
  await expect.poll(finished, { timeout: 60_000, intervals: [250] }).toBe(true);
  const took = Date.now() - started;

  const [run] = await readStore<StoredRun>(page, 'runs');
  const results = (await readStore<StoredResult>(page, 'results')).filter((r) => r.runId === run!.id);
  const asked = lookups(server);
  const perAddress = new Map<string, number>();
  for (const r of asked) perAddress.set(lookedUp(r), (perAddress.get(lookedUp(r)) ?? 0) + 1);
  const repeated = [...perAddress].filter(([, n]) => n > 1);
  console.log(
    `kill chaos: ${killedAt.length} kills (${killer.stops} stops seen by DevTools) at ${killedAt.map((t) => (t / 1000).toFixed(1)).join(', ')} s ` +
      `(lookups answered by then: ${lookupsAtKill.join(', ')}); run took ${(took / 1000).toFixed(1)} s, lookups spanned ${(span(asked) / 1000).toFixed(1)} s`,
  );
  console.log(
    `kill chaos: ${asked.length} GET lookups for 20 addresses, statuses ${JSON.stringify(statusCounts(asked))}; ` +
      `asked more than once: ${repeated.length === 0 ? 'none' : repeated.map(([e, n]) => `${e}×${n}`).join(', ')}`,
  );

  expect(killedAt.length).toBeGreaterThanOrEqual(10);
  // Each kill stopped a running worker (DevTools saw it go from running to stopped).
  expect(killer.stops).toBe(killedAt.length);
  // Every address asked at least once; a kill with a request in flight may cause one repeat.
  expect([...perAddress.keys()].sort()).toEqual([...emails].sort());
  // Zero 429s is asserted by the pacing spec, not here: a kill can leave a request already handed
  // to the network stack that reaches the server late, closer than a second to the next one. Any
  // 429 must still be recovered from, which the results below show.

  // Exactly one result per (run, address), none failed, each matching what the server knows.
  expect(results).toHaveLength(20);
  expect(results.map((r) => r.email).sort()).toEqual([...emails].sort());
  for (const result of results) {
    const expected = accounts[result.email] ?? [];
    expect(result.outcome, result.email).toBe(expected.length > 0 ? 'breached' : 'clean');
    expect([...result.breachIds].sort(), result.email).toEqual([...expected].sort());
  }
  expect(await readStore<StoredJob>(page, 'jobs')).toEqual([]);

  // No duplicate exposures: the keys are exactly the accounts' breaches, each once.
  const exposures = await readStore<StoredExposure>(page, 'exposures');
  const keys = exposures.map((e) => `${e.email}|${e.provider}|${e.breachId}`);
  const expectedKeys = Object.entries(accounts).flatMap(([email, names]) => names.map((n) => `${email}|xposedornot|${n}`));
  expect(new Set(keys).size).toBe(keys.length);
  expect(keys.sort()).toEqual(expectedKeys.sort());
  // A re-asked address found nothing "new" the second time round: each breach is new once.
  expect(results.flatMap((r) => r.newBreachIds.map((id) => `${r.email}|xposedornot|${id}`)).sort()).toEqual(expectedKeys.sort());

  // And the popup, after all that, shows the truth.
  await expect(popup.status(emails[9]!)).toContainText('Found in 3 breaches');
  await expect(popup.status(emails[1]!)).toContainText('No breaches found');
  await expect(page.getByTestId('run-progress')).toHaveCount(0);
});
