import { ext } from '../adapters/ext';
import { uiLanguage } from './i18n';

/**
 * Where the default data-protection authority is read from (#13): the browser's own UI locale
 * (its region names the country), then the language the extension's pages are shown in.
 */
export function authorityLocales(): string[] {
  return [ext.i18n.getUILanguage(), uiLanguage()];
}
