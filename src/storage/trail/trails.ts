/**
 * The leak trail in IndexedDB: an address's "given to" sites, and its findings kept in step with
 * them. Every write that can change what an address's findings should be (a check's result, a
 * change of its sites, a notice saved or deleted, an import) calls `reconcileTrails` inside its
 * own transaction, so the findings and the badge that counts them never disagree with the data.
 */
import type { IDBPTransaction, StoreNames } from 'idb';
import type { ExposureState } from '../../core/exposure';
import { incidentBreach, sourcesOf } from '../../core/incident';
import { trailsFor, type Appearance, type LeakTrail } from '../../core/trail/leak-trail';
import type { Db, ExposureDb } from '../schema';

/** The stores reconcileTrails reads and writes; a transaction that calls it must hold them. */
export const TRAIL_STORES = ['addresses', 'exposures', 'breaches', 'notices', 'trails'] as const;

/** A read-write transaction that holds at least TRAIL_STORES (callers' transactions hold more). */
export type TrailTx = IDBPTransaction<ExposureDb, Array<StoreNames<ExposureDb>>, 'readwrite'>;

/**
 * Brings the address's findings in line with its sites, exposures and notices: missing ones are
 * added as new, ones that no longer hold (the site was added to "given to", the breach removed)
 * go, the rest keep their state. Reads nothing more for an address given to no site.
 */
export async function reconcileTrails(tx: TrailTx, email: string, now: number): Promise<void> {
  const trails = tx.objectStore('trails');
  const had = await trails.index('by-email').getAll(email);
  const address = await tx.objectStore('addresses').get(email);
  const givenTo = address?.givenTo ?? [];
  let wanted: LeakTrail[] = [];
  if (givenTo.length > 0) {
    const breaches = tx.objectStore('breaches');
    const appearances: Appearance[] = [];
    for (const e of await tx.objectStore('exposures').index('by-email').getAll(email)) {
      const records = await Promise.all(sourcesOf(e).map((s) => breaches.get([s.provider, s.breachId])));
      const breach = incidentBreach(records);
      appearances.push({
        source: { kind: 'breach', provider: e.provider, breachId: e.breachId },
        title: breach?.title ?? e.breachId,
        domains: records.flatMap((r) => (r ? [r.domain] : [])),
        date: breach?.breachDate ?? null,
      });
    }
    for (const n of await tx.objectStore('notices').index('by-email').getAll(email)) {
      appearances.push({ source: { kind: 'notice', id: n.id }, title: n.organisation, domains: [n.site], date: n.date === '' ? null : n.date });
    }
    wanted = trailsFor(email, givenTo, appearances, new Map(had.map((t) => [t.id, t])), now);
  }
  const keep = new Set(wanted.map((t) => t.id));
  for (const t of had) if (!keep.has(t.id)) await trails.delete(t.id);
  const before = new Map(had.map((t) => [t.id, JSON.stringify(t)]));
  for (const t of wanted) if (before.get(t.id) !== JSON.stringify(t)) await trails.put(t);
}

/** Sets the sites an address was given to (registrable domains) and its findings with them; false when the address is gone. */
export async function setGivenTo(db: Db, email: string, sites: readonly string[], now: number): Promise<boolean> {
  const tx = db.transaction([...TRAIL_STORES], 'readwrite', { durability: 'strict' });
  const address = await tx.objectStore('addresses').get(email);
  if (address) {
    const { givenTo: _old, ...rest } = address;
    const next = [...new Set(sites)].sort();
    await tx.objectStore('addresses').put(next.length > 0 ? { ...rest, givenTo: next } : rest);
    await reconcileTrails(tx as unknown as TrailTx, email, now);
  }
  await tx.done;
  return address !== undefined;
}

/** Acknowledges, resolves or reopens a finding; false when it is gone. */
export async function setTrailState(db: Db, id: string, state: ExposureState, now: number): Promise<boolean> {
  const tx = db.transaction('trails', 'readwrite', { durability: 'strict' });
  const trail = await tx.store.get(id);
  if (trail && trail.state !== state) await tx.store.put({ ...trail, state, stateChangedAt: now });
  await tx.done;
  return trail !== undefined;
}

/** Findings the person has not acknowledged yet: the badge counts them with the exposures. */
export function countNewTrails(db: Db): Promise<number> {
  return db.countFromIndex('trails', 'by-state', 'new');
}
