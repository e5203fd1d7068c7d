/**
 * The history page's timeline under one filter and order, read a page at a time: exposures through
 * the rows' `view` index (history-row.ts) in the narrowest filter's range, merged with the entries
 * kept whole (notices and other small kinds, already filtered and sorted). Only the pages asked for
 * are read and kept; nothing here grows with the history but the few positions it remembers.
 */
import type { Breach } from '../core/breach';
import type { Exposure, ExposureKey } from '../core/exposure';
import { countExposures, exposuresPass, filterTokens, rowPasses, termEstimate, type HistoryFilter, type TermMatch } from '../core/history-plan';
import { breachMapKey, buildTimeline, type TimelineEntry, type TimelineSort } from '../core/history-query';
import { SORT_NUMBER, sortKey, token, type HistoryCell, type HistoryRow, type HistorySourceCount } from '../core/history-row';
import { sourcesOf } from '../core/incident';
import type { Db } from './schema';

/** Entries read at once: a few screens. */
export const PAGE = 50;
/** A search whose words can match at most this many exposures reads them all and sorts them here. */
const GATHER_LIMIT = 3_000;

type Key = Array<string | number>;
interface Position {
  /** The last index entry consumed (null: before the first). */
  key: Key | null;
  pk: ExposureKey | null;
  /** Small entries consumed. */
  small: number;
  /** Gathered rows consumed (gather plan only). */
  gathered: number;
}
const START: Position = { key: null, pk: null, small: 0, gathered: 0 };

/** The sort key of an entry kept whole, as the index would hold it under `tok`. */
export function entryIndexKey(sort: TimelineSort, tok: string, e: TimelineEntry): Key {
  return [SORT_NUMBER[sort], tok, ...sortKey(sort, { firstSeen: e.firstSeen, date: e.date ?? '', classCount: e.dataClasses.length })];
}

export interface StreamInput {
  filter: HistoryFilter;
  sort: TimelineSort;
  cells: readonly HistoryCell[];
  sources: readonly HistorySourceCount[];
  /** Search words' matches (history-plan matchTerms); empty without a search. */
  matches: readonly TermMatch[];
  /** Entries kept whole that pass the filter, in the page's order (compareSmall). */
  small: readonly TimelineEntry[];
  /** Builds the page's entries from exposures and their breach records. */
  label: (dataClass: string) => string;
}

export class HistoryStream {
  private readonly tok: string;
  private readonly trivial: boolean;
  private readonly range: IDBKeyRange;
  /** Exposures that pass (null until counted, with a search). */
  exposureCount: number | null;
  private gathered: HistoryRow[] | null = null;
  private readonly checkpoints: Position[] = [START];

  private constructor(
    private readonly db: Db,
    private readonly input: StreamInput,
    plan: { tok: string; trivial: boolean; gathered: HistoryRow[] | null; count: number | null },
  ) {
    this.tok = plan.tok;
    this.trivial = plan.trivial;
    this.gathered = plan.gathered;
    this.exposureCount = plan.count;
    const s = SORT_NUMBER[input.sort];
    this.range = IDBKeyRange.bound([s, this.tok], [s, this.tok, []]);
  }

