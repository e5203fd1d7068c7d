import { describe, expect, it } from 'vitest';
import rawHibp from '../../e2e/fixtures/data/hibp-breaches.json';
import rawXon from '../../e2e/fixtures/data/xon-v1-breaches-response.json';
// eslint-disable-next-line no-restricted-imports -- test only: the fixture catalogs go through the real parsers
import { parseHibpCatalog } from '../providers/hibp';
// eslint-disable-next-line no-restricted-imports -- test only
import { parseXonCatalog } from '../providers/xposedornot';
import { CATALOGS, tEn, tIt } from './i18n-test-helper';
import { DATA_CLASSES, canonicalClass, dataClassLabel, dataClassRow, dataClassSuggestions, suggestClasses, typedClass } from './data-classes';
import { groupOf, guidanceFor } from './guidance';

const classesOf = (breaches: ReadonlyArray<{ dataClasses: readonly string[] }>) => [...new Set(breaches.flatMap((b) => b.dataClasses))].sort();
const CATALOG_CLASSES = { hibp: classesOf(parseHibpCatalog(rawHibp)), xposedornot: classesOf(parseXonCatalog(rawXon)) };

describe('data classes of both providers\u2019 catalogs', () => {
  it('reads both catalogs (sanity check for the test itself)', () => {
    expect(CATALOG_CLASSES.hibp.length).toBeGreaterThanOrEqual(140);
    expect(CATALOG_CLASSES.xposedornot.length).toBeGreaterThan(50);
  });

  it.each(Object.entries(CATALOG_CLASSES))('%s: every class has an English and an Italian label', (_provider, classes) => {
    const unlabelled = classes.filter((name) => {
      const row = dataClassRow(name);
      if (!row) return true;
      const [key] = row;
      return !CATALOGS.en[key]?.message.trim() || !CATALOGS.it[key]?.message.trim();
    });
    expect(unlabelled).toEqual([]);
  });

  it('has no English label copied into the Italian catalog', () => {
    // The usual slip; even loanwords differ (Italian does not mark their plural: "Password", "Browser").
    const same = DATA_CLASSES.map(([key]) => key).filter((key) => CATALOGS.en[key]!.message === CATALOGS.it[key]!.message);
    expect(same).toEqual([]);
  });

  it('every row\u2019s derived label key is in the English and Italian catalogs', () => {
    const missing = DATA_CLASSES.map(([key]) => key).filter((key) => !CATALOGS.en[key]?.message.trim() || !CATALOGS.it[key]?.message.trim());
    expect(missing).toEqual([]);
    expect(DATA_CLASSES.find(([, , canonical]) => canonical === "Driver's licenses")?.[0]).toBe('dcDriversLicenses');
  });

  it('every row is a distinct label key, and every spelling belongs to one row', () => {
    const keys = DATA_CLASSES.map(([key]) => key);
    expect(new Set(keys).size).toBe(keys.length);
    const spellings = DATA_CLASSES.flatMap((row) => row.slice(2).map((s) => String(s).toLowerCase()));
    expect(new Set(spellings).size).toBe(spellings.length);
  });
});

describe('dataClassLabel', () => {
  it('shows a known class in the page\u2019s language, whatever its case or spelling', () => {
    expect(dataClassLabel('Email addresses', tIt)).toBe('Indirizzi email');
    expect(dataClassLabel('email ADDRESSES ', tEn)).toBe('Email addresses');
    expect(dataClassLabel('Drink habits', tIt)).toBe(dataClassLabel('Drinking habits', tIt));
    expect(dataClassLabel('Passwords', tIt)).toBe('Password');
  });

  it('falls back to the provider\u2019s own words for a class nobody listed yet', () => {
    expect(dataClassLabel('  Quantum entanglement states ', tIt)).toBe('Quantum entanglement states');
    expect(canonicalClass('Quantum entanglement states ')).toBe('Quantum entanglement states');
  });
});

describe('typedClass (what a person types in a notice)', () => {
  it.each([
    ['name', 'Names'],
    ['nome', 'Names'],
    ['Nomi', 'Names'],
    ['email', 'Email addresses'],
    ['e-mail', 'Email addresses'],
    ['indirizzo email', 'Email addresses'],
    ['Indirizzi email', 'Email addresses'],
    ['telefono', 'Phone numbers'],
    ['phone', 'Phone numbers'],
    ['password', 'Passwords'],
    ['data di nascita', 'Dates of birth'],
    ['date of birth', 'Dates of birth'],
    ['indirizzo', 'Physical addresses'],
    ['codice fiscale', 'National IDs'],
  ])('%s \u2192 %s', (word, canonical) => {
    expect(typedClass(word, tEn)).toBe(canonical);
    expect(typedClass(word, tIt)).toBe(canonical);
  });

  it('reads a label in the page\u2019s language (a suggestion picked from the list)', () => {
    expect(typedClass('Numeri di telaio (VIN)', tIt)).toBe('Vehicle identification numbers (VINs)');
    expect(typedClass('Cronologie di navigazione', tIt)).toBe('Browsing histories');
  });

  it('keeps words it does not know as typed', () => {
    expect(typedClass('  Nearly everything ', tIt)).toBe('Nearly everything');
  });

  it('gives the seed case, typed naturally in either language, the phishing advice', () => {
    for (const typed of [['nome', 'email'], ['name', 'email'], ['Nomi', 'Indirizzi email']]) {
      const classes = typed.map((w) => typedClass(w, tIt));
      expect(classes.map(groupOf)).toEqual(['personal', 'contact']);
      const contact = guidanceFor(classes, tEn).find((g) => g.group === 'contact');
      expect(contact?.steps.join(' ')).toMatch(/phishing/);
    }
  });
});

describe('dataClassSuggestions', () => {
  it('offers every label once, in the page\u2019s language, sorted', () => {
    const it_ = dataClassSuggestions(tIt, 'it');
    expect(it_).toContain('Indirizzi email');
    expect(it_).not.toContain('Email addresses');
    expect(it_).toEqual([...it_].sort((a, b) => a.localeCompare(b, 'it')));
    expect(new Set(it_).size).toBe(it_.length);
  });
});

describe('suggestClasses', () => {
  it('puts the class the words name first, then labels starting with them, then the rest', () => {
    expect(suggestClasses('email', tIt, 3, 'it')[0]).toBe('Indirizzi email');
    expect(suggestClasses('nome', tIt, 5, 'it')[0]).toBe('Nomi');
    expect(suggestClasses('tel', tIt, 5, 'it')).toContain('Numeri di telefono');
    expect(suggestClasses('phone', tEn, 2, 'en')).toEqual(['Phone numbers', 'Partial phone numbers']);
  });

  it('waits for two letters and keeps to the limit', () => {
    expect(suggestClasses(' e ', tEn, 5)).toEqual([]);
    expect(suggestClasses('es', tEn, 4)).toHaveLength(4);
  });
});
