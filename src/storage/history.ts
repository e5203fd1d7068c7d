import { countChange, type ExposureKey, type ExposureState } from '../core/exposure';
import { tickStep } from '../core/guidance';
import { noticeEntryKey } from '../core/entry-key';
import type { ManualNotice } from '../core/notice';
import type { EntryTarget } from '../messages';
import { HISTORY_STORES, HistoryWriter } from './history-index';
import type { Db } from './schema';
import { reconcileTrails, TRAIL_STORES, type TrailTx } from './trail/trails';

/** Moves an exposure to a new state (acknowledge, resolve with a note, reopen). */
export async function setExposureState(db: Db, key: ExposureKey, state: ExposureState, note: string | undefined, now: number): Promise<boolean> {
  const tx = db.transaction(['addresses', ...HISTORY_STORES], 'readwrite', { durability: 'strict' });
  const exposure = await tx.objectStore('exposures').get(key);
  if (exposure) {
    const writer = new HistoryWriter(tx);
    await writer.put({ ...exposure, state, stateChangedAt: now, note: note ?? exposure.note });
    await writer.flush();
    const address = await tx.objectStore('addresses').get(exposure.email);
    if (address) await tx.objectStore('addresses').put({ ...address, ...countChange(address, exposure.state, state) });
  }
  await tx.done;
  return exposure !== undefined;
}

export async function setNoticeState(db: Db, id: string, state: ExposureState, note: string | undefined, now: number): Promise<boolean> {
  const tx = db.transaction('notices', 'readwrite', { durability: 'strict' });
  const notice = await tx.store.get(id);
  if (notice) await tx.store.put({ ...notice, state, stateChangedAt: now, note: note ?? notice.note });
  await tx.done;
  return notice !== undefined;
}

/** Ticks or unticks one step of an entry's checklist; false when the entry is gone. */
export async function setEntryStep(db: Db, target: EntryTarget, step: string, done: boolean): Promise<boolean> {
  if (target.kind === 'exposure') {
    const tx = db.transaction([...HISTORY_STORES], 'readwrite', { durability: 'strict' });
    const exposure = await tx.objectStore('exposures').get(target.key);
    if (exposure) {
      const writer = new HistoryWriter(tx);
      await writer.put({ ...exposure, steps: tickStep(exposure.steps, step, done) });
      await writer.flush();
    }
    await tx.done;
    return exposure !== undefined;
  }
  const store = 'notices';
  const tx = db.transaction(store, 'readwrite', { durability: 'strict' });
  const record = await tx.store.get(target.id);
  if (record) await tx.store.put({ ...record, steps: tickStep(record.steps, step, done) });
  await tx.done;
  return record !== undefined;
}

/** Saves a notice, and the leak-trail findings of its address with it (a notice of another site is one). */
export async function saveNotice(db: Db, notice: ManualNotice, now = notice.createdAt): Promise<void> {
  const tx = db.transaction([...TRAIL_STORES], 'readwrite', { durability: 'strict' });
  const previous = await tx.objectStore('notices').get(notice.id);
  await tx.objectStore('notices').put(notice);
  for (const email of new Set([notice.email, previous?.email ?? notice.email])) await reconcileTrails(tx as unknown as TrailTx, email, now);
  await tx.done;
}

/** A notice goes with its leak-trail findings (checked again) and the request made about it (#13). */
export async function deleteNotice(db: Db, id: string, now = Date.now()): Promise<void> {
  const tx = db.transaction([...TRAIL_STORES, 'rightsRequests'], 'readwrite', { durability: 'strict' });
  const notice = await tx.objectStore('notices').get(id);
  await tx.objectStore('notices').delete(id);
  await tx.objectStore('rightsRequests').delete(noticeEntryKey(id));
  if (notice) await reconcileTrails(tx as unknown as TrailTx, notice.email, now);
  await tx.done;
}

/**
 * Every store the user's data lives in, and the queue with it. The times of recent requests stay:
 * they hold no personal data, and forgetting them would let the next checks break the rate limit.
 */
const ALL_STORES = ['addresses', 'breaches', 'exposures', 'jobs', 'runs', 'results', 'notices', 'siteAlerts', 'trails', 'rightsRequests', 'historyRows', 'historyStats'] as const;

/** Deletes everything, all or nothing. */
export async function deleteEverything(db: Db): Promise<void> {
  const tx = db.transaction([...ALL_STORES], 'readwrite', { durability: 'strict' });
  await Promise.all(ALL_STORES.map((name) => tx.objectStore(name).clear()));
  await tx.done;
}
