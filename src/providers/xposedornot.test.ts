import { describe, expect, it } from 'vitest';
import analyticsSample from '../../e2e/fixtures/data/xon-breach-analytics-sample.json';
import checkEmailSample from '../../e2e/fixtures/data/xon-check-email-sample.json';
import catalogResponse from '../../e2e/fixtures/data/xon-v1-breaches-response.json';
import { ProviderError, type ProviderErrorKind } from '../core/provider-error';
import { hangingFetch, hugeBodyResponse, jsonResponse, recordingFetch, testContext, textResponse, TEST_NOW, failure } from './fake-fetch';
import type { Responder } from './fake-fetch';
import {
  isXonNotFound,
  mapXonAnalyticsBreach,
  mapXonCatalogEntry,
  parseBreachAnalytics,
  parseXonCatalog,
  readXonCatalog,
  checkXonAddress,
} from './xposedornot';

const BASE = 'https://api.xposedornot.test';

function check(respond: Responder, address = 'someone@example.com', timeoutMs = 1_000) {
  const { fetch, calls } = recordingFetch(respond);
  const ctx = testContext(fetch, { baseUrl: BASE, timeoutMs });
  return { outcome: checkXonAddress(ctx, address), calls };
}

describe('checkXonAddress', () => {
  it('asks breach-analytics once, with the address encoded, and no key', async () => {
    const { outcome, calls } = check(() => jsonResponse(analyticsSample.clean_200), 'a+b@example.com');
    await outcome;
    expect(calls).toHaveLength(1);
    expect(calls[0]?.url).toBe(`${BASE}/v1/breach-analytics?email=a%2Bb%40example.com`);
    expect(calls[0]?.init?.method).toBe('GET');
    expect(calls[0]?.headers.has('hibp-api-key')).toBe(false);
  });

  it('maps the real found answer', async () => {
    const { outcome } = check(() => jsonResponse(analyticsSample.found_200));
    expect(await outcome).toEqual({
      kind: 'breached',
      breaches: [
        {
          id: 'AlienStealerLogs',
          provider: 'xposedornot',
          title: 'AlienStealerLogs',
          domain: '',
          breachDate: '2025',
          addedDate: '2026-06-15T05:23:45.000Z',
          pwnCount: 299646818,
          description: 'ALIEN TXTBASE, a stealer log collection, was exposed in February 2025.',
          dataClasses: ['Email addresses', 'Passwords'],
          logoUrl: 'https://xposedornot.com/static/logos/combolist.png',
          flags: { verified: true, fabricated: false, sensitive: false, retired: false, spamList: false, malware: false, stealerLog: false },
        },
      ],
    });
  });

  it('reads ExposedBreaches: null as clean', async () => {
    expect(await check(() => jsonResponse(analyticsSample.clean_200)).outcome).toEqual({ kind: 'clean' });
  });

  it.each([
    ['breach-analytics', analyticsSample.invalid_email_or_shielded_404],
    ['check-email', checkEmailSample.invalid_or_error_404],
    ['check-email, no breaches', checkEmailSample.not_found_404],
  ])('reads the documented 404 body (%s) as clean', async (_name, body) => {
    expect(await check(() => jsonResponse(body, 404)).outcome).toEqual({ kind: 'clean' });
  });

  it.each([
    ['empty', ''],
    ['other JSON', '{"detail":"Method Not Allowed"}'],
    ['a list', '[]'],
  ])('refuses a 404 with an undocumented body (%s)', async (_name, body) => {
    const err = await failure(check(() => textResponse(body, 404)).outcome);
    expect(err).toMatchObject({ kind: 'malformed', status: 404 });
  });

  it('refuses a 404 HTML page, as from a wrong base URL', async () => {
    const err = await failure(check(() => textResponse('<html><body>404</body></html>', 404, { 'content-type': 'text/html' })).outcome);
    expect(err.kind).toBe('malformed');
  });

  it.each<[number, ProviderErrorKind]>([
    [400, 'bad-request'],
    [401, 'unauthorized'],
    [403, 'forbidden'],
    [429, 'rate-limited'],
    [500, 'unavailable'],
    [502, 'unavailable'],
    [503, 'unavailable'],
  ])('maps HTTP %i to %s', async (status, kind) => {
    const err = await failure(check(() => jsonResponse({ detail: 'x' }, status)).outcome);
    expect(err).toMatchObject({ kind, status });
  });

  it('keeps the ray id of a Cloudflare 403', async () => {
    const err = await failure(check(() => textResponse('blocked', 403, { 'cf-ray': '7d1a2b3c4d5e6f70-AMS' })).outcome);
    expect(err.rayId).toBe('7d1a2b3c4d5e6f70-AMS');
  });

  it('schedules around a 429 with and without Retry-After', async () => {
    const withHeader = await failure(check(() => textResponse('', 429, { 'retry-after': '3600' })).outcome);
    expect(withHeader.retryAfterMs).toBe(TEST_NOW + 3_600_000);
    const without = await failure(check(() => textResponse('', 429)).outcome);
    expect(without.retryAfterMs).toBe(TEST_NOW + 60_000);
  });

  it('times out', async () => {
    const { fetch } = recordingFetch(hangingFetch);
    const err = await failure(checkXonAddress(testContext(fetch, { baseUrl: BASE, timeoutMs: 20 }), 'a@b.com'));
    expect(err.kind).toBe('timeout');
  });

  it('reports a network failure', async () => {
    const err = await failure(check(() => Promise.reject(new TypeError('Failed to fetch'))).outcome);
    expect(err.kind).toBe('network');
  });

  it('refuses truncated JSON', async () => {
    const text = JSON.stringify(analyticsSample.found_200).slice(0, 200);
    expect((await failure(check(() => textResponse(text)).outcome)).kind).toBe('malformed');
  });

  it('refuses an oversized answer', async () => {
    const { response } = hugeBodyResponse(20 * 1024 * 1024);
    expect((await failure(check(() => response).outcome)).kind).toBe('malformed');
  });

  it.each([
    ['a list', []],
    ['null', null],
    ['a string', 'success'],
    ['no ExposedBreaches key', { BreachesSummary: { site: '' } }],
    ['ExposedBreaches a list', { ExposedBreaches: [] }],
    ['no breaches_details', { ExposedBreaches: {} }],
    ['breaches_details not a list', { ExposedBreaches: { breaches_details: 'Adobe' } }],
    ['an entry without a name', { ExposedBreaches: { breaches_details: [{ domain: 'adobe.com' }] } }],
    ['an entry that is a string', { ExposedBreaches: { breaches_details: ['Adobe'] } }],
  ])('refuses a wrong shape (%s) as malformed', async (_name, body) => {
    expect((await failure(check(() => jsonResponse(body)).outcome)).kind).toBe('malformed');
  });
});

