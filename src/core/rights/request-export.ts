/**
 * Data-protection requests in the export file (#13 item 4): the `rightsRequests` list, read with
 * the same promises as the rest of the file (export-format.ts) — every field checked, a problem
 * reported with the path to it in the user's language, only known fields kept, a fixed field
 * order so that export → delete everything → import gives the same bytes.
 *
 * The list is written only when there are requests, so a history without any exports exactly as
 * before, and files from before requests existed read as they did.
 */
import * as v from 'valibot';
import { PROVIDER_IDS } from '../breach';
import { normaliseEmail } from '../email';
import { silentTranslate, type MessageKey, type Translate } from '../i18n';
import { parseLocalDate } from './deadline';
import { LAWS, type LawId } from './laws';
import type { RightsRequest } from './request';

export const REQUESTS_SECTION = 'rightsRequests';

/** Text for the user, worded later by the caller's Translate (as export-format.ts defers it). */
type Deferred = (t: Translate) => string;

const MAX_REQUESTS = 100_000;
const MAX_TEXT = 10_000;
const MAX_TIME = 8_640_000_000_000_000;

const text = (max = MAX_TEXT) => v.pipe(v.string('importExpectText'), v.maxLength(max, 'importExpectShorterText'));
const localDate = v.pipe(v.string('importExpectLocalDate'), v.check((s) => parseLocalDate(s) !== null, 'importExpectLocalDate'));
const time = v.pipe(v.number('importExpectTime'), v.finite('importExpectTime'), v.minValue(0, 'importExpectTime'), v.maxValue(MAX_TIME, 'importExpectTime'));
const isNormalisedEmail = (s: string) => {
  const checked = normaliseEmail(s, silentTranslate);
  return checked.ok && checked.email === s;
};

/** `breach\0email\0provider\0id` (the address the record's own) or `notice\0id`. */
function isEntryKeyOf(entry: string, email: string): boolean {
  const parts = entry.split('\u0000');
  if (parts[0] === 'notice') return parts.length === 2 && parts[1] !== '';
  return parts.length === 4 && parts[0] === 'breach' && parts[1] === email && (PROVIDER_IDS as readonly string[]).includes(parts[2]!) && parts[3] !== '';
}

const LAW_IDS = LAWS.map((l) => l.id) as [LawId, ...LawId[]];

const RequestSchema = v.pipe(
  v.object(
    {
      entry: text(),
      email: v.pipe(v.string('importExpectEmail'), v.check(isNormalisedEmail, 'importExpectNormalisedEmail')),
      organisation: text(),
      law: v.picklist(LAW_IDS, 'importExpectLaw'),
      sentOn: localDate,
      extensionMonths: v.pipe(v.number('importExpectExtension'), v.integer('importExpectExtension'), v.minValue(0, 'importExpectExtension'), v.maxValue(2, 'importExpectExtension')),
      answeredOn: v.nullable(localDate),
      note: text(),
      closedOn: v.nullable(localDate),
      createdAt: time,
      changedAt: time,
      notifiedDue: v.nullable(localDate),
    },
    'importExpectObject',
  ),
  v.forward(v.check((r) => isEntryKeyOf(r.entry, r.email), 'importExpectRequestEntry'), ['entry']),
);

/** What each field must be, for a record that lacks it. */
const MISSING: Readonly<Record<keyof RightsRequest, MessageKey>> = {
  entry: 'importExpectText',
  email: 'importExpectEmail',
  organisation: 'importExpectText',
  law: 'importExpectLaw',
  sentOn: 'importExpectLocalDate',
  extensionMonths: 'importExpectExtension',
  answeredOn: 'importExpectLocalDate',
  note: 'importExpectText',
  closedOn: 'importExpectLocalDate',
  createdAt: 'importExpectTime',
  changedAt: 'importExpectTime',
  notifiedDue: 'importExpectLocalDate',
};

const ListSchema = v.pipe(v.array(RequestSchema, 'importExpectList'), v.maxLength(MAX_REQUESTS, 'importTooManyRequests'));

