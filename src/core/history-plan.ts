/**
 * How the history page answers a filter without reading every exposure: counts and facets summed
 * from the aggregate cells (history-row.ts), the index range the rows are read through (the
 * narrowest filter's), and the test each row read must pass. Pure, so it is tested without a
 * database; src/storage/history-stream.ts runs the plan.
 */
import type { Breach, ProviderId } from './breach';
import { canonicalClass } from './data-class-words';
import { token, type HistoryCell, type HistoryRow, type HistorySourceCount } from './history-row';
import { facets, facetsFrom, filterTimeline, type Facets, type TimelineEntry, type TimelineFilter, type YearCounts } from './history-query';
import { sourceKey } from './incident';

/** The page's filters: the timeline's, and the provider that reports an entry. */
export interface HistoryFilter extends TimelineFilter {
  provider?: ProviderId;
}

const classKey = (name: string) => canonicalClass(name).toLowerCase();

/** Exposures are the breach entries: a filter for another kind (notices, requests) leaves none of them. */
export const exposuresPass = (f: HistoryFilter): boolean => f.kind === undefined || f.kind === 'breach';

/** Whether a cell's exposures pass the filter's address, state, year and provider (classes: see cellCount). */
function cellPasses(c: HistoryCell, f: HistoryFilter, withYear: boolean): boolean {
  if (!exposuresPass(f)) return false;
  if (f.email !== undefined && c.email !== f.email.trim().toLowerCase()) return false;
  if (f.state !== undefined && c.state !== f.state) return false;
  if (withYear && f.year !== undefined && c.year !== f.year) return false;
  if (f.provider !== undefined && !c.providers.includes(f.provider)) return false;
  return true;
}

/** How many of a cell's exposures pass the filter (text aside). */
function cellCount(c: HistoryCell, f: HistoryFilter, withYear = true): number {
  if (!cellPasses(c, f, withYear)) return 0;
  if (f.dataClass === undefined || f.dataClass.trim() === '') return c.count;
  const wanted = classKey(f.dataClass);
  let n = 0;
  for (const [name, count] of Object.entries(c.classes)) if (name.toLowerCase() === wanted) n += count;
  return n;
}

/** Exposures passing the filter's address, state, year, provider and data class, from the cells alone. */
export function countExposures(cells: readonly HistoryCell[], f: HistoryFilter): number {
  return cells.reduce((sum, c) => sum + cellCount(c, f), 0);
}

/** Exposures per year of the breach under every filter but the year (and the text): the chart. */
export function exposureYears(cells: readonly HistoryCell[], f: HistoryFilter): Map<number | null, number> {
  const out = new Map<number | null, number>();
  for (const c of cells) {
    const n = cellCount(c, f, false);
    if (n > 0) out.set(c.year, (out.get(c.year) ?? 0) + n);
  }
  return out;
}

/** A year map (plus the small entries' years) as the chart takes it. */
export function toYearCounts(years: ReadonlyMap<number | null, number>): YearCounts {
  const list = [...years].filter((y): y is [number, number] => y[0] !== null).sort((a, b) => a[0] - b[0]).map(([year, count]) => ({ year, count }));
  return Object.assign(list, { unknownYearCount: years.get(null) ?? 0 });
}

/** What the filter controls offer, from the cells and the entries loaded whole (notices and other small kinds). */
export function facetsOf(cells: readonly HistoryCell[], small: readonly TimelineEntry[]): Facets {
  const own = facets(small);
  const emails = new Set(own.emails);
  const years = new Set(own.years);
  const classes = new Map(own.dataClasses.map((c) => [c.name.toLowerCase(), { ...c }]));
  const states = { ...own.states };
  let unknownYearCount = own.unknownYearCount;
  for (const c of cells) {
    emails.add(c.email);
    if (c.year === null) unknownYearCount += c.count;
    else years.add(c.year);
    states[c.state] += c.count;
    for (const [name, n] of Object.entries(c.classes)) {
      const known = classes.get(name.toLowerCase());
      if (known) known.count += n;
      else classes.set(name.toLowerCase(), { name, count: n });
    }
  }
  return facetsFrom(emails, classes, years, unknownYearCount, states);
}

/** The filter's search words, lower-cased (NUL separates fields, so it cannot be part of one). */
export function searchTerms(text: string | undefined): string[] {
  return (text ?? '').replaceAll('\u0000', ' ').toLowerCase().split(/\s+/).filter((t) => t !== '');
}

