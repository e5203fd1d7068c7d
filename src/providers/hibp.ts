/**
 * Have I Been Pwned API v3 (paid key). `breachedaccount` with truncateResponse=false returns the
 * full breach model, so one request per address is enough; the k-anonymity range search lets a
 * key holder check without sending the address at all.
 */
import type { Breach, CheckOutcome } from '../core/breach';
import { NO_FLAGS } from '../core/breach';
import { ProviderError } from '../core/provider-error';
import { requestJson, requestText } from './http-client';
import * as v from 'valibot';
import { plainObject, record } from '../core/schema-kit';
import { malformed } from '../core/provider-error';
import {
  breachDate,
  count,
  dataClassList,
  domain,
  flag,
  httpUrl,
  parseCatalogEntries,
  placeholderBreach,
  readAnswer,
  requiredCount,
  requiredText,
  text,
  timestamp,
  uniqueById,
  type ParsedCatalog,
} from './json-shape';
import type { ProviderContext } from './provider';
import type { LookupOptions } from './registry';

/** The only host the key is ever sent to (a test build adds its fixture server, see ProviderContext). */
export const HIBP_KEY_HOST = 'haveibeenpwned.com';

/**
 * The key header for a request to `url`. Checked here, where the header is attached, and not only
 * where the base URL is chosen: whatever builds the URL, the key goes to HIBP's host or nowhere.
 */
function keyHeader(ctx: ProviderContext, url: string): { 'hibp-api-key': string } {
  const key = ctx.apiKey?.trim();
  if (!key) {
    // Refused before any request: HIBP would answer 401 anyway, and it counts the attempt.
    throw new ProviderError({ kind: 'unauthorized', detail: 'No Have I Been Pwned API key is set. Add your key in Options.' });
  }
  const { protocol, hostname } = new URL(url);
  const toHibp = protocol === 'https:' && hostname === HIBP_KEY_HOST;
  if (!toHibp && hostname !== ctx.testKeyHost) {
    throw new ProviderError({ kind: 'unauthorized', detail: `The Have I Been Pwned key is sent only to ${HIBP_KEY_HOST}; it was not sent to ${hostname}.` });
  }
  return { 'hibp-api-key': key };
}

/**
 * HIBP's breach model. Only Name is required; fields added over the years (IsMalware,
 * IsStealerLog, …) default to the harmless value when an older payload lacks them.
 */
const hibpBreach = record(
  {
    Name: requiredText('Have I Been Pwned: a breach has no Name.'),
    Title: text,
    Domain: domain,
    BreachDate: breachDate,
    AddedDate: timestamp,
    PwnCount: count,
    Description: text,
    DataClasses: dataClassList,
    LogoPath: httpUrl,
    IsVerified: flag(NO_FLAGS.verified),
    IsFabricated: flag(NO_FLAGS.fabricated),
    IsSensitive: flag(NO_FLAGS.sensitive),
    IsRetired: flag(NO_FLAGS.retired),
    IsSpamList: flag(NO_FLAGS.spamList),
    IsMalware: flag(NO_FLAGS.malware),
    IsStealerLog: flag(NO_FLAGS.stealerLog),
  },
  'Have I Been Pwned: a breach is not an object.',
);

/** Maps one HIBP breach model. */
export function mapHibpBreach(raw: unknown): Breach {
  const b = readAnswer(hibpBreach, raw);
  return {
    id: b.Name,
    provider: 'hibp',
    title: b.Title ?? b.Name,
    domain: b.Domain,
    breachDate: b.BreachDate,
    addedDate: b.AddedDate,
    pwnCount: b.PwnCount,
    description: b.Description ?? '',
    dataClasses: b.DataClasses,
    logoUrl: b.LogoPath,
    flags: {
      verified: b.IsVerified,
      fabricated: b.IsFabricated,
      sensitive: b.IsSensitive,
      retired: b.IsRetired,
      spamList: b.IsSpamList,
      malware: b.IsMalware,
      stealerLog: b.IsStealerLog,
    },
  };
}

