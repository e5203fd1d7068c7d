import { rebuildHistoryIndex } from '../history-index';
import type { Db, UpgradeTx } from '../schema';

/**
 * The history page reads a screenful at a time: each exposure gets a row it is sorted, filtered
 * and searched by (history-row.ts), and the counts the page shows are kept as aggregates. Both
 * are built here from the stored exposures, once.
 */
export async function historyIndexStep(db: Db, tx: UpgradeTx): Promise<void> {
  const rows = db.createObjectStore('historyRows', { keyPath: ['email', 'provider', 'breachId'] });
  rows.createIndex('view', 'view', { multiEntry: true });
  rows.createIndex('by-id', 'ids', { multiEntry: true });
  rows.createIndex('by-note', 'note');
  db.createObjectStore('historyStats', { keyPath: 'key' });
  await rebuildHistoryIndex(tx);
}
