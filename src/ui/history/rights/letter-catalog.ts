import { ext } from '../../../adapters/ext';
import { catalogTranslator, type Catalog, type Translate } from '../../../core/i18n';
import type { LetterLanguage } from '../../../core/rights/laws';
import { t } from '../../i18n';

const loaded = new Map<LetterLanguage, Promise<Translate>>();

/**
 * A translator for the letter's language, which may differ from the page's: chrome.i18n only
 * speaks the page's, so the other catalog is read from the extension's own files (a
 * chrome-extension:// read; nothing leaves the browser). Read once per page.
 */
export function letterTranslator(language: LetterLanguage): Promise<Translate> {
  if (t('languageTag') === language) return Promise.resolve(t);
  let translator = loaded.get(language);
  if (!translator) {
    translator = fetch(ext.runtime.getURL(`_locales/${language}/messages.json`))
      .then((response) => response.json() as Promise<Catalog>)
      .then(catalogTranslator);
    // A failed read is not remembered: choosing the language again tries again.
    translator.catch(() => loaded.delete(language));
    loaded.set(language, translator);
  }
  return translator;
}
