/**
 * The fault matrix end to end, table-driven. For each provider endpoint the extension calls, the
 * fixture server misbehaves on purpose in a representative set of ways (for the breach lookup, also
 * every error status), and the real extension in Chromium must: say the right thing (popup for
 * checks and the password check, Options for the key test, nothing at all for the catalog), leave
 * the history in IndexedDB as it was, keep or fail the check job as the retry rule decides, and
 * schedule the next request at the right time — read from the stored job or alarm rather than
 * waited for, except for the 1-second holds, whose retry is watched arriving. Redirects point at a
 * second server on another host, which must never be asked anything. Each test prints one line per
 * endpoint. Every endpoint × every fault runs as unit tests in src/providers/fault-matrix.test.ts.
 */
import type { Locator, Page, Worker } from '@playwright/test';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Fault, FixtureServer } from './server/fixture-server';
import { expect, readStore, test } from './support/extension';
import { expectHistoryKept, historySnapshot } from './support/history-snapshot';
import { PopupPage } from './support/popup-page';
import {
  attachRequestLogOnFailure,
  configure,
  lookups,
  whenText,
  type StoredExposure,
  type StoredJob,
  type StoredResult,
  type StoredRun,
} from './support/run-helpers';

attachRequestLogOnFailure();

const EMAIL = 'victim@example.com';
const BREACHES = ['Adobe', 'LinkedIn'];
const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** From a request's arrival at the server to the extension storing what it decided (generous: CI shares its cores). */
const SLACK_MS = 3_000;
/** The request timeout wherever the hang is not the point; the real 25 s abort is tried once. */
const SHORT_TIMEOUT_MS = 2_000;
const DEFAULT_TIMEOUT_MS = 25_000;
/** Polls tightly: the matrix has many cells, and each waits for something that takes milliseconds. */
const FAST = { intervals: [50, 100] };
/** The first sentence of a message, for the summary lines. */
const gist = (text: string | null) => `"${(text ?? '').split(/(?<=\.) /)[0]}"`;
const megabytes = (request: { bytesSent?: number }) =>
  request.bytesSent === undefined ? '' : ` (${(request.bytesSent / 1024 / 1024).toFixed(1)} MB sent before the extension hung up)`;
const fmt = (ms: number) => (ms >= HOUR ? `${+(ms / HOUR).toFixed(2)} h` : ms >= MINUTE ? `${+(ms / MINUTE).toFixed(2)} min` : `${+(ms / SECOND).toFixed(1)} s`);

// ---------------------------------------------------------------------------------------------
// "Another host": where redirects point. It answers anything, so a followed redirect would succeed.

interface OtherHost {
  url: string;
  requests: string[];
  close(): Promise<void>;
}