/**
 * What each search word matches besides notes: the breach records (by sourceKey) whose name,
 * domain, id or data (in either language: `label`) contain it, and the addresses that do. Only the
 * breaches the history names are looked at: a few hundred records, however many exposures.
 */
export interface TermMatch {
  term: string;
  sources: Set<string>;
  emails: Set<string>;
}

export function matchTerms(terms: readonly string[], breaches: readonly Breach[], emails: readonly string[], label: (c: string) => string): TermMatch[] {
  const texts = breaches.map((b) => ({
    key: sourceKey({ provider: b.provider, breachId: b.id }),
    text: [b.title, b.domain, b.id, ...b.dataClasses.map(canonicalClass), ...b.dataClasses.map((c) => label(canonicalClass(c)))].join('\u0000').toLowerCase(),
  }));
  return terms.map((term) => ({
    term,
    sources: new Set(texts.filter((t) => t.text.includes(term)).map((t) => t.key)),
    emails: new Set(emails.filter((e) => e.includes(term))),
  }));
}

/** Whether a row passes every filter. `matches` are the search words' (matchTerms). */
export function rowPasses(row: HistoryRow, f: HistoryFilter, matches: readonly TermMatch[]): boolean {
  if (!exposuresPass(f)) return false;
  if (f.email !== undefined && row.email !== f.email.trim().toLowerCase()) return false;
  if (f.state !== undefined && row.state !== f.state) return false;
  if (f.year !== undefined && row.year !== f.year) return false;
  if (f.provider !== undefined && !row.providers.includes(f.provider)) return false;
  if (f.dataClass !== undefined && f.dataClass.trim() !== '') {
    const wanted = classKey(f.dataClass);
    if (!row.classes.some((c) => c.toLowerCase() === wanted)) return false;
  }
  return matches.every((m) => m.emails.has(row.email) || (row.note?.includes(m.term) ?? false) || row.sources.some((s) => m.sources.has(s)));
}

/** The filter's index tokens (address, state, year: see historyRow), each with how many exposures it covers. */
export function filterTokens(cells: readonly HistoryCell[], f: HistoryFilter): Array<{ token: string; count: number }> {
  const out: Array<{ token: string; count: number }> = [];
  if (f.email !== undefined) out.push({ token: token.email(f.email.trim().toLowerCase()), count: countExposures(cells, { email: f.email }) });
  if (f.state !== undefined) out.push({ token: token.state(f.state), count: countExposures(cells, { state: f.state }) });
  if (f.year !== undefined) out.push({ token: token.year(f.year), count: countExposures(cells, { year: f.year }) });
  return out;
}

/** How many exposures a search word can match at most: its breaches' and addresses' counts, and every noted row. */
export function termEstimate(m: TermMatch, sources: readonly HistorySourceCount[], cells: readonly HistoryCell[], noted: number): number {
  let n = noted;
  for (const s of sources) if (m.sources.has(s.key.slice(2))) n += s.count;
  for (const email of m.emails) n += countExposures(cells, { email });
  return n;
}

/** Small entries that pass the filter (a provider filter keeps only breaches that provider reports). */
export function filterSmall(entries: readonly TimelineEntry[], f: HistoryFilter): TimelineEntry[] {
  const passed = filterTimeline(entries, f);
  return f.provider === undefined ? passed : passed.filter((e) => e.kind === 'breach' && [e.provider, ...e.also.map((s) => s.provider)].includes(f.provider!));
}


/** What a search looks through besides the rows: the breach records the history names and the (lower-case) notes. */
export interface SearchData {
  breaches: Breach[];
  notes: string[];
}

/**
 * A search as the stream runs it: each word's matches, except that a word naming one address and
 * nothing else (no breach, no note) becomes that address's filter — counted from the cells and
 * read through its index, like choosing the address. A second, different address matches nothing.
 */
export function planSearch(filter: HistoryFilter, terms: readonly string[], search: SearchData, emails: readonly string[], label: (c: string) => string): { filter: HistoryFilter; matches: TermMatch[] } {
  const all = matchTerms(terms, search.breaches, emails, label);
  const single = all.filter((m) => m.sources.size === 0 && m.emails.size === 1 && !search.notes.some((n) => n.includes(m.term)));
  let f: HistoryFilter = { ...filter };
  for (const m of single) {
    const email = [...m.emails][0]!;
    const current = f.email?.trim().toLowerCase();
    f = current === undefined || current === email ? { ...f, email } : { ...f, email: '\u0000' }; // no address is named NUL
  }
  return { filter: f, matches: all.filter((m) => !single.includes(m)) };
}
