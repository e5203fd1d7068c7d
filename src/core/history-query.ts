/**
 * The history page's model: every exposure and manual notice as one timeline, with the filters,
 * year counts and facets the page shows. Pure and synchronous; built once per data change and
 * filtered on every keystroke, so filtering must stay cheap for a hundred thousand entries: each
 * entry carries its search text, lower-cased once when the timeline is built.
 */
import type { Breach, ProviderId } from './breach';
import type { Exposure, ExposureState } from './exposure';
import { incidentBreach, sourcesOf, type ExposureSource } from './incident';
import type { ManualNotice } from './notice';
import { canonicalClass } from './data-class-words';
import { breachEntryKey, noticeEntryKey } from './entry-key';
import type { RequestStatus, RightsRequest } from './rights/request';

interface EntryBase {
  /** Unique across the timeline; stable across rebuilds (usable as a list key). */
  key: string;
  email: string;
  title: string;
  domain: string;
  /** When it happened: YYYY-MM-DD, YYYY-MM or YYYY; null when unknown. */
  date: string | null;
  year: number | null;
  /** When the extension first learnt of it (epoch ms). */
  firstSeen: number;
  state: ExposureState;
  stateChangedAt: number;
  note: string;
  /**
   * Canonical names (data-classes.ts): "email" typed in a notice and a provider's "Email addresses"
   * are one class, filtered and counted together; unknown classes as the provider wrote them.
   */
  dataClasses: readonly string[];
  /** The ticked "What to do" steps (ids); empty when none. */
  steps: readonly string[];
  /** Lower-case title, domain, breach id, note, data classes and email, for `filterTimeline`. */
  searchText: string;
  /** Lower-case data classes between NUL separators ("\0passwords\0names\0"), for exact matches. */
  classText: string;
}

export interface BreachEntry extends EntryBase {
  kind: 'breach';
  /** The exposure's key: the provider and breach of its first sighting. */
  provider: ProviderId;
  breachId: string;
  /** The same incident as other providers name it. */
  also: ExposureSource[];
  lastSeen: number;
  /**
   * The incident as one record (incidentBreach: the fullest date, every kind of data); null when
   * no details are stored, and the title then falls back to the id.
   */
  breach: Breach | null;
}

export interface NoticeEntry extends EntryBase {
  kind: 'notice';
  notice: ManualNotice;
}

/** A data-protection request about a breach or notice (rights/request-entries.ts builds them). */
export interface RequestEntry extends EntryBase {
  kind: 'request';
  request: RightsRequest;
  status: RequestStatus;
  /** The day the answer is due (deadline.ts). */
  due: string;
}

/** The entries a request can be about. */
export type SubjectEntry = BreachEntry | NoticeEntry;
export type TimelineEntry = SubjectEntry | RequestEntry;

export interface TimelineFilter {
  /** Exact (normalised) address; compared lower-cased. */
  email?: string;
  state?: ExposureState;
  /** One data class, case-insensitive, whole canonical name (any spelling of it works). */
  dataClass?: string;
  year?: number;
  /** One kind of entry only: breaches, notices or requests. */
  kind?: TimelineEntry['kind'];
  /** Words that must all appear (case-insensitive) in title, domain, breach id, note, data classes or email. */
  text?: string;
}

export type YearCount = { year: number; count: number };

/** Ascending by year; entries whose date is unknown are counted in `unknownYearCount` instead. */
export type YearCounts = YearCount[] & { unknownYearCount: number };

export interface Facets {
  /** Distinct addresses, sorted. */
  emails: string[];
  /** Distinct data classes (canonical names, matched case-insensitively), most frequent first, then by name. */
  dataClasses: Array<{ name: string; count: number }>;
  /** Distinct known years, newest first. */
  years: number[];
  unknownYearCount: number;
  states: Record<ExposureState, number>;
}


/** The key `buildTimeline` looks breaches up by in a Map. */
export function breachMapKey(provider: ProviderId, id: string): string {
  return `${provider}\u0000${id}`;
}

const SEP = '\u0000';
const NONE: readonly string[] = [];