async function startOtherHost(): Promise<OtherHost> {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    res.writeHead(200, { 'access-control-allow-origin': '*', 'access-control-allow-headers': '*', 'content-type': 'application/json' }).end('[]');
  });
  // 127.0.0.2: a different host from the fixture server's 127.0.0.1, not only a different port.
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.2', resolve));
  return {
    url: `http://127.0.0.2:${(server.address() as AddressInfo).port}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

let other: OtherHost;
test.beforeAll(async () => {
  other = await startOtherHost();
});
test.afterAll(() => other.close());

/** Uncaught errors in the extension's pages: a fault must never cause one. */
let pageErrors: string[] = [];
test.beforeEach(({ context }) => {
  pageErrors = [];
  context.on('weberror', (error) => pageErrors.push(error.error().message));
});
test.afterEach(({ server }) => {
  expect(pageErrors).toEqual([]);
  // The redirect target was never asked anything.
  expect(other.requests).toEqual([]);
  // XposedOrNot allows 25 requests an hour and the extension paces itself to that: a test that
  // went over would wait an hour for a slot, so each test must stay within it.
  expect(server.requests.filter((r) => r.method === 'GET' && r.path.startsWith('/v1/')).length).toBeLessThanOrEqual(25);
});

// ---------------------------------------------------------------------------------------------
// The faults.

interface NamedFault {
  name: string;
  fault: Fault;
}

/**
 * The set every endpoint meets; `shapes` are that endpoint's truncated and wrong-shaped bodies. The
 * 20 MB body comes chunked (the size unknown until read), or with `declared` in Content-Length.
 */
function representative(shapes: { truncated: string; wrongShape: string }, declared = false): NamedFault[] {
  return [
    { name: '429 retry-after: 99999999', fault: { status: 429, retryAfter: '99999999' } },
    { name: 'a hang', fault: { hang: true } },
    { name: 'truncated JSON', fault: { status: 200, body: shapes.truncated } },
    { name: 'JSON of the wrong shape', fault: { status: 200, body: shapes.wrongShape } },
    {
      name: declared ? 'a 20 MB body, Content-Length declared' : 'a 20 MB body',
      fault: { status: 200, bodyBytes: 20 * 1024 * 1024, ...(declared ? { declareLength: true } : {}) },
    },
    { name: 'a 302 to another host', fault: { status: 302, headers: { location: `${other.url}/login?then=provider` } } },
  ];
}

/** Absurd Retry-After values and the wait they must become: clamped to 1 s…24 h, unreadable = a minute. */
const RETRY_AFTER: Array<{ name: string; retryAfter?: string; waitMs: number }> = [
  { name: '429 without retry-after', waitMs: MINUTE },
  { name: '429 retry-after: -5', retryAfter: '-5', waitMs: SECOND },
  { name: '429 retry-after: abc', retryAfter: 'abc', waitMs: MINUTE },
  { name: '429 retry-after: 99999999', retryAfter: '99999999', waitMs: DAY },
  { name: '429 retry-after: a date in 1999', retryAfter: 'Fri, 31 Dec 1999 23:59:59 GMT', waitMs: SECOND },
  { name: '429 retry-after: a date in 2100', retryAfter: 'Fri, 01 Jan 2100 00:00:00 GMT', waitMs: DAY },
];

const waitOf = (fault: Fault): number => RETRY_AFTER.find((r) => r.retryAfter === fault.retryAfter)?.waitMs ?? MINUTE;

/** One line per endpoint: the faults tried, what came of each, and how long the endpoint took. */
function tally(endpoint: string) {
  const rows: string[] = [];
  const started = Date.now();
  let last = started;
  return {
    add: (fault: string, outcome: string) => {
      rows.push(`${fault} → ${outcome} [${fmt(Date.now() - last)}]`);
      last = Date.now();
    },
    print: () => console.log(`[fault-matrix] ${endpoint}: ${rows.length} faults in ${fmt(Date.now() - started)} | ${rows.join(' | ')}`),
  };
}

// ---------------------------------------------------------------------------------------------
// Breach lookups (the check queue), seen in the popup.

type Decision = 'retry' | 'hold' | 'fail' | 'fail-provider';

interface LookupCase {
  name: string;
  fault: Fault;
  kind: string;
  decision: Decision;
  /** retry and hold: how long after the faulty answer the next request is due. */
  waitMs?: number;
  /** The popup's words: the text before the time (retry, hold), or the whole line (fail). */
  text: string;
}

/** What the retry rule (src/core/retry-policy.ts) makes of a fault, and what the popup says. */
function lookupCase({ name, fault }: NamedFault, provider: string): LookupCase {
  const kept = ' Earlier results are kept below.';
  const backoff = (kind: string, text: string): LookupCase => ({ name, fault, kind, decision: 'retry', waitMs: 30 * SECOND, text: `${text} Trying again at` });
  if (fault.status === 429) return { name, fault, kind: 'rate-limited', decision: 'hold', waitMs: waitOf(fault), text: `Rate limited by ${provider} — next try at` };
  if (fault.hang) return backoff('timeout', `${provider} did not answer in time.`);
  if (fault.status === 302) {
    return backoff('redirected', `${provider} answered with a redirect to another address, which was not followed — a Wi-Fi login page or a proxy may be in the way.`);
  }
  if (fault.status === 200 || fault.status === 404) return backoff('malformed', `${provider} sent an answer that could not be read.`);
  if (fault.status! >= 500) return backoff('unavailable', `${provider} is unavailable right now (${fault.status}).`);
  if (fault.status === 400) {
    return { name, fault, kind: 'bad-request', decision: 'fail', text: `⚠ ${provider} refused this address as malformed. Check it for typos, remove it and add it again.${kept}` };
  }
  if (fault.status === 401) {
    return {
      name,
      fault,
      kind: 'unauthorized',
      decision: 'fail-provider',
      text: `⚠ ${provider} refused the request as unauthorized (401). ${provider} needs no key, so a proxy or firewall on the way may be asking for one. Try again later.${kept}`,
    };
  }
  const ray = fault.headers?.['cf-ray'];
  return {
    name,
    fault,
    kind: 'forbidden',
    decision: 'fail-provider',
    text: ray
      ? `⚠ ${provider} refused the request (403, Cloudflare ray ${ray}). Try again later; if it keeps happening, contact ${provider} and quote the ray id.${kept}`
      : `⚠ ${provider} refused the request (403). Try again later; if it keeps happening, contact ${provider}.${kept}`,
  };
}

interface LookupEnv {
  server: FixtureServer;
  popup: PopupPage;
  match: NonNullable<Fault['match']>;
  timeoutMs: number;
}

/** One address checked successfully and settled: the history every fault must leave alone. */
async function checkedOnce(server: FixtureServer, page: Page): Promise<PopupPage> {
  server.setAccounts({ [EMAIL]: BREACHES });
  const popup = new PopupPage(page);
  await popup.addAddress(EMAIL);
  await popup.checkNow();
  await expect(popup.status(EMAIL)).toContainText('Found in 2 breaches');
  await expect.poll(async () => (await readStore<StoredExposure>(page, 'exposures')).map((e) => e.state), FAST).toEqual(['acknowledged', 'acknowledged']);
  return popup;
}

/** Every run finished, the newest with this address's result. */
async function latestRunSettled(page: Page, runs: number): Promise<{ run: StoredRun; result: StoredResult }> {
  await expect
    .poll(async () => {
      const all = await readStore<StoredRun>(page, 'runs');
      return all.length === runs && all.every((r) => r.finishedAt !== null);
    }, { ...FAST, timeout: 15_000 })
    .toBe(true);
  const run = (await readStore<StoredRun>(page, 'runs')).sort((a, b) => b.startedAt - a.startedAt)[0]!;
  const result = (await readStore<StoredResult>(page, 'results')).find((r) => r.runId === run.id)!;
  return { run, result };
}

/**
 * Skips a long wait: the stored job falls due now, and the queue is woken the way "Check now" wakes
 * it (which queues nothing new for an address that already has a job).
 */
async function fastForward(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('was-i-exposed');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction('jobs', 'readwrite');
          const jobs = tx.objectStore('jobs');
          const all = jobs.getAll();
          all.onsuccess = () => {
            for (const job of all.result as Array<{ notBefore: number }>) jobs.put({ ...job, notBefore: Date.now() });
          };
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
  const reply = await page.evaluate((email) => chrome.runtime.sendMessage({ type: 'check/start', payload: { emails: [email] } }), EMAIL);
  expect(reply).toEqual({ ok: true, value: { runId: null } });
}

/** The job came back for its retry and succeeded: the address reads as before the fault. */
async function expectRecovered(env: LookupEnv, runs: number, asked: number): Promise<void> {
  const { result } = await latestRunSettled(env.popup.page, runs);
  expect(result).toMatchObject({ email: EMAIL, outcome: 'breached', breachIds: expect.arrayContaining(BREACHES) });
  expect(lookups(env.server)).toHaveLength(asked);
  await expect(env.popup.status(EMAIL)).toContainText('Found in 2 breaches');
}

async function runLookupCase(env: LookupEnv, c: LookupCase): Promise<string> {
  const { server, popup } = env;
  const page = popup.page;
  const before = await historySnapshot(page);
  const asked = lookups(server).length;
  server.injectFault({ ...c.fault, match: env.match, times: 1 });
  await popup.checkNow();
  await expect.poll(() => lookups(server).length, FAST).toBeGreaterThan(asked);
  const faulted = lookups(server)[asked]!;
  const runs = before.runs.length + 1;

  if (c.decision === 'fail' || c.decision === 'fail-provider') {
    // Not retried: the failure is the address's result for the run, and the run is over.
    const { result } = await latestRunSettled(page, runs);
    expect(result).toMatchObject({ email: EMAIL, outcome: 'failed', breachIds: [], failure: { kind: c.kind } });
    expect(await readStore(page, 'jobs')).toEqual([]);
    await expect(popup.status(EMAIL)).toHaveText(c.text);
    const after = await expectHistoryKept(page, before);
    // The address keeps the time of its last good check.
    expect(after.addresses[0]!.lastCheckedAt).toBe(before.addresses[0]!.lastCheckedAt);
    expect(lookups(server)).toHaveLength(asked + 1);
    return `${c.kind}, run ended with the address failed, not retried`;
  }

  const waitMs = c.waitMs!;
  if (waitMs <= 5 * SECOND) {
    // A hold this short is waited out in the worker: watch the retry arrive, no earlier than due.
    await expect.poll(() => lookups(server).length, { ...FAST, timeout: waitMs + 10_000 }).toBe(asked + 2);
    const retried = lookups(server)[asked + 1]!;
    expect(retried.time - faulted.time).toBeGreaterThanOrEqual(waitMs);
    expect(retried.time - faulted.time).toBeLessThanOrEqual(waitMs + SLACK_MS);
    await expectRecovered(env, runs, asked + 2);
    const after = await historySnapshot(page);
    const identity = (e: StoredExposure) => [e.email, e.provider, e.breachId, e.firstSeen, e.state];
    expect(after.exposures.map(identity)).toEqual(before.exposures.map(identity));
    return `${c.kind}, next request ${fmt(retried.time - faulted.time)} later (due ${fmt(waitMs)}), then recovered`;
  }

  const attempts = c.decision === 'retry' ? 1 : 0; // a 429 is not the job's fault
  await expect
    .poll(async () => (await readStore<StoredJob>(page, 'jobs')).map((j) => [j.email, j.attempts, j.lastFailure?.kind]), FAST)
    .toEqual([[EMAIL, attempts, c.kind]]);
  const [job] = await readStore<StoredJob>(page, 'jobs');
  const due = job!.notBefore - faulted.time;
  expect(due).toBeGreaterThanOrEqual(waitMs);
  expect(due).toBeLessThanOrEqual(waitMs + SLACK_MS + (c.kind === 'timeout' ? env.timeoutMs : 0));
  await expect(popup.status(EMAIL)).toHaveText(`${c.text} ${await whenText(page, job!.notBefore)}.`);
  await expectHistoryKept(page, before);
  expect(lookups(server)).toHaveLength(asked + 1);

  await fastForward(page);
  await expectRecovered(env, runs, asked + 2);
  return `${c.kind}${megabytes(faulted)}, job kept (attempts ${attempts}), next try stored at +${fmt(due)}, recovered`;
}

// ---------------------------------------------------------------------------------------------
// Catalog refreshes: nothing shown, the stored catalog kept, a retry alarm.

interface CatalogState {
  breaches: number;
  digest: string;
  mark: unknown;
}

/** The provider's stored catalog, summarised in the worker (it is ~1 MB), and its refresh mark. */
async function catalogState(worker: Worker, provider: string): Promise<CatalogState> {
  return worker.evaluate(async (p) => {
    const records = await new Promise<Array<{ provider: string; id: string; title: string; domain: string; addedDate: string | null }>>((resolve, reject) => {
      const open = indexedDB.open('was-i-exposed');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const request = open.result.transaction('breaches').objectStore('breaches').getAll();
        request.onsuccess = () => {
          open.result.close();
          resolve(request.result);
        };
        request.onerror = () => reject(request.error);
      };
    });
    const text = JSON.stringify(records.filter((b) => b.provider === p).sort((a, b) => a.id.localeCompare(b.id)));
    let hash = 0x811c9dc5;
    for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
    const key = `catalogMark.${p}`;
    return { breaches: records.filter((b) => b.provider === p).length, digest: `${text.length}:${hash.toString(16)}`, mark: (await chrome.storage.local.get(key))[key] ?? null };
  }, provider);
}

async function catalogRetry(worker: Worker, provider: string): Promise<{ minutes: number | null; at: number | null }> {
  return worker.evaluate(async (key) => {
    const retry = (await chrome.storage.local.get(key))[key] as { waitMs: number } | undefined;
    return { minutes: retry ? retry.waitMs / 60_000 : null, at: (await chrome.alarms.get('catalog-retry'))?.scheduledTime ?? null };
  }, `catalogRetry.${provider}`);
}

/** Fires the daily catalog alarm now. */
const refreshNow = (worker: Worker) => worker.evaluate(() => chrome.alarms.create('catalog', { when: Date.now() + 20 }));

interface CatalogEnv {
  server: FixtureServer;
  worker: Worker;
  provider: 'hibp' | 'xposedornot';
}

/**
 * One catalog fault: the refresh fails quietly, the catalog and its mark stay as they were, and the
 * retry alarm follows the catalog rule — 5 minutes after a first failure, doubling up to 6 hours,
 * and never before a Retry-After (src/core/retry-policy.ts, decideCatalogRetry).
 */
async function runCatalogCase(env: CatalogEnv, path: string, { fault }: NamedFault, prepare?: () => void): Promise<string> {
  const { server, worker } = env;
  const before = await catalogState(worker, env.provider);
  const previous = await catalogRetry(worker, env.provider);
  const waitMs = previous.minutes === null ? 5 * MINUTE : Math.min(previous.minutes * 2 * MINUTE, 6 * HOUR);
  const dueMs = fault.status === 429 ? Math.max(waitMs, waitOf(fault)) : waitMs;
  const from = server.requests.length;
  prepare?.();
  server.injectFault({ ...fault, match: { pathIncludes: path }, times: 1 });
  await refreshNow(worker);
  // A refresh first sets the same alarm a minute ahead, a watchdog in case the worker dies
  // mid-download; a failure replaces it with the backoff, which is never under 5 minutes.
  await expect
    .poll(async () => {
      const { at } = await catalogRetry(worker, env.provider);
      return at !== null && at !== previous.at && at - Date.now() > 2 * MINUTE;
    }, { ...FAST, timeout: 15_000 })
    .toBe(true);
  const faulted = server.requests.slice(from).find((r) => r.method === 'GET' && r.path.endsWith(path))!;
  const retry = await catalogRetry(worker, env.provider);
  expect(retry.minutes).toBe(waitMs / MINUTE);
  const due = retry.at! - faulted.time;
  expect(due).toBeGreaterThanOrEqual(dueMs);
  expect(due).toBeLessThanOrEqual(dueMs + SLACK_MS + (fault.hang ? SHORT_TIMEOUT_MS : 0));
  expect(await catalogState(worker, env.provider)).toEqual(before);
  // No retry in between: the fault's request is the last catalog request.
  expect(server.requests.slice(from).filter((r) => r.method === 'GET' && r.path.endsWith(path))).toHaveLength(1);
  return `failed quietly${megabytes(faulted)}, catalog kept, retry alarm at +${fmt(due)}`;
}

/** After the failures: a refresh that works clears the retry, and the site card reads the catalog. */
async function expectCatalogRecovers(env: CatalogEnv, page: Page, status: string): Promise<void> {
  await refreshNow(env.worker);
  await expect.poll(() => catalogRetry(env.worker, env.provider), { ...FAST, timeout: 15_000 }).toEqual({ minutes: null, at: null });
  const card = (await page.evaluate((url) => chrome.runtime.sendMessage({ type: 'site/card', payload: { url } }), 'https://adobe.com/')) as {
    ok: boolean;
    value: { shown: Array<{ breach: { id: string }; emails: string[] }> };
  };
  expect(card.ok).toBe(true);
  expect(card.value.shown).toEqual([expect.objectContaining({ breach: expect.objectContaining({ id: 'Adobe' }), emails: [EMAIL] })]);
  // A failed catalog refresh shows the user nothing: no warning anywhere in the popup.
  await page.reload();
  await page.locator('body[data-ready="true"]').waitFor();
  await expect(page.locator('.warning, [role="alert"]')).toHaveCount(0);
  await expect(new PopupPage(page).status(EMAIL)).toContainText(status);
}

/** The first catalog download done (for XposedOrNot, asked for now rather than 3 s after install). */
async function waitForCatalog(worker: Worker, provider: string): Promise<void> {
  if (provider === 'xposedornot') await refreshNow(worker);
  await expect.poll(async () => ((await catalogState(worker, provider)).mark as { fullAt?: number } | null)?.fullAt ?? 0, { ...FAST, timeout: 20_000 }).toBeGreaterThan(0);
}

// ---------------------------------------------------------------------------------------------
// The tests.

const XON_LOOKUP = { provider: 'xposedornot' as const, pathIncludes: '/v1/breach-analytics' };
const XON_SHAPES = { truncated: '{"ExposedBreaches": {"breaches_details": [ {"breach": ', wrongShape: '{"BreachesSummary": {"site": "Adobe;LinkedIn"}}' };

test('XposedOrNot: the catalog, and the breach lookup with every error status', async ({ server, openPopup, background }) => {
  const worker = await background();
  await configure(worker, { requestTimeoutMs: SHORT_TIMEOUT_MS });
  const page = await openPopup();
  await waitForCatalog(worker, 'xposedornot');
  const popup = await checkedOnce(server, page);

  // XposedOrNot counts catalog requests against the same 25 an hour as lookups (the extension paces
  // itself to that): each XposedOrNot test stays under 25 requests.
  const catalog = tally('XposedOrNot /v1/breaches (catalog)');
  const catalogEnv: CatalogEnv = { server, worker, provider: 'xposedornot' };
  const catalogShapes = { truncated: '{"status":"success","exposedBreaches":[{"breachID":"Ad', wrongShape: '{"status":"success","exposedBreaches":{}}' };
  for (const f of representative(catalogShapes, true)) catalog.add(f.name, await runCatalogCase(catalogEnv, '/v1/breaches', f));
  await expectCatalogRecovers(catalogEnv, page, 'Found in 2 breaches');
  catalog.print();

  const statuses = tally('XposedOrNot /v1/breach-analytics (lookup), error statuses');
  const env: LookupEnv = { server, popup, match: XON_LOOKUP, timeoutMs: SHORT_TIMEOUT_MS };
  const list: NamedFault[] = [
    { name: '400', fault: { status: 400 } },
    { name: '401', fault: { status: 401 } },
    { name: '403 without cf-ray', fault: { status: 403 } },
    { name: '403 with cf-ray', fault: { status: 403, headers: { 'cf-ray': '8f1e2d3c4b5a6978-LHR' } } },
    { name: '404', fault: { status: 404 } },
    { name: '429 without retry-after', fault: { status: 429 } },
    { name: '500', fault: { status: 500 } },
    { name: '502', fault: { status: 502 } },
    { name: '503', fault: { status: 503 } },
  ];
  for (const f of list) statuses.add(f.name, await runLookupCase(env, lookupCase(f, 'XposedOrNot')));
  statuses.print();
});

test('XposedOrNot: the breach lookup with absurd Retry-After values, a hang and broken answers', async ({ server, openPopup, background }) => {
  const worker = await background();
  await configure(worker, { requestTimeoutMs: SHORT_TIMEOUT_MS });
  const popup = await checkedOnce(server, await openPopup());

  const row = tally('XposedOrNot /v1/breach-analytics (lookup), rate limits and broken answers');
  const env: LookupEnv = { server, popup, match: XON_LOOKUP, timeoutMs: SHORT_TIMEOUT_MS };
  const faults: NamedFault[] = [
    ...RETRY_AFTER.filter((r) => r.retryAfter !== undefined).map(({ name, retryAfter }) => ({ name, fault: { status: 429, retryAfter } })),
    ...representative(XON_SHAPES).filter((f) => f.fault.status !== 429),
  ];
  for (const f of faults) row.add(f.name, await runLookupCase(env, lookupCase(f, 'XposedOrNot')));
  row.print();
});

test('Have I Been Pwned: breachedaccount, and the range search', async ({ server, openPopup, background }) => {
  const worker = await background();
  server.setApiKeys({ 'test-key': { plan: 'Pwned 4', rpm: 1000, rangeSearch: true } });
  await configure(worker, { providers: ['hibp'], hibpApiKey: 'test-key', hibpRequestsPerMinute: 1000, requestTimeoutMs: SHORT_TIMEOUT_MS });
  const popup = await checkedOnce(server, await openPopup());

  const env: LookupEnv = { server, popup, match: { provider: 'hibp', pathIncludes: '/breachedaccount/' }, timeoutMs: SHORT_TIMEOUT_MS };
  const account = tally('HIBP /breachedaccount (lookup)');
  const accountShapes = { truncated: '[{"Name":"Adobe","Title":"Ado', wrongShape: '{"Name":"Adobe"}' };
  for (const f of representative(accountShapes)) account.add(f.name, await runLookupCase(env, lookupCase(f, 'Have I Been Pwned')));
  account.print();

  await configure(worker, { hibpRangeSearch: true });
  const range = tally('HIBP /breachedaccount/range (k-anonymity lookup)');
  const rangeShapes = { truncated: '[{"hashSuffix":"8C3B1F', wrongShape: '[{"hashSuffix":"8C3B1F","websites":"Adobe"}]' };
  const rangeEnv: LookupEnv = { ...env, match: { provider: 'hibp', pathIncludes: '/breachedaccount/range/' } };
  const before = lookups(server).length;
  for (const f of representative(rangeShapes)) range.add(f.name, await runLookupCase(rangeEnv, lookupCase(f, 'Have I Been Pwned')));
  // Every lookup since the switch was a range query: the address itself was never sent.
  expect(lookups(server).slice(before).every((r) => r.path.startsWith('/api/v3/breachedaccount/range/'))).toBe(true);
  range.print();
});

test('the real 25 s abort of a hung lookup, meanwhile the HIBP catalog, the key test and the password check meet their faults', async ({
  server,
  openPopup,
  background,
  context,
  extensionId,
}) => {
  test.setTimeout(75_000);
  const worker = await background();
  // The key test uses the fixture's entry-plan key; lookups and the catalog use the same one.
  await configure(worker, { providers: ['hibp'], hibpApiKey: 'test-key', hibpRequestsPerMinute: 1000 });
  const page = await openPopup();
  await waitForCatalog(worker, 'hibp');
  const popup = await checkedOnce(server, page);

  // A lookup that hangs with the default timeout, left to run while the rest of the test goes on.
  const settings = await worker.evaluate(() => chrome.storage.local.get('requestTimeoutMs'));
  expect(settings.requestTimeoutMs ?? DEFAULT_TIMEOUT_MS).toBe(DEFAULT_TIMEOUT_MS);
  const before = await historySnapshot(page);
  const asked = lookups(server).length;
  server.injectFault({ match: { provider: 'hibp', pathIncludes: '/breachedaccount/' }, times: 1, hang: true });
  await popup.checkNow();
  await expect.poll(() => lookups(server).length, FAST).toBe(asked + 1);
  const hung = lookups(server)[asked]!;
  await expect(popup.status(EMAIL)).toHaveText('Checking…');
  // Everything started from now on gives up after 2 s; the lookup above keeps its 25 s.
  await configure(worker, { requestTimeoutMs: SHORT_TIMEOUT_MS });

  // The catalog: /latestbreach first, then /breaches (asked for only when the newest breach changed).
  const catalogEnv: CatalogEnv = { server, worker, provider: 'hibp' };
  const latest = tally('HIBP /latestbreach');
  const latestShapes = { truncated: '{"Name":"Adobe","Tit', wrongShape: '[]' };
  for (const f of representative(latestShapes, true)) latest.add(f.name, await runCatalogCase(catalogEnv, '/api/v3/latestbreach', f));
  latest.print();
  const full = tally('HIBP /breaches (catalog)');
  const catalogShapes = { truncated: '[{"Name":"Adobe","Title":"Adobe","Domain":"adob', wrongShape: '{"breaches":[]}' };
  let added = 0;
  for (const f of representative(catalogShapes, true)) {
    const addNew = () =>
      server.addBreach({
        ...server.catalog.find((b) => b.Name === 'Adobe')!,
        Name: `FaultMatrix${++added}`,
        Domain: `fault-matrix-${added}.example`,
        AddedDate: new Date(Date.now() + added * 1000).toISOString(),
      });
    full.add(f.name, await runCatalogCase(catalogEnv, '/api/v3/breaches', f, addNew));
  }
  // The lookup still hangs: the popup says so, and nothing about the catalog.
  await expectCatalogRecovers(catalogEnv, page, 'Checking…');
  // The recovery downloaded the catalog the faults had kept out.
  expect((await catalogState(worker, 'hibp')).breaches).toBe(server.catalog.length);
  full.print();

  // Options: "Test key" asks /subscription/status; nothing is retried and nothing is saved.
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/src/ui/options/index.html`);
  await options.locator('body[data-ready="true"]').waitFor();
  await options.getByLabel('API key', { exact: true }).fill('test-key');
  const keyRow = tally('HIBP /subscription/status (Options, Test key)');
  const keyShapes = { truncated: '{"SubscriptionName":"Pwned 1","Rp', wrongShape: '{"SubscriptionName":"Pwned 1","Rpm":"ten"}' };
  for (const f of representative(keyShapes, true)) keyRow.add(f.name, await runKeyTestCase(server, options, worker, f));
  keyRow.print();

  // The popup's password check: only a 5-character prefix is sent, and a failure is said plainly.
  const pwRow = tally('Pwned Passwords /range (popup password check)');
  const pwShapes = {
    // Text, not JSON: a range answer cut off mid-line, and JSON where lines were expected.
    truncated: '0018A45C4D1DEF81644B54AB7F969B88D65:10\r\n00D4F6E8FA6EECAD2A3AA4',
    wrongShape: '{"HashSuffix":"0018A45C4D1DEF81644B54AB7F969B88D65","Count":10}',
  };
  await page.getByText('Check a password', { exact: true }).click();
  for (const f of representative(pwShapes)) pwRow.add(f.name, await runPasswordCase(server, page, f));
  pwRow.print();

  // The hung lookup was given up 25 s after it was sent (inside the worker's 30 s fetch limit), and
  // the job is kept for the first backoff step, 30 s after that. The timer starts just before the
  // request leaves, and the decision is stored a moment after the abort.
  await expect
    .poll(async () => (await readStore<StoredJob>(page, 'jobs')).map((j) => [j.email, j.attempts, j.lastFailure?.kind]), { intervals: [250], timeout: 35_000 })
    .toEqual([[EMAIL, 1, 'timeout']]);
  const [job] = await readStore<StoredJob>(page, 'jobs');
  const gaveUpAfter = job!.notBefore - 30 * SECOND - hung.time;
  expect(gaveUpAfter).toBeGreaterThanOrEqual(DEFAULT_TIMEOUT_MS - SECOND);
  expect(gaveUpAfter).toBeLessThan(DEFAULT_TIMEOUT_MS + SLACK_MS);
  expect(hung.status).toBe(0); // never answered
  await expect(popup.status(EMAIL)).toHaveText(`Have I Been Pwned did not answer in time. Trying again at ${await whenText(page, job!.notBefore)}.`);
  await expectHistoryKept(page, before);
  console.log(
    `[fault-matrix] HIBP /breachedaccount (lookup), default timeout: 1 fault | a hang → timeout, given up ${fmt(gaveUpAfter)} after the request, job kept, next try +30 s`,
  );
});

