import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openExposureDb } from './open-db';
import { DB_VERSION, MIGRATIONS, type Migration } from './schema';
import { readStats } from './history-index';
import { expectHistoryIndexRight } from './history-recount.testkit';
import { historyIndexStep } from './migrations/history-index';

let counter = 0;
const freshName = () => `migration-test-${++counter}`;

/** Data a user could have at schema version 1, written with raw IndexedDB as v1 code would. */
const V1_DATA = {
  addresses: [{ email: 'a@example.com', addedAt: 1, lastCheckedAt: 5, lastOutcome: 'breached', lastFailure: null }],
  breaches: [
    {
      id: 'Adobe', provider: 'hibp', title: 'Adobe', domain: 'adobe.com', breachDate: '2013-10-04', addedDate: '2013-12-04T00:00:00.000Z',
      pwnCount: 152445165, description: '<a href="https://example.com">x</a>', dataClasses: ['Passwords'], logoUrl: null,
      flags: { verified: true, fabricated: false, sensitive: false, retired: false, spamList: false, malware: false, stealerLog: false },
    },
  ],
  exposures: [{ email: 'a@example.com', provider: 'hibp', breachId: 'Adobe', firstSeen: 5, lastSeen: 5, state: 'resolved', stateChangedAt: 6, note: 'changed it' }],
  jobs: [{ runId: 'r2', email: 'a@example.com', provider: 'hibp', enqueuedAt: 7, attempts: 1, notBefore: 9, lastFailure: null }],
  runs: [{ id: 'r1', provider: 'hibp', trigger: 'manual', startedAt: 4, finishedAt: 5, emails: ['a@example.com'] }],
  results: [{ runId: 'r1', email: 'a@example.com', at: 5, outcome: 'breached', breachIds: ['Adobe'], newBreachIds: ['Adobe'], failure: null }],
};

async function seedAt(version: number, name: string, data: Record<string, unknown[]>) {
  const old = await openExposureDb(version, name);
  const tx = old.transaction(Object.keys(data) as never[], 'readwrite');
  for (const [store, records] of Object.entries(data)) {
    for (const record of records) await tx.objectStore(store as never).put(record as never);
  }
  await tx.done;
  old.close();
}

