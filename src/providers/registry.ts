/**
 * What each provider does over HTTP, one entry per provider (its description — name, hosts,
 * limits, texts — is src/core/provider-registry.ts). The background calls these and nothing
 * provider-specific, so a third provider is its module, one entry here and one there.
 */
import type { Breach, CheckOutcome, ProviderId } from '../core/breach';
import { refreshHibp, refreshXon, type CatalogMark, type CatalogRefresh } from './catalog';
import { checkHibpAddress } from './hibp';
import type { ProviderContext } from './provider';
import { checkXonAddress } from './xposedornot';

export interface LookupOptions {
  /** The key's plan allows k-anonymity search (probed when the key is tested). */
  rangeSearch: boolean;
  /** The breach records already stored, read only when a lookup needs them (range search names breaches without details). */
  known: () => Promise<Breach[]>;
  /** Downloads this provider's catalog now (range search reads breach details from it alone). */
  syncCatalog: () => Promise<unknown>;
}

export interface ProviderModule {
  /** Checks one normalised address. Throws ProviderError on any failure. */
  checkAddress(ctx: ProviderContext, address: string, options: LookupOptions): Promise<CheckOutcome>;
  /** Refreshes the breach catalog; an unchanged one costs one small request. */
  refreshCatalog(ctx: ProviderContext, mark: CatalogMark): Promise<CatalogRefresh>;
}

export const PROVIDER_MODULES: Readonly<Record<ProviderId, ProviderModule>> = {
  xposedornot: { checkAddress: (ctx, address) => checkXonAddress(ctx, address), refreshCatalog: refreshXon },
  hibp: { checkAddress: checkHibpAddress, refreshCatalog: refreshHibp },
};

export function refreshCatalog(provider: ProviderId, ctx: ProviderContext, mark: CatalogMark): Promise<CatalogRefresh> {
  return PROVIDER_MODULES[provider].refreshCatalog(ctx, mark);
}
