/**
 * Benchmarks the "alerts while browsing" domain index against a naive scan of the catalog.
 * Deterministic input (seeded PRNG); run with `npx tsx scripts/bench-lookup.ts`.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildDomainIndex, lookupHost, naiveLookup } from '../src/core/domain-index';
import { mulberry32 } from '../src/core/mulberry32.testkit';
import { parseHibpCatalog } from '../src/providers/hibp';

export interface LookupBenchOptions {
  /** Hostnames per pass for the index (default 100,000). */
  hostnames?: number;
  /** Timed passes for the index; the median is reported (default 15). */
  passes?: number;
  /** Hostnames per pass for the naive scan (default 2,000). */
  naiveHostnames?: number;
  /** Timed passes for the naive scan (default 5). */
  naivePasses?: number;
  /** Timed catalog parse + build repetitions; the median is reported (default 9). */
  buildRepeats?: number;
  seed?: number;
  catalogPath?: string;
}

export interface LookupBenchResult {
  lookup_median_ns: number;
  lookup_naive_median_ns: number;
  catalog_index_ms: number;
  hostnames: number;
}

const DEFAULT_CATALOG = fileURLToPath(new URL('../e2e/fixtures/data/hibp-breaches.json', import.meta.url));

const BREACHED_PREFIXES = ['', 'www.', 'www.', 'www.', 'shop.', 'm.', 'eu.', 'login.', 'accounts.', 'static.cdn.', 'mail.', 'app.'];
const OTHER_PREFIXES = ['', '', 'www.', 'www.', 'www.', 'm.', 'blog.', 'news.', 'docs.', 'api.', 'cdn.', 'en.', 'shop.eu.'];
// Weighted towards what people visit; includes multi-label registry suffixes.
const TLDS = [
  'com', 'com', 'com', 'com', 'com', 'com', 'net', 'org', 'org', 'io', 'de', 'fr', 'nl', 'ru', 'jp', 'br', 'in', 'it', 'es',
  'co.uk', 'co.uk', 'org.uk', 'com.au', 'com.au', 'net.au', 'co.jp', 'com.br', 'co.nz', 'co.za', 'com.sg', 'co.in', 'gov.uk', 'ac.uk',
];
const SYLLABLES = ['ka', 'lo', 'mi', 'ne', 'ra', 'so', 'tu', 'vi', 'bar', 'zen', 'top', 'web', 'shop', 'news', 'hub', 'net', 'cloud', 'data', 'go', 'my'];

function generateHostnames(count: number, catalogDomains: readonly string[], seed: number): string[] {
  const rand = mulberry32(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    if (rand() < 0.3) {
      out.push(pick(BREACHED_PREFIXES) + pick(catalogDomains));
    } else {
      let name = '';
      const parts = 2 + Math.floor(rand() * 3);
      for (let p = 0; p < parts; p++) name += pick(SYLLABLES);
      if (rand() < 0.15) name += String(Math.floor(rand() * 100));
      out.push(`${pick(OTHER_PREFIXES)}${name}.${pick(TLDS)}`);
    }
  }
  return out;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Median over `passes` of (pass time / hostnames), in ns, after one untimed warm-up pass. */
function timePasses(hosts: readonly string[], passes: number, lookup: (host: string) => readonly unknown[]): { ns: number; hits: number } {
  let sink = 0;
  for (const host of hosts) sink += lookup(host).length; // warm-up (JIT)
  const perLookup: number[] = [];
  let hits = 0;
  for (let p = 0; p < passes; p++) {
    hits = 0;
    const start = process.hrtime.bigint();
    for (let i = 0; i < hosts.length; i++) {
      if (lookup(hosts[i] as string).length !== 0) hits += 1;
    }
    const elapsed = Number(process.hrtime.bigint() - start);
    perLookup.push(elapsed / hosts.length);
    sink += hits;
  }
  if (sink < 0) console.log(sink); // keeps the work observable
  return { ns: median(perLookup), hits };
}

export async function measureLookup(options: LookupBenchOptions = {}): Promise<LookupBenchResult & { hitRate: number; domains: number }> {
  const hostCount = options.hostnames ?? 100_000;
  const passes = options.passes ?? 15;
  const naiveCount = options.naiveHostnames ?? 2_000;
  const naivePasses = options.naivePasses ?? 5;
  const buildRepeats = options.buildRepeats ?? 9;
  const seed = options.seed ?? 20240601;
  const text = readFileSync(options.catalogPath ?? DEFAULT_CATALOG, 'utf8');

  // catalog_index_ms: JSON.parse + parseHibpCatalog + buildDomainIndex, median of repeats.
  const buildMs: number[] = [];
  let catalog = parseHibpCatalog(JSON.parse(text));
  let index = buildDomainIndex(catalog);
  for (let r = 0; r < buildRepeats; r++) {
    const start = process.hrtime.bigint();
    catalog = parseHibpCatalog(JSON.parse(text));
    index = buildDomainIndex(catalog);
    buildMs.push(Number(process.hrtime.bigint() - start) / 1e6);
  }

  const domains = [...new Set(catalog.map((b) => b.domain).filter((d) => d.includes('.')))].sort();
  // Round-tripped through JSON so they are flat strings, as hostnames from URL parsing are
  // (concatenation makes rope strings that the first lookup would flatten).
  const hosts = JSON.parse(JSON.stringify(generateHostnames(hostCount, domains, seed))) as string[];
  const fast = timePasses(hosts, passes, (h) => lookupHost(index, h));
  const naiveHosts = hosts.slice(0, Math.min(naiveCount, hosts.length));
  const naive = timePasses(naiveHosts, naivePasses, (h) => naiveLookup(catalog, h));

  return {
    lookup_median_ns: Math.round(fast.ns * 10) / 10,
    lookup_naive_median_ns: Math.round(naive.ns),
    catalog_index_ms: Math.round(median(buildMs) * 1000) / 1000,
    hostnames: hostCount,
    hitRate: fast.hits / hostCount,
    domains: index.size,
  };
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (invokedDirectly) {
  const r = await measureLookup();
  const rows: [string, string][] = [
    ['catalog_index_ms (parse + build, median)', r.catalog_index_ms.toFixed(3)],
    ['indexed domains', String(r.domains)],
    ['hostnames', `${r.hostnames} (hit rate ${(r.hitRate * 100).toFixed(1)}%)`],
    ['lookup_median_ns', r.lookup_median_ns.toFixed(1)],
    ['lookup_naive_median_ns', String(r.lookup_naive_median_ns)],
    ['speed-up', `${(r.lookup_naive_median_ns / r.lookup_median_ns).toFixed(0)}×`],
  ];
  for (const [k, v] of rows) console.log(`${k.padEnd(42)} ${v}`);
}
