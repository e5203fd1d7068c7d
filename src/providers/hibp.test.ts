import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import accountSample from '../../e2e/fixtures/data/hibp-breachedaccount-sample-v2-2018.json';
import catalogJson from '../../e2e/fixtures/data/hibp-breaches.json';
import type { Breach } from '../core/breach';
import { ProviderError, type ProviderErrorKind } from '../core/provider-error';
import { hangingFetch, hugeBodyResponse, jsonResponse, recordingFetch, testContext, textResponse, TEST_NOW, failure } from './fake-fetch';
import type { Responder } from './fake-fetch';
import {
  checkAddressByRange,
  getSubscriptionStatus,
  checkHibpAddress,
  mapHibpBreach,
  parseBreachedAccount,
  parseHibpCatalog,
  readHibpCatalog,
  supportsRangeSearch,
} from './hibp';

// The real host (the fetch is a fake): the key is attached for haveibeenpwned.com only.
const BASE = 'https://haveibeenpwned.com/api/v3';
const KEY = '0123456789abcdef0123456789abcdef';
/** A key whose plan has no range search: the address is looked up directly. */
const DIRECT = { rangeSearch: false, known: async () => [], syncCatalog: async () => undefined };

function context(respond: Responder, overrides: { apiKey?: string; timeoutMs?: number } = { apiKey: KEY }) {
  const { fetch, calls } = recordingFetch(respond);
  return { ctx: testContext(fetch, { baseUrl: BASE, ...overrides }), calls };
}

function check(respond: Responder, address = 'someone@example.com') {
  const { ctx, calls } = context(respond);
  return { outcome: checkHibpAddress(ctx, address, DIRECT), calls };
}

