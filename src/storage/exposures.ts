import type { Exposure } from '../core/exposure';
import type { Db } from './schema';

/** How many exposures the user has not yet seen: the toolbar badge. */
export function countUnacknowledged(db: Db): Promise<number> {
  return db.countFromIndex('exposures', 'by-state', 'new');
}

/** Marks the addresses' unseen exposures as seen. Only 'new' ones change. */
export async function acknowledgeExposures(db: Db, emails: readonly string[], now: number): Promise<number> {
  const tx = db.transaction('exposures', 'readwrite', { durability: 'strict' });
  const wanted = new Set(emails);
  let changed = 0;
  let cursor = await tx.store.index('by-state').openCursor('new');
  while (cursor) {
    if (wanted.has(cursor.value.email)) {
      await cursor.update({ ...cursor.value, state: 'acknowledged', stateChangedAt: now });
      changed++;
    }
    cursor = await cursor.continue();
  }
  await tx.done;
  return changed;
}

/** How many exposures an address has, and how many of them are unseen — from indexes alone. */
export async function exposureSummary(db: Db, email: string): Promise<{ total: number; unseen: number }> {
  const [total, unseen] = await Promise.all([
    db.countFromIndex('exposures', 'by-email', email),
    db.countFromIndex('exposures', 'by-email-state', [email, 'new']),
  ]);
  return { total, unseen };
}

/** The address's most recently found exposures, newest first, reading only those. */
export async function newestExposures(db: Db, email: string, limit: number): Promise<Exposure[]> {
  const out: Exposure[] = [];
  const range = IDBKeyRange.bound([email, -Infinity], [email, Infinity]);
  let cursor = await db.transaction('exposures').store.index('by-email-first-seen').openCursor(range, 'prev');
  while (cursor && out.length < limit) {
    out.push(cursor.value);
    cursor = await cursor.continue();
  }
  return out;
}
