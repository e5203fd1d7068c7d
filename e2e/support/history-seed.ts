import { expect, type BrowserContext, type Page } from '@playwright/test';

/**
 * Data for the history page's end-to-end tests, written straight into the extension's IndexedDB
 * from an extension page (raw puts; records in exactly the shapes src/storage/schema.ts stores).
 * Each address's exposure counts are counted again in the transaction that writes, as the
 * extension's own writes keep them: seeded records need not carry them.
 */

export const HISTORY_PAGE = 'src/ui/history/index.html';

export type Records = Partial<Record<'addresses' | 'breaches' | 'exposures' | 'notices' | 'siteAlerts' | 'runs' | 'results' | 'rightsRequests', unknown[]>>;

const FLAGS = { verified: true, fabricated: false, sensitive: false, retired: false, spamList: false, malware: false, stealerLog: false };
const DAY = 86_400_000;

export function breach(id: string, over: Record<string, unknown> = {}) {
  return {
    id,
    provider: 'hibp',
    title: id,
    domain: `${id.toLowerCase()}.example`,
    breachDate: '2019-05-04',
    addedDate: '2019-06-01T10:00:00Z',
    pwnCount: 12_345,
    description: `<p>${id} lost account data. <a href="https://${id.toLowerCase()}.example/notice">Their notice</a>.</p>`,
    dataClasses: ['Email addresses', 'Passwords'],
    logoUrl: null,
    flags: { ...FLAGS },
    ...over,
  };
}

export function exposure(email: string, breachId: string, firstSeen: number, over: Record<string, unknown> = {}) {
  return { email, provider: 'hibp', breachId, also: [], firstSeen, lastSeen: firstSeen + 1000, state: 'acknowledged', stateChangedAt: firstSeen, note: '', ...over };
}

export function address(email: string, addedAt: number) {
  return { email, addedAt, lastCheckedAt: addedAt + 1000, lastOutcome: 'breached', lastFailure: null };
}

/**
 * A small but varied history: two addresses, breaches of several years (one with every warning
 * flag, one whose details are missing), every state, a site alert, and a run with its results.
 * Breach ids are not in the fixture server's catalog, so a catalog refresh cannot touch them.
 */
export function sampleHistory(now = Date.UTC(2025, 0, 15, 12)): Required<Records> {
  const a = 'alice@example.com';
  const b = 'bob@example.org';
  return {
    addresses: [address(a, now - 30 * DAY), address(b, now - 20 * DAY)],
    breaches: [
      breach('ShopNorth', { title: 'Shop North', breachDate: '2021-03-09', dataClasses: ['Email addresses', 'Passwords', 'Names'], pwnCount: 1_234_567 }),
      breach('ForumSouth', {
        title: 'Forum Süd — “quoted”',
        breachDate: '2017',
        addedDate: null,
        pwnCount: null,
        dataClasses: ['Usernames', 'IP addresses'],
        flags: { ...FLAGS, verified: false, fabricated: true, sensitive: true, spamList: true, malware: true, stealerLog: true },
      }),
      breach('TravelEast', { title: 'Travel East', breachDate: '2023-11-30', dataClasses: ['Passport numbers', 'Dates of birth', 'Phone numbers'] }),
      breach('Unrelated', { title: 'Unrelated catalog entry' }),
    ],
    exposures: [
      exposure(a, 'ShopNorth', now - 10 * DAY, { state: 'new' }),
      exposure(a, 'ForumSouth', now - 9 * DAY, { state: 'resolved', note: 'Closed the account.' }),
      exposure(b, 'TravelEast', now - 8 * DAY),
      exposure(b, 'ShopNorth', now - 7 * DAY, { state: 'new' }),
      exposure(b, 'GoneMissing', now - 6 * DAY), // its breach record is not stored
    ],
    notices: [],
    rightsRequests: [],
    siteAlerts: [
      { id: 'alert-1', host: 'shopnorth.example', breachIds: ['ShopNorth'], provider: 'hibp', shownAt: now - 2 * DAY, emails: [a] },
      { id: 'alert-2', host: 'www.traveleast.example', breachIds: ['TravelEast'], provider: 'hibp', shownAt: now - DAY, emails: [] },
    ],
    runs: [{ id: 'run-1', provider: 'hibp', trigger: 'manual', startedAt: now - 10 * DAY, finishedAt: now - 10 * DAY + 5000, emails: [a, b], notifiedAt: now - 10 * DAY + 6000 }],
    results: [
      { runId: 'run-1', email: a, at: now - 10 * DAY + 1000, outcome: 'breached', breachIds: ['ShopNorth', 'ForumSouth'], newBreachIds: ['ShopNorth'], failure: null },
      { runId: 'run-1', email: b, at: now - 10 * DAY + 2000, outcome: 'failed', breachIds: [], newBreachIds: [], failure: { kind: 'rate-limited', status: 429, retryAfterMs: 2000, message: 'Too many requests' } },
    ],
  };
}

