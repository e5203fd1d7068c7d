import type { Breach, ProviderId } from '../core/breach';
import type { Db } from './schema';

/**
 * Replaces a provider's catalog, in one transaction. Entries the provider dropped are deleted —
 * unless one of the user's exposures refers to it: its details stay for the history, and a breach
 * of the user's own keeps alerting on its site.
 */
export async function saveCatalog(db: Db, provider: ProviderId, breaches: readonly Breach[]): Promise<void> {
  const tx = db.transaction(['breaches', 'exposures'], 'readwrite', { durability: 'strict' });
  const fresh = new Set(breaches.map((b) => b.id));
  const referenced = new Set((await tx.objectStore('exposures').getAll()).filter((e) => e.provider === provider).map((e) => e.breachId));
  const store = tx.objectStore('breaches');
  for (const key of await store.getAllKeys(IDBKeyRange.bound([provider], [provider, []]))) {
    if (!fresh.has(key[1]) && !referenced.has(key[1])) void store.delete(key);
  }
  for (const breach of breaches) void store.put(breach);
  await tx.done;
}

/** What the domain index is built from: the provider's catalog and the user's own breaches. */
export async function catalogOf(db: Db, provider: ProviderId): Promise<Breach[]> {
  return db.getAll('breaches', IDBKeyRange.bound([provider], [provider, []]));
}
