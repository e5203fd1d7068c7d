/**
 * Storage figures, each in its own fresh profile so nothing else has written to it.
 *
 * bytes_per_exposure: navigator.storage.estimate().usage of the extension's origin, read from an
 * extension page after seeding the 10 addresses and the breach records, and again after seeding
 * 10,000 exposures (one transaction); the difference divided by 10,000. Coarse: Chromium reports
 * what its IndexedDB backing store occupies on disk (write-ahead log, compaction state, block
 * rounding), so it moves in steps and includes the index entries (by-email, by-first-seen,
 * by-state) — which is what a user's disk pays. For a cross-check the same delta is also read
 * from the size of the origin's IndexedDB directory in the profile (bytes_per_exposure_disk).
 *
 * transactions_per_check_50: inside the service worker, IDBDatabase.prototype.transaction is
 * wrapped with a counter (worker.evaluate) before one address whose server account has 50 breaches
 * is checked (check/start from the options page, XposedOrNot provider against the fixture
 * server). Once its result is in the results store and the counter has stopped moving for 1.5 s,
 * the counter is read: readwrite transactions (the figure) and all transactions.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, Worker } from '@playwright/test';
import { providerSettings, type FixtureServer } from '../e2e/server/fixture-server';
import { launchExtension, request, settleStartup } from './browser';
import { readStore } from '../e2e/support/read-store';
import { ensureDatabase, seedAddressesAndBreaches, seedExposures } from './seed';
import { sleep } from './stats';

export interface StorageResult {
  exposures: number;
  bytesPerExposure: number;
  bytesPerExposureDisk: number | null;
  readwriteTransactions: number;
  totalTransactions: number;
  transactionLog: string[];
}

function dirBytes(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    total += entry.isDirectory() ? dirBytes(path) : statSync(path).size;
  }
  return total;
}

/** Size on disk of the extension origin's IndexedDB, or null when the layout is not recognised. */
function indexedDbDiskBytes(profileDir: string, extensionId: string): number | null {
  const root = join(profileDir, 'Default', 'IndexedDB');
  try {
    const dirs = readdirSync(root).filter((d) => d.includes(extensionId));
    if (dirs.length === 0) return null;
    return dirs.reduce((sum, d) => sum + dirBytes(join(root, d)), 0);
  } catch {
    return null;
  }
}

const usage = (page: Page) => page.evaluate(async () => (await navigator.storage.estimate()).usage ?? Number.NaN);

/** Counts every IDBDatabase.transaction call made in the worker from now on (counters reset). */
async function startCounting(worker: Worker): Promise<void> {
  await worker.evaluate(() => {
    interface Counter { total: number; readwrite: number; log: string[] }
    const g = globalThis as unknown as { __benchTx?: Counter };
    if (!g.__benchTx) {
      const original = IDBDatabase.prototype.transaction;
      g.__benchTx = { total: 0, readwrite: 0, log: [] };
      IDBDatabase.prototype.transaction = function (this: IDBDatabase, ...args: Parameters<IDBDatabase['transaction']>) {
        const counter = g.__benchTx!;
        const [stores, mode] = args;
        counter.total += 1;
        if (mode === 'readwrite') counter.readwrite += 1;
        counter.log.push(`${mode ?? 'readonly'} ${[stores].flat().join('+')}`);
        return original.apply(this, args);
      };
    }
    g.__benchTx.total = 0;
    g.__benchTx.readwrite = 0;
    g.__benchTx.log = [];
  });
}

function readCounter(worker: Worker): Promise<{ total: number; readwrite: number; log: string[] }> {
  return worker.evaluate(() => {
    const c = (globalThis as unknown as { __benchTx: { total: number; readwrite: number; log: string[] } }).__benchTx;
    return { total: c.total, readwrite: c.readwrite, log: [...c.log] };
  });
}

export async function measureStorage(dist: string, server: FixtureServer, exposures: number): Promise<StorageResult> {
  server.reset();
  const b = await launchExtension(dist, {
    ...providerSettings(server.url),
  });
  try {
    const page = await b.driver();
    await ensureDatabase(page);
    const settled = await settleStartup(b);
    if (settled.startsWith('gave up')) console.warn(`bench: ${settled}`);
    await seedAddressesAndBreaches(page);
    await sleep(1000);
    const before = await usage(page);
    const diskBefore = indexedDbDiskBytes(b.profileDir, b.extensionId);
    await seedExposures(page, 0, exposures);
    await sleep(1000);
    const after = await usage(page);
    const diskAfter = indexedDbDiskBytes(b.profileDir, b.extensionId);

    // One address in 50 breaches, checked once.
    const email = 'fifty@example.com';
    const names = server.catalog.slice(0, 50).map((x) => x.Name);
    if (names.length < 50) throw new Error(`the fixture catalog has only ${names.length} breaches`);
    server.setAccounts({ [email]: names });
    await request(page, 'address/add', { email });
    const worker = await b.worker();
    await startCounting(worker);
    await request(page, 'check/start', { emails: [email] });
    const deadline = Date.now() + 30_000;
    for (;;) {
      const results = await readStore<{ email: string; breachIds: string[] }>(page, 'results');
      const mine = results.find((r) => r.email === email);
      if (mine) {
        if (mine.breachIds.length !== 50) throw new Error(`the check found ${mine.breachIds.length} breaches, not 50`);
        break;
      }
      if (Date.now() > deadline) throw new Error('the 50-breach check did not finish in 30 s');
      await sleep(100);
    }
    // The result is in; the worker still announces the run and updates the badge. Wait for quiet.
    let last = await readCounter(worker);
    let quietSince = Date.now();
    while (Date.now() - quietSince < 1500) {
      await sleep(250);
      const now = await readCounter(worker);
      if (now.total !== last.total) quietSince = Date.now();
      last = now;
    }
    return {
      exposures,
      bytesPerExposure: (after - before) / exposures,
      bytesPerExposureDisk: diskBefore !== null && diskAfter !== null ? (diskAfter - diskBefore) / exposures : null,
      readwriteTransactions: last.readwrite,
      totalTransactions: last.total,
      transactionLog: last.log,
    };
  } finally {
    await b.close();
  }
}
