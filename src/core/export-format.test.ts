import { afterEach, describe, expect, it, vi } from 'vitest';
import { tEn } from './i18n-test-helper';
import rawCatalog from '../../e2e/fixtures/data/hibp-breaches.json';
// eslint-disable-next-line no-restricted-imports -- test only: the shipped catalog goes through the real parser
import { parseHibpCatalog } from '../providers/hibp';
import { NO_FLAGS, type Breach } from './breach';
import type { Exposure, ExposureState, WatchedAddress } from './exposure';
import { collapseIncidents } from './incident';
import type { ManualNotice, SiteAlertRecord } from './notice';
import type { ProviderFailure } from './provider-error';
import {
  CSV_HEADER,
  EXPORT_FORMAT,
  EXPORT_VERSION,
  buildCsv,
  buildExport,
  csvCell,
  emptyExport,
  mergeImport,
  parseImport,
  validateExport,
  type ExportData,
  type ExportDocument,
  type ExportResult,
  type ExportRun,
} from './export-format';
import { mulberry32 } from './mulberry32.testkit';

const catalog = parseHibpCatalog(rawCatalog);
const DAY = 86_400_000;
const BASE = Date.UTC(2021, 0, 1);

const EMAILS = [
  'alice@example.com',
  'bob.smith+shopping@mail.example.org',
  'carol_o\'neil@example.co.uk',
  'dave@xn--bcher-kva.example',
  'eve-2019@sub.domain.example.net',
  'frank@example.com',
];

const NOTES = [
  '',
  'Changed the password on 3 March.',
  'Bank says: "no action needed", card replaced anyway',
  'Line one\r\nLine two\nLine three',
  '=HYPERLINK("http://evil.example","click")',
  '+1 555 0100 called, claimed to be the bank',
  '-just a dash',
  '@mention',
  '\tstarts with a tab',
  'Ünïcödé, émoji 🎉 and 日本語',
  '__proto__',
];

const STATES: ExposureState[] = ['new', 'acknowledged', 'resolved'];

function failure(rand: () => number): ProviderFailure | null {
  const r = rand();
  if (r < 0.6) return null;
  if (r < 0.75) return { kind: 'rate-limited', status: 429, retryAfterMs: BASE + Math.floor(rand() * 1e9), message: 'Too many requests; waiting.' };
  if (r < 0.9) return { kind: 'forbidden', status: 403, rayId: '8a1b2c3d4e5f6a7b-AMS', message: 'Blocked by Cloudflare.' };
  return { kind: 'network', message: 'No connection.' };
}

/** A realistic data set: the real HIBP catalog, a few XposedOrNot breaches, and years of history. */
function dataset(seed = 7): ExportData {
  const rand = mulberry32(seed);
  const int = (n: number): number => Math.floor(rand() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)] as T;

  const addresses: WatchedAddress[] = EMAILS.map((email, i) => {
    const checked = i % 4 === 3 ? null : BASE + 900 * DAY + i * 1000;
    return {
      email,
      addedAt: BASE + i * DAY,
      lastCheckedAt: checked,
      lastOutcome: checked === null ? (i % 2 ? 'failed' : null) : pick(['clean', 'breached', 'failed'] as const),
      lastFailure: failure(rand),
    };
  });

  const xon: Breach[] = catalog.slice(0, 60).map((b, i) => ({
    ...b,
    provider: 'xposedornot',
    addedDate: i % 3 === 0 ? null : b.addedDate,
    breachDate: i % 5 === 0 ? (b.breachDate?.slice(0, 4) ?? null) : b.breachDate,
    pwnCount: i % 7 === 0 ? null : b.pwnCount,
    logoUrl: i % 2 ? null : b.logoUrl,
    description: 'Plain text with "quotes", commas, ünïcödé and 🎉.',
    flags: { ...NO_FLAGS, sensitive: i % 11 === 0 },
  }));
  const breaches = [...catalog, ...xon];

  const exposures: Exposure[] = [];
  for (const email of EMAILS) {
    const taken = new Set<string>();
    const n = 80 + int(150);
    for (let k = 0; k < n; k++) {
      const b = pick(breaches);
      const key = `${b.provider}/${b.id}`;
      if (taken.has(key)) continue;
      taken.add(key);
      const firstSeen = BASE + int(1000) * DAY + int(DAY);
      const lastSeen = firstSeen + int(300) * DAY;
      exposures.push({
        email,
        provider: b.provider,
        breachId: b.id,
        also: [],
        firstSeen,
        lastSeen,
        state: pick(STATES),
        stateChangedAt: firstSeen + int(10) * DAY,
        note: pick(NOTES),
      });
    }
  }

  // As stored since database version 5: one record per incident (the XposedOrNot copies above
  // are the same incidents as their HIBP originals, unless their year was cut to a vaguer one).
  const records = new Map(breaches.map((b) => [`${b.provider}\u0000${b.id}`, b]));
  const incidents = collapseIncidents(exposures, (s) => records.get(`${s.provider}\u0000${s.breachId}`) ?? null);

  const notices: ManualNotice[] = Array.from({ length: 25 }, (_, i) => ({
    id: `notice-${String(i).padStart(3, '0')}-${int(1e6).toString(36)}`,
    email: pick(EMAILS),
    organisation: pick(['City Council, Parking', 'Dr. "Smile" Dental', 'Gym & Spa', '=cmd|calc', 'Ärztekammer']),
    site: pick(['', 'council.example', 'smile-dental.example']),
    date: pick(['2023-05-17', '2022-11', '2021']),
    dataClasses: pick([[], ['Names', 'Physical addresses'], ['Email addresses', 'Dates of birth', 'Health insurance information']]),
    note: pick(NOTES),
    createdAt: BASE + int(1000) * DAY,
    state: pick(STATES),
    stateChangedAt: BASE + 1000 * DAY + int(100) * DAY,
  }));

  const siteAlerts: SiteAlertRecord[] = Array.from({ length: 30 }, (_, i) => ({
    id: `alert-${i}`,
    host: pick(catalog).domain || 'example.com',
    breachIds: [pick(catalog).id],
    provider: pick(['hibp', 'xposedornot']),
    shownAt: BASE + int(1000) * DAY,
    emails: EMAILS.filter(() => rand() < 0.3),
  }));

  const runs: ExportRun[] = [];
  const results: ExportResult[] = [];
  for (let i = 0; i < 80; i++) {
    const startedAt = BASE + i * 12 * DAY + int(DAY);
    const emails = EMAILS.filter(() => rand() < 0.7);
    const run: ExportRun = {
      id: `run-${startedAt.toString(36)}-${i}`,
      provider: pick(['hibp', 'xposedornot'] as const),
      trigger: pick(['manual', 'scheduled', 'context-menu'] as const),
      startedAt,
      finishedAt: i === 79 ? null : startedAt + int(600_000),
      emails,
    };
    // Three generations of stored runs: without notifiedAt, with null, with a time.
    if (i % 3 === 1) run.notifiedAt = null;
    if (i % 3 === 2) run.notifiedAt = startedAt + 700_000;
    runs.push(run);
    for (const email of emails) {
      const outcome = pick(['clean', 'breached', 'failed'] as const);
      const ids = outcome === 'breached' ? [pick(catalog).id, pick(catalog).id].filter((x, j, a) => a.indexOf(x) === j) : [];
      results.push({
        runId: run.id,
        email,
        at: startedAt + int(600_000),
        outcome,
        breachIds: ids,
        newBreachIds: ids.slice(0, int(2)),
        failure: outcome === 'failed' ? (failure(rand) ?? { kind: 'timeout', message: 'No answer in time.' }) : null,
      });
    }
  }
  return { addresses, breaches, exposures: incidents, notices, siteAlerts, runs, results };
}

