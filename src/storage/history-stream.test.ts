import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it } from 'vitest';
import { NO_FLAGS, type Breach, type ProviderId } from '../core/breach';
import type { Exposure, ExposureState } from '../core/exposure';
import { countExposures, exposureYears, facetsOf, filterSmall, planSearch, searchTerms, toYearCounts, type HistoryFilter } from '../core/history-plan';
import { buildTimeline, countByYear, facets, filterTimeline, TIMELINE_SORTS, type TimelineEntry, type TimelineSort } from '../core/history-query';
import type { ManualNotice } from '../core/notice';
import { HISTORY_STORES, HistoryWriter, readStats, ensureHistoryIndex, REINDEX_KEY } from './history-index';
import { expectHistoryIndexRight } from './history-recount.testkit';
import { compareSmall, HistoryStream, PAGE } from './history-stream';
import { openExposureDb } from './open-db';
import { DB_VERSION, type Db } from './schema';
import { mulberry32 } from '../core/mulberry32.testkit';

/**
 * The paged history must show exactly what filtering and sorting the whole timeline in memory
 * (history-query.ts, the page's former model) shows: the same entries, in an order that agrees
 * on every sort field, and the same counts — for every filter, a search, and every order.
 */

const EMAILS = ['ann@example.com', 'bob@example.org', 'cy@example.net'];
const CLASSES = ['Email addresses', 'Passwords', 'Names', 'Phone numbers', 'Dates of birth'];
const STATES: ExposureState[] = ['new', 'acknowledged', 'resolved'];

const breach = (provider: ProviderId, n: number): Breach => ({
  id: `Leak${n}`, provider, title: `Leak ${n} ${n % 3 === 0 ? 'Forum' : 'Shop'}`, domain: `leak${n}.example`,
  // Some dates unknown, some only a year; many exposures share a date, so ties are common.
  breachDate: n % 7 === 0 ? null : n % 5 === 0 ? `${2010 + (n % 9)}` : `${2010 + (n % 9)}-0${1 + (n % 9)}-1${n % 10}`,
  addedDate: null, pwnCount: n, description: '', dataClasses: CLASSES.filter((_, i) => (n >> i) % 2 === 1), logoUrl: null, flags: NO_FLAGS,
});

let db: Db;
let exposures: Exposure[];
let breaches: Breach[];
let small: TimelineEntry[];

beforeAll(async () => {
  db = await openExposureDb(DB_VERSION, 'history-stream-test');
  const r = mulberry32(7);
  breaches = Array.from({ length: 30 }, (_, n) => breach(n % 4 === 0 ? 'xposedornot' : 'hibp', n));
  exposures = [];
  for (let i = 0; i < 420; i++) {
    const b = breaches[i % 30]!;
    const email = EMAILS[Math.floor(i / 30) % 3]!;
    if (exposures.some((e) => e.email === email && e.breachId === b.id && e.provider === b.provider)) continue;
    // One check finds several at once: the same firstSeen for runs of entries.
    const seen = 1_000_000 + Math.floor(i / 4) * 1000;
    exposures.push({
      email, provider: b.provider, breachId: b.id,
      also: b.provider === 'hibp' && i % 9 === 0 ? [{ provider: 'xposedornot', breachId: `X${b.id}` }] : [],
      firstSeen: seen, lastSeen: seen, state: STATES[Math.floor(r() * 3)]!, stateChangedAt: seen,
      note: i % 17 === 0 ? `Changed the password ${i}` : '',
    });
  }
  const tx = db.transaction([...HISTORY_STORES], 'readwrite');
  for (const b of breaches) await tx.objectStore('breaches').put(b);
  const writer = new HistoryWriter(tx);
  for (const e of exposures) await writer.put(e);
  await writer.flush();
  await tx.done;
  const notices: ManualNotice[] = Array.from({ length: 12 }, (_, i) => ({
    id: `n${i}`, email: EMAILS[i % 3]!, organisation: `Club ${i}`, site: `club${i}.example`, date: i % 4 === 0 ? '' : `201${i % 9}-05-0${1 + (i % 8)}`,
    dataClasses: CLASSES.slice(0, 1 + (i % 4)), note: i % 5 === 0 ? 'password changed' : '', createdAt: 1_000_000 + i * 13_000, state: STATES[i % 3]!, stateChangedAt: 1, letterSentAt: null,
  }) as unknown as ManualNotice);
  small = buildTimeline([], [], notices);
});

