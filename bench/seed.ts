/**
 * Puts benchmark data straight into the extension's IndexedDB from an extension page: raw
 * indexedDB puts in a few big transactions, generated inside the page so nothing large crosses
 * the DevTools protocol. The records have exactly the shapes src/storage/schema.ts stores, and
 * each address's exposure counts are counted again in the transaction that adds its exposures, as
 * the extension's own writes keep them.
 *
 * Layout (deterministic): exposure number i belongs to address i % addresses; the j-th exposure of
 * an address (j = floor(i / addresses)) is with provider j % 2 (XposedOrNot, then HIBP) and breach
 * `BenchBreach<floor(j / 2)>`. `breachesPerProvider` breach records are stored for each provider;
 * an exposure whose breach number is past that has no breach record (the popup shows its id).
 * Exposures are found ten minutes apart, exposure 0 the most recently (so the newest, which the
 * popup lists, always have breach records). Every exposure is 'acknowledged', so opening the popup
 * rewrites none of them.
 */
import type { Page } from '@playwright/test';
import { DB_NAME } from '../src/storage/schema';

export interface SeedLayout {
  addresses: number;
  breachesPerProvider: number;
}

export const BENCH_LAYOUT: SeedLayout = { addresses: 10, breachesPerProvider: 300 };

export const benchAddress = (n: number) => `bench${String(n).padStart(2, '0')}@example.com`;

/**
 * Waits until the background has opened (and so created and migrated) the database: a state/get
 * round trip goes through its db(). Opening it from a page first would create an empty one.
 */
export async function ensureDatabase(page: Page): Promise<void> {
  await page.evaluate(() => chrome.runtime.sendMessage({ type: 'state/get', payload: {} }));
}

/** The watched addresses and the breach catalog records (one transaction). */
export async function seedAddressesAndBreaches(page: Page, layout: SeedLayout = BENCH_LAYOUT): Promise<void> {
  await page.evaluate(
    ({ name, layout: l, emails }) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['addresses', 'breaches'], 'readwrite');
          const now = Date.now();
          emails.forEach((email, n) =>
            tx.objectStore('addresses').put({
              email,
              addedAt: now - 86_400_000 + n,
              lastCheckedAt: now - 3_600_000,
              lastOutcome: 'breached',
              lastFailure: null,
              exposureCount: 0, // seedExposures counts them
              newCount: 0,
            }),
          );
          const classes = ['Email addresses', 'Passwords', 'Usernames', 'IP addresses', 'Names', 'Phone numbers', 'Dates of birth'];
          const words = 'In this breach an attacker obtained a copy of the service database including account records and hashed passwords which were later traded on a hacking forum '.split(' ');
          for (const provider of ['xposedornot', 'hibp']) {
            for (let k = 0; k < l.breachesPerProvider; k++) {
              const year = 2008 + (k % 17);
              const description = Array.from({ length: 60 }, (_, w) => words[(k + w) % words.length]).join(' ');
              tx.objectStore('breaches').put({
                id: `BenchBreach${k}`,
                provider,
                title: `Bench Breach ${k}`,
                domain: `bench${k}.example`,
                breachDate: `${year}-${String((k % 12) + 1).padStart(2, '0')}-${String((k % 28) + 1).padStart(2, '0')}`,
                addedDate: `${year + 1}-01-15T00:00:00Z`,
                pwnCount: 1000 + k * 7919,
                description: `<p>${description}. <a href="https://bench${k}.example/">Details</a></p>`,
                dataClasses: classes.slice(0, 2 + (k % 5)),
                logoUrl: null,
                flags: { verified: true, fabricated: false, sensitive: false, retired: false, spamList: false, malware: false, stealerLog: false },
              });
            }
          }
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    { name: DB_NAME, layout, emails: Array.from({ length: layout.addresses }, (_, n) => benchAddress(n + 1)) },
  );
}

/**
 * Adds exposures number `from` … `to - 1` of the layout, in transactions of up to 50,000 puts, so
 * seeding 1k, then up to 10k, then up to 100k only writes what is new.
 */
export async function seedExposures(page: Page, from: number, to: number, layout: SeedLayout = BENCH_LAYOUT): Promise<void> {
  const emails = Array.from({ length: layout.addresses }, (_, n) => benchAddress(n + 1));
  for (let start = from; start < to; start += 50_000) {
    const end = Math.min(to, start + 50_000);
    await page.evaluate(
      ({ name, emails: list, start: s, end: e }) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open(name);
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const db = open.result;
            const tx = db.transaction(['exposures', 'addresses', 'historyStats'], 'readwrite');
            // Written behind the extension's history writer: the mark asks the extension to build
            // the history rows and aggregates from them (the history page does, on its next open).
            tx.objectStore('historyStats').put({ key: 'reindex' });
            const store = tx.objectStore('exposures');
            const base = Date.now() - 86_400_000;
            for (let i = s; i < e; i++) {
              const j = Math.floor(i / list.length);
              // Exposure 0 is the newest: what the popup lists first always has its breach record.
              const seen = base - i * 600_000;
              store.put({
                email: list[i % list.length],
                provider: j % 2 === 0 ? 'xposedornot' : 'hibp',
                breachId: `BenchBreach${Math.floor(j / 2)}`,
                also: [],
                firstSeen: seen,
                lastSeen: seen,
                state: 'acknowledged',
                stateChangedAt: seen,
                note: '',
              });
            }
            // Requests run in order: these counts see every put above.
            const addresses = tx.objectStore('addresses');
            for (const email of list) {
              const total = store.index('by-email').count(email);
              const unseen = store.index('by-email-state').count([email, 'new']);
              const address = addresses.get(email);
              address.onsuccess = () => {
                if (address.result) addresses.put({ ...address.result, exposureCount: total.result, newCount: unseen.result });
              };
            }
            tx.oncomplete = () => {
              db.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          };
        }),
      { name: DB_NAME, emails, start, end },
    );
  }
}

/** Number of records in one object store. */
export function countStore(page: Page, store: string): Promise<number> {
  return page.evaluate(
    ({ name, store: s }) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const req = db.transaction(s).objectStore(s).count();
          req.onsuccess = () => {
            db.close();
            resolve(req.result);
          };
          req.onerror = () => reject(req.error);
        };
      }),
    { name: DB_NAME, store },
  );
}