function shuffled<T>(items: readonly T[], rand: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** The same record with its keys written in reverse order, nested objects too. */
function reversedKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(reversedKeys) as T;
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reversedKeys(v)])) as T;
  }
  return value;
}

function parsed(text: string): ExportDocument {
  const result = parseImport(text, tEn);
  if (!result.ok) throw new Error(result.message);
  return result.doc;
}

const data = dataset();
const text = buildExport(data, tEn);

describe('buildExport', () => {
  it('writes a realistic data set', () => {
    expect(data.exposures.length).toBeGreaterThan(500);
    expect(data.breaches.length).toBeGreaterThan(900);
    expect(text.startsWith(`{\n  "format": "${EXPORT_FORMAT}",\n  "version": ${EXPORT_VERSION},\n  "addresses": [\n`)).toBe(true);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.endsWith('\n\n')).toBe(false);
  });

  it('is deterministic: list order and field order of the input do not matter', () => {
    const rand = mulberry32(99);
    const scrambled = Object.fromEntries(
      Object.entries(data).map(([k, list]) => [k, shuffled(list as unknown[], rand).map(reversedKeys)]),
    ) as unknown as ExportData;
    expect(buildExport(scrambled, tEn)).toBe(text);
  });

  it('records no time of its own', () => {
    vi.useFakeTimers();
    try {
      vi.setSystemTime(Date.UTC(2030, 5, 1));
      const later = buildExport(data, tEn);
      vi.setSystemTime(Date.UTC(2020, 0, 1));
      expect(buildExport(data, tEn)).toBe(later);
      expect(later).toBe(text);
    } finally {
      vi.useRealTimers();
    }
  });

  it('sorts every list by its key', () => {
    const doc = JSON.parse(text) as ExportDocument;
    const sortedByKey = <T>(list: T[], key: (x: T) => string[]): boolean =>
      list.every((x, i) => {
        if (i === 0) return true;
        const a = key(list[i - 1] as T);
        const b = key(x);
        for (let j = 0; j < a.length; j++) if (a[j] !== b[j]) return (a[j] as string) < (b[j] as string);
        return false; // equal keys would be duplicates
      });
    expect(sortedByKey(doc.addresses, (a) => [a.email])).toBe(true);
    expect(sortedByKey(doc.breaches, (b) => [b.provider, b.id])).toBe(true);
    expect(sortedByKey(doc.exposures, (e) => [e.email, e.provider, e.breachId])).toBe(true);
    expect(sortedByKey(doc.notices, (n) => [n.id])).toBe(true);
    expect(sortedByKey(doc.siteAlerts, (s) => [s.id])).toBe(true);
    expect(sortedByKey(doc.runs, (r) => [r.id])).toBe(true);
    expect(sortedByKey(doc.results, (r) => [r.runId, r.email])).toBe(true);
  });

  it('writes fields in one fixed order and keeps optional fields only when present', () => {
    const doc = JSON.parse(text) as ExportDocument;
    expect(Object.keys(doc)).toEqual(['format', 'version', 'addresses', 'breaches', 'exposures', 'notices', 'siteAlerts', 'runs', 'results']);
    expect(Object.keys(doc.exposures[0] ?? {})).toEqual(['email', 'provider', 'breachId', 'also', 'firstSeen', 'lastSeen', 'state', 'stateChangedAt', 'note']);
    const notified = doc.runs.map((r) => ('notifiedAt' in r ? (r.notifiedAt === null ? 'null' : 'time') : 'absent'));
    expect(new Set(notified)).toEqual(new Set(['absent', 'null', 'time']));
    const failures = doc.results.flatMap((r) => (r.failure ? [Object.keys(r.failure)] : []));
    expect(failures).toContainEqual(['kind', 'status', 'retryAfterMs', 'message']);
    expect(failures).toContainEqual(['kind', 'message']);
  });

  it('leaves out fields outside the model', () => {
    const extra = { ...data, addresses: data.addresses.map((a) => ({ ...a, secret: 'x', __proto__: { polluted: true } })) };
    expect(buildExport(extra, tEn)).toBe(text);
  });

  it('treats an own field set to undefined as absent', () => {
    const runs = data.runs.map((r) => ('notifiedAt' in r ? r : { ...r, notifiedAt: undefined }));
    expect(buildExport({ ...data, runs }, tEn)).toBe(text);
  });

  it('refuses to write a file that could not be imported', () => {
    const orphan = { ...data, exposures: [...data.exposures, { ...(data.exposures[0] as Exposure), email: 'nobody@example.com' }] };
    expect(() => buildExport(orphan, tEn)).toThrow(/The export could not be written: exposures\[\d+\]\.email "nobody@example.com" is not one of the addresses/);
    expect(validateExport(orphan, tEn)).toMatch(/is not one of the addresses/);
    expect(validateExport(data, tEn)).toBeNull();
  });
});

