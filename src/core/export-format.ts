/**
 * The export file: everything the extension knows about the user's exposure history, as one
 * versioned JSON document, and the CSV view of it for spreadsheets.
 *
 * Three promises, each held by a test:
 * - Lossless and deterministic. `buildExport` sorts every list by its key, writes every record's
 *   fields in one fixed order and records no time of its own, so exporting, deleting everything,
 *   importing and exporting again gives the same file byte for byte.
 * - Nothing unchecked gets in. `parseImport` treats the file as hostile: every field of every
 *   record is checked at run time, and a problem is reported with the path to it
 *   (`exposures[12].state must be …`), in the user's language. Only known fields are copied into fresh objects, so keys
 *   such as `__proto__` inside a record are dropped, never assigned.
 * - Merging never loses the user's own decisions (see `mergeImport`).
 *
 * Runs and results are the stored `CheckRun` and `CheckResult` of src/core/check-run.ts. When a
 * stored record gains a field, add it here too (reader, writer, merge) and decide whether that
 * needs EXPORT_VERSION 2.
 */
import { PROVIDER_IDS, type Breach, type BreachFlags, type ProviderId } from './breach';
import type { CheckResult, CheckRun } from './check-run';
import { normaliseEmail } from './email';
import { silentTranslate, type MessageKey, type Translate } from './i18n';
import type { Exposure, ExposureState, WatchedAddress } from './exposure';
import { collapseIncidents, reportedBy, type ExposureSource } from './incident';
import type { ManualNotice, SiteAlertRecord } from './notice';
import { STEP_ID } from './guidance';
import type { ProviderErrorKind, ProviderFailure } from './provider-error';
import type { RightsRequest } from './rights/request';
import { mergeRequests, readRequests, requestCsvRow, requestsSection, REQUESTS_SECTION } from './rights/request-export';

export const EXPORT_FORMAT = 'was-i-exposed-export';
/**
 * 2: an exposure is one incident, with `also` (other providers' names for it), and a stored
 * failure names its `provider`. Files of version 1 are still read: their exposures have no
 * `also`, and two of them that are one incident are combined on import.
 */
export const EXPORT_VERSION = 2;

/** Largest file `parseImport` reads by default, in UTF-8 bytes. */
export const MAX_IMPORT_BYTES = 40 * 1024 * 1024;
/** Most records in any one list of the file. */
export const MAX_RECORDS = 500_000;
/** Most items in a list inside a record (data classes, breach ids, addresses of a run). */
export const MAX_LIST_ITEMS = 10_000;
/** Longest text field, in UTF-16 code units, except breach descriptions. */
export const MAX_TEXT_LENGTH = 10_000;
export const MAX_DESCRIPTION_LENGTH = 100_000;
/** The last instant a JavaScript Date can hold; later times cannot be shown or written as ISO. */
const MAX_TIME = 8_640_000_000_000_000;

/** Runs and results are exported exactly as stored. */
export type ExportRun = CheckRun;
export type ExportResult = CheckResult;

export interface ExportDocument {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  addresses: WatchedAddress[];
  breaches: Breach[];
  exposures: Exposure[];
  notices: ManualNotice[];
  siteAlerts: SiteAlertRecord[];
  runs: ExportRun[];
  results: ExportResult[];
  /** Data-protection requests (#13): present only when there are some (rights/request-export.ts). */
  rightsRequests?: RightsRequest[];
}

/** What `buildExport` takes: the stores' contents. A whole ExportDocument fits too. */
export interface ExportData {
  addresses: readonly WatchedAddress[];
  breaches: readonly Breach[];
  exposures: readonly Exposure[];
  notices: readonly ManualNotice[];
  siteAlerts: readonly SiteAlertRecord[];
  runs: readonly ExportRun[];
  results: readonly ExportResult[];
  rightsRequests?: readonly RightsRequest[];
}

export type ExportCounts = Record<(typeof LISTS)[number], number> & { rightsRequests?: number };

export type ImportOutcome = { ok: true; doc: ExportDocument; counts: ExportCounts } | { ok: false; message: string };

const LISTS = ['addresses', 'breaches', 'exposures', 'notices', 'siteAlerts', 'runs', 'results'] as const;
const TOP_LEVEL_KEYS: ReadonlySet<string> = new Set(['format', 'version', ...LISTS, REQUESTS_SECTION]);

