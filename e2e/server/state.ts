import { HibpCatalog } from './hibp-catalog';
import { FixedWindowLimiter } from './rate-limiter';
import { XonCatalog } from './xon-catalog';
import { fromXonBreach } from './xon-mapping';
import type { ApiKeyInfo, HibpBreach } from './types';

/** Everything the routes read; the server's setters write it. One instance per server. */
export interface FixtureState {
  /** Lower-cased address → HIBP breach Names, in the order they were given. */
  accounts: Map<string, string[]>;
  apiKeys: Map<string, ApiKeyInfo>;
  catalog: HibpCatalog;
  xonCatalog: XonCatalog;
  /** Plaintext password → times seen, for Pwned Passwords. */
  passwords: Map<string, number>;
  userAgentRequired: boolean;
  limiter: FixedWindowLimiter;
  now: () => number;
}

export const DEFAULT_API_KEYS: Readonly<Record<string, ApiKeyInfo>> = { 'test-key': { plan: 'Pwned 1', rpm: 10 } };

export const DEFAULT_PASSWORDS: Readonly<Record<string, number>> = {
  password: 10_434_004,
  'P@ssw0rd': 145,
  '123456': 209_972_844,
  'correct horse battery staple': 384,
};

export function createState(now: () => number, userAgentRequired: boolean): FixtureState {
  return {
    accounts: new Map(),
    apiKeys: new Map(Object.entries(DEFAULT_API_KEYS)),
    catalog: new HibpCatalog(now),
    xonCatalog: new XonCatalog(now),
    passwords: new Map(Object.entries(DEFAULT_PASSWORDS)),
    userAgentRequired,
    limiter: new FixedWindowLimiter(),
    now,
  };
}

export function normaliseAddress(address: string): string {
  return address.trim().toLowerCase();
}

/**
 * The HIBP catalog entries for an address. Names the catalog does not (yet) hold are skipped, so
 * a test can link an account to a breach before addBreach makes it appear.
 */
export function breachesFor(state: FixtureState, address: string): HibpBreach[] {
  const names = state.accounts.get(normaliseAddress(address)) ?? [];
  const found = names.map((name) => state.catalog.find(name)).filter((b): b is HibpBreach => b !== undefined);
  return [...new Map(found.map((b) => [b.Name, b])).values()];
}

/**
 * What XposedOrNot knows of an address: its HIBP breaches, as XposedOrNot would describe them,
 * and the names only XposedOrNot's catalog holds (so a test can have the providers disagree).
 */
export function xonBreachesFor(state: FixtureState, address: string): HibpBreach[] {
  const names = state.accounts.get(normaliseAddress(address)) ?? [];
  const xonOnly = names
    .filter((name) => state.catalog.find(name) === undefined)
    .map((name) => state.xonCatalog.all().find((b) => b.breachID.toLowerCase() === name.toLowerCase()))
    .filter((b) => b !== undefined)
    .map(fromXonBreach);
  return [...breachesFor(state, address), ...new Map(xonOnly.map((b) => [b.Name, b])).values()];
}
