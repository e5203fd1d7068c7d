/**
 * The fault matrix, unit level: every provider endpoint the extension calls, against every way a
 * provider (or something between it and the browser) misbehaves, followed through to what the
 * extension does next — the retry the check queue or the catalog sync schedules, or the words the
 * Options page's key test and the password check show. Each cell must end in the expected value
 * or in one typed ProviderError: anything else thrown (a TypeError from a bad shape) fails it.
 * e2e/fault-matrix.spec.ts runs a representative part of the same table in Chromium.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import accountSample from '../../e2e/fixtures/data/hibp-breachedaccount-sample-v2-2018.json';
import hibpCatalogJson from '../../e2e/fixtures/data/hibp-breaches.json';
import xonAnalyticsSample from '../../e2e/fixtures/data/xon-breach-analytics-sample.json';
import xonCatalogJson from '../../e2e/fixtures/data/xon-v1-breaches-response.json';
import { describeKeyTestFailure } from '../core/failure-text';
import { MAX_RETRY_DELAY_MS, MIN_RETRY_DELAY_MS } from '../core/http';
import { tEn } from '../core/i18n-test-helper';
import { DAY, HOUR, MINUTE, SECOND } from '../core/pacing';
import { ProviderError, type ProviderErrorKind } from '../core/provider-error';
import { describePasswordCheckFailure } from '../core/pwned-passwords';
import { BACKOFF_MS, CATALOG_FIRST_RETRY_MS, decideCatalogRetry, decideRetry } from '../core/retry-policy';
import { refreshCatalog } from './registry';
import {
  TEST_NOW as NOW,
  brokenBodyResponse,
  hugeBodyResponse,
  jsonResponse,
  opaqueRedirectResponse,
  recordingFetch,
  stalledBodyResponse,
  testContext,
  textResponse,
} from './fake-fetch';
import { checkAddressByRange, checkHibpAddress, getSubscriptionStatus, supportsRangeSearch } from './hibp';
import { DEFAULT_RATE_LIMIT_DELAY_MS, MAX_BODY_BYTES } from './http-client';
import type { ProviderContext } from './provider';
import { RANGE_MAX_BYTES, breachCountForSha1 } from './pwned-passwords';
import { checkXonAddress } from './xposedornot';

const BASE = 'https://provider.test';
const OTHER_HOST = 'https://elsewhere.test/login';
const EMAIL = 'victim@example.com';
const sha1 = (text: string) => createHash('sha1').update(text, 'utf8').digest('hex').toUpperCase();
const EMAIL_SHA1 = sha1(EMAIL);
const PASSWORD_SHA1 = sha1('P@ssw0rd');

/** Who acts on a failure: the check queue, the catalog sync, or the user reading a message. */
type After = 'queue' | 'catalog' | 'key-test' | 'password';

interface Endpoint {
  name: string;
  /** The path (after the base URL) of the request the faults hit. */
  path: string;
  call: (ctx: ProviderContext) => Promise<unknown>;
  /** The provider's real answer for each path the call asks for. */
  answer: (path: string) => Response;
  /** What the call gives for the real answer: proves the harness is right before faults run. */
  ok: unknown;
  /** Statuses the endpoint reads as an answer (with an empty body), and what it makes of them. */
  passes?: Readonly<Partial<Record<number, unknown>>>;
  /** For a call that reads only the status: what it gives whatever a 200's body says. */
  bodyIgnored?: unknown;
  /** Valid syntax, wrong shape for this endpoint. */
  wrongShape: string;
  /** The real answer, cut off. */
  truncated: string;
  maxBytes: number;
  after: After;
}

const RANGE_ANSWER = [`${EMAIL_SHA1.slice(6)}`, '0000000000000000000000000000000000'].map((suffix, i) => ({
  HashSuffix: suffix,
  Websites: i === 0 ? ['Adobe'] : ['LinkedIn'],
}));
/** A padded Pwned Passwords answer holding the test password's suffix. */
const PP_ANSWER = [
  ...Array.from({ length: 40 }, (_, i) => `${sha1(`pad${i}`).slice(5)}:0`),
  `${PASSWORD_SHA1.slice(5)}:145`,
].sort().join('\r\n');
const ADOBE = hibpCatalogJson.find((b) => b.Name === 'Adobe')!;
const hibpCatalogText = JSON.stringify(hibpCatalogJson);
const xonCatalogText = JSON.stringify(xonCatalogJson);

