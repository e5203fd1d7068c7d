import { NO_EXPOSURES, type WatchedAddress } from '../core/exposure';
import { HISTORY_STORES, HistoryWriter } from './history-index';
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

/**
 * Forgets an address everywhere it is named, all or nothing: the address, its exposures, notices,
 * leak-trail findings, data-protection requests, results and queued checks, and its name in the runs and site-alert records that list it (a run
 * left with no address goes; a site-alert record, which is about the site, stays without it).
 * Nothing exported later can still name it.
 */
export async function removeAddress(db: Db, email: string): Promise<void> {
  const tx = db.transaction(['addresses', 'jobs', 'results', 'notices', 'runs', 'siteAlerts', 'trails', 'rightsRequests', ...HISTORY_STORES], 'readwrite', { durability: 'strict' });
  try {
    await tx.objectStore('addresses').delete(email);
    const writer = new HistoryWriter(tx);
    for (const key of await tx.objectStore('exposures').index('by-email').getAllKeys(email)) await writer.delete(key);
    await writer.flush();
    for (const key of await tx.objectStore('notices').index('by-email').getAllKeys(email)) {
      await tx.objectStore('notices').delete(key);
    }
    for (const store of ['trails', 'rightsRequests'] as const) {
      for (const key of await tx.objectStore(store).index('by-email').getAllKeys(email)) await tx.objectStore(store).delete(key);
    }
    for (const key of await tx.objectStore('results').index('by-email').getAllKeys(email)) {
      await tx.objectStore('results').delete(key);
    }
    for (const job of await tx.objectStore('jobs').getAll()) {
      if (job.email === email) await tx.objectStore('jobs').delete([job.runId, job.email]);
    }
    for (const run of await tx.objectStore('runs').getAll()) {
      if (!run.emails.includes(email)) continue;
      const emails = run.emails.filter((e) => e !== email);
      if (emails.length === 0) await tx.objectStore('runs').delete(run.id);
      else await tx.objectStore('runs').put({ ...run, emails });
    }
    for (const alert of await tx.objectStore('siteAlerts').getAll()) {
      if (!alert.emails.includes(email)) continue;
      await tx.objectStore('siteAlerts').put({ ...alert, emails: alert.emails.filter((e) => e !== email) });
    }
    await tx.done;
  } catch (error) {
    // An exception thrown between requests does not abort a transaction by itself: it would
    // commit what was done so far. Undo it all instead.
    try {
      tx.abort();
    } catch {
      // Already finished or aborted by the failed request itself.
    }
    await tx.done.catch(() => undefined);
    throw error;
  }
}
