import * as v from 'valibot';
import { PROVIDER_IDS } from './breach';
import type { MessageKey, Translate } from './i18n';
import { PROVIDERS } from './provider-registry';
import { isHttpUrl, isPlainObject } from './json-value';
import { AUTHORITY_COUNTRIES } from './rights/authority-setting';

/**
 * Every setting has a schema (FIELDS below; the Settings type is inferred from them) and a default
 * here. Every load is validated, so a corrupted or outdated value is reset to its default instead
 * of breaking the extension.
 */
export const DEFAULT_SETTINGS: Settings = {
  /** The providers every address is looked up at (each paced by its own limits); never empty. */
  providers: ['xposedornot'],
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
  silencedSites: [],
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

/** What a build allows beyond the defaults; chosen at build time, never by a setting. */
export interface SettingsRules {
  /** Provider base URLs may name another http(s) host (test and dev builds only). */
  hostOverrides: boolean;
}

/** Store builds: the provider hosts are the real https ones and nothing else. */
export const STORE_RULES: SettingsRules = { hostOverrides: false };

/** An absolute http(s) URL, stored without a trailing slash so paths can be appended as-is. */
const baseUrl = (message: MessageKey) =>
  v.pipe(
    v.string(message),
    v.check(isHttpUrl, message),
    v.transform((value) => value.replace(/\/+$/, '')),
  );

const int = (min: number, max: number, message: MessageKey) =>
  v.pipe(v.number(message), v.integer(message), v.minValue(min, message), v.maxValue(max, message));

const bool = (message: MessageKey) => v.boolean(message);

/**
 * One schema per setting, each refusing with the words the options page shows for it. A stored
 * value is checked key by key, so one bad value resets that setting alone.
 */
const FIELDS = {
  /** Never empty, never one twice; stored in registry order, so one choice is always stored the same. */
  providers: v.pipe(
    v.array(v.picklist(PROVIDER_IDS, 'settingErrorProviders'), 'settingErrorProviders'),
    v.minLength(1, 'settingErrorProviders'),
    v.check((ids) => new Set(ids).size === ids.length, 'settingErrorProviders'),
    v.transform((ids) => PROVIDER_IDS.filter((id) => ids.includes(id))),
  ),
  hibpApiKey: v.pipe(
    v.string('settingErrorHibpApiKey'),
    v.maxLength(200, 'settingErrorHibpApiKey'),
    v.regex(/^[^\s\p{Cc}]*$/u, 'settingErrorHibpApiKey'),
  ),
  xposedornotBaseUrl: baseUrl('settingErrorXposedornotBaseUrl'),
  hibpBaseUrl: baseUrl('settingErrorHibpBaseUrl'),
  pwnedPasswordsBaseUrl: baseUrl('settingErrorPwnedPasswordsBaseUrl'),
  hibpRequestsPerMinute: int(1, 10_000, 'settingErrorHibpRequestsPerMinute'),
  hibpRangeSearch: bool('settingErrorHibpRangeSearch'),
  extraRateLimit: int(0, 100_000, 'settingErrorExtraRateLimit'),
  extraRateWindowSeconds: int(1, 86_400, 'settingErrorExtraRateWindowSeconds'),
  recheckIntervalHours: int(1, 24 * 30, 'settingErrorRecheckIntervalHours'),
  siteAlerts: bool('settingErrorSiteAlerts'),
  siteAlertRecentMonths: int(0, 1200, 'settingErrorSiteAlertRecentMonths'),
  siteAlertDoubtful: bool('settingErrorSiteAlertDoubtful'),
  silencedSites: v.pipe(
    v.array(v.pipe(v.string('settingErrorSilencedSites'), v.regex(/^[a-z0-9.-]{1,253}$/, 'settingErrorSilencedSites')), 'settingErrorSilencedSites'),
    v.maxLength(10_000, 'settingErrorSilencedSites'),
  ),
  passwordFieldCheck: bool('settingErrorPasswordFieldCheck'),
  requestTimeoutMs: int(1_000, 28_000, 'settingErrorRequestTimeoutMs'),
  /** The data-protection authority to complain to (#13): a country of rights/authorities.json, or '' for the browser's language. */
  authorityCountry: v.picklist(['', ...AUTHORITY_COUNTRIES], 'settingErrorAuthorityCountry'),
};

/** The settings, as the schemas give them. */
export type Settings = { [K in keyof typeof FIELDS]: v.InferOutput<(typeof FIELDS)[K]> };
export type SettingsKey = keyof Settings;

/** Only the settings' own keys: `in` would also accept `toString`, `constructor`, `__proto__`. */
export const isSettingsKey = (key: string): key is SettingsKey => Object.hasOwn(DEFAULT_SETTINGS, key);

/** A base URL is its default (with or without a trailing slash) unless the build allows others. */
const hostAllowed = (key: SettingsKey, value: unknown, rules: SettingsRules): boolean =>
  rules.hostOverrides || !key.endsWith('BaseUrl') || value === DEFAULT_SETTINGS[key];

/** Validates stored settings; unknown keys are dropped, bad values reset to their default. */
export function validateSettings(stored: unknown, rules: SettingsRules = STORE_RULES): SettingsValidation {
  const { source, legacy } = upgradeLegacy(isPlainObject(stored) ? stored : {});
  const settings: Settings = { ...DEFAULT_SETTINGS };
  const reset: SettingsKey[] = [];
  for (const key of Object.keys(DEFAULT_SETTINGS) as SettingsKey[]) {
    if (!Object.hasOwn(source, key)) continue;
    const checked = v.safeParse(FIELDS[key], source[key]);
    if (checked.success && hostAllowed(key, checked.output, rules)) {
      (settings as Record<SettingsKey, unknown>)[key] = checked.output;
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
    const checked = v.safeParse(FIELDS[key], value, { abortEarly: true });
    if (!checked.success) return { ok: false, key, message: t(checked.issues[0].message as MessageKey) };
    if (!hostAllowed(key, checked.output, rules)) return { ok: false, key, message: t('settingErrorProviderHostLocked') };
    clean[key] = checked.output;
  }
  return { ok: true, patch: clean as Partial<Settings> };
}