/** What was found instead of what was expected (the words of export-format.ts's own checks). */
function found(value: unknown): Deferred {
  if (value === undefined) return (t) => t('importFoundMissing');
  if (value === null) return (t) => t('importFoundNull');
  if (typeof value === 'string') return (t) => t('importFound', JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value));
  if (typeof value === 'number' || typeof value === 'boolean') return (t) => t('importFound', String(value));
  return (t) => t(Array.isArray(value) ? 'importFoundList' : 'importFoundObject');
}

/** `rightsRequests[3].sentOn` from valibot's path. */
function pathOf(issue: v.BaseIssue<unknown>): string {
  let path = REQUESTS_SECTION;
  for (const item of issue.path ?? []) path += typeof item.key === 'number' ? `[${item.key}]` : `.${String(item.key)}`;
  return path;
}

export type RequestsReading = { ok: true; requests: RightsRequest[] } | { ok: false; describe: Deferred };

/**
 * Reads the list (absent = none). `watched` are the file's addresses: a request about an address
 * the file does not hold is refused, as notices are.
 */
export function readRequests(value: unknown, watched: ReadonlySet<string>): RequestsReading {
  if (value === undefined) return { ok: true, requests: [] };
  const parsed = v.safeParse(ListSchema, value, { abortEarly: true });
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const path = pathOf(issue);
    // The value at the path: a check forwarded to a field (entry) has the whole record as input.
    const last = issue.path?.at(-1);
    const got = found(last ? last.value : issue.input);
    // A missing field is reported by valibot as the object's issue: say what the field must be.
    const field = issue.path?.at(-1)?.key;
    const missing = issue.type === 'object' && typeof field === 'string' ? MISSING[field as keyof RightsRequest] : undefined;
    const expected = (missing ?? issue.message) as MessageKey;
    return { ok: false, describe: (t) => t('importMustBe', path, t(expected), got(t)) };
  }
  const seen = new Map<string, number>();
  for (const [i, r] of parsed.output.entries()) {
    if (!watched.has(r.email)) return { ok: false, describe: (t) => t('importNotWatched', `${REQUESTS_SECTION}[${i}].email`, JSON.stringify(r.email)) };
    const earlier = seen.get(r.entry);
    if (earlier !== undefined) return { ok: false, describe: (t) => t('importRepeats', `${REQUESTS_SECTION}[${i}]`, `${REQUESTS_SECTION}[${earlier}]`, t('importSameEntry')) };
    seen.set(r.entry, i);
  }
  // Fresh objects in one field order (the schema's), sorted by entry: the same data, the same bytes.
  return { ok: true, requests: sortRequests(parsed.output.map((r) => ({ ...r }))) };
}

const sortRequests = (list: RightsRequest[]) => list.sort((a, b) => (a.entry < b.entry ? -1 : a.entry > b.entry ? 1 : 0));

/** The section as the file holds it: present only when there are requests. */
export function requestsSection(requests: readonly RightsRequest[] | undefined): { rightsRequests?: RightsRequest[] } {
  return requests && requests.length > 0 ? { rightsRequests: sortRequests([...requests]) } : {};
}

/** Merging an import: per entry, the record changed last wins (ties keep the one stored here). */
export function mergeRequests(existing: readonly RightsRequest[] = [], incoming: readonly RightsRequest[] = []): RightsRequest[] {
  const out = new Map(existing.map((r) => [r.entry, r]));
  for (const r of incoming) {
    const have = out.get(r.entry);
    if (!have || r.changedAt > have.changedAt) out.set(r.entry, r);
  }
  return [...out.values()];
}

/**
 * A request's CSV row, in export-format.ts's columns: source "request", the entry's breach or
 * notice id, the organisation, the day it was sent in the date column, its state (sent, answered
 * or closed: what was recorded, so the same data gives the same file whatever the day; whether
 * it is overdue is the history page's to say) and the note. `iso` writes times as the other rows do.
 */
export function requestCsvRow(r: RightsRequest, iso: (ms: number) => string): { key: string; cells: string[] } {
  const state = r.answeredOn !== null ? 'answered' : r.closedOn !== null ? 'closed' : 'sent';
  const id = r.entry.split('\u0000').at(-1) ?? '';
  return {
    key: `${r.email}\u0000request\u0000${r.entry}`,
    cells: [r.email, 'request', id, r.organisation, '', r.sentOn, iso(r.createdAt), '', state, iso(r.changedAt), r.note, ''],
  };
}
