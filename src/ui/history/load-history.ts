/**
 * Reads what the history page shows whole, straight from IndexedDB in ONE readonly transaction:
 * the addresses, the site alerts, the aggregates the counts and chart come from, and the entries
 * few enough to keep in memory (notices and other small kinds). The exposures themselves are
 * read a page at a time (src/storage/history-stream.ts). Writes go through the background.
 */
import { PROVIDER_IDS, type Breach, type ProviderId } from '../../core/breach';
import type { WatchedAddress } from '../../core/exposure';
import { facetsOf, type SearchData } from '../../core/history-plan';
import { breachMapKey, buildTimeline, type Facets, type RequestEntry, type TimelineEntry } from '../../core/history-query';
import type { HistoryCell, HistorySourceCount } from '../../core/history-row';
import type { ManualNotice, SiteAlertRecord } from '../../core/notice';
import { localDateOf } from '../../core/rights/deadline';
import { requestEntries } from '../../core/rights/request-entries';
import { classLabel } from '../data-labels';
import { ensureHistoryIndex, splitStats } from '../../storage/history-index';
import type { Db } from '../../storage/schema';

export interface HistoryData {
  /** Entries kept whole (every small kind), unfiltered and unsorted. */
  small: TimelineEntry[];
  /** Aggregates of the exposures: counts, facets and the chart come from them. */
  cells: HistoryCell[];
  sources: HistorySourceCount[];
  facets: Facets;
  /** Entries in all: every exposure and every small entry. */
  total: number;
  addresses: WatchedAddress[];
  /** Newest first. */
  siteAlerts: SiteAlertRecord[];
  /** The breach records the site alerts name, keyed by `breachMapKey`. */
  breaches: ReadonlyMap<string, Breach>;
  /** The providers in use: with more than one, each entry says which of them report it. */
  providers: readonly ProviderId[];
  /** Data-protection requests (#13), by the key of the entry they are about. */
  requests: ReadonlyMap<string, RequestEntry>;
}

/**
 * The kinds of entries kept whole: each at most a few hundred, filtered and sorted in memory and
 * merged into the paged exposures in the active order. A new small kind adds its entries here
 * (TimelineEntry values with a unique `key`; history-stream.ts merges them by their sort fields).
 */
const SMALL_KINDS: ReadonlyArray<(read: SmallRead) => TimelineEntry[]> = [
  ({ notices }) => buildTimeline([], [], notices, classLabel),
  ({ requests }) => requests,
];

interface SmallRead {
  notices: ManualNotice[];
  requests: RequestEntry[];
}

const isProvider = (p: string): p is ProviderId => (PROVIDER_IDS as readonly string[]).includes(p);

export async function loadHistory(db: Db, providers: readonly ProviderId[]): Promise<HistoryData> {
  await ensureHistoryIndex(db);
  const tx = db.transaction(['addresses', 'breaches', 'notices', 'siteAlerts', 'historyStats', 'rightsRequests'], 'readonly');
  const [addresses, notices, siteAlerts, stats, rightsRequests] = await Promise.all([
    tx.objectStore('addresses').getAll(),
    tx.objectStore('notices').getAll(),
    tx.objectStore('siteAlerts').getAll(),
    tx.objectStore('historyStats').getAll().then(splitStats),
    tx.objectStore('rightsRequests').getAll(),
  ]);
  const wanted = new Map<string, [ProviderId, string]>();
  for (const a of siteAlerts) {
    if (!isProvider(a.provider)) continue;
    for (const id of a.breachIds) wanted.set(breachMapKey(a.provider, id), [a.provider, id]);
  }
  const store = tx.objectStore('breaches');
  const found = await Promise.all([...wanted.values()].map((key) => store.get(key)));
  await tx.done;

  const breaches = new Map<string, Breach>();
  for (const b of found) if (b) breaches.set(breachMapKey(b.provider, b.id), b);
  // Whether a request is overdue depends on the day the page reads it.
  const requests = requestEntries(rightsRequests, localDateOf(Date.now()));
  const small = SMALL_KINDS.flatMap((kind) => kind({ notices, requests }));
  return {
    small,
    cells: stats.cells,
    sources: stats.sources,
    facets: facetsOf(stats.cells, small),
    total: stats.cells.reduce((n, c) => n + c.count, 0) + small.length,
    addresses: addresses.sort((a, b) => (a.email < b.email ? -1 : a.email > b.email ? 1 : 0)),
    siteAlerts: siteAlerts.sort((a, b) => b.shownAt - a.shownAt || (a.id < b.id ? -1 : 1)),
    breaches,
    providers,
    requests: new Map(requests.map((r) => [r.request.entry, r])),
  };
}

/** The breach records the history names (without their long descriptions) and the notes, for a search. */
export async function loadSearchData(db: Db, sources: readonly HistorySourceCount[]): Promise<SearchData> {
  const tx = db.transaction(['breaches', 'historyRows']);
  const [records, notes] = await Promise.all([
    Promise.all(sources.map((s) => tx.objectStore('breaches').get([s.provider, s.breachId]))),
    (async () => {
      const out = new Set<string>();
      let cursor = await tx.objectStore('historyRows').index('by-note').openKeyCursor(null, 'nextunique');
      while (cursor) {
        out.add(cursor.key);
        cursor = await cursor.continue();
      }
      return [...out];
    })(),
  ]);
  return { breaches: records.filter((b): b is Breach => b !== undefined).map((b) => ({ ...b, description: '' })), notes };
}
