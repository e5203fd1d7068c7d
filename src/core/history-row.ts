/**
 * What the history page sorts, filters and counts an exposure by, derived once when the exposure
 * (or a breach record it names) is written, so the page reads a screenful through an index and
 * its counts from a few hundred aggregate cells instead of reading every exposure.
 *
 * A row is keyed like its exposure. Its `view` holds one index key per order and filter the page
 * offers: [order, token, ...sort key]. A multiEntry index over `view` gives every filter its own
 * range, already in each order: the first screen of "address X, newest breach first" is the
 * first 50 entries of the range [DATE, 'e\0x'] read backwards.
 */
import type { Breach, ProviderId } from './breach';
import { canonicalClass } from './data-class-words';
import type { Exposure, ExposureKey, ExposureState } from './exposure';
import { incidentBreach, reportedBy, sourceKey, sourcesOf, type ExposureSource } from './incident';

/** The orders of the timeline (history-query.ts TimelineSort), as numbers in index keys. */
export const SORT_NUMBER = { found: 0, 'breach-date': 1, data: 2 } as const;
export type SortName = keyof typeof SORT_NUMBER;

/** What the page sorts by, descending: the values that follow [order, token] in a view key. */
export interface SortFields {
  firstSeen: number;
  /** YYYY[-MM[-DD]], or '' when unknown ('' sorts lowest, so unknown dates come last). */
  date: string;
  classCount: number;
}

export function sortKey(sort: SortName, f: SortFields): Array<string | number> {
  if (sort === 'found') return [f.firstSeen];
  if (sort === 'breach-date') return [f.date, f.firstSeen];
  return [f.classCount, f.date, f.firstSeen];
}

/** Filter tokens: one per filter value an entry has ('' is the whole history). */
export const token = {
  all: '',
  email: (email: string) => `e\u0000${email}`,
  state: (state: ExposureState) => `s\u0000${state}`,
  year: (year: number | null) => `y\u0000${year ?? ''}`,
};

export interface HistoryRow extends SortFields {
  email: string;
  provider: ProviderId;
  breachId: string;
  state: ExposureState;
  year: number | null;
  /** Every provider that reports the incident. */
  providers: ProviderId[];
  /** Canonical data class names of the incident (data-classes.ts), each once. */
  classes: string[];
  /** sourceKey of each source: the breach records the row was derived from. */
  sources: string[];
  /**
   * Lower-case breach ids of the sources (indexed): the site watcher's "which of my addresses were
   * in it", and which rows a changed breach record or a search by breach name touches.
   */
  ids: string[];
  /** The note, lower-cased, only when there is one (a sparse index lists the noted rows). */
  note?: string;
  /** [order, token, ...sort key] for every order and token (see above). */
  view: Array<Array<string | number>>;
}

export function yearOf(date: string | null): number | null {
  if (date === null) return null;
  const m = /^(\d{4})(?:-|$)/.exec(date);
  return m?.[1] === undefined ? null : Number(m[1]);
}

/** The canonical classes of a breach's list, each once, empty names dropped. */
export function canonicalClasses(raw: readonly string[]): string[] {
  const out = new Map<string, string>();
  for (const c of raw) {
    const name = canonicalClass(c);
    if (name !== '' && !out.has(name.toLowerCase())) out.set(name.toLowerCase(), name);
  }
  return [...out.values()];
}

/** The row of an exposure, given the stored records of its sources (null where none is stored). */
export function historyRow(e: Exposure, records: ReadonlyArray<Breach | null>): HistoryRow {
  const breach = incidentBreach(records);
  const date = breach?.breachDate ?? null;
  const year = yearOf(date);
  const classes = canonicalClasses(breach?.dataClasses ?? []);
  const providers = reportedBy(e).sort();
  const sources = sourcesOf(e);
  const fields: SortFields = { firstSeen: e.firstSeen, date: date ?? '', classCount: classes.length };
  // Every token costs an index entry per order per exposure, written with every change. Data
  // classes and providers have no range of their own: most classes are in most breaches and most
  // people use one provider, so such a filter reads the narrowest other range and tests each row
  // (it is counted from the cells all the same).
  const tokens = [token.all, token.email(e.email), token.state(e.state), token.year(year)];
  const view: HistoryRow['view'] = [];
  for (const sort of Object.keys(SORT_NUMBER) as SortName[]) {
    const key = sortKey(sort, fields);
    for (const t of tokens) view.push([SORT_NUMBER[sort], t, ...key]);
  }
  return {
    email: e.email,
    provider: e.provider,
    breachId: e.breachId,
    state: e.state,
    ...fields,
    year,
    providers,
    classes,
    sources: sources.map(sourceKey),
    ids: [...new Set(sources.map((s) => s.breachId.toLowerCase()))],
    ...(e.note.trim() === '' ? {} : { note: e.note.toLowerCase() }),
    view,
  };
}

