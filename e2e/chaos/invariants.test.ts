import { describe, expect, it } from 'vitest';
import { catalogVersion, checkInvariants, type World } from './invariants';
import { Random } from './random';
import type { Snapshot } from './snapshot';

/**
 * The chaos test passes only if checkInvariants finds nothing; these show it finds each kind of
 * damage it is there to catch, starting from one small consistent database each time.
 */

const A = 'chaos01@example.com';
const B = 'chaos02@example.com';

function consistent(): Snapshot {
  return {
    addresses: [A, B, 'imp01-000@example.com'],
    breaches: [
      { provider: 'hibp', id: 'Adobe', version: 2 },
      { provider: 'hibp', id: 'Canva', version: 2 },
      { provider: 'xposedornot', id: 'Adobe', version: 1 },
      { provider: 'xposedornot', id: 'OwnEntry', version: null },
      { provider: 'hibp', id: 'imp01-b000', version: null },
    ],
    exposures: [
      { email: A, provider: 'hibp', breachId: 'Adobe', state: 'new' },
      { email: A, provider: 'hibp', breachId: 'Canva', state: 'new' },
      { email: 'imp01-000@example.com', provider: 'hibp', breachId: 'imp01-b000', state: 'resolved' },
    ],
    jobs: [{ runId: 'r2', email: B, provider: 'hibp' }],
    runs: [
      { id: 'r1', provider: 'hibp', emails: [A, B], finished: true },
      { id: 'r2', provider: 'hibp', emails: [A, B], finished: false },
      { id: 'imp01-run', provider: 'hibp', emails: ['imp01-000@example.com'], finished: true },
    ],
    results: [
      { runId: 'r1', email: A, outcome: 'breached', breachIds: ['Adobe', 'Canva'], newBreachIds: ['Adobe', 'Canva'] },
      { runId: 'r1', email: B, outcome: 'clean', breachIds: [], newBreachIds: [] },
      { runId: 'r2', email: A, outcome: 'breached', breachIds: ['Adobe', 'Canva'], newBreachIds: [] },
      { runId: 'imp01-run', email: 'imp01-000@example.com', outcome: 'breached', breachIds: ['imp01-b000'], newBreachIds: ['imp01-b000'] },
    ],
    notices: [{ id: 'imp01-notice-0', email: 'imp01-000@example.com', state: 'acknowledged' }],
    siteAlerts: [{ id: 'imp01-alert-0', provider: 'hibp', breachIds: ['imp01-b000'] }],
    stateIndex: { new: 2, acknowledged: 0, resolved: 1 },
  };
}

const world = (over: Partial<World> = {}): World => ({
  accounts: new Map([
    [A, ['Adobe', 'Canva']],
    [B, []],
  ]),
  catalogs: {
    hibp: { allowed: [2], size: (v) => v, untagged: 0 },
    xposedornot: { allowed: [1], size: (v) => v, untagged: 1 },
  },
  imports: [
    {
      prefix: 'imp01-',
      counts: { addresses: 1, breaches: 1, exposures: 1, notices: 1, siteAlerts: 1, runs: 1, results: 1 },
      state: 'either',
    },
  ],
  ...over,
});

/** The problems found after `damage` is done to a consistent snapshot. */
function after(damage: (s: Snapshot) => void, w: World = world(), before?: Snapshot): string[] {
  const s = consistent();
  damage(s);
  return checkInvariants(s, w, before);
}