const STATES = ['new', 'acknowledged', 'resolved'] as const satisfies readonly ExposureState[];
const OUTCOMES = ['clean', 'breached', 'failed'] as const;
const TRIGGERS = ['manual', 'scheduled', 'context-menu'] as const;
const FAILURE_KINDS = [
  'unauthorized',
  'forbidden',
  'bad-request',
  'rate-limited',
  'unavailable',
  'timeout',
  'network',
  'redirected',
  'malformed',
  'internal',
] as const satisfies readonly ProviderErrorKind[];
// Compile-time guard: a new ProviderErrorKind must be added to FAILURE_KINDS, or imports of
// failures of that kind would be refused.
const _allKinds: Exclude<ProviderErrorKind, (typeof FAILURE_KINDS)[number]> extends never ? true : never = true;
const _allStates: Exclude<ExposureState, (typeof STATES)[number]> extends never ? true : never = true;

// ---------------------------------------------------------------------------------------------
// Reading: every value is `unknown` until a reader has checked it.

/** Text for the user whose words are chosen later, by the caller's Translate. */
type Deferred = (t: Translate) => string;

const words = (key: MessageKey): Deferred => (t) => t(key);

/** A problem in the data. Readers need no Translate: the public functions word it at the end. */
class Invalid extends Error {
  constructor(readonly describe: Deferred) {
    super('invalid export data');
  }
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Own properties only: a missing field must not be found on Object.prototype. */
function field(obj: Json, key: string): unknown {
  return Object.hasOwn(obj, key) ? obj[key] : undefined;
}

/** What was found instead of what was expected. */
function found(value: unknown): Deferred {
  if (value === undefined) return words('importFoundMissing');
  if (value === null) return words('importFoundNull');
  if (typeof value === 'string') {
    const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
    return (t) => t('importFound', JSON.stringify(shown));
  }
  if (typeof value === 'number' || typeof value === 'boolean') return (t) => t('importFound', String(value));
  if (Array.isArray(value)) return words('importFoundList');
  return words('importFoundObject');
}

function invalid(path: string, expectation: Deferred, value: unknown): never {
  const got = found(value);
  throw new Invalid((t) => t('importMustBe', path, expectation(t), got(t)));
}

function readObject(value: unknown, path: string): Json {
  return isObject(value) ? value : invalid(path, words('importExpectObject'), value);
}

function readText(value: unknown, path: string, max = MAX_TEXT_LENGTH): string {
  if (typeof value !== 'string') return invalid(path, words('importExpectText'), value);
  if (value.length > max) throw new Invalid((t) => t('importTextTooLong', path, value.length, max));
  return value;
}

function readKey(value: unknown, path: string): string {
  const text = readText(value, path);
  return text === '' ? invalid(path, words('importExpectNonEmptyText'), value) : text;
}

function readOneOf<T extends string>(value: unknown, path: string, allowed: readonly T[]): T {
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  const list: Deferred = allowed.length > 1
    ? (t) => t('importOneOf', allowed.slice(0, -1).join(', '), allowed[allowed.length - 1] ?? '')
    : () => allowed[0] ?? '';
  return invalid(path, list, value);
}

function readBoolean(value: unknown, path: string): boolean {
  return typeof value === 'boolean' ? value : invalid(path, words('importExpectBoolean'), value);
}

function readTime(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > MAX_TIME) {
    return invalid(path, words('importExpectTime'), value);
  }
  return value;
}

function readTimeOrNull(value: unknown, path: string): number | null {
  return value === null ? null : readTime(value, path);
}

function readCount(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    return invalid(path, words('importExpectCount'), value);
  }
  return value;
}

function readList<T>(value: unknown, path: string, max: number, item: (v: unknown, p: string) => T): T[] {
  if (!Array.isArray(value)) return invalid(path, words('importExpectList'), value);
  if (value.length > max) throw new Invalid((t) => t('importListTooLong', path, value.length, max));
  const out: T[] = [];
  for (let i = 0; i < value.length; i++) out.push(item(value[i], `${path}[${i}]`));
  return out;
}

function readTextList(value: unknown, path: string): string[] {
  return readList(value, path, MAX_LIST_ITEMS, (v, p) => readText(v, p));
}

function readProvider(value: unknown, path: string): ProviderId {
  return readOneOf(value, path, PROVIDER_IDS);
}

/** Text that is a real calendar day: YYYY-MM-DD, or a shorter prefix when allowed. */
function isCalendarDate(text: string, allowPartial: boolean): boolean {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text);
  if (!m) return false;
  if (m[3] === undefined && !allowPartial && m[2] !== undefined) return false;
  const month = m[2] === undefined ? 1 : Number(m[2]);
  if (month < 1 || month > 12) return false;
  if (m[3] === undefined) return true;
  const day = Number(m[3]);
  const ms = Date.UTC(Number(m[1]), month - 1, day);
  return day >= 1 && new Date(ms).getUTCDate() === day;
}

/** Emails are compared as strings everywhere, so only the normalised spelling is accepted. */
class EmailReader {
  /** Verdict per distinct string (a file repeats a handful of addresses many times). */
  private readonly verdicts = new Map<string, ((path: string) => Deferred) | null>();

