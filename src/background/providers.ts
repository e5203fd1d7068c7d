import type { Breach, CheckOutcome, ProviderId } from '../core/breach';
import { PROVIDERS } from '../core/provider-registry';
import type { Settings } from '../core/settings';
import { TEST_BUILD } from '../build-flags';
import type { ProviderContext } from '../providers/provider';
import { PROVIDER_MODULES } from '../providers/registry';
import { db } from '../storage/open-db';
// catalog-sync imports contextFor from here; the cycle is only between functions called later.
import { syncCatalog } from './catalog-sync';
import { ensureUserAgentRule } from './user-agent';

/** Checks one address at one provider, the way the settings ask (see each provider's module). */
export function checkAddress(id: ProviderId, settings: Settings, email: string, known: () => Promise<Breach[]>): Promise<CheckOutcome> {
  return PROVIDER_MODULES[id].checkAddress(contextFor(id, settings), email, {
    rangeSearch: settings.hibpRangeSearch,
    known,
    syncCatalog: async () => syncCatalog(await db(), settings, id),
  });
}

/** How to reach a provider: its base URL from the settings and, for one that takes a key, the key. */
export function contextFor(id: ProviderId, settings: Settings): ProviderContext {
  const provider = PROVIDERS[id];
  const baseUrl = settings[provider.baseUrlSetting];
  return {
    // Every request to a provider that wants the app named (lookups, key test, catalog) first has the rule that names it.
    fetch: provider.needsUserAgent ? (input, init) => ensureUserAgentRule(new URL(baseUrl).hostname).then(() => fetch(input, init)) : (input, init) => fetch(input, init),
    baseUrl,
    timeoutMs: settings.requestTimeoutMs,
    now: () => Date.now(),
    ...(provider.needsKey && settings.hibpApiKey ? { apiKey: settings.hibpApiKey } : {}),
    ...(TEST_BUILD ? { testKeyHost: new URL(settings.hibpBaseUrl).hostname } : {}),
  };
}
