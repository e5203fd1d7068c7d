import { describe, expect, it } from 'vitest';
import rawHibp from '../../e2e/fixtures/data/hibp-breaches.json';
import rawXon from '../../e2e/fixtures/data/xon-v1-breaches-response.json';
// eslint-disable-next-line no-restricted-imports -- test only: the fixture catalogs go through the real parsers
import { parseHibpCatalog } from '../providers/hibp';
// eslint-disable-next-line no-restricted-imports -- test only
import { parseXonCatalog } from '../providers/xposedornot';
import { CATALOGS, tEn, tIt } from './i18n-test-helper';
import { DATA_CLASSES, dataClassLabel, providerClassRow } from './data-classes';
import { typedClass } from './data-class-words';

const classesOf = (breaches: ReadonlyArray<{ dataClasses: readonly string[] }>) => [...new Set(breaches.flatMap((b) => b.dataClasses))].sort();
const CATALOG_CLASSES = { hibp: classesOf(parseHibpCatalog(rawHibp)), xposedornot: classesOf(parseXonCatalog(rawXon)) };

describe('data classes of both providers\u2019 catalogs', () => {
  it('reads both catalogs (sanity check for the test itself)', () => {
    expect(CATALOG_CLASSES.hibp.length).toBeGreaterThanOrEqual(140);
    expect(CATALOG_CLASSES.xposedornot.length).toBeGreaterThan(50);
  });

  // By the providers' spellings alone, as the popup reads them (the people's free words are not loaded there).
  it.each(Object.entries(CATALOG_CLASSES))('%s: every class has an English and an Italian label', (_provider, classes) => {
    const unlabelled = classes.filter((name) => {
      const row = providerClassRow(name);
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

  it('labels every spelling of every listed class with its row\u2019s label, without reading the table', () => {
    for (const [key, , ...spellings] of DATA_CLASSES) {
      for (const spelling of spellings) expect(dataClassLabel(spelling, tIt), spelling).toBe(tIt(key));
    }
  });

  it('falls back to the provider\u2019s own words for a class nobody listed yet', () => {
    expect(dataClassLabel('  Quantum entanglement states ', tIt)).toBe('Quantum entanglement states');
  });

  it('labels a notice\u2019s classes, stored in the canonical form typedClass gave them', () => {
    expect(['nome', 'e-mail', 'codice fiscale'].map((word) => dataClassLabel(typedClass(word, tIt), tIt))).toEqual(['Nomi', 'Indirizzi email', 'Numeri di identificazione nazionali']);
  });
});