/** Clock texts a time "now + waitMs" may show, for a `now` between the request and the answer. */
async function dueTexts(page: Page, sentAt: number, waitMs: number): Promise<string[]> {
  return [await whenText(page, sentAt + waitMs, sentAt), await whenText(page, sentAt + waitMs + SLACK_MS, sentAt)];
}

async function runKeyTestCase(server: FixtureServer, options: Page, worker: Worker, { fault }: NamedFault): Promise<string> {
  const keys = ['hibpApiKey', 'hibpRequestsPerMinute', 'hibpRangeSearch', 'providers'];
  const before = await worker.evaluate((k) => chrome.storage.local.get(k), keys);
  const from = server.requests.length;
  const gets = server.requests.filter((r) => r.method === 'GET').length;
  server.injectFault({ ...fault, match: { pathIncludes: '/api/v3/subscription/status' }, times: 1 });
  const button = options.getByRole('button', { name: 'Test key' });
  await button.click();
  await expect.poll(() => server.requests.filter((r) => r.method === 'GET').length, FAST).toBeGreaterThan(gets);
  await expect(button).toBeEnabled({ timeout: SHORT_TIMEOUT_MS + 5_000 });
  const error = options.locator('#hibpApiKey-error');
  const hibp = 'Have I Been Pwned';
  if (fault.status === 429) {
    await expect(error).toContainText('Test the key again after');
    const sent = server.requests.slice(from).find((r) => r.method === 'GET')!;
    const texts = (await dueTexts(options, sent.time, waitOf(fault))).map((when) => `${hibp} is limiting requests right now (429). Test the key again after ${when}.`);
    expect(texts).toContain(await error.textContent());
  } else {
    const text = fault.hang
      ? `${hibp} did not answer in time. Check again later.`
      : fault.status === 302
        ? `${hibp} answered with a redirect to another address, which was not followed — a Wi-Fi login page or a proxy may be in the way. Check again later.`
        : `${hibp} sent an answer that could not be read. Check again later.`;
    await expect(error).toHaveText(text);
  }
  await expect(options.getByTestId('key-status')).toHaveCount(0);
  // One request, no range probe after it, no retry; the key and its rate are not saved.
  expect(server.requests.slice(from).filter((r) => r.method === 'GET' && r.path.startsWith('/api/v3/')).map((r) => r.path)).toEqual(['/api/v3/subscription/status']);
  expect(await worker.evaluate((k) => chrome.storage.local.get(k), keys)).toEqual(before);
  return `${gist(await error.textContent())}${megabytes(server.requests.slice(from).find((r) => r.method === 'GET')!)}, nothing saved, not retried`;
}

