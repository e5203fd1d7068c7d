/**
 * `npm run bench` (after a build) and `npm run bench:quick`: measures what users feel, against
 * budgets, with baselines measured in the same run. See BENCHMARKS.md for what each figure means.
 *
 *   tsx bench/run.ts [--quick] [--report-only] [--dist <dir>] [--only <section>[,<section>…]]
 *
 * --quick        tiny sizes and repeats: proves every measurement still runs; never fails on a
 *                timing, only when a measurement breaks. Writes bench/results.quick.json.
 * --report-only  full run that prints and writes results but exits 0 when a budget is missed.
 * --only         runs only the named sections (bundle, lookup, popup, worker, history, storage,
 *                catalog, throughput), to work on one figure; figures of the others stay null and
 *                are not judged. Writes bench/results.only.json, leaving the full results alone.
 *
 * Exit status: 1 when a measurement failed to run; 2 (full run only) when a budget is missed.
 */
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { providerSettings, startFixtureServer, type FixtureServer } from '../e2e/server/fixture-server';
import { measureLookup } from '../scripts/bench-lookup';
import { launchExtension, settleStartup, type ExtensionBrowser } from './browser';
import { emptyResults, type Results } from './budgets';
import { measureBundles } from './bundle';
import { measureCatalog } from './catalog';
import { badgeCountMs, historyPageBuilt, openHistoryOnce, type HistorySample } from './history';
import { openPopupOnce, stateReplyBytes } from './popup';
import { formatTable } from './report';
import { readStore } from '../e2e/support/read-store';
import { BENCH_LAYOUT, ensureDatabase, seedAddressesAndBreaches, seedExposures } from './seed';
import { DB_NAME } from '../src/storage/schema';
import { describeSamples, median, ratio, round } from './stats';
import { measureStorage } from './storage';
import { measureThroughput, withBusyCores } from './throughput';
import { measureColdStart } from './worker';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const reportOnly = args.includes('--report-only');
const distArg = args.indexOf('--dist');
const SECTIONS = ['bundle', 'lookup', 'popup', 'worker', 'history', 'storage', 'catalog', 'throughput'] as const;
type SectionName = (typeof SECTIONS)[number];
const onlyArg = args.indexOf('--only');
const only: ReadonlySet<SectionName> | null = onlyArg >= 0 ? parseOnly(args[onlyArg + 1]) : null;
/** Whether a section is to run: all of them, unless --only names some. */
const wanted = (name: SectionName): boolean => only === null || only.has(name);
/** The test build: the browser sections point it at the fixture server, which store builds refuse. */
const SOURCE_DIST = resolve(distArg >= 0 ? (args[distArg + 1] ?? 'dist/chrome-test') : (process.env.EXTENSION_DIST ?? 'dist/chrome-test'));
/** Bundle sizes are those of what ships: the store build. */
const STORE_DIST = resolve(process.env.EXTENSION_STORE_DIST ?? 'dist/chrome');
/** A private copy of the build, so a rebuild of dist/ during the run cannot mix two builds. */
const DIST = mkdtempSync(join(tmpdir(), 'wie-bench-dist-'));

/** Sizes are named by their full-run value; a quick run stores 1/100 of each under the same name. */
const SIZES = [
  { name: '1k', full: 1_000 },
  { name: '10k', full: 10_000 },
  { name: '100k', full: 100_000 },
] as const;
const SCALE = quick ? 0.01 : 1;

const CONFIG = quick
  ? {
      emptyRepeats: 2,
      popupRepeats: { '1k': 2, '10k': 2, '100k': 1 } as Record<string, number>,
      coldStarts: 2,
      catalogRefreshes: 1,
      historyOpens: 1,
      historyFilters: 2,
      storageExposures: 1_000,
      throughput: { plan: { addresses: 2, limit: 2, windowMs: 60_000, plan: true }, perSecond: { addresses: 5, limit: 2, windowMs: 1_000 } },
      xposedornot: { addresses: 4, limit: 2, windowMs: 1_000, xposedornot: true },
      lookup: { hostnames: 5_000, passes: 3, naiveHostnames: 200, naivePasses: 2, buildRepeats: 2 },
    }
  : {
      emptyRepeats: 9,
      popupRepeats: { '1k': 9, '10k': 7, '100k': 5 } as Record<string, number>,
      coldStarts: 15,
      catalogRefreshes: 3,
      historyOpens: 3,
      historyFilters: 3,
      storageExposures: 10_000,
      // Entry plan (10 per minute): 21 addresses span two windows, 2 minutes at best.
      throughput: { plan: { addresses: 21, limit: 10, windowMs: 60_000, plan: true }, perSecond: { addresses: 32, limit: 2, windowMs: 1_000 } },
      // XposedOrNot as it is: 20 lookups fit its 25 an hour.
      xposedornot: { addresses: 20, limit: 2, windowMs: 1_000, xposedornot: true },
      lookup: {},
    };

