/**
 * Check throughput under a rate limit: N addresses checked against the local fixture server while
 * it enforces L requests per W ms, with the extension pacing itself (nothing in the bench paces).
 * Two shapes of limit, both with Have I Been Pwned and a key:
 *
 * - plan (the budgeted figure): the key's plan allows L per minute, as HIBP counts, and the
 *   extension paces from the plan (hibpRequestsPerMinute = L, as after "Test key"). This is the
 *   limit a person watching many addresses meets.
 * - per second: a 120-per-minute plan plus the extension's own extra limit of L per W seconds
 *   (`extraRateLimit` / `extraRateWindowSeconds`), the shape of XposedOrNot's 2-per-second rule.
 *   XposedOrNot itself is not used: its built-in 25-per-hour cap would stop a 30+ address run.
 *
 * ideal  = (ceil(N / L) − 1) × W: the shortest first-to-last span any client can achieve while never
 *          having more than L requests in any W-long window (sliding, which is what the extension
 *          promises; the server counts fixed windows, which a sliding-paced client never exceeds).
 * actual = time of the last breach lookup the server logged − time of the first.
 * ratio  = ideal / actual (1 = as fast as the limit allows). The pacer widens each window by a
 *          skew margin (min(200 ms, W/20), src/core/pacing.ts): 0.3 % of a minute, but 5 % of a
 *          second — so a per-second limit can never reach 0.95, by design, to keep 429s away.
 * count429 = responses with status 429 the server sent during the run (budget 0).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpus } from 'node:os';
import { providerSettings, xonLimits, type FixtureServer, type LoggedRequest } from '../e2e/server/fixture-server';
import { launchExtension, request, settleStartup, type ExtensionBrowser } from './browser';
import { readStore } from '../e2e/support/read-store';
import { sleep } from './stats';

export interface ThroughputOptions {
  addresses: number;
  limit: number;
  windowMs: number;
  /** The limit is the key's per-minute plan (windowMs must be a minute), not an extra rule. */
  plan?: boolean;
  /**
   * XposedOrNot itself, with the limits it states (2/s, 25/h, 100/day) enforced by the server and
   * the extension pacing from its own rules alone; `limit`/`windowMs` then only set the "ideal".
   */
  xposedornot?: boolean;
}

export interface ThroughputResult {
  addresses: number;
  idealMs: number;
  actualMs: number;
  ratio: number;
  count429: number;
  answered: number;
  lookups: number;
  /** Claimed (recorded in the `requests` store) → logged by the server, per lookup: what the pacer's skew margin must cover. */
  claimToArrivalMs: number[];
}

const isLookup = (r: LoggedRequest) =>
  r.method === 'GET' && (r.path.startsWith('/api/v3/breachedaccount/') || r.path === '/v1/breach-analytics');

export function idealSpanMs(n: number, limit: number, windowMs: number): number {
  return (Math.ceil(n / limit) - 1) * windowMs;
}

export async function measureThroughput(dist: string, server: FixtureServer, opts: ThroughputOptions): Promise<ThroughputResult> {
  server.reset();
  const emails = Array.from({ length: opts.addresses }, (_, i) => `pace${String(i + 1).padStart(2, '0')}@example.com`);
  // A few addresses with breaches, so results are written as well as checked.
  const names = server.catalog.slice(0, 3).map((b) => b.Name);
  server.setAccounts(Object.fromEntries(emails.filter((_, i) => i % 5 === 0).map((e) => [e, names])));
  if (opts.plan && opts.windowMs !== 60_000) throw new Error('a plan limit is counted per minute');
  if (opts.xposedornot && opts.addresses > 25) throw new Error('XposedOrNot allows 25 lookups an hour');
  const rpm = opts.plan ? opts.limit : 120;
  server.setApiKeys({ 'test-key': { plan: 'bench', rpm } });
  server.setRateLimits(
    opts.xposedornot
      ? xonLimits()
      : [
          { provider: 'hibp', limit: opts.limit, windowMs: opts.windowMs },
          { provider: 'hibp', limit: rpm, windowMs: 60_000 },
        ],
  );

  const b: ExtensionBrowser = await launchExtension(
    dist,
    opts.xposedornot
      ? { ...providerSettings(server.url), providers: ['xposedornot'] }
      : {
          ...providerSettings(server.url),
          providers: ['hibp'],
          hibpApiKey: 'test-key',
          hibpRequestsPerMinute: rpm,
          extraRateLimit: opts.plan ? 0 : opts.limit,
          extraRateWindowSeconds: Math.max(1, Math.round(opts.windowMs / 1000)),
        },
  );
  try {
    const page = await b.driver();
    const settled = await settleStartup(b);
    if (settled.startsWith('gave up')) console.warn(`bench: ${settled}`);
    for (const email of emails) await request(page, 'address/add', { email });
    server.clearLog();
    await request(page, 'check/start', {});
    const idealMs = idealSpanMs(opts.addresses, opts.limit, opts.windowMs);
    const timeoutMs = idealMs * 2 + 30_000;
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const runs = await readStore<{ finishedAt: number | null }>(page, 'runs');
      if (runs.length > 0 && runs.every((r) => r.finishedAt !== null)) break;
      if (Date.now() > deadline) throw new Error(`check run did not finish within ${timeoutMs} ms`);
      await sleep(250);
    }
    const lookups = server.requests.filter(isLookup);
    const times = lookups.map((r) => r.time);
    const actualMs = Math.max(...times) - Math.min(...times);
    const answered = lookups.filter((r) => r.status === 200 || r.status === 404).length;
    const count429 = server.requests.filter((r) => r.status === 429).length;
    // The newest claims pair with the newest lookups; the store forgets claims older than the
    // longest window, so a long run is paired over its last stretch only.
    const claims = (await readStore<{ at: number }>(page, 'requests')).map((r) => r.at).sort((a, b) => a - b);
    const arrivals = [...times].sort((a, b) => a - b);
    const paired = Math.min(claims.length, arrivals.length);
    const claimToArrivalMs = arrivals.slice(-paired).map((t, i) => t - claims[claims.length - paired + i]!);
    return {
      addresses: opts.addresses,
      idealMs,
      actualMs,
      ratio: actualMs > 0 ? idealMs / actualMs : Number.NaN,
      count429,
      answered,
      lookups: lookups.length,
      claimToArrivalMs,
    };
  } finally {
    await b.close();
  }
}

/**
 * Runs `work` while every core is kept busy by a child process spinning in a loop, as on a loaded
 * machine (the 429s of issue #14 were seen at a load average of 8-10). Each child stops by itself
 * after `maxMs` at the latest, and is killed when `work` settles.
 */
export async function withBusyCores<T>(maxMs: number, work: () => Promise<T>): Promise<T> {
  const spin = `const end = Date.now() + ${Math.round(maxMs)}; let x = 0; while (Date.now() < end) x = (x * 31 + 7) % 1000003;`;
  const children: ChildProcess[] = cpus().map(() => spawn(process.execPath, ['-e', spin], { stdio: 'ignore' }));
  try {
    return await work();
  } finally {
    for (const child of children) child.kill();
  }
}