describe('round trip', () => {
  it('export → import → export is byte for byte identical', () => {
    const result = parseImport(text, tEn);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.counts).toEqual({
      addresses: data.addresses.length,
      breaches: data.breaches.length,
      exposures: data.exposures.length,
      notices: data.notices.length,
      siteAlerts: data.siteAlerts.length,
      runs: data.runs.length,
      results: data.results.length,
    });
    expect(buildExport(result.doc, tEn)).toBe(text);
  });

  it('importing into an empty database and exporting reproduces the file', () => {
    const merged = mergeImport(emptyExport(), parsed(text));
    expect(buildExport(merged, tEn)).toBe(text);
  });

  it('importing a file into the data it came from changes nothing', () => {
    const doc = parsed(text);
    expect(buildExport(mergeImport(doc, parsed(text)), tEn)).toBe(text);
  });

  it('accepts a byte-order mark', () => {
    expect(parseImport(`\ufeff${text}`, tEn).ok).toBe(true);
  });

  it('keeps every value exactly, including unusual text', () => {
    const doc = parsed(text);
    const notes = new Set(doc.exposures.map((e) => e.note));
    for (const note of NOTES) expect(notes.has(note)).toBe(true);
    expect(doc.breaches.find((b) => b.provider === 'hibp' && b.id === catalog[0]?.id)).toEqual(catalog[0]);
  });
});

/** A small valid document, as plain JSON, for the validation tests to break one field at a time. */
function small(): Record<string, unknown> {
  const breach: Breach = { ...(catalog.find((b) => b.id === 'Adobe') as Breach) };
  return JSON.parse(
    JSON.stringify({
      format: EXPORT_FORMAT,
      version: 1,
      addresses: [{ email: 'alice@example.com', addedAt: BASE, lastCheckedAt: null, lastOutcome: null, lastFailure: null }],
      breaches: [breach],
      exposures: [{ email: 'alice@example.com', provider: 'hibp', breachId: 'Adobe', also: [], firstSeen: BASE, lastSeen: BASE, state: 'new', stateChangedAt: BASE, note: '' }],
      notices: [{ id: 'n1', email: 'alice@example.com', organisation: 'Council', site: '', date: '2023-05', dataClasses: ['Names'], note: '', createdAt: BASE, state: 'new', stateChangedAt: BASE }],
      siteAlerts: [{ id: 's1', host: 'adobe.com', breachIds: ['Adobe'], provider: 'hibp', shownAt: BASE, emails: ['alice@example.com'] }],
      runs: [{ id: 'r1', provider: 'hibp', trigger: 'manual', startedAt: BASE, finishedAt: BASE + 1, emails: ['alice@example.com'] }],
      results: [{ runId: 'r1', email: 'alice@example.com', at: BASE, outcome: 'clean', breachIds: [], newBreachIds: [], failure: null }],
    }),
  ) as Record<string, unknown>;
}

type Doc = Record<string, unknown> & { [list: string]: unknown };
function rec(doc: Doc, list: string, i = 0): Record<string, unknown> {
  return (doc[list] as Record<string, unknown>[])[i] as Record<string, unknown>;
}

function failWith(mutate: (doc: Doc) => void): string {
  const doc = small();
  mutate(doc);
  const result = parseImport(JSON.stringify(doc), tEn);
  return result.ok ? 'accepted' : result.message;
}

describe('files of version 1', () => {
  const adobe = (provider: 'hibp' | 'xposedornot', breachDate: string): Breach => ({
    id: 'Adobe', provider, title: 'Adobe', domain: 'adobe.com', breachDate, addedDate: null, pwnCount: null, description: '', dataClasses: [], logoUrl: null, flags: NO_FLAGS,
  });
  const v1 = {
    format: EXPORT_FORMAT,
    version: 1,
    addresses: [{ email: 'alice@example.com', addedAt: 1, lastCheckedAt: null, lastOutcome: null, lastFailure: null }],
    breaches: [adobe('hibp', '2013-10-04'), adobe('xposedornot', '2013')],
    // One provider per exposure then: a user who switched providers has the incident twice.
    exposures: [
      { email: 'alice@example.com', provider: 'hibp', breachId: 'Adobe', firstSeen: 5, lastSeen: 5, state: 'resolved', stateChangedAt: 6, note: 'changed it' },
      { email: 'alice@example.com', provider: 'xposedornot', breachId: 'Adobe', firstSeen: 50, lastSeen: 50, state: 'new', stateChangedAt: 50, note: '' },
    ],
    notices: [], siteAlerts: [], runs: [], results: [],
  };

  it('are read, their exposures with no other provider named', () => {
    const outcome = parseImport(JSON.stringify(v1), tEn);
    expect(outcome.ok && outcome.doc.exposures.map((e) => e.also)).toEqual([[], []]);
  });

  it('merge into one record per incident, keeping the user\'s decision', () => {
    const outcome = parseImport(JSON.stringify(v1), tEn);
    if (!outcome.ok) throw new Error(outcome.message);
    const merged = mergeImport(emptyExport(), outcome.doc);
    expect(merged.exposures).toEqual([
      { ...v1.exposures[0], also: [{ provider: 'xposedornot', breachId: 'Adobe' }], lastSeen: 50 },
    ]);
  });

  it('are the only ones whose exposures may lack "also"', () => {
    const v2 = { ...v1, version: 2 };
    expect(parseImport(JSON.stringify(v2), tEn)).toMatchObject({ ok: false, message: expect.stringContaining('exposures[0].also') });
  });
});

