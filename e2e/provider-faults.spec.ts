import type { Page, Worker } from '@playwright/test';
import type { Fault, FixtureServer } from './server/fixture-server';
import { expect, readStore, test } from './support/extension';
import { PopupPage } from './support/popup-page';
import { expectHistoryKept, historySnapshot, type HistorySnapshot } from './support/history-snapshot';
import { attachRequestLogOnFailure, clockText, configure, lookups, type StoredExposure, type StoredJob } from './support/run-helpers';

/**
 * A provider misbehaving after an earlier successful check: the popup must say exactly what
 * happened and what happens next, and the history from the earlier check must come through intact.
 */

attachRequestLogOnFailure();

const EMAIL = 'victim@example.com';
/** Faults hit the address lookups only; the background also refreshes the public breach catalog. */
const LOOKUPS: Fault['match'] = { provider: 'xposedornot', pathIncludes: '/v1/breach-analytics' };
const BREACHES = ['Adobe', 'LinkedIn'];

/** One address checked successfully, its exposures shown (so acknowledged) and settled. */
async function checkedOnce(server: FixtureServer, openPopup: () => Promise<Page>): Promise<{ popup: PopupPage; before: HistorySnapshot }> {
  server.setAccounts({ [EMAIL]: BREACHES });
  const popup = new PopupPage(await openPopup());
  await popup.addAddress(EMAIL);
  await popup.checkNow();
  await expect(popup.status(EMAIL)).toContainText('Found in 2 breaches');
  await expect
    .poll(async () => (await readStore<StoredExposure>(popup.page, 'exposures')).map((e) => e.state))
    .toEqual(['acknowledged', 'acknowledged']);
  const before = await historySnapshot(popup.page);
  expect(before.results).toMatchObject([{ email: EMAIL, outcome: 'breached' }]);
  expect(before.runs).toHaveLength(1);
  expect(before.breaches.map((b) => b.id).sort()).toEqual([...BREACHES].sort());
  expect(lookups(server)).toHaveLength(1);
  return { popup, before };
}

/** What must hold after any fault: the earlier check's history, untouched, and still on screen. */
async function expectHistoryIntact(popup: PopupPage, before: HistorySnapshot): Promise<HistorySnapshot> {
  const after = await expectHistoryKept(popup.page, before);
  expect(after.runs).toHaveLength(2);
  await expect(popup.breaches(EMAIL)).toHaveCount(2);
  for (const name of BREACHES) await expect(popup.address(EMAIL).locator(`li.breach[data-breach="${name}"]`)).toBeVisible();
  return after;
}

/** Faults the queue retries by itself in 30 s: the job stays queued, the address says when. */
const TRANSIENT: Array<{ name: string; fault: Fault; settings?: Record<string, unknown>; kind: string; status: number; text: string }> = [
  {
    name: '503',
    fault: { match: LOOKUPS, times: 1, status: 503 },
    kind: 'unavailable',
    status: 503,
    text: 'XposedOrNot is unavailable right now (503). Trying again at',
  },
  {
    name: 'a timeout',
    fault: { match: LOOKUPS, times: 1, hang: true },
    settings: { requestTimeoutMs: 2000 },
    kind: 'timeout',
    status: 0, // never answered: the extension gave up
    text: 'XposedOrNot did not answer in time. Trying again at',
  },
  {
    name: 'a malformed body',
    fault: { match: LOOKUPS, times: 1, status: 200, body: '{"ExposedBreaches": {"breaches_details": [ {"breach": ' },
    kind: 'malformed',
    status: 200,
    text: 'XposedOrNot sent an answer that could not be read. Trying again at',
  },
];