  read(value: unknown, path: string): string {
    if (typeof value !== 'string') return invalid(path, words('importExpectEmail'), value);
    let verdict = this.verdicts.get(value);
    if (verdict === undefined) {
      verdict = EmailReader.judge(value);
      if (this.verdicts.size < 100_000) this.verdicts.set(value, verdict);
    }
    if (verdict !== null) throw new Invalid(verdict(path));
    return value;
  }

  /** Null for a valid, normalised address; otherwise what to say about it at a path. */
  private static judge(value: string): ((path: string) => Deferred) | null {
    if (value.length > MAX_TEXT_LENGTH) return (path) => (t) => t('importEmailTooLong', path, value.length);
    // Only the verdict is needed here; the reason is worded when (and if) it is shown.
    const result = normaliseEmail(value, silentTranslate);
    const got = found(value);
    if (!result.ok) {
      return (path) => (t) => {
        const reason = normaliseEmail(value, t);
        return t('importEmailInvalid', path, got(t), reason.ok ? '' : reason.message);
      };
    }
    if (result.email !== value) return (path) => (t) => t('importEmailNotNormalised', path, JSON.stringify(result.email), got(t));
    return null;
  }
}

function readFailure(value: unknown, path: string): ProviderFailure | null {
  if (value === null) return null;
  const raw = readObject(value, path);
  const kind = readOneOf(field(raw, 'kind'), `${path}.kind`, FAILURE_KINDS);
  // Optional fields keep their presence, so the file comes back out exactly as it went in.
  const status = field(raw, 'status');
  const retryAfterMs = field(raw, 'retryAfterMs');
  const rayId = field(raw, 'rayId');
  const provider = field(raw, 'provider');
  return {
    kind,
    ...(provider !== undefined ? { provider: readProvider(provider, `${path}.provider`) } : {}),
    ...(status !== undefined ? { status: readCount(status, `${path}.status`) } : {}),
    ...(retryAfterMs !== undefined ? { retryAfterMs: readTime(retryAfterMs, `${path}.retryAfterMs`) } : {}),
    ...(rayId !== undefined ? { rayId: readText(rayId, `${path}.rayId`) } : {}),
    message: readText(field(raw, 'message'), `${path}.message`),
  };
}

function readAddress(value: unknown, path: string, emails: EmailReader): WatchedAddress {
  const raw = readObject(value, path);
  return {
    email: emails.read(field(raw, 'email'), `${path}.email`),
    addedAt: readTime(field(raw, 'addedAt'), `${path}.addedAt`),
    lastCheckedAt: readTimeOrNull(field(raw, 'lastCheckedAt'), `${path}.lastCheckedAt`),
    lastOutcome: field(raw, 'lastOutcome') === null ? null : readOneOf(field(raw, 'lastOutcome'), `${path}.lastOutcome`, OUTCOMES),
    lastFailure: readFailure(field(raw, 'lastFailure'), `${path}.lastFailure`),
  };
}

function readBreachDate(value: unknown, path: string): string | null {
  if (value === null) return null;
  return typeof value === 'string' && isCalendarDate(value, false) ? value : invalid(path, words('importExpectBreachDate'), value);
}

function readAddedDate(value: unknown, path: string): string | null {
  if (value === null) return null;
  const ok = typeof value === 'string' && value.length <= 40 && /^\d{4}-\d{2}-\d{2}T/.test(value) && !Number.isNaN(Date.parse(value));
  return ok ? value : invalid(path, words('importExpectAddedDate'), value);
}

function readLogoUrl(value: unknown, path: string): string | null {
  if (value === null) return null;
  const ok = typeof value === 'string' && value.length <= MAX_TEXT_LENGTH && isHttpUrl(value);
  return ok ? value : invalid(path, words('importExpectLogoUrl'), value);
}

function readFlags(value: unknown, path: string): BreachFlags {
  const raw = readObject(value, path);
  const flag = (key: keyof BreachFlags): boolean => readBoolean(field(raw, key), `${path}.${key}`);
  return {
    verified: flag('verified'),
    fabricated: flag('fabricated'),
    sensitive: flag('sensitive'),
    retired: flag('retired'),
    spamList: flag('spamList'),
    malware: flag('malware'),
    stealerLog: flag('stealerLog'),
  };
}

