/**
 * Data-protection requests in the export file (#13 item 4): the optional `rightsRequests` list,
 * written only when there are requests, so a history without any exports exactly as before and
 * files from before requests existed read as they did. Merged per entry (see `mergeRequests`).
 */
import * as v from 'valibot';
import { PROVIDER_IDS } from '../../breach';
import type { Translate } from '../../i18n';
import { parseLocalDate } from '../../rights/deadline';
import { LAWS, type LawId } from '../../rights/laws';
import type { RightsRequest } from '../../rights/request';
import { foundWords, oneOf, record, words } from '../../schema-kit';
import { email, list, text, textWhere, time } from '../fields';
import { MAX_RECORDS } from '../format';
import { SEP, byKey } from '../keys';

const localDate = textWhere((s) => parseLocalDate(s) !== null, words('importExpectLocalDate'));

const requestSchema = record(
  {
    entry: text(),
    email,
    organisation: text(),
    law: oneOf(LAWS.map((l) => l.id) as [LawId, ...LawId[]]),
    sentOn: localDate,
    extensionMonths: v.custom<number>((n) => n === 0 || n === 1 || n === 2, words('importExpectExtension')),
    answeredOn: v.nullable(localDate),
    note: text(),
    closedOn: v.nullable(localDate),
    createdAt: time,
    changedAt: time,
    notifiedDue: v.nullable(localDate),
  },
  words('importExpectObject'),
) satisfies v.GenericSchema<unknown, RightsRequest>;

export const requestsSchema = v.optional(list(requestSchema, MAX_RECORDS));

/** `breach\0email\0provider\0id` (of the request's own address) or `notice\0id`. */
function isEntryKeyOf(entry: string, address: string): boolean {
  const parts = entry.split(SEP);
  if (parts[0] === 'notice') return parts.length === 2 && parts[1] !== '';
  return parts.length === 4 && parts[1] === address && (PROVIDER_IDS as readonly string[]).includes(parts[2] ?? '') && parts[3] !== '';
}

/** What no one field shows: an entry key of another address, a stranger, a second request for one entry. */
export function requestsProblem(requests: readonly RightsRequest[], watched: ReadonlySet<string>): ((t: Translate) => string) | null {
  const seen = new Map<string, number>();
  for (const [i, r] of requests.entries()) {
    const at = `rightsRequests[${i}]`;
    if (!isEntryKeyOf(r.entry, r.email)) return (t) => t('importMustBe', `${at}.entry`, t('importExpectRequestEntry'), foundWords(r.entry, t));
    if (!watched.has(r.email)) return (t) => t('importNotWatched', `${at}.email`, JSON.stringify(r.email));
    const earlier = seen.get(r.entry);
    if (earlier !== undefined) return (t) => t('importRepeats', at, `rightsRequests[${earlier}]`, t('importSameEntry'));
    seen.set(r.entry, i);
  }
  return null;
}

/** The list as the file holds it: sorted by entry, and left out when empty. */
export function requestsPart(requests: readonly RightsRequest[] | undefined): { rightsRequests?: RightsRequest[] } {
  return requests && requests.length > 0 ? { rightsRequests: [...requests].sort(byKey((r) => r.entry)) } : {};
}

/** Merging an import: per entry, the record changed last wins (ties keep the one stored here). */
export function mergeRequests(existing: readonly RightsRequest[] = [], incoming: readonly RightsRequest[] = []): { rightsRequests?: RightsRequest[] } {
  const out = new Map(existing.map((r) => [r.entry, r]));
  for (const r of incoming) {
    const have = out.get(r.entry);
    if (!have || r.changedAt > have.changedAt) out.set(r.entry, r);
  }
  return requestsPart([...out.values()]);
}

/**
 * A request's CSV row: source "request", the entry's breach or notice id, the organisation, the
 * day it was sent in the date column, its state (sent, answered or closed: what was recorded, so
 * the same data gives the same file whatever the day; whether it is overdue is the history page's
 * to say) and the note. `iso` writes times as the other rows do.
 */
export function requestCsvRow(r: RightsRequest, iso: (ms: number) => string): { key: string; cells: string[] } {
  const state = r.answeredOn !== null ? 'answered' : r.closedOn !== null ? 'closed' : 'sent';
  return {
    key: `${r.email}${SEP}request${SEP}${r.entry}`,
    cells: [r.email, 'request', r.entry.split(SEP).at(-1) ?? '', r.organisation, '', r.sentOn, iso(r.createdAt), '', state, iso(r.changedAt), r.note, ''],
  };
}
