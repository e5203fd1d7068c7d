import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openExposureDb } from '../open-db';
import { MIGRATIONS } from '../schema';
import { addLeakTrail } from './leak-trail';

const STEP = MIGRATIONS.indexOf(addLeakTrail);
let counter = 0;

describe('the leak-trail migration', () => {
  it('is one of the numbered steps', () => {
    expect(STEP).toBeGreaterThanOrEqual(5);
  });

  // From every earlier version: the store is there, empty and indexed, and addresses are untouched.
  for (let from = 1; from <= STEP; from++) {
    it(`adds the trails store to a version ${from} database, keeping its addresses`, async () => {
      const name = `leak-trail-migration-${++counter}`;
      const old = await openExposureDb(from, name);
      const address = { email: 'me+shopa@example.com', addedAt: 1, lastCheckedAt: null, lastOutcome: null, lastFailure: null, exposureCount: 0, newCount: 0 };
      await old.put('addresses', address);
      old.close();
      const db = await openExposureDb(STEP + 1, name);
      expect(db.objectStoreNames.contains('trails')).toBe(true);
      expect([...db.transaction('trails').store.indexNames].sort()).toEqual(['by-email', 'by-state']);
      expect(await db.count('trails')).toBe(0);
      expect(await db.get('addresses', address.email)).toEqual(from < 4 ? expect.objectContaining({ email: address.email, addedAt: 1 }) : address);
      db.close();
    });
  }
});
