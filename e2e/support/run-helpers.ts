import type { Page, Worker } from '@playwright/test';
import type { FixtureServer, LoggedRequest } from '../server/fixture-server';
import type { CheckRun as StoredRun } from '../../src/core/check-run';
import { expect, readStore, test } from './extension';

// The records as the extension stores them are the source's own types, so a test cannot drift from them.
export type { StoredRun };
export type { CheckResult as StoredResult } from '../../src/core/check-run';
export type { ProviderFailure as StoredFailure } from '../../src/core/provider-error';
export type { Exposure as StoredExposure, StoredAddress } from '../../src/core/exposure';
export type { CheckJob as StoredJob } from '../../src/storage/schema';

/**
 * Helpers for the "watch in the background" specs: bulk setup through the background's own
 * message protocol, the extension's IndexedDB records as the tests read them, and the provider
 * requests as the fixture server logged them.
 */

/** `n` distinct addresses, zero-padded so they sort the way they were made. */
export function makeAddresses(n: number, prefix = 'user'): string[] {
  return Array.from({ length: n }, (_, i) => `${prefix}${String(i + 1).padStart(2, '0')}@example.com`);
}

/**
 * Saves addresses through the background, exactly as the popup's form does, but without typing:
 * bulk setup for runs of 20+ addresses. Fails the test if the background refuses one.
 */
export async function addAddresses(page: Page, emails: readonly string[]): Promise<void> {
  const replies = await page.evaluate(async (list) => {
    const out: unknown[] = [];
    for (const email of list) out.push(await chrome.runtime.sendMessage({ type: 'address/add', payload: { email } }));
    return out;
  }, [...emails]);
  expect(replies).toEqual(emails.map((email) => ({ ok: true, value: { email, existed: false } })));
}

/**
 * Settings live in storage.local; the background validates them on every load. Written from the
 * service worker or from any extension page (a page does not need the worker to be running).
 */
export async function configure(target: Page | Worker, settings: Record<string, unknown>): Promise<void> {
  await (target as Page).evaluate((items) => chrome.storage.local.set(items), settings);
}

/** Breach lookups (one per address check) the server received, for either provider. */
export function lookups(server: Pick<FixtureServer, 'requests'>): LoggedRequest[] {
  return server.requests.filter(
    (r) => r.method === 'GET' && (r.path === '/v1/breach-analytics' || r.path.startsWith('/api/v3/breachedaccount/')),
  );
}

/** The address a lookup asked about. */
export function lookedUp(request: LoggedRequest): string {
  if (request.path === '/v1/breach-analytics') return request.query.email ?? '';
  return decodeURIComponent(request.path.slice('/api/v3/breachedaccount/'.length));
}

/** Statuses answered, e.g. { 200: 19, 429: 1 }. */
export function statusCounts(requests: readonly LoggedRequest[]): Record<number, number> {
  const counts: Record<number, number> = {};
  for (const r of requests) counts[r.status] = (counts[r.status] ?? 0) + 1;
  return counts;
}

/** The whole request log, one line each, relative to the first request: a failure message worth reading. */
export function requestLog(server: FixtureServer): string {
  const t0 = server.requests[0]?.time ?? 0;
  return server.requests.map((r) => `+${String(r.time - t0).padStart(6)} ms ${r.status} ${r.method} ${r.url}`).join('\n');
}

/** In the spec files that call this: a failed test gets the server's request log attached (and printed). */
export function attachRequestLogOnFailure(): void {
  test.afterEach(async ({ server }, testInfo) => {
    if (testInfo.status === testInfo.expectedStatus) return;
    const log = requestLog(server);
    await testInfo.attach('fixture-server-requests.txt', { body: log, contentType: 'text/plain' });
    console.log(`requests the fixture server received (${testInfo.title}):\n${log}`);
  });
}

/** First-to-last arrival time of the given requests, in ms. */
export function span(requests: readonly LoggedRequest[]): number {
  const times = requests.map((r) => r.time);
  return Math.max(...times) - Math.min(...times);
}

/** Waits until the runs store holds `count` runs and every one of them has finished. */
export async function waitForRunsFinished(page: Page, count: number, timeout: number): Promise<StoredRun[]> {
  await expect
    .poll(
      async () => {
        const runs = await readStore<StoredRun>(page, 'runs');
        return runs.length === count && runs.every((r) => r.finishedAt !== null);
      },
      { timeout, intervals: [250] },
    )
    .toBe(true);
  return readStore<StoredRun>(page, 'runs');
}