function yearOf(date: string | null): number | null {
  if (date === null) return null;
  const m = /^(\d{4})(?:-|$)/.exec(date);
  return m?.[1] === undefined ? null : Number(m[1]);
}

function classTextOf(classes: readonly string[]): string {
  return classes.length === 0 ? '' : `${SEP}${classes.join(SEP).toLowerCase()}${SEP}`;
}

function lookupFor(breaches: ReadonlyMap<string, Breach> | readonly Breach[]): (provider: ProviderId, id: string) => Breach | null {
  if (Array.isArray(breaches)) {
    const map = new Map<string, Breach>();
    for (const b of breaches as readonly Breach[]) map.set(breachMapKey(b.provider, b.id), b);
    return (provider, id) => map.get(breachMapKey(provider, id)) ?? null;
  }
  const map = breaches as ReadonlyMap<string, Breach>;
  // A map keyed by plain id (one provider's catalog) is accepted too, if the provider agrees.
  return (provider, id) => {
    const exact = map.get(breachMapKey(provider, id));
    if (exact) return exact;
    const byId = map.get(id);
    return byId && byId.provider === provider ? byId : null;
  };
}

/** The timeline's order (see buildTimeline), for merging other kinds of entries into it. */
export function compareEntries(a: TimelineEntry, b: TimelineEntry): number {
  if (a.firstSeen !== b.firstSeen) return b.firstSeen - a.firstSeen;
  if (a.date !== b.date) {
    if (a.date === null) return 1; // unknown dates after known ones
    if (b.date === null) return -1;
    return a.date < b.date ? 1 : -1;
  }
  if (a.title !== b.title) return a.title < b.title ? -1 : 1;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

/**
 * All exposures and notices, newest first: by first seen, then by date, then by title (code-unit
 * order, so the same data always gives the same order). `label` gives a class's words in the
 * page's language, so a search finds "indirizzi" as well as "email addresses".
 */
export function buildTimeline(
  exposures: readonly Exposure[],
  breaches: ReadonlyMap<string, Breach> | readonly Breach[],
  notices: readonly ManualNotice[],
  label: (dataClass: string) => string = (c) => c,
): TimelineEntry[] {
  const lookup = lookupFor(breaches);
  const entries: TimelineEntry[] = [];
  // Many exposures share a breach, and many breaches a class: canonicalise each list and name once.
  const names = new Map<string, string>();
  const canonical = (c: string) => {
    let name = names.get(c);
    if (name === undefined) names.set(c, (name = canonicalClass(c)));
    return name;
  };
  const lists = new Map<readonly string[], { classes: string[]; words: string }>();
  const classesOf = (raw: readonly string[]) => {
    let list = lists.get(raw);
    if (!list) {
      const classes = [...new Set(raw.map(canonical).filter((c) => c !== ''))];
      list = { classes, words: [...classes, ...classes.map(label)].join(SEP) };
      lists.set(raw, list);
    }
    return list;
  };
  for (const e of exposures) {
    const breach = incidentBreach(sourcesOf(e).map((s) => lookup(s.provider, s.breachId)));
    const title = breach?.title ?? e.breachId;
    const domain = breach?.domain ?? '';
    const date = breach?.breachDate ?? null;
    const { classes: dataClasses, words } = classesOf(breach?.dataClasses ?? NONE);
    entries.push({
      kind: 'breach',
      key: breachEntryKey(e),
      email: e.email,
      provider: e.provider,
      breachId: e.breachId,
      also: e.also ?? [],
      title,
      domain,
      date,
      year: yearOf(date),
      firstSeen: e.firstSeen,
      lastSeen: e.lastSeen,
      state: e.state,
      stateChangedAt: e.stateChangedAt,
      note: e.note,
      dataClasses,
      steps: e.steps ?? NONE,
      breach,
      searchText: [title, domain, e.breachId, e.note, words, e.email].join(SEP).toLowerCase(),
      classText: classTextOf(dataClasses),
    });
  }
  for (const n of notices) {
    const date = n.date === '' ? null : n.date;
    const { classes: dataClasses, words } = classesOf(n.dataClasses);
    entries.push({
      kind: 'notice',
      key: noticeEntryKey(n.id),
      email: n.email,
      title: n.organisation,
      domain: n.site,
      date,
      year: yearOf(date),
      firstSeen: n.createdAt,
      state: n.state,
      stateChangedAt: n.stateChangedAt,
      note: n.note,
      dataClasses,
      steps: n.steps ?? NONE,
      notice: n,
      searchText: [n.organisation, n.site, n.note, words, n.email].join(SEP).toLowerCase(),
      classText: classTextOf(dataClasses),
    });
  }
  return entries.sort(compareEntries);
}

/** The orders the history offers: newest found (the timeline's own), newest breach, most data exposed. */
export type TimelineSort = 'found' | 'breach-date' | 'data';
export const TIMELINE_SORTS: readonly TimelineSort[] = ['found', 'breach-date', 'data'];

/**
 * The entries that pass every given filter, in timeline order. Criteria are prepared once; the
 * loop allocates nothing but the result.
 */
export function filterTimeline(entries: readonly TimelineEntry[], filter: TimelineFilter): TimelineEntry[] {
  const email = filter.email?.trim().toLowerCase() || null;
  const state = filter.state ?? null;
  const year = filter.year ?? null;
  const kind = filter.kind ?? null;
  const cls = filter.dataClass?.trim() ? canonicalClass(filter.dataClass).toLowerCase() : null;
  const classNeedle = cls === null ? null : `${SEP}${cls}${SEP}`;
  // NUL separates fields in searchText, so a term must not contain one.
  const terms = (filter.text ?? '').replaceAll(SEP, ' ').toLowerCase().split(/\s+/).filter((t) => t !== '');
  const out: TimelineEntry[] = [];
  outer: for (const entry of entries) {
    if (email !== null && entry.email !== email) continue;
    if (state !== null && entry.state !== state) continue;
    if (year !== null && entry.year !== year) continue;
    if (kind !== null && entry.kind !== kind) continue;
    if (classNeedle !== null && !entry.classText.includes(classNeedle)) continue;
    for (const term of terms) if (!entry.searchText.includes(term)) continue outer;
    out.push(entry);
  }
  return out;
}

export function countByYear(entries: readonly TimelineEntry[]): YearCounts {
  const counts = new Map<number, number>();
  let unknown = 0;
  for (const entry of entries) {
    if (entry.year === null) unknown += 1;
    else counts.set(entry.year, (counts.get(entry.year) ?? 0) + 1);
  }
  const list = [...counts].sort((a, b) => a[0] - b[0]).map(([year, count]) => ({ year, count }));
  return Object.assign(list, { unknownYearCount: unknown });
}

/** What the filter controls offer, from the whole timeline (or from a filtered one). */
export function facets(entries: readonly TimelineEntry[]): Facets {
  const emails = new Set<string>();
  const classes = new Map<string, { name: string; count: number }>();
  const years = new Set<number>();
  const states: Record<ExposureState, number> = { new: 0, acknowledged: 0, resolved: 0 };
  const perEntry = new Set<string>();
  let unknownYearCount = 0;
  for (const entry of entries) {
    emails.add(entry.email);
    if (entry.year === null) unknownYearCount += 1;
    else years.add(entry.year);
    states[entry.state] += 1;
    // A class named twice in one breach counts once for that entry.
    perEntry.clear();
    for (const name of entry.dataClasses) {
      const key = name.toLowerCase();
      if (perEntry.has(key)) continue;
      perEntry.add(key);
      const c = classes.get(key);
      if (c) c.count += 1;
      else classes.set(key, { name, count: 1 });
    }
  }
  return facetsFrom(emails, classes, years, unknownYearCount, states);
}

/** Facets in the order the controls list them: addresses and years sorted, data classes most frequent first. */
export function facetsFrom(
  emails: ReadonlySet<string>,
  classes: ReadonlyMap<string, { name: string; count: number }>,
  years: ReadonlySet<number>,
  unknownYearCount: number,
  states: Record<ExposureState, number>,
): Facets {
  return {
    emails: [...emails].sort(),
    dataClasses: [...classes.values()].sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
    years: [...years].sort((a, b) => b - a),
    unknownYearCount,
    states,
  };
}
