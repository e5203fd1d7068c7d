import type { Breach, CheckOutcome, ProviderId } from '../core/breach';
import type { Settings } from '../core/settings';
import { TEST_BUILD } from '../build-flags';
import { checkAddressByRange, hibpProvider } from '../providers/hibp';
import type { BreachProvider, ProviderContext } from '../providers/provider';
import { xposedOrNotProvider } from '../providers/xposedornot';
import { db } from '../storage/open-db';
// catalog-sync imports contextFor from here; the cycle is only between functions called later.
import { syncCatalog } from './catalog-sync';
import { ensureUserAgentRule } from './user-agent';

const PROVIDERS: Record<ProviderId, BreachProvider> = {
  xposedornot: xposedOrNotProvider,
  hibp: hibpProvider,
};

/**
 * Checks one address the way the settings ask. With HIBP on a plan that allows it, the k-anonymity
 * range search is used, so the address itself never leaves the browser. Breach details then come
 * from the synced catalog only — downloaded first when there is none — and a name the catalog does
 * not know yet is kept as a placeholder until the next catalog download fills it in. Never a
 * /breach/{name} request: asked right after a range query, it would tell HIBP which of the range's
 * entries is ours.
 */
export async function checkAddress(id: ProviderId, settings: Settings, email: string, known: () => Promise<Breach[]>): Promise<CheckOutcome> {
  const ctx = contextFor(id, settings);
  if (id !== 'hibp' || !settings.hibpRangeSearch) return PROVIDERS[id].checkAddress(ctx, email);
  const hibpCatalog = async () => new Map((await known()).filter((b) => b.provider === 'hibp').map((b) => [b.id, b]));
  let catalog = await hibpCatalog();
  if (catalog.size === 0) {
    // The catalog is public and names no one: fetching it first tells HIBP nothing about the address.
    await syncCatalog(await db(), settings);
    catalog = await hibpCatalog();
  }
  return checkAddressByRange(ctx, email, await sha1Hex(email), catalog);
}

async function sha1Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-1', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export function contextFor(id: ProviderId, settings: Settings): ProviderContext {
  const baseUrl = id === 'hibp' ? settings.hibpBaseUrl : settings.xposedornotBaseUrl;
  return {
    // Every request to HIBP (lookups, key test, catalog) first has the rule that names the app.
    fetch: id === 'hibp' ? (input, init) => ensureUserAgentRule(new URL(baseUrl).hostname).then(() => fetch(input, init)) : (input, init) => fetch(input, init),
    baseUrl,
    timeoutMs: settings.requestTimeoutMs,
    now: () => Date.now(),
    ...(id === 'hibp' && settings.hibpApiKey ? { apiKey: settings.hibpApiKey } : {}),
    ...(TEST_BUILD ? { testKeyHost: new URL(settings.hibpBaseUrl).hostname } : {}),
  };
}
