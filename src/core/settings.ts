import { PROVIDER_IDS, type ProviderId } from './breach';
import type { MessageKey, Translate } from './i18n';
import { PROVIDERS } from './provider-registry';
import { isAuthorityCountry } from './rights/authority-setting'; // #13

/**
 * The defaults object IS the schema: the Settings type is derived from it, and every load is
 * validated against it, so a corrupted or outdated value is reset to its default instead of
 * breaking the extension.
 */
export const DEFAULT_SETTINGS = {
  /** The providers every address is looked up at (each paced by its own limits); never empty. */
  providers: ['xposedornot'] as ProviderId[],
  /** HIBP API key. Lives in storage.local only: never synced, never logged, never exported. */
  hibpApiKey: '',
  /**
   * Base URLs per provider. Store builds accept only these values (see SettingsRules): the HIBP key
   * and the addresses must never be sendable to another host. Test and dev builds may point them
   * at the local fixture server.
   */
  xposedornotBaseUrl: PROVIDERS.xposedornot.baseUrl,
  hibpBaseUrl: PROVIDERS.hibp.baseUrl,
  pwnedPasswordsBaseUrl: 'https://api.pwnedpasswords.com',
  /** HIBP requests per minute the key's plan allows (10 on the entry plan); read from the key's status. */
  hibpRequestsPerMinute: 10,
  /** Whether the key's plan includes k-anonymity search; learnt when the key is tested. */
  hibpRangeSearch: false,
  /**
   * A limit of the user's own on top of the provider's (for a proxy or a self-hosted mirror that
   * enforces one): at most `extraRateLimit` requests per `extraRateWindowSeconds`; 0 turns it off.
   */
  extraRateLimit: 0,
  extraRateWindowSeconds: 1,
  /** Hours between scheduled re-checks of every saved address. */
  recheckIntervalHours: 24,
  /** Warn on breached sites while browsing (needs the optional "tabs" permission). */
  siteAlerts: false,
  /** Breaches not involving the user alert only when added to the catalog this many months ago at most. */
  siteAlertRecentMonths: 12,
  /** Alert also for unverified, fabricated, spam-list and retired breaches. */
  siteAlertDoubtful: false,
  /** Breach domains the user said "never for this site" to. */
  silencedSites: [] as string[],
  /**
   * Warn beside a password field on a web page when the password typed there is in Pwned Passwords
   * (needs the optional "scripting" permission and access to https sites).
   */
  passwordFieldCheck: false,
  /** Per-request timeout; kept below the service worker's 30 s fetch limit. */
  requestTimeoutMs: 25_000,
  /** #13: the data-protection authority to complain to (a country of rights/authorities.json); '' = from the browser's language. */
  authorityCountry: '',
};

export type Settings = typeof DEFAULT_SETTINGS;
export type SettingsKey = keyof Settings;

export interface SettingsValidation {
  settings: Settings;
  /** Keys whose stored value was invalid and was reset to the default. */
  reset: SettingsKey[];
  /**
   * Keys of an older release that were read into today's settings: the caller stores the new
   * value and removes these, so the old key is read once.
   */
  legacy: LegacyKey[];
}

/**
 * Settings keys of older releases, and how each maps onto today's: `provider` (one provider)
 * became `providers` (the set of enabled ones).
 */
export const LEGACY_KEYS = ['provider'] as const;
export type LegacyKey = (typeof LEGACY_KEYS)[number];

function upgradeLegacy(source: Record<string, unknown>): { source: Record<string, unknown>; legacy: LegacyKey[] } {
  if (!('provider' in source)) return { source, legacy: [] };
  // A `providers` already stored is newer than the old key: it wins. A bad old value maps onto a
  // bad new one, which validation then resets to the default and reports.
  const upgraded = 'providers' in source ? source : { ...source, providers: [source.provider] };
  const { provider: _old, ...rest } = upgraded;
  return { source: rest, legacy: ['provider'] };
}

type Validator<T> = (value: unknown) => value is T;

const isHttpUrl = (value: unknown): value is string => {
  if (typeof value !== 'string') return false;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
};

/** What a build allows beyond the defaults; chosen at build time, never by a setting. */
export interface SettingsRules {
  /** Provider base URLs may name another http(s) host (test and dev builds only). */
  hostOverrides: boolean;
}

/** Store builds: the provider hosts are the real https ones and nothing else. */
export const STORE_RULES: SettingsRules = { hostOverrides: false };

const BASE_URL_KEYS: readonly SettingsKey[] = ['xposedornotBaseUrl', 'hibpBaseUrl', 'pwnedPasswordsBaseUrl'];

/** A base URL is its default (with or without a trailing slash) unless the build allows others. */
const baseUrlAllowed = (key: SettingsKey, value: unknown, rules: SettingsRules): boolean =>
  rules.hostOverrides ? isHttpUrl(value) : typeof value === 'string' && tidy(key, value) === DEFAULT_SETTINGS[key];

const isBoolean = (value: unknown): value is boolean => typeof value === 'boolean';

