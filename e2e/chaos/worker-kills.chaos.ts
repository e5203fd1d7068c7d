import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PopupState } from '../../src/messages';
import { expect, test } from '../support/extension';
import { lookedUp, lookups, makeAddresses, sleep } from '../support/run-helpers';
import { CatalogVersions } from './catalog-versions';
import { buildImport } from './import-doc';
import { PROVIDERS, catalogVersion, checkInvariants, importCounts, type ImportExpectation, type ProviderId, type World } from './invariants';
import { Random, chaosSeed } from './random';
import { ChaosBrowser } from './session';
import type { Snapshot } from './snapshot';

/**
 * `npm run test:chaos` (not part of `npm test`): the extension's service worker is killed, through
 * DevTools, at random moments of check runs, catalog syncs and history imports — 50 times by
 * default (CHAOS_KILLS) — and after every kill the database is checked against the invariants in
 * invariants.ts. Every random choice comes from one seeded generator; the seed is printed, and
 * CHAOS_SEED=<seed> replays the schedule.
 *
 * One phase at a time, so each kill's expectations are exact: a run (6–14 addresses, HIBP, paced
 * to 4 lookups a second, each answer held 0–400 ms by the server) may take several kills; a
 * catalog sync is started by the catalog alarm or by switching provider, and killed while the
 * server holds the download or while it is read and stored; an import of a 1,000-exposure history
 * is killed while the background parses it and merges it, in one transaction, with everything
 * already stored.
 */

const KILLS = Number(process.env.CHAOS_KILLS ?? 50);
const API_KEY = 'chaos-key';
/** The user's own limit: 4 lookups a second (the key would allow 10). */
const LOOKUP_GAP_MS = 250;
const POOL = makeAddresses(24, 'chaos');
const IMPORT_SIZE = { addresses: 25, breaches: 40 };
const MAX_XON_SYNCS = 8;

type Phase = 'run' | 'catalog' | 'import';

interface ChaosRun {
  id: string;
  label: string;
  emails: string[];
  logFrom: number;
  logTo: number;
  kills: number;
}

