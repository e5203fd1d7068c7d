/** The leak trail's part of export and import: from the stores to the file's section and back. */
import type { StoredAddress } from '../../core/exposure';
import type { LeakTrail } from '../../core/trail/leak-trail';
import type { TrailSection } from '../../core/export/sections/trail';
import { reconcileTrails, type TrailTx } from './trails';

/** The section the export writes: each address's sites, and the findings. */
export function trailSectionOf(addresses: readonly StoredAddress[], trails: readonly LeakTrail[]): TrailSection {
  return {
    givenTo: addresses.flatMap((a) => (a.givenTo && a.givenTo.length > 0 ? [{ email: a.email, sites: a.givenTo }] : [])),
    findings: [...trails],
  };
}

/**
 * Writes a merged section inside the import's transaction (which holds the addresses already
 * merged): sites onto their addresses, findings into the store, then each address's findings
 * brought in line with its data, so an imported finding that no longer holds goes.
 */
export async function writeTrailSection(t: TrailTx, trail: TrailSection | null, now: number): Promise<void> {
  const addresses = t.objectStore('addresses');
  const sites = new Map((trail?.givenTo ?? []).map((g) => [g.email, g.sites]));
  for (const address of await addresses.getAll()) {
    const given = sites.get(address.email);
    if (given && given.length > 0) await addresses.put({ ...address, givenTo: [...given].sort() });
  }
  for (const finding of trail?.findings ?? []) await t.objectStore('trails').put(finding);
  for (const address of await addresses.getAll()) await reconcileTrails(t, address.email, now);
}
