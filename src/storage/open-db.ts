import { openDB } from 'idb';
import { DB_NAME, DB_VERSION, MIGRATIONS, type Db, type ExposureDb } from './schema';

/**
 * Opens (and if needed upgrades) the database, running each pending numbered migration in order.
 * `version` and `name` exist for migration tests, which build a database at an older version.
 */
export function openExposureDb(version: number = DB_VERSION, name: string = DB_NAME): Promise<Db> {
  return openDB<ExposureDb>(name, version, {
    upgrade(db, oldVersion, newVersion, tx) {
      for (let v = oldVersion; v < (newVersion ?? version); v++) MIGRATIONS[v]?.(db, tx);
    },
    blocking(_current, _next, event) {
      // A newer version of the extension wants to upgrade: step aside rather than block it.
      (event.target as IDBDatabase).close();
      shared = null;
    },
  });
}

let shared: Promise<Db> | null = null;

/** One connection per context, opened on first use. */
export function db(): Promise<Db> {
  shared ??= openExposureDb().catch((error: unknown) => {
    shared = null; // let the next call try again instead of caching the failure
    throw error;
  });
  return shared;
}