/** Every page of a stream, in order, until an empty one. */
async function readAll(stream: HistoryStream): Promise<TimelineEntry[]> {
  const out: TimelineEntry[] = [];
  for (let p = 0; ; p++) {
    const page = await stream.page(p);
    out.push(...page);
    if (page.length < PAGE) return out;
  }
}

async function open(filter: HistoryFilter, sort: TimelineSort) {
  const stats = await readStats(db);
  const emails = [...new Set(stats.cells.map((c) => c.email))];
  const terms = searchTerms(filter.text);
  const notes = exposures.filter((e) => e.note !== '').map((e) => e.note.toLowerCase());
  const plan = terms.length > 0 ? planSearch(filter, terms, { breaches, notes }, emails, (c) => c) : { filter, matches: [] };
  const smallPassing = filterSmall(small, filter).sort(compareSmall(sort));
  const input = { filter: plan.filter, sort, cells: stats.cells, sources: stats.sources, matches: plan.matches, small: smallPassing, label: (c: string) => c };
  return { stream: await HistoryStream.open(db, input), input, stats };
}

/** The sort fields in order, descending: what any right order agrees on. */
const sortFields = (sort: TimelineSort, e: TimelineEntry) =>
  sort === 'found' ? [e.firstSeen] : sort === 'breach-date' ? [e.date ?? '', e.firstSeen] : [e.dataClasses.length, e.date ?? '', e.firstSeen];

const FILTERS: Array<[string, HistoryFilter]> = [
  ['nothing', {}],
  ['an address', { email: 'bob@example.org' }],
  ['a state', { state: 'new' }],
  ['a year', { year: 2012 }],
  ['a data class (any spelling)', { dataClass: 'passwords' }],
  ['a provider', { provider: 'xposedornot' }],
  ['an address and a state', { email: 'ann@example.com', state: 'resolved' }],
  ['a year and a class', { year: 2014, dataClass: 'Names' }],
  ['a search for a breach word', { text: 'forum' }],
  ['a search for a note', { text: 'password' }],
  ['a search for an address', { text: 'cy@example.net' }],
  ['a search that is an address, with another address chosen', { text: 'cy@example.net', email: 'ann@example.com' }],
  ['two search words and a state', { text: 'shop leak1', state: 'acknowledged' }],
  ['a search and a year', { text: 'leak', year: 2011 }],
  ['a search matching nothing', { text: 'zzz' }],
];