/** The clock text the popup uses (its formatTime), formatted in the page's own locale. */
export function clockText(page: Page, epochMs: number): Promise<string> {
  return page.evaluate(
    (ms) => new Intl.DateTimeFormat(navigator.language, { hour: 'numeric', minute: '2-digit' }).format(ms),
    epochMs,
  );
}

/**
 * How the extension's pages write a coming moment (src/core/format.ts, one clock pattern): the clock time, with the day
 * in brackets when it is 12 hours or more from `now`. Formatted in the page's own locale.
 */
export function whenText(page: Page, epochMs: number, now = Date.now()): Promise<string> {
  return page.evaluate(
    ({ ms, at }) => {
      const clock = new Intl.DateTimeFormat(navigator.language, { hour: 'numeric', minute: '2-digit' }).format(ms);
      const day = new Intl.DateTimeFormat(navigator.language, { day: 'numeric', month: 'short' }).format(ms);
      return Math.abs(ms - at) < 12 * 60 * 60 * 1000 ? clock : `${clock} (${day})`;
    },
    { ms: epochMs, at: now },
  );
}

/**
 * Asserts that a "done by about HH:MM" estimate is within a minute of `actualEnd`. The popup shows
 * the estimate cut to the minute, so an estimate within ±60 s of the end reads as the minute of
 * end−60 s, of the end, or of end+60 s.
 */
export async function expectEstimateNear(page: Page, progressText: string, actualEnd: number): Promise<string> {
  // The clock time, as the popup writes it ("1:07 PM", "13:07"); the Cancel button may follow it.
  const shown = /done by about (\d{1,2}[:.]\d{2}(?:[\s\u202f][AP]M)?)/.exec(progressText)?.[1]?.trim();
  expect(shown, `no estimate in "${progressText}"`).toBeTruthy();
  const accepted = [
    await clockText(page, actualEnd - 60_000),
    await clockText(page, actualEnd),
    await clockText(page, actualEnd + 60_000),
  ];
  expect(accepted, `estimate "${shown}" vs actual end ${await clockText(page, actualEnd)}`).toContain(shown);
  return shown ?? '';
}

/** The current run's estimated end (epoch ms) as the background reports it to the popup. */
export async function estimatedEnd(page: Page): Promise<number | null> {
  const reply = (await page.evaluate(() => chrome.runtime.sendMessage({ type: 'state/get', payload: {} }))) as {
    ok: boolean;
    value?: { run: { estimatedEnd: number | null } | null };
  };
  expect(reply.ok).toBe(true);
  return reply.value?.run?.estimatedEnd ?? null;
}

export interface WorkerKiller {
  /**
   * Waits until the extension's service worker is running (it restarts on the next event) and has
   * been for at least `minLifeMs`, stops it through DevTools, and waits until Chrome reports it
   * stopped: every call is a real kill. The minimum life keeps a worker that was just woken from
   * being stopped, over and over, before it can do anything at all.
   */
  kill(minLifeMs?: number): Promise<void>;
  /** Times the worker went from running to stopped, as DevTools reported it. */
  readonly stops: number;
}

/**
 * A DevTools session on `page` that stops the extension's service worker at will (ServiceWorker.
 * stopWorker on the running version: what the Stop link of chrome://serviceworker-internals does).
 */
export async function workerKiller(page: Page, extensionId: string): Promise<WorkerKiller> {
  const cdp = await page.context().newCDPSession(page);
  let status = 'unknown';
  let versionId = '';
  let runningSince = Date.now();
  let stops = 0;
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    for (const version of versions) {
      if (!version.scriptURL.startsWith(`chrome-extension://${extensionId}/`)) continue;
      if (version.runningStatus === 'stopped' && status !== 'stopped') stops++;
      if (version.runningStatus === 'running' && status !== 'running') runningSince = Date.now();
      status = version.runningStatus;
      versionId = version.versionId;
    }
  });
  await cdp.send('ServiceWorker.enable');
  const running = () => expect.poll(() => status, { timeout: 15_000, intervals: [20], message: 'service worker running' }).toBe('running');
  return {
    get stops() {
      return stops;
    },
    async kill(minLifeMs = 0) {
      await running();
      const lived = Date.now() - runningSince;
      if (lived < minLifeMs) await sleep(minLifeMs - lived);
      const before = stops;
      // Counted, not sampled: the next event may restart the worker within milliseconds. A stop
      // sent while the worker is still settling in can go unheeded; then it is sent again.
      for (let attempt = 1; stops === before; attempt++) {
        await cdp.send('ServiceWorker.stopWorker', { versionId });
        const deadline = Date.now() + 2_000;
        while (stops === before && Date.now() < deadline) await sleep(20);
        if (stops === before && attempt === 5) throw new Error('The service worker did not stop after 5 attempts.');
      }
    },
  };
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
