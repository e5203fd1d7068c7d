import type { Breach, ProviderId } from '../core/breach';
import type { Db } from './schema';

/** Stores a refreshed catalog: every entry, in one transaction (the index is rebuilt from it). */
export async function saveCatalog(db: Db, breaches: readonly Breach[]): Promise<void> {
  const tx = db.transaction('breaches', 'readwrite', { durability: 'strict' });
  for (const breach of breaches) void tx.store.put(breach);
  await tx.done;
}

export async function catalogOf(db: Db, provider: ProviderId): Promise<Breach[]> {
  return db.getAll('breaches', IDBKeyRange.bound([provider], [provider, []]));
}
