import { describe, expect, it } from 'vitest';
import { tEn } from './i18n-test-helper';
import { DEFAULT_SETTINGS, STORE_RULES, isSettingsKey, validateSettings, validateSettingsPatch, type SettingsRules } from './settings';

const TEST_RULES: SettingsRules = { hostOverrides: true };

describe('validateSettings', () => {
  it('gives the defaults for nothing stored', () => {
    expect(validateSettings(undefined)).toEqual({ settings: DEFAULT_SETTINGS, reset: [], legacy: [] });
  });

  it('keeps valid values and resets bad ones, naming them', () => {
    const { settings, reset } = validateSettings({
      providers: ['hibp'],
      hibpApiKey: 'abc123',
      recheckIntervalHours: -4,
      xposedornotBaseUrl: 'javascript:alert(1)',
      hibpBaseUrl: 'http://127.0.0.1:8787/api/v3/',
      unknownKey: 'dropped',
    }, TEST_RULES);
    expect(settings.providers).toEqual(['hibp']);
    expect(settings.hibpApiKey).toBe('abc123');
    expect(settings.recheckIntervalHours).toBe(DEFAULT_SETTINGS.recheckIntervalHours);
    expect(settings.xposedornotBaseUrl).toBe(DEFAULT_SETTINGS.xposedornotBaseUrl);
    expect(settings.hibpBaseUrl).toBe('http://127.0.0.1:8787/api/v3');
    expect(reset.sort()).toEqual(['recheckIntervalHours', 'xposedornotBaseUrl']);
    expect('unknownKey' in settings).toBe(false);
  });

  it('refuses a provider it does not know, no provider at all, one named twice, and a key with line breaks', () => {
    expect(validateSettings({ providers: ['pastebin'], hibpApiKey: 'abc\ndef' }).reset.sort()).toEqual(['hibpApiKey', 'providers']);
    expect(validateSettings({ providers: [] }).reset).toEqual(['providers']);
    expect(validateSettings({ providers: ['hibp', 'hibp'] }).reset).toEqual(['providers']);
    expect(validateSettings({ providers: 'hibp' }).reset).toEqual(['providers']);
  });

  it('keeps both providers, in registry order', () => {
    expect(validateSettings({ providers: ['hibp', 'xposedornot'] }).settings.providers).toEqual(['xposedornot', 'hibp']);
  });

  it('maps the single provider of older releases onto the set of enabled ones, and says the old key was read', () => {
    expect(validateSettings({ provider: 'hibp', hibpApiKey: 'k' })).toEqual({
      settings: { ...DEFAULT_SETTINGS, providers: ['hibp'], hibpApiKey: 'k' },
      reset: [],
      legacy: ['provider'],
    });
    expect(validateSettings({ provider: 'xposedornot' }).settings.providers).toEqual(['xposedornot']);
    // A bad old value is reset like a bad new one; a stored new value wins over the old key.
    expect(validateSettings({ provider: 'pastebin' })).toEqual({ settings: DEFAULT_SETTINGS, reset: ['providers'], legacy: ['provider'] });
    expect(validateSettings({ provider: 'xposedornot', providers: ['hibp'] }).settings.providers).toEqual(['hibp']);
  });

  it('survives stored garbage of any type', () => {
    for (const junk of [null, 42, 'text', [], [1, 2]]) expect(validateSettings(junk).settings).toEqual(DEFAULT_SETTINGS);
  });
});

describe('provider hosts', () => {
  const overrides = {
    xposedornotBaseUrl: 'http://127.0.0.1:8787',
    hibpBaseUrl: 'https://mirror.example/api/v3',
    pwnedPasswordsBaseUrl: 'https://api.pwnedpasswords.com.evil.example',
  };

  it('a store build resets every stored override to the real host (the default rules are the store\'s)', () => {
    for (const rules of [undefined, STORE_RULES]) {
      const { settings, reset } = validateSettings(overrides, rules);
      expect(settings.xposedornotBaseUrl).toBe('https://api.xposedornot.com');
      expect(settings.hibpBaseUrl).toBe('https://haveibeenpwned.com/api/v3');
      expect(settings.pwnedPasswordsBaseUrl).toBe('https://api.pwnedpasswords.com');
      expect(reset.sort()).toEqual(['hibpBaseUrl', 'pwnedPasswordsBaseUrl', 'xposedornotBaseUrl']);
    }
  });

  it('a store build keeps the real hosts, written with or without a trailing slash', () => {
    expect(validateSettings({ hibpBaseUrl: 'https://haveibeenpwned.com/api/v3/' }).reset).toEqual([]);
  });

  it('a store build refuses an override in a patch, saying why', () => {
    for (const [key, value] of Object.entries(overrides)) {
      expect(validateSettingsPatch({ [key]: value }, tEn)).toEqual({
        ok: false,
        key,
        message: "This version talks only to the providers' own addresses; they cannot be changed.",
      });
    }
  });

  it('a test build accepts any http(s) host, and still nothing else', () => {
    expect(validateSettings(overrides, TEST_RULES).reset).toEqual([]);
    expect(validateSettingsPatch({ hibpBaseUrl: 'javascript:alert(1)' }, tEn, TEST_RULES)).toMatchObject({ ok: false, key: 'hibpBaseUrl' });
  });
});

describe('own keys only', () => {
  const inherited = ['toString', 'constructor', 'hasOwnProperty', 'valueOf', '__proto__'];

  it('isSettingsKey knows the settings and nothing inherited', () => {
    expect(isSettingsKey('providers')).toBe(true);
    for (const key of inherited) expect(isSettingsKey(key)).toBe(false);
  });

  it('a patch naming an inherited key is cleaned of it, and nothing throws', () => {
    const patch = JSON.parse('{"toString": "x", "constructor": 1, "__proto__": {"providers": ["hibp"]}, "valueOf": null, "recheckIntervalHours": 12}') as Record<string, unknown>;
    expect(validateSettingsPatch(patch, tEn)).toEqual({ ok: true, patch: { recheckIntervalHours: 12 } });
  });

  it('stored settings read only own keys', () => {
    const stored = Object.create({ providers: ['hibp'] }) as Record<string, unknown>;
    expect(validateSettings(stored).settings.providers).toEqual(['xposedornot']);
  });
});

describe('validateSettingsPatch', () => {
  it('returns the cleaned patch', () => {
    expect(validateSettingsPatch({ recheckIntervalHours: 12, hibpBaseUrl: 'https://mirror.example/api/v3//' }, tEn, TEST_RULES)).toEqual({
      ok: true,
      patch: { recheckIntervalHours: 12, hibpBaseUrl: 'https://mirror.example/api/v3' },
    });
  });

  it('names the first bad field and says why', () => {
    expect(validateSettingsPatch({ recheckIntervalHours: 0.5 }, tEn)).toEqual({
      ok: false,
      key: 'recheckIntervalHours',
      message: 'Re-check every 1 to 720 hours.',
    });
  });
});