function readBreach(value: unknown, path: string): Breach {
  const raw = readObject(value, path);
  const pwnCount = field(raw, 'pwnCount');
  return {
    id: readKey(field(raw, 'id'), `${path}.id`),
    provider: readProvider(field(raw, 'provider'), `${path}.provider`),
    title: readText(field(raw, 'title'), `${path}.title`),
    domain: readText(field(raw, 'domain'), `${path}.domain`),
    breachDate: readBreachDate(field(raw, 'breachDate'), `${path}.breachDate`),
    addedDate: readAddedDate(field(raw, 'addedDate'), `${path}.addedDate`),
    pwnCount: pwnCount === null ? null : readCount(pwnCount, `${path}.pwnCount`),
    description: readText(field(raw, 'description'), `${path}.description`, MAX_DESCRIPTION_LENGTH),
    dataClasses: readTextList(field(raw, 'dataClasses'), `${path}.dataClasses`),
    logoUrl: readLogoUrl(field(raw, 'logoUrl'), `${path}.logoUrl`),
    flags: readFlags(field(raw, 'flags'), `${path}.flags`),
  };
}

/** Logos end up in <img src>: nothing but http(s) gets through, as when a provider sends them. */
function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/**
 * The ticked "What to do" steps: optional (files from before checklists have none, and an entry
 * never ticked has none), sorted and without repeats so the same ticks always export the same.
 */
function readSteps(raw: Json, path: string): { steps?: string[] } {
  if (!Object.hasOwn(raw, 'steps')) return {};
  const steps = readList(field(raw, 'steps'), `${path}.steps`, 100, (v, p) =>
    typeof v === 'string' && STEP_ID.test(v) ? v : invalid(p, words('importExpectStepId'), v),
  );
  return { steps: [...new Set(steps)].sort() };
}

function readSource(value: unknown, path: string): ExposureSource {
  const raw = readObject(value, path);
  return { provider: readProvider(field(raw, 'provider'), `${path}.provider`), breachId: readKey(field(raw, 'breachId'), `${path}.breachId`) };
}

function readExposure(value: unknown, path: string, emails: EmailReader, version: number): Exposure {
  const raw = readObject(value, path);
  return {
    email: emails.read(field(raw, 'email'), `${path}.email`),
    provider: readProvider(field(raw, 'provider'), `${path}.provider`),
    breachId: readKey(field(raw, 'breachId'), `${path}.breachId`),
    // Version 1 knew one provider per exposure.
    also: version < 2 ? [] : readList(field(raw, 'also'), `${path}.also`, MAX_LIST_ITEMS, readSource),
    firstSeen: readTime(field(raw, 'firstSeen'), `${path}.firstSeen`),
    lastSeen: readTime(field(raw, 'lastSeen'), `${path}.lastSeen`),
    state: readOneOf(field(raw, 'state'), `${path}.state`, STATES),
    stateChangedAt: readTime(field(raw, 'stateChangedAt'), `${path}.stateChangedAt`),
    note: readText(field(raw, 'note'), `${path}.note`),
    ...readSteps(raw, path),
  };
}

function readNoticeDate(value: unknown, path: string): string {
  return typeof value === 'string' && isCalendarDate(value, true) ? value : invalid(path, words('importExpectNoticeDate'), value);
}

function readNotice(value: unknown, path: string, emails: EmailReader): ManualNotice {
  const raw = readObject(value, path);
  return {
    id: readKey(field(raw, 'id'), `${path}.id`),
    email: emails.read(field(raw, 'email'), `${path}.email`),
    organisation: readText(field(raw, 'organisation'), `${path}.organisation`),
    site: readText(field(raw, 'site'), `${path}.site`),
    date: readNoticeDate(field(raw, 'date'), `${path}.date`),
    dataClasses: readTextList(field(raw, 'dataClasses'), `${path}.dataClasses`),
    note: readText(field(raw, 'note'), `${path}.note`),
    createdAt: readTime(field(raw, 'createdAt'), `${path}.createdAt`),
    state: readOneOf(field(raw, 'state'), `${path}.state`, STATES),
    stateChangedAt: readTime(field(raw, 'stateChangedAt'), `${path}.stateChangedAt`),
    ...readSteps(raw, path),
  };
}

function readSiteAlert(value: unknown, path: string, emails: EmailReader): SiteAlertRecord {
  const raw = readObject(value, path);
  return {
    id: readKey(field(raw, 'id'), `${path}.id`),
    host: readText(field(raw, 'host'), `${path}.host`),
    breachIds: readTextList(field(raw, 'breachIds'), `${path}.breachIds`),
    provider: readProvider(field(raw, 'provider'), `${path}.provider`),
    shownAt: readTime(field(raw, 'shownAt'), `${path}.shownAt`),
    emails: readList(field(raw, 'emails'), `${path}.emails`, MAX_LIST_ITEMS, (v, p) => emails.read(v, p)),
  };
}

