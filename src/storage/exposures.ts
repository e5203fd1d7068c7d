import type { ExposureKey } from '../core/exposure';
import type { Db } from './schema';

/** How many exposures the user has not yet seen: the toolbar badge. */
export function countUnacknowledged(db: Db): Promise<number> {
  return db.countFromIndex('exposures', 'by-state', 'new');
}

/** Marks exposures as seen. Only 'new' ones change: a resolved exposure stays resolved. */
export async function acknowledgeExposures(db: Db, keys: ExposureKey[], now: number): Promise<number> {
  const tx = db.transaction('exposures', 'readwrite', { durability: 'strict' });
  let changed = 0;
  for (const key of keys) {
    const exposure = await tx.store.get(key);
    if (exposure?.state !== 'new') continue;
    await tx.store.put({ ...exposure, state: 'acknowledged', stateChangedAt: now });
    changed++;
  }
  await tx.done;
  return changed;
}
