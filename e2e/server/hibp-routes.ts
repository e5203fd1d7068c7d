import { conditional, empty, etagFor, isPlausibleEmail, json, queryParam, sha1Hex } from './http-util';
import { breachesFor, type FixtureState } from './state';
import type { ApiKeyInfo, HibpBreach, RouteRequest, RouteResponse } from './types';

/** Have I Been Pwned API v3, mounted at /api/v3. Error bodies copy what HIBP really sends. */
export function hibpRoute(req: RouteRequest, state: FixtureState): RouteResponse {
  if (state.userAgentRequired && !req.headers['user-agent']?.trim()) {
    // HIBP refuses every API call without a user agent, keyed or not.
    return json(403, { statusCode: 403, message: 'Forbidden - no user agent has been specified in the request.' });
  }
  const [first, ...rest] = req.segments;
  if (first === 'breachedaccount' && rest[0] === 'range' && rest.length === 2) return keyed(req, state, (info) => range(rest[1] ?? '', info, state));
  if (first === 'breachedaccount' && rest.length === 1) return keyed(req, state, () => breachedAccount(rest[0] ?? '', req, state));
  if (first === 'subscription' && rest.length === 1 && rest[0] === 'status') return keyed(req, state, (info) => subscription(info));
  if (first === 'breaches' && rest.length === 0) return breaches(req, state);
  if (first === 'breach' && rest.length === 1) {
    const breach = state.catalog.find(rest[0] ?? '');
    return breach ? json(200, breach) : empty(404);
  }
  if (first === 'latestbreach' && rest.length === 0) {
    const latest = state.catalog.latest();
    return latest ? json(200, latest) : empty(404);
  }
  if (first === 'dataclasses' && rest.length === 0) return json(200, state.catalog.dataClasses());
  return empty(404);
}

/** Key check, then the per-key limiter: HIBP counts requests per key, so 401s never count. */
function keyed(req: RouteRequest, state: FixtureState, handle: (info: ApiKeyInfo) => RouteResponse): RouteResponse {
  const key = req.headers['hibp-api-key']?.trim() ?? '';
  const info = state.apiKeys.get(key);
  if (!info) {
    const why = key === '' ? 'missing' : 'invalid';
    return json(401, { statusCode: 401, message: `Access denied due to ${why} hibp-api-key.` });
  }
  const limited = state.limiter.hit('hibp', key, state.now());
  if (limited) {
    const seconds = limited.retryAfterSeconds;
    return json(
      429,
      { statusCode: 429, message: `Rate limit is exceeded. Try again in ${seconds} seconds.` },
      { 'retry-after': String(seconds) },
    );
  }
  return handle(info);
}

function isFalse(value: string | undefined): boolean {
  return value?.trim().toLowerCase() === 'false';
}

function breachedAccount(address: string, req: RouteRequest, state: FixtureState): RouteResponse {
  if (!isPlausibleEmail(address)) return empty(400);
  const domain = queryParam(req.query, 'domain')?.trim().toLowerCase();
  const found = breachesFor(state, address)
    .filter((b) => !isFalse(queryParam(req.query, 'includeUnverified')) || b.IsVerified)
    .filter((b) => !domain || b.Domain.toLowerCase() === domain);
  // HIBP's "clean" answer is a bodiless 404, not an empty array.
  if (found.length === 0) return empty(404);
  const truncate = !isFalse(queryParam(req.query, 'truncateResponse'));
  return json(200, truncate ? found.map((b) => ({ Name: b.Name })) : found);
}

/** k-anonymity search: the caller sends 6 hex of SHA-1(lower-cased address), we send back suffixes. */
function range(prefix: string, info: ApiKeyInfo, state: FixtureState): RouteResponse {
  if (!info.rangeSearch) {
    return json(403, { statusCode: 403, message: 'Your subscription does not include k-anonymity search of breached accounts.' });
  }
  if (!/^[0-9a-f]{6}$/i.test(prefix)) return empty(400);
  const wanted = prefix.toUpperCase();
  const matches = [...state.accounts.keys()]
    .map((address) => ({ hash: sha1Hex(address), websites: breachesFor(state, address).map((b) => b.Name) }))
    .filter(({ hash, websites }) => hash.startsWith(wanted) && websites.length > 0)
    .map(({ hash, websites }) => ({ hashSuffix: hash.slice(6), websites }));
  return matches.length > 0 ? json(200, matches) : empty(404);
}

function breaches(req: RouteRequest, state: FixtureState): RouteResponse {
  const domain = queryParam(req.query, 'domain')?.trim().toLowerCase();
  if (!domain) {
    const { body, etag } = state.catalog.body();
    return conditional(req.headers, body, state.catalog.lastModified, etag);
  }
  const body = JSON.stringify(state.catalog.all().filter((b: HibpBreach) => b.Domain.toLowerCase() === domain));
  return conditional(req.headers, body, state.catalog.lastModified, etagFor(body));
}

/** Domain-search allowance per plan, as HIBP's pricing page lists it. */
const DOMAIN_ALLOWANCE: Record<string, number> = { 'Pwned 1': 25, 'Pwned 2': 100, 'Pwned 3': 500, 'Pwned 4': 1000 };

function subscription(info: ApiKeyInfo): RouteResponse {
  const allowance = DOMAIN_ALLOWANCE[info.plan] ?? 25;
  return json(200, {
    SubscriptionName: info.plan,
    Description: `Up to ${info.rpm} email searches per minute and domains with up to ${allowance} breached addresses each.`,
    SubscribedUntil: '2027-01-01T00:00:00',
    Rpm: info.rpm,
    DomainSearchMaxBreachedAccounts: allowance,
  });
}
