import type { Db } from './schema';

/** How many exposures the user has not yet seen: the toolbar badge. */
export function countUnacknowledged(db: Db): Promise<number> {
  return db.countFromIndex('exposures', 'by-state', 'new');
}

/** Marks the addresses' unseen exposures as seen. Only 'new' ones change. */
export async function acknowledgeExposures(db: Db, emails: readonly string[], now: number): Promise<number> {
  const tx = db.transaction('exposures', 'readwrite', { durability: 'strict' });
  const wanted = new Set(emails);
  let changed = 0;
  let cursor = await tx.store.index('by-state').openCursor('new');
  while (cursor) {
    if (wanted.has(cursor.value.email)) {
      await cursor.update({ ...cursor.value, state: 'acknowledged', stateChangedAt: now });
      changed++;
    }
    cursor = await cursor.continue();
  }
  await tx.done;
  return changed;
}

