import { conditional, isPlausibleEmail, json, queryParam } from './http-util';
import { xonBreachesFor, type FixtureState } from './state';
import { breachAnalytics } from './xon-analytics';
import type { RouteRequest, RouteResponse } from './types';

/**
 * XposedOrNot's free API, mounted at /v1. No key; one limit for every caller, counted per endpoint
 * as XposedOrNot counts: the catalog (/v1/breaches) apart from the lookups.
 */
export function xonRoute(req: RouteRequest, state: FixtureState): RouteResponse {
  const limited = state.limiter.hit('xposedornot', req.segments[0] === 'breaches' ? 'catalog' : 'client', state.now());
  if (limited) {
    return json(429, { Error: 'Rate limit exceeded' }, { 'retry-after': String(limited.retryAfterSeconds) });
  }
  const [first, ...rest] = req.segments;
  if (first === 'check-email' && rest.length === 1) return checkEmail(rest[0] ?? '', state);
  if (first === 'breach-analytics' && rest.length === 0) {
    const email = queryParam(req.query, 'email')?.trim() ?? '';
    if (!isPlausibleEmail(email)) return json(404, { detail: 'Not found' });
    return json(200, breachAnalytics(xonBreachesFor(state, email)));
  }
  if (first === 'breaches' && rest.length === 0) return breaches(req, state);
  return json(404, { Error: 'Not found' });
}

function checkEmail(address: string, state: FixtureState): RouteResponse {
  const names = isPlausibleEmail(address) ? xonBreachesFor(state, address).map((b) => b.Name) : [];
  if (names.length === 0) return json(404, { Error: 'Not found' });
  // The doubly nested array is how XposedOrNot really answers.
  return json(200, { breaches: [names], email: address, status: 'success' });
}

function breaches(req: RouteRequest, state: FixtureState): RouteResponse {
  const domain = queryParam(req.query, 'domain')?.trim().toLowerCase();
  const entries = state.xonCatalog.all().filter((b) => !domain || b.domain.toLowerCase() === domain);
  const body = JSON.stringify({ status: 'success', message: null, exposedBreaches: entries });
  return conditional(req.headers, body, state.xonCatalog.lastModified);
}
