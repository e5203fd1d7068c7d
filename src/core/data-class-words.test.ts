import { describe, expect, it } from 'vitest';
import { tEn, tIt } from './i18n-test-helper';
import { canonicalClass, dataClassRow, dataClassSuggestions, suggestClasses, typedClass } from './data-class-words';
import { groupOf, guidanceFor } from './guidance';

describe('canonicalClass (the stored, exported form)', () => {
  it('is the provider\u2019s canonical name for any spelling or free word, else the words as given', () => {
    expect(canonicalClass('Drink habits')).toBe('Drinking habits');
    expect(canonicalClass(' nome ')).toBe('Names');
    expect(canonicalClass('Quantum entanglement states ')).toBe('Quantum entanglement states');
  });

  it('reads a provider\u2019s spelling before a free word', () => {
    expect(dataClassRow('Passwords')?.[2]).toBe('Passwords');
    expect(dataClassRow('email addresses')?.[2]).toBe('Email addresses');
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
