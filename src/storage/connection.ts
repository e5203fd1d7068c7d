import { openDB } from 'idb';
import { DB_NAME, DB_VERSION } from './db-version';
import type { Db, ExposureDb, Migration, UpgradeTx } from './schema';

/**
 * The database cannot be opened at this version yet: another page of the extension, open since
 * before an update, holds the older version and has not let go. Nothing is lost; the open goes
 * on by itself once that page closes, and `databaseOpened()` settles then.
 */
export class DatabaseBlockedError extends Error {
  override readonly name = 'DatabaseBlockedError';
}

/**
 * This page does not upgrade the database (the popup, see `runMigrations`) and it is not at this
 * version yet: the background, or a page that does, upgrades it. Nothing was changed.
 */
export class UpgradeElsewhereError extends Error {
  override readonly name = 'UpgradeElsewhereError';
}

/** The disk (or the browser's share of it for this extension) is full: the write was undone whole. */
export function isQuotaError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'QuotaExceededError';
}

/**
 * Opens (and if needed upgrades) the database, running each pending numbered migration in order.
 * Without steps, an open that needs an upgrade is undone and fails with UpgradeElsewhereError.
 */
export function connect(version: number, name: string, { steps, onBlocked }: { steps: readonly Migration[] | null; onBlocked?: () => void }): Promise<Db> {
  let refused = false;
  const open = openDB<ExposureDb>(name, version, {
    upgrade(db, oldVersion, newVersion, tx) {
      if (steps === null) {
        // Aborting the upgrade of a database that did not exist leaves none behind.
        refused = true;
        tx.done.catch(() => undefined); // the open reports it
        tx.abort();
        return;
      }
      // The open resolves only once the upgrade transaction has committed, so steps that read
      // and rewrite records need not be awaited here; a failed one aborts it all.
      void migrate(db, tx, steps, oldVersion, newVersion ?? version);
    },
    blocked() {
      onBlocked?.();
    },
    blocking(_current, _next, event) {
      // A newer version of the extension wants to upgrade: step aside rather than block it.
      (event.target as IDBDatabase).close();
      shared = null;
      opened = false;
    },
  });
  return open.catch((error: unknown) => {
    throw refused ? new UpgradeElsewhereError('the database is upgraded by the background') : error;
  });
}

/** The migrations this context runs; null in a page that leaves upgrades to the background. */
let contextSteps: readonly Migration[] | null = null;
/** Makes this context upgrade the database when it opens it (open-db.ts does, for its importers). */
export function runMigrations(steps: readonly Migration[]): void {
  contextSteps = steps;
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

/**
 * How contexts tell each other that an upgrade is blocked: IndexedDB tells only the first open
 * request in line, while the rest wait silently behind it. Given by each context at start-up
 * (an adapter over storage.session); without one, a context knows only what it hears itself.
 */
export interface BlockedBoard {
  post(blocked: boolean): void;
  /** Calls `listener` with news from other contexts (and once with the current state if blocked). */
  watch(listener: (blocked: boolean) => void): void;
}

let board: BlockedBoard | null = null;
/** What the board last said: news that came before this context started to open still counts. */
let boardSaysBlocked = false;
export function shareBlockedState(given: BlockedBoard): void {
  board = given;
  given.watch((news) => {
    boardSaysBlocked = news;
    if (news) markBlocked();
  });
}

let shared: Promise<Db> | null = null;
let opened = false;
let blocked = false;
/** Callers waiting on an open that turns out to be blocked: told at once rather than left hanging. */
const waiting = new Set<(error: Error) => void>();

function markBlocked(): void {
  if (!shared || opened) return; // news for an open this context is not waiting on
  blocked = true;
  for (const reject of waiting) reject(new DatabaseBlockedError('database upgrade blocked'));
}

/**
 * One connection per context, opened on first use. While an upgrade is blocked, every call fails
 * at once with DatabaseBlockedError (so pages can say why and what to do) while the open itself
 * keeps waiting and completes when the old connection closes.
 */
export function db(): Promise<Db> {
  if (!shared) {
    opened = false;
    shared = connect(DB_VERSION, DB_NAME, {
      steps: contextSteps,
      onBlocked: () => {
        board?.post(true);
        markBlocked();
      },
    }).then(
      (store) => {
        opened = true;
        if (blocked || boardSaysBlocked) board?.post(false); // the wait is over, for every context
        blocked = false;
        return store;
      },
      (error: unknown) => {
        blocked = false;
        shared = null; // let the next call try again instead of caching the failure
        throw error;
      },
    );
  }
  if (boardSaysBlocked) markBlocked();
  if (blocked) return Promise.reject(new DatabaseBlockedError('database upgrade blocked'));
  const open = shared;
  return new Promise<Db>((resolve, reject) => {
    waiting.add(reject);
    open.then(resolve, reject).finally(() => waiting.delete(reject));
  });
}

/** Settles when the shared connection is open (after a blocked upgrade: when it went through). */
export function databaseOpened(): Promise<unknown> {
  void db().catch(() => undefined); // starts an open if none is under way
  return shared ?? Promise.resolve();
}