for (const c of TRANSIENT) {
  test(`${c.name} after a good check: "will retry" shown, job kept, history intact`, async ({ server, openPopup, background }) => {
    if (c.settings) await configure(await background(), c.settings);
    const { popup, before } = await checkedOnce(server, openPopup);

    server.injectFault(c.fault);
    await popup.checkNow();
    // The job is postponed (one attempt used), not dropped and not recorded as done.
    await expect
      .poll(async () => (await readStore<StoredJob>(popup.page, 'jobs')).map((j) => [j.email, j.attempts, j.lastFailure?.kind]))
      .toEqual([[EMAIL, 1, c.kind]]);
    const [job] = await readStore<StoredJob>(popup.page, 'jobs');
    const asked = lookups(server);
    expect(asked.map((r) => r.status)).toEqual([200, c.status]);
    // The first backoff step is 30 s after the failure (a timeout fails 2 s after sending).
    const retryIn = job!.notBefore - asked[1]!.time;
    expect(retryIn).toBeGreaterThanOrEqual(30_000);
    expect(retryIn).toBeLessThanOrEqual(30_000 + (c.kind === 'timeout' ? 4_000 : 2_000));

    await expect(popup.status(EMAIL)).toHaveText(`${c.text} ${await clockText(popup.page, job!.notBefore)}.`);
    const after = await expectHistoryIntact(popup, before);
    // Nothing recorded for the unfinished run; the address still reads as the last good check.
    expect(after.results).toEqual(before.results);
    expect(after.addresses).toEqual(before.addresses);
    const run = after.runs.find((r) => r.id !== before.runs[0]!.id);
    expect(run).toMatchObject({ finishedAt: null, emails: [EMAIL] });
    expect(job!.runId).toBe(run!.id);
  });
}

test('a 403 with a Cloudflare ray id: the popup quotes it, the run ends, history intact', async ({ server, openPopup }) => {
  const { popup, before } = await checkedOnce(server, openPopup);
  server.injectFault({ match: LOOKUPS, times: 1, status: 403, headers: { 'cf-ray': '8abc123-LHR' } });
  await popup.checkNow();

  await expect(popup.status(EMAIL)).toHaveText(
    '⚠ XposedOrNot refused the request (403, Cloudflare ray 8abc123-LHR). Try again later; if it keeps happening, ' +
      'contact XposedOrNot and quote the ray id. Earlier results are kept below.',
  );
  expect(lookups(server).map((r) => r.status)).toEqual([200, 403]);
  await expectFinalFailure(popup, before, { kind: 'forbidden', status: 403, rayId: '8abc123-LHR' });
});

test('a 401 from HIBP for a key it does not know: sent to Options, the run ends, history intact', async ({ server, openPopup, background }) => {
  const worker: Worker = await background();
  await configure(worker, { providers: ['hibp'], hibpApiKey: 'test-key' });
  // Checked with HIBP this time (the server knows 'test-key' by default).
  const { popup, before } = await checkedOnce(server, openPopup);
  expect(before.exposures.every((e) => e.provider === 'hibp')).toBe(true);

  await configure(worker, { hibpApiKey: 'key-the-server-never-issued' });
  await popup.checkNow();
  await expect(popup.status(EMAIL)).toHaveText(
    '⚠ Have I Been Pwned rejected the API key — check it in Options. Earlier results are kept below.',
  );
  const asked = lookups(server);
  expect(asked.map((r) => r.status)).toEqual([200, 401]);
  expect(asked[1]!.headers['hibp-api-key']).toBe('key-the-server-never-issued');
  await expectFinalFailure(popup, before, { kind: 'unauthorized', status: 401 });
});

/** A failure the queue will not retry: recorded as the run's result, the run finished. */
async function expectFinalFailure(popup: PopupPage, before: HistorySnapshot, failure: Record<string, unknown>): Promise<void> {
  await expect.poll(async () => readStore(popup.page, 'jobs')).toEqual([]);
  const after = await expectHistoryIntact(popup, before);
  const run = after.runs.find((r) => r.id !== before.runs[0]!.id);
  expect(run?.finishedAt).not.toBeNull();
  const results = after.results.filter((r) => r.runId === run!.id);
  expect(results).toMatchObject([{ email: EMAIL, outcome: 'failed', breachIds: [], newBreachIds: [], failure }]);
  // The address reports the failure, but keeps the time of its last good check.
  const [address] = after.addresses;
  expect(address).toMatchObject({ email: EMAIL, lastOutcome: 'failed', lastFailure: failure });
  expect(address!.lastCheckedAt).toBe(before.addresses[0]!.lastCheckedAt);
}
