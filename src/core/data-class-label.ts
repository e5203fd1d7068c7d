/**
 * A data class as a person reads it, in their language — the part of the data-class table a label
 * needs, small enough for the popup. Every class the table lists (data-classes.ts) has a label whose
 * message key is derived from its canonical name ("Driver's licenses" → dcDriversLicenses), so a
 * label needs no table: only the few provider spellings that differ from the canonical name are
 * listed here. A class nobody listed has no label, and keeps the provider's own words.
 */
import type { MessageKey, Translate } from './i18n';

/** Provider spellings of a class other than its canonical name (normalised: see normalWords), to that name. */
export const OTHER_SPELLINGS: Readonly<Record<string, string>> = {
  'passwords history': 'Historical passwords',
  'government ids': 'Government issued IDs',
  'drink habits': 'Drinking habits',
  'customer support tickets': 'Support tickets',
  'vehicle identification numbers': 'Vehicle identification numbers (VINs)',
};

/** Lower-case, single spaces, straight apostrophes, no trailing dot: how two spellings compare. */
export function normalWords(text: string): string {
  return text.trim().toLowerCase().replace(/[\u2018\u2019]/g, "'").replace(/\s+/g, ' ').replace(/\.$/, '');
}

/** A class's label key, from its canonical name (any case): "Driver's licenses" → dcDriversLicenses. */
export const classKey = (canonical: string): MessageKey =>
  `dc${canonical.replace(/[^A-Za-z0-9 ]/g, '').split(' ').filter((w) => w !== '').map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('')}` as MessageKey;

/**
 * What a person reads: the label in their language, or the provider's own words for a class with
 * no label. Takes a stored class (a provider's, or a notice's, which typedClass made canonical), in
 * its canonical case or any other: then as a sentence ("email ADDRESSES" → "Email addresses").
 * `t` gives back the key itself for a key it does not know.
 */
export function dataClassLabel(name: string, t: Translate): string {
  const canonical = OTHER_SPELLINGS[normalWords(name)] ?? name.trim();
  const sentence = canonical.charAt(0).toUpperCase() + canonical.slice(1).toLowerCase();
  for (const key of new Set([classKey(canonical), classKey(sentence)])) {
    const label = (key as string) === 'dc' ? '' : t(key);
    if (label !== '' && label !== key) return label;
  }
  return name.trim();
}
