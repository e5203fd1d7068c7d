/**
 * The "your data-protection authority" setting (#13 item 3): a country code from authorities.json,
 * or '' for "follow the browser's language" (defaultAuthority). Checked with valibot on every
 * load and save, like the rest of the settings.
 */
import * as v from 'valibot';
import { AUTHORITIES, authorityFor, defaultAuthority, type Authority } from './authorities';

const AuthorityCountrySchema = v.union([v.literal(''), v.picklist(AUTHORITIES.map((a) => a.country))]);

export const isAuthorityCountry = (value: unknown): value is string => v.is(AuthorityCountrySchema, value);

/** The authority the person chose, or the one their browser's language points to (undefined: none fits). */
export function chosenAuthority(setting: string, locale: string): Authority | undefined {
  return setting === '' ? defaultAuthority(locale) : authorityFor(setting);
}
