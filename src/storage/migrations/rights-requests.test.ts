import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openExposureDb } from '../open-db';
import { MIGRATIONS } from '../schema';
import { addRightsRequests } from './rights-requests';

/** The version this step upgrades from: its place in MIGRATIONS, never a number written here. */
const FROM = MIGRATIONS.indexOf(addRightsRequests);

/** A user's data at the version before the step, as that version's code stored it. */
const BEFORE = {
  addresses: [{ email: 'a@example.com', addedAt: 1, lastCheckedAt: 5, lastOutcome: 'breached', lastFailure: null, exposureCount: 1, newCount: 0 }],
  exposures: [{ email: 'a@example.com', provider: 'hibp', breachId: 'Adobe', also: [], firstSeen: 5, lastSeen: 5, state: 'resolved', stateChangedAt: 6, note: 'changed it', steps: ['password'] }],
  notices: [{ id: 'n1', email: 'a@example.com', organisation: 'Amazon', site: 'amazon.com', date: '2018-11-21', dataClasses: ['email', 'name'], note: 'technical error', createdAt: 7, state: 'acknowledged', stateChangedAt: 7 }],
  siteAlerts: [{ id: 's1', host: 'adobe.com', breachIds: ['Adobe'], provider: 'hibp', shownAt: 8, emails: ['a@example.com'] }],
  requests: [{ provider: 'hibp', at: 9 }],
};

let counter = 0;

describe('migration: data-protection requests', () => {
  it('sits in the list of migrations', () => {
    expect(FROM).toBeGreaterThanOrEqual(5);
  });

  // Upgrades from older versions run this step last; migrations.test.ts takes every one of them
  // to the current version with its data intact.
  {
    it('adds an empty, indexed store and keeps every record', async () => {
      const name = `rights-requests-migration-${++counter}`;
      const old = await openExposureDb(FROM, name);
      const tx = old.transaction(Object.keys(BEFORE) as never[], 'readwrite');
      for (const [store, records] of Object.entries(BEFORE)) for (const r of records) await tx.objectStore(store as never).put(r as never);
      await tx.done;
      old.close();
      const db = await openExposureDb(FROM + 1, name);
      expect(await db.count('rightsRequests')).toBe(0);
      expect([...db.transaction('rightsRequests').store.indexNames]).toEqual(['by-email']);
      for (const [store, records] of Object.entries(BEFORE)) {
        const stored = await db.getAll(store as never);
        expect(stored).toEqual(records);
      }
      // The new store takes a request keyed by its entry.
      await db.put('rightsRequests', {
        entry: 'notice\u0000n1', email: 'a@example.com', organisation: 'Amazon', law: 'eu-gdpr', sentOn: '2027-01-05', extensionMonths: 0,
        answeredOn: null, note: '', closedOn: null, createdAt: 1, changedAt: 1, notifiedDue: null,
      });
      expect(await db.countFromIndex('rightsRequests', 'by-email', 'a@example.com')).toBe(1);
      db.close();
    });
  }
});
