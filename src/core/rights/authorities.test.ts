import { describe, expect, it } from 'vitest';
import { AUTHORITIES, AUTHORITIES_SOURCE, authorityFor, complaintLink, defaultAuthority } from './authorities';
import { parseLocalDate } from './deadline';

/** The 27 EU member states, the three EEA EFTA states, and the United Kingdom. */
const EU = ['AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE', 'IT', 'LV', 'LT', 'LU',
  'MT', 'NL', 'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE'];
const EEA_EFTA = ['IS', 'LI', 'NO'];

describe('the supervisory authorities', () => {
  it('has every EU and EEA country and the UK, each exactly once', () => {
    expect(EU).toHaveLength(27);
    const countries = AUTHORITIES.map((a) => a.country);
    expect([...countries].sort()).toEqual([...EU, ...EEA_EFTA, 'GB'].sort());
    expect(new Set(countries).size).toBe(countries.length);
  });

  it('links only over https, to real URLs, with no duplicate site or complaint page', () => {
    const links = AUTHORITIES.flatMap((a) => [a.website, ...(a.complaintUrl === null ? [] : [a.complaintUrl])]);
    for (const link of links) expect(new URL(link).protocol, link).toBe('https:');
    const websites = AUTHORITIES.map((a) => a.website);
    expect(new Set(websites).size).toBe(websites.length);
    const pages = AUTHORITIES.flatMap((a) => (a.complaintUrl === null ? [] : [a.complaintUrl]));
    expect(new Set(pages).size).toBe(pages.length);
  });

  it('names every authority, in its own language and in English, under the right law', () => {
    for (const a of AUTHORITIES) {
      expect(a.name.trim(), a.country).not.toBe('');
      expect(a.nameEn.trim(), a.country).not.toBe('');
      expect(a.law, a.country).toBe(a.country === 'GB' ? 'uk-gdpr' : 'eu-gdpr');
    }
    expect(authorityFor('it')?.name).toBe('Garante per la protezione dei dati personali');
  });

  it('records where the list came from and when it was taken', () => {
    expect(AUTHORITIES_SOURCE.list).toBe('https://www.edpb.europa.eu/about-edpb/about-edpb/members_en');
    expect(parseLocalDate(AUTHORITIES_SOURCE.takenOn)).not.toBeNull();
  });

  it('sends the complaint to the complaint page, or to the website when there is none', () => {
    expect(complaintLink(authorityFor('IT')!)).toBe('https://www.garanteprivacy.it/web/guest/home/docweb/-/docweb-display/docweb/4535524');
    const noPage = AUTHORITIES.find((a) => a.complaintUrl === null)!;
    expect(complaintLink(noPage)).toBe(noPage.website);
  });
});

describe('defaultAuthority', () => {
  it.each([
    ['it', 'IT'], ['it-IT', 'IT'], ['it_IT', 'IT'], ['en-GB', 'GB'], ['de-AT', 'AT'], ['de-DE', 'DE'],
    ['fr-BE', 'BE'], ['nl-NL', 'NL'], ['pl', 'PL'], ['nb', 'NO'], ['es-ES', 'ES'], ['el-GR', 'GR'], ['de-LI', 'LI'],
  ])('%s → %s', (locale, country) => {
    expect(defaultAuthority(locale)?.country).toBe(country);
  });

  it('makes no guess outside the EEA and the UK, nor for a language several countries share', () => {
    for (const locale of ['en', 'en-US', 'it-CH', 'de-CH', 'de', 'fr', 'pt-BR', 'zh-CN', '', 'not a locale!']) {
      expect(defaultAuthority(locale), locale).toBeUndefined();
    }
  });
});