const hibpAnswer = (path: string): Response => {
  if (path.startsWith('/breachedaccount/range/')) return jsonResponse(RANGE_ANSWER);
  if (path.startsWith('/breachedaccount/')) return jsonResponse(accountSample);
  if (path === '/latestbreach') return jsonResponse(ADOBE);
  if (path === '/breaches') return textResponse(hibpCatalogText, 200, { 'content-type': 'application/json', etag: '"v1"' });
  if (path.startsWith('/breach/')) return jsonResponse(ADOBE);
  if (path === '/subscription/status') return jsonResponse({ SubscriptionName: 'Pwned 1', Description: '', SubscribedUntil: '2027-01-01T00:00:00', Rpm: 10 });
  throw new Error(`no real answer for ${path}`);
};

// The key may go to the fault server's host the way a test build lets it go to the fixture server.
const keyed = (ctx: ProviderContext): ProviderContext => ({ ...ctx, apiKey: '0123456789abcdef0123456789abcdef', testKeyHost: new URL(BASE).hostname });
const half = (text: string) => text.slice(0, Math.floor(text.length / 2));

const ENDPOINTS: Endpoint[] = [
  {
    name: 'HIBP breachedaccount',
    path: `/breachedaccount/${encodeURIComponent(EMAIL)}?truncateResponse=false`,
    call: (ctx) => checkHibpAddress(keyed(ctx), EMAIL, { rangeSearch: false, known: async () => [], syncCatalog: async () => undefined }),
    answer: hibpAnswer,
    ok: expect.objectContaining({ kind: 'breached' }),
    passes: { 404: { kind: 'clean' } },
    wrongShape: JSON.stringify({ Name: 'Adobe' }),
    truncated: half(JSON.stringify(accountSample)),
    maxBytes: MAX_BODY_BYTES,
    after: 'queue',
  },
  {
    name: 'HIBP breachedaccount/range',
    path: `/breachedaccount/range/${EMAIL_SHA1.slice(0, 6)}`,
    call: (ctx) => checkAddressByRange(keyed(ctx), EMAIL, EMAIL_SHA1, new Map()),
    answer: hibpAnswer,
    ok: { kind: 'breached', breaches: [expect.objectContaining({ id: 'Adobe' })] },
    passes: { 404: { kind: 'clean' } },
    wrongShape: JSON.stringify([{ HashSuffix: EMAIL_SHA1.slice(6), Websites: 'Adobe' }]),
    truncated: half(JSON.stringify(RANGE_ANSWER)),
    maxBytes: MAX_BODY_BYTES,
    after: 'queue',
  },
  {
    name: 'HIBP latestbreach',
    path: '/latestbreach',
    call: (ctx) => refreshCatalog('hibp', ctx, {}),
    answer: hibpAnswer,
    ok: expect.objectContaining({ kind: 'changed' }),
    wrongShape: JSON.stringify([ADOBE]),
    truncated: half(JSON.stringify(ADOBE)),
    maxBytes: MAX_BODY_BYTES,
    after: 'catalog',
  },
  {
    name: 'HIBP breaches (catalog)',
    path: '/breaches',
    call: (ctx) => refreshCatalog('hibp', ctx, {}),
    answer: hibpAnswer,
    ok: expect.objectContaining({ kind: 'changed', skipped: 0 }),
    wrongShape: JSON.stringify({ breaches: hibpCatalogJson.slice(0, 3) }),
    truncated: hibpCatalogText.slice(0, 500_000),
    maxBytes: MAX_BODY_BYTES,
    after: 'catalog',
  },
  {
    name: 'HIBP subscription/status',
    path: '/subscription/status',
    call: (ctx) => getSubscriptionStatus(keyed(ctx)),
    answer: hibpAnswer,
    ok: { plan: 'Pwned 1', rpm: 10, subscribedUntil: '2027-01-01T00:00:00' },
    wrongShape: JSON.stringify({ SubscriptionName: 'Pwned 1', Rpm: 'ten' }),
    truncated: '{"SubscriptionName":"Pwned 1","Rp',
    maxBytes: MAX_BODY_BYTES,
    after: 'key-test',
  },
  {
    name: 'HIBP range probe (key test)',
    path: '/breachedaccount/range/000000',
    call: (ctx) => supportsRangeSearch(keyed(ctx)),
    answer: hibpAnswer,
    ok: true,
    // A plan without range search answers 401 or 403; one with it, 404 for an empty range.
    passes: { 401: false, 403: false, 404: true },
    bodyIgnored: true,
    wrongShape: JSON.stringify({ HashSuffix: 'x' }),
    truncated: half(JSON.stringify(RANGE_ANSWER)),
    maxBytes: MAX_BODY_BYTES,
    after: 'key-test',
  },
  {
    name: 'XposedOrNot breach-analytics',
    path: `/v1/breach-analytics?email=${encodeURIComponent(EMAIL)}`,
    call: (ctx) => checkXonAddress(ctx, EMAIL),
    answer: () => jsonResponse(xonAnalyticsSample.found_200),
    ok: expect.objectContaining({ kind: 'breached' }),
    wrongShape: JSON.stringify({ BreachesSummary: { site: 'Adobe' } }),
    truncated: half(JSON.stringify(xonAnalyticsSample.found_200)),
    maxBytes: MAX_BODY_BYTES,
    after: 'queue',
  },
  {
    name: 'XposedOrNot breaches (catalog)',
    path: '/v1/breaches',
    call: (ctx) => refreshCatalog('xposedornot', ctx, {}),
    answer: () => textResponse(xonCatalogText, 200, { 'content-type': 'application/json', 'last-modified': 'Mon, 10 Mar 2025 11:00:00 GMT' }),
    ok: expect.objectContaining({ kind: 'changed', skipped: 0 }),
    wrongShape: JSON.stringify({ status: 'success', exposedBreaches: { HarvardUniversity: {} } }),
    truncated: xonCatalogText.slice(0, 300_000),
    maxBytes: MAX_BODY_BYTES,
    after: 'catalog',
  },
  {
    name: 'Pwned Passwords range',
    path: `/range/${PASSWORD_SHA1.slice(0, 5)}`,
    call: (ctx) => breachCountForSha1(ctx, PASSWORD_SHA1),
    answer: () => textResponse(PP_ANSWER, 200, { 'content-type': 'text/plain' }),
    ok: 145,
    wrongShape: JSON.stringify({ HashSuffix: PASSWORD_SHA1.slice(5), Count: 145 }),
    // Cut inside the password's own line: read leniently, that would be "not found".
    truncated: PP_ANSWER.slice(0, PP_ANSWER.indexOf(PASSWORD_SHA1.slice(5)) + 20),
    maxBytes: RANGE_MAX_BYTES,
    after: 'password',
  },
];

