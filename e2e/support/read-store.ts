import type { Page, Worker } from '@playwright/test';

/**
 * Reads a whole object store of the extension's database, from an extension page or from inside
 * the service worker (both evaluate the same way).
 */
export async function readStore<T = unknown>(target: Page | Worker, store: string): Promise<T[]> {
  return (target as Page).evaluate(
    (name) =>
      new Promise<T[]>((resolvePromise, reject) => {
        const open = indexedDB.open('was-i-exposed');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const request = db.transaction(name).objectStore(name).getAll();
          request.onsuccess = () => {
            db.close();
            resolvePromise(request.result as T[]);
          };
          request.onerror = () => reject(request.error);
        };
      }),
    store,
  );
}
