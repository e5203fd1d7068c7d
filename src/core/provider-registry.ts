/**
 * Every breach provider, described once. The background, the pacer, the failure texts, the
 * history and the Options and welcome pages all read these descriptors instead of asking "is it
 * HIBP?": a `Record<ProviderId, …>` makes the compiler refuse a provider that lacks an entry, and
 * lint (eslint.config.js) refuses a comparison with a provider id outside the provider modules.
 * What each provider *does* over HTTP is in src/providers/registry.ts, keyed the same way.
 */
import type { ProviderId } from './breach';
import type { MessageKey, Translate } from './i18n';
import { DAY, HOUR, MINUTE, SECOND, type PacingSettings, type RateRule } from './pacing';

/** The settings key that holds a provider's base URL (tests and mirrors point it elsewhere). */
export type BaseUrlSetting = 'xposedornotBaseUrl' | 'hibpBaseUrl';

export interface ProviderDescriptor {
  id: ProviderId;
  /** Product name: the same in every language. */
  name: string;
  /** Production base URL (no trailing slash): the default of `baseUrlSetting`. */
  baseUrl: string;
  /** Production hosts the extension talks to for this provider (manifest host permissions). */
  hosts: readonly string[];
  baseUrlSetting: BaseUrlSetting;
  /** Whether a lookup needs the user's API key (the UI asks for one, Options refuses to save without it). */
  needsKey: boolean;
  /** Whether it refuses requests whose User-Agent does not name the app (a session rule sets one, background/user-agent.ts). */
  needsUserAgent: boolean;
  /** Breach descriptions: HTML shown sanitised, or plain text shown as text. */
  descriptionFormat: 'html' | 'text';
  /** The pace of address lookups: every window the provider counts them in. */
  lookupRules(settings: PacingSettings): RateRule[];
  /** The pace of catalog downloads, counted apart from lookups; null when the provider does not count them. */
  catalogRules: readonly RateRule[] | null;
  /** Site alerts read the catalog of the enabled provider with the lowest rank (the fuller catalog first). */
  catalogRank: number;
  /** Whether the provider offers a k-anonymity address search (whether a key may use it is probed). */
  rangeSearch: boolean;
  /** What a 401 means: a rejected key, or (for a provider that takes none) something in between. */
  unauthorizedText: MessageKey;
  /** Options and welcome: the words after the name (in bold) on the provider's checkbox. */
  optionsText: MessageKey;
  welcomeText: MessageKey;
  /** Why this provider may not list a breach another provider reports for the same address. */
  missingText: MessageKey;
}

/**
 * XposedOrNot counts per client IP and per endpoint (read 2026-12): lookups (`check-email`,
 * `breach-analytics`) 2 a second, 25 an hour, 100 a day. The hour binds: bursting at 2 a second
 * gains nothing, and two requests 50 ms apart at the edge of a one-second window meet a 429 as
 * soon as a busy machine delays one of them. So lookups go one at a time, at least a second
 * apart: any one-second window then holds two of them only if their arrivals drift by half a
 * second, ten times the margin the pacer used to rely on. A check of up to 25 addresses still
 * ends within 25 s; the 26th waits for the hour, as it must.
 */
export const XPOSEDORNOT_LOOKUP_RULES: readonly RateRule[] = [
  // Stricter than the stated 2 a second, on purpose (see above).
  { limit: 1, windowMs: SECOND },
  { limit: 25, windowMs: HOUR },
  { limit: 100, windowMs: DAY },
];

/** XposedOrNot's `/v1/breaches`: 2 a second, 50 an hour, 100 a day, counted apart from lookups. */
export const XPOSEDORNOT_CATALOG_RULES: readonly RateRule[] = [
  { limit: 2, windowMs: SECOND },
  { limit: 50, windowMs: HOUR },
  { limit: 100, windowMs: DAY },
];

/**
 * HIBP counts requests per key in one-minute blocks (plans renamed in 2026: Core, Pro, High RPM);
 * the plan says how many, read from the key's status when it is tested (10 until then).
 */
export function hibpRules(requestsPerMinute: number): RateRule[] {
  return [{ limit: Math.max(1, Math.floor(requestsPerMinute)), windowMs: MINUTE }];
}

