/**
 * Words for the user go through the WebExtension i18n system: every message lives in
 * public/_locales/<language>/messages.json, English being the reference (`default_locale`).
 *
 * Core stays pure: a function that produces text for the user takes a `Translate` and never asks
 * the browser itself. The extension passes the real one (src/adapters/i18n.ts); tests pass one
 * built from the English catalog (i18n-test-helper.ts).
 *
 * Substitutions are Chrome's positional `$1`…`$9`. There are no plurals in chrome.i18n: a count
 * picks one of two keys, `…One` (exactly 1) or `…Other`, which covers English and Italian.
 */

/** Every message key, read from the English catalog at compile time (a type only: nothing is bundled). */
export type MessageKey = keyof typeof import('../../public/_locales/en/messages.json');

export type Translate = (key: MessageKey, ...substitutions: Array<string | number>) => string;

/** One message of a messages.json file. */
export interface CatalogEntry {
  message: string;
  description?: string;
}

export type Catalog = Readonly<Record<string, CatalogEntry>>;

/**
 * What chrome.i18n.getMessage does with a message: `$1`…`$9` become the substitutions (missing
 * ones become nothing) and `$$` a single `$`.
 */
export function substitute(message: string, substitutions: ReadonlyArray<string | number>): string {
  return message.replace(/\$(?:([1-9])|\$)/g, (_, digit: string | undefined) =>
    digit === undefined ? '$' : String(substitutions[Number(digit) - 1] ?? ''),
  );
}

/** A translator reading one catalog; for tests and tools, where no browser is there to ask. */
export function catalogTranslator(catalog: Catalog): Translate {
  return (key, ...substitutions) => {
    const entry = catalog[key];
    return entry ? substitute(entry.message, substitutions) : key;
  };
}

/** For calls whose text is thrown away (a yes/no question asked of a function that also explains). */
export const silentTranslate: Translate = () => '';
