import { breachEntryKey, noticeEntryKey } from '../core/entry-key';
import { incidentBreach, sourcesOf } from '../core/incident';
import type { LocalDate } from '../core/rights/deadline';
import { applyRequestChange, type RequestChange, type RequestChangeInput, type RequestRefusal, type RightsRequest } from '../core/rights/request';
import type { EntryTarget } from '../messages';
import type { Db } from './schema';

export type RequestChangeOutcome = { ok: true; request: RightsRequest } | { ok: false; reason: RequestRefusal | 'entryGone' };

/**
 * Applies one change to the request of a history entry, in one transaction with the read of the
 * entry it is about (so a request is never recorded for an entry deleted meanwhile).
 */
export async function changeRequest(db: Db, target: EntryTarget, input: RequestChangeInput, today: LocalDate, now: number): Promise<RequestChangeOutcome> {
  const tx = db.transaction(['exposures', 'notices', 'breaches', 'rightsRequests'], 'readwrite', { durability: 'strict' });
  let subject: { entry: string; email: string; organisation: string } | null = null;
  if (target.kind === 'exposure') {
    const exposure = await tx.objectStore('exposures').get(target.key);
    if (exposure) {
      const breaches = await Promise.all(sourcesOf(exposure).map((s) => tx.objectStore('breaches').get([s.provider, s.breachId])));
      const breach = incidentBreach(breaches.map((b) => b ?? null));
      subject = { entry: breachEntryKey(exposure), email: exposure.email, organisation: breach?.title ?? exposure.breachId };
    }
  } else {
    const notice = await tx.objectStore('notices').get(target.id);
    if (notice) subject = { entry: noticeEntryKey(notice.id), email: notice.email, organisation: notice.organisation };
  }
  if (subject === null) {
    tx.abort();
    await tx.done.catch(() => undefined);
    return { ok: false, reason: 'entryGone' };
  }
  const store = tx.objectStore('rightsRequests');
  const previous = await store.get(subject.entry);
  const change: RequestChange = input.action === 'sent' ? { ...input, email: subject.email, organisation: subject.organisation } : input;
  const outcome = applyRequestChange(previous, subject.entry, change, today, now);
  if (outcome.ok) await store.put(outcome.request);
  await tx.done;
  return outcome;
}

/** Records that the overdue notification for `due` was shown; a request changed since keeps its news. */
export async function markOverdueNotified(db: Db, entry: string, due: LocalDate): Promise<void> {
  const tx = db.transaction('rightsRequests', 'readwrite', { durability: 'strict' });
  const request = await tx.store.get(entry);
  if (request) await tx.store.put({ ...request, notifiedDue: due });
  await tx.done;
}

export function listRequests(db: Db): Promise<RightsRequest[]> {
  return db.getAll('rightsRequests');
}