  /** Plans the read: the narrowest filter's range, or for a narrow search the rows it can match, read and sorted here. */
  static async open(db: Db, input: StreamInput): Promise<HistoryStream> {
    const { filter, cells, sources, matches } = input;
    // Only the small kinds can pass: no row is read.
    if (!exposuresPass(filter)) return new HistoryStream(db, input, { tok: token.all, trivial: false, gathered: [], count: 0 });
    const tokens = filterTokens(cells, filter).sort((a, b) => a.count - b.count);
    const best = tokens[0] ?? { token: token.all, count: cells.reduce((n, c) => n + c.count, 0) };
    const noSearch = matches.length === 0;
    const exact = noSearch ? countExposures(cells, filter) : null;
    if (!noSearch) {
      const noted = await db.countFromIndex('historyRows', 'by-note');
      const narrowest = matches.map((m) => ({ m, n: termEstimate(m, sources, cells, noted) })).sort((a, b) => a.n - b.n)[0]!;
      if (narrowest.n <= GATHER_LIMIT && narrowest.n <= best.count) {
        const rows = await gather(db, narrowest.m);
        const passing = rows.filter((r) => rowPasses(r, filter, matches));
        const s = input.sort;
        passing.sort((a, b) => indexedDB.cmp([b.email, b.provider, b.breachId], [a.email, a.provider, a.breachId]));
        passing.sort((a, b) => indexedDB.cmp(sortKey(s, b), sortKey(s, a)));
        return new HistoryStream(db, input, { tok: best.token, trivial: false, gathered: passing, count: passing.length });
      }
    }
    // Every row of the range passes when it is the only condition (a data class or a provider is a condition without a range).
    const unindexed = (filter.dataClass !== undefined && filter.dataClass.trim() !== '') || filter.provider !== undefined;
    const trivial = noSearch && tokens.length <= 1 && !unindexed;
    return new HistoryStream(db, input, { tok: best.token, trivial, gathered: null, count: exact });
  }

  /** Entries in all (null while a search's exposures are still being counted: see countAll). */
  get total(): number | null {
    return this.exposureCount === null ? null : this.exposureCount + this.input.small.length;
  }

  /**
   * Counts a search's exposures (and their years, for the chart) by reading the rows of its range,
   * keeping only the counts. Only a search needs it: every other count comes from the cells.
   * Gives up (null) as soon as `cancelled` says the answer is no longer wanted.
   */
  async countAll(cancelled: () => boolean = () => false): Promise<Map<number | null, number> | null> {
    const years = new Map<number | null, number>();
    let count = 0;
    const add = (r: HistoryRow) => {
      years.set(r.year, (years.get(r.year) ?? 0) + 1);
      count += 1;
    };
    if (this.gathered) this.gathered.forEach(add);
    else {
      const tx = this.db.transaction('historyRows');
      let cursor = await tx.store.index('view').openCursor(this.range, 'prev');
      while (cursor) {
        if (cancelled()) return null;
        if (rowPasses(cursor.value, this.input.filter, this.input.matches)) add(cursor.value);
        cursor = await cursor.continue();
      }
    }
    this.exposureCount = count;
    return years;
  }

  /** Entries [page × PAGE, +PAGE) in order. */
  async page(page: number): Promise<TimelineEntry[]> {
    let from: Position;
    if (this.trivial && this.input.small.length === 0) {
      // Nothing to merge and nothing to skip: the index itself goes straight to the page.
      const rows = await this.readRows(page * PAGE);
      return this.entries(rows.map((row) => ({ row })));
    }
    let known = Math.min(page, this.checkpoints.length - 1);
    from = this.checkpoints[known]!;
    while (known < page) {
      from = (await this.walk(from, PAGE, false)).next;
      known += 1;
      this.checkpoints[known] = from;
    }
    const { items, next } = await this.walk(from, PAGE, true);
    this.checkpoints[page + 1] = next;
    return this.entries(items);
  }

  private async readRows(offset: number): Promise<HistoryRow[]> {
    const tx = this.db.transaction('historyRows');
    let cursor = await tx.store.index('view').openCursor(this.range, 'prev');
    if (cursor && offset > 0) cursor = await cursor.advance(offset);
    const rows: HistoryRow[] = [];
    while (cursor && rows.length < PAGE) {
      rows.push(slim(cursor.value));
      cursor = await cursor.continue();
    }
    return rows;
  }