/**
 * A breachedaccount answer. Unlike the catalog, one unreadable breach fails the whole answer:
 * dropping it would make an exposure look resolved.
 */
export function parseBreachedAccount(json: unknown): CheckOutcome {
  if (!Array.isArray(json)) throw malformed('Have I Been Pwned answered with something other than a list of breaches.');
  const breaches = uniqueById(json.map(mapHibpBreach));
  return breaches.length === 0 ? { kind: 'clean' } : { kind: 'breached', breaches };
}

async function checkAddress(ctx: ProviderContext, address: string): Promise<CheckOutcome> {
  const url = `${ctx.baseUrl}/breachedaccount/${encodeURIComponent(address)}?truncateResponse=false`;
  const response = await requestJson(ctx, url, { headers: keyHeader(ctx, url), passStatuses: [404] });
  // HIBP's documented "not pwned" is a 404, normally with an empty body. A 404 whose body is not
  // JSON (say, an HTML page from a wrong base URL) has already failed as malformed.
  if (response.status === 404) return { kind: 'clean' };
  return parseBreachedAccount(response.json);
}

/**
 * Checks one address the way the key allows. On a plan with k-anonymity search the address itself
 * never leaves the browser; breach details then come from breaches already stored or, for a name
 * not seen before, from the free /breach endpoint.
 */
export async function checkHibpAddress(ctx: ProviderContext, address: string, options: LookupOptions): Promise<CheckOutcome> {
  if (!options.rangeSearch) return checkAddress(ctx, address);
  // Breach details come from the synced catalog only — downloaded first when there is none — and a
  // name the catalog does not know yet stays a placeholder until the next download fills it in.
  // Never a /breach/{name} request: asked right after a range query, it would tell HIBP which of
  // the range's entries is ours.
  const hibpCatalog = async () => new Map((await options.known()).filter((b) => b.provider === 'hibp').map((b) => [b.id, b]));
  let catalog = await hibpCatalog();
  if (catalog.size === 0) {
    // The catalog is public and names no one: fetching it first tells HIBP nothing about the address.
    await options.syncCatalog();
    catalog = await hibpCatalog();
  }
  return checkAddressByRange(ctx, address, await sha1Hex(address), catalog);
}

async function sha1Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-1', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** The `/breaches` catalog with a count of the entries that could not be read. */
export function readHibpCatalog(json: unknown): ParsedCatalog {
  if (!Array.isArray(json)) throw malformed('Have I Been Pwned catalog: the answer is not a list.');
  return parseCatalogEntries(json, mapHibpBreach, 'Have I Been Pwned catalog');
}

/** The `/breaches` catalog; unreadable entries are skipped (see parseCatalogEntries). */
export function parseHibpCatalog(json: unknown): Breach[] {
  return readHibpCatalog(json).breaches;
}

export interface SubscriptionStatus {
  plan: string;
  /** Requests per minute the key allows; feeds hibpRules() pacing. */
  rpm: number;
  subscribedUntil: string | null;
}

/** `/subscription/status`: what the key's plan is and how fast it may be used. */
export async function getSubscriptionStatus(ctx: ProviderContext): Promise<SubscriptionStatus> {
  const url = `${ctx.baseUrl}/subscription/status`;
  const response = await requestJson(ctx, url, { headers: keyHeader(ctx, url) });
  const status = readAnswer(subscriptionStatus, response.json);
  return { plan: status.SubscriptionName, rpm: status.Rpm, subscribedUntil: status.SubscribedUntil };
}

const LACKS_PLAN = 'Have I Been Pwned subscription status lacks a plan name or a rate limit.';
const subscriptionStatus = record(
  {
    SubscriptionName: requiredText(LACKS_PLAN),
    Rpm: v.pipe(requiredCount(LACKS_PLAN), v.minValue(1, LACKS_PLAN)),
    SubscribedUntil: text,
  },
  'Have I Been Pwned subscription status is not an object.',
);

