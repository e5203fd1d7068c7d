/**
 * The message catalogs against each other and against the code: every language has exactly the
 * English keys, with the same substitutions; every key is used, and every key the code asks for
 * exists. Chrome refuses to load an extension whose catalog it cannot read, so the syntax it is
 * strict about is checked here too.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATA_CLASSES } from './core/data-classes';

interface Entry {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}
type Catalog = Record<string, Entry>;

const LOCALES_DIR = 'public/_locales';
const read = (path: string) => readFileSync(path, 'utf8');
const catalogOf = (lang: string): Catalog => JSON.parse(read(join(LOCALES_DIR, lang, 'messages.json'))) as Catalog;

const LANGUAGES = readdirSync(LOCALES_DIR).filter((d) => statSync(join(LOCALES_DIR, d)).isDirectory()).sort();
const en = catalogOf('en');
const KEYS = Object.keys(en);

/** The positional substitutions a message uses, `$1`…`$9`, sorted and without repeats. */
function substitutionsOf(message: string): string[] {
  return [...new Set(message.match(/\$[1-9]/g) ?? [])].sort();
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) && !name.endsWith('i18n-test-helper.ts') ? [path] : [];
  });
}

/** The shipped code and the manifest: where a key must appear for it to count as used. */
const CODE = [...sourceFiles('src'), 'manifest.json'].map((path) => ({ path, text: read(path) }));

describe('message catalogs', () => {
  it('ship English, the default locale, and Italian', () => {
    expect(LANGUAGES).toEqual(expect.arrayContaining(['en', 'it']));
    expect(JSON.parse(read('manifest.json')).default_locale).toBe('en');
  });

  it('use camelCase ASCII keys, distinct even ignoring case (Chrome ignores it)', () => {
    for (const key of KEYS) expect(key, key).toMatch(/^[a-z][a-zA-Z0-9]*$/);
    expect(new Set(KEYS.map((k) => k.toLowerCase())).size).toBe(KEYS.length);
  });

  it.each(LANGUAGES)('%s: has every English key and no other', (lang) => {
    const keys = Object.keys(catalogOf(lang));
    expect(KEYS.filter((k) => !keys.includes(k)), `missing from ${lang}`).toEqual([]);
    expect(keys.filter((k) => !(k in en)), `in ${lang} but not in English`).toEqual([]);
  });

  it.each(LANGUAGES)('%s: uses the same substitutions as English in every message', (lang) => {
    const catalog = catalogOf(lang);
    const differ = KEYS.filter((key) => {
      const mine = catalog[key];
      if (!mine) return false; // reported by the test above
      const english = en[key]!;
      return (
        substitutionsOf(mine.message).join() !== substitutionsOf(english.message).join() ||
        Object.keys(mine.placeholders ?? {}).sort().join() !== Object.keys(english.placeholders ?? {}).sort().join()
      );
    });
    expect(differ).toEqual([]);
  });

  it.each(LANGUAGES)('%s: every message is text Chrome and Firefox read the same way', (lang) => {
    for (const [key, entry] of Object.entries(catalogOf(lang))) {
      expect(typeof entry.message, key).toBe('string');
      expect(entry.message.trim(), key).not.toBe('');
      // A `$name$` is a named placeholder: "$1$2" would read as one named "1". Keep them apart.
      if (!entry.placeholders) expect(entry.message, key).not.toMatch(/\$[A-Za-z0-9_@]+\$/);
      // Any other dollar sign is a mistake ($$ would be a literal one; no message needs it).
      expect(entry.message.replace(/\$[1-9]/g, ''), key).not.toContain('$');
    }
  });

  it.each(LANGUAGES)('%s: names its own language, for dates and numbers', (lang) => {
    expect(catalogOf(lang).languageTag?.message.split('-')[0]).toBe(lang.split('_')[0]);
  });
});

describe('messages and code', () => {
  it('uses every key somewhere in the code or the manifest', () => {
    // Data-class labels are keyed by a name derived from each class (data-classes.ts).
    const classKeys = new Set<string>(DATA_CLASSES.map(([key]) => key));
    const unused = KEYS.filter(
      (key) =>
        !classKeys.has(key) && !CODE.some(({ text }) => text.includes(`'${key}'`) || text.includes(`"${key}"`) || text.includes(`__MSG_${key}__`)),
    );
    expect(unused).toEqual([]);
  });

  it('asks only for keys that English has', () => {
    const asked: Array<[string, string]> = [];
    for (const { path, text } of CODE) {
      const where = relative('.', path);
      // t('key', …) and tx('key', …)
      for (const m of text.matchAll(/\btx?\(\s*['"]([^'"]+)['"]/g)) asked.push([where, m[1]!]);
      // t(count === 1 ? 'keyOne' : 'keyOther', …)
      for (const m of text.matchAll(/\btx?\([^,()'"]*\?\s*['"]([^'"]+)['"]\s*:\s*['"]([^'"]+)['"]/g)) asked.push([where, m[1]!], [where, m[2]!]);
      for (const m of text.matchAll(/__MSG_(\w+)__/g)) asked.push([where, m[1]!]);
    }
    expect(asked.length).toBeGreaterThan(200);
    expect(asked.filter(([, key]) => !(key in en)).map(([where, key]) => `${where}: ${key}`)).toEqual([]);
  });
});