  /** From a position, the next `n` entries of the merged stream (kept only when `collect`). */
  private async walk(from: Position, n: number, collect: boolean): Promise<{ items: Array<{ row?: HistoryRow; entry?: TimelineEntry }>; next: Position }> {
    const { small, sort } = this.input;
    const items: Array<{ row?: HistoryRow; entry?: TimelineEntry }> = [];
    const pos = { ...from };
    const smallKey = (e: TimelineEntry) => entryIndexKey(sort, this.tok, e);
    if (this.gathered) {
      const rows = this.gathered;
      while (items.length < n && (pos.gathered < rows.length || pos.small < small.length)) {
        const r = rows[pos.gathered];
        const s = small[pos.small];
        if (s && (!r || indexedDB.cmp(smallKey(s), [SORT_NUMBER[sort], this.tok, ...sortKey(sort, r)]) > 0)) {
          items.push({ entry: s });
          pos.small += 1;
        } else {
          items.push({ row: r! });
          pos.gathered += 1;
        }
      }
      return { items: collect ? items : [], next: pos };
    }
    const tx = this.db.transaction('historyRows');
    const index = tx.store.index('view');
    const s = SORT_NUMBER[sort];
    const range = pos.key === null ? this.range : IDBKeyRange.bound([s, this.tok], pos.key);
    // Skipping over entries that all pass needs only the index keys, not the rows.
    const keysOnly = this.trivial && !collect;
    let cursor = await (keysOnly ? index.openKeyCursor(range, 'prev') : index.openCursor(range, 'prev'));
    if (cursor && pos.key !== null && pos.pk !== null && indexedDB.cmp(cursor.key, pos.key) === 0) {
      // Resume just past the last entry consumed (entries with one sort key are ordered by primary key).
      if (indexedDB.cmp(cursor.primaryKey, pos.pk) > 0) cursor = await cursor.continuePrimaryKey(pos.key, pos.pk);
      if (cursor && indexedDB.cmp(cursor.key, pos.key) === 0 && indexedDB.cmp(cursor.primaryKey, pos.pk) === 0) cursor = await cursor.continue();
    }
    while (items.length < n) {
      const next = small[pos.small];
      if (!cursor && !next) break;
      if (next && (!cursor || indexedDB.cmp(smallKey(next), cursor.key) > 0)) {
        items.push({ entry: next });
        pos.small += 1;
        continue;
      }
      const c = cursor!;
      pos.key = c.key as Key;
      pos.pk = c.primaryKey;
      const row = 'value' in c ? (c.value as HistoryRow) : null; // none from a key cursor: skipping, every entry passes
      if (!row) items.push({});
      else if (this.trivial || rowPasses(row, this.input.filter, this.input.matches)) items.push({ row: slim(row) });
      cursor = await c.continue();
    }
    return { items: collect ? items : [], next: pos };
  }

  /** Timeline entries for rows (their exposures and breach records read now) and entries kept whole. */
  private async entries(items: ReadonlyArray<{ row?: HistoryRow; entry?: TimelineEntry }>): Promise<TimelineEntry[]> {
    const keys = items.flatMap((i) => (i.row ? [[i.row.email, i.row.provider, i.row.breachId] as ExposureKey] : []));
    const built = await readEntries(this.db, keys, this.input.label);
    return items.flatMap((i) => {
      if (i.entry) return [i.entry];
      const e = built.get(keyString([i.row!.email, i.row!.provider, i.row!.breachId]));
      return e ? [e] : [];
    });
  }

