import browser from 'webextension-polyfill';
import type { ProviderId } from '../core/breach';
import { DomainIndex, buildDomainIndex } from '../core/domain-index';
import { MINUTE } from '../core/pacing';
import { ProviderError } from '../core/provider-error';
import { decideCatalogRetry } from '../core/retry-policy';
import type { Settings } from '../core/settings';
import { refreshCatalog, type CatalogMark } from '../providers/catalog';
import { catalogOf, saveCatalog } from '../storage/catalog';
import type { Db } from '../storage/schema';
import { claimSlot } from './pacer';
import { contextFor } from './providers';

export const CATALOG_ALARM = 'catalog';
const markKey = (provider: ProviderId) => `catalogMark.${provider}`;

/** The index is rebuilt at most once per worker life and after each changed catalog. */
let cached: { provider: ProviderId; index: Promise<DomainIndex> } | null = null;

export function domainIndex(store: Db, provider: ProviderId): Promise<DomainIndex> {
  if (cached?.provider !== provider) cached = { provider, index: catalogOf(store, provider).then(buildDomainIndex) };
  return cached.index;
}

/** Catalog waits on the rate limit this long at most; a longer wait is left to the retry alarm. */
const MAX_SLOT_WAIT_MS = 20_000;

/**
 * XposedOrNot counts every request from this browser, catalog included, so a refresh takes a slot
 * like an address check. HIBP's catalog endpoints are free and not counted against the key.
 */
async function waitForSlot(store: Db, settings: Settings): Promise<void> {
  if (settings.provider !== 'xposedornot') return;
  for (;;) {
    const at = await claimSlot(store, settings.provider, settings);
    if (at === null) return;
    if (at - Date.now() > MAX_SLOT_WAIT_MS) throw new Error('the provider\'s rate limit leaves no slot for the catalog now');
    await new Promise((resolve) => setTimeout(resolve, at - Date.now()));
  }
}

export const CATALOG_RETRY_ALARM = 'catalog-retry';
/** The wait chosen after the last failed refresh, in minutes; cleared by a refresh that works. */
const RETRY_KEY = 'catalogRetryMinutes';

type Outcome = 'changed' | 'unchanged' | 'failed';

/** The latest refresh asked for, and which provider's catalog it fetches. */
let inFlight: { provider: ProviderId; done: Promise<Outcome> } | null = null;

/**
 * Refreshes the chosen provider's catalog; an unchanged one costs one small request. One refresh
 * at a time; a failed one is retried with backoff instead of waiting a day for the next alarm.
 * A call for the provider already being refreshed shares that refresh; a call for another
 * provider (the user switched while the old one's catalog was still coming) runs after it, rather
 * than being answered with the old provider's refresh and leaving the new one without a catalog
 * until the next daily alarm.
 */
export function syncCatalog(store: Db, settings: Settings): Promise<Outcome> {
  if (inFlight?.provider === settings.provider) return inFlight.done;
  const before = inFlight?.done ?? Promise.resolve<Outcome>('unchanged');
  const run = () => refresh(store, settings);
  const done: Promise<Outcome> = before.then(run, run).finally(() => {
    if (inFlight?.done === done) inFlight = null;
  });
  inFlight = { provider: settings.provider, done };
  return done;
}

async function refresh(store: Db, settings: Settings): Promise<'changed' | 'unchanged' | 'failed'> {
  const provider = settings.provider;
  const key = markKey(provider);
  const mark = ((await browser.storage.local.get(key))[key] ?? {}) as CatalogMark;
  try {
    await waitForSlot(store, settings);
    const result = await refreshCatalog(provider, contextFor(provider, settings), mark);
    if (result.kind === 'changed') {
      await saveCatalog(store, provider, result.breaches);
      cached = null;
    }
    await browser.storage.local.set({ [key]: result.mark });
    await browser.storage.local.remove(RETRY_KEY);
    await browser.alarms.clear(CATALOG_RETRY_ALARM);
    return result.kind;
  } catch (error) {
    const last = (await browser.storage.local.get(RETRY_KEY))[RETRY_KEY];
    const failure = error instanceof ProviderError ? error.toJSON() : null;
    const { waitMs, at } = decideCatalogRetry(failure, typeof last === 'number' ? last * MINUTE : undefined, Date.now());
    await browser.storage.local.set({ [RETRY_KEY]: waitMs / MINUTE });
    await browser.alarms.create(CATALOG_RETRY_ALARM, { when: at });
    console.warn(
      `Was I Exposed?: catalog refresh failed; retrying in ${Math.round((at - Date.now()) / MINUTE)} min`,
      error instanceof Error ? error.message : error,
    );
    return 'failed';
  }
}

/**
 * Daily, and soon after install. The catalog is public and names no user: fetching it sends
 * nothing about anyone, and it lets the popup's site card work even with site alerts off.
 */
export async function ensureCatalogAlarm(): Promise<void> {
  if (!(await browser.alarms.get(CATALOG_ALARM))) {
    await browser.alarms.create(CATALOG_ALARM, { delayInMinutes: 0.05, periodInMinutes: 24 * 60 });
  }
}
