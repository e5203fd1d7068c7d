import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { exposureYears, filterSmall, planSearch, searchTerms, toYearCounts, type HistoryFilter, type TermMatch } from '../../core/history-plan';
import { countByYear, type TimelineEntry, type TimelineSort, type YearCounts } from '../../core/history-query';
import { db } from '../../storage/open-db';
import { compareSmall, HistoryStream, PAGE } from '../../storage/history-stream';
import { classLabel } from '../data-labels';
import { loadSearchData, type HistoryData } from './load-history';
import type { SearchData } from '../../core/history-plan';

/** Pages kept at once: the ones around the rows in view. Farther ones are read again when needed. */
const KEPT_PAGES = 12;

export interface HistoryView {
  /** Entries that pass the filter; null while a search is still counting. */
  total: number | null;
  /** Per year of the breach, under every filter but the year (null while counting). */
  years: YearCounts | null;
  /** The entry at a position, if its page is loaded. */
  entryAt: (index: number) => TimelineEntry | undefined;
  /** Asks for the pages of rows [start, end). */
  want: (start: number, end: number) => void;
  /** The filter the view shows (changes to it start a new view). */
  stream: HistoryStream | null;
  /** Counts up when a view's first page arrives. */
  ready: number;
  /** Why the entries could not be read, if they could not. */
  error: string | null;
}

/**
 * The timeline under one filter and order, read a page at a time through the stream. A new filter,
 * order or data load starts a new stream; answers for an old one are dropped.
 */
export function useHistoryView(data: HistoryData | null, filter: HistoryFilter, sort: TimelineSort): HistoryView {
  const [stream, setStream] = useState<HistoryStream | null>(null);
  const [total, setTotal] = useState<number | null>(null);
  const [years, setYears] = useState<YearCounts | null>(null);
  const [pages, setPages] = useState<ReadonlyMap<number, TimelineEntry[]>>(new Map());
  const [ready, setReady] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const pending = useRef(new Set<number>());
  const generation = useRef(0);
  const search = useRef<{ data: HistoryData; loaded: Promise<SearchData> } | null>(null);
  const key = JSON.stringify(filter);

  useEffect(() => {
    if (!data) return;
    const mine = ++generation.current;
    const current = () => generation.current === mine;
    pending.current = new Set([0]);
    void (async () => {
      const store = await db();
      const terms = searchTerms(filter.text);
      let matches: TermMatch[] = [];
      let f: HistoryFilter = filter;
      if (terms.length > 0) {
        if (search.current?.data !== data) search.current = { data, loaded: loadSearchData(store, data.sources) };
        ({ filter: f, matches } = planSearch(filter, terms, await search.current.loaded, data.facets.emails, classLabel));
      }
      const small = filterSmall(data.small, filter).sort(compareSmall(sort));
      const input = { filter: f, sort, cells: data.cells, sources: data.sources, matches, label: classLabel };
      const next = await HistoryStream.open(store, { ...input, small });
      if (!current()) return;
      const first = await next.page(0);
      if (!current()) return;
      setStream(next);
      setPages(new Map([[0, first]]));
      pending.current = new Set();
      setTotal(next.total);
      const smallYears = countByYear(filterSmall(data.small, { ...filter, year: undefined }));
      if (matches.length === 0) {
        setYears(mergeYears(exposureYears(data.cells, f), smallYears));
        setReady((n) => n + 1);
        return;
      }
      setYears(null);
      setReady((n) => n + 1);
      // A search is counted by reading its range, after the first page is shown.
      const yearless = await HistoryStream.open(store, { ...input, filter: { ...f, year: undefined }, small: [] });
      const counted = await yearless.countAll(() => !current());
      if (!counted || !current()) return;
      const chart = mergeYears(counted, smallYears);
      setYears(chart);
      const exposures = f.year === undefined ? [...counted.values()].reduce((a, b) => a + b, 0) : (counted.get(f.year) ?? 0);
      setTotal(exposures + small.length);
    })().then(
      () => {
        if (current()) setError(null);
      },
      (err: unknown) => {
        if (current()) setError((err as Error).message || String(err));
      },
    );
    // The filter is compared by value (key), not by identity.
  }, [data, key, sort]);

  const want = useCallback(
    (start: number, end: number) => {
      if (!stream) return;
      const mine = generation.current;
      for (let p = Math.floor(start / PAGE); p <= Math.floor(Math.max(start, end - 1) / PAGE); p++) {
        if (pages.has(p) || pending.current.has(p)) continue;
        pending.current.add(p);
        void stream.page(p).then(
          (entries) => {
            pending.current.delete(p);
            if (generation.current !== mine) return;
            setPages((old) => {
              const next = new Map(old);
              next.set(p, entries);
              // Keep the pages nearest the one just read.
              const far = [...next.keys()].sort((a, b) => Math.abs(b - p) - Math.abs(a - p));
              while (next.size > KEPT_PAGES) next.delete(far.shift()!);
              return next;
            });
          },
          (err: unknown) => {
            pending.current.delete(p);
            if (generation.current === mine) setError((err as Error).message || String(err));
          },
        );
      }
    },
    [stream, pages],
  );

  const entryAt = useCallback((index: number) => pages.get(Math.floor(index / PAGE))?.[index % PAGE], [pages]);
  return { total, years, entryAt, want, stream, ready, error };
}

function mergeYears(exposures: ReadonlyMap<number | null, number>, small: YearCounts): YearCounts {
  const all = new Map(exposures);
  for (const { year, count } of small) all.set(year, (all.get(year) ?? 0) + count);
  if (small.unknownYearCount > 0) all.set(null, (all.get(null) ?? 0) + small.unknownYearCount);
  return toYearCounts(all);
}