/**
 * Puts records into the extension's database (which the page's first load has created), then sets
 * every address's exposure counts from what the store holds, in the same transaction.
 */
export async function putRecords(page: Page, records: Records): Promise<void> {
  await page.evaluate(
    (data) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('was-i-exposed');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const names = Object.keys(data).filter((n) => (data as Record<string, unknown[]>)[n]!.length > 0);
          if (names.length === 0) {
            db.close();
            resolve();
            return;
          }
          const counted = names.includes('addresses') || names.includes('exposures');
          // Exposures and breach records written here bypass the extension's history writer: the
          // mark asks the extension to build the history rows and aggregates again from them.
          const reindex = names.includes('exposures') || names.includes('breaches');
          const stores = [...names, ...(counted ? ['addresses', 'exposures'] : []), ...(reindex ? ['historyStats'] : [])];
          const tx = db.transaction([...new Set(stores)], 'readwrite');
          for (const name of names) for (const record of (data as Record<string, unknown[]>)[name]!) tx.objectStore(name).put(record);
          if (reindex) tx.objectStore('historyStats').put({ key: 'reindex' });
          if (counted) {
            // Requests run in order: the counts see every put above.
            const addresses = tx.objectStore('addresses');
            const exposures = tx.objectStore('exposures');
            const all = addresses.getAll();
            all.onsuccess = () => {
              for (const address of all.result as Array<{ email: string }>) {
                const total = exposures.index('by-email').count(address.email);
                const unseen = exposures.index('by-email-state').count([address.email, 'new']);
                unseen.onsuccess = () => addresses.put({ ...address, exposureCount: total.result, newCount: unseen.result });
              }
            };
          }
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
          tx.onabort = () => reject(tx.error);
        };
      }),
    records,
  );
}

/** Opens the history page (optionally with a query) and waits until it shows stored data. */
export async function openHistory(context: BrowserContext, extensionId: string, query = ''): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/${HISTORY_PAGE}${query}`);
  await page.locator('body[data-ready="true"]').waitFor({ timeout: 60_000 });
  return page;
}

/**
 * Everything the user owns, store by store, for before/after comparisons. Breach records of
 * XposedOrNot are left out: the background may store that provider's public catalog at any time
 * (soon after install), and the seeded history is all HIBP's.
 */
export async function snapshot(page: Page, read: (page: Page, store: string) => Promise<unknown[]>): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const store of ['addresses', 'breaches', 'exposures', 'notices', 'siteAlerts', 'runs', 'results', 'jobs']) out[store] = await read(page, store);
  out.breaches = out.breaches!.filter((b) => (b as { provider?: string }).provider !== 'xposedornot');
  return out;
}

/** Keys of the timeline rows in the DOM right now. */
export async function renderedRowKeys(page: Page): Promise<string[]> {
  return page.locator('[data-testid="history-list"] [role="option"]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-key') ?? ''));
}

/**
 * Seeds `count` exposures: address i % addresses, breach number floor(i / addresses), so every
 * exposure has its breach record (count / addresses of them, over 17 years) and filtering to one
 * address leaves count / addresses entries. Transactions of 50,000 puts, generated inside the page
 * so nothing large crosses the protocol.
 */
export async function seedBigHistory(page: Page, count: number, addresses = 100): Promise<void> {
  await page.evaluate(
    ({ count: n, addresses: k }) => {
      const put = (build: (tx: IDBTransaction) => void, stores: string[]) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('was-i-exposed');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const db = open.result;
            const tx = db.transaction(stores, 'readwrite');
            build(tx);
            tx.oncomplete = () => {
              db.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          };
        });
      const emails = Array.from({ length: k }, (_, i) => `big${String(i + 1).padStart(3, '0')}@example.com`);
      const base = Date.UTC(2024, 0, 1);
      const classes = ['Email addresses', 'Passwords', 'Usernames', 'IP addresses', 'Names', 'Phone numbers', 'Dates of birth'];
      const flags = { verified: true, fabricated: false, sensitive: false, retired: false, spamList: false, malware: false, stealerLog: false };
      const breaches = Math.ceil(n / k);
      // The counts each address carries, from the same layout as the exposures below.
      const counts = emails.map(() => ({ exposureCount: 0, newCount: 0 }));
      for (let i = 0; i < n; i++) {
        counts[i % k]!.exposureCount++;
        if (i % 97 === 0) counts[i % k]!.newCount++;
      }
      return (async () => {
        await put((tx) => {
          emails.forEach((email, i) =>
            tx.objectStore('addresses').put({ email, addedAt: base + i, lastCheckedAt: base + 1000, lastOutcome: 'breached', lastFailure: null, ...counts[i] }),
          );
          for (let j = 0; j < breaches; j++) {
            tx.objectStore('breaches').put({
              id: `Big${j}`,
              provider: 'hibp',
              title: `Big Breach ${j}`,
              domain: `big${j}.example`,
              breachDate: `${2008 + (j % 17)}-0${1 + (j % 9)}-1${j % 10}`,
              addedDate: `${2009 + (j % 16)}-01-15T00:00:00Z`,
              pwnCount: 1000 + j,
              description: `<p>Breach number ${j}.</p>`,
              dataClasses: classes.slice(0, 2 + (j % 5)),
              logoUrl: null,
              flags,
            });
          }
        }, ['addresses', 'breaches']);
        for (let start = 0; start < n; start += 50_000) {
          const end = Math.min(n, start + 50_000);
          await put((tx) => {
            const store = tx.objectStore('exposures');
            for (let i = start; i < end; i++) {
              const seen = base + i * 1000;
              store.put({
                email: emails[i % k],
                provider: 'hibp',
                breachId: `Big${Math.floor(i / k)}`,
                also: [],
                firstSeen: seen,
                lastSeen: seen,
                state: i % 97 === 0 ? 'new' : 'acknowledged',
                stateChangedAt: seen,
                note: '',
              });
            }
            // Written behind the extension's history writer: the mark asks for its rows and aggregates to be built.
            tx.objectStore('historyStats').put({ key: 'reindex' });
          }, ['exposures', 'historyStats']);
        }
      })();
    },
    { count, addresses },
  );
}

/** Stops the extension's service worker (it closes its database connection with it). */
export async function workerStopper(page: Page, extensionId: string): Promise<() => Promise<void>> {
  const cdp = await page.context().newCDPSession(page);
  // Whether it was seen stopped, not whether it is stopped now: an open popup may wake it again
  // within milliseconds.
  let stopped = false;
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    for (const v of versions) if (v.scriptURL.startsWith(`chrome-extension://${extensionId}/`) && v.runningStatus === 'stopped') stopped = true;
  });
  await cdp.send('ServiceWorker.enable');
  return async () => {
    stopped = false;
    await cdp.send('ServiceWorker.stopAllWorkers');
    await expect.poll(() => stopped, { message: 'service worker stopped' }).toBe(true);
  };
}