const SHA1_HEX = /^[0-9a-f]{40}$/i;

const RANGE_ENTRY_LACKS = 'Have I Been Pwned range: an entry lacks HashSuffix or Websites.';

/** One range entry; HIBP's docs write the keys in PascalCase, some descriptions in camelCase. */
const rangeEntry = v.pipe(
  plainObject('Have I Been Pwned range: an entry is not an object.'),
  v.transform((raw) => ({ suffix: raw.HashSuffix ?? raw.hashSuffix, websites: raw.Websites ?? raw.websites })),
  v.object({
    suffix: v.pipe(requiredText(RANGE_ENTRY_LACKS), v.toUpperCase()),
    websites: v.pipe(
      v.array(text, RANGE_ENTRY_LACKS),
      v.transform((names) => names.filter((name) => name !== null)),
    ),
  }),
);

/** Every entry is validated, not just ours: a list with unreadable entries may hide our match. */
const rangeAnswer = v.array(rangeEntry, 'Have I Been Pwned range answer is not a list.');

function lookup(catalog: ReadonlyMap<string, Breach>, name: string): Breach {
  const exact = catalog.get(name);
  if (exact) return exact;
  // Names are case-sensitive ids, but a catalog cached before a rename of case should still match.
  const lower = name.toLowerCase();
  for (const [key, breach] of catalog) if (key.toLowerCase() === lower) return breach;
  return placeholderBreach('hibp', name);
}

/**
 * k-anonymity check: sends only the first 6 hex digits of the address's SHA-1 and finds the
 * rest locally. The hash is computed by the caller (Web Crypto is async and not in core); the
 * address itself is never sent and is accepted only so the call reads like checkAddress. The
 * range answer names breaches without details, so `catalog` resolves them; a name the catalog
 * does not know yet becomes a placeholder breach rather than being dropped.
 */
export async function checkAddressByRange(
  ctx: ProviderContext,
  _address: string,
  sha1Hex: string,
  catalog: ReadonlyMap<string, Breach>,
): Promise<CheckOutcome> {
  if (!SHA1_HEX.test(sha1Hex)) throw new RangeError('checkAddressByRange needs a 40-digit hex SHA-1.');
  const hash = sha1Hex.toUpperCase();
  const prefix = hash.slice(0, 6);
  const suffix = hash.slice(6);
  const url = `${ctx.baseUrl}/breachedaccount/range/${prefix}`;
  const response = await requestJson(ctx, url, {
    headers: keyHeader(ctx, url),
    passStatuses: [404],
  });
  if (response.status === 404) return { kind: 'clean' };
  const match = readAnswer(rangeAnswer, response.json).find((e) => e.suffix === suffix);
  if (!match || match.websites.length === 0) return { kind: 'clean' };
  return { kind: 'breached', breaches: uniqueById(match.websites.map((name) => lookup(catalog, name))) };
}

/**
 * Whether the key's plan includes k-anonymity search. Asked once, when the user tests the key:
 * a range query for an arbitrary prefix answers 200 or 404 on plans that have it, 401/403 otherwise.
 */
export async function supportsRangeSearch(ctx: ProviderContext): Promise<boolean> {
  const url = `${ctx.baseUrl}/breachedaccount/range/000000`;
  const headers = { accept: 'application/json', ...keyHeader(ctx, url) };
  try {
    // Only the status matters; the body (matches for an arbitrary prefix) is read but not parsed.
    await requestText(ctx, url, {
      headers,
      passStatuses: [404],
    });
    return true;
  } catch (err) {
    // The key has just been accepted by /subscription/status, so a refusal here is the plan's.
    if (err instanceof ProviderError && (err.kind === 'unauthorized' || err.kind === 'forbidden')) return false;
    throw err;
  }
}
