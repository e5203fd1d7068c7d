import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { DB_NAME, DB_VERSION } from './schema';
import { DatabaseBlockedError, databaseOpened, db, isQuotaError, openExposureDb } from './open-db';

/** An "old page": a connection at version 1 that, like code from before `blocking` existed, never lets go by itself. */
async function holdOldVersion(): Promise<IDBDatabase> {
  (await openExposureDb(1)).close(); // the version-1 schema, as the first release made it
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onsuccess = () => {
      const old = request.result;
      const tx = old.transaction('addresses', 'readwrite');
      tx.objectStore('addresses').put({ email: 'kept@example.com', addedAt: 1 });
      tx.oncomplete = () => resolve(old);
      tx.onerror = () => reject(tx.error);
    };
    request.onerror = () => reject(request.error);
  });
}

describe('db() while an upgrade is blocked', () => {
  it('fails at once with DatabaseBlockedError, then opens and migrates when the old page lets go, losing nothing', async () => {
    const old = await holdOldVersion();
    await expect(db()).rejects.toBeInstanceOf(DatabaseBlockedError);
    // Still blocked: later callers are told at once too.
    await expect(db()).rejects.toBeInstanceOf(DatabaseBlockedError);

    const opened = databaseOpened();
    old.close();
    await opened;
    const store = await db();
    expect(store.version).toBe(DB_VERSION);
    expect(await store.get('addresses', 'kept@example.com')).toMatchObject({ email: 'kept@example.com' });
    expect(store.objectStoreNames.contains('exposures')).toBe(true);
  });
});

describe('isQuotaError', () => {
  it('knows the browser\'s "no room left" error and nothing else', () => {
    expect(isQuotaError(new DOMException('full', 'QuotaExceededError'))).toBe(true);
    expect(isQuotaError(new DOMException('gone', 'AbortError'))).toBe(false);
    expect(isQuotaError(new Error('QuotaExceededError'))).toBe(false);
    expect(isQuotaError(null)).toBe(false);
  });
});

describe('db() queued behind another context\'s blocked upgrade', () => {
  it('hears it through the shared board, fails at once, and clears the board once its own open goes through', async () => {
    vi.resetModules();
    const fresh = await import('./open-db');
    await new Promise<void>((resolve, reject) => {
      const del = indexedDB.deleteDatabase(DB_NAME); // the first test's connection steps aside
      del.onsuccess = () => resolve();
      del.onerror = () => reject(del.error);
    });
    const old = await holdOldVersion();

    const listeners: Array<(blocked: boolean) => void> = [];
    const posted: boolean[] = [];
    fresh.shareBlockedState({ post: (b) => posted.push(b), watch: (l) => listeners.push(l) });
    // Another context (the worker, say) asks first: only it hears `blocked`, and posts the news.
    const other = fresh.openExposureDb(DB_VERSION, DB_NAME, { onBlocked: () => listeners.forEach((l) => l(true)) });
    const mine = fresh.db();
    await expect(mine).rejects.toBeInstanceOf(fresh.DatabaseBlockedError);
    expect(posted).toEqual([]); // it heard the news; it did not make it

    const opened = fresh.databaseOpened();
    old.close();
    (await other).close(); // the other context has upgraded; now this one's open goes through
    await opened;
    expect((await fresh.db()).version).toBe(DB_VERSION);
    expect(posted).toEqual([false]);
  });
});
