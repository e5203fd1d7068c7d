import { ext } from './ext';
import type { Translate } from '../core/i18n';

/**
 * The browser's message for `key` in the user's language (English when the catalog has no such
 * language). Chrome answers '' for a key it does not know; the key itself is shown instead, so a
 * gap is visible rather than blank.
 */
export const t: Translate = (key, ...substitutions) => ext.i18n.getMessage(key, substitutions.map(String)) || key;

/**
 * The language the extension's pages speak, as a BCP 47 tag for Intl and `<html lang>`: the
 * browser's UI language when our messages are in that language (keeping its region, en-GB or
 * it-CH), otherwise the language of the catalog actually shown. The two differ when the browser
 * has no catalog of ours for its language (English is shown, so dates are English too), and in a
 * Chromium started with `--lang` but without that language's resources installed: it picks the
 * extension's messages by `--lang` yet reports its own UI language as en-US.
 */
export function uiLanguage(): string {
  const browserLanguage = ext.i18n.getUILanguage().replace(/_/g, '-');
  const shown = t('languageTag');
  return primary(browserLanguage) === primary(shown) ? browserLanguage : shown;
}

const primary = (tag: string) => tag.split('-')[0]!.toLowerCase();
