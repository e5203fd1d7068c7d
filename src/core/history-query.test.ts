import { describe, expect, it } from 'vitest';
import rawCatalog from '../../e2e/fixtures/data/hibp-breaches.json';
// eslint-disable-next-line no-restricted-imports -- test only: the shipped catalog goes through the real parser
import { parseHibpCatalog } from '../providers/hibp';
import { NO_FLAGS, type Breach } from './breach';
import type { Exposure, ExposureState } from './exposure';
import {
  breachMapKey,
  buildTimeline,
  countByYear,
  facets,
  filterTimeline,
  type TimelineEntry,
  type TimelineFilter,
} from './history-query';
import type { ManualNotice } from './notice';
import { mulberry32 } from './mulberry32.testkit';

const catalog = parseHibpCatalog(rawCatalog);
const DAY = 86_400_000;
const BASE = Date.UTC(2019, 0, 1);
const STATES: ExposureState[] = ['new', 'acknowledged', 'resolved'];

function breach(id: string, over: Partial<Breach> = {}): Breach {
  return {
    id,
    provider: 'hibp',
    title: id,
    domain: '',
    breachDate: null,
    addedDate: null,
    pwnCount: null,
    description: '',
    dataClasses: [],
    logoUrl: null,
    flags: { ...NO_FLAGS },
    ...over,
  };
}

function exposure(breachId: string, over: Partial<Exposure> = {}): Exposure {
  return { email: 'alice@example.com', provider: 'hibp', breachId, also: [], firstSeen: BASE, lastSeen: BASE, state: 'new', stateChangedAt: BASE, note: '', ...over };
}

function notice(id: string, over: Partial<ManualNotice> = {}): ManualNotice {
  return {
    id,
    email: 'alice@example.com',
    organisation: id,
    site: '',
    date: '2023-05-17',
    dataClasses: [],
    note: '',
    createdAt: BASE,
    state: 'new',
    stateChangedAt: BASE,
    ...over,
  };
}

/**
 * 100,000 entries: 120 addresses, each in about 800 of 1,750 breaches (the HIBP catalog and an
 * XposedOrNot copy of it, some without stored details), plus 4,000 manual notices.
 */
function bigDataset(): { exposures: Exposure[]; breaches: Breach[]; notices: ManualNotice[] } {
  const rand = mulberry32(2024);
  const int = (n: number): number => Math.floor(rand() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)] as T;
  const xon = catalog.map((b, i) => ({ ...b, provider: 'xposedornot' as const, breachDate: i % 9 === 0 ? null : b.breachDate }));
  // Exposures may name breaches whose details are not stored: the last 50 ids have no record.
  const all = [...catalog, ...xon];
  const stored = all.slice(0, all.length - 50);
  const emails = Array.from({ length: 120 }, (_, i) => `user${String(i).padStart(3, '0')}@${pick(['example.com', 'mail.example.org', 'xn--bcher-kva.example'])}`);
  const notes = ['', '', '', 'changed password', 'Bank card replaced', 'called the helpdesk', 'Ignore: test account', 'Ünïcödé note'];
  const exposures: Exposure[] = [];
  const target = 96_000;
  for (let e = 0; exposures.length < target; e++) {
    const email = emails[e % emails.length] as string;
    const start = int(all.length);
    for (let k = 0; k < 800 && exposures.length < target; k++) {
      const b = all[(start + k * 2 + (e >= emails.length ? 1 : 0)) % all.length] as Breach;
      const firstSeen = BASE + int(2000) * DAY + int(DAY);
      exposures.push({
        email,
        provider: b.provider,
        breachId: b.id,
        also: [],
        firstSeen,
        lastSeen: firstSeen + int(400) * DAY,
        state: pick(STATES),
        stateChangedAt: firstSeen + int(30) * DAY,
        note: pick(notes),
      });
    }
  }
  const notices: ManualNotice[] = Array.from({ length: 4_000 }, (_, i) => ({
    id: `notice-${i}`,
    email: pick(emails),
    organisation: pick(['City Council', 'Smile Dental', 'Gym & Spa', 'Ärztekammer Nord', 'Parking Services']),
    site: pick(['', 'council.example', 'smile-dental.example']),
    date: pick(['2023-05-17', '2022-11', '2021', '2019-02-01']),
    dataClasses: pick([[], ['Names', 'Physical addresses'], ['Email addresses', 'Dates of birth'], ['Health insurance information']]),
    note: pick(notes),
    createdAt: BASE + int(2000) * DAY,
    state: pick(STATES),
    stateChangedAt: BASE + 2000 * DAY,
  }));
  return { exposures, breaches: stored, notices };
}

