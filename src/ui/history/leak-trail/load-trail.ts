/**
 * What the history page's leak-trail section shows, read straight from IndexedDB in one readonly
 * transaction (writes go through the background). Findings are a few hundred at most: read whole.
 */
import type { Breach } from '../../../core/breach';
import type { WatchedAddress } from '../../../core/exposure';
import type { LeakTrail } from '../../../core/trail/leak-trail';
import type { Db } from '../../../storage/schema';

export interface TrailData {
  /** Newest first. */
  findings: Array<{ trail: LeakTrail; breach: Breach | null }>;
  addresses: WatchedAddress[];
}

export async function loadTrail(db: Db): Promise<TrailData> {
  const tx = db.transaction(['trails', 'addresses', 'breaches']);
  const [trails, addresses] = await Promise.all([tx.objectStore('trails').getAll(), tx.objectStore('addresses').getAll()]);
  const findings = await Promise.all(
    trails.map(async (trail) => ({
      trail,
      breach: trail.source.kind === 'breach' ? ((await tx.objectStore('breaches').get([trail.source.provider, trail.source.breachId])) ?? null) : null,
    })),
  );
  findings.sort((a, b) => b.trail.createdAt - a.trail.createdAt || (a.trail.id < b.trail.id ? -1 : 1));
  addresses.sort((a, b) => a.addedAt - b.addedAt);
  return { findings, addresses };
}