function readRun(value: unknown, path: string, emails: EmailReader): ExportRun {
  const raw = readObject(value, path);
  const run: ExportRun = {
    id: readKey(field(raw, 'id'), `${path}.id`),
    provider: readProvider(field(raw, 'provider'), `${path}.provider`),
    trigger: readOneOf(field(raw, 'trigger'), `${path}.trigger`, TRIGGERS),
    startedAt: readTime(field(raw, 'startedAt'), `${path}.startedAt`),
    finishedAt: readTimeOrNull(field(raw, 'finishedAt'), `${path}.finishedAt`),
    emails: readList(field(raw, 'emails'), `${path}.emails`, MAX_LIST_ITEMS, (v, p) => emails.read(v, p)),
  };
  const notifiedAt = field(raw, 'notifiedAt');
  if (notifiedAt !== undefined) run.notifiedAt = readTimeOrNull(notifiedAt, `${path}.notifiedAt`);
  return run;
}

function readResult(value: unknown, path: string, emails: EmailReader): ExportResult {
  const raw = readObject(value, path);
  return {
    runId: readKey(field(raw, 'runId'), `${path}.runId`),
    email: emails.read(field(raw, 'email'), `${path}.email`),
    at: readTime(field(raw, 'at'), `${path}.at`),
    outcome: readOneOf(field(raw, 'outcome'), `${path}.outcome`, OUTCOMES),
    breachIds: readTextList(field(raw, 'breachIds'), `${path}.breachIds`),
    newBreachIds: readTextList(field(raw, 'newBreachIds'), `${path}.newBreachIds`),
    failure: readFailure(field(raw, 'failure'), `${path}.failure`),
  };
}

// ---------------------------------------------------------------------------------------------
// Keys and order.

const SEP = '\u0000';
const addressKey = (a: WatchedAddress): string => a.email;
const breachKey = (b: Pick<Breach, 'provider' | 'id'>): string => `${b.provider}${SEP}${b.id}`;
const exposureKey = (e: Exposure): string => `${e.email}${SEP}${e.provider}${SEP}${e.breachId}`;
const idKey = (r: { id: string }): string => r.id;
const resultKey = (r: ExportResult): string => `${r.runId}${SEP}${r.email}`;

/**
 * Code-unit order, not localeCompare: the order must not depend on the browser's locale. The
 * separator sorts below every other character, so composite keys order field by field.
 */
function byKey<T>(key: (item: T) => string): (a: T, b: T) => number {
  return (a, b) => {
    const x = key(a);
    const y = key(b);
    return x < y ? -1 : x > y ? 1 : 0;
  };
}

function sortedBy<T>(items: readonly T[], key: (item: T) => string): T[] {
  // Decorate once: computing composite keys inside the comparator would allocate n log n strings.
  return items
    .map((item) => ({ item, k: key(item) }))
    .sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : 0))
    .map((d) => d.item);
}

function checkUnique<T>(items: readonly T[], list: string, key: (item: T) => string, what: MessageKey): void {
  const first = new Map<string, number>();
  items.forEach((item, i) => {
    const k = key(item);
    const earlier = first.get(k);
    if (earlier !== undefined) throw new Invalid((t) => t('importRepeats', `${list}[${i}]`, `${list}[${earlier}]`, t(what)));
    first.set(k, i);
  });
}

/**
 * Checks a whole document of the given version and returns fresh records, in today's shape, in
 * canonical key order and list order.
 */
function readDocument(value: unknown, version: number = EXPORT_VERSION): ExportDocument {
  if (!isObject(value)) {
    const got = found(value);
    throw new Invalid((t) => t('importMustBe', t('importTheFile'), t('importExpectObject'), got(t)));
  }
  const root = value;
  const emails = new EmailReader();
  const list = <T>(name: (typeof LISTS)[number], item: (v: unknown, p: string) => T): T[] =>
    readList(field(root, name), name, MAX_RECORDS, item);

  const addresses = list('addresses', (v, p) => readAddress(v, p, emails));
  const breaches = list('breaches', readBreach);
  const exposures = list('exposures', (v, p) => readExposure(v, p, emails, version));
  const notices = list('notices', (v, p) => readNotice(v, p, emails));
  const siteAlerts = list('siteAlerts', (v, p) => readSiteAlert(v, p, emails));
  const runs = list('runs', (v, p) => readRun(v, p, emails));
  const results = list('results', (v, p) => readResult(v, p, emails));

  checkUnique(addresses, 'addresses', addressKey, 'importSameEmail');
  checkUnique(breaches, 'breaches', breachKey, 'importSameProviderAndId');
  checkUnique(exposures, 'exposures', exposureKey, 'importSameExposure');
  checkUnique(notices, 'notices', idKey, 'importSameId');
  checkUnique(siteAlerts, 'siteAlerts', idKey, 'importSameId');
  checkUnique(runs, 'runs', idKey, 'importSameId');
  checkUnique(results, 'results', resultKey, 'importSameResult');

  const watched = new Set(addresses.map(addressKey));
  exposures.forEach((e, i) => {
    if (!watched.has(e.email)) throw new Invalid((t) => t('importNotWatched', `exposures[${i}].email`, JSON.stringify(e.email)));
  });
  notices.forEach((n, i) => {
    if (!watched.has(n.email)) throw new Invalid((t) => t('importNotWatched', `notices[${i}].email`, JSON.stringify(n.email)));
  });

  const requests = readRequests(field(root, REQUESTS_SECTION), watched);
  if (!requests.ok) throw new Invalid(requests.describe);

  return canonical({ format: EXPORT_FORMAT, version: EXPORT_VERSION, addresses, breaches, exposures, notices, siteAlerts, runs, results, rightsRequests: requests.requests });
}

