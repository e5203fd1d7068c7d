import type { Breach, CheckOutcome, ProviderId } from '../core/breach';
import type { Settings } from '../core/settings';
import { TEST_BUILD } from '../build-flags';
import { checkAddressByRange, getBreach, hibpProvider } from '../providers/hibp';
import type { BreachProvider, ProviderContext } from '../providers/provider';
import { xposedOrNotProvider } from '../providers/xposedornot';

const PROVIDERS: Record<ProviderId, BreachProvider> = {
  xposedornot: xposedOrNotProvider,
  hibp: hibpProvider,
};

/**
 * Checks one address the way the settings ask. With HIBP on a plan that allows it, the k-anonymity
 * range search is used, so the address itself never leaves the browser; breach details then come
 * from breaches already stored or, for a name not seen before, from the free /breach endpoint.
 */
export async function checkAddress(id: ProviderId, settings: Settings, email: string, known: () => Promise<Breach[]>): Promise<CheckOutcome> {
  const ctx = contextFor(id, settings);
  if (id !== 'hibp' || !settings.hibpRangeSearch) return PROVIDERS[id].checkAddress(ctx, email);
  const catalog = new Map((await known()).filter((b) => b.provider === 'hibp').map((b) => [b.id, b]));
  const outcome = await checkAddressByRange(ctx, email, await sha1Hex(email), catalog);
  if (outcome.kind === 'clean') return outcome;
  const breaches = await Promise.all(
    outcome.breaches.map(async (b) => (catalog.has(b.id) ? b : ((await getBreach(ctx, b.id)) ?? b))),
  );
  return { kind: 'breached', breaches };
}

async function sha1Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-1', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export function contextFor(id: ProviderId, settings: Settings): ProviderContext {
  return {
    fetch: (input, init) => fetch(input, init),
    baseUrl: id === 'hibp' ? settings.hibpBaseUrl : settings.xposedornotBaseUrl,
    timeoutMs: settings.requestTimeoutMs,
    now: () => Date.now(),
    ...(id === 'hibp' && settings.hibpApiKey ? { apiKey: settings.hibpApiKey } : {}),
    ...(TEST_BUILD ? { testKeyHost: new URL(settings.hibpBaseUrl).hostname } : {}),
  };
}