async function runPasswordCase(server: FixtureServer, page: Page, { fault }: NamedFault): Promise<string> {
  const before = await historySnapshot(page);
  const ranges = () => server.requests.filter((r) => r.method === 'GET' && r.path.startsWith('/range/'));
  const from = ranges().length;
  server.injectFault({ ...fault, match: { provider: 'pwnedpasswords' }, times: 1 });
  await page.getByLabel('Password', { exact: true }).fill('Zq7-wie-e2e-fault-matrix');
  await page.getByRole('button', { name: 'Check', exact: true }).click();
  await expect.poll(() => ranges().length, FAST).toBe(from + 1);
  const result: Locator = page.getByTestId('password-result');
  await expect(result).toHaveAttribute('data-result', 'error', { timeout: SHORT_TIMEOUT_MS + 5_000 });
  const pp = 'Pwned Passwords';
  if (fault.status === 429) {
    const texts = (await dueTexts(page, ranges()[from]!.time, waitOf(fault))).map((when) => `${pp} is receiving too many requests (HTTP 429). Try again after ${when}.`);
    expect(texts).toContain(await result.textContent());
  } else {
    const text = fault.hang
      ? `${pp} did not answer in time. Try again.`
      : fault.status === 302
        ? `${pp} answered with a redirect to another address, which was not followed — a Wi-Fi login page or a proxy may be in the way. Try again later.`
        : fault.bodyBytes !== undefined
          ? `${pp} sent an answer that could not be read (HTTP 200). Try again later.`
          : `${pp} sent an answer that could not be read. Try again later.`;
    await expect(result).toHaveText(text);
  }
  expect(ranges()).toHaveLength(from + 1);
  await expectHistoryKept(page, before);
  return `${gist(await result.textContent())}${megabytes(ranges()[from]!)}, not retried`;
}

