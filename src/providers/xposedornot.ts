/**
 * XposedOrNot (free, no key). One `breach-analytics` request answers both "is this address in a
 * breach?" and "which breaches, with what details?", which matters under its 25-per-hour limit.
 */
import type { Breach, CheckOutcome } from '../core/breach';
import { NO_FLAGS } from '../core/breach';
import { requestJson } from './http-client';
import {
  isRecord,
  malformed,
  parseCatalogEntries,
  readBoolean,
  readBreachDate,
  readCount,
  readDataClasses,
  readDomain,
  readHttpUrl,
  readText,
  readTimestamp,
  uniqueById,
  type ParsedCatalog,
} from './json-shape';
import type { ProviderContext } from './provider';

/** XposedOrNot writes yes/no flags as "Yes"/"No" in analytics and as booleans in the catalog. */
function yes(value: unknown): boolean {
  return value === true || (typeof value === 'string' && value.trim().toLowerCase() === 'yes');
}

/** Maps one `ExposedBreaches.breaches_details[]` item of a breach-analytics answer. */
export function mapXonAnalyticsBreach(raw: unknown): Breach {
  if (!isRecord(raw)) throw malformed('XposedOrNot breach details: an entry is not an object.');
  const id = readText(raw.breach);
  if (id === null) throw malformed('XposedOrNot breach details: an entry has no breach name.');
  return {
    id,
    provider: 'xposedornot',
    title: id,
    domain: readDomain(raw.domain),
    // A year ("2025") in this endpoint; the model allows YYYY for exactly this.
    breachDate: readBreachDate(raw.xposed_date),
    addedDate: readTimestamp(raw.added),
    pwnCount: readCount(raw.xposed_records),
    description: readText(raw.details) ?? '',
    dataClasses: readDataClasses(typeof raw.xposed_data === 'string' ? raw.xposed_data : ''),
    logoUrl: readHttpUrl(raw.logo),
    flags: { ...NO_FLAGS, verified: yes(raw.verified) },
  };
}

/**
 * Turns a 200 breach-analytics body into an outcome. `ExposedBreaches: null` is the documented
 * clean answer. A missing key is not taken as clean: if the format changes, a silent "not
 * breached" would be the worst possible failure, so it is an error instead. For the same reason
 * one unreadable entry fails the whole answer rather than being dropped.
 */
export function parseBreachAnalytics(json: unknown): CheckOutcome {
  if (!isRecord(json)) throw malformed('XposedOrNot answered with something other than an object.');
  if (!('ExposedBreaches' in json)) throw malformed('XposedOrNot answer has no ExposedBreaches field.');
  const exposed = json.ExposedBreaches;
  if (exposed === null) return { kind: 'clean' };
  if (!isRecord(exposed) || !Array.isArray(exposed.breaches_details)) {
    throw malformed('XposedOrNot ExposedBreaches has no breaches_details list.');
  }
  const breaches = uniqueById(exposed.breaches_details.map(mapXonAnalyticsBreach));
  return breaches.length === 0 ? { kind: 'clean' } : { kind: 'breached', breaches };
}

/**
 * The 404 bodies XposedOrNot documents for "nothing to show": `{"detail":"Not found"}` from
 * breach-analytics, `{"Error":"Not found"}` / `{"Error":"No breaches found"}` from check-email.
 */
export function isXonNotFound(json: unknown): boolean {
  if (!isRecord(json)) return false;
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

/** Maps one `exposedBreaches[]` entry of the `/v1/breaches` catalog. */
export function mapXonCatalogEntry(entry: unknown): Breach {
  if (!isRecord(entry)) throw malformed('XposedOrNot catalog: an entry is not an object.');
  const id = readText(entry.breachID);
  if (id === null) throw malformed('XposedOrNot catalog: an entry has no breachID.');
  return {
    id,
    provider: 'xposedornot',
    title: id,
    domain: readDomain(entry.domain),
    breachDate: readBreachDate(entry.breachedDate),
    addedDate: readTimestamp(entry.addedDate),
    pwnCount: readCount(entry.exposedRecords),
    description: readText(entry.exposureDescription) ?? '',
    dataClasses: readDataClasses(entry.exposedData),
    logoUrl: readHttpUrl(entry.logo),
    flags: {
      ...NO_FLAGS,
      verified: typeof entry.verified === 'string' ? yes(entry.verified) : readBoolean(entry.verified, NO_FLAGS.verified),
      sensitive: typeof entry.sensitive === 'string' ? yes(entry.sensitive) : readBoolean(entry.sensitive, false),
      stealerLog: entry.breachType === 'StealerLogs',
    },
  };
}

/** The `/v1/breaches` catalog with a count of the entries that could not be read. */
export function readXonCatalog(json: unknown): ParsedCatalog {
  if (!isRecord(json) || !Array.isArray(json.exposedBreaches)) {
    throw malformed('XposedOrNot catalog: the answer has no exposedBreaches list.');
  }
  return parseCatalogEntries(json.exposedBreaches, mapXonCatalogEntry, 'XposedOrNot catalog');
}

/** The `/v1/breaches` catalog; unreadable entries are skipped (see parseCatalogEntries). */
export function parseXonCatalog(json: unknown): Breach[] {
  return readXonCatalog(json).breaches;
}
