import type { Snapshot } from './snapshot';

/**
 * What must hold after every kill, whatever moment it hit. Pure: a snapshot of the database and
 * what the test knows of the world in, the broken promises out, in words. Its own unit test
 * (invariants.test.ts) shows that each check fails on the damage it is there to catch.
 */

export type ProviderId = 'hibp' | 'xposedornot';
export const PROVIDERS: readonly ProviderId[] = ['hibp', 'xposedornot'];

export interface CatalogExpectation {
  /** Versions the stored catalog may be at now: the one it had and, during a sync, the one fetched. */
  allowed: readonly number[];
  /** Records carrying a version tag that a complete catalog of that version holds. */
  size: (version: number) => number;
  /** Records without a tag (XposedOrNot's own entries, which the fixture never re-versions). */
  untagged: number;
}

export interface ImportExpectation {
  /** Every key of the import starts with it: addresses, breach, run, notice and alert ids. */
  prefix: string;
  counts: ImportCounts;
  /** 'either' from the moment a kill may have cut the import short until the test has looked. */
  state: 'either' | 'applied' | 'absent';
}

export type ImportCounts = Record<'addresses' | 'breaches' | 'exposures' | 'notices' | 'siteAlerts' | 'runs' | 'results', number>;

export interface World {
  /** The addresses the test checks, and the breach names the server has for each (HIBP). */
  accounts: ReadonlyMap<string, readonly string[]>;
  catalogs: Readonly<Record<ProviderId, CatalogExpectation>>;
  imports: readonly ImportExpectation[];
}

/** Breach ids of imported histories: not any provider's, so not part of any catalog. */
export const isImportedId = (id: string): boolean => /^imp\d+-/.test(id);

const exposureKey = (e: { email: string; provider: string; breachId: string }) => `${e.email}|${e.provider}|${e.breachId}`;
const pairKey = (runId: string, email: string) => `${runId}|${email}`;
const STATES = new Set(['new', 'acknowledged', 'resolved']);

/** The catalog version a provider's stored records are at, or null if they are not all at one. */
export function catalogVersion(snapshot: Snapshot, provider: ProviderId): number | null {
  const versions = new Set(
    snapshot.breaches.filter((b) => b.provider === provider && !isImportedId(b.id) && b.version !== null).map((b) => b.version),
  );
  return versions.size === 1 ? [...versions][0]! : null;
}

/** How many records of an import each store holds. */
export function importCounts(snapshot: Snapshot, prefix: string): ImportCounts {
  const count = <T>(list: readonly T[], key: (item: T) => string) => list.filter((item) => key(item).startsWith(prefix)).length;
  return {
    addresses: count(snapshot.addresses, (a) => a),
    breaches: count(snapshot.breaches, (b) => b.id),
    exposures: count(snapshot.exposures, (e) => e.email),
    notices: count(snapshot.notices, (n) => n.id),
    siteAlerts: count(snapshot.siteAlerts, (a) => a.id),
    runs: count(snapshot.runs, (r) => r.id),
    results: count(snapshot.results, (r) => r.runId),
  };
}

export function checkInvariants(now: Snapshot, world: World, before?: Snapshot): string[] {
  const problems: string[] = [];
  const say = (problem: string) => {
    if (problems.length < 25) problems.push(problem);
  };
  checkRuns(now, say);
  checkHistory(now, world, say);
  checkCatalogs(now, world, say);
  checkImports(now, world, say);
  if (before) checkNothingLost(before, now, say);
  return problems;
}