describe('checkInvariants', () => {
  it('finds nothing wrong in a consistent database', () => {
    expect(checkInvariants(consistent(), world(), consistent())).toEqual([]);
  });

  it('finds an address with both a result and a queued job, or with neither', () => {
    expect(after((s) => s.jobs.push({ runId: 'r2', email: A, provider: 'hibp' }))).toEqual([
      `run r2: ${A} has a result AND a queued job (would be checked twice)`,
    ]);
    expect(after((s) => (s.jobs = []))).toEqual([`run r2: ${B} has neither a result nor a queued job (lost)`, 'run r2 has every result but is not marked finished']);
  });

  it('finds a run marked finished too early, and a job or result outside its run', () => {
    expect(after((s) => (s.runs[1]!.finished = true))).toEqual(['run r2 is marked finished with 1 job(s) still queued']);
    expect(after((s) => s.jobs.push({ runId: 'gone', email: A, provider: 'hibp' }))).toEqual([`job ${A} belongs to no stored run (gone)`]);
    expect(after((s) => s.results.push({ runId: 'r1', email: 'x@example.com', outcome: 'clean', breachIds: [], newBreachIds: [] }))).toEqual([
      'result x@example.com is not one of run r1\'s addresses',
    ]);
  });

  it('finds a duplicated exposure, one announced as new twice, and one without its breach or address', () => {
    const twice = after((s) => {
      s.exposures.push({ ...s.exposures[0]! });
      s.stateIndex.new = 3;
    });
    expect(twice).toContain(`exposure ${A}|hibp|Adobe is stored twice`);
    expect(after((s) => (s.results[2]!.newBreachIds = ['Adobe']))).toEqual([`exposure ${A}|hibp|Adobe was announced as new by 2 results, not 1`]);
    expect(after((s) => (s.breaches = s.breaches.filter((b) => b.id !== 'Canva' || b.provider !== 'hibp')))).toContain(
      `exposure ${A}|hibp|Canva refers to a breach record that is not stored`,
    );
    expect(after((s) => (s.addresses = s.addresses.filter((a) => a !== A)))).toContain(`exposure ${A}|hibp|Adobe belongs to an address that is not watched`);
  });

  it('finds an exposure the server never listed, and state counts that do not add up', () => {
    const w = world({ accounts: new Map([[A, ['Adobe']]]) });
    expect(after(() => undefined, w)).toEqual([`exposure ${A}|hibp|Canva: the server never listed that breach for the address`]);
    expect(after((s) => (s.stateIndex.new = 1))).toEqual(['the by-state index counts 1 "new" exposures, the records 2']);
    expect(after((s) => (s.exposures[0]!.state = 'seen'))).toContain(`exposure ${A}|hibp|Adobe has the state "seen"`);
  });

  it('finds a catalog of mixed versions, a partial one, and one at a version not allowed', () => {
    const mixed = after((s) => (s.breaches[1]!.version = 3));
    expect(mixed).toEqual(['hibp catalog: records of versions [2, 3] stored together, expected one of [2]']);
    expect(after((s) => s.breaches.push({ provider: 'hibp', id: 'Extra', version: 2 }))).toEqual(['hibp catalog v2 is partial: 3 of 2 records']);
    const w = world();
    expect(after(() => undefined, { ...w, catalogs: { ...w.catalogs, hibp: { ...w.catalogs.hibp, allowed: [3, 4] } } })).toEqual([
      'hibp catalog is at version 2, expected one of [3, 4]',
    ]);
    expect(catalogVersion(consistent(), 'hibp')).toBe(2);
  });

  it('finds an import stored in part, or gone after it was stored', () => {
    expect(after((s) => (s.notices = []))).toEqual(['import imp01- is partly stored: addresses 1/1, breaches 1/1, exposures 1/1, notices 0/1, siteAlerts 1/1, runs 1/1, results 1/1']);
    const applied = world();
    applied.imports[0]!.state = 'applied';
    expect(checkInvariants(consistent(), applied)).toEqual([]);
    expect(
      after((s) => {
        s.addresses.pop();
        s.breaches.pop();
        s.exposures.pop();
        s.notices = [];
        s.siteAlerts = [];
        s.runs.pop();
        s.results.pop();
        s.stateIndex.resolved = 0;
      }, applied),
    ).toEqual(['import imp01- was stored and is gone: addresses 0/1, breaches 0/1, exposures 0/1, notices 0/1, siteAlerts 0/1, runs 0/1, results 0/1']);
  });

  it('finds what was stored before the kill and is lost or undone after it', () => {
    const before = consistent();
    expect(after((s) => (s.jobs = []), world(), before)).toContain(`job r2|${B} left the queue without a result`);
    expect(after((s) => (s.results[0]!.breachIds = ['Adobe']), world(), before)).toContain(`result r1/${A} was rewritten`);
    expect(after((s) => (s.exposures[0]!.state = 'acknowledged'), world(), before)).toContain(
      `exposure ${A}|hibp|Adobe changed from new to acknowledged`,
    );
    const earlier = consistent();
    earlier.runs[1]!.finished = true;
    expect(checkInvariants(consistent(), world(), earlier)).toEqual(['run r2 was finished and is not any more']);
  });
});

describe('Random', () => {
  it('gives the same sequence for the same seed, and another for another seed', () => {
    const draw = (seed: number) => {
      const rng = new Random(seed);
      return [rng.int(0, 1000), rng.pick(['a', 'b', 'c']), rng.sample([1, 2, 3, 4, 5], 3), rng.chance(0.5)];
    };
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
    const rng = new Random(7);
    const ints = Array.from({ length: 1000 }, () => rng.int(3, 5));
    expect(new Set(ints)).toEqual(new Set([3, 4, 5]));
  });
});