describe('mapXonAnalyticsBreach', () => {
  it('lower-cases the domain, splits xposed_data and reads "No" as unverified', () => {
    const breach = mapXonAnalyticsBreach({
      breach: 'Adobe',
      domain: 'Adobe.COM',
      xposed_data: 'Email addresses; Password hints;;Passwords ',
      xposed_records: '152445165',
      verified: 'No',
      xposed_date: '2013',
      added: 'not a date',
      logo: 'javascript:alert(1)',
    });
    expect(breach).toMatchObject({
      id: 'Adobe',
      domain: 'adobe.com',
      dataClasses: ['Email addresses', 'Password hints', 'Passwords'],
      pwnCount: 152445165,
      breachDate: '2013',
      addedDate: null,
      logoUrl: null,
      description: '',
    });
    expect(breach.flags.verified).toBe(false);
  });

  it('throws ProviderError, not TypeError, on junk', () => {
    for (const junk of [null, 3, 'Adobe', [], { breach: '' }, { breach: 7 }]) {
      expect(() => mapXonAnalyticsBreach(junk)).toThrow(ProviderError);
    }
  });

  it('drops a repeated breach', () => {
    const entry = analyticsSample.found_200.ExposedBreaches.breaches_details[0];
    const outcome = parseBreachAnalytics({ ExposedBreaches: { breaches_details: [entry, entry] } });
    expect(outcome.kind === 'breached' && outcome.breaches).toHaveLength(1);
  });

  it('reads an empty breaches_details as clean', () => {
    expect(parseBreachAnalytics({ ExposedBreaches: { breaches_details: [] } })).toEqual({ kind: 'clean' });
  });
});

