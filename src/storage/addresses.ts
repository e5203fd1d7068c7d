import { NO_EXPOSURES, type WatchedAddress } from '../core/exposure';
import type { Db } from './schema';

export async function listAddresses(db: Db): Promise<WatchedAddress[]> {
  const all = await db.getAll('addresses');
  return all.sort((a, b) => a.addedAt - b.addedAt);
}

/** Adds a normalised address; says so when it was already watched instead of touching it. */
export async function addAddress(db: Db, email: string, now: number): Promise<'added' | 'exists'> {
  const tx = db.transaction('addresses', 'readwrite', { durability: 'strict' });
  if (await tx.store.get(email)) {
    await tx.done;
    return 'exists';
  }
  // A new address has no exposures: removing an address removes its exposures with it.
  await tx.store.add({ email, addedAt: now, lastCheckedAt: null, lastOutcome: null, lastFailure: null, ...NO_EXPOSURES });
  await tx.done;
  return 'added';
}

/** Forgets an address with its exposures, notices, results and queued checks, all or nothing. */
export async function removeAddress(db: Db, email: string): Promise<void> {
  const tx = db.transaction(['addresses', 'exposures', 'jobs', 'results', 'notices'], 'readwrite', { durability: 'strict' });
  await tx.objectStore('addresses').delete(email);
  for (const key of await tx.objectStore('exposures').index('by-email').getAllKeys(email)) {
    await tx.objectStore('exposures').delete(key);
  }
  for (const key of await tx.objectStore('notices').index('by-email').getAllKeys(email)) {
    await tx.objectStore('notices').delete(key);
  }
  for (const key of await tx.objectStore('results').index('by-email').getAllKeys(email)) {
    await tx.objectStore('results').delete(key);
  }
  for (const job of await tx.objectStore('jobs').getAll()) {
    if (job.email === email) await tx.objectStore('jobs').delete([job.runId, job.email]);
  }
  await tx.done;
}