function canonical(doc: ExportDocument): ExportDocument {
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    addresses: sortedBy(doc.addresses, addressKey),
    breaches: sortedBy(doc.breaches, breachKey),
    exposures: sortedBy(doc.exposures, exposureKey),
    notices: sortedBy(doc.notices, idKey),
    siteAlerts: sortedBy(doc.siteAlerts, idKey),
    runs: sortedBy(doc.runs, idKey),
    results: sortedBy(doc.results, resultKey),
    ...requestsSection(doc.rightsRequests),
  };
}

function countsOf(doc: ExportDocument): ExportCounts {
  return {
    addresses: doc.addresses.length,
    breaches: doc.breaches.length,
    exposures: doc.exposures.length,
    notices: doc.notices.length,
    siteAlerts: doc.siteAlerts.length,
    runs: doc.runs.length,
    results: doc.results.length,
    ...(doc.rightsRequests?.length ? { rightsRequests: doc.rightsRequests.length } : {}),
  };
}

// ---------------------------------------------------------------------------------------------
// Public API.

export function emptyExport(): ExportDocument {
  return { format: EXPORT_FORMAT, version: EXPORT_VERSION, addresses: [], breaches: [], exposures: [], notices: [], siteAlerts: [], runs: [], results: [] };
}

/**
 * Checks data by the same rules as an import; null when it is a valid export, otherwise the
 * first problem found.
 */
export function validateExport(data: ExportData, t: Translate): string | null {
  try {
    readDocument(data);
    return null;
  } catch (err) {
    if (err instanceof Invalid) return err.describe(t);
    throw err;
  }
}

/**
 * The export file's text. Deterministic: the same data always gives the same bytes, whatever the
 * order of the input lists or of the fields in its records. Fields outside the model are left
 * out. Throws when the data would not pass `parseImport`: a backup that cannot be restored is
 * worse than a failed export the user sees at once.
 */
export function buildExport(data: ExportData, t: Translate): string {
  let doc: ExportDocument;
  try {
    doc = readDocument(data);
  } catch (err) {
    if (err instanceof Invalid) throw new Error(t('exportNotWritten', err.describe(t)));
    throw err;
  }
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** UTF-8 length without encoding the text; stops counting once past `limit`. */
function utf8Length(text: string, limit: number): number {
  let bytes = 0;
  for (let i = 0; i < text.length && bytes <= limit; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i += 1;
    } else bytes += 3;
  }
  return bytes;
}

function megabytes(bytes: number): string {
  // Rounded up, so a file just over the limit never reads as "40.0 MB" against a 40 MB limit.
  const mb = Math.ceil((bytes / (1024 * 1024)) * 10) / 10;
  return `${Number.isInteger(mb) ? mb.toFixed(0) : mb.toFixed(1)} MB`;
}

/** What JSON.parse objected to and where, in words; engines word their messages differently. */
function jsonErrorDetail(text: string, err: unknown, t: Translate): string {
  let what = (err instanceof Error ? err.message : String(err)).replace(/^JSON\.parse: /, '');
  let where = '';
  // V8: "… in JSON at position 6" (newer: "… at position 6 (line 1 column 7)").
  const v8 = /\s*in JSON at position (\d+)(?: \(line \d+ column \d+\))?/.exec(what);
  if (v8?.[1] !== undefined) {
    const offset = Number(v8[1]);
    const before = text.slice(0, offset);
    const line = before.split('\n').length;
    const column = offset - before.lastIndexOf('\n');
    where = t('importJsonAtPosition', line, column, offset);
    what = what.replace(v8[0], '');
  }
  // SpiderMonkey: "… at line 1 column 7 of the JSON data".
  const sm = /\s*at line (\d+) column (\d+) of the JSON data/.exec(what);
  if (sm) {
    where = t('importJsonAt', sm[1] ?? '', sm[2] ?? '');
    what = what.replace(sm[0], '');
  }
  // V8 quotes the start of the text ('Unexpected token 'x', "xxxx"... is not valid JSON'): the
  // user has the file, and it may be long. The engine's own words stay as the engine wrote them.
  what = what.replace(/, ".*"(\.\.\.)? is not valid JSON$/s, '').trim();
  what = what.charAt(0).toLowerCase() + what.slice(1);
  return [what, where].filter((s) => s !== '').join(' ') || t('importJsonUnreadable');
}