describe('isXonNotFound', () => {
  it('accepts only the documented bodies', () => {
    expect(isXonNotFound({ detail: 'Not found' })).toBe(true);
    expect(isXonNotFound({ Error: 'Not found' })).toBe(true);
    expect(isXonNotFound({ detail: 'Invalid token' })).toBe(false);
    expect(isXonNotFound(undefined)).toBe(false);
    expect(isXonNotFound('Not found')).toBe(false);
  });
});

describe('XposedOrNot catalog', () => {
  const entries = catalogResponse.exposedBreaches;

  it('maps every one of the real entries without skipping any', () => {
    const { breaches, skipped } = readXonCatalog(catalogResponse);
    expect(entries.length).toBe(769);
    expect(skipped).toBe(0);
    expect(breaches).toHaveLength(769);
    for (const b of breaches) {
      expect(b.provider).toBe('xposedornot');
      expect(b.id).not.toBe('');
      expect(b.domain).toBe(b.domain.toLowerCase());
      expect(b.breachDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(b.addedDate).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.000Z$/);
      expect(b.pwnCount).not.toBeNull();
      expect(b.logoUrl === null || b.logoUrl.startsWith('https://')).toBe(true);
    }
  });

  it('maps one entry field by field', () => {
    expect(mapXonCatalogEntry(entries[0])).toEqual({
      id: 'HarvardUniversity',
      provider: 'xposedornot',
      title: 'HarvardUniversity',
      domain: 'harvard.edu',
      breachDate: '2025-11-01',
      addedDate: '2026-07-24T06:15:49.000Z',
      pwnCount: 850784,
      description: entries[0]?.exposureDescription,
      dataClasses: ['Email addresses', 'Names', 'Genders', 'Physical addresses', 'Phone numbers'],
      logoUrl: 'https://xposedornot.com/static/logos/Harvard.png',
      flags: { verified: true, fabricated: false, sensitive: false, retired: false, spamList: false, malware: false, stealerLog: false },
    });
  });

  it('lower-cases mixed-case domains and flags stealer logs', () => {
    const breaches = parseXonCatalog(catalogResponse);
    const mixed = entries.find((e) => e.domain === 'TLDR.Tech');
    expect(mixed).toBeDefined();
    expect(breaches.find((b) => b.id === mixed?.breachID)?.domain).toBe('tldr.tech');
    const stealer = entries.filter((e) => e.breachType === 'StealerLogs').map((e) => e.breachID);
    expect(stealer.length).toBeGreaterThan(0);
    expect(breaches.filter((b) => b.flags.stealerLog).map((b) => b.id)).toEqual(stealer);
    const sensitive = entries.filter((e) => e.sensitive).length;
    expect(breaches.filter((b) => b.flags.sensitive)).toHaveLength(sensitive);
  });

  it('skips and counts unreadable entries', () => {
    const json = { ...catalogResponse, exposedBreaches: [...entries.slice(0, 3), { breachID: '' }, 'junk', null, entries[0]] };
    const { breaches, skipped } = readXonCatalog(json);
    expect(breaches).toHaveLength(3);
    expect(skipped).toBe(4);
  });

  it('refuses a catalog with no readable entry or no list', () => {
    expect(() => parseXonCatalog({ exposedBreaches: [{}, { breachID: 4 }] })).toThrow(ProviderError);
    expect(() => parseXonCatalog({ status: 'Not Found' })).toThrow(ProviderError);
    expect(() => parseXonCatalog([])).toThrow(ProviderError);
    expect(parseXonCatalog({ exposedBreaches: [] })).toEqual([]);
  });
});