/** What a cell must end in: a value the endpoint returns, or one typed failure. */
type Expected =
  | { value: unknown }
  | { kind: ProviderErrorKind; status?: number; retryAfterMs?: number; rayId?: string; bytesReadBelow?: number };

interface Fault {
  name: string;
  respond: (endpoint: Endpoint, init: RequestInit | undefined) => Response | Promise<Response>;
  expected: (endpoint: Endpoint) => Expected;
}

const CLOUDFLARE_HTML = '<!DOCTYPE html><html><head><title>Attention Required! | Cloudflare</title></head><body>Sorry, you have been blocked</body></html>';
const BAD_GATEWAY_HTML = '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center></body></html>';

/** A status fault; an endpoint that reads this status as an answer gives that answer instead. */
function status(name: string, code: number, body: string, headers: Record<string, string>, expected: Omit<Extract<Expected, { kind: string }>, 'status'>): Fault {
  return {
    name,
    respond: () => textResponse(body, code, headers),
    expected: (e) => (e.passes && code in e.passes ? { value: e.passes[code] } : { ...expected, status: code }),
  };
}

const rateLimited = (name: string, retryAfter: string | null, at: number): Fault =>
  status(name, 429, JSON.stringify({ statusCode: 429, message: 'Rate limit is exceeded.' }), retryAfter === null ? {} : { 'retry-after': retryAfter }, {
    kind: 'rate-limited',
    retryAfterMs: at,
  });

/** How much of the last 20 MB body was read; set by the two faults that send one. */
let hugePulled: () => number = () => 0;
const twentyMegabytes = (declareLength: boolean) => (): Response => {
  const huge = hugeBodyResponse(20 * 1024 * 1024, 64 * 1024, declareLength);
  hugePulled = huge.pulled;
  return huge.response;
};

