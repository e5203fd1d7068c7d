import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, validateSettings, validateSettingsPatch } from '../settings';
import { AUTHORITIES, chosenAuthority } from './authorities';
import { AUTHORITY_COUNTRIES } from './authority-setting';

describe('the authority setting', () => {
  it('is a country of the list, or empty for the browser language', () => {
    for (const good of ['', 'IT', 'GB']) expect(validateSettings({ authorityCountry: good }).settings.authorityCountry).toBe(good);
    for (const bad of ['it', 'US', 'XX', 3, null, ['IT']]) expect(validateSettings({ authorityCountry: bad }).reset, String(bad)).toEqual(['authorityCountry']);
  });

  it('names exactly the countries of authorities.json, in its order', () => {
    expect(AUTHORITY_COUNTRIES).toEqual(AUTHORITIES.map((a) => a.country));
  });

  it('defaults to following the browser language: Italian means the Garante', () => {
    expect(DEFAULT_SETTINGS.authorityCountry).toBe('');
    expect(chosenAuthority('', ['it'])?.name).toBe('Garante per la protezione dei dati personali');
    expect(chosenAuthority('', ['en-US', 'en'])).toBeUndefined();
    expect(chosenAuthority('FR', ['it'])?.country).toBe('FR');
    // The browser's own locale first (an Austrian browser with the pages in English), then the pages' language
    // (a Chromium that reports en-US while showing the Italian pages).
    expect(chosenAuthority('', ['de-AT', 'en'])?.country).toBe('AT');
    expect(chosenAuthority('', ['en-US', 'it'])?.country).toBe('IT');
  });

  it('is validated on load (a bad value is reset) and on save (with a message)', () => {
    expect(validateSettings({ authorityCountry: 'ZZ' })).toMatchObject({ settings: { authorityCountry: '' }, reset: ['authorityCountry'] });
    expect(validateSettings({ authorityCountry: 'DE' }).settings.authorityCountry).toBe('DE');
    const t = (key: string) => key;
    expect(validateSettingsPatch({ authorityCountry: 'ZZ' }, t as never)).toEqual({ ok: false, key: 'authorityCountry', message: 'settingErrorAuthorityCountry' });
  });
});