/** Each entry's searchable fields, lower-cased, one by one (not joined as the module does). */
const fieldCache = new WeakMap<TimelineEntry, string[]>();
function fieldsOf(e: TimelineEntry): string[] {
  let fields = fieldCache.get(e);
  if (!fields) {
    fields = [e.title, e.domain, e.kind === 'breach' ? e.breachId : '', e.note, ...e.dataClasses, e.email].map((s) => s.toLowerCase());
    fieldCache.set(e, fields);
  }
  return fields;
}

/** The obvious implementation, field by field, as the reference. */
function naiveFilter(entries: readonly TimelineEntry[], f: TimelineFilter): TimelineEntry[] {
  const terms = (f.text ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  return entries.filter((e) => {
    if (f.email !== undefined && f.email.trim() !== '' && e.email !== f.email.trim().toLowerCase()) return false;
    if (f.state !== undefined && e.state !== f.state) return false;
    if (f.year !== undefined && e.year !== f.year) return false;
    if (f.dataClass !== undefined && f.dataClass.trim() !== '' && !e.dataClasses.some((c) => c.toLowerCase() === f.dataClass?.trim().toLowerCase())) return false;
    return terms.length === 0 || terms.every((t) => fieldsOf(e).some((s) => s.includes(t)));
  });
}

function compareReference(a: TimelineEntry, b: TimelineEntry): number {
  if (a.firstSeen !== b.firstSeen) return b.firstSeen - a.firstSeen;
  const da = a.date ?? '';
  const db = b.date ?? '';
  if (da !== db) return da < db ? 1 : -1;
  return a.title < b.title ? -1 : a.title > b.title ? 1 : 0;
}

describe('buildTimeline', () => {
  it('joins exposures with their breaches', () => {
    const adobe = catalog.find((b) => b.id === 'Adobe') as Breach;
    const [entry] = buildTimeline([exposure('Adobe', { note: 'changed it', state: 'acknowledged' })], catalog, []);
    expect(entry).toMatchObject({
      kind: 'breach',
      email: 'alice@example.com',
      provider: 'hibp',
      breachId: 'Adobe',
      title: adobe.title,
      domain: 'adobe.com',
      date: '2013-10-04',
      year: 2013,
      firstSeen: BASE,
      lastSeen: BASE,
      state: 'acknowledged',
      note: 'changed it',
      dataClasses: adobe.dataClasses,
      breach: adobe,
    });
  });

  it('shows a breach without stored details by its id', () => {
    const [entry] = buildTimeline([exposure('GoneBreach')], [], []);
    expect(entry).toMatchObject({ kind: 'breach', title: 'GoneBreach', domain: '', date: null, year: null, dataClasses: [], breach: null });
  });

  it('does not take a breach of another provider with the same id', () => {
    const [entry] = buildTimeline([exposure('Adobe', { provider: 'xposedornot' })], catalog, []);
    expect(entry?.kind === 'breach' && entry.breach).toBeNull();
  });

  it('turns notices into entries', () => {
    const n = notice('n1', { organisation: 'City Council', site: 'council.example', date: '2022-11', dataClasses: ['Names'], createdAt: BASE + DAY, note: 'letter' });
    const [entry] = buildTimeline([], [], [n]);
    expect(entry).toMatchObject({ kind: 'notice', title: 'City Council', domain: 'council.example', date: '2022-11', year: 2022, firstSeen: BASE + DAY, note: 'letter', dataClasses: ['Names'], notice: n });
    expect(buildTimeline([], [], [notice('n2', { date: '2021' })])[0]?.year).toBe(2021);
    expect(buildTimeline([], [], [notice('n3', { date: '' })])[0]).toMatchObject({ date: null, year: null });
  });

  it('accepts breaches as an array, a map by provider and id, or a map by id', () => {
    const exposures = [exposure('Adobe'), exposure('LinkedIn'), exposure('Nope')];
    const fromArray = buildTimeline(exposures, catalog, []);
    const fromKeyed = buildTimeline(exposures, new Map(catalog.map((b) => [breachMapKey(b.provider, b.id), b])), []);
    const fromIds = buildTimeline(exposures, new Map(catalog.map((b) => [b.id, b])), []);
    expect(fromKeyed).toEqual(fromArray);
    expect(fromIds).toEqual(fromArray);
    expect(fromArray.filter((e) => e.kind === 'breach' && e.breach !== null)).toHaveLength(2);
  });

  it('orders newest first: first seen, then date, then title', () => {
    const breaches = [
      breach('A', { title: 'Alpha', breachDate: '2015-01-01' }),
      breach('B', { title: 'Beta', breachDate: '2016-01-01' }),
      breach('C', { title: 'Gamma', breachDate: null }),
      breach('D', { title: 'Delta', breachDate: '2016-01-01' }),
      breach('E', { title: 'Epsilon', breachDate: '2016' }),
    ];
    const timeline = buildTimeline(
      [exposure('A'), exposure('B'), exposure('C'), exposure('D'), exposure('E'), exposure('A', { email: 'bob@example.com', firstSeen: BASE + 1 })],
      breaches,
      [notice('n', { organisation: 'Notice', date: '2015-06', createdAt: BASE })],
    );
    expect(timeline.map((e) => `${e.title}/${e.email.slice(0, 3)}`)).toEqual([
      'Alpha/bob', // seen later
      'Beta/ali',
      'Delta/ali', // same date as Beta: by title
      'Epsilon/ali', // "2016" is less precise than 2016-01-01 and sorts after it
      'Notice/ali',
      'Alpha/ali',
      'Gamma/ali', // unknown date last
    ]);
  });

  it('gives every entry a distinct, stable key', () => {
    const timeline = buildTimeline([exposure('A'), exposure('A', { email: 'bob@example.com' }), exposure('A', { provider: 'xposedornot' })], [], [notice('A')]);
    expect(new Set(timeline.map((e) => e.key)).size).toBe(4);
    expect(buildTimeline([exposure('A')], [], [])[0]?.key).toBe(timeline.find((e) => e.kind === 'breach' && e.email === 'alice@example.com' && e.provider === 'hibp')?.key);
  });
});

describe('filterTimeline', () => {
  const timeline = buildTimeline(
    [
      exposure('Adobe', { note: 'Changed the password' }),
      exposure('LinkedIn', { email: 'bob@example.com', state: 'resolved' }),
      exposure('Canva', { state: 'acknowledged' }),
    ],
    catalog,
    [notice('n1', { organisation: 'City Council', site: 'council.example', dataClasses: ['Physical addresses'], date: '2022-11' })],
  );

  it('returns everything for an empty filter, as a new array', () => {
    const all = filterTimeline(timeline, {});
    expect(all).toEqual(timeline);
    expect(all).not.toBe(timeline);
    expect(filterTimeline(timeline, { text: '   ', email: '', dataClass: ' ' })).toEqual(timeline);
  });

  it('filters by email, state, data class and year', () => {
    expect(filterTimeline(timeline, { email: 'Bob@example.com ' }).map((e) => e.title)).toEqual(['LinkedIn']);
    expect(filterTimeline(timeline, { state: 'acknowledged' }).map((e) => e.title)).toEqual(['Canva']);
    expect(filterTimeline(timeline, { dataClass: 'physical ADDRESSES' }).map((e) => e.title)).toEqual(['City Council']);
    expect(filterTimeline(timeline, { dataClass: 'physical' })).toEqual([]); // whole names only
    expect(filterTimeline(timeline, { year: 2013 }).map((e) => e.title)).toEqual(['Adobe']);
    expect(filterTimeline(timeline, { year: 2022 }).map((e) => e.title)).toEqual(['City Council']);
  });

  it('searches title, domain, breach id, note, data classes and email, ignoring case', () => {
    const titles = (text: string): string[] => filterTimeline(timeline, { text }).map((e) => e.title).sort();
    expect(titles('ADOBE')).toEqual(['Adobe']);
    expect(titles('linkedin.com')).toEqual(['LinkedIn']);
    expect(titles('changed the')).toEqual(['Adobe']);
    expect(titles('bob@')).toEqual(['LinkedIn']);
    expect(titles('council.example')).toEqual(['City Council']);
    expect(titles('physical')).toContain('City Council');
    expect(titles('password hints')).toEqual(['Adobe']); // every word must appear
    expect(titles('adobe linkedin')).toEqual([]);
    expect(titles('zzzz')).toEqual([]);
  });

  it('does not match across the boundary of two fields', () => {
    const [entry] = buildTimeline([exposure('X', { note: 'def' })], [breach('X', { title: 'abc', domain: '' })], []);
    expect(filterTimeline([entry as TimelineEntry], { text: 'x' })).toHaveLength(1);
    expect(filterTimeline([entry as TimelineEntry], { text: 'abcdef' })).toHaveLength(0);
    expect(filterTimeline([entry as TimelineEntry], { text: 'abc\u0000' })).toHaveLength(1);
  });

  it('combines filters', () => {
    expect(filterTimeline(timeline, { email: 'alice@example.com', state: 'new', text: 'password' }).map((e) => e.title)).toEqual(['Adobe']);
  });
});

describe('data classes in one spelling', () => {
  const mixed = buildTimeline(
    [exposure('Shop')],
    [breach('Shop', { dataClasses: ['Email addresses', 'Drink habits'] })],
    [notice('Letter', { dataClasses: ['email', 'Nome', 'Nearly everything'] })],
    (c) => (c === 'Email addresses' ? 'Indirizzi email' : c),
  );

  it('stores each entry\'s classes by their canonical name, unknown ones as written', () => {
    expect(Object.fromEntries(mixed.map((e) => [e.title, e.dataClasses]))).toEqual({
      Shop: ['Email addresses', 'Drinking habits'],
      Letter: ['Email addresses', 'Names', 'Nearly everything'],
    });
  });

  it('counts one facet per class, whichever way it was spelt', () => {
    expect(facets(mixed).dataClasses.find((c) => c.name === 'Email addresses')?.count).toBe(2);
    expect(facets(mixed).dataClasses.map((c) => c.name)).not.toContain('email');
  });

  it('filters by any spelling of a class, and searches its label', () => {
    expect(filterTimeline(mixed, { dataClass: 'e-mail' })).toHaveLength(2);
    expect(filterTimeline(mixed, { dataClass: 'Drink habits' }).map((e) => e.title)).toEqual(['Shop']);
    expect(filterTimeline(mixed, { text: 'indirizzi' })).toHaveLength(2);
  });
});

describe('countByYear and facets', () => {
  const timeline = buildTimeline(
    [exposure('A'), exposure('B'), exposure('C', { email: 'bob@example.com', state: 'resolved' })],
    [breach('A', { breachDate: '2015-01-01', dataClasses: ['Passwords', 'Email addresses'] }), breach('B', { breachDate: '2013', dataClasses: ['Email addresses', 'email addresses'] })],
    [notice('n1', { date: '2015-06', dataClasses: ['Names'] })],
  );

  it('counts entries per year, ascending, with unknown years apart', () => {
    const counts = countByYear(timeline);
    expect([...counts]).toEqual([
      { year: 2013, count: 1 },
      { year: 2015, count: 2 },
    ]);
    expect(counts.unknownYearCount).toBe(1);
    expect(countByYear([]).unknownYearCount).toBe(0);
  });

  it('lists facets', () => {
    expect(facets(timeline)).toEqual({
      emails: ['alice@example.com', 'bob@example.com'],
      dataClasses: [
        { name: 'Email addresses', count: 2 },
        { name: 'Names', count: 1 },
        { name: 'Passwords', count: 1 },
      ],
      years: [2015, 2013],
      unknownYearCount: 1,
      states: { new: 3, acknowledged: 0, resolved: 1 },
    });
  });
});

describe('100,000 entries', () => {
  const data = bigDataset();
  const timeline = buildTimeline(data.exposures, data.breaches, data.notices);

  it('builds one entry per exposure and notice, keys unique, newest first', () => {
    expect(timeline).toHaveLength(100_000);
    expect(new Set(timeline.map((e) => e.key)).size).toBe(100_000);
    let outOfOrder = 0;
    for (let i = 1; i < timeline.length; i++) {
      if (compareReference(timeline[i - 1] as TimelineEntry, timeline[i] as TimelineEntry) > 0) outOfOrder++;
    }
    expect(outOfOrder).toBe(0);
    expect(timeline.filter((e) => e.kind === 'breach' && e.breach === null).length).toBeGreaterThan(0);
    expect(timeline.filter((e) => e.kind === 'notice')).toHaveLength(4_000);
  });

  it('is the same whatever the input order', () => {
    const reversed = buildTimeline([...data.exposures].reverse(), [...data.breaches].reverse(), [...data.notices].reverse());
    expect(reversed.map((e) => e.key).join('\n') === timeline.map((e) => e.key).join('\n')).toBe(true);
  });

  const someEmail = data.exposures[12_345]?.email ?? '';
  const filters: TimelineFilter[] = [
    { email: someEmail },
    { state: 'resolved' },
    { year: 2016 },
    { dataClass: 'passwords' },
    { dataClass: 'Health insurance information' },
    { text: 'adobe' },
    { text: '.com' },
    { text: 'BANK card' },
    { text: 'ünïcödé' },
    { text: 'xn--bcher-kva' },
    { text: 'council', state: 'new' },
    { email: someEmail, state: 'acknowledged', dataClass: 'Email addresses', text: 'e' },
    { year: 2021, dataClass: 'names', text: 'user0' },
    { text: 'no-such-text-anywhere' },
  ];

  it.each(filters.map((f) => [JSON.stringify(f), f] as const))('filters like the obvious implementation: %s', (_label, filter) => {
    const fast = filterTimeline(timeline, filter);
    const slow = naiveFilter(timeline, filter);
    expect(fast.length).toBe(slow.length);
    expect(fast.every((e, i) => e === slow[i])).toBe(true);
  });

  it('finds what it should: some filters match many entries, some none', () => {
    expect(filterTimeline(timeline, { dataClass: 'passwords' }).length).toBeGreaterThan(30_000);
    expect(filterTimeline(timeline, { text: 'no-such-text-anywhere' })).toEqual([]);
    expect(filterTimeline(timeline, { email: someEmail }).every((e) => e.email === someEmail)).toBe(true);
  });

  it('counts years like a plain tally', () => {
    const counts = countByYear(timeline);
    const tally = new Map<number, number>();
    let unknown = 0;
    for (const e of timeline) {
      if (e.year === null) unknown++;
      else tally.set(e.year, (tally.get(e.year) ?? 0) + 1);
    }
    expect(counts.unknownYearCount).toBe(unknown);
    expect(unknown).toBeGreaterThan(0);
    expect([...counts]).toEqual([...tally].sort((a, b) => a[0] - b[0]).map(([year, count]) => ({ year, count })));
    expect(counts.reduce((s, c) => s + c.count, 0) + unknown).toBe(100_000);
  });

  it('gives facets that agree with the data', () => {
    const f = facets(timeline);
    expect(f.emails).toEqual([...new Set(timeline.map((e) => e.email))].sort());
    expect(f.emails).toHaveLength(120);
    expect(f.years).toEqual([...new Set(timeline.flatMap((e) => (e.year === null ? [] : [e.year])))].sort((a, b) => b - a));
    for (let i = 1; i < f.dataClasses.length; i++) {
      expect((f.dataClasses[i - 1]?.count ?? 0) >= (f.dataClasses[i]?.count ?? 0)).toBe(true);
    }
    const emailAddresses = f.dataClasses.find((c) => c.name === 'Email addresses');
    expect(emailAddresses?.count).toBe(filterTimeline(timeline, { dataClass: 'Email addresses' }).length);
    expect(f.dataClasses[0]?.name).toBe('Email addresses');
    expect(f.states.new + f.states.acknowledged + f.states.resolved).toBe(100_000);
    expect(f.unknownYearCount).toBe(countByYear(timeline).unknownYearCount);
  });
});
