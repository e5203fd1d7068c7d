import { describe, expect, it } from 'vitest';
import type { ProviderErrorKind } from '../core/provider-error';
import { TEST_NOW, hangingFetch, recordingFetch, testContext, textResponse, failure } from './fake-fetch';
import { breachCountForSha1, fetchRange } from './pwned-passwords';

const PASSWORD_SHA1 = '5BAA61E4C9B93F3F0682250B6CF8331B7EE68FD8';
const BODY = [
  '1E2AAA439972480CEC7F16C795BBB429372:1',
  '1E4C9B93F3F0682250B6CF8331B7EE68FD8:10434004',
  '1E4C9B93F3F0682250B6CF8331B7EE68FD9:0',
  'FFF983A91443AE72BD98E59ADAB93B31974:2',
].join('\r\n');

describe('fetchRange', () => {
  it('GETs exactly /range/XXXXX (upper case) with Add-Padding, no cookies, no cache, no redirects', async () => {
    const { fetch, calls } = recordingFetch(() => textResponse(BODY));
    const text = await fetchRange(testContext(fetch, { baseUrl: 'https://pp.test' }), '5baa6');
    expect(text).toBe(BODY);
    expect(calls).toHaveLength(1);
    const [call] = calls;
    expect(call!.url).toBe('https://pp.test/range/5BAA6');
    expect(new URL(call!.url).pathname).toMatch(/^\/range\/[0-9A-F]{5}$/);
    expect(call!.headers.get('add-padding')).toBe('true');
    expect(call!.init).toMatchObject({ method: 'GET', credentials: 'omit', cache: 'no-store', redirect: 'manual' });
    expect(call!.init?.signal).toBeInstanceOf(AbortSignal);
    expect(call!.init?.body).toBeUndefined();
    expect(call!.headers.get('hibp-api-key')).toBeNull();
  });

  it('refuses to send anything but a 5-hex prefix', async () => {
    const { fetch, calls } = recordingFetch(() => textResponse(BODY));
    for (const bad of ['password', PASSWORD_SHA1, '5BAA', '5BAA61', '5BAG6', '../x', '']) {
      await expect(fetchRange(testContext(fetch), bad)).rejects.toThrow(/5 hexadecimal/);
    }
    expect(calls).toHaveLength(0);
  });

  const statuses: Array<[number, ProviderErrorKind]> = [
    [429, 'rate-limited'],
    [500, 'unavailable'],
    [502, 'unavailable'],
    [503, 'unavailable'],
    [400, 'bad-request'],
    [403, 'forbidden'],
    [404, 'malformed'],
  ];
  for (const [status, kind] of statuses) {
    it(`maps HTTP ${status} to ${kind}`, async () => {
      const { fetch } = recordingFetch(() => textResponse('nope', status, status === 429 ? { 'retry-after': '2' } : {}));
      const err = await failure(fetchRange(testContext(fetch), '5BAA6'));
      expect(err.kind).toBe(kind);
      expect(err.status).toBe(status);
      if (status === 429) expect(err.retryAfterMs).toBe(TEST_NOW + 2_000);
    });
  }

  it('maps a request that never answers to timeout', async () => {
    const err = await failure(fetchRange(testContext(hangingFetch, { timeoutMs: 20 }), '5BAA6'));
    expect(err.kind).toBe('timeout');
  });

  it('maps a refused connection to network', async () => {
    const fetch = () => Promise.reject(new TypeError('Failed to fetch'));
    const err = await failure(fetchRange(testContext(fetch), '5BAA6'));
    expect(err.kind).toBe('network');
  });

  it('refuses an oversized answer as malformed', async () => {
    const { fetch } = recordingFetch(() => textResponse('x', 200, { 'content-length': String(10 * 1024 * 1024) }));
    const err = await failure(fetchRange(testContext(fetch), '5BAA6'));
    expect(err.kind).toBe('malformed');
  });
});

describe('breachCountForSha1', () => {
  it('sends only the prefix and matches the suffix locally', async () => {
    const { fetch, calls } = recordingFetch(() => textResponse(BODY));
    expect(await breachCountForSha1(testContext(fetch), PASSWORD_SHA1.toLowerCase())).toBe(10_434_004);
    expect(calls.map((c) => c.url)).toEqual(['https://provider.test/range/5BAA6']);
    const sent = JSON.stringify(calls.map((c) => [c.url, [...c.headers]]));
    expect(sent).not.toContain(PASSWORD_SHA1.slice(5));
  });

  it('is 0 when the suffix is absent or only a padding line', async () => {
    const { fetch } = recordingFetch(() => textResponse(BODY));
    expect(await breachCountForSha1(testContext(fetch), '5BAA61E4C9B93F3F0682250B6CF8331B7EE68FD9')).toBe(0);
    expect(await breachCountForSha1(testContext(fetch), '5BAA6AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA')).toBe(0);
  });

  it('refuses something that is not a SHA-1 digest without any request', async () => {
    const { fetch, calls } = recordingFetch(() => textResponse(BODY));
    await expect(breachCountForSha1(testContext(fetch), 'password')).rejects.toThrow();
    expect(calls).toHaveLength(0);
  });
});