test('worker kills at random moments of check runs, catalog syncs and imports break no invariant', async ({ server }) => {
  test.setTimeout(20 * 60_000);
  expect(Number.isInteger(KILLS) && KILLS > 0, 'CHAOS_KILLS must be a positive whole number').toBe(true);
  const seed = chaosSeed();
  const rng = new Random(seed);
  console.log(`chaos: seed ${seed}, ${KILLS} kills (replay with CHAOS_SEED=${seed} npm run test:chaos)`);
  const began = Date.now();

  // The server: a key allowing 600 lookups a minute, catalog version 1, a few breached addresses.
  server.setApiKeys({ [API_KEY]: { plan: 'Pwned 4', rpm: 600 } });
  const versions = new CatalogVersions(server);
  versions.bump();
  const breachNames = server.catalog.filter((b) => b.IsVerified && !b.Name.startsWith('ChaosCatalog')).map((b) => b.Name);
  const accounts = new Map<string, string[]>(POOL.map((email) => [email, []]));
  const listBreach = (email: string, name: string) => {
    const names = accounts.get(email)!;
    if (names.includes(name)) return;
    names.push(name);
    server.addAccountBreach(email, name);
  };
  for (const email of rng.sample(POOL, 8)) for (const name of rng.sample(breachNames, rng.int(1, 3))) listBreach(email, name);

  // What the invariants are checked against.
  const stored: Record<ProviderId, number> = { hibp: 1, xposedornot: 1 };
  const sizeAtV1: Record<ProviderId, number> = { hibp: 0, xposedornot: 0 };
  const untagged: Record<ProviderId, number> = { hibp: 0, xposedornot: 0 };
  const imports: ImportExpectation[] = [];
  const importKeys: Array<{ addresses: string[]; exposures: string[]; runs: string[] }> = [];
  const world = (during: Partial<Record<ProviderId, number[]>> = {}): World => ({
    accounts,
    imports,
    catalogs: {
      hibp: { allowed: during.hibp ?? [stored.hibp], size: (v) => sizeAtV1.hibp + v - 1, untagged: untagged.hibp },
      xposedornot: { allowed: during.xposedornot ?? [stored.xposedornot], size: (v) => sizeAtV1.xposedornot + v - 1, untagged: untagged.xposedornot },
    },
  });
  let checks = 0;
  const check = (label: string, now: Snapshot, before?: Snapshot, during?: Partial<Record<ProviderId, number[]>>) => {
    checks += 1;
    expect(checkInvariants(now, world(during), before), `invariants ${label}`).toEqual([]);
  };

  const profile = mkdtempSync(join(tmpdir(), 'wie-chaos-'));
  const browser = await ChaosBrowser.launch(profile).catch((error: unknown) => {
    rmSync(profile, { recursive: true, force: true });
    throw error;
  });

  /** Polls until `probe` holds, waking the worker every 2 s as an open popup does. */
  const waitUntil = async (what: string, timeout: number, probe: () => Promise<boolean>): Promise<number> => {
    const started = Date.now();
    let woke = 0;
    await expect
      .poll(
        async () => {
          if (Date.now() - woke >= 2000) {
            await browser.wake();
            woke = Date.now();
          }
          return probe();
        },
        { timeout, intervals: [250], message: what },
      )
      .toBe(true);
    return Date.now() - started;
  };
  const catalogAt = async (provider: ProviderId) => catalogVersion(await browser.snapshot(['breaches']), provider);
  const mark = async (provider: ProviderId) => JSON.stringify((await browser.getStorage(`catalogMark.${provider}`)) ?? null);
  /**
   * A sync is over once the catalog is at `version`, the provider's mark has changed (written
   * after the catalog) and the "running" marker is gone (cleared last): only then can the next
   * trigger start a sync of its own instead of joining this one.
   */
  const synced = async (provider: ProviderId, version: number, markBefore: string) =>
    (await catalogAt(provider)) === version &&
    (await mark(provider)) !== markBefore &&
    (await browser.getStorage(`catalogSyncRunning.${provider}`)) === undefined;

  // Figures.
  const killLog: Array<{ phase: Phase; line: string }> = [];
  const runs: ChaosRun[] = [];
  const catalogOutcomes = { old: 0, new: 0, midDownload: 0 };
  const importOutcomes = { landedWithReply: 0, landedReplyLost: 0, notLanded: 0 };
  const resumeMs: number[] = [];
  let importEstimateMs = 2500;
  let noKill = 0;
  let lastKillAt = 0;
  let runKillsMidLookup = 0;
  let xonSyncs = 0;

  /** One line per kill; an attempt the browser's own crash cut short is printed too, but not counted. */
  const noteKill = (killed: boolean, phase: Phase, after: Snapshot, text: string) => {
    const queued = after.jobs.length;
    const done = after.results.filter((r) => runs.some((run) => run.id === r.runId)).length;
    const facts = `${phase.padEnd(7)} ${text} | jobs done ${done}, queued ${queued}`;
    if (!killed) {
      noKill += 1;
      console.log(`chaos: --- not a kill (the browser crashed before the worker stopped; checked after the relaunch): ${facts}`);
      return;
    }
    const line = `#${String(killLog.length + 1).padStart(2)} ${facts}`;
    killLog.push({ phase, line });
    console.log(`chaos: ${line}`);
  };

  try {
    // Setup: both catalogs at version 1, then HIBP chosen, then the addresses.
    await browser.pointAt(server.url);
    await browser.catalogAlarmNow(); // XposedOrNot, the default provider
    await waitUntil('XposedOrNot catalog v1 stored', 60_000, async () => (await catalogAt('xposedornot')) === 1);
    await browser.setStorage({ providers: ['hibp'], hibpApiKey: API_KEY, hibpRequestsPerMinute: 600, extraRateLimit: 1000 / LOOKUP_GAP_MS, extraRateWindowSeconds: 1 });
    await waitUntil('HIBP catalog v1 stored', 60_000, async () => (await catalogAt('hibp')) === 1);
    await browser.guard('closing the welcome tab', () => browser.closeOtherPages());
    const first = await browser.snapshot();
    for (const provider of PROVIDERS) {
      const records = first.breaches.filter((b) => b.provider === provider);
      sizeAtV1[provider] = records.filter((b) => b.version !== null).length;
      untagged[provider] = records.length - sizeAtV1[provider];
    }
    console.log(
      `chaos: catalogs v1 stored: HIBP ${sizeAtV1.hibp} breaches, XposedOrNot ${sizeAtV1.xposedornot} (+${untagged.xposedornot} of its own)`,
    );
    for (const email of POOL) {
      const reply = await browser.guard('adding an address', () => browser.send('address/add', { email }));
      expect(reply.ok, reply.error).toBe(true);
    }
    check('after setup', await browser.snapshot());

    const startRun = async (emails: string[]): Promise<ChaosRun> => {
      for (let i = 0; i < emails.length; i++) {
        server.injectFault({ match: { provider: 'hibp', pathIncludes: '/breachedaccount/' }, delayMs: rng.int(0, 400), times: 1 });
      }
      const known = new Set((await browser.snapshot(['runs'])).runs.map((r) => r.id));
      const logFrom = server.requests.length;
      let id: string | null | undefined;
      try {
        const reply = await browser.send<{ runId: string | null }>('check/start', { emails });
        expect(reply.ok, reply.error).toBe(true);
        id = reply.value?.runId;
      } catch (error) {
        if (!(await browser.died())) throw error;
        await browser.recover('starting a run');
        // The run, if it was stored before the crash; else ask again.
        id = (await browser.snapshot(['runs'])).runs.find((r) => !known.has(r.id))?.id;
        id ??= (await browser.send<{ runId: string | null }>('check/start', { emails })).value?.runId;
      }
      expect(id, 'check/start queued a run').toBeTruthy();
      const run: ChaosRun = { id: id!, label: `r${runs.length + 1}`, emails, logFrom, logTo: -1, kills: 0 };
      runs.push(run);
      return run;
    };

    /** Waits for the run to end; then every address has the one result the server's answer gives. */
    const finishRun = async (run: ChaosRun): Promise<void> => {
      await waitUntil(`run ${run.label} finished`, 90_000, async () => (await browser.snapshot(['runs'])).runs.find((r) => r.id === run.id)?.finished === true);
      run.logTo = server.requests.length;
      server.clearFaults();
      const now = await browser.snapshot();
      check(`when run ${run.label} finished`, now);
      for (const email of run.emails) {
        const expected = [...accounts.get(email)!].sort();
        const result = now.results.find((r) => r.runId === run.id && r.email === email);
        expect(result?.outcome, `${run.label} ${email}`).toBe(expected.length > 0 ? 'breached' : 'clean');
        expect([...result!.breachIds].sort(), `${run.label} ${email}`).toEqual(expected);
        const exposures = now.exposures.filter((e) => e.email === email).map((e) => `${e.provider}|${e.breachId}`);
        expect(exposures.sort(), `exposures of ${email}`).toEqual(expected.map((n) => `hibp|${n}`));
      }
      const asked = new Set(lookups({ requests: server.requests.slice(run.logFrom, run.logTo) }).map(lookedUp));
      expect([...asked].sort(), `addresses looked up during ${run.label}`).toEqual([...run.emails].sort());
    };

    const runKill = async (active: ChaosRun | null): Promise<ChaosRun | null> => {
      let run = active;
      if (!run) {
        // Between runs the server may learn of new breaches of an address.
        if (rng.chance(0.6)) for (let i = rng.int(1, 2); i > 0; i--) listBreach(rng.pick(POOL), rng.pick(breachNames));
        run = await startRun(rng.sample(POOL, rng.int(6, 14)));
      }
      const before = await browser.snapshot();
      const queued = before.jobs.filter((j) => j.runId === run.id).length;
      const delay = rng.int(0, queued * LOOKUP_GAP_MS + 200);
      await sleep(delay);
      const killed = await browser.kill(`kill ${killLog.length + 1}, run ${run.label}`);
      // A lookup the server had received and not yet answered when the worker died.
      const inFlight = lookups({ requests: server.requests.slice(run.logFrom) }).filter((r) => r.status === 0 && r.time > lastKillAt).length;
      lastKillAt = Date.now();
      const after = await browser.snapshot();
      check(`after a kill in run ${run.label}`, after, before);
      const done = after.results.filter((r) => r.runId === run.id).length;
      const left = after.jobs.filter((j) => j.runId === run.id).length;
      const asked = lookups({ requests: server.requests.slice(run.logFrom) }).length;
      if (killed) {
        run.kills += 1;
        if (inFlight > 0) runKillsMidLookup += 1;
      }
      noteKill(
        killed,
        'run',
        after,
        `${run.label} (${run.emails.length} addresses) killed after a random ${delay} ms, ${inFlight > 0 ? 'a lookup in flight' : 'between lookups'}: ` +
          `${done} checked, ${left} queued, ${asked} lookups so far`,
      );
      await browser.wake();
      if (left > 0) return run;
      await finishRun(run);
      return null;
    };

    const catalogKill = async (): Promise<void> => {
      // Mostly the daily alarm (HIBP, the chosen provider); sometimes a switch to XposedOrNot,
      // whose catalog costs one of its 25 requests an hour (two when a kill cuts it short): at
      // most MAX_XON_SYNCS of those, or the extension would rightly make the last ones wait.
      const provider: ProviderId = rng.chance(0.3) && xonSyncs < MAX_XON_SYNCS ? 'xposedornot' : 'hibp';
      if (provider === 'xposedornot') xonSyncs += 1;
      const before = await browser.snapshot();
      const old = stored[provider];
      const markBefore = await mark(provider);
      const v = versions.bump();
      const path = provider === 'hibp' ? '/api/v3/breaches' : '/v1/breaches';
      const heldMs = rng.int(300, 1500);
      server.injectFault({ match: { pathIncludes: path }, delayMs: heldMs, times: 1 });
      const logFrom = server.requests.length;
      if (provider === 'hibp') await browser.catalogAlarmNow();
      else await browser.setStorage({ providers: ['xposedornot'] });
      const download = () => server.requests.slice(logFrom).find((r) => r.method === 'GET' && r.path === path);
      await expect.poll(() => download() !== undefined, { timeout: 30_000, message: `the ${provider} catalog download started` }).toBe(true);
      const killAfter = rng.int(0, heldMs + 1200);
      await sleep(Math.max(0, download()!.time + killAfter - Date.now()));
      const killed = await browser.kill(`kill ${killLog.length + 1}, ${provider} catalog sync`);
      lastKillAt = Date.now();
      const after = await browser.snapshot();
      check(`after a kill in a ${provider} catalog sync`, after, before, { [provider]: [old, v] });
      const atKill = catalogVersion(after, provider) === v ? 'new' : 'old';
      await browser.wake();
      const resumed = await waitUntil(`the ${provider} catalog sync resumed after the kill and stored v${v}`, 30_000, () => synced(provider, v, markBefore));
      stored[provider] = v;
      if (provider === 'xposedornot') {
        // Back to HIBP, which syncs its own catalog (not killed this time).
        const hibpMark = await mark('hibp');
        await browser.setStorage({ providers: ['hibp'] });
        await waitUntil(`HIBP catalog v${v} stored after switching back`, 30_000, () => synced('hibp', v, hibpMark));
        stored.hibp = v;
      }
      check(`after the ${provider} catalog sync resumed`, await browser.snapshot());
      if (killed) {
        catalogOutcomes[atKill] += 1;
        if (killAfter < heldMs) catalogOutcomes.midDownload += 1;
        if (atKill === 'old') resumeMs.push(resumed);
      }
      noteKill(
        killed,
        'catalog',
        after,
        `${provider} v${old}→v${v} (${provider === 'hibp' ? 'alarm' : 'provider switch'}), download held ${heldMs} ms, killed ${killAfter} ms after it began (${killAfter < heldMs ? 'mid-download' : 'after the download'}): ` +
          `stored catalog complete, ${atKill} (v${atKill === 'new' ? v : old})${atKill === 'old' ? `; resumed, v${v} stored ${(resumed / 1000).toFixed(1)} s later` : ''}`,
      );
    };

    const importKill = async (): Promise<void> => {
      const doc = buildImport(imports.length + 1, IMPORT_SIZE);
      const expectation: ImportExpectation = { prefix: doc.prefix, counts: doc.counts, state: 'either' };
      imports.push(expectation);
      importKeys.push(doc.keys);
      const before = await browser.snapshot();
      await browser.startImport(doc.prefix, doc.text);
      const sentAt = Date.now();
      const killAfter = rng.int(0, Math.round(importEstimateMs * 1.2));
      await sleep(Math.max(0, sentAt + killAfter - Date.now()));
      const killed = await browser.kill(`kill ${killLog.length + 1}, import ${doc.prefix}`);
      lastKillAt = Date.now();
      const after = await browser.snapshot();
      check(`after a kill during import ${doc.prefix}`, after, before);
      const landed = importCounts(after, doc.prefix).exposures > 0;
      const outcome = await browser.importOutcome(doc.prefix);
      const reply = outcome.reply.includes('message channel closed') ? 'none (the kill closed the message channel)' : outcome.reply;
      if (outcome.ms !== null) importEstimateMs = outcome.ms;
      expectation.state = landed ? 'applied' : 'absent';
      let retry = '';
      if (!landed) {
        // What the user would do: import the file again. It lands whole.
        const started = Date.now();
        const reply = await browser.guard('importing again', () => browser.send('history/import', { text: doc.text }));
        expect(reply.ok, reply.error).toBe(true);
        importEstimateMs = Date.now() - started;
        expectation.state = 'applied';
        check(`after import ${doc.prefix} was sent again`, await browser.snapshot());
        retry = `; sent again: landed whole in ${(importEstimateMs / 1000).toFixed(1)} s`;
      }
      if (killed) {
        if (!landed) importOutcomes.notLanded += 1;
        else if (outcome.reply === 'ok') importOutcomes.landedWithReply += 1;
        else importOutcomes.landedReplyLost += 1;
      }
      noteKill(
        killed,
        'import',
        after,
        `${doc.prefix} (${doc.counts.exposures} exposures, ${(doc.text.length / 1e6).toFixed(1)} MB) killed ${killAfter} ms after sending: ${landed ? 'landed whole' : 'nothing landed'}, reply: ${reply}${retry}`,
      );
      await browser.wake();
    };

    let active: ChaosRun | null = null;
    while (killLog.length < KILLS) {
      const roll = rng.next();
      const phase: Phase = roll < 0.5 ? 'run' : roll < 0.8 ? 'catalog' : 'import';
      if (phase !== 'run' && active) {
        await finishRun(active);
        active = null;
      }
      if (phase === 'run') active = await runKill(active);
      else if (phase === 'catalog') await catalogKill();
      else await importKill();
    }
    if (active) await finishRun(active);

    // The end: one more run of every address, left alone, then the whole state is what it must be.
    const last = await startRun([...POOL]);
    await finishRun(last);
    const end = await browser.snapshot();
    check('at the end', end);
    const imported = importKeys.filter((_, i) => imports[i]!.state === 'applied');
    expect(end.jobs).toEqual([]);
    expect(end.runs.filter((r) => !r.finished)).toEqual([]);
    expect([...end.addresses].sort()).toEqual([...POOL, ...imported.flatMap((k) => k.addresses)].sort());
    const expectedExposures = [...POOL.flatMap((email) => accounts.get(email)!.map((n) => `${email}|hibp|${n}`)), ...imported.flatMap((k) => k.exposures)];
    expect(end.exposures.map((e) => `${e.email}|${e.provider}|${e.breachId}`).sort()).toEqual(expectedExposures.sort());
    expect(end.runs.map((r) => r.id).sort()).toEqual([...runs.map((r) => r.id), ...imported.flatMap((k) => k.runs)].sort());
    const expectedResults = runs.reduce((n, r) => n + r.emails.length, 0) + imported.reduce((n, k) => n + k.runs.length * k.addresses.length, 0);
    expect(end.results).toHaveLength(expectedResults);
    expect(catalogVersion(end, 'hibp')).toBe(versions.version);
    expect(catalogVersion(end, 'xposedornot')).toBe(stored.xposedornot);
    // What the popup and the badge show agrees with the records.
    const state = await browser.guard('reading the popup state', () => browser.send<PopupState>('state/get', {}));
    expect(state.ok, state.error).toBe(true);
    for (const view of state.value!.addresses) {
      const mine = end.exposures.filter((e) => e.email === view.email);
      expect({ email: view.email, total: view.exposureCount, new: view.newCount }).toEqual({
        email: view.email,
        total: mine.length,
        new: mine.filter((e) => e.state === 'new').length,
      });
    }
    const unseen = end.exposures.filter((e) => e.state === 'new').length;
    expect(await browser.badge()).toBe(unseen === 0 ? '' : unseen > 999 ? '999+' : String(unseen));

    // The figures.
    const took = (Date.now() - began) / 1000;
    const byPhase = (p: Phase) => killLog.filter((k) => k.phase === p).length;
    const asked = lookups({ requests: server.requests });
    const lookupsPerRun = runs.map((r) => lookups({ requests: server.requests.slice(r.logFrom, r.logTo) }).length);
    const addressChecks = runs.reduce((n, r) => n + r.emails.length, 0);
    const repeats = lookupsPerRun.reduce((a, b) => a + b, 0) - addressChecks;
    console.log(`chaos: ---- ${killLog.length} kills, seed ${seed} ----`);
    console.log(
      `chaos: kills by phase: check runs ${byPhase('run')}, catalog syncs ${byPhase('catalog')}, imports ${byPhase('import')}; ` +
        `${noKill} attempt(s) ended by a browser crash before the worker stopped (not counted)`,
    );
    console.log(
      `chaos: runs: ${runs.length} (the last one not killed), ${addressChecks} address checks, each recorded exactly once; ` +
        `${asked.length} lookups, ${repeats} of them repeats of a check cut short by a kill; runs killed more than once: ${runs.filter((r) => r.kills > 1).length}; ` +
        `kills with a lookup in flight ${runKillsMidLookup}, between lookups ${byPhase('run') - runKillsMidLookup}`,
    );
    console.log(
      `chaos: catalog syncs: ${catalogOutcomes.midDownload} killed mid-download, ${catalogOutcomes.old + catalogOutcomes.new - catalogOutcomes.midDownload} after it; ` +
        `the stored catalog was then the old one ${catalogOutcomes.old}×, the new one ${catalogOutcomes.new}×, never partial; ` +
        `each cut-short sync resumed on the next wake (median ${(median(resumeMs) / 1000).toFixed(1)} s, max ${(Math.max(0, ...resumeMs) / 1000).toFixed(1)} s to the new catalog)`,
    );
    console.log(
      `chaos: imports: ${imports.length} (${IMPORT_SIZE.addresses * IMPORT_SIZE.breaches} exposures each); at the kill: landed whole ${importOutcomes.landedWithReply}× with its reply, ` +
        `${importOutcomes.landedReplyLost}× with the reply lost, nothing landed ${importOutcomes.notLanded}× (then sent again: landed whole); never partial`,
    );
    console.log(
      `chaos: final state: ${end.addresses.length} addresses, ${end.exposures.length} exposures, ${end.runs.length} runs, ${end.results.length} results, 0 jobs; ` +
        `HIBP catalog v${versions.version}; ${checks} invariant checks, 0 violations`,
    );
    console.log(`chaos: browser crashes: ${browser.crashes.length}${browser.crashes.length ? ` (${browser.crashes.join('; ')})` : ''}`);
    console.log(`chaos: SUMMARY ${killLog.length} kills (runs ${byPhase('run')}, catalog ${byPhase('catalog')}, imports ${byPhase('import')}), 0 violations, ${browser.crashes.length} browser crashes, ${took.toFixed(0)} s, seed ${seed}`);
  } finally {
    await browser.close();
    rmSync(profile, { recursive: true, force: true });
  }
});

function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}
