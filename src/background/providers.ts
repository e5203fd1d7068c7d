import type { ProviderId } from '../core/breach';
import { SECOND, XPOSEDORNOT_RULES, hibpRules, type RateRule } from '../core/pacing';
import type { Settings } from '../core/settings';
import { hibpProvider } from '../providers/hibp';
import type { BreachProvider, ProviderContext } from '../providers/provider';
import { xposedOrNotProvider } from '../providers/xposedornot';

const PROVIDERS: Record<ProviderId, BreachProvider> = {
  xposedornot: xposedOrNotProvider,
  hibp: hibpProvider,
};

export function providerFor(id: ProviderId): BreachProvider {
  return PROVIDERS[id];
}

export function contextFor(id: ProviderId, settings: Settings): ProviderContext {
  return {
    fetch: (input, init) => fetch(input, init),
    baseUrl: id === 'hibp' ? settings.hibpBaseUrl : settings.xposedornotBaseUrl,
    timeoutMs: settings.requestTimeoutMs,
    now: () => Date.now(),
    ...(id === 'hibp' && settings.hibpApiKey ? { apiKey: settings.hibpApiKey } : {}),
  };
}

/** The pace each provider allows. HIBP's depends on the key's plan (10/min on the entry plan). */
export function rulesFor(id: ProviderId, settings: Settings): readonly RateRule[] {
  const base = id === 'hibp' ? hibpRules(settings.hibpRequestsPerMinute) : XPOSEDORNOT_RULES;
  if (settings.extraRateLimit === 0) return base;
  return [...base, { limit: settings.extraRateLimit, windowMs: settings.extraRateWindowSeconds * SECOND }];
}
