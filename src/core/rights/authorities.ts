/**
 * The supervisory authority a person complains to when a request goes unanswered (Art. 77 GDPR;
 * for the UK, the Information Commissioner). The list is data, in authorities.json beside this
 * file, with its source (the EDPB's list of members) and the date it was taken; this file only
 * types it and picks a default from the browser's locale.
 */
import data from './authorities.json';
import { isLawId, type LawId } from './laws';

export interface Authority {
  /** ISO 3166-1 alpha-2, as browser locales write regions: GR for Greece, GB for the UK. */
  country: string;
  /** The authority's name in its own language (the Italian one for Italy: the Garante). */
  name: string;
  nameEn: string;
  law: LawId;
  website: string;
  /** The page explaining how a person files a complaint; null where none could be checked. */
  complaintUrl: string | null;
}

export const AUTHORITIES_SOURCE: Readonly<{ list: string; takenOn: string; note: string }> = data.source;

export const AUTHORITIES: readonly Authority[] = data.authorities.map((a) => {
  if (!isLawId(a.law)) throw new TypeError(`authorities.json: unknown law ${a.law} for ${a.country}`);
  return { ...a, law: a.law };
});

export function authorityFor(country: string): Authority | undefined {
  const code = country.toUpperCase();
  return AUTHORITIES.find((a) => a.country === code);
}

/** Where to send the person who wants to complain: the complaint page, else the website. */
export function complaintLink(authority: Authority): string {
  return authority.complaintUrl ?? authority.website;
}

/**
 * The authority chosen in Options (`authorityCountry`), or for '' the first the locales point to:
 * the browser's own UI locale first ('de-AT' names Austria even where the pages are shown in
 * English), then the language the pages are shown in.
 */
export function chosenAuthority(setting: string, locales: readonly string[]): Authority | undefined {
  if (setting !== '') return authorityFor(setting);
  for (const locale of locales) {
    const found = defaultAuthority(locale);
    if (found) return found;
  }
  return undefined;
}

/**
 * A language spoken as a national language in one EEA country (or the UK) only, so that a
 * locale with no region still points somewhere sensible: 'it' → Italy. Languages shared by
 * several countries (English, German, French, Dutch, Swedish, Greek…) have no entry: 'de' alone
 * could be Germany, Austria or Liechtenstein, and guessing the wrong authority is worse than
 * asking.
 */
const ONE_COUNTRY_LANGUAGES: Readonly<Record<string, string>> = {
  bg: 'BG', cs: 'CZ', da: 'DK', es: 'ES', et: 'EE', fi: 'FI', hr: 'HR', hu: 'HU', is: 'IS',
  it: 'IT', lt: 'LT', lv: 'LV', mt: 'MT', nb: 'NO', nn: 'NO', no: 'NO', pl: 'PL', pt: 'PT',
  ro: 'RO', sk: 'SK', sl: 'SI', ga: 'IE', cy: 'GB',
};

/**
 * The authority to preselect in Options for a browser locale ('it', 'it-IT', 'en-GB', 'de_AT').
 * A region decides when there is one: 'it-CH' is someone in Switzerland, outside the EEA, so no
 * default rather than the Garante. Without a region, only a one-country language decides.
 * Undefined means "no good guess": the user picks.
 */
export function defaultAuthority(locale: string): Authority | undefined {
  let parsed: Intl.Locale;
  try {
    parsed = new Intl.Locale(locale.trim().replace(/_/g, '-'));
  } catch {
    return undefined; // not a BCP 47 tag: no guess
  }
  if (parsed.region !== undefined) return authorityFor(parsed.region);
  const country = ONE_COUNTRY_LANGUAGES[parsed.language];
  return country === undefined ? undefined : authorityFor(country);
}