describe('parseImport: the file as a whole', () => {
  it('accepts the small document', () => {
    expect(failWith(() => {})).toBe('accepted');
  });

  it('refuses a file over the size limit, measured in UTF-8 bytes', () => {
    const big = parseImport('x'.repeat(3 * 1024 * 1024 + 1), tEn, 3 * 1024 * 1024);
    expect(big).toEqual({ ok: false, message: 'The file is too large to import (3.1 MB); the limit is 3 MB.' });
    // 2 bytes per "é": 600k characters are 1.2 MB of UTF-8, over a 1 MB limit.
    const wide = parseImport('é'.repeat(600_000), tEn, 1024 * 1024);
    expect(wide.ok).toBe(false);
    expect(!wide.ok && wide.message).toMatch(/\(1\.2 MB\); the limit is 1 MB\./);
    // An emoji is one code point, two UTF-16 units, four bytes.
    expect(parseImport('🎉'.repeat(10), tEn, 39).ok).toBe(false);
    expect(parseImport('"' + '🎉'.repeat(9) + '"', tEn, 38)).toEqual({ ok: false, message: 'This is not a Was I Exposed? export: the file does not hold a JSON object.' });
    expect(parseImport(text, tEn, text.length).ok).toBe(false);
  });

  it('explains invalid JSON with its position', () => {
    expect(parseImport('{"format": "was-i-exposed-export",\n  "version": 1,,}', tEn)).toEqual({
      ok: false,
      message: expect.stringMatching(/^The file is not valid JSON \(.*line 2, column 16 \(position 50\)\)\.$/) as unknown as string,
    });
    expect(parseImport('{"a":', tEn).ok).toBe(false);
    expect(!parseImport('{"a":', tEn).ok && (parseImport('{"a":', tEn) as { message: string }).message).toMatch(/^The file is not valid JSON \(.+\)\.$/);
    const junk = parseImport('x'.repeat(100), tEn);
    expect(junk.ok).toBe(false);
    // The engine quotes the file's start in its message; that is not repeated to the user.
    expect(!junk.ok && junk.message).toBe("The file is not valid JSON (unexpected token 'x').");
    expect(parseImport('', tEn)).toEqual({ ok: false, message: 'The file is empty.' });
    expect(parseImport('  \n', tEn)).toEqual({ ok: false, message: 'The file is empty.' });
  });

  it('refuses JSON that is not an object', () => {
    for (const t of ['[]', '42', 'null', '"text"', 'true']) {
      expect(parseImport(t, tEn)).toEqual({ ok: false, message: 'This is not a Was I Exposed? export: the file does not hold a JSON object.' });
    }
  });

  it('refuses another format', () => {
    expect(failWith((d) => (d.format = 'something-else'))).toBe('This is not a Was I Exposed? export.');
    expect(failWith((d) => delete d.format)).toBe('This is not a Was I Exposed? export.');
    expect(parseImport('{}', tEn)).toEqual({ ok: false, message: 'This is not a Was I Exposed? export.' });
  });

  it('refuses a newer version, or a version that is not a whole number', () => {
    expect(failWith((d) => (d.version = 3))).toBe('This export was made by a newer version (format 3); update the extension first.');
    expect(failWith((d) => (d.version = 1.5))).toBe("The export's version must be a whole number from 1 up (found 1.5).");
    expect(failWith((d) => (d.version = '1'))).toBe('The export\'s version must be a whole number from 1 up (found "1").');
    expect(failWith((d) => (d.version = 0))).toBe("The export's version must be a whole number from 1 up (found 0).");
    expect(failWith((d) => delete d.version)).toBe("The export's version must be a whole number from 1 up (it is missing).");
  });

  it('refuses sections this version does not know, and missing ones', () => {
    expect(failWith((d) => (d.settings = {}))).toBe('The file has a section this version does not know ("settings"); it may have been edited by hand.');
    expect(failWith((d) => delete d.notices)).toBe('notices must be a list (it is missing).');
    expect(failWith((d) => (d.runs = {}))).toBe('runs must be a list (found an object).');
  });
});