/** Every address of every run: exactly one result or one queued job — never both, never neither. */
function checkRuns(now: Snapshot, say: (problem: string) => void): void {
  const runs = new Map(now.runs.map((r) => [r.id, r]));
  const results = new Map<string, number>();
  for (const r of now.results) results.set(pairKey(r.runId, r.email), (results.get(pairKey(r.runId, r.email)) ?? 0) + 1);
  const jobs = new Map<string, number>();
  for (const j of now.jobs) jobs.set(pairKey(j.runId, j.email), (jobs.get(pairKey(j.runId, j.email)) ?? 0) + 1);
  for (const run of now.runs) {
    if (new Set(run.emails).size !== run.emails.length) say(`run ${run.id} lists an address twice`);
    let queued = 0;
    for (const email of run.emails) {
      const done = results.get(pairKey(run.id, email)) ?? 0;
      const waiting = jobs.get(pairKey(run.id, email)) ?? 0;
      queued += waiting;
      if (done + waiting === 0) say(`run ${run.id}: ${email} has neither a result nor a queued job (lost)`);
      else if (done > 0 && waiting > 0) say(`run ${run.id}: ${email} has a result AND a queued job (would be checked twice)`);
      else if (done > 1 || waiting > 1) say(`run ${run.id}: ${email} has ${done} results and ${waiting} jobs`);
    }
    if (run.finished && queued > 0) say(`run ${run.id} is marked finished with ${queued} job(s) still queued`);
    if (!run.finished && queued === 0) say(`run ${run.id} has every result but is not marked finished`);
  }
  for (const job of now.jobs) {
    const run = runs.get(job.runId);
    if (!run) say(`job ${job.email} belongs to no stored run (${job.runId})`);
    else if (!run.emails.includes(job.email)) say(`job ${job.email} is not one of run ${job.runId}'s addresses`);
  }
  for (const result of now.results) {
    const run = runs.get(result.runId);
    if (!run) say(`result ${result.email} belongs to no stored run (${result.runId})`);
    else if (!run.emails.includes(result.email)) say(`result ${result.email} is not one of run ${result.runId}'s addresses`);
  }
}

/**
 * No exposure twice; each names a stored breach and a watched address; states add up (also as the
 * badge's index counts them); each exposure was "new" in exactly one result; and a checked
 * address has only breaches the server really lists for it.
 */
function checkHistory(now: Snapshot, world: World, say: (problem: string) => void): void {
  const watched = new Set(now.addresses);
  const breaches = new Set(now.breaches.map((b) => `${b.provider}|${b.id}`));
  const seen = new Set<string>();
  const byState: Record<string, number> = { new: 0, acknowledged: 0, resolved: 0 };
  for (const e of now.exposures) {
    const key = exposureKey(e);
    if (seen.has(key)) say(`exposure ${key} is stored twice`);
    seen.add(key);
    if (!STATES.has(e.state)) say(`exposure ${key} has the state "${e.state}"`);
    else byState[e.state]! += 1;
    if (!breaches.has(`${e.provider}|${e.breachId}`)) say(`exposure ${key} refers to a breach record that is not stored`);
    if (!watched.has(e.email)) say(`exposure ${key} belongs to an address that is not watched`);
    const listed = world.accounts.get(e.email);
    if (listed && (e.provider !== 'hibp' || !listed.includes(e.breachId))) say(`exposure ${key}: the server never listed that breach for the address`);
  }
  const total = byState.new! + byState.acknowledged! + byState.resolved!;
  if (total !== now.exposures.length) say(`exposures by state add up to ${total}, not ${now.exposures.length}`);
  for (const state of STATES) {
    if ((now.stateIndex[state] ?? 0) !== byState[state]) say(`the by-state index counts ${now.stateIndex[state] ?? 0} "${state}" exposures, the records ${byState[state]}`);
  }

  const runs = new Map(now.runs.map((r) => [r.id, r]));
  const announced = new Map<string, number>();
  for (const result of now.results) {
    const provider = runs.get(result.runId)?.provider ?? '?';
    for (const id of result.breachIds) {
      if (!breaches.has(`${provider}|${id}`)) say(`result ${result.runId}/${result.email} names a breach that is not stored: ${id}`);
    }
    for (const id of result.newBreachIds) {
      if (!result.breachIds.includes(id)) say(`result ${result.runId}/${result.email} calls ${id} new without finding it`);
      const key = exposureKey({ email: result.email, provider, breachId: id });
      announced.set(key, (announced.get(key) ?? 0) + 1);
    }
  }
  for (const key of seen) {
    const times = announced.get(key) ?? 0;
    if (times !== 1) say(`exposure ${key} was announced as new by ${times} results, not 1`);
  }
  for (const [key, times] of announced) if (!seen.has(key)) say(`results announce ${key} as new ${times}×, but no such exposure is stored`);

  for (const n of now.notices) {
    if (!watched.has(n.email)) say(`notice ${n.id} belongs to an address that is not watched`);
    if (!STATES.has(n.state)) say(`notice ${n.id} has the state "${n.state}"`);
  }
  for (const alert of now.siteAlerts) {
    for (const id of alert.breachIds) if (!breaches.has(`${alert.provider}|${id}`)) say(`site alert ${alert.id} names a breach that is not stored: ${id}`);
  }
}

