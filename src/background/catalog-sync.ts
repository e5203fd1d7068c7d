import browser from 'webextension-polyfill';
import type { ProviderId } from '../core/breach';
import { DomainIndex, buildDomainIndex } from '../core/domain-index';
import { MINUTE } from '../core/pacing';
import { ProviderError } from '../core/provider-error';
import { decideCatalogRetry } from '../core/retry-policy';
import type { Settings } from '../core/settings';
import { loadSettings } from '../adapters/settings-store';
import { refreshCatalog, type CatalogMark } from '../providers/catalog';
import { catalogOf, saveCatalog } from '../storage/catalog';
import { db } from '../storage/open-db';
import type { Db } from '../storage/schema';
import { claimSlot } from './pacer';
import { contextFor } from './providers';

export const CATALOG_ALARM = 'catalog';
const markKey = (provider: ProviderId) => `catalogMark.${provider}`;

/** The index is rebuilt at most once per worker life and after each changed catalog. */
let cached: { provider: ProviderId; index: Promise<DomainIndex> } | null = null;

/** Forgets the in-memory index (Delete everything emptied the catalog it was built from). */
export function dropDomainIndex(): void {
  cached = null;
}

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
/**
 * Present while a refresh of that provider runs. A worker that starts and finds it was not there
 * to clear it: the worker doing the refresh died (killed mid-download, or the browser quit).
 */
const runningKey = (provider: ProviderId) => `catalogSyncRunning.${provider}`;
/** A refresh cut short and followed by no wake is resumed by the retry alarm this soon. */
const WATCHDOG_MINUTES = 1;

type SyncOutcome = 'changed' | 'unchanged' | 'failed';

/** Per provider: a refresh of the old provider in flight must not swallow one of the newly chosen. */
const inFlight = new Map<ProviderId, Promise<SyncOutcome>>();

/**
 * Refreshes the chosen provider's catalog; an unchanged one costs one small request. One refresh
 * per provider at a time; a failed one is retried with backoff instead of waiting a day for the
 * next alarm, and one cut short by the worker's death resumes when the next worker starts.
 */
export function syncCatalog(store: Db, settings: Settings): Promise<SyncOutcome> {
  const provider = settings.provider;
  let running = inFlight.get(provider);
  if (!running) {
    running = refresh(store, settings).finally(() => inFlight.delete(provider));
    inFlight.set(provider, running);
  }
  return running;
}

/**
 * Called when a worker starts: finishes a refresh of the chosen provider that a dead worker
 * left unfinished. The catalog itself is never half written (saveCatalog is one transaction);
 * without this, it would stay at the old version until the next daily alarm.
 */
export async function resumeInterruptedSync(): Promise<void> {
  const settings = await loadSettings();
  const key = runningKey(settings.provider);
  if ((await browser.storage.local.get(key))[key] === undefined) return;
  await syncCatalog(await db(), settings);
}

async function refresh(store: Db, settings: Settings): Promise<SyncOutcome> {
  const provider = settings.provider;
  const key = markKey(provider);
  const mark = ((await browser.storage.local.get(key))[key] ?? {}) as CatalogMark;
  // Before any request, so a worker killed from here on leaves a way back: the marker for the
  // next worker to find, and the alarm in case nothing wakes one. Success or failure clears both.
  await browser.storage.local.set({ [runningKey(provider)]: Date.now() });
  await browser.alarms.create(CATALOG_RETRY_ALARM, { delayInMinutes: WATCHDOG_MINUTES });
  try {
    await waitForSlot(store, settings);
    const result = await refreshCatalog(provider, contextFor(provider, settings), mark);
    if (result.kind === 'changed') {
      await saveCatalog(store, provider, result.breaches);
      cached = null;
    }
    await browser.storage.local.set({ [key]: result.mark });
    await browser.storage.local.remove([RETRY_KEY, runningKey(provider)]);
    await browser.alarms.clear(CATALOG_RETRY_ALARM);
    return result.kind;
  } catch (error) {
    const last = (await browser.storage.local.get(RETRY_KEY))[RETRY_KEY];
    const failure = error instanceof ProviderError ? error.toJSON() : null;
    const { waitMs, at } = decideCatalogRetry(failure, typeof last === 'number' ? last * MINUTE : undefined, Date.now());
    await browser.storage.local.set({ [RETRY_KEY]: waitMs / MINUTE });
    await browser.storage.local.remove(runningKey(provider));
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
