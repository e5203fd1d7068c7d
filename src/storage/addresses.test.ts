import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { NO_FLAGS, type Breach } from '../core/breach';
import { addAddress, removeAddress } from './addresses';
import { enqueueRun, pendingJobs, recordJobResult } from './check-queue';
import { openExposureDb } from './open-db';
import { DB_VERSION, type Db } from './schema';
import { setGivenTo } from './trail/trails';

const breach = (id: string): Breach => ({
  id, provider: 'xposedornot', title: id, domain: 'shop.example', breachDate: '2020', addedDate: null, pwnCount: 1, description: '', dataClasses: [], logoUrl: null, flags: NO_FLAGS,
});

const GONE = 'gone@example.com';
const KEPT = 'kept@example.com';

let db: Db;
let n = 0;
beforeEach(async () => {
  db = await openExposureDb(DB_VERSION, `addresses-test-${++n}`);
  await addAddress(db, GONE, 1);
  await addAddress(db, KEPT, 2);
  // Given only to another site, so its breach leaves a leak-trail finding.
  await setGivenTo(db, GONE, ['other.example'], 3);
  // A finished run of both, a run of the removed one alone still queued, a notice, a site alert naming both.
  await enqueueRun(db, { id: 'both', emails: [GONE, KEPT], providers: ['xposedornot'], trigger: 'manual', now: 10 });
  for (const job of await pendingJobs(db)) {
    await recordJobResult(db, job, { kind: 'checked', outcome: { kind: 'breached', breaches: [breach('Adobe')] } }, 20);
  }
  await enqueueRun(db, { id: 'alone', emails: [GONE], providers: ['xposedornot'], trigger: 'context-menu', now: 30 });
  await db.put('notices', {
    id: 'n1', email: GONE, organisation: 'Shop', site: 'shop.example', date: '2018-11', dataKinds: [], note: '', state: 'new', stateChangedAt: null, createdAt: 40,
  } as never);
  await db.put('siteAlerts', { id: 'a1', host: 'shop.example', breachIds: ['Adobe'], provider: 'xposedornot', shownAt: 50, emails: [GONE, KEPT] });
  // A data-protection request about the notice: an export would refuse it once its address is gone.
  await db.put('rightsRequests', {
    entry: 'notice\u0000n1', email: GONE, organisation: 'Shop', law: 'eu-gdpr', sentOn: '2026-11-02', extensionMonths: 0,
    answeredOn: null, note: '', closedOn: null, createdAt: 60, changedAt: 60, notifiedDue: null,
  });
});

describe('removeAddress', () => {
  it('purges the address from every store that names it, and leaves the other address whole', async () => {
    await removeAddress(db, GONE);
    const everything = JSON.stringify(await Promise.all(
      (['addresses', 'exposures', 'jobs', 'runs', 'results', 'notices', 'siteAlerts', 'trails', 'rightsRequests', 'historyRows'] as const).map((store) => db.getAll(store)),
    ));
    expect(everything).not.toContain(GONE);
    expect(await db.getAll('trails')).toEqual([]);
    expect(await db.getAll('rightsRequests')).toEqual([]);

    expect((await db.getAll('addresses')).map((a) => a.email)).toEqual([KEPT]);
    expect((await db.getAll('exposures')).map((e) => e.email)).toEqual([KEPT]);
    expect((await db.getAll('results')).map((r) => r.email)).toEqual([KEPT]);
    // The run of both keeps the other address; the run of the removed one alone is gone.
    expect((await db.getAll('runs')).map((r) => [r.id, r.emails])).toEqual([['both', [KEPT]]]);
    expect(await db.getAll('jobs')).toEqual([]);
    expect(await db.getAll('notices')).toEqual([]);
    // The site alert is about the site: it stays, without the removed address.
    expect(await db.getAll('siteAlerts')).toMatchObject([{ id: 'a1', emails: [KEPT] }]);
  });

  it('all or nothing: a failure part-way leaves every store as it was', async () => {
    expect(await db.count('trails')).toBe(1);
    const before = JSON.stringify(await db.getAll('runs')) + JSON.stringify(await db.getAll('exposures')) + JSON.stringify(await db.getAll('trails'));
    // The last step, rewriting the site-alert record, throws: everything before it must be undone.
    const original = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
      if (this.name === 'siteAlerts') throw new DOMException('refused', 'DataError');
      return original.call(this, value, key);
    };
    try {
      await expect(removeAddress(db, GONE)).rejects.toThrow();
    } finally {
      IDBObjectStore.prototype.put = original;
    }
    expect(JSON.stringify(await db.getAll('runs')) + JSON.stringify(await db.getAll('exposures')) + JSON.stringify(await db.getAll('trails'))).toBe(before);
    expect((await db.getAll('addresses')).map((a) => a.email).sort()).toEqual([GONE, KEPT]);
  });
});
