import { mergeImport, type ExportData, type ExportDocument, EXPORT_FORMAT, EXPORT_VERSION } from '../core/export-format';
import { countByEmail, exposureKey, NO_EXPOSURES } from '../core/exposure';
import { sourceKey, sourcesOf } from '../core/incident';
import { HISTORY_STORES, HistoryWriter } from './history-index';
import type { Db } from './schema';
import { trailSectionOf, writeTrailSection } from './trail/trail-io';
import type { TrailTx } from './trail/trails';

/**
 * Everything the user owns, as the export writes it. Of the breach records only those the history
 * refers to are included: the rest is the provider's public catalog, fetched again at will.
 */
export async function readExportData(db: Db): Promise<ExportData> {
  const tx = db.transaction(['addresses', 'breaches', 'exposures', 'notices', 'siteAlerts', 'runs', 'results', 'trails', 'rightsRequests']);
  const [addresses, allBreaches, exposures, notices, siteAlerts, runs, results, trails, rightsRequests] = await Promise.all([
    tx.objectStore('addresses').getAll(),
    tx.objectStore('breaches').getAll(),
    tx.objectStore('exposures').getAll(),
    tx.objectStore('notices').getAll(),
    tx.objectStore('siteAlerts').getAll(),
    tx.objectStore('runs').getAll(),
    tx.objectStore('results').getAll(),
    tx.objectStore('trails').getAll(),
    tx.objectStore('rightsRequests').getAll(),
  ]);
  const used = new Set([
    ...exposures.map((e) => `${e.provider}\u0000${e.breachId}`),
    ...siteAlerts.flatMap((a) => a.breachIds.map((id) => `${a.provider}\u0000${id}`)),
  ]);
  const breaches = allBreaches.filter((b) => used.has(`${b.provider}\u0000${b.id}`));
  return { addresses, breaches, exposures, notices, siteAlerts, runs, results, trail: trailSectionOf(addresses, trails), rightsRequests };
}

const STORES = ['addresses', 'breaches', 'exposures', 'notices', 'siteAlerts', 'runs', 'results'] as const;

/**
 * Merges an already validated import into what is stored, in ONE transaction: either all of it
 * lands or nothing changes.
 */
export async function importDocument(db: Db, incoming: ExportDocument): Promise<void> {
  const tx = db.transaction([...STORES, 'trails', 'rightsRequests', ...HISTORY_STORES], 'readwrite', { durability: 'strict' });
  const existing: ExportDocument = {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    addresses: await tx.objectStore('addresses').getAll(),
    breaches: await tx.objectStore('breaches').getAll(),
    exposures: await tx.objectStore('exposures').getAll(),
    notices: await tx.objectStore('notices').getAll(),
    siteAlerts: await tx.objectStore('siteAlerts').getAll(),
    runs: await tx.objectStore('runs').getAll(),
    results: await tx.objectStore('results').getAll(),
    trail: trailSectionOf(await tx.objectStore('addresses').getAll(), await tx.objectStore('trails').getAll()),
    rightsRequests: await tx.objectStore('rightsRequests').getAll(),
  };
  const merged = mergeImport(existing, incoming);
  // The export leaves the counts out, and merging changes them: count them again from the result.
  const counts = countByEmail(merged.exposures);
  const addresses = merged.addresses.map((a) => ({ ...a, ...(counts.get(a.email) ?? NO_EXPOSURES) }));
  // put() of every merged record: unchanged ones are rewritten as they were. An exposure combined
  // into another record of its incident (mergeImport) goes.
  const writes: Promise<unknown>[] = [];
  // Exposures go through the history writer (rows and aggregates), after the breach records they name.
  for (const name of STORES) {
    if (name === 'exposures') continue;
    const store = tx.objectStore(name);
    for (const record of name === 'addresses' ? addresses : merged[name]) writes.push(store.put(record as never));
  }
  for (const request of merged.rightsRequests ?? []) writes.push(tx.objectStore('rightsRequests').put(request));
  await Promise.all(writes);
  const writer = new HistoryWriter(tx);
  const kept = new Set(merged.exposures.map((e) => sourceKey(e)));
  const changed = new Set(incoming.breaches.map((b) => sourceKey({ provider: b.provider, breachId: b.id })));
  const before = new Map(existing.exposures.map((e) => [sourceKey(e), e]));
  await Promise.all([
    ...existing.exposures.filter((e) => !kept.has(sourceKey(e))).map((e) => writer.delete(exposureKey(e))),
    // Only what the import changed is written: an exposure as it was, naming no imported breach record, stays.
    ...merged.exposures
      .filter((e) => JSON.stringify(before.get(sourceKey(e))) !== JSON.stringify(e) || sourcesOf(e).some((s) => changed.has(sourceKey(s))))
      .map((e) => writer.put(e)),
  ]);
  await writer.flush();
  // The merged sites onto the addresses, the merged findings, and every address's findings checked against them.
  await writeTrailSection(tx as unknown as TrailTx, merged.trail ?? null, Date.now());
  await tx.done;
}