/** Each provider's catalog is one complete version, never a mix and never a part of one. */
function checkCatalogs(now: Snapshot, world: World, say: (problem: string) => void): void {
  for (const provider of PROVIDERS) {
    const expected = world.catalogs[provider];
    const stored = now.breaches.filter((b) => b.provider === provider && !isImportedId(b.id));
    const tagged = stored.filter((b) => b.version !== null);
    const untagged = stored.length - tagged.length;
    const versions = [...new Set(tagged.map((b) => b.version!))].sort((a, b) => a - b);
    if (versions.length !== 1) {
      say(`${provider} catalog: records of versions [${versions.join(', ')}] stored together, expected one of [${expected.allowed.join(', ')}]`);
      continue;
    }
    const version = versions[0]!;
    if (!expected.allowed.includes(version)) say(`${provider} catalog is at version ${version}, expected one of [${expected.allowed.join(', ')}]`);
    if (tagged.length !== expected.size(version)) say(`${provider} catalog v${version} is partial: ${tagged.length} of ${expected.size(version)} records`);
    if (untagged !== expected.untagged) say(`${provider} catalog: ${untagged} records without a version, expected ${expected.untagged}`);
  }
}

/** An import lands whole or not at all. */
function checkImports(now: Snapshot, world: World, say: (problem: string) => void): void {
  for (const expected of world.imports) {
    const found = importCounts(now, expected.prefix);
    const stores = Object.keys(expected.counts) as Array<keyof ImportCounts>;
    const complete = stores.every((s) => found[s] === expected.counts[s]);
    const absent = stores.every((s) => found[s] === 0);
    const shown = stores.map((s) => `${s} ${found[s]}/${expected.counts[s]}`).join(', ');
    if (!complete && !absent) say(`import ${expected.prefix} is partly stored: ${shown}`);
    else if (expected.state === 'applied' && !complete) say(`import ${expected.prefix} was stored and is gone: ${shown}`);
    else if (expected.state === 'absent' && !absent) say(`import ${expected.prefix} was refused or cut short, yet is stored: ${shown}`);
  }
}

/**
 * Nothing stored before the kill is lost or undone: every record is still there, a finished run
 * stays finished, a result is never rewritten, a job leaves only with its result, and no
 * exposure changes state (nobody acknowledges anything during the test).
 */
function checkNothingLost(before: Snapshot, now: Snapshot, say: (problem: string) => void): void {
  const missing = <T>(store: string, old: readonly T[], fresh: readonly T[], key: (item: T) => string) => {
    const present = new Set(fresh.map(key));
    const gone = old.map(key).filter((k) => !present.has(k));
    if (gone.length > 0) say(`${gone.length} ${store} record(s) stored before the kill are gone, e.g. ${gone.slice(0, 3).join(', ')}`);
  };
  missing('addresses', before.addresses, now.addresses, (a) => a);
  missing('breaches', before.breaches, now.breaches, (b) => `${b.provider}|${b.id}`);
  missing('exposures', before.exposures, now.exposures, exposureKey);
  missing('runs', before.runs, now.runs, (r) => r.id);
  missing('results', before.results, now.results, (r) => pairKey(r.runId, r.email));
  missing('notices', before.notices, now.notices, (n) => n.id);
  missing('siteAlerts', before.siteAlerts, now.siteAlerts, (a) => a.id);

  const results = new Map(now.results.map((r) => [pairKey(r.runId, r.email), r]));
  const jobs = new Set(now.jobs.map((j) => pairKey(j.runId, j.email)));
  for (const job of before.jobs) {
    const key = pairKey(job.runId, job.email);
    if (!jobs.has(key) && !results.has(key)) say(`job ${key} left the queue without a result`);
  }
  const runs = new Map(now.runs.map((r) => [r.id, r]));
  for (const run of before.runs) if (run.finished && runs.get(run.id)?.finished === false) say(`run ${run.id} was finished and is not any more`);
  for (const old of before.results) {
    const fresh = results.get(pairKey(old.runId, old.email));
    if (fresh && JSON.stringify(fresh) !== JSON.stringify(old)) say(`result ${old.runId}/${old.email} was rewritten`);
  }
  const states = new Map(now.exposures.map((e) => [exposureKey(e), e.state]));
  for (const old of before.exposures) {
    const state = states.get(exposureKey(old));
    if (state !== undefined && state !== old.state) say(`exposure ${exposureKey(old)} changed from ${old.state} to ${state}`);
  }
}