function parseOnly(list: string | undefined): ReadonlySet<SectionName> {
  const names = (list ?? '').split(',').map((n) => n.trim()).filter((n) => n !== '');
  const unknown = names.filter((n) => !(SECTIONS as readonly string[]).includes(n));
  if (names.length === 0 || unknown.length > 0) {
    throw new Error(`--only takes a comma-separated list of ${SECTIONS.join(', ')}${unknown.length > 0 ? ` (unknown: ${unknown.join(', ')})` : ''}`);
  }
  return new Set(names as SectionName[]);
}

const results: Results = emptyResults();
const errors: string[] = [];
const notes: string[] = [];
const started = Date.now();

const log = (message: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s] ${message}`);

async function section(name: string, body: () => Promise<void> | void): Promise<void> {
  log(`— ${name}`);
  try {
    await body();
  } catch (error) {
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    errors.push(`${name}: ${message.split('\n')[0]}`);
    console.error(`bench: ${name} failed:\n${message}`);
  }
}

/** "readonly breaches ×12" for runs of the same transaction kind. */
function compactLog(entries: readonly string[]): string {
  const runs: Array<{ what: string; n: number }> = [];
  for (const what of entries) {
    const last = runs[runs.length - 1];
    if (last?.what === what) last.n += 1;
    else runs.push({ what, n: 1 });
  }
  return runs.map((r) => (r.n > 1 ? `${r.what} ×${r.n}` : r.what)).join(', ');
}

/** The popup's first render with `count` exposures stored (the layout's addresses and breaches). */
async function measurePopup(b: ExtensionBrowser, name: string, count: number, replyBytes: number): Promise<void> {
  results[`popup_state_reply_kb_${name}`] = round(replyBytes / 1024);
  const timeout = 30_000 + count * 2;
  const settle = 200 + Math.round(count / 50); // 100k exposures: 2.2 s between opens
  const warm = await openPopupOnce(b, timeout, settle); // warm-up, not counted
  const expected = BENCH_LAYOUT.addresses;
  // The popup may list only some breaches per address (the rest are in the history); it must
  // show every address and at least one breach for each.
  if (warm.addressesShown !== expected || warm.breachesShown < expected) {
    throw new Error(`popup showed ${warm.addressesShown} addresses and ${warm.breachesShown} breaches; expected ${expected} addresses with breaches`);
  }
  const samples = [];
  for (let i = 0; i < (CONFIG.popupRepeats[name] ?? 1); i++) samples.push(await openPopupOnce(b, timeout, settle));
  const renders = samples.map((s) => s.renderMs);
  log(
    `${count} exposures (${warm.breachesShown} breach rows shown): popup-rendered ${describeSamples(renders)} ms ` +
      `(script start ${describeSamples(samples.map((s) => s.scriptStartMs))} ms, DOMContentLoaded ${describeSamples(samples.map((s) => s.domContentLoadedMs))} ms)`,
  );
  results[`popup_render_ms_${name}`] = round(median(renders));
  results[`popup_render_ratio_${name}`] = ratio(results[`popup_render_ms_${name}`] ?? null, results.popup_empty_page_ms ?? null);
}

async function popupAndWorker(server: FixtureServer): Promise<void> {
  const b = await launchExtension(DIST, {
    ...providerSettings(server.url),
  });
  try {
    const driver = await b.driver();
    await ensureDatabase(driver);
    log(`settled: ${await settleStartup(b)}`);

    // Baseline: the popup page with nothing stored.
    if (wanted('popup')) {
      await openPopupOnce(b, 30_000); // warm-up, not counted
      const empty = [];
      for (let i = 0; i < CONFIG.emptyRepeats; i++) empty.push(await openPopupOnce(b, 30_000));
      const dcl = empty.map((s) => s.domContentLoadedMs);
      const render0 = empty.map((s) => s.renderMs);
      log(`empty DB: DOMContentLoaded ${describeSamples(dcl)} ms; popup-rendered ${describeSamples(render0)} ms`);
      results.popup_empty_page_ms = round(median(dcl));
      results.popup_render_ms_0 = round(median(render0));
    }

    // Baseline: the history page with nothing stored, in the same browser.
    if (wanted('history') && historyPageBuilt(DIST)) {
      await section('history page, empty DB', async () => {
        await openHistoryOnce(b, 0, 30_000); // warm-up, not counted
        const empty: HistorySample[] = [];
        for (let i = 0; i < CONFIG.historyOpens; i++) empty.push(await openHistoryOnce(b, 0, 30_000));
        log(`history, empty DB: first render ${describeSamples(empty.map((s) => s.firstRenderMs))} ms; heap ${describeSamples(empty.map((s) => round(s.heapMb)))} MB`);
        results.history_first_render_ms_0 = round(median(empty.map((s) => s.firstRenderMs)));
        results.history_heap_mb_0 = round(median(empty.map((s) => s.heapMb)));
      });
    }

    await seedAddressesAndBreaches(driver);
    // The worker figures need 1k exposures stored; the popup's and the history's go up to 100k.
    const sizes = wanted('popup') || wanted('history') ? SIZES : SIZES.filter((s) => s.name === '1k');
    let seeded = 0;
    for (const size of sizes) {
      const count = Math.round(size.full * SCALE);
      const t0 = Date.now();
      await seedExposures(driver, seeded, count);
      seeded = count;
      // The popup shows the counts stored on the addresses: a seed that left them wrong would be measured as data.
      const addresses = await readStore<{ exposureCount: number; newCount: number }>(driver, 'addresses');
      const counted = addresses.reduce((sum, a) => sum + a.exposureCount, 0);
      if (counted !== count || addresses.some((a) => a.newCount !== 0)) throw new Error(`seeded ${count} exposures but the addresses count ${counted}`);
      const bytes = await stateReplyBytes(driver); // also warms the background's read path
      log(`seeded ${count} exposures in ${Date.now() - t0} ms; state/get reply ${round(bytes / 1024)} KB`);
      const timeout = 30_000 + count * 2;
      if (wanted('popup')) await measurePopup(b, size.name, count, bytes);

      if (size.name === '1k' && wanted('worker')) {
        await section(`worker cold start (${count} exposures stored)`, async () => {
          const { cold, warm: warmReplies } = await measureColdStart(b, driver, CONFIG.coldStarts);
          log(`cold state/get ${describeSamples(cold)} ms; warm ${describeSamples(warmReplies)} ms`);
          results.worker_cold_start_ms = round(median(cold));
          results.worker_warm_reply_ms = round(median(warmReplies));
          results.worker_cold_start_ratio = ratio(results.worker_cold_start_ms, results.worker_warm_reply_ms);
        });
      }
      if (size.name === '100k' && wanted('history')) {
        await section(`history page (${count} exposures)`, async () => {
          if (!historyPageBuilt(DIST)) {
            notes.push('history_*: null — the test build has no src/ui/history/index.html.');
            log('history page not built: history_* stay null');
            return;
          }
          // The seed wrote behind the extension's back and marked the history for a rebuild: the
          // first open builds the rows and aggregates (as the migration would), not counted.
          const t0 = Date.now();
          await openHistoryOnce(b, 0, timeout + 600_000);
          log(`history rows and aggregates built for ${count} exposures in ${Date.now() - t0} ms (first open, not counted)`);
          const samples: HistorySample[] = [];
          for (let i = 0; i < CONFIG.historyOpens; i++) samples.push(await openHistoryOnce(b, CONFIG.historyFilters, timeout));
          const firsts = samples.map((s) => s.firstRenderMs);
          const byChange = new Map<string, number[]>();
          for (const s of samples) for (const [name, ms] of Object.entries(s.changeMs)) byChange.set(name, [...(byChange.get(name) ?? []), ...ms]);
          log(`history: first render ${describeSamples(firsts)} ms; heap ${describeSamples(samples.map((s) => round(s.heapMb)))} MB`);
          for (const [name, ms] of byChange) log(`history: ${name} change ${describeSamples(ms)} ms`);
          results.history_first_render_ms_100k = round(median(firsts));
          results.history_first_render_ratio_100k = ratio(results.history_first_render_ms_100k, results.history_first_render_ms_0 ?? null);
          results.history_heap_mb_100k = round(median(samples.map((s) => s.heapMb)));
          // Each filter's median; the figure is the slowest filter's (a search counts as a filter).
          const filterMedians = [...byChange].filter(([name]) => name !== 'sort').map(([, ms]) => median(ms));
          results.history_filter_ms_100k = round(Math.max(...filterMedians));
          results.history_sort_ms_100k = round(median(byChange.get('sort') ?? []));
          const badge = await badgeCountMs(driver, DB_NAME, 9);
          log(`badge count (${badge.count} new): ${round(badge.ms)} ms`);
          results.badge_count_ms_100k = round(badge.ms);
        });
      }
    }
  } finally {
    await b.close();
  }
}

async function main(): Promise<void> {
  results.load_avg_1m_start = round(loadavg()[0] ?? 0, 2);
  log(`${quick ? 'QUICK run (sizes ÷100, few repeats; timings are not judged)' : 'full run'} against ${SOURCE_DIST}`);
  if (!existsSync(resolve(SOURCE_DIST, 'manifest.json'))) throw new Error(`${SOURCE_DIST} has no manifest.json: run \`npm run build\` first`);
  cpSync(SOURCE_DIST, DIST, { recursive: true });

  if (wanted('bundle')) {
    await section('bundle sizes', () => {
      Object.assign(results, measureBundles(STORE_DIST));
    });
  }

  if (wanted('lookup')) await section('domain lookup (scripts/bench-lookup.ts)', async () => {
    const r = await measureLookup(CONFIG.lookup);
    log(`lookup: ${r.hostnames} hostnames, indexed ${r.lookup_median_ns} ns, naive ${r.lookup_naive_median_ns} ns, index build ${r.catalog_index_ms} ms`);
    results.lookup_median_ns = r.lookup_median_ns;
    results.lookup_naive_median_ns = r.lookup_naive_median_ns;
    results.lookup_speedup = ratio(r.lookup_naive_median_ns, r.lookup_median_ns, 0);
    results.catalog_index_ms = r.catalog_index_ms;
  });

  const server = await startFixtureServer();
  try {
    if (wanted('popup') || wanted('worker') || wanted('history')) await section('popup and worker', () => popupAndWorker(server));

    if (wanted('storage')) await section('storage', async () => {
      const r = await measureStorage(DIST, server, CONFIG.storageExposures);
      log(
        `storage: ${r.exposures} exposures, ${round(r.bytesPerExposure)} B each (estimate), ` +
          `${r.bytesPerExposureDisk === null ? 'n/a' : round(r.bytesPerExposureDisk)} B each (disk)`,
      );
      log(`check finding 50: ${r.readwriteTransactions} readwrite of ${r.totalTransactions} transactions: ${compactLog(r.transactionLog)}`);
      results.bytes_per_exposure = round(r.bytesPerExposure);
      results.bytes_per_exposure_disk = r.bytesPerExposureDisk === null ? null : round(r.bytesPerExposureDisk);
      results.transactions_per_check_50 = r.readwriteTransactions;
      results.transactions_total_per_check_50 = r.totalTransactions;
    });

    if (wanted('catalog')) await section('catalog refresh', async () => {
      const r = await measureCatalog(DIST, server, CONFIG.catalogRefreshes);
      if (!r) {
        notes.push('catalog_*: null — this build does not refresh the breach catalog (no \'catalog\' alarm).');
        log('no catalog refresh in this build: catalog_* stay null');
        return;
      }
      log(`catalog: unchanged ${r.unchangedBytes} B in ${round(r.unchangedRefreshMs)} ms; changed ${r.changedBytes} B in ${round(r.refreshMs)} ms`);
      results.catalog_unchanged_bytes = r.unchangedBytes;
      results.catalog_changed_bytes = r.changedBytes;
      results.catalog_refresh_ms = round(r.refreshMs);
      results.catalog_unchanged_refresh_ms = round(r.unchangedRefreshMs);
    });

    if (wanted('throughput')) await section('check throughput', async () => {
      let count429 = 0;
      for (const [name, t] of Object.entries(CONFIG.throughput)) {
        const r = await measureThroughput(DIST, server, t);
        const gaps = r.claimToArrivalMs;
        log(
          `throughput (${name}): ${r.addresses} addresses at ${t.limit}/${t.windowMs} ms: ${r.lookups} lookups (${r.answered} answered), ` +
            `first→last ${r.actualMs} ms vs ideal ${r.idealMs} ms; ${r.count429} × 429; claim→arrival ${describeSamples(gaps)} ms`,
        );
        if (r.answered !== r.addresses) throw new Error(`${name}: ${r.answered} of ${r.addresses} lookups were answered`);
        count429 += r.count429;
        const suffix = name === 'plan' ? '' : '_per_second';
        results[`check_throughput_ratio${suffix}`] = round(r.ratio, 3);
        results[`check_actual_ms${suffix}`] = r.actualMs;
        results[`check_ideal_ms${suffix}`] = r.idealMs;
        if (name === 'perSecond') results.check_claim_to_arrival_ms_max = Math.max(...gaps);
      }
      // XposedOrNot with its own limits and the extension's own pacing, once on a quiet machine and
      // once with every core kept busy: the spacing must keep 429s away even then.
      const xon = CONFIG.xposedornot;
      const calm = await measureThroughput(DIST, server, xon);
      const loadedRun = await withBusyCores(xon.addresses * 2_000 + 60_000, () => measureThroughput(DIST, server, xon));
      for (const [name, r] of [['XposedOrNot', calm], ['XposedOrNot, cores busy', loadedRun]] as const) {
        log(`throughput (${name}): ${r.addresses} addresses: ${r.lookups} lookups (${r.answered} answered), first→last ${r.actualMs} ms; ${r.count429} × 429; claim→arrival ${describeSamples(r.claimToArrivalMs)} ms`);
        if (r.answered !== r.addresses) throw new Error(`${name}: ${r.answered} of ${r.addresses} lookups were answered`);
      }
      results.check_429_count = count429 + calm.count429;
      results.check_429_count_loaded = loadedRun.count429;
      results.check_actual_ms_xposedornot = calm.actualMs;
      results.check_actual_ms_xposedornot_loaded = loadedRun.actualMs;
      results.check_claim_to_arrival_ms_max_loaded = Math.max(...loadedRun.claimToArrivalMs);
    });
  } finally {
    await server.close();
  }

  results.load_avg_1m_end = round(loadavg()[0] ?? 0, 2);
  log(`load average (1 min) ${results.load_avg_1m_start} at start, ${results.load_avg_1m_end} at end, on ${cpus().length} CPUs`);
  const out = resolve(only !== null ? 'bench/results.only.json' : quick ? 'bench/results.quick.json' : 'bench/results.json');
  writeFileSync(out, `${JSON.stringify(quick ? { ...results, exposure_scale: SCALE } : results, null, 2)}\n`);
  const { text, failures } = formatTable(results, !quick);
  if (quick) console.log('\nQUICK run: rows named _1k, _10k, _100k hold 10, 100 and 1,000 exposures; budgets are not judged.');
  console.log(`\n${text}\n`);
  for (const note of notes) console.log(`note: ${note}`);
  console.log(`wrote ${out} in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  if (errors.length > 0) {
    console.error(`\nbench: ${errors.length} measurement(s) failed:\n  ${errors.join('\n  ')}`);
    process.exitCode = 1;
  } else if (failures.length > 0) {
    console.error(`\nbench: over budget: ${failures.join(', ')}${reportOnly ? ' (--report-only: not failing)' : ''}`);
    if (!reportOnly) process.exitCode = 2;
  }
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => rmSync(DIST, { recursive: true, force: true }));