describe('migrations', () => {
  it('are numbered one per version', () => {
    expect(DB_VERSION).toBe(MIGRATIONS.length);
    expect(DB_VERSION).toBeGreaterThanOrEqual(2);
  });

  it('create the current schema from nothing', async () => {
    const db = await openExposureDb(DB_VERSION, freshName());
    expect([...db.objectStoreNames].sort()).toEqual(
      ['addresses', 'breaches', 'exposures', 'historyRows', 'historyStats', 'jobs', 'notices', 'requests', 'results', 'rightsRequests', 'runs', 'siteAlerts', 'trails'].sort(),
    );
    expect([...db.transaction('exposures').store.indexNames].sort()).toEqual([
      'by-email', 'by-email-first-seen', 'by-email-state', 'by-first-seen', 'by-state',
    ]);
    db.close();
  });

  // Every earlier version, upgraded to the current one, keeps every record it had.
  for (let from = 1; from < DB_VERSION; from++) {
    it(`upgrade a version ${from} database to version ${DB_VERSION} with its data intact`, async () => {
      const name = freshName();
      // From version 5 on, exposures are stored with `also` (4 → 5 adds it).
      await seedAt(from, name, from >= 5 ? { ...V1_DATA, exposures: V1_DATA.exposures.map((e) => ({ ...e, also: [] })) } : V1_DATA);
      const db = await openExposureDb(DB_VERSION, name);
      expect(db.version).toBe(DB_VERSION);
      for (const [store, records] of Object.entries(V1_DATA)) {
        // Addresses gain their exposure counts (3 → 4, counted again 4 → 5) and keep every field they had; exposures
        // gain the other providers' names of their incident (4 → 5, or seeded with them from 5 on): none here.
        const expected = store === 'addresses'
          ? records.map((r) => expect.objectContaining(r))
          : store === 'exposures' ? records.map((r) => ({ ...r, also: [] })) : records;
        expect(await db.getAll(store as never)).toEqual(expected);
      }
      // Indexes made by earlier steps still answer.
      expect(await db.getAllFromIndex('exposures', 'by-state', 'resolved')).toHaveLength(1);
      expect(await db.countFromIndex('results', 'by-email', 'a@example.com')).toBe(1);
      db.close();
    });
  }

  it('1 → 2 adds the notices and site-alert stores, empty and indexed', async () => {
    const name = freshName();
    await seedAt(1, name, V1_DATA);
    const db = await openExposureDb(2, name);
    expect(await db.count('notices')).toBe(0);
    expect([...db.transaction('notices').store.indexNames].sort()).toEqual(['by-created', 'by-email', 'by-state']);
    expect([...db.transaction('siteAlerts').store.indexNames].sort()).toEqual(['by-host', 'by-shown']);
    db.close();
  });

  it('2 → 3 indexes exposures by address and state, and by address and first sighting', async () => {
    const name = freshName();
    await seedAt(1, name, V1_DATA);
    const db = await openExposureDb(3, name);
    expect(await db.countFromIndex('exposures', 'by-email-state', ['a@example.com', 'resolved'])).toBe(1);
    expect(await db.countFromIndex('exposures', 'by-email-state', ['a@example.com', 'new'])).toBe(0);
    const newest = await db.transaction('exposures').store.index('by-email-first-seen')
      .openCursor(IDBKeyRange.bound(['a@example.com', -Infinity], ['a@example.com', Infinity]), 'prev');
    expect(newest?.value.breachId).toBe('Adobe');
    db.close();
  });

  it('3 → 4 stores on each address how many exposures it has and how many are new', async () => {
    const name = freshName();
    const exposure = (email: string, breachId: string, state: string) => ({
      email, provider: 'hibp', breachId, firstSeen: 5, lastSeen: 5, state, stateChangedAt: 6, note: '',
    });
    const address = (email: string, addedAt: number) => ({ email, addedAt, lastCheckedAt: 5, lastOutcome: 'breached', lastFailure: null });
    await seedAt(3, name, {
      addresses: [address('a@example.com', 1), address('b@example.com', 2), address('c@example.com', 3)],
      exposures: [
        exposure('a@example.com', 'Adobe', 'new'),
        exposure('a@example.com', 'LinkedIn', 'new'),
        exposure('a@example.com', 'Canva', 'acknowledged'),
        exposure('a@example.com', 'Dropbox', 'resolved'),
        exposure('b@example.com', 'Adobe', 'acknowledged'),
        // c has none; an address's counts are its own even where breach ids are shared.
      ],
    });
    const db = await openExposureDb(4, name);
    expect(await db.getAll('addresses')).toEqual([
      { ...address('a@example.com', 1), exposureCount: 4, newCount: 2 },
      { ...address('b@example.com', 2), exposureCount: 1, newCount: 0 },
      { ...address('c@example.com', 3), exposureCount: 0, newCount: 0 },
    ]);
    expect(await db.count('exposures')).toBe(5);
    db.close();
  });

  // A user who checked with HIBP, resolved Adobe with a note, switched to XposedOrNot and checked
  // again: two records of Adobe, and of LinkedIn two records that are two incidents (2012, 2016).
  const breach = (provider: string, id: string, domain: string, breachDate: string) => ({
    ...V1_DATA.breaches[0], provider, id, title: id, domain, breachDate,
  });
  const SWITCHED = {
    addresses: [{ email: 'a@example.com', addedAt: 1, lastCheckedAt: 50, lastOutcome: 'breached', lastFailure: null }, { email: 'b@example.com', addedAt: 2, lastCheckedAt: 50, lastOutcome: 'breached', lastFailure: null }],
    breaches: [
      breach('hibp', 'Adobe', 'adobe.com', '2013-10-04'),
      breach('xposedornot', 'Adobe', 'adobe.com', '2013'),
      breach('hibp', 'LinkedIn', 'linkedin.com', '2012-05-05'),
      breach('xposedornot', 'LinkedIn', 'linkedin.com', '2016'),
    ],
    exposures: [
      { email: 'a@example.com', provider: 'hibp', breachId: 'Adobe', firstSeen: 5, lastSeen: 5, state: 'resolved', stateChangedAt: 6, note: 'changed it' },
      { email: 'a@example.com', provider: 'hibp', breachId: 'LinkedIn', firstSeen: 5, lastSeen: 5, state: 'acknowledged', stateChangedAt: 7, note: '' },
      { email: 'a@example.com', provider: 'xposedornot', breachId: 'Adobe', firstSeen: 50, lastSeen: 50, state: 'new', stateChangedAt: 50, note: '' },
      { email: 'a@example.com', provider: 'xposedornot', breachId: 'LinkedIn', firstSeen: 50, lastSeen: 50, state: 'new', stateChangedAt: 50, note: '' },
      // Another address's records are its own, even of the same incident.
      { email: 'b@example.com', provider: 'xposedornot', breachId: 'Adobe', firstSeen: 50, lastSeen: 50, state: 'new', stateChangedAt: 50, note: '' },
    ],
  };
  const withCounts = (version: number) =>
    version < 4 ? SWITCHED : { ...SWITCHED, addresses: SWITCHED.addresses.map((a) => ({ ...a, exposureCount: a.email === 'a@example.com' ? 4 : 1, newCount: a.email === 'a@example.com' ? 2 : 1 })) };

  for (let from = 1; from < 5; from++) {
    it(`4 → 5 makes two providers' records of one incident one, keeping the user's state, from version ${from}`, async () => {
      const name = freshName();
      await seedAt(from, name, withCounts(from));
      const db = await openExposureDb(5, name);
      expect(await db.getAll('exposures')).toEqual([
        { ...SWITCHED.exposures[0], also: [{ provider: 'xposedornot', breachId: 'Adobe' }], lastSeen: 50 },
        { ...SWITCHED.exposures[1], also: [] },
        { ...SWITCHED.exposures[3], also: [] },
        { ...SWITCHED.exposures[4], also: [] },
      ]);
      // Counted again: three incidents for a, one new; the badge's index agrees.
      expect(await db.getAll('addresses')).toEqual([
        { ...SWITCHED.addresses[0], exposureCount: 3, newCount: 1 },
        { ...SWITCHED.addresses[1], exposureCount: 1, newCount: 1 },
      ]);
      expect(await db.countFromIndex('exposures', 'by-state', 'new')).toBe(2);
      expect(await db.count('breaches')).toBe(4);
      db.close();
    });
  }

  // The history's rows and aggregates, built from what every earlier version stored.
  const historyVersion = MIGRATIONS.indexOf(historyIndexStep) + 1;
  for (let from = 1; from < historyVersion; from++) {
    it(`${historyVersion - 1} → ${historyVersion} builds the history rows and aggregates from the stored exposures, from version ${from}`, async () => {
      const name = freshName();
      await seedAt(from, name, withCounts(from));
      const db = await openExposureDb(historyVersion, name);
      // One row per exposure (after 4 → 5 made one of each incident), each in the view index under every order.
      expect(await db.count('historyRows')).toBe(await db.count('exposures'));
      expect(await db.count('historyRows')).toBeGreaterThan(0);
      await expectHistoryIndexRight(db);
      const { cells } = await readStats(db);
      expect(cells.reduce((n, c) => n + c.count, 0)).toBe(await db.count('exposures'));
      db.close();
    });
  }

  it('a step that fails leaves the database at its old version, with its data as it was', async () => {
    const name = freshName();
    await seedAt(3, name, V1_DATA);
    const failing: Migration[] = [
      ...MIGRATIONS.slice(0, 3),
      async (_db, tx) => {
        const addresses = tx.objectStore('addresses');
        for (const a of await addresses.getAll()) await addresses.put({ ...a, exposureCount: -1, newCount: -1 });
        throw new Error('half way');
      },
    ];
    await expect(openExposureDb(4, name, { steps: failing })).rejects.toThrow();
    const db = await openExposureDb(3, name);
    expect(db.version).toBe(3);
    expect(await db.getAll('addresses')).toEqual(V1_DATA.addresses);
    db.close();
  });
});
