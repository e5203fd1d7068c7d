/**
 * XposedOrNot (free, no key). One `breach-analytics` request answers both "is this address in a
 * breach?" and "which breaches, with what details?", which matters under its 25-per-hour limit.
 */
import type { Breach, CheckOutcome } from '../core/breach';
import { NO_FLAGS } from '../core/breach';
import { requestJson } from './http-client';
import * as v from 'valibot';
import { malformed } from '../core/provider-error';
import { isPlainObject } from '../core/json-value';
import { plainObject, record } from '../core/schema-kit';
import {
  breachDate,
  count,
  dataClassText,
  dataClasses,
  domain,
  httpUrl,
  parseCatalogEntries,
  readAnswer,
  requiredText,
  text,
  timestamp,
  uniqueById,
  type ParsedCatalog,
} from './json-shape';
import type { ProviderContext } from './provider';

/** XposedOrNot writes yes/no flags as "Yes"/"No" in analytics and as booleans in the catalog. */
const yesNo = (fallback: boolean) =>
  v.fallback(v.union([v.boolean(), v.pipe(v.string(), v.transform((s) => s.trim().toLowerCase() === 'yes'))]), fallback);

/** One `ExposedBreaches.breaches_details[]` item of a breach-analytics answer. */
const analyticsBreach = record(
  {
    breach: requiredText('XposedOrNot breach details: an entry has no breach name.'),
    domain,
    // A year ("2025") in this endpoint; the model allows YYYY for exactly this.
    xposed_date: breachDate,
    added: timestamp,
    xposed_records: count,
    details: text,
    xposed_data: dataClassText,
    logo: httpUrl,
    verified: yesNo(false),
  },
  'XposedOrNot breach details: an entry is not an object.',
);

/** Maps one `ExposedBreaches.breaches_details[]` item of a breach-analytics answer. */
export function mapXonAnalyticsBreach(raw: unknown): Breach {
  const b = readAnswer(analyticsBreach, raw);
  return {
    id: b.breach,
    provider: 'xposedornot',
    title: b.breach,
    domain: b.domain,
    breachDate: b.xposed_date,
    addedDate: b.added,
    pwnCount: b.xposed_records,
    description: b.details ?? '',
    dataClasses: b.xposed_data,
    logoUrl: b.logo,
    flags: { ...NO_FLAGS, verified: b.verified },
  };
}

/**
 * A 200 breach-analytics body. `ExposedBreaches: null` is the documented clean answer. A missing
 * key is not taken as clean: if the format changes, a silent "not breached" would be the worst
 * possible failure, so it is an error instead. For the same reason one unreadable entry fails
 * the whole answer rather than being dropped.
 */
const analyticsAnswer = v.pipe(
  plainObject('XposedOrNot answered with something other than an object.'),
  v.check((json) => 'ExposedBreaches' in json, 'XposedOrNot answer has no ExposedBreaches field.'),
  v.object({
    ExposedBreaches: v.nullable(
      record(
        { breaches_details: v.array(v.unknown(), 'XposedOrNot ExposedBreaches has no breaches_details list.') },
        'XposedOrNot ExposedBreaches has no breaches_details list.',
      ),
    ),
  }),
);

/** Turns a 200 breach-analytics body into an outcome (see analyticsAnswer). */
export function parseBreachAnalytics(json: unknown): CheckOutcome {
  const exposed = readAnswer(analyticsAnswer, json).ExposedBreaches;
  if (exposed === null) return { kind: 'clean' };
  const breaches = uniqueById(exposed.breaches_details.map(mapXonAnalyticsBreach));
  return breaches.length === 0 ? { kind: 'clean' } : { kind: 'breached', breaches };
}

/**
 * The 404 bodies XposedOrNot documents for "nothing to show": `{"detail":"Not found"}` from
 * breach-analytics, `{"Error":"Not found"}` / `{"Error":"No breaches found"}` from check-email.
 */
export function isXonNotFound(json: unknown): boolean {
  if (!isPlainObject(json)) return false;
  const text = typeof json.detail === 'string' ? json.detail : typeof json.Error === 'string' ? json.Error : null;
  return text === 'Not found' || text === 'No breaches found';
}

export async function checkXonAddress(ctx: ProviderContext, address: string): Promise<CheckOutcome> {
  const url = `${ctx.baseUrl}/v1/breach-analytics?email=${encodeURIComponent(address)}`;
  const response = await requestJson(ctx, url, { passStatuses: [404] });
  if (response.status === 404) {
    // Per XposedOrNot-API api/v1/breaches.py, breach-analytics answers 404 {"detail":"Not
    // found"} when the address fails its own format check (it only accepts [A-Za-z0-9._%+-]
    // before the @ and a letters-only TLD), when the owner has shielded it from public search,
    // and when the lookup itself raised. A clean address gets 200 with ExposedBreaches null.
    // We report that 404 as clean: shielding is the owner's choice to show nothing, and an
    // address XposedOrNot refuses to parse is one it cannot have indexed. The cost is that a
    // server-side failure reads as clean until the next scheduled re-check. Any other 404
    // body (an HTML error page, a wrong base URL) is not the documented shape and is an error.
    if (isXonNotFound(response.json)) return { kind: 'clean' };
    throw malformed('XposedOrNot answered 404 with an unexpected body; check the XposedOrNot address in Options.', 404);
  }
  return parseBreachAnalytics(response.json);
}

/** One `exposedBreaches[]` entry of the `/v1/breaches` catalog. */
const catalogEntry = record(
  {
    breachID: requiredText('XposedOrNot catalog: an entry has no breachID.'),
    domain,
    breachedDate: breachDate,
    addedDate: timestamp,
    exposedRecords: count,
    exposureDescription: text,
    exposedData: dataClasses,
    logo: httpUrl,
    verified: yesNo(NO_FLAGS.verified),
    sensitive: yesNo(false),
    breachType: v.fallback(v.nullable(v.string()), null),
  },
  'XposedOrNot catalog: an entry is not an object.',
);

/** Maps one `exposedBreaches[]` entry of the `/v1/breaches` catalog. */
export function mapXonCatalogEntry(entry: unknown): Breach {
  const e = readAnswer(catalogEntry, entry);
  return {
    id: e.breachID,
    provider: 'xposedornot',
    title: e.breachID,
    domain: e.domain,
    breachDate: e.breachedDate,
    addedDate: e.addedDate,
    pwnCount: e.exposedRecords,
    description: e.exposureDescription ?? '',
    dataClasses: e.exposedData,
    logoUrl: e.logo,
    flags: { ...NO_FLAGS, verified: e.verified, sensitive: e.sensitive, stealerLog: e.breachType === 'StealerLogs' },
  };
}

const catalogAnswer = record(
  { exposedBreaches: v.array(v.unknown(), 'XposedOrNot catalog: the answer has no exposedBreaches list.') },
  'XposedOrNot catalog: the answer has no exposedBreaches list.',
);

/** The `/v1/breaches` catalog with a count of the entries that could not be read. */
export function readXonCatalog(json: unknown): ParsedCatalog {
  return parseCatalogEntries(readAnswer(catalogAnswer, json).exposedBreaches, mapXonCatalogEntry, 'XposedOrNot catalog');
}

/** The `/v1/breaches` catalog; unreadable entries are skipped (see parseCatalogEntries). */
export function parseXonCatalog(json: unknown): Breach[] {
  return readXonCatalog(json).breaches;
}