describe('checkHibpAddress', () => {
  it('asks breachedaccount for the full model, with the key header', async () => {
    const { outcome, calls } = check(() => textResponse('', 404), 'a+b@example.com');
    await outcome;
    expect(calls).toHaveLength(1);
    expect(calls[0]?.url).toBe(`${BASE}/breachedaccount/a%2Bb%40example.com?truncateResponse=false`);
    expect(calls[0]?.headers.get('hibp-api-key')).toBe(KEY);
    expect(calls[0]?.init?.method).toBe('GET');
  });

  it.each([undefined, '', '   '])('refuses to send a request without a key (%j)', async (apiKey) => {
    const { ctx, calls } = context(() => jsonResponse([]), apiKey === undefined ? {} : { apiKey });
    const err = await failure(checkHibpAddress(ctx, 'a@b.com', DIRECT));
    expect(err.kind).toBe('unauthorized');
    expect(calls).toHaveLength(0);
  });

  it.each([
    ['another host', 'https://evil.example/api/v3'],
    ['a look-alike host', 'https://haveibeenpwned.com.evil.example/api/v3'],
    ['plain http', 'http://haveibeenpwned.com/api/v3'],
  ])('never attaches the key to a request for %s', async (_what, baseUrl) => {
    const { fetch, calls } = recordingFetch(() => jsonResponse([]));
    const ctx = testContext(fetch, { baseUrl, apiKey: KEY });
    const refusals = [
      await failure(checkHibpAddress(ctx, 'a@b.com', DIRECT)),
      await failure(getSubscriptionStatus(ctx)),
      await failure(checkAddressByRange(ctx, 'a@b.com', 'a'.repeat(40), new Map())),
      await failure(supportsRangeSearch(ctx)),
    ];
    for (const err of refusals) {
      expect(err.kind).toBe('unauthorized');
      expect(err.message).toContain('sent only to haveibeenpwned.com');
    }
    expect(calls).toHaveLength(0);
  });

  it('a test build may name one more host for the key: the fixture server', async () => {
    const { fetch, calls } = recordingFetch(() => textResponse('', 404));
    const ctx = testContext(fetch, { baseUrl: 'http://127.0.0.1:8787/api/v3', apiKey: KEY, testKeyHost: '127.0.0.1' });
    await checkHibpAddress(ctx, 'a@b.com', DIRECT);
    expect(calls[0]?.headers.get('hibp-api-key')).toBe(KEY);
  });

  it('maps the real full-model answer, tolerating the fields added since 2018', async () => {
    const outcome = await check(() => jsonResponse(accountSample)).outcome;
    expect(outcome.kind).toBe('breached');
    if (outcome.kind !== 'breached') return;
    expect(outcome.breaches.map((b) => b.id)).toEqual(accountSample.map((b) => b.Name));
    const apollo = outcome.breaches[0];
    expect(apollo).toMatchObject({
      id: 'Apollo',
      provider: 'hibp',
      title: 'Apollo',
      domain: 'apollo.io',
      breachDate: '2018-07-23',
      addedDate: '2018-10-05T19:14:11.000Z',
      pwnCount: 125929660,
      logoUrl: 'https://haveibeenpwned.com/Content/Images/PwnedLogos/Apollo.png',
    });
    expect(apollo?.description).toContain('<a href=');
    expect(apollo?.dataClasses).toContain('Social media profiles');
    // IsMalware and IsStealerLog are absent in 2018 payloads: read as false.
    expect(apollo?.flags).toEqual({ verified: true, fabricated: false, sensitive: false, retired: false, spamList: false, malware: false, stealerLog: false });
  });

  it('reads 404 as clean', async () => {
    expect(await check(() => textResponse('', 404)).outcome).toEqual({ kind: 'clean' });
  });

  it('refuses a 404 HTML page, as from a wrong base URL', async () => {
    expect((await failure(check(() => textResponse('<!DOCTYPE html><title>Not found</title>', 404)).outcome)).kind).toBe('malformed');
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
    const err = await failure(check(() => jsonResponse({ statusCode: status, message: 'x' }, status)).outcome);
    expect(err).toMatchObject({ kind, status });
  });

  it('keeps the Cloudflare ray id of a 403', async () => {
    const err = await failure(check(() => textResponse('', 403, { 'cf-ray': '88aa77bb66cc55dd-SYD' })).outcome);
    expect(err.rayId).toBe('88aa77bb66cc55dd-SYD');
  });

  it('follows Retry-After on a 429, and waits a minute without one', async () => {
    const body = { statusCode: 429, message: 'Rate limit is exceeded. Try again in 2 seconds.' };
    const withHeader = await failure(check(() => jsonResponse(body, 429, { 'retry-after': '2' })).outcome);
    expect(withHeader.retryAfterMs).toBe(TEST_NOW + 2_000);
    const without = await failure(check(() => jsonResponse(body, 429)).outcome);
    expect(without.retryAfterMs).toBe(TEST_NOW + 60_000);
  });

  it('times out', async () => {
    const { ctx } = context(hangingFetch, { apiKey: KEY, timeoutMs: 20 });
    expect((await failure(checkHibpAddress(ctx, 'a@b.com', DIRECT))).kind).toBe('timeout');
  });

  it('reports a network failure', async () => {
    expect((await failure(check(() => Promise.reject(new TypeError('Failed to fetch'))).outcome)).kind).toBe('network');
  });

  it('refuses truncated JSON', async () => {
    const text = JSON.stringify(accountSample).slice(0, 1000);
    expect((await failure(check(() => textResponse(text)).outcome)).kind).toBe('malformed');
  });

  it('refuses an oversized answer', async () => {
    const { response } = hugeBodyResponse(20 * 1024 * 1024);
    expect((await failure(check(() => response).outcome)).kind).toBe('malformed');
  });

  it.each([
    ['an object', { Name: 'Adobe' }],
    ['null', null],
    ['an empty body', undefined],
    ['a list of names', ['Adobe']],
    ['an entry without Name', [{ Title: 'Adobe' }]],
    ['one bad entry among good ones', [...accountSample, { Name: 42 }]],
  ])('refuses a wrong shape (%s) as malformed', async (_name, body) => {
    const respond = () => (body === undefined ? textResponse('', 200) : jsonResponse(body));
    expect((await failure(check(respond).outcome)).kind).toBe('malformed');
  });
});

describe('mapHibpBreach', () => {
  it('defaults what is missing and drops what is unsafe', () => {
    expect(mapHibpBreach({ Name: 'Minimal' })).toEqual({
      id: 'Minimal',
      provider: 'hibp',
      title: 'Minimal',
      domain: '',
      breachDate: null,
      addedDate: null,
      pwnCount: null,
      description: '',
      dataClasses: [],
      logoUrl: null,
      flags: { verified: true, fabricated: false, sensitive: false, retired: false, spamList: false, malware: false, stealerLog: false },
    });
    const odd = mapHibpBreach({ Name: 'Odd', Domain: ' Example.COM ', LogoPath: 'data:image/png;base64,AAAA', PwnCount: -4, BreachDate: '2019-02-30', IsMalware: 'yes' });
    expect(odd).toMatchObject({ domain: 'example.com', logoUrl: null, pwnCount: null, breachDate: null });
    expect(odd.flags.malware).toBe(false);
  });

  it('throws ProviderError, never TypeError, on junk', () => {
    for (const junk of [undefined, null, 0, 'Adobe', [], {}, { Name: '' }, { Name: ['Adobe'] }]) {
      expect(() => mapHibpBreach(junk)).toThrow(ProviderError);
    }
  });

  it('reads an empty list as clean', () => {
    expect(parseBreachedAccount([])).toEqual({ kind: 'clean' });
  });
});