const isIntIn = (min: number, max: number) => (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;

const VALIDATORS: { [K in SettingsKey]: Validator<Settings[K]> } = {
  providers: (v): v is ProviderId[] =>
    Array.isArray(v) &&
    v.length > 0 &&
    new Set(v).size === v.length &&
    v.every((p) => typeof p === 'string' && (PROVIDER_IDS as readonly string[]).includes(p)),
  hibpApiKey: (v): v is string => typeof v === 'string' && v.length <= 200 && !/[\s\p{Cc}]/u.test(v),
  xposedornotBaseUrl: isHttpUrl,
  hibpBaseUrl: isHttpUrl,
  pwnedPasswordsBaseUrl: isHttpUrl,
  hibpRequestsPerMinute: isIntIn(1, 10_000),
  hibpRangeSearch: isBoolean,
  extraRateLimit: isIntIn(0, 100_000),
  extraRateWindowSeconds: isIntIn(1, 86_400),
  recheckIntervalHours: isIntIn(1, 24 * 30),
  siteAlerts: isBoolean,
  siteAlertRecentMonths: isIntIn(0, 1200),
  siteAlertDoubtful: isBoolean,
  silencedSites: (v): v is string[] =>
    Array.isArray(v) && v.length <= 10_000 && v.every((h) => typeof h === 'string' && /^[a-z0-9.-]{1,253}$/.test(h)),
  passwordFieldCheck: isBoolean,
  requestTimeoutMs: isIntIn(1_000, 28_000),
  authorityCountry: isAuthorityCountry, // #13
};

/**
 * Base URLs are stored without a trailing slash so paths can be appended as-is; providers in
 * registry order, so the same choice is always stored the same way.
 */
const tidy = (key: SettingsKey, value: unknown): unknown => {
  if (key === 'providers') return PROVIDER_IDS.filter((id) => (value as string[]).includes(id));
  return key.endsWith('BaseUrl') ? String(value).replace(/\/+$/, '') : value;
};

/** Only the settings' own keys: `in` would also accept `toString`, `constructor`, `__proto__`. */
export const isSettingsKey = (key: string): key is SettingsKey => Object.hasOwn(DEFAULT_SETTINGS, key);

const valid = (key: SettingsKey, value: unknown, rules: SettingsRules): boolean =>
  VALIDATORS[key](value) && (!BASE_URL_KEYS.includes(key) || baseUrlAllowed(key, value, rules));

/** Validates stored settings; unknown keys are dropped, bad values reset to their default. */
export function validateSettings(stored: unknown, rules: SettingsRules = STORE_RULES): SettingsValidation {
  const { source, legacy } = upgradeLegacy(stored && typeof stored === 'object' && !Array.isArray(stored) ? (stored as Record<string, unknown>) : {});
  const settings: Settings = { ...DEFAULT_SETTINGS };
  const reset: SettingsKey[] = [];
  for (const key of Object.keys(DEFAULT_SETTINGS) as SettingsKey[]) {
    if (!Object.hasOwn(source, key)) continue;
    const value = source[key];
    if (valid(key, value, rules)) {
      (settings as Record<SettingsKey, unknown>)[key] = tidy(key, value);
    } else {
      reset.push(key);
    }
  }
  return { settings, reset, legacy };
}

/** Validates a partial update from the UI; returns the first problem in words, or the clean patch. */
export function validateSettingsPatch(
  patch: Partial<Record<SettingsKey, unknown>>,
  t: Translate,
  rules: SettingsRules = STORE_RULES,
): { ok: true; patch: Partial<Settings> } | { ok: false; key: SettingsKey; message: string } {
  const clean: Partial<Record<SettingsKey, unknown>> = {};
  for (const [key, value] of Object.entries(patch)) {
    if (!isSettingsKey(key)) continue;
    if (!VALIDATORS[key](value)) return { ok: false, key, message: t(SETTING_ERRORS[key]) };
    if (!valid(key, value, rules)) return { ok: false, key, message: t('settingErrorProviderHostLocked') };
    clean[key] = tidy(key, value);
  }
  return { ok: true, patch: clean as Partial<Settings> };
}

const SETTING_ERRORS: Record<SettingsKey, MessageKey> = {
  providers: 'settingErrorProviders',
  hibpApiKey: 'settingErrorHibpApiKey',
  xposedornotBaseUrl: 'settingErrorXposedornotBaseUrl',
  hibpBaseUrl: 'settingErrorHibpBaseUrl',
  pwnedPasswordsBaseUrl: 'settingErrorPwnedPasswordsBaseUrl',
  hibpRequestsPerMinute: 'settingErrorHibpRequestsPerMinute',
  hibpRangeSearch: 'settingErrorHibpRangeSearch',
  extraRateLimit: 'settingErrorExtraRateLimit',
  extraRateWindowSeconds: 'settingErrorExtraRateWindowSeconds',
  recheckIntervalHours: 'settingErrorRecheckIntervalHours',
  siteAlerts: 'settingErrorSiteAlerts',
  siteAlertRecentMonths: 'settingErrorSiteAlertRecentMonths',
  siteAlertDoubtful: 'settingErrorSiteAlertDoubtful',
  silencedSites: 'settingErrorSilencedSites',
  passwordFieldCheck: 'settingErrorPasswordFieldCheck',
  requestTimeoutMs: 'settingErrorRequestTimeoutMs',
  authorityCountry: 'settingErrorAuthorityCountry', // #13
};
