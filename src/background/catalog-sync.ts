import browser from 'webextension-polyfill';
import type { ProviderId } from '../core/breach';
import { DomainIndex, buildDomainIndex } from '../core/domain-index';
import type { Settings } from '../core/settings';
import { refreshCatalog, type CatalogMark } from '../providers/catalog';
import { catalogOf, saveCatalog } from '../storage/catalog';
import type { Db } from '../storage/schema';
import { contextFor } from './providers';

export const CATALOG_ALARM = 'catalog';
const markKey = (provider: ProviderId) => `catalogMark.${provider}`;

/** The index is rebuilt at most once per worker life and after each changed catalog. */
let cached: { provider: ProviderId; index: Promise<DomainIndex> } | null = null;

export function domainIndex(store: Db, provider: ProviderId): Promise<DomainIndex> {
  if (cached?.provider !== provider) cached = { provider, index: catalogOf(store, provider).then(buildDomainIndex) };
  return cached.index;
}

/** Refreshes the chosen provider's catalog; an unchanged one costs one small request. */
export async function syncCatalog(store: Db, settings: Settings): Promise<'changed' | 'unchanged'> {
  const provider = settings.provider;
  const key = markKey(provider);
  const mark = ((await browser.storage.local.get(key))[key] ?? {}) as CatalogMark;
  const result = await refreshCatalog(provider, contextFor(provider, settings), mark);
  if (result.kind === 'changed') {
    await saveCatalog(store, result.breaches);
    cached = null;
  }
  await browser.storage.local.set({ [key]: result.mark });
  return result.kind;
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
