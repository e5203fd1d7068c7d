import browser from 'webextension-polyfill';
import type { ProviderId } from '../core/breach';
import { DomainIndex, buildDomainIndex } from '../core/domain-index';
import { MINUTE } from '../core/pacing';
import { ProviderError } from '../core/provider-error';
import { catalogBucket, enabledProviders, siteCatalogProvider } from '../core/provider-registry';
import { decideCatalogRetry } from '../core/retry-policy';
import type { Settings } from '../core/settings';
import { loadSettings } from '../adapters/settings-store';
import type { CatalogMark } from '../providers/catalog';
import { refreshCatalog } from '../providers/registry';
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

/** The domain index site alerts read: the catalog of one enabled provider (see siteCatalogProvider). */
export function domainIndex(store: Db, settings: Pick<Settings, 'providers'>): Promise<DomainIndex> {
  const provider = siteCatalogProvider(settings.providers);
  if (cached?.provider !== provider) cached = { provider, index: catalogOf(store, provider).then(buildDomainIndex) };
  return cached.index;
}

/** Catalog waits on the rate limit this long at most; a longer wait is left to the retry alarm. */
const MAX_SLOT_WAIT_MS = 20_000;

/**
 * A provider that counts catalog downloads (XposedOrNot, per endpoint) gets them paced by its own
 * rules; one that does not (HIBP's catalog is free) gets its slot at once.
 */
async function waitForSlot(store: Db, settings: Settings, provider: ProviderId): Promise<void> {
  for (;;) {
    const at = await claimSlot(store, catalogBucket(provider), settings);
    if (at === null) return;
    if (at - Date.now() > MAX_SLOT_WAIT_MS) throw new Error('the provider\'s rate limit leaves no slot for the catalog now');
    await new Promise((resolve) => setTimeout(resolve, at - Date.now()));
  }
}

export const CATALOG_RETRY_ALARM = 'catalog-retry';
/**
 * After a provider's failed refresh: the wait chosen (it doubles with each failure) and when the
 * next try is due. Cleared by a refresh that works.
 */
const retryKey = (provider: ProviderId) => `catalogRetry.${provider}`;
interface RetryRecord {
  waitMs: number;
  at: number;
}
/**
 * Present while a refresh of that provider runs. A worker that starts and finds it was not there
 * to clear it: the worker doing the refresh died (killed mid-download, or the browser quit).
 */
const runningKey = (provider: ProviderId) => `catalogSyncRunning.${provider}`;
/** A refresh cut short and followed by no wake is resumed by the retry alarm this soon. */
const WATCHDOG_MINUTES = 1;
/** An alarm may fire a moment before its time: a retry due within this is due. */
const RETRY_SLACK_MS = 1_000;

type SyncOutcome = 'changed' | 'unchanged' | 'failed';

/** Per provider: a refresh of the old provider in flight must not swallow one of the newly chosen. */
const inFlight = new Map<ProviderId, Promise<SyncOutcome>>();

/**
 * Refreshes one provider's catalog; an unchanged one costs one small request. One refresh per
 * provider at a time; a failed one is retried with backoff instead of waiting a day for the next
 * alarm, and one cut short by the worker's death resumes when the next worker starts.
 */
export function syncCatalog(store: Db, settings: Settings, provider: ProviderId, { dueOnly = false } = {}): Promise<SyncOutcome> {
  let running = inFlight.get(provider);
  if (!running) {
    running = refresh(store, settings, provider, dueOnly).finally(() => inFlight.delete(provider));
    inFlight.set(provider, running);
  }
  return running;
}

/**
 * Refreshes the catalog of every enabled provider, one after another. `dueOnly` (the retry alarm,
 * which serves every provider) leaves out a provider whose own retry is not due yet.
 */
export async function syncCatalogs(store: Db, settings: Settings, options: { dueOnly?: boolean } = {}): Promise<void> {
  for (const provider of enabledProviders(settings.providers)) await syncCatalog(store, settings, provider, options);
}

/**
 * Called when a worker starts: finishes a refresh of an enabled provider that a dead worker
 * left unfinished. The catalog itself is never half written (saveCatalog is one transaction);
 * without this, it would stay at the old version until the next daily alarm.
 */
export async function resumeInterruptedSync(): Promise<void> {
  const settings = await loadSettings();
  for (const provider of enabledProviders(settings.providers)) {
    const key = runningKey(provider);
    if ((await browser.storage.local.get(key))[key] !== undefined) await syncCatalog(await db(), settings, provider);
  }
}

async function retryOf(provider: ProviderId): Promise<RetryRecord | undefined> {
  return (await browser.storage.local.get(retryKey(provider)))[retryKey(provider)] as RetryRecord | undefined;
}

/** One retry alarm serves every provider: set for the earliest retry owed, cleared when none is. */
async function scheduleRetryAlarm(settings: Settings): Promise<void> {
  const owed = (await Promise.all(enabledProviders(settings.providers).map(retryOf))).filter((r) => r !== undefined);
  if (owed.length === 0) await browser.alarms.clear(CATALOG_RETRY_ALARM);
  else await browser.alarms.create(CATALOG_RETRY_ALARM, { when: Math.min(...owed.map((r) => r.at)) });
}

async function refresh(store: Db, settings: Settings, provider: ProviderId, dueOnly: boolean): Promise<SyncOutcome> {
  const key = markKey(provider);
  const mark = ((await browser.storage.local.get(key))[key] ?? {}) as CatalogMark;
  // Woken by the retry alarm another provider's retry set, a provider that failed waits out its own
  // backoff (and its Retry-After). The daily alarm and a settings change ask anyway, as before.
  const retry = await retryOf(provider);
  if (dueOnly && retry && retry.at > Date.now() + RETRY_SLACK_MS) return 'failed';
  // Before any request, so a worker killed from here on leaves a way back: the marker for the
  // next worker to find, and the alarm in case nothing wakes one. Success or failure clears both.
  await browser.storage.local.set({ [runningKey(provider)]: Date.now() });
  await browser.alarms.create(CATALOG_RETRY_ALARM, { delayInMinutes: WATCHDOG_MINUTES });
  try {
    await waitForSlot(store, settings, provider);
    const result = await refreshCatalog(provider, contextFor(provider, settings), mark);
    if (result.kind === 'changed') {
      await saveCatalog(store, provider, result.breaches);
      cached = null;
    }
    await browser.storage.local.set({ [key]: result.mark });
    await browser.storage.local.remove([retryKey(provider), runningKey(provider)]);
    await scheduleRetryAlarm(settings);
    return result.kind;
  } catch (error) {
    const failure = error instanceof ProviderError ? error.toJSON() : null;
    const { waitMs, at } = decideCatalogRetry(failure, retry?.waitMs, Date.now());
    await browser.storage.local.set({ [retryKey(provider)]: { waitMs, at } satisfies RetryRecord });
    await browser.storage.local.remove(runningKey(provider));
    await scheduleRetryAlarm(settings);
    console.warn(
      `Was I Exposed?: ${provider} catalog refresh failed; retrying in ${Math.round((at - Date.now()) / MINUTE)} min`,
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