const FAULTS: Fault[] = [
  status('400', 400, '', {}, { kind: 'bad-request' }),
  status('401', 401, JSON.stringify({ statusCode: 401, message: 'Access denied due to invalid hibp-api-key.' }), {}, { kind: 'unauthorized' }),
  status('403 without cf-ray', 403, JSON.stringify({ statusCode: 403, message: 'Forbidden - no user agent has been specified in the request.' }), {}, { kind: 'forbidden' }),
  status('403 with cf-ray', 403, CLOUDFLARE_HTML, { 'content-type': 'text/html', 'cf-ray': '8f1e2d3c4b5a6978-LHR' }, { kind: 'forbidden', rayId: '8f1e2d3c4b5a6978-LHR' }),
  status('404', 404, '', {}, { kind: 'malformed' }),
  rateLimited('429 without retry-after', null, NOW + DEFAULT_RATE_LIMIT_DELAY_MS),
  rateLimited('429 retry-after: 2', '2', NOW + 2 * SECOND),
  // Absurd values are clamped to 1 s…24 h (core/http.ts); unreadable ones mean "a minute".
  rateLimited('429 retry-after: -5', '-5', NOW + MIN_RETRY_DELAY_MS),
  rateLimited('429 retry-after: abc', 'abc', NOW + DEFAULT_RATE_LIMIT_DELAY_MS),
  rateLimited('429 retry-after: 99999999', '99999999', NOW + MAX_RETRY_DELAY_MS),
  rateLimited('429 retry-after: a date in 1999', 'Fri, 31 Dec 1999 23:59:59 GMT', NOW + MIN_RETRY_DELAY_MS),
  rateLimited('429 retry-after: a date in 2100', 'Fri, 01 Jan 2100 00:00:00 GMT', NOW + MAX_RETRY_DELAY_MS),
  status('500', 500, '', {}, { kind: 'unavailable' }),
  status('502', 502, BAD_GATEWAY_HTML, { 'content-type': 'text/html' }, { kind: 'unavailable' }),
  status('503', 503, '', {}, { kind: 'unavailable' }),
  status('503 retry-after: 120', 503, '', { 'retry-after': '120' }, { kind: 'unavailable', retryAfterMs: NOW + 2 * MINUTE }),
  {
    name: 'a connection that hangs',
    respond: (_e, init) =>
      new Promise<Response>((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal!.reason), { once: true })),
    expected: () => ({ kind: 'timeout' }),
  },
  { name: 'a body that stops arriving', respond: () => stalledBodyResponse(), expected: () => ({ kind: 'timeout' }) },
  { name: 'a refused connection', respond: () => Promise.reject(new TypeError('Failed to fetch')), expected: () => ({ kind: 'network' }) },
  { name: 'a connection dropped mid-body', respond: () => brokenBodyResponse(), expected: () => ({ kind: 'network', status: 200 }) },
  {
    name: 'truncated JSON',
    respond: (e) => textResponse(e.truncated, 200),
    // Cut text that is still text (Pwned Passwords) fails the shape check, which names no status.
    expected: (e) => ('bodyIgnored' in e ? { value: e.bodyIgnored } : { kind: 'malformed', ...(e.after === 'password' ? {} : { status: 200 }) }),
  },
  {
    name: 'JSON of the wrong shape',
    respond: (e) => jsonResponse(JSON.parse(e.wrongShape)),
    expected: (e) => ('bodyIgnored' in e ? { value: e.bodyIgnored } : { kind: 'malformed' }),
  },
  {
    name: 'a 20 MB body, streamed',
    respond: twentyMegabytes(false),
    // Reading stops at the cap: at most the cap plus a few 64 KB chunks in flight.
    expected: (e) => ({ kind: 'malformed', status: 200, bytesReadBelow: e.maxBytes + 4 * 64 * 1024 }),
  },
  {
    name: 'a 20 MB body, Content-Length declared',
    respond: twentyMegabytes(true),
    // Refused on the header: not one chunk beyond what the stream pre-fills.
    expected: () => ({ kind: 'malformed', status: 200, bytesReadBelow: 64 * 1024 + 1 }),
  },
  { name: 'a 302 to another host, as a browser reports it', respond: () => opaqueRedirectResponse(), expected: () => ({ kind: 'redirected' }) },
  {
    name: 'a 302 to another host',
    respond: () => new Response(null, { status: 302, headers: { location: OTHER_HOST } }),
    expected: () => ({ kind: 'redirected', status: 302 }),
  },
  {
    name: 'a 308 to another host',
    respond: () => new Response(null, { status: 308, headers: { location: OTHER_HOST } }),
    expected: () => ({ kind: 'redirected', status: 308 }),
  },
];

/** Runs one cell: the fault answers the endpoint's path, the real answer every other path. */
async function run(endpoint: Endpoint, fault: Fault | null) {
  const { fetch, calls } = recordingFetch((url, init) => {
    const path = url.slice(BASE.length);
    return fault && path === endpoint.path ? fault.respond(endpoint, init) : endpoint.answer(path);
  });
  const ctx = testContext(fetch, { baseUrl: BASE, timeoutMs: 50 });
  try {
    return { value: await endpoint.call(ctx), error: null, calls };
  } catch (err) {
    if (!(err instanceof ProviderError)) throw err; // a crash, not a typed failure
    return { value: undefined, error: err, calls };
  }
}