/** Reads an export file. Nothing is trusted: see the module comment. */
export function parseImport(text: string, t: Translate, maxBytes = MAX_IMPORT_BYTES): ImportOutcome {
  const bytes = utf8Length(text, maxBytes);
  if (bytes > maxBytes) {
    return { ok: false, message: t('importTooLarge', megabytes(utf8Length(text, Infinity)), megabytes(maxBytes)) };
  }
  const body = text.startsWith('\ufeff') ? text.slice(1) : text; // editors on Windows add a BOM
  if (body.trim() === '') return { ok: false, message: t('importEmpty') };
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (err) {
    return { ok: false, message: t('importNotJson', jsonErrorDetail(body, err, t)) };
  }
  if (!isObject(json)) return { ok: false, message: t('importNotAnObject') };
  if (field(json, 'format') !== EXPORT_FORMAT) return { ok: false, message: t('importNotAnExport') };
  const version = field(json, 'version');
  if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 1) {
    return { ok: false, message: t('importBadVersion', found(version)(t)) };
  }
  if (version > EXPORT_VERSION) {
    return { ok: false, message: t('importNewerVersion', version) };
  }
  // A list this version does not know would be dropped without a word; refuse instead.
  const unknown = Object.keys(json).find((k) => !TOP_LEVEL_KEYS.has(k));
  if (unknown !== undefined) {
    return { ok: false, message: t('importUnknownSection', JSON.stringify(unknown)) };
  }
  try {
    const doc = readDocument(json, version);
    return { ok: true, doc, counts: countsOf(doc) };
  } catch (err) {
    if (err instanceof Invalid) return { ok: false, message: err.describe(t) };
    throw err;
  }
}

function later<T>(a: T, b: T, at: (x: T) => number | null): T {
  // Existing (a) wins ties and when neither has a time: an import never overrides for nothing.
  const ta = at(a);
  const tb = at(b);
  return tb !== null && (ta === null || tb > ta) ? b : a;
}

function addedTime(b: Breach): number | null {
  if (b.addedDate === null) return null;
  const ms = Date.parse(b.addedDate);
  return Number.isNaN(ms) ? null : ms;
}

function mergeBy<T>(existing: readonly T[], incoming: readonly T[], key: (item: T) => string, merge: (a: T, b: T) => T): T[] {
  const out = new Map<string, T>();
  for (const item of existing) out.set(key(item), item);
  for (const item of incoming) {
    const k = key(item);
    const have = out.get(k);
    out.set(k, have === undefined ? item : merge(have, item));
  }
  return [...out.values()];
}

const keepExisting = <T>(a: T): T => a;

/** Ticked steps from both sides: a step done on either copy is done. */
function mergedSteps(a: readonly string[] | undefined, b: readonly string[] | undefined): { steps?: string[] } {
  return a === undefined && b === undefined ? {} : { steps: [...new Set([...(a ?? []), ...(b ?? [])])].sort() };
}

/**
 * Records that are one incident become one: a file of version 1 holds one record per provider,
 * and two browsers may have first seen an incident at different providers.
 */
function mergeIncidents(exposures: readonly Exposure[], breaches: readonly Breach[]): Exposure[] {
  const records = new Map(breaches.map((b) => [breachKey(b), b]));
  return collapseIncidents(exposures, (s) => records.get(breachKey({ provider: s.provider, id: s.breachId })) ?? null);
}

/**
 * Merges an imported document into the existing data, record by record:
 * - addresses: the earliest `addedAt`; the later `lastCheckedAt` with its outcome and failure;
 * - breaches: the incoming record replaces the existing one only when it has an `addedDate` and
 *   the existing one has none or an earlier one (provider data does not change otherwise, and the
 *   copy already here is at least as fresh);
 * - exposures: the earliest `firstSeen` and the latest `lastSeen`; state, note and
 *   `stateChangedAt` together from whichever changed state later; every provider's name for the
 *   incident; then records of one incident under different names are combined (collapseIncidents);
 * - notices: the whole record with the later `stateChangedAt`;
 * - ticked steps (exposures and notices): the union of both, a step done on either copy being done;
 * - site alerts, runs and results: history, written once; the existing record is kept.
 * Ties keep the existing record. Lists come back in export order; no record is changed in place.
 */
