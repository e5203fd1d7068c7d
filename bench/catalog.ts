/**
 * Catalog refresh (XposedOrNot, the default provider), in its own fresh profile. After the first
 * refresh that follows install has run, each refresh is triggered by firing the background's own
 * 'catalog' alarm now (chrome.alarms.create in the worker, same name and period).
 *
 * catalog_refresh_ms: from the moment the fixture server received the refresh's first catalog
 *   request to the moment the new catalogMark.xposedornot was written to storage.local (seen by a
 *   storage.onChanged listener in an extension page) — which the background does after storing
 *   the catalog. Median over the refreshes that found the catalog changed (a breach was added
 *   on the server before each), i.e. download + parse + one IndexedDB transaction.
 * catalog_unchanged_bytes / catalog_changed_bytes: bytes of the responses to the refresh's
 *   catalog requests: each request is replayed from Node with the same conditional headers
 *   (If-Modified-Since / If-None-Match) and its status line, headers (as "name: value\r\n") and
 *   body are counted. The fixture server does not compress, so these are uncompressed sizes.
 *   Median over the refreshes of each kind.
 */
import type { Page } from '@playwright/test';
import { providerSettings, makeBreach, type FixtureServer, type LoggedRequest } from '../e2e/server/fixture-server';
import { launchExtension, settleStartup } from './browser';
import { median, sleep } from './stats';

export interface CatalogResult {
  unchangedBytes: number;
  changedBytes: number;
  refreshMs: number;
  unchangedRefreshMs: number;
}

const CATALOG_PATHS = ['/v1/breaches', '/api/v3/breaches', '/api/v3/latestbreach'];
const isCatalogRequest = (r: LoggedRequest) => r.method === 'GET' && CATALOG_PATHS.includes(r.path);

async function responseBytes(server: FixtureServer, request: LoggedRequest): Promise<number> {
  const headers: Record<string, string> = {};
  for (const name of ['if-modified-since', 'if-none-match', 'hibp-api-key', 'user-agent']) {
    const value = request.headers[name];
    if (value !== undefined) headers[name] = value;
  }
  const response = await fetch(`${server.url}${request.url}`, { headers });
  const body = new Uint8Array(await response.arrayBuffer()).byteLength;
  let head = `HTTP/1.1 ${response.status} ${response.statusText}\r\n`.length + 2;
  response.headers.forEach((value, name) => {
    head += `${name}: ${value}\r\n`.length;
  });
  return head + body;
}

/** Records in the page the time of every catalogMark.* write to storage.local. */
async function watchMarks(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __benchMarks?: number[] };
    if (w.__benchMarks) return;
    w.__benchMarks = [];
    const storage = (globalThis as unknown as {
      chrome: { storage: { onChanged: { addListener(fn: (changes: Record<string, unknown>, area: string) => void): void } } };
    }).chrome.storage;
    storage.onChanged.addListener((changes, area) => {
      if (area === 'local' && Object.keys(changes).some((k) => k.startsWith('catalogMark.'))) w.__benchMarks!.push(Date.now());
    });
  });
}

const marksSeen = (page: Page) => page.evaluate(() => [...((window as unknown as { __benchMarks: number[] }).__benchMarks)]);

/** Null when the build has no catalog refresh (no 'catalog' alarm). */
export async function measureCatalog(dist: string, server: FixtureServer, repeats: number): Promise<CatalogResult | null> {
  server.reset();
  const b = await launchExtension(dist, {
    ...providerSettings(server.url),
  });
  try {
    const page = await b.driver();
    const settled = await settleStartup(b);
    if (settled.startsWith('gave up')) console.warn(`bench: ${settled}`);
    const worker = await b.worker();
    const hasAlarm = await worker.evaluate(async () => (await chrome.alarms.getAll()).some((a) => a.name === 'catalog'));
    if (!hasAlarm) return null;
    await watchMarks(page);

    const samples: Record<'changed' | 'unchanged', { bytes: number; ms: number }[]> = { changed: [], unchanged: [] };
    const kinds: Array<'changed' | 'unchanged'> = [];
    for (let i = 0; i < repeats; i++) kinds.push('unchanged', 'changed');
    for (const [i, kind] of kinds.entries()) {
      if (kind === 'changed') server.addBreach(makeBreach({ Name: `BenchFresh${i}`, Domain: `benchfresh${i}.example` }));
      const from = server.requests.length;
      const before = (await marksSeen(page)).length;
      await (await b.worker()).evaluate(() => chrome.alarms.create('catalog', { when: Date.now(), periodInMinutes: 24 * 60 }));
      const deadline = Date.now() + 30_000;
      let marks = await marksSeen(page);
      while (marks.length <= before) {
        if (Date.now() > deadline) throw new Error(`catalog refresh ${i} (${kind}) did not finish in 30 s`);
        await sleep(20);
        marks = await marksSeen(page);
      }
      const requests = server.requests.slice(from).filter(isCatalogRequest);
      if (requests.length === 0) throw new Error(`catalog refresh ${i} made no catalog request`);
      const statuses = requests.map((r) => r.status);
      const sawChange = statuses.includes(200);
      if (sawChange !== (kind === 'changed')) throw new Error(`catalog refresh ${i}: expected ${kind}, server answered ${statuses.join(', ')}`);
      let bytes = 0;
      for (const r of requests) bytes += await responseBytes(server, r);
      samples[kind].push({ bytes, ms: marks[before]! - requests[0]!.time });
      await sleep(500);
    }
    return {
      unchangedBytes: median(samples.unchanged.map((s) => s.bytes)),
      changedBytes: median(samples.changed.map((s) => s.bytes)),
      refreshMs: median(samples.changed.map((s) => s.ms)),
      unchangedRefreshMs: median(samples.unchanged.map((s) => s.ms)),
    };
  } finally {
    await b.close();
  }
}
