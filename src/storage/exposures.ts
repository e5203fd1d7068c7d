import type { Db } from './schema';
import { countNewTrails } from './trail/trails';

/** How many exposures and leak-trail findings the user has not yet seen: the toolbar badge. */
export async function countUnacknowledged(db: Db): Promise<number> {
  const [exposures, trails] = await Promise.all([db.countFromIndex('exposures', 'by-state', 'new'), countNewTrails(db)]);
  return exposures + trails;
}

/** Marks the addresses' unseen exposures as seen. Only 'new' ones change. */
export async function acknowledgeExposures(db: Db, emails: readonly string[], now: number): Promise<number> {
  const tx = db.transaction(['exposures', 'addresses'], 'readwrite', { durability: 'strict' });
  const byEmailState = tx.objectStore('exposures').index('by-email-state');
  let changed = 0;
  for (const email of new Set(emails)) {
    // Read through the index of this address's new ones: the rest of the history is not touched.
    let cursor = await byEmailState.openCursor(IDBKeyRange.only([email, 'new']));
    while (cursor) {
      await cursor.update({ ...cursor.value, state: 'acknowledged', stateChangedAt: now });
      changed++;
      cursor = await cursor.continue();
    }
    const address = await tx.objectStore('addresses').get(email);
    if (address && address.newCount !== 0) await tx.objectStore('addresses').put({ ...address, newCount: 0 });
  }
  await tx.done;
  return changed;
}