export function mergeImport(existing: ExportDocument, incoming: ExportDocument): ExportDocument {
  return canonical({
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    addresses: mergeBy(existing.addresses, incoming.addresses, addressKey, (a, b) => {
      const checked = later(a, b, (x) => x.lastCheckedAt);
      return {
        email: a.email,
        addedAt: Math.min(a.addedAt, b.addedAt),
        lastCheckedAt: checked.lastCheckedAt,
        lastOutcome: checked.lastOutcome,
        lastFailure: checked.lastFailure,
      };
    }),
    breaches: mergeBy(existing.breaches, incoming.breaches, breachKey, (a, b) => later(a, b, addedTime)),
    exposures: mergeIncidents(mergeBy(existing.exposures, incoming.exposures, exposureKey, (a, b) => {
      const decided = later(a, b, (x) => x.stateChangedAt);
      return {
        email: a.email,
        provider: a.provider,
        breachId: a.breachId,
        also: [...a.also, ...b.also.filter((s) => !a.also.some((x) => x.provider === s.provider && x.breachId === s.breachId))],
        firstSeen: Math.min(a.firstSeen, b.firstSeen),
        lastSeen: Math.max(a.lastSeen, b.lastSeen),
        state: decided.state,
        stateChangedAt: decided.stateChangedAt,
        note: decided.note,
        ...mergedSteps(a.steps, b.steps),
      };
    }), [...existing.breaches, ...incoming.breaches]),
    notices: mergeBy(existing.notices, incoming.notices, idKey, (a, b) => ({ ...later(a, b, (x) => x.stateChangedAt), ...mergedSteps(a.steps, b.steps) })),
    siteAlerts: mergeBy(existing.siteAlerts, incoming.siteAlerts, idKey, keepExisting),
    runs: mergeBy(existing.runs, incoming.runs, idKey, keepExisting),
    results: mergeBy(existing.results, incoming.results, resultKey, keepExisting),
    rightsRequests: mergeRequests(existing.rightsRequests, incoming.rightsRequests),
  });
}

// ---------------------------------------------------------------------------------------------
// CSV.

export const CSV_HEADER = [
  'email',
  'source',
  'breach id',
  'title',
  'domain',
  'breach date',
  'first seen',
  'last seen',
  'state',
  'state changed',
  'note',
  'data classes',
] as const;

export type CsvSource = Pick<ExportData, 'exposures' | 'breaches' | 'notices' | 'rightsRequests'>;

/**
 * One spreadsheet cell. A cell that starts with = + - @ tab or CR is a formula to Excel and
 * LibreOffice (CSV injection: a breach title or note could run a command or leak data), so it is
 * prefixed with a single quote. Then RFC 4180 quoting.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function iso(ms: number): string {
  return Number.isFinite(ms) && Math.abs(ms) <= MAX_TIME ? new Date(ms).toISOString() : '';
}

/**
 * One row per exposure — an incident: its source names every provider that reports it, its breach
 * id the first one's — and one per manual notice (source "manual", the notice's id in the
 * breach id column and no "last seen"), ordered by email, source and id. CRLF line ends, a CRLF
 * after the last row, and no byte-order mark (prepend "\ufeff" if Excel must detect UTF-8).
 */
export function buildCsv(data: CsvSource): string {
  const breaches = new Map(data.breaches.map((b) => [breachKey(b), b]));
  const rows: { key: string; cells: string[] }[] = [];
  for (const e of data.exposures) {
    const breach = breaches.get(breachKey({ provider: e.provider, id: e.breachId }));
    rows.push({
      key: `${e.email}${SEP}${e.provider}${SEP}${e.breachId}`,
      cells: [
        e.email,
        reportedBy(e).join('; '),
        e.breachId,
        breach?.title ?? e.breachId,
        breach?.domain ?? '',
        breach?.breachDate ?? '',
        iso(e.firstSeen),
        iso(e.lastSeen),
        e.state,
        iso(e.stateChangedAt),
        e.note,
        (breach?.dataClasses ?? []).join('; '),
      ],
    });
  }
  for (const n of data.notices) {
    rows.push({
      key: `${n.email}${SEP}manual${SEP}${n.id}`,
      cells: [n.email, 'manual', n.id, n.organisation, n.site, n.date, iso(n.createdAt), '', n.state, iso(n.stateChangedAt), n.note, n.dataClasses.join('; ')],
    });
  }
  for (const r of data.rightsRequests ?? []) rows.push(requestCsvRow(r, iso));
  rows.sort(byKey((r) => r.key));
  const lines = [CSV_HEADER.map(csvCell).join(','), ...rows.map((r) => r.cells.map(csvCell).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}
