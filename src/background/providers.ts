import type { Breach, CheckOutcome, ProviderId } from '../core/breach';
import { PROVIDERS } from '../core/provider-registry';
import type { Settings } from '../core/settings';
import type { ProviderContext } from '../providers/provider';
import { PROVIDER_MODULES } from '../providers/registry';

/** Checks one address at one provider, the way the settings ask (see each provider's module). */
export function checkAddress(id: ProviderId, settings: Settings, email: string, known: () => Promise<Breach[]>): Promise<CheckOutcome> {
  return PROVIDER_MODULES[id].checkAddress(contextFor(id, settings), email, { rangeSearch: settings.hibpRangeSearch, known });
}

/** How to reach a provider: its base URL from the settings and, for one that takes a key, the key. */
export function contextFor(id: ProviderId, settings: Settings): ProviderContext {
  const provider = PROVIDERS[id];
  return {
    fetch: (input, init) => fetch(input, init),
    baseUrl: settings[provider.baseUrlSetting],
    timeoutMs: settings.requestTimeoutMs,
    now: () => Date.now(),
    ...(provider.needsKey && settings.hibpApiKey ? { apiKey: settings.hibpApiKey } : {}),
  };
}