export const PROVIDERS: Readonly<Record<ProviderId, ProviderDescriptor>> = {
  xposedornot: {
    id: 'xposedornot',
    name: 'XposedOrNot',
    baseUrl: 'https://api.xposedornot.com',
    hosts: ['api.xposedornot.com'],
    baseUrlSetting: 'xposedornotBaseUrl',
    needsKey: false,
    needsUserAgent: false,
    descriptionFormat: 'text',
    lookupRules: () => [...XPOSEDORNOT_LOOKUP_RULES],
    catalogRules: XPOSEDORNOT_CATALOG_RULES,
    catalogRank: 2,
    rangeSearch: false,
    unauthorizedText: 'failureUnauthorizedKeyless',
    optionsText: 'optionsXposedOrNot',
    welcomeText: 'welcomeXposedOrNot',
    missingText: 'disagreeMissingXposedOrNot',
  },
  hibp: {
    id: 'hibp',
    name: 'Have I Been Pwned',
    baseUrl: 'https://haveibeenpwned.com/api/v3',
    hosts: ['haveibeenpwned.com'],
    baseUrlSetting: 'hibpBaseUrl',
    needsKey: true,
    needsUserAgent: true,
    descriptionFormat: 'html',
    lookupRules: (settings) => hibpRules(settings.hibpRequestsPerMinute),
    // The catalog endpoints are free and not counted against the key.
    catalogRules: null,
    catalogRank: 1,
    rangeSearch: true,
    unauthorizedText: 'failureUnauthorized',
    optionsText: 'optionsHibp',
    welcomeText: 'welcomeHibp',
    missingText: 'disagreeMissingHibp',
  },
};

/** Every provider, in the order pages list them. */
export const PROVIDER_LIST: readonly ProviderDescriptor[] = Object.values(PROVIDERS);

/** Providers' names as one phrase: "XposedOrNot", "Have I Been Pwned and XposedOrNot". */
export function providerNames(ids: readonly ProviderId[], t: Translate): string {
  const names = ids.map((id) => PROVIDERS[id].name);
  const last = names.pop() ?? '';
  return names.length === 0 ? last : t('providersAnd', names.join(', '), last);
}

/**
 * What the pacer counts separately: a provider's lookups (keyed by the provider's id, as the
 * stored request times always were) and, for a provider that counts them, its catalog downloads.
 */
export type RateBucket = ProviderId | `${ProviderId}/catalog`;

export const catalogBucket = (id: ProviderId): RateBucket => `${id}/catalog`;

/**
 * A request is timed when it is claimed, a moment before it leaves, and reaches the provider later
 * still on a busy machine; the provider counts arrivals. Each window is widened by this much (at
 * most a twentieth of it) so that skew cannot squeeze two requests into one window.
 */
export const SKEW_MARGIN_MS = 200;

const widen = (rule: RateRule): RateRule => ({ ...rule, windowMs: rule.windowMs + Math.min(SKEW_MARGIN_MS, rule.windowMs / 20) });

/**
 * The pace of one bucket, widened by the skew margin, with the user's own extra limit on top (for
 * a proxy or mirror that enforces one). Null for a bucket nobody counts.
 */
export function rulesFor(bucket: RateBucket, settings: PacingSettings): readonly RateRule[] | null {
  const [id, part] = bucket.split('/') as [ProviderId, string | undefined];
  const provider = PROVIDERS[id];
  const base = part === undefined ? provider.lookupRules(settings) : provider.catalogRules;
  if (base === null) return null;
  const extra = settings.extraRateLimit === 0 ? [] : [{ limit: settings.extraRateLimit, windowMs: settings.extraRateWindowSeconds * SECOND }];
  return [...base, ...extra].map(widen);
}

/** The enabled providers in registry order (the order the settings list them in does not matter). */
export function enabledProviders(enabled: readonly ProviderId[]): ProviderId[] {
  return PROVIDER_LIST.map((p) => p.id).filter((id) => enabled.includes(id));
}

/** The provider whose catalog site alerts read: the enabled one with the fuller catalog. */
export function siteCatalogProvider(enabled: readonly ProviderId[]): ProviderId {
  const ranked = [...enabledProviders(enabled)].sort((a, b) => PROVIDERS[a].catalogRank - PROVIDERS[b].catalogRank);
  return ranked[0] ?? PROVIDER_LIST[0]!.id;
}
