import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { makeBreach, startFixtureServer, xonLimits, type FixtureServer } from './fixture-server';

const KEY = { 'hibp-api-key': 'test-key' };
let server: FixtureServer;

beforeAll(async () => {
  server = await startFixtureServer();
});
afterAll(() => server.close());
beforeEach(() => server.reset());

function get(path: string, headers: Record<string, string> = {}, init: RequestInit = {}): Promise<Response> {
  return fetch(`${server.url}${path}`, { headers, ...init });
}

/** fetch always sends a user agent; node:http sends none unless asked, which is what the 403 test needs. */
function rawGet(path: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${server.url}${path}`, { headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
/** Sleep into the start of a fresh fixed window, so a burst of requests lands in one window. */
const toWindowStart = (windowMs: number): Promise<void> => sleep(windowMs - (Date.now() % windowMs) + 5);
const sha1 = (text: string): string => createHash('sha1').update(text).digest('hex').toUpperCase();
const sample = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL(`../fixtures/data/${name}`, import.meta.url), 'utf8')) as Record<string, unknown>;

describe('HIBP breachedaccount', () => {
  beforeEach(() => server.setAccounts({ 'victim@example.com': ['Adobe', 'LinkedIn', '126'] }));

  it('answers truncated names by default, matching the address case-insensitively', async () => {
    const res = await get('/api/v3/breachedaccount/Victim%40Example.COM', KEY);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual([{ Name: 'Adobe' }, { Name: 'LinkedIn' }, { Name: '126' }]);
  });

  it('answers full catalog objects with truncateResponse=false', async () => {
    const body = (await (await get('/api/v3/breachedaccount/victim@example.com?truncateResponse=false', KEY)).json()) as Array<
      Record<string, unknown>
    >;
    expect(body.map((b) => b.Name)).toEqual(['Adobe', 'LinkedIn', '126']);
    expect(body[0]).toMatchObject({ Domain: 'adobe.com', IsVerified: true, PwnCount: 152445165 });
    expect(body[0]).toEqual(server.catalog.find((b) => b.Name === 'Adobe'));
  });

  it('filters unverified breaches and by domain', async () => {
    const verified = await (await get('/api/v3/breachedaccount/victim@example.com?includeUnverified=false', KEY)).json();
    expect(verified).toEqual([{ Name: 'Adobe' }, { Name: 'LinkedIn' }]);
    const byDomain = await (await get('/api/v3/breachedaccount/victim@example.com?domain=adobe.com', KEY)).json();
    expect(byDomain).toEqual([{ Name: 'Adobe' }]);
  });

  it('answers a bodiless 404 for a clean address and 400 for a non-address', async () => {
    const clean = await get('/api/v3/breachedaccount/nobody@example.com', KEY);
    expect(clean.status).toBe(404);
    expect(await clean.text()).toBe('');
    expect((await get('/api/v3/breachedaccount/not-an-email', KEY)).status).toBe(400);
  });

  it('refuses a missing or wrong key with 401 and HIBP body', async () => {
    const missing = await get('/api/v3/breachedaccount/victim@example.com');
    expect(missing.status).toBe(401);
    expect(await missing.json()).toEqual({ statusCode: 401, message: 'Access denied due to missing hibp-api-key.' });
    const wrong = await get('/api/v3/breachedaccount/victim@example.com', { 'hibp-api-key': 'nope' });
    expect(wrong.status).toBe(401);
    expect(((await wrong.json()) as { message: string }).message).toContain('invalid');
  });

  it('refuses a request without a user agent with 403, unless that check is off', async () => {
    expect((await rawGet('/api/v3/breachedaccount/victim@example.com', KEY)).status).toBe(403);
    expect((await rawGet('/api/v3/breachedaccount/victim@example.com', { ...KEY, 'user-agent': 'WasIExposed/0.1' })).status).toBe(200);
    server.userAgentRequired = false;
    expect((await rawGet('/api/v3/breachedaccount/victim@example.com', KEY)).status).toBe(200);
  });

  it('includes breaches linked before they exist once addBreach adds them', async () => {
    server.addAccountBreach('victim@example.com', 'BrandNew');
    expect(await (await get('/api/v3/breachedaccount/victim@example.com', KEY)).json()).toHaveLength(3);
    server.addBreach(makeBreach({ Name: 'BrandNew' }));
    expect(await (await get('/api/v3/breachedaccount/victim@example.com', KEY)).json()).toContainEqual({ Name: 'BrandNew' });
  });
});

describe('HIBP other endpoints', () => {
  it('answers the k-anonymity range search by SHA-1 prefix of the lower-cased address', async () => {
    server.setAccounts({ 'Victim@Example.com': ['Adobe'], 'clean@example.com': [] });
    const hash = sha1('victim@example.com');
    // Only plans that include it may search by range.
    expect((await get(`/api/v3/breachedaccount/range/${hash.slice(0, 6)}`, KEY)).status).toBe(403);
    server.setApiKeys({ 'test-key': { plan: 'Pwned 5', rpm: 1000, rangeSearch: true } });
    const res = await get(`/api/v3/breachedaccount/range/${hash.slice(0, 6).toLowerCase()}`, KEY);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual([{ hashSuffix: hash.slice(6), websites: ['Adobe'] }]);
    expect((await get('/api/v3/breachedaccount/range/XYZ123', KEY)).status).toBe(400);
    expect((await get(`/api/v3/breachedaccount/range/${hash.slice(0, 6)}`)).status).toBe(401);
  });

  it('serves the catalog with an ETag and Last-Modified that change when a breach is added', async () => {
    const first = await get('/api/v3/breaches');
    expect(first.status).toBe(200);
    expect(((await first.json()) as unknown[]).length).toBe(875);
    const etag = first.headers.get('etag') ?? '';
    const lastModified = first.headers.get('last-modified') ?? '';
    expect(etag).not.toBe('');

    const same = await get('/api/v3/breaches', { 'if-none-match': etag });
    expect(same.status).toBe(304);
    expect(await same.text()).toBe('');
    expect((await get('/api/v3/breaches', { 'if-modified-since': lastModified })).status).toBe(304);

    server.addBreach(makeBreach({ Name: 'FreshLeak', AddedDate: '2099-01-01T00:00:00Z' }));
    const changed = await get('/api/v3/breaches', { 'if-none-match': etag });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
    expect((await get('/api/v3/breaches', { 'if-modified-since': lastModified })).status).toBe(200);
    expect(((await (await get('/api/v3/latestbreach')).json()) as { Name: string }).Name).toBe('FreshLeak');
  });

  it('filters the catalog by domain and finds one breach by name', async () => {
    expect(await (await get('/api/v3/breaches?domain=adobe.com')).json()).toHaveLength(1);
    expect(((await (await get('/api/v3/breach/adobe')).json()) as { Name: string }).Name).toBe('Adobe');
    expect((await get('/api/v3/breach/NoSuchBreach')).status).toBe(404);
  });

  it('answers latestbreach, dataclasses and subscription status', async () => {
    expect(((await (await get('/api/v3/latestbreach')).json()) as { Name: string }).Name).toBe('ColorDating');
    const classes = (await (await get('/api/v3/dataclasses')).json()) as string[];
    expect(classes).toContain('Passwords');
    expect(new Set(classes).size).toBe(classes.length);
    server.setApiKeys({ big: { plan: 'Pwned 3', rpm: 100 } });
    expect((await get('/api/v3/subscription/status', KEY)).status).toBe(401);
    expect(await (await get('/api/v3/subscription/status', { 'hibp-api-key': 'big' })).json()).toMatchObject({
      SubscriptionName: 'Pwned 3',
      Rpm: 100,
      SubscribedUntil: '2027-01-01T00:00:00',
    });
  });

  it('answers 404 for unknown paths', async () => {
    expect((await get('/api/v3/nothing-here')).status).toBe(404);
    expect((await get('/elsewhere')).status).toBe(404);
  });
});

describe('rate limiting', () => {
  it('answers 429 with retry-after past the limit, per HIBP key, and resets with the window', async () => {
    server.setApiKeys({ 'test-key': { plan: 'Pwned 1', rpm: 10 }, other: { plan: 'Pwned 1', rpm: 10 } });
    server.setRateLimit({ provider: 'hibp', limit: 2, windowMs: 300 });
    await toWindowStart(300);
    const path = '/api/v3/breachedaccount/a@example.com';
    expect((await get(path, KEY)).status).toBe(404);
    expect((await get(path, KEY)).status).toBe(404);
    const limited = await get(path, KEY);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('1');
    expect(await limited.json()).toEqual({ statusCode: 429, message: 'Rate limit is exceeded. Try again in 1 seconds.' });
    expect((await get(path, { 'hibp-api-key': 'other' })).status).toBe(404);
    expect(server.requests.at(-2)?.status).toBe(429);

    await toWindowStart(300);
    expect((await get(path, KEY)).status).toBe(404);
  });

  it('computes retry-after as whole seconds to the end of the aligned window', async () => {
    let now = 60_000 * 1000 + 15_500;
    const clocked = await startFixtureServer({ now: () => now });
    try {
      clocked.setRateLimit({ provider: 'hibp', limit: 1, windowMs: 60_000 });
      const call = (): Promise<Response> => fetch(`${clocked.url}/api/v3/breachedaccount/a@example.com`, { headers: KEY });
      expect((await call()).status).toBe(404);
      expect((await call()).headers.get('retry-after')).toBe('45');
      now += 44_000;
      expect((await call()).headers.get('retry-after')).toBe('1');
      now += 500;
      expect((await call()).status).toBe(404);
    } finally {
      await clocked.close();
    }
  });

  it('applies the XposedOrNot preset rules together', async () => {
    let now = 1_000_000_000_000;
    const clocked = await startFixtureServer({ now: () => now });
    try {
      clocked.setRateLimits(xonLimits());
      const call = (): Promise<Response> => fetch(`${clocked.url}/v1/check-email/a@example.com`);
      expect((await call()).status).toBe(404);
      expect((await call()).status).toBe(404);
      const limited = await call();
      expect(limited.status).toBe(429);
      expect(limited.headers.get('retry-after')).toBe('1');
      expect(await limited.json()).toEqual({ Error: 'Rate limit exceeded' });
      // 25 per hour: two per second for 12 more seconds spends the hour (refusals do not count).
      for (let i = 0; i < 12; i += 1) {
        now += 1000;
        await call();
        await call();
      }
      now += 1000;
      const hourly = await call();
      expect(hourly.status).toBe(429);
      expect(Number(hourly.headers.get('retry-after'))).toBeGreaterThan(1);
      // The catalog is counted apart from the lookups, as XposedOrNot counts per endpoint.
      expect((await fetch(`${clocked.url}/v1/breaches`)).status).toBe(200);
    } finally {
      await clocked.close();
    }
  });
});

describe('faults', () => {
  it('overrides the status a limited number of times', async () => {
    server.injectFault({ match: { provider: 'xposedornot' }, status: 503, times: 1 });
    expect((await get('/api/v3/breaches?domain=adobe.com')).status).toBe(200);
    expect((await get('/v1/check-email/a@example.com')).status).toBe(503);
    expect((await get('/v1/check-email/a@example.com')).status).toBe(404);
  });

  it('sends a raw retry-after value, however absurd', async () => {
    server.injectFault({ match: { pathIncludes: 'a@example.com' }, status: 429, retryAfter: 'soon-ish' });
    const res = await get('/api/v3/breachedaccount/a%40example.com', KEY);
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('soon-ish');
  });

  it('delays the normal answer', async () => {
    server.injectFault({ match: { provider: 'pwnedpasswords' }, delayMs: 150 });
    const started = Date.now();
    const res = await get('/range/5BAA6');
    expect(res.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('hangs until the client gives up', async () => {
    server.injectFault({ match: { provider: 'hibp' }, hang: true, times: 1 });
    await expect(get('/api/v3/latestbreach', {}, { signal: AbortSignal.timeout(200) })).rejects.toThrow();
    expect(server.requests.at(-1)).toMatchObject({ path: '/api/v3/latestbreach', status: 0 });
    expect((await get('/api/v3/latestbreach')).status).toBe(200);
  });

  it('lets close() finish while a request hangs', async () => {
    const own = await startFixtureServer();
    own.injectFault({ hang: true });
    const pending = fetch(`${own.url}/v1/breaches`).then(
      () => 'answered',
      () => 'failed',
    );
    while (own.requests.length === 0) await sleep(5);
    await own.close();
    expect(await pending).toBe('failed');
  });

  it('sends a malformed body', async () => {
    server.setAccounts({ 'a@example.com': ['Adobe'] });
    server.injectFault({ match: { provider: 'hibp', pathIncludes: 'breachedaccount' }, body: '[{"Name":"Ado' });
    const res = await get('/api/v3/breachedaccount/a@example.com', KEY);
    expect(res.status).toBe(200);
    await expect(res.json()).rejects.toThrow();
  });

  it('streams a body of a given size, with or without Content-Length', async () => {
    server.injectFault({ match: { provider: 'hibp' }, bodyBytes: 3 * 64 * 1024 + 5, times: 1 });
    const chunked = await get('/api/v3/latestbreach');
    expect(chunked.headers.get('content-length')).toBeNull();
    expect((await chunked.arrayBuffer()).byteLength).toBe(3 * 64 * 1024 + 5);
    server.injectFault({ match: { provider: 'hibp' }, bodyBytes: 1000, declareLength: true, times: 1 });
    const declared = await get('/api/v3/latestbreach');
    expect(declared.headers.get('content-length')).toBe('1000');
    expect((await declared.text()).trim()).toBe('');
    expect(server.requests.map((r) => r.bytesSent)).toEqual([3 * 64 * 1024 + 5, 1000]);
  });

  it('stops streaming a huge body when the client hangs up', async () => {
    const total = 200 * 1024 * 1024;
    server.injectFault({ match: { provider: 'hibp' }, bodyBytes: total, times: 1 });
    const res = await get('/api/v3/latestbreach');
    const reader = res.body!.getReader();
    await reader.read();
    await reader.cancel();
    await sleep(100);
    const [entry] = server.requests;
    expect(entry!.bytesSent).toBeGreaterThan(0);
    expect(entry!.bytesSent).toBeLessThan(total / 4);
  });

  it('adds headers, e.g. a Cloudflare ray id on a 403, and clears', async () => {
    server.injectFault({ status: 403, headers: { 'CF-Ray': '8abc123-LHR' } });
    const res = await get('/v1/breaches');
    expect(res.status).toBe(403);
    expect(res.headers.get('cf-ray')).toBe('8abc123-LHR');
    expect(res.headers.get('access-control-expose-headers')).toContain('cf-ray');
    server.clearFaults();
    expect((await get('/v1/breaches')).status).toBe(200);
  });
});

describe('XposedOrNot', () => {
  beforeEach(() => server.setAccounts({ 'victim@example.com': ['Adobe', 'LinkedIn'], 'clean@example.com': [] }));

  it('reports a breach only its own catalog holds; HIBP does not', async () => {
    // HarvardUniversity is in XposedOrNot's recorded catalog and not in HIBP's.
    server.setAccounts({ 'student@example.com': ['Adobe', 'HarvardUniversity'] });
    const xon = (await (await get('/v1/breach-analytics?email=student@example.com')).json()) as { ExposedBreaches: { breaches_details: Array<{ breach: string; domain: string; xposed_date: string }> } };
    expect(xon.ExposedBreaches.breaches_details.map((b) => [b.breach, b.domain, b.xposed_date])).toEqual([['Adobe', 'adobe.com', '2013'], ['HarvardUniversity', 'harvard.edu', '2025']]);
    const hibp = (await (await get('/api/v3/breachedaccount/student@example.com?truncateResponse=false', KEY)).json()) as Array<{ Name: string }>;
    expect(hibp.map((b) => b.Name)).toEqual(['Adobe']);
  });

  it('check-email answers the doubly nested list, or 404', async () => {
    expect(await (await get('/v1/check-email/victim@example.com')).json()).toEqual({
      breaches: [['Adobe', 'LinkedIn']],
      email: 'victim@example.com',
      status: 'success',
    });
    const clean = await get('/v1/check-email/clean@example.com');
    expect(clean.status).toBe(404);
    expect(await clean.json()).toEqual({ Error: 'Not found' });
  });

  it('breach-analytics has the real shape for an exposed address', async () => {
    const body = (await (await get('/v1/breach-analytics?email=victim@example.com')).json()) as {
      BreachesSummary: { site: string };
      ExposedBreaches: { breaches_details: Array<Record<string, unknown>> };
      BreachMetrics: Record<string, unknown>;
      PastesSummary: unknown;
    };
    const real = (sample('xon-breach-analytics-sample.json').found_200 as typeof body).ExposedBreaches.breaches_details[0] ?? {};
    const adobe = body.ExposedBreaches.breaches_details[0] ?? {};
    expect(Object.keys(adobe).sort()).toEqual(Object.keys(real).sort());
    for (const key of Object.keys(real)) expect(typeof adobe[key]).toBe(typeof real[key]);
    expect(adobe).toMatchObject({
      breach: 'Adobe',
      domain: 'adobe.com',
      industry: 'Miscellaneous',
      password_risk: 'plaintext',
      verified: 'Yes',
      xposed_date: '2013',
      xposed_records: 152445165,
      xposed_data: 'Email addresses;Password hints;Passwords;Usernames',
    });
    expect(adobe.details).not.toMatch(/<a /);
    expect(body.BreachesSummary.site).toBe('Adobe;LinkedIn');
    expect(Object.keys(body.BreachMetrics)).toEqual(expect.arrayContaining(['risk', 'industry', 'passwords_strength', 'yearwise_details']));
    expect(body.PastesSummary).toEqual({ cnt: 0, domain: '', tmpstmp: '' });
  });

  it('breach-analytics answers the clean shape, and 404 without an email', async () => {
    const clean = await (await get('/v1/breach-analytics?email=clean@example.com')).json();
    expect(clean).toEqual(sample('xon-breach-analytics-sample.json').clean_200);
    const missing = await get('/v1/breach-analytics');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ detail: 'Not found' });
  });

  it('serves its catalog with a domain filter and If-Modified-Since', async () => {
    const res = await get('/v1/breaches');
    const body = (await res.json()) as { exposedBreaches: unknown[] };
    expect(body.exposedBreaches).toHaveLength(769);
    const lastModified = res.headers.get('last-modified') ?? '';
    expect((await get('/v1/breaches', { 'if-modified-since': lastModified })).status).toBe(304);
    const adobe = (await (await get('/v1/breaches?domain=adobe.com')).json()) as { exposedBreaches: Array<{ breachID: string }> };
    expect(adobe.exposedBreaches.map((b) => b.breachID)).toEqual(['Adobe']);
    server.addBreach(makeBreach({ Name: 'FreshLeak' }));
    expect((await get('/v1/breaches', { 'if-modified-since': lastModified })).status).toBe(200);
  });
});

describe('Pwned Passwords', () => {
  const lines = async (res: Response): Promise<string[]> => (await res.text()).split('\r\n');

  it('answers SUFFIX:COUNT lines with CRLF, including configured passwords', async () => {
    const res = await get('/range/5baa6');
    expect(res.headers.get('content-type')).toContain('text/plain');
    const body = await lines(res);
    expect(body).toContain(`${sha1('password').slice(5)}:10434004`);
    for (const line of body) expect(line).toMatch(/^[0-9A-F]{35}:[1-9]\d*$/);
    expect(body.length).toBeLessThan(800);
    expect((await get('/range/5BAA')).status).toBe(400);

    server.setPasswords({ hunter2: 17 });
    const hunter = sha1('hunter2');
    expect(await lines(await get(`/range/${hunter.slice(0, 5)}`))).toContain(`${hunter.slice(5)}:17`);
    expect(await lines(await get('/range/5BAA6'))).not.toContain(`${sha1('password').slice(5)}:10434004`);
  });

  it('pads to at least 800 lines with count-0 entries when asked', async () => {
    const body = await lines(await get('/range/5BAA6', { 'add-padding': 'true' }));
    expect(body.length).toBeGreaterThanOrEqual(800);
    const zeros = body.filter((l) => l.endsWith(':0'));
    expect(zeros.length).toBeGreaterThan(700);
    for (const line of body) expect(line).toMatch(/^[0-9A-F]{35}:\d+$/);
    expect(body).toContain(`${sha1('password').slice(5)}:10434004`);
  });
});

describe('plumbing', () => {
  it('logs every request with what was answered, and clears the log', async () => {
    server.setAccounts({ 'a@example.com': ['Adobe'] });
    await get('/api/v3/breachedaccount/a%40example.com?truncateResponse=false', { ...KEY, 'X-Extra': 'yes' });
    expect(server.requests).toHaveLength(1);
    const [entry] = server.requests;
    expect(entry).toMatchObject({
      method: 'GET',
      path: '/api/v3/breachedaccount/a%40example.com',
      query: { truncateResponse: 'false' },
      url: '/api/v3/breachedaccount/a%40example.com?truncateResponse=false',
      status: 200,
    });
    expect(entry?.headers['hibp-api-key']).toBe('test-key');
    expect(entry?.headers['x-extra']).toBe('yes');
    expect(Math.abs((entry?.time ?? 0) - Date.now())).toBeLessThan(5000);
    server.clearLog();
    expect(server.requests).toEqual([]);
  });

  it('answers CORS preflight permissively', async () => {
    const res = await get('/api/v3/breachedaccount/a@example.com', {
      origin: 'chrome-extension://abc',
      'access-control-request-method': 'GET',
      'access-control-request-headers': 'hibp-api-key',
    }, { method: 'OPTIONS' });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-headers')).toContain('hibp-api-key');
    expect(res.headers.get('access-control-allow-headers')).toContain('add-padding');
    expect(server.requests.at(-1)?.status).toBe(204);
  });
});