/** What the extension does after the failure: a schedule, or the words the user reads. */
function consequence(after: After, failure: ProviderError) {
  const json = failure.toJSON();
  const when = (ms: number) => `<+${Math.round((ms - NOW) / SECOND)} s>`;
  switch (after) {
    case 'queue':
      return decideRetry(json, 0, NOW);
    case 'catalog':
      return decideCatalogRetry(json, undefined, NOW);
    case 'key-test':
      return describeKeyTestFailure(json, when, tEn);
    case 'password':
      return describePasswordCheckFailure(json, tEn, when);
  }
}

/** The schedule (or message) the expected failure calls for, worked out from the rules, not read back. */
function expectedConsequence(after: After, expected: Extract<Expected, { kind: string }>) {
  const { kind, retryAfterMs } = expected;
  switch (after) {
    case 'queue':
      if (kind === 'rate-limited') return { action: 'retry', at: retryAfterMs, holdProvider: true, countAttempt: false };
      if (kind === 'unauthorized' || kind === 'forbidden') return { action: 'fail-provider' };
      if (kind === 'bad-request') return { action: 'fail' };
      return { action: 'retry', at: NOW + BACKOFF_MS[0]!, holdProvider: kind !== 'malformed', countAttempt: true };
    case 'catalog':
      return { waitMs: CATALOG_FIRST_RETRY_MS, at: Math.max(NOW + CATALOG_FIRST_RETRY_MS, retryAfterMs ?? 0) };
    case 'key-test':
    case 'password':
      // A rate limit names the time the provider gave (clamped); nothing else promises a time.
      return kind === 'rate-limited' ? expect.stringContaining(`<+${Math.round((retryAfterMs! - NOW) / SECOND)} s>.`) : expect.not.stringMatching(/<\+/);
  }
}

describe.each(ENDPOINTS)('$name', (endpoint) => {
  it('reads the real answer (the harness is right)', async () => {
    const { value, error } = await run(endpoint, null);
    expect(error).toBeNull();
    expect(value).toEqual(endpoint.ok);
  });

  it.each(FAULTS)('$name', async (fault) => {
    const started = Date.now();
    const { value, error, calls } = await run(endpoint, fault);
    const expected = fault.expected(endpoint);

    // Never a redirect followed, never a retry inside the call: one request per path at most.
    expect(calls.every((c) => c.url.startsWith(BASE))).toBe(true);
    expect(calls.every((c) => c.init?.redirect === 'manual')).toBe(true);
    expect(calls.filter((c) => c.url === `${BASE}${endpoint.path}`)).toHaveLength(1);

    if ('value' in expected) {
      expect(error).toBeNull();
      expect(value).toEqual(expected.value);
      return;
    }
    expect(error, `resolved with ${JSON.stringify(value)}`).not.toBeNull();
    const { bytesReadBelow, ...shape } = expected;
    expect(error).toMatchObject(shape);
    if (shape.status === undefined) expect(error!.status).toBeUndefined();
    if (shape.retryAfterMs === undefined) expect(error!.retryAfterMs).toBeUndefined();
    if (shape.rayId === undefined) expect(error!.rayId).toBeUndefined();
    if (bytesReadBelow !== undefined) expect(hugePulled()).toBeLessThan(bytesReadBelow);
    if (shape.kind === 'timeout') expect(Date.now() - started).toBeLessThan(2_000);
    // The retry time is always sane: 1 s to 24 h away.
    if (error!.retryAfterMs !== undefined) {
      expect(error!.retryAfterMs - NOW).toBeGreaterThanOrEqual(SECOND);
      expect(error!.retryAfterMs - NOW).toBeLessThanOrEqual(DAY);
    }

    expect(consequence(endpoint.after, error!)).toEqual(expectedConsequence(endpoint.after, shape));
  });
});

describe('the catalog retry schedule', () => {
  it('doubles from 5 minutes to 6 hours, and never comes before a Retry-After', () => {
    const waits: number[] = [];
    let previous: number | undefined;
    for (let i = 0; i < 9; i++) {
      previous = decideCatalogRetry(null, previous, NOW).waitMs;
      waits.push(previous / MINUTE);
    }
    expect(waits).toEqual([5, 10, 20, 40, 80, 160, 320, 360, 360]);
    expect(decideCatalogRetry({ retryAfterMs: NOW + 20 * HOUR }, 40 * MINUTE, NOW)).toEqual({ waitMs: 80 * MINUTE, at: NOW + 20 * HOUR });
    expect(decideCatalogRetry({ retryAfterMs: NOW + SECOND }, undefined, NOW).at).toBe(NOW + 5 * MINUTE);
  });
});