describe('HIBP catalog', () => {
  it('maps every one of the 875 real entries with a lower-case domain', () => {
    expect(catalogJson).toHaveLength(875);
    const { breaches, skipped } = readHibpCatalog(catalogJson);
    expect(skipped).toBe(0);
    expect(breaches).toHaveLength(875);
    for (const b of breaches) {
      expect(b.provider).toBe('hibp');
      expect(b.domain).toBe(b.domain.toLowerCase());
      expect(b.breachDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(b.addedDate).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.000Z$/);
      expect(b.pwnCount).toBeGreaterThan(0);
      expect(b.logoUrl).toMatch(/^https:\/\//);
    }
    expect(breaches.filter((b) => b.domain === '')).toHaveLength(46);
    expect(breaches.find((b) => b.id === 'OwnedCore')?.domain).toBe('ownedcore.com');
  });

  it('carries every flag through', () => {
    const breaches = parseHibpCatalog(catalogJson);
    const count = (pick: (b: Breach) => boolean) => breaches.filter(pick).length;
    expect(count((b) => b.flags.stealerLog)).toBe(catalogJson.filter((r) => r.IsStealerLog).length);
    expect(count((b) => b.flags.malware)).toBe(catalogJson.filter((r) => r.IsMalware).length);
    expect(count((b) => b.flags.spamList)).toBe(catalogJson.filter((r) => r.IsSpamList).length);
    expect(count((b) => b.flags.fabricated)).toBe(catalogJson.filter((r) => r.IsFabricated).length);
    expect(count((b) => b.flags.sensitive)).toBe(catalogJson.filter((r) => r.IsSensitive).length);
    expect(count((b) => !b.flags.verified)).toBe(catalogJson.filter((r) => !r.IsVerified).length);
    expect(count((b) => b.flags.retired)).toBe(catalogJson.filter((r) => r.IsRetired).length);
  });

  it('skips and counts unreadable entries instead of failing', () => {
    const { breaches, skipped } = readHibpCatalog([catalogJson[0], { Title: 'No name' }, 'junk', catalogJson[1], catalogJson[0]]);
    expect(breaches.map((b) => b.id)).toEqual([catalogJson[0]?.Name, catalogJson[1]?.Name]);
    expect(skipped).toBe(3);
  });

  it('refuses something that is not a catalog', () => {
    expect(() => parseHibpCatalog({ breaches: [] })).toThrow(ProviderError);
    expect(() => parseHibpCatalog([{}, { Name: null }])).toThrow(ProviderError);
    expect(parseHibpCatalog([])).toEqual([]);
  });
});

describe('getSubscriptionStatus', () => {
  const status = {
    SubscriptionName: 'Pwned 1',
    Description: 'Up to 10 email searches per minute',
    SubscribedUntil: '2025-06-01T00:00:00',
    Rpm: 10,
    DomainSearchMaxBreachedAccounts: 25,
  };

  it('reads plan, rate and end date', async () => {
    const { ctx, calls } = context(() => jsonResponse(status));
    expect(await getSubscriptionStatus(ctx)).toEqual({ plan: 'Pwned 1', rpm: 10, subscribedUntil: '2025-06-01T00:00:00' });
    expect(calls[0]?.url).toBe(`${BASE}/subscription/status`);
    expect(calls[0]?.headers.get('hibp-api-key')).toBe(KEY);
  });

  it('allows a subscription without an end date', async () => {
    const { ctx } = context(() => jsonResponse({ ...status, SubscribedUntil: null }));
    expect((await getSubscriptionStatus(ctx)).subscribedUntil).toBeNull();
  });

  it('needs a key and sends nothing without one', async () => {
    const { ctx, calls } = context(() => jsonResponse(status), {});
    expect((await failure(getSubscriptionStatus(ctx))).kind).toBe('unauthorized');
    expect(calls).toHaveLength(0);
  });

  it('maps a rejected key', async () => {
    const { ctx } = context(() => jsonResponse({ statusCode: 401 }, 401));
    expect((await failure(getSubscriptionStatus(ctx))).kind).toBe('unauthorized');
  });

  it.each([[[]], [{ SubscriptionName: 'Pwned 1' }], [{ ...status, Rpm: 0 }], [{ ...status, Rpm: 'ten' }], [{ ...status, SubscriptionName: '' }]])(
    'refuses a wrong shape %j',
    async (body) => {
      const { ctx } = context(() => jsonResponse(body));
      expect((await failure(getSubscriptionStatus(ctx))).kind).toBe('malformed');
    },
  );
});

describe('checkAddressByRange', () => {
  const address = 'test@example.com';
  const sha1 = createHash('sha1').update(address).digest('hex');
  const prefix = sha1.slice(0, 6).toUpperCase();
  const suffix = sha1.slice(6).toUpperCase();
  const catalog = new Map(parseHibpCatalog(catalogJson).map((b) => [b.id, b]));

  it('sends only the upper-case 6-digit prefix, never the address', async () => {
    const { ctx, calls } = context(() => jsonResponse([]));
    await checkAddressByRange(ctx, address, sha1, catalog);
    expect(calls[0]?.url).toBe(`${BASE}/breachedaccount/range/${prefix}`);
    expect(calls[0]?.url).not.toContain('example');
    expect(calls[0]?.headers.get('hibp-api-key')).toBe(KEY);
  });

  it('finds our suffix and resolves the names through the catalog', async () => {
    const body = [
      { HashSuffix: '0'.repeat(34), Websites: ['Adobe'] },
      { HashSuffix: suffix, Websites: ['000webhost', 'Adobe', 'SomethingNew'] },
    ];
    const { ctx } = context(() => jsonResponse(body));
    const outcome = await checkAddressByRange(ctx, address, sha1, catalog);
    expect(outcome.kind).toBe('breached');
    if (outcome.kind !== 'breached') return;
    expect(outcome.breaches.map((b) => b.id)).toEqual(['000webhost', 'Adobe', 'SomethingNew']);
    expect(outcome.breaches[0]).toBe(catalog.get('000webhost'));
    expect(outcome.breaches[2]).toMatchObject({ id: 'SomethingNew', title: 'SomethingNew', provider: 'hibp', domain: '', pwnCount: null });
  });

  it('matches a lower-case suffix and camelCase keys', async () => {
    const { ctx } = context(() => jsonResponse([{ hashSuffix: suffix.toLowerCase(), websites: ['Adobe'] }]));
    const outcome = await checkAddressByRange(ctx, address, sha1.toUpperCase(), catalog);
    expect(outcome.kind === 'breached' && outcome.breaches.map((b) => b.id)).toEqual(['Adobe']);
  });

  it('is clean when our suffix is not in the range, or on 404', async () => {
    const other = context(() => jsonResponse([{ HashSuffix: '1'.repeat(34), Websites: ['Adobe'] }]));
    expect(await checkAddressByRange(other.ctx, address, sha1, catalog)).toEqual({ kind: 'clean' });
    const notFound = context(() => textResponse('', 404));
    expect(await checkAddressByRange(notFound.ctx, address, sha1, catalog)).toEqual({ kind: 'clean' });
  });

  it('refuses a malformed range answer', async () => {
    const bad = context(() => jsonResponse([{ HashSuffix: suffix }]));
    expect((await failure(checkAddressByRange(bad.ctx, address, sha1, catalog))).kind).toBe('malformed');
    const notList = context(() => jsonResponse({ HashSuffix: suffix, Websites: [] }));
    expect((await failure(checkAddressByRange(notList.ctx, address, sha1, catalog))).kind).toBe('malformed');
  });

  it('needs a key and a real SHA-1', async () => {
    const noKey = context(() => jsonResponse([]), {});
    expect((await failure(checkAddressByRange(noKey.ctx, address, sha1, catalog))).kind).toBe('unauthorized');
    expect(noKey.calls).toHaveLength(0);
    const { ctx, calls } = context(() => jsonResponse([]));
    await expect(checkAddressByRange(ctx, address, 'abc', catalog)).rejects.toThrow(RangeError);
    await expect(checkAddressByRange(ctx, address, `${sha1.slice(1)}g`, catalog)).rejects.toThrow(RangeError);
    expect(calls).toHaveLength(0);
  });
});
