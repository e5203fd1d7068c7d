import { HISTORY_STORES, HistoryWriter } from './history-index';
import type { Db } from './schema';
import { countNewTrails } from './trail/trails';

/**
 * How many exposures and leak-trail findings the user has not yet seen: the toolbar badge. The
 * exposures are the sum of the counts each address carries, so it reads one record per address
 * however long the history; findings are few, counted on their state index.
 */
export async function countUnacknowledged(db: Db): Promise<number> {
  const [addresses, trails] = await Promise.all([db.getAll('addresses'), countNewTrails(db)]);
  return addresses.reduce((sum, a) => sum + a.newCount, 0) + trails;
}

/** Marks the addresses' unseen exposures as seen. Only 'new' ones change. */
export async function acknowledgeExposures(db: Db, emails: readonly string[], now: number): Promise<number> {
  const tx = db.transaction(['addresses', ...HISTORY_STORES], 'readwrite', { durability: 'strict' });
  const byEmailState = tx.objectStore('exposures').index('by-email-state');
  const writer = new HistoryWriter(tx);
  let changed = 0;
  for (const email of new Set(emails)) {
    // Read through the index of this address's new ones: the rest of the history is not touched.
    for (const exposure of await byEmailState.getAll(IDBKeyRange.only([email, 'new']))) {
      await writer.put({ ...exposure, state: 'acknowledged', stateChangedAt: now });
      changed++;
    }
    const address = await tx.objectStore('addresses').get(email);
    if (address && address.newCount !== 0) await tx.objectStore('addresses').put({ ...address, newCount: 0 });
  }
  await writer.flush();
  await tx.done;
  return changed;
}

