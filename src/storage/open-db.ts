/**
 * The database for a context that upgrades it: importing this module makes `db()` run the pending
 * migrations. The background and the history page do; the popup imports connection.ts alone and
 * leaves upgrades to them, so it does not load the migrations.
 */
import { connect, runMigrations } from './connection';
import { DB_NAME, DB_VERSION, MIGRATIONS, type Db, type Migration } from './schema';

export { DatabaseBlockedError, databaseOpened, db, isQuotaError, shareBlockedState, type BlockedBoard } from './connection';

runMigrations(MIGRATIONS);

/**
 * Opens and upgrades a database directly. `version`, `name` and `steps` exist for migration
 * tests, which build a database at an older version or try a step that fails.
 */
export function openExposureDb(
  version: number = DB_VERSION,
  name: string = DB_NAME,
  { steps = MIGRATIONS, onBlocked }: { steps?: readonly Migration[]; onBlocked?: () => void } = {},
): Promise<Db> {
  return connect(version, name, { steps, ...(onBlocked ? { onBlocked } : {}) });
}