describe('the paged history', () => {
  it('has rows and aggregates that match a recount', async () => {
    await expectHistoryIndexRight(db);
  });

  for (const [name, filter] of FILTERS) {
    for (const sort of TIMELINE_SORTS) {
      it(`shows what the whole timeline would, filtered by ${name}, sorted by ${sort}`, async () => {
        const all = buildTimeline(exposures, breaches, []).concat(small);
        const expected = filterSmall(filterTimeline(all, filter), filter);
        const { stream, input } = await open(filter, sort);
        const got = await readAll(stream);
        expect(got.map((e) => e.key).sort()).toEqual(expected.map((e) => e.key).sort());
        for (let i = 1; i < got.length; i++) {
          expect(indexedDB.cmp(sortFields(sort, got[i - 1]!), sortFields(sort, got[i]!)), `${got[i - 1]!.key} before ${got[i]!.key}`).toBeGreaterThanOrEqual(0);
        }
        // The count: from the cells, or counted for a search; the chart's years without the year filter.
        const noYear = { ...filter, year: undefined };
        const yearless = filterSmall(filterTimeline(all, noYear), noYear);
        if (input.matches.length > 0) {
          const counter = await HistoryStream.open(db, { ...input, filter: { ...input.filter, year: undefined }, small: [] });
          const years = await counter.countAll();
          const exposuresOnly = yearless.filter((e) => e.kind === 'breach');
          expect(toYearCounts(years!)).toEqual(countByYear(exposuresOnly));
          await stream.countAll();
          expect(stream.total).toBe(expected.length);
        } else {
          expect(stream.total).toBe(expected.length);
          expect(toYearCounts(exposureYears(input.cells, input.filter))).toEqual(countByYear(yearless.filter((e) => e.kind === 'breach')));
        }
        // A page asked for first (the ones before it skipped over) or again is the same page.
        if (got.length > PAGE) {
          const fresh = await HistoryStream.open(db, input);
          expect((await fresh.page(1)).map((e) => e.key)).toEqual(got.slice(PAGE, 2 * PAGE).map((e) => e.key));
          expect((await stream.page(1)).map((e) => e.key)).toEqual(got.slice(PAGE, 2 * PAGE).map((e) => e.key));
        }
      });
    }
  }

  it('counts each discrete filter from the cells alone', async () => {
    const { cells } = await readStats(db);
    const all = buildTimeline(exposures, breaches, []);
    for (const [, filter] of FILTERS.filter(([, f]) => f.text === undefined)) {
      expect(countExposures(cells, filter)).toBe(filterSmall(filterTimeline(all, filter), filter).length);
    }
  });

  it('offers the same filter choices and counts as the whole timeline would', async () => {
    const { cells } = await readStats(db);
    expect(facetsOf(cells, small)).toEqual(facets(buildTimeline(exposures, breaches, []).concat(small)));
  });

  it('finds where an entry is, for a link to it', async () => {
    for (const sort of TIMELINE_SORTS) {
      const { stream } = await open({}, sort);
      const got = await readAll(stream);
      for (const i of [0, 1, 7, 33, 60, 77, got.length - 1]) {
        const e = got[i]!;
        const index = await stream.indexOf(e.key, e.kind === 'breach' ? [e.email, e.provider, e.breachId] : null, e.kind === 'breach' ? null : e);
        expect(index, `${sort} ${e.key}`).toBe(i);
      }
    }
  });

  it('rebuilds rows and aggregates when asked to (records written behind its back)', async () => {
    const other = await openExposureDb(DB_VERSION, 'history-stream-reindex');
    await other.put('breaches', breaches[1]!);
    await other.put('exposures', exposures[1]!);
    await other.put('historyStats', { key: REINDEX_KEY });
    expect(await other.count('historyRows')).toBe(0);
    await ensureHistoryIndex(other);
    expect(await other.get('historyStats', REINDEX_KEY)).toBeUndefined();
    await expectHistoryIndexRight(other);
    expect(await other.count('historyRows')).toBe(1);
    other.close();
  });

  it('orders the entries kept whole like the index: newest found, newest breach (unknown dates last), most data', () => {
    const entries = buildTimeline(
      [
        { ...exposures[0]!, breachId: 'Old', firstSeen: 3 },
        { ...exposures[0]!, breachId: 'Big', firstSeen: 2 },
        { ...exposures[0]!, breachId: 'Undated', firstSeen: 4 },
      ],
      [
        { ...breach('hibp', 1), provider: exposures[0]!.provider, id: 'Old', title: 'Old', breachDate: '2012-06-05', dataClasses: ['Passwords'] },
        { ...breach('hibp', 1), provider: exposures[0]!.provider, id: 'Big', title: 'Big', breachDate: '2020', dataClasses: ['Passwords', 'Names', 'Email addresses'] },
        { ...breach('hibp', 1), provider: exposures[0]!.provider, id: 'Undated', title: 'Undated', breachDate: null, dataClasses: [] },
      ],
      [{ ...(small[1]! as { notice: ManualNotice }).notice, organisation: 'Letter', date: '2023-05', dataClasses: ['name', 'email'], createdAt: 1 }],
    );
    const titles = (sort: TimelineSort) => [...entries].sort(compareSmall(sort)).map((e) => e.title);
    expect(titles('found')).toEqual(['Undated', 'Old', 'Big', 'Letter']);
    expect(titles('breach-date')).toEqual(['Letter', 'Big', 'Old', 'Undated']);
    expect(titles('data')).toEqual(['Big', 'Letter', 'Old', 'Undated']);
  });
});
