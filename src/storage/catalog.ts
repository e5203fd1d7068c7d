import type { Breach, ProviderId } from '../core/breach';
import { SOURCE_PREFIX } from '../core/history-row';
import { HISTORY_STORES, HistoryWriter } from './history-index';
import type { Db } from './schema';

/**
 * Replaces a provider's catalog, in one transaction. Entries the provider dropped are deleted —
 * unless one of the user's exposures refers to it: its details stay for the history, and a breach
 * of the user's own keeps alerting on its site.
 */
export async function saveCatalog(db: Db, provider: ProviderId, breaches: readonly Breach[]): Promise<void> {
  const tx = db.transaction([...HISTORY_STORES], 'readwrite', { durability: 'strict' });
  const fresh = new Set(breaches.map((b) => b.id));
  // The breaches the history names, from its per-breach counts (not from every exposure).
  const prefix = `${SOURCE_PREFIX}${provider}\u0000`;
  const referenced = new Set((await tx.objectStore('historyStats').getAllKeys(IDBKeyRange.bound(prefix, `${prefix}\uffff`))).map((k) => k.slice(prefix.length)));
  const store = tx.objectStore('breaches');
  for (const key of await store.getAllKeys(IDBKeyRange.bound([provider], [provider, []]))) {
    if (!fresh.has(key[1]) && !referenced.has(key[1])) void store.delete(key);
  }
  // A record the history names may change what its entries are sorted and filtered by.
  const writer = new HistoryWriter(tx);
  for (const breach of breaches) {
    if (!referenced.has(breach.id)) {
      void store.put(breach);
      continue;
    }
    const before = await store.get([provider, breach.id]);
    await store.put(breach);
    await writer.breachWritten(before, breach);
  }
  await writer.flush();
  await tx.done;
}

/** What the domain index is built from: the provider's catalog and the user's own breaches. */
export async function catalogOf(db: Db, provider: ProviderId): Promise<Breach[]> {
  return db.getAll('breaches', IDBKeyRange.bound([provider], [provider, []]));
}
