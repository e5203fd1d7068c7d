/**
 * Translators for unit tests, read from the shipped catalogs, so tests assert the English text
 * the user actually sees. Test-only: nothing outside *.test.ts imports this module.
 */
// The lint rule against '**/messages*' guards src/messages.ts (the page–background protocol);
// these are the message catalogs, plain data.
// eslint-disable-next-line no-restricted-imports
import en from '../../public/_locales/en/messages.json';
// eslint-disable-next-line no-restricted-imports
import it from '../../public/_locales/it/messages.json';
import { catalogTranslator, type Catalog, type Translate } from './i18n';

export const CATALOGS: Readonly<Record<'en' | 'it', Catalog>> = { en, it };

/** English, as the extension shows it with `default_locale`. */
export const tEn: Translate = catalogTranslator(en);
/** Italian. */
export const tIt: Translate = catalogTranslator(it);
