import type { Page, Worker } from '@playwright/test';
import type { Page as FirefoxPage } from 'puppeteer-core';

/** Runs a function in the extension's origin: a puppeteer page (Firefox) evaluates like a Playwright one. */
interface Evaluator {
  evaluate<R, A>(fn: (arg: A) => Promise<R>, arg: A): Promise<R>;
}

/**
 * Reads a whole object store of the extension's database, from an extension page (Chromium or
 * Firefox) or from inside the service worker (all evaluate the same way).
 */
export async function readStore<T = unknown>(target: Page | Worker | FirefoxPage, store: string): Promise<T[]> {
  return (target as unknown as Evaluator).evaluate(
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