/**
 * Replaces the extension's database with a version-1 one holding `data`, from `driver` (an
 * extension page), as the first release would have written it. With `hold`, the page keeps its
 * connection open and ignores requests to let go — a page of an older release that predates
 * stepping aside — until `releaseHeldDatabase(driver)`. Returns the version and stores made.
 */
export async function installVersion1Database(
  driver: Page,
  extensionId: string,
  data: Record<string, unknown[]>,
  hold = false,
): Promise<{ version: number; stores: string[] } | null> {
  // The worker holds the database open and reopens it whenever it wakes: stop it first, then
  // replace the database with a version-1 one in a single step from this page.
  const stopWorker = await workerStopper(driver, extensionId);
  let created: { version: number; stores: string[] } | null = null;
  for (let attempt = 0; attempt < 3 && !created; attempt++) {
    await stopWorker();
    created = await driver.evaluate(
      ({ data, hold }) =>
        new Promise<{ version: number; stores: string[] } | null>((resolve, reject) => {
          const del = indexedDB.deleteDatabase('was-i-exposed');
          del.onerror = () => reject(del.error);
          del.onsuccess = () => {
            const open = indexedDB.open('was-i-exposed', 1);
            open.onupgradeneeded = () => {
              // MIGRATIONS[0] of src/storage/schema.ts, written out with the raw API.
              const db = open.result;
              db.createObjectStore('addresses', { keyPath: 'email' });
              db.createObjectStore('breaches', { keyPath: ['provider', 'id'] });
              const exposures = db.createObjectStore('exposures', { keyPath: ['email', 'provider', 'breachId'] });
              exposures.createIndex('by-email', 'email');
              exposures.createIndex('by-first-seen', 'firstSeen');
              exposures.createIndex('by-state', 'state');
              db.createObjectStore('jobs', { keyPath: ['runId', 'email'] }).createIndex('by-not-before', 'notBefore');
              db.createObjectStore('runs', { keyPath: 'id' }).createIndex('by-started', 'startedAt');
              db.createObjectStore('results', { keyPath: ['runId', 'email'] }).createIndex('by-email', 'email');
              db.createObjectStore('requests', { autoIncrement: true }).createIndex('by-provider', 'provider');
              const tx = open.transaction!;
              for (const [store, records] of Object.entries(data)) for (const r of records) tx.objectStore(store).put(r);
            };
            // The worker came back first and made the current version: try again.
            open.onerror = () => resolve(null);
            open.onsuccess = () => {
              const db = open.result;
              const out = { version: db.version, stores: [...db.objectStoreNames].sort() };
              if (hold) (globalThis as unknown as { heldDatabase: IDBDatabase }).heldDatabase = db;
              else db.close();
              resolve(out);
            };
          };
        }),
      { data, hold },
    );
  }
  return created;
}

/** Lets go of the connection `installVersion1Database(…, hold = true)` kept open in `driver`. */
export async function releaseHeldDatabase(driver: Page): Promise<void> {
  await driver.evaluate(() => (globalThis as unknown as { heldDatabase: IDBDatabase }).heldDatabase.close());
}