  /**
   * Where an entry is in the stream, or null when it is not in it (or finding it would mean
   * reading the whole range: a filter with several conditions or a search).
   */
  async indexOf(entryKey: string, exposure: ExposureKey | null, smallEntry: TimelineEntry | null): Promise<number | null> {
    const { sort, small } = this.input;
    if (!this.trivial) return null;
    if (smallEntry) {
      const i = small.findIndex((e) => e.key === entryKey);
      if (i < 0) return null;
      const tx = this.db.transaction('historyRows');
      // Exposures with the same sort key come first (see walk), so they count as before it too.
      const above = await tx.store.index('view').count(IDBKeyRange.bound(entryIndexKey(sort, this.tok, smallEntry), [SORT_NUMBER[sort], this.tok, []]));
      return i + above;
    }
    if (!exposure) return null;
    const tx = this.db.transaction('historyRows');
    const row = await tx.store.get(exposure);
    if (!row) return null;
    const key = [SORT_NUMBER[sort], this.tok, ...sortKey(sort, row)];
    if (!row.view.some((k) => indexedDB.cmp(k, key) === 0)) return null; // not in this filter's range
    const index = tx.store.index('view');
    let before = await index.count(IDBKeyRange.bound(key, [SORT_NUMBER[sort], this.tok, []], true));
    // Entries with the same sort key come in primary-key order, the greater first.
    for (const pk of await index.getAllKeys(IDBKeyRange.only(key))) if (indexedDB.cmp(pk, exposure) > 0) before += 1;
    const smallKey = (e: TimelineEntry) => entryIndexKey(sort, this.tok, e);
    return before + small.filter((e) => indexedDB.cmp(smallKey(e), key) > 0).length;
  }
}

const keyString = (k: ExposureKey) => k.join('\u0000');
/** The lower-case breach id in a sourceKey (what the rows' by-id index holds). */
const idOf = (source: string) => source.slice(source.indexOf('\u0000') + 1).toLowerCase();

/** A row without its index keys: what a page keeps of it. */
function slim(row: HistoryRow): HistoryRow {
  return { ...row, view: [] };
}

/** The rows a search word can match: those of its breaches, its addresses and every noted one. */
async function gather(db: Db, m: TermMatch): Promise<HistoryRow[]> {
  const tx = db.transaction('historyRows');
  const byKey = new Map<string, HistoryRow>();
  const add = (rows: HistoryRow[]) => {
    for (const r of rows) byKey.set(keyString([r.email, r.provider, r.breachId]), slim(r));
  };
  await Promise.all([
    ...[...m.sources].map(async (s) => add((await tx.store.index('by-id').getAll(idOf(s))).filter((r) => r.sources.includes(s)))),
    ...[...m.emails].map(async (e) => add(await tx.store.index('view').getAll(IDBKeyRange.bound([0, token.email(e)], [0, token.email(e), []])))),
    (async () => add(await tx.store.index('by-note').getAll()))(),
  ]);
  return [...byKey.values()];
}

/** Timeline entries of exposures, by their key, read with their breach records in one transaction. */
export async function readEntries(db: Db, keys: readonly ExposureKey[], label: (dataClass: string) => string): Promise<Map<string, TimelineEntry>> {
  const tx = db.transaction(['exposures', 'breaches']);
  const exposures = (await Promise.all(keys.map((k) => tx.objectStore('exposures').get(k)))).filter((e): e is Exposure => e !== undefined);
  const wanted = new Map<string, [Breach['provider'], string]>();
  for (const e of exposures) for (const s of sourcesOf(e)) wanted.set(breachMapKey(s.provider, s.breachId), [s.provider, s.breachId]);
  const breaches = new Map<string, Breach>();
  for (const b of await Promise.all([...wanted.values()].map((k) => tx.objectStore('breaches').get(k)))) if (b) breaches.set(breachMapKey(b.provider, b.id), b);
  const out = new Map<string, TimelineEntry>();
  for (const entry of buildTimeline(exposures, breaches, [], label)) {
    if (entry.kind === 'breach') out.set(keyString([entry.email, entry.provider, entry.breachId]), entry);
  }
  return out;
}

/** The entries kept whole, in the page's order: the sort's fields first (descending), then the timeline's own order. */
export function compareSmall(sort: TimelineSort): (a: TimelineEntry, b: TimelineEntry) => number {
  return (a, b) => indexedDB.cmp(entryIndexKey(sort, '', b), entryIndexKey(sort, '', a)) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}