describe('parseImport: records', () => {
  const cases: Array<[string, (d: Doc) => void, string]> = [
    ['record not an object', (d) => ((d.exposures as unknown[])[0] = 'x'), 'exposures[0] must be an object (found "x").'],
    ['state', (d) => (rec(d, 'exposures').state = 'archived'), 'exposures[0].state must be new, acknowledged or resolved (found "archived").'],
    ['provider', (d) => (rec(d, 'exposures').provider = 'dehashed'), 'exposures[0].provider must be xposedornot or hibp (found "dehashed").'],
    ['missing note', (d) => delete rec(d, 'exposures').note, 'exposures[0].note must be text (it is missing).'],
    ['negative time', (d) => (rec(d, 'exposures').firstSeen = -1), 'exposures[0].firstSeen must be a time in milliseconds since 1970 (a number, not negative) (found -1).'],
    ['time as text', (d) => (rec(d, 'addresses').addedAt = '2021-01-01'), 'addresses[0].addedAt must be a time in milliseconds since 1970 (a number, not negative) (found "2021-01-01").'],
    ['time too large', (d) => (rec(d, 'results').at = 1e300), 'results[0].at must be a time in milliseconds since 1970 (a number, not negative) (found 1e+300).'],
    ['email not normalised', (d) => (rec(d, 'addresses').email = 'Alice@Example.com'), 'addresses[0].email must be written in normalised form, "alice@example.com" (found "Alice@Example.com").'],
    ['email invalid', (d) => (rec(d, 'runs').emails = ['not-an-address']), 'runs[0].emails[0] is not a valid email address (found "not-an-address"): An email address needs an @ between the name and the domain, as in name@example.com.'],
    ['email not text', (d) => (rec(d, 'results').email = 5), 'results[0].email must be an email address (found 5).'],
    ['outcome', (d) => (rec(d, 'addresses').lastOutcome = 'pwned'), 'addresses[0].lastOutcome must be clean, breached or failed (found "pwned").'],
    ['failure kind', (d) => (rec(d, 'results').failure = { kind: 'teapot', message: 'x' }), 'results[0].failure.kind must be unauthorized, forbidden, bad-request, rate-limited, unavailable, timeout, network, redirected, malformed or internal (found "teapot").'],
    ['failure status', (d) => (rec(d, 'results').failure = { kind: 'forbidden', status: 403.5, message: 'x' }), 'results[0].failure.status must be a whole number, not negative (found 403.5).'],
    ['trigger', (d) => (rec(d, 'runs').trigger = 'cron'), 'runs[0].trigger must be manual, scheduled or context-menu (found "cron").'],
    ['notifiedAt', (d) => (rec(d, 'runs').notifiedAt = 'soon'), 'runs[0].notifiedAt must be a time in milliseconds since 1970 (a number, not negative) (found "soon").'],
    ['breach date', (d) => (rec(d, 'breaches').breachDate = '2013-02-30'), 'breaches[0].breachDate must be a date written YYYY-MM-DD or YYYY, or null (found "2013-02-30").'],
    ['breach month only', (d) => (rec(d, 'breaches').breachDate = '2013-10'), 'breaches[0].breachDate must be a date written YYYY-MM-DD or YYYY, or null (found "2013-10").'],
    ['added date', (d) => (rec(d, 'breaches').addedDate = 'yesterday'), 'breaches[0].addedDate must be an ISO timestamp or null (found "yesterday").'],
    ['logo url', (d) => (rec(d, 'breaches').logoUrl = 'javascript:alert(1)'), 'breaches[0].logoUrl must be an http or https address, or null (found "javascript:alert(1)").'],
    ['pwn count', (d) => (rec(d, 'breaches').pwnCount = -5), 'breaches[0].pwnCount must be a whole number, not negative (found -5).'],
    ['flag', (d) => ((rec(d, 'breaches').flags as Record<string, unknown>).sensitive = 'no'), 'breaches[0].flags.sensitive must be true or false (found "no").'],
    ['empty id', (d) => (rec(d, 'breaches').id = ''), 'breaches[0].id must be non-empty text (found "").'],
    ['description too long', (d) => (rec(d, 'breaches').description = 'x'.repeat(100_001)), 'breaches[0].description is 100001 characters long; at most 100000 are allowed.'],
    ['note too long', (d) => (rec(d, 'exposures').note = 'x'.repeat(10_001)), 'exposures[0].note is 10001 characters long; at most 10000 are allowed.'],
    ['data class not text', (d) => (rec(d, 'notices').dataClasses = ['Names', 7]), 'notices[0].dataClasses[1] must be text (found 7).'],
    ['too many data classes', (d) => (rec(d, 'notices').dataClasses = Array.from({ length: 10_001 }, () => 'x')), 'notices[0].dataClasses has 10001 entries; at most 10000 are allowed.'],
    ['notice date', (d) => (rec(d, 'notices').date = '17/05/2023'), 'notices[0].date must be a date written YYYY-MM-DD, YYYY-MM or YYYY (found "17/05/2023").'],
    ['notice month 13', (d) => (rec(d, 'notices').date = '2023-13'), 'notices[0].date must be a date written YYYY-MM-DD, YYYY-MM or YYYY (found "2023-13").'],
    ['site alert provider', (d) => (rec(d, 'siteAlerts').provider = 'other'), 'siteAlerts[0].provider must be xposedornot or hibp (found "other").'],
    ['exposure of an address not in the file', (d) => (rec(d, 'exposures').email = 'bob@example.com'), 'exposures[0].email "bob@example.com" is not one of the addresses in the file.'],
    ['notice of an address not in the file', (d) => (rec(d, 'notices').email = 'bob@example.com'), 'notices[0].email "bob@example.com" is not one of the addresses in the file.'],
    ['duplicate address', (d) => (d.addresses as unknown[]).push(rec(d, 'addresses')), 'addresses[1] repeats addresses[0] (same email).'],
    ['duplicate breach', (d) => (d.breaches as unknown[]).push({ ...rec(d, 'breaches'), title: 'Other' }), 'breaches[1] repeats breaches[0] (same provider and id).'],
    ['duplicate exposure', (d) => (d.exposures as unknown[]).push({ ...rec(d, 'exposures'), note: 'again' }), 'exposures[1] repeats exposures[0] (same email, provider and breach id).'],
    ['duplicate result', (d) => (d.results as unknown[]).push(rec(d, 'results')), 'results[1] repeats results[0] (same run id and email).'],
    ['duplicate notice', (d) => (d.notices as unknown[]).push(rec(d, 'notices')), 'notices[1] repeats notices[0] (same id).'],
  ];

  it.each(cases)('%s', (_name, mutate, message) => {
    expect(failWith(mutate)).toBe(message);
  });

  it('gives the path of a record deep in a list', () => {
    const message = failWith((d) => {
      const base = rec(d, 'exposures');
      const list = Array.from({ length: 13 }, (_, i) => ({ ...base, breachId: `B${i}` }));
      (list[12] as Record<string, unknown>).state = 'gone';
      d.exposures = list;
    });
    expect(message).toBe('exposures[12].state must be new, acknowledged or resolved (found "gone").');
  });

  it('keeps runs and results whose addresses were removed since', () => {
    expect(failWith((d) => (rec(d, 'runs').emails = ['gone@example.com']))).toBe('accepted');
    expect(failWith((d) => (rec(d, 'results').email = 'gone@example.com'))).toBe('accepted');
  });

  it('ignores unknown fields on records and never copies them', () => {
    const doc = small();
    rec(doc, 'exposures').colour = 'blue';
    rec(doc, 'addresses').extra = { nested: true };
    const result = parseImport(JSON.stringify(doc), tEn);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect('colour' in (result.doc.exposures[0] ?? {})).toBe(false);
    expect('extra' in (result.doc.addresses[0] ?? {})).toBe(false);
  });

  it('cannot pollute Object.prototype through __proto__ or constructor keys', () => {
    const json = JSON.stringify(small())
      .replace('"email":"alice@example.com","addedAt"', '"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"email":"alice@example.com","addedAt"')
      .replace('"breachId":"Adobe"', '"__proto__":{"polluted":true,"state":"resolved"},"breachId":"Adobe"')
      .replace('"verified"', '"__proto__":{"polluted":true},"verified"');
    expect(json.match(/__proto__/g)?.length).toBe(3);
    const result = parseImport(json, tEn);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
    for (const record of [result.doc.addresses[0], result.doc.exposures[0]]) {
      expect(Object.getPrototypeOf(record)).toBe(Object.prototype);
      expect(Object.hasOwn(record ?? {}, '__proto__')).toBe(false);
      expect((record as unknown as Record<string, unknown>).polluted).toBeUndefined();
    }
    expect(result.doc.exposures[0]?.state).toBe('new');
    expect(buildExport(result.doc, tEn)).not.toMatch(/__proto__|polluted/);
  });

  it('refuses a top-level __proto__ as an unknown section', () => {
    const json = JSON.stringify(small()).replace('{"format"', '{"__proto__":{"polluted":true},"format"');
    expect(parseImport(json, tEn)).toEqual({ ok: false, message: 'The file has a section this version does not know ("__proto__"); it may have been edited by hand.' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('reads own fields only, never inherited ones', () => {
    const base = small() as unknown as ExportData;
    const own = { ...(base.exposures[0] as Exposure) } as Partial<Exposure>;
    delete own.note;
    const inherited = Object.assign(Object.create({ note: 'from the prototype' }) as Exposure, own);
    expect(inherited.note).toBe('from the prototype');
    expect(validateExport({ ...base, exposures: [inherited] }, tEn)).toBe('exposures[0].note must be text (it is missing).');
  });
});

describe('mergeImport', () => {
  afterEach(() => vi.useRealTimers());

  const address = (over: Partial<WatchedAddress>): WatchedAddress => ({
    email: 'alice@example.com',
    addedAt: BASE,
    lastCheckedAt: null,
    lastOutcome: null,
    lastFailure: null,
    ...over,
  });
  const exposure = (over: Partial<Exposure>): Exposure => ({
    email: 'alice@example.com',
    provider: 'hibp',
    breachId: 'Adobe',
    also: [],
    firstSeen: BASE,
    lastSeen: BASE,
    state: 'new',
    stateChangedAt: BASE,
    note: '',
    ...over,
  });
  const doc = (over: Partial<ExportDocument>): ExportDocument => ({ ...emptyExport(), ...over });

  it('unites addresses: earliest addedAt, latest check with its outcome', () => {
    const failure: ProviderFailure = { kind: 'network', message: 'offline' };
    const existing = doc({ addresses: [address({ addedAt: BASE + 5, lastCheckedAt: BASE + 100, lastOutcome: 'clean' }), address({ email: 'x@example.com' })] });
    const incoming = doc({ addresses: [address({ addedAt: BASE + 1, lastCheckedAt: BASE + 200, lastOutcome: 'failed', lastFailure: failure }), address({ email: 'y@example.com' })] });
    const merged = mergeImport(existing, incoming);
    expect(merged.addresses.map((a) => a.email)).toEqual(['alice@example.com', 'x@example.com', 'y@example.com']);
    expect(merged.addresses[0]).toEqual(address({ addedAt: BASE + 1, lastCheckedAt: BASE + 200, lastOutcome: 'failed', lastFailure: failure }));
    // The other way round, the later check still wins, whichever side it is on.
    expect(mergeImport(incoming, existing).addresses).toEqual(merged.addresses);
    // A never-checked import does not wipe a check.
    const never = mergeImport(existing, doc({ addresses: [address({ addedAt: BASE + 9, lastOutcome: 'failed' })] }));
    expect(never.addresses[0]).toEqual(address({ addedAt: BASE + 5, lastCheckedAt: BASE + 100, lastOutcome: 'clean' }));
  });

  it('replaces a breach only with one added later, or when the existing one has no added date', () => {
    const adobe = catalog.find((b) => b.id === 'Adobe') as Breach;
    const older = { ...adobe, title: 'Old', addedDate: '2013-12-04T00:00:00.000Z' };
    const newer = { ...adobe, title: 'New', addedDate: '2014-01-01T00:00:00.000Z' };
    const undated = { ...adobe, title: 'Undated', addedDate: null };
    const title = (a: Breach, b: Breach): string | undefined => mergeImport(doc({ breaches: [a] }), doc({ breaches: [b] })).breaches[0]?.title;
    expect(title(older, newer)).toBe('New');
    expect(title(newer, older)).toBe('New');
    expect(title(undated, older)).toBe('Old');
    expect(title(older, undated)).toBe('Old');
    expect(title(undated, { ...undated, title: 'Undated too' })).toBe('Undated');
    expect(title(older, { ...older, title: 'Same date' })).toBe('Old');
  });

  it('merges exposures: earliest first seen, latest last seen, the later decision with its note', () => {
    const existing = doc({
      addresses: [address({})],
      exposures: [exposure({ firstSeen: BASE + 10, lastSeen: BASE + 50, state: 'acknowledged', stateChangedAt: BASE + 20, note: 'mine' })],
    });
    const incoming = doc({
      addresses: [address({})],
      exposures: [exposure({ firstSeen: BASE + 5, lastSeen: BASE + 40, state: 'resolved', stateChangedAt: BASE + 30, note: 'theirs' })],
    });
    expect(mergeImport(existing, incoming).exposures).toEqual([
      exposure({ firstSeen: BASE + 5, lastSeen: BASE + 50, state: 'resolved', stateChangedAt: BASE + 30, note: 'theirs' }),
    ]);
    expect(mergeImport(incoming, existing).exposures).toEqual([
      exposure({ firstSeen: BASE + 5, lastSeen: BASE + 50, state: 'resolved', stateChangedAt: BASE + 30, note: 'theirs' }),
    ]);
    // A tie keeps what is here.
    const tie = doc({ addresses: [address({})], exposures: [exposure({ state: 'resolved', note: 'tie' })] });
    expect(mergeImport(doc({ addresses: [address({})], exposures: [exposure({})] }), tie).exposures[0]?.state).toBe('new');
  });

  it('takes the notice changed later; keeps existing site alerts, runs and results', () => {
    const notice = (over: Partial<ManualNotice>): ManualNotice => ({
      id: 'n1',
      email: 'alice@example.com',
      organisation: 'Council',
      site: '',
      date: '2023',
      dataClasses: [],
      note: '',
      createdAt: BASE,
      state: 'new',
      stateChangedAt: BASE,
      ...over,
    });
    const run: ExportRun = { id: 'r1', provider: 'hibp', trigger: 'manual', startedAt: BASE, finishedAt: null, emails: [] };
    const result: ExportResult = { runId: 'r1', email: 'alice@example.com', at: BASE, outcome: 'clean', breachIds: [], newBreachIds: [], failure: null };
    const alert: SiteAlertRecord = { id: 's1', host: 'a.example', breachIds: [], provider: 'hibp', shownAt: BASE, emails: [] };
    const existing = doc({
      addresses: [address({})],
      notices: [notice({ note: 'here', stateChangedAt: BASE + 5 }), notice({ id: 'n2', note: 'here', stateChangedAt: BASE + 5 })],
      runs: [run],
      results: [result],
      siteAlerts: [alert],
    });
    const incoming = doc({
      addresses: [address({})],
      notices: [notice({ note: 'there', state: 'resolved', stateChangedAt: BASE + 9 }), notice({ id: 'n2', note: 'there', stateChangedAt: BASE + 1 })],
      runs: [{ ...run, finishedAt: BASE + 1 }, { ...run, id: 'r2' }],
      results: [{ ...result, outcome: 'breached' }],
      siteAlerts: [{ ...alert, host: 'b.example' }],
    });
    const merged = mergeImport(existing, incoming);
    expect(merged.notices.map((n) => [n.id, n.note, n.state])).toEqual([
      ['n1', 'there', 'resolved'],
      ['n2', 'here', 'new'],
    ]);
    expect(merged.runs).toEqual([run, { ...run, id: 'r2' }]);
    expect(merged.results).toEqual([result]);
    expect(merged.siteAlerts).toEqual([alert]);
  });

  it('does not change either input', () => {
    const a = parsed(text);
    const b = parsed(buildExport(dataset(8), tEn));
    const before = JSON.stringify([a, b]);
    const merged = mergeImport(a, b);
    expect(JSON.stringify([a, b])).toBe(before);
    expect(validateExport(merged, tEn)).toBeNull();
    expect(merged.exposures.length).toBeGreaterThan(a.exposures.length);
    // Merging is idempotent: the merge of the merge is the merge.
    const once = buildExport(merged, tEn);
    expect(buildExport(mergeImport(parsed(once), b), tEn)).toBe(once);
  });
});

describe('csvCell', () => {
  it('quotes per RFC 4180', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('')).toBe('');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('one\ntwo')).toBe('"one\ntwo"');
    expect(csvCell('one\r\ntwo')).toBe('"one\r\ntwo"');
    expect(csvCell('ünïcödé 🎉')).toBe('ünïcödé 🎉');
  });

  it('defuses cells a spreadsheet would run as a formula', () => {
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('+44 20 7946 0000')).toBe("'+44 20 7946 0000");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tx')).toBe("'\tx");
    expect(csvCell('\rx')).toBe('"\'\rx"');
    expect(csvCell('=HYPERLINK("http://evil.example","x")')).toBe('"\'=HYPERLINK(""http://evil.example"",""x"")"');
    expect(csvCell('a=b')).toBe('a=b');
    expect(csvCell("'already")).toBe("'already");
  });
});

