import type { Page, Worker } from '@playwright/test';
import { expect } from './extension';
import type { StoredAddress, StoredExposure, StoredResult, StoredRun } from './run-helpers';

/**
 * The user's history as IndexedDB holds it, for "a provider fault changed nothing" assertions:
 * snapshot before the fault, compare after.
 */

export interface StoredBreach {
  provider: string;
  id: string;
}

export interface HistorySnapshot {
  addresses: StoredAddress[];
  exposures: StoredExposure[];
  /** The breach records the exposures point at (the store may also hold a synced catalog). */
  breaches: StoredBreach[];
  results: StoredResult[];
  runs: StoredRun[];
}

/**
 * Read in one transaction, from a page or the service worker. Only the breaches the exposures point
 * at are read, by key: the store also holds the synced catalog (about 1 MB), which would make every
 * snapshot slow.
 */
export async function historySnapshot(target: Page | Worker): Promise<HistorySnapshot> {
  return (target as Page).evaluate(
    () =>
      new Promise<HistorySnapshot>((resolve, reject) => {
        const open = indexedDB.open('was-i-exposed');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['addresses', 'exposures', 'breaches', 'results', 'runs']);
          const all = <T>(name: string, into: (rows: T[]) => void) => {
            const request = tx.objectStore(name).getAll();
            request.onsuccess = () => into(request.result as T[]);
          };
          const snapshot: HistorySnapshot = { addresses: [], exposures: [], breaches: [], results: [], runs: [] };
          all<StoredAddress>('addresses', (rows) => (snapshot.addresses = rows));
          all<StoredResult>('results', (rows) => (snapshot.results = rows));
          all<StoredRun>('runs', (rows) => (snapshot.runs = rows));
          all<StoredExposure>('exposures', (rows) => {
            snapshot.exposures = rows;
            const wanted = [...new Set(rows.map((e) => JSON.stringify([e.provider, e.breachId])))].sort();
            for (const key of wanted) {
              const request = tx.objectStore('breaches').get(JSON.parse(key) as [string, string]);
              request.onsuccess = () => {
                if (request.result) snapshot.breaches.push(request.result as StoredBreach);
              };
            }
          });
          tx.oncomplete = () => {
            db.close();
            resolve(snapshot);
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

/**
 * What must hold after any fault: every exposure exactly as it was, each still pointing at a
 * stored breach (whose details a catalog sync may refresh), and every result and run that existed
 * before, unchanged. New runs and results (the failed attempt's) may have been added.
 */
export async function expectHistoryKept(page: Page, before: HistorySnapshot): Promise<HistorySnapshot> {
  const after = await historySnapshot(page);
  expect(after.exposures).toEqual(before.exposures);
  const ids = (s: HistorySnapshot) => s.breaches.map((b) => `${b.provider}/${b.id}`).sort();
  expect(ids(after)).toEqual(ids(before));
  const key = (r: StoredResult) => `${r.runId}/${r.email}`;
  const earlier = new Set(before.results.map(key));
  expect(after.results.filter((r) => earlier.has(key(r)))).toEqual(before.results);
  const runIds = new Set(before.runs.map((r) => r.id));
  expect(after.runs.filter((r) => runIds.has(r.id))).toEqual(before.runs);
  return after;
}
