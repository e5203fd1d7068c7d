import { openDB } from 'idb';
import { DB_NAME, DB_VERSION, MIGRATIONS, type Db, type ExposureDb, type Migration, type UpgradeTx } from './schema';

/**
 * Opens (and if needed upgrades) the database, running each pending numbered migration in order.
 * `version`, `name` and `steps` exist for migration tests, which build a database at an older
 * version or try a step that fails.
 */
export function openExposureDb(version: number = DB_VERSION, name: string = DB_NAME, steps: readonly Migration[] = MIGRATIONS): Promise<Db> {
  return openDB<ExposureDb>(name, version, {
    upgrade(db, oldVersion, newVersion, tx) {
      // The open resolves only once the upgrade transaction has committed, so steps that read
      // and rewrite records need not be awaited here; a failed one aborts it all.
      void migrate(db, tx, steps, oldVersion, newVersion ?? version);
    },
    blocking(_current, _next, event) {
      // A newer version of the extension wants to upgrade: step aside rather than block it.
      (event.target as IDBDatabase).close();
      shared = null;
    },
  });
}

async function migrate(db: Db, tx: UpgradeTx, steps: readonly Migration[], from: number, to: number): Promise<void> {
  // A failed upgrade is reported by the open itself; this promise would only repeat it, unhandled.
  tx.done.catch(() => undefined);
  try {
    for (let v = from; v < to; v++) {
      // Only a step that returned a promise is awaited: schema steps run at once, back to back.
      const pending = steps[v]?.(db, tx);
      if (pending) await pending;
    }
  } catch {
    // Half an upgrade must not commit: the open fails and the database stays at its old version.
    try {
      tx.abort();
    } catch {
      // Already aborted by the request that failed.
    }
  }
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