/** A small RFC 4180 reader, to check that the CSV reads back into the same cells. */
function readCsv(csv: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const c = csv[i] as string;
    if (quoted) {
      if (c === '"' && csv[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && csv[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  expect(cell).toBe('');
  expect(row).toEqual([]);
  return rows;
}

describe('buildCsv', () => {
  const adobe = catalog.find((b) => b.id === 'Adobe') as Breach;

  it('writes a header, one row per exposure and per notice, CRLF line ends', () => {
    const csv = buildCsv({
      breaches: [adobe],
      exposures: [
        { email: 'alice@example.com', provider: 'hibp', breachId: 'Adobe', also: [], firstSeen: Date.UTC(2021, 0, 2, 3, 4, 5), lastSeen: Date.UTC(2022, 1, 3), state: 'acknowledged', stateChangedAt: Date.UTC(2021, 5, 1), note: 'Changed it, "all" of them' },
        { email: 'alice@example.com', provider: 'xposedornot', breachId: 'Unknown, Inc', also: [], firstSeen: 0, lastSeen: 0, state: 'new', stateChangedAt: 0, note: '' },
      ],
      notices: [{ id: 'n1', email: 'alice@example.com', organisation: '=Council', site: 'council.example', date: '2023-05', dataClasses: ['Names', 'Physical addresses'], note: 'Letter\r\nreceived', createdAt: Date.UTC(2023, 4, 20), state: 'new', stateChangedAt: Date.UTC(2023, 4, 20) }],
    });
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.split('\r\n')[0]).toBe('email,source,breach id,title,domain,breach date,first seen,last seen,state,state changed,note,data classes');
    const rows = readCsv(csv);
    expect(rows[0]).toEqual([...CSV_HEADER]);
    expect(rows.slice(1)).toEqual([
      ['alice@example.com', 'hibp', 'Adobe', 'Adobe', 'adobe.com', '2013-10-04', '2021-01-02T03:04:05.000Z', '2022-02-03T00:00:00.000Z', 'acknowledged', '2021-06-01T00:00:00.000Z', 'Changed it, "all" of them', adobe.dataClasses.join('; ')],
      ['alice@example.com', 'manual', 'n1', "'=Council", 'council.example', '2023-05', '2023-05-20T00:00:00.000Z', '', 'new', '2023-05-20T00:00:00.000Z', 'Letter\r\nreceived', 'Names; Physical addresses'],
      ['alice@example.com', 'xposedornot', 'Unknown, Inc', 'Unknown, Inc', '', '', '1970-01-01T00:00:00.000Z', '1970-01-01T00:00:00.000Z', 'new', '1970-01-01T00:00:00.000Z', '', ''],
    ]);
  });

  it('writes the realistic data set with no line outside a quoted cell but CRLF', () => {
    const doc = parsed(text);
    const csv = buildCsv(doc);
    const rows = readCsv(csv);
    expect(rows).toHaveLength(1 + doc.exposures.length + doc.notices.length);
    expect(rows.every((r) => r.length === CSV_HEADER.length)).toBe(true);
    // No cell a spreadsheet would run as a formula.
    expect(rows.flat().filter((c) => /^[=+\-@\t\r]/.test(c))).toEqual([]);
    expect(buildCsv({ ...doc, exposures: shuffled(doc.exposures, mulberry32(3)) })).toBe(csv);
  });

  it('writes only a header when there is nothing', () => {
    expect(buildCsv({ breaches: [], exposures: [], notices: [] })).toBe(`${CSV_HEADER.join(',')}\r\n`);
  });
});

describe('ticked "What to do" steps', () => {
  it('import without them (files from before checklists) and export without them', () => {
    const result = parseImport(JSON.stringify(small()), tEn);
    expect(result.ok && 'steps' in result.doc.exposures[0]!).toBe(false);
  });

  it('survive export → import → export byte for byte, sorted and once each', () => {
    const doc = small();
    rec(doc, 'exposures').steps = ['guidancePasswordsStep2', 'guidancePasswordsStep1', 'guidancePasswordsStep2'];
    rec(doc, 'notices').steps = ['guidanceContactStep1'];
    const first = parseImport(JSON.stringify(doc), tEn);
    if (!first.ok) throw new Error(first.message);
    expect(first.doc.exposures[0]!.steps).toEqual(['guidancePasswordsStep1', 'guidancePasswordsStep2']);
    const text = buildExport(first.doc, tEn);
    const again = parseImport(text, tEn);
    if (!again.ok) throw new Error(again.message);
    expect(buildExport(again.doc, tEn)).toBe(text);
    expect(again.doc.notices[0]!.steps).toEqual(['guidanceContactStep1']);
  });

  it('refuse anything but a list of step ids, naming the place', () => {
    expect(failWith((d) => (rec(d, 'exposures').steps = 'guidanceContactStep1'))).toMatch(/exposures\[0\]\.steps/);
    expect(failWith((d) => (rec(d, 'notices').steps = ['<img onerror=x>']))).toMatch(/notices\[0\]\.steps\[0\].*step id/);
    expect(failWith((d) => (rec(d, 'notices').steps = Array.from({ length: 101 }, (_, i) => `s${i}`)))).toMatch(/steps/);
  });

  it('merge as the union of both copies', () => {
    const base = parseImport(JSON.stringify(small()), tEn);
    if (!base.ok) throw new Error(base.message);
    const withSteps = (steps: string[] | undefined): ExportDocument => ({
      ...base.doc,
      exposures: base.doc.exposures.map((e) => ({ ...e, ...(steps ? { steps } : {}) })),
      notices: base.doc.notices.map((n) => ({ ...n, ...(steps ? { steps } : {}) })),
    });
    const merged = mergeImport(withSteps(['b', 'c']), withSteps(['a', 'b']));
    expect(merged.exposures[0]!.steps).toEqual(['a', 'b', 'c']);
    expect(merged.notices[0]!.steps).toEqual(['a', 'b', 'c']);
    expect('steps' in mergeImport(withSteps(undefined), withSteps(undefined)).exposures[0]!).toBe(false);
  });
});