export const rowKey = (r: Pick<HistoryRow, 'email' | 'provider' | 'breachId'>): ExposureKey => [r.email, r.provider, r.breachId];

/**
 * The aggregate the page's counts come from: how many exposures share an address, state, year
 * and set of providers, and how many of those have each data class. A few hundred cells cover a
 * history of any length (addresses × 3 states × years × provider sets).
 */
export interface HistoryCell {
  key: string;
  email: string;
  state: ExposureState;
  year: number | null;
  providers: ProviderId[];
  count: number;
  /** Canonical class name → exposures in this cell that have it. */
  classes: Record<string, number>;
}

/** How many exposures name a breach record (by sourceKey): the breaches a search looks through. */
export interface HistorySourceCount {
  key: string;
  provider: ProviderId;
  breachId: string;
  count: number;
}

/** The aggregates, and a mark (key 'reindex') that asks for them to be built again. */
export type HistoryStat = HistoryCell | HistorySourceCount | { key: 'reindex' };

export const CELL_PREFIX = 'c\u0000';
export const SOURCE_PREFIX = 's\u0000';

export const cellKey = (r: Pick<HistoryRow, 'email' | 'state' | 'year' | 'providers'>) =>
  `${CELL_PREFIX}${r.email}\u0000${r.state}\u0000${r.year ?? ''}\u0000${r.providers.join('+')}`;

export const sourceStatKey = (s: ExposureSource) => `${SOURCE_PREFIX}${sourceKey(s)}`;

export const isCell = (s: HistoryStat): s is HistoryCell => s.key.startsWith(CELL_PREFIX);

/**
 * Changes to the aggregates, summed in memory over one transaction's writes and applied once at
 * its end (`applyDelta`): a thousand writes to one cell cost one read and one write of it.
 */
export class StatDelta {
  readonly cells = new Map<string, { row: Pick<HistoryRow, 'email' | 'state' | 'year' | 'providers'>; count: number; classes: Map<string, number> }>();
  readonly sources = new Map<string, { source: ExposureSource; count: number }>();

  add(row: HistoryRow, sign: 1 | -1): void {
    const key = cellKey(row);
    let cell = this.cells.get(key);
    if (!cell) this.cells.set(key, (cell = { row, count: 0, classes: new Map() }));
    cell.count += sign;
    for (const c of row.classes) cell.classes.set(c, (cell.classes.get(c) ?? 0) + sign);
    for (const key of row.sources) {
      const [provider, breachId] = key.split('\u0000') as [ProviderId, string];
      const statKey = sourceStatKey({ provider, breachId });
      const s = this.sources.get(statKey) ?? { source: { provider, breachId }, count: 0 };
      s.count += sign;
      this.sources.set(statKey, s);
    }
  }

  get empty(): boolean {
    return this.cells.size === 0 && this.sources.size === 0;
  }
}

/** A stored cell (or none) with a delta applied; null when it is left empty (and so goes). */
export function applyCell(stored: HistoryCell | undefined, key: string, d: StatDelta['cells'] extends Map<string, infer V> ? V : never): HistoryCell | null {
  const count = (stored?.count ?? 0) + d.count;
  if (count <= 0) return null;
  const classes: Record<string, number> = { ...(stored?.classes ?? {}) };
  for (const [c, n] of d.classes) {
    const next = (classes[c] ?? 0) + n;
    if (next > 0) classes[c] = next;
    else delete classes[c];
  }
  return { key, email: d.row.email, state: d.row.state, year: d.row.year, providers: [...d.row.providers], count, classes };
}
