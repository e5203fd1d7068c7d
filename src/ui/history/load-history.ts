/**
 * Reads everything the history page shows straight from IndexedDB, in ONE readonly transaction,
 * so the timeline, the addresses and the site alerts are one consistent snapshot. Of the breach
 * catalog only the records the history refers to are read. Writes go through the background.
 */
import { PROVIDER_IDS, type Breach, type ProviderId } from '../../core/breach';
import type { WatchedAddress } from '../../core/exposure';
import { sourcesOf } from '../../core/incident';
import { breachMapKey, buildTimeline, compareEntries, facets, type Facets, type RequestEntry, type TimelineEntry } from '../../core/history-query';
import { localDateOf } from '../../core/rights/deadline';
import { requestEntries } from '../../core/rights/request-entries';
import type { SiteAlertRecord } from '../../core/notice';
import { classLabel } from '../data-labels';
import type { Db } from '../../storage/schema';

export interface HistoryData {
  timeline: TimelineEntry[];
  /** Timeline entries by key, for the detail panel. */
  byKey: ReadonlyMap<string, TimelineEntry>;
  facets: Facets;
  addresses: WatchedAddress[];
  /** Newest first. */
  siteAlerts: SiteAlertRecord[];
  /** The breach records referenced, keyed by `breachMapKey`. */
  breaches: ReadonlyMap<string, Breach>;
  /** The providers in use: with more than one, each entry says which of them report it. */
  providers: readonly ProviderId[];
  /** Data-protection requests (#13), by the key of the entry they are about. */
  requests: ReadonlyMap<string, RequestEntry>;
}

const isProvider = (p: string): p is ProviderId => (PROVIDER_IDS as readonly string[]).includes(p);

export async function loadHistory(db: Db, providers: readonly ProviderId[]): Promise<HistoryData> {
  const tx = db.transaction(['addresses', 'breaches', 'exposures', 'notices', 'siteAlerts', 'rightsRequests'], 'readonly');
  const [addresses, exposures, notices, siteAlerts, rightsRequests] = await Promise.all([
    tx.objectStore('addresses').getAll(),
    tx.objectStore('exposures').getAll(),
    tx.objectStore('notices').getAll(),
    tx.objectStore('siteAlerts').getAll(),
    tx.objectStore('rightsRequests').getAll(),
  ]);
  const wanted = new Map<string, [ProviderId, string]>();
  for (const e of exposures) for (const s of sourcesOf(e)) wanted.set(breachMapKey(s.provider, s.breachId), [s.provider, s.breachId]);
  for (const a of siteAlerts) {
    if (!isProvider(a.provider)) continue;
    for (const id of a.breachIds) wanted.set(breachMapKey(a.provider, id), [a.provider, id]);
  }
  const store = tx.objectStore('breaches');
  const found = await Promise.all([...wanted.values()].map((key) => store.get(key)));
  await tx.done;

  const breaches = new Map<string, Breach>();
  for (const b of found) if (b) breaches.set(breachMapKey(b.provider, b.id), b);
  // Requests are few (one per entry at most): read whole and merged into the timeline's order.
  const requests = requestEntries(rightsRequests, localDateOf(Date.now()));
  const timeline = [...buildTimeline(exposures, breaches, notices, classLabel), ...requests].sort(compareEntries);
  return {
    timeline,
    byKey: new Map(timeline.map((e) => [e.key, e])),
    facets: facets(timeline),
    addresses: addresses.sort((a, b) => (a.email < b.email ? -1 : a.email > b.email ? 1 : 0)),
    siteAlerts: siteAlerts.sort((a, b) => b.shownAt - a.shownAt || (a.id < b.id ? -1 : 1)),
    breaches,
    providers,
    requests: new Map(requests.map((r) => [r.request.entry, r])),
  };
}
