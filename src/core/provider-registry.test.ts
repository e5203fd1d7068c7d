import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PROVIDER_IDS } from './breach';
import { DAY, HOUR, MINUTE, SECOND, queueSlots } from './pacing';
import { PROVIDERS, PROVIDER_LIST, catalogBucket, enabledProviders, rulesFor, siteCatalogProvider } from './provider-registry';
import { DEFAULT_SETTINGS } from './settings';

const settings = { hibpRequestsPerMinute: 10, extraRateLimit: 0, extraRateWindowSeconds: 1 };

describe('the provider registry', () => {
  it('describes every provider id exactly once, under its own id', () => {
    // The Record type already refuses a missing entry at compile time; this holds the run time.
    expect(Object.keys(PROVIDERS).sort()).toEqual([...PROVIDER_IDS].sort());
    for (const id of PROVIDER_IDS) expect(PROVIDERS[id].id).toBe(id);
    expect(PROVIDER_LIST.map((p) => p.id)).toEqual(Object.keys(PROVIDERS));
  });

  it('gives each provider a default base URL in the settings, on one of its hosts', () => {
    for (const p of PROVIDER_LIST) {
      expect(DEFAULT_SETTINGS[p.baseUrlSetting]).toBe(p.baseUrl);
      expect(p.hosts).toContain(new URL(p.baseUrl).hostname);
    }
  });

  it('names only hosts the manifest asks access to', () => {
    const manifest = JSON.parse(readFileSync(new URL('../../manifest.json', import.meta.url), 'utf8')) as { host_permissions: string[] };
    for (const p of PROVIDER_LIST) for (const host of p.hosts) expect(manifest.host_permissions.join(' ')).toContain(host);
  });

  it('names its message keys in the English catalog', () => {
    const catalog = JSON.parse(readFileSync(new URL('../../public/_locales/en/messages.json', import.meta.url), 'utf8')) as Record<string, unknown>;
    for (const p of PROVIDER_LIST) {
      for (const key of [p.unauthorizedText, p.optionsText, p.welcomeText, p.missingText]) expect(catalog, `${p.id}: ${key}`).toHaveProperty(key);
    }
  });
});

describe('rulesFor', () => {
  it('widens each window a little, so arrival skew cannot put two requests in one provider window', () => {
    expect(rulesFor('hibp', settings)).toEqual([{ limit: 10, windowMs: MINUTE + 200 }]);
    expect(rulesFor('xposedornot', settings)).toEqual([
      { limit: 1, windowMs: SECOND + 50 },
      { limit: 25, windowMs: HOUR + 200 },
      { limit: 100, windowMs: DAY + 200 },
    ]);
  });

  it('counts XposedOrNot\'s catalog apart from its lookups, by its own limits; HIBP\'s not at all', () => {
    expect(rulesFor(catalogBucket('xposedornot'), settings)).toEqual([
      { limit: 2, windowMs: SECOND + 50 },
      { limit: 50, windowMs: HOUR + 200 },
      { limit: 100, windowMs: DAY + 200 },
    ]);
    expect(rulesFor(catalogBucket('hibp'), settings)).toBeNull();
  });

  it('adds the user\'s own limit', () => {
    expect(rulesFor('hibp', { ...settings, extraRateLimit: 1, extraRateWindowSeconds: 1 })).toContainEqual({ limit: 1, windowMs: 1050 });
  });

  it('spaces XposedOrNot lookups over a second apart, so no one-second window can hold two even when arrivals drift by 0.5 s', () => {
    const rules = rulesFor('xposedornot', settings)!;
    const slots = queueSlots(rules, [], Array.from({ length: 25 }, () => ({ notBefore: 0 })), 0);
    const gaps = slots.slice(1).map((t, i) => t - slots[i]!);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(SECOND);
    // 25 addresses still end within half a minute; the 26th waits for the hour.
    expect(slots.at(-1)).toBeLessThan(30 * SECOND);
    expect(queueSlots(rules, [], Array.from({ length: 26 }, () => ({ notBefore: 0 })), 0).at(-1)).toBeGreaterThanOrEqual(HOUR);
  });
});

describe('enabled providers', () => {
  it('come in registry order, and site alerts read the fuller catalog', () => {
    expect(enabledProviders(['hibp', 'xposedornot'])).toEqual(['xposedornot', 'hibp']);
    expect(siteCatalogProvider(['xposedornot'])).toBe('xposedornot');
    expect(siteCatalogProvider(['xposedornot', 'hibp'])).toBe('hibp');
  });
});
