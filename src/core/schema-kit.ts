/**
 * What the valibot schemas of the boundaries share. Provider answers, import files, stored settings
 * and messages are all checked with valibot (chosen because each validator is its own function, so
 * a bundle holds only those used); these few helpers are the one place for what valibot lacks.
 * Stored settings need none of them and do not import this module: the popup loads the settings'
 * validators alone (see vite.config.ts).
 *
 * Schema messages are translation requests, not words: a schema is built once, before anyone knows
 * the reader's language, so a message is `words(key, ...args)` and `issueWords` words it later
 * with the caller's Translate, prefixed by the path to the bad field (`exposures[12].state`).
 */
import * as v from 'valibot';
import type { MessageKey, Translate } from './i18n';
import { isPlainObject, type Json } from './json-value';

/** Any JSON object, its fields unchecked. */
export const plainObject = (message?: string) => v.custom<Json>(isPlainObject, message);

/** A message to word later: a message key and the substitutions that follow the path. */
export const words = (key: MessageKey, ...args: Array<string | number>): string => JSON.stringify([key, ...args]);

function decode(message: string): [MessageKey, ...Array<string | number>] {
  return JSON.parse(message) as [MessageKey, ...Array<string | number>];
}

/** The message a field's schema gives, found through the wrappers and pipes around it. */
function messageOf(schema: unknown): string | undefined {
  const s = schema as { message?: unknown; pipe?: unknown[]; wrapped?: unknown };
  if (typeof s.message === 'string') return s.message;
  if (s.pipe) return messageOf(s.pipe[0]);
  return s.wrapped === undefined ? undefined : messageOf(s.wrapped);
}

/**
 * Own fields only: valibot reads `key in input`, so an object built on another prototype (data
 * handed to buildExport, never JSON) is read through a copy of its own fields. None of the fields
 * the schemas name is a property of Object.prototype.
 */
const ownFields = (value: Json): Json => {
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null ? value : { ...value };
};

/**
 * An object with exactly these fields, fresh: unknown keys (`__proto__` among them) are dropped,
 * never assigned, and inherited ones are not read. A list or null is refused with `message`; a
 * missing field is refused with that field's own message, as if it held `undefined`.
 */
export function record<const E extends v.ObjectEntries>(entries: E, message?: string) {
  const missing = (issue: v.ObjectIssue): string => {
    const key = issue.path?.[issue.path.length - 1]?.key;
    return (typeof key === 'string' ? messageOf(entries[key]) : undefined) ?? message ?? '';
  };
  return v.pipe(plainObject(message), v.transform(ownFields), v.object(entries, message === undefined ? undefined : missing));
}

/** `exposures[12].state`: where in the checked value an issue is; '' for the value itself. */
export function issuePath(issue: v.BaseIssue<unknown>): string {
  let path = '';
  for (const item of issue.path ?? []) {
    const key = (item as { key: unknown }).key;
    path += typeof key === 'number' ? `[${key}]` : path === '' ? String(key) : `.${String(key)}`;
  }
  return path;
}

/** What was found instead of what was expected, in words. */
export function foundWords(value: unknown, t: Translate): string {
  if (value === undefined) return t('importFoundMissing');
  if (value === null) return t('importFoundNull');
  if (typeof value === 'string') return t('importFound', JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value));
  if (typeof value === 'number' || typeof value === 'boolean') return t('importFound', String(value));
  return t(Array.isArray(value) ? 'importFoundList' : 'importFoundObject');
}

/**
 * An issue in the reader's words. A length issue says how long the value is against the limit; a
 * message whose key is an expectation (`importExpect…`, `importOneOf`) becomes "path must be …
 * (found …)"; any other message is worded with the path first, then its own substitutions.
 */
export function issueWords(issue: v.BaseIssue<unknown>, t: Translate): string {
  const path = issuePath(issue) || t('importTheFile');
  const [key, ...args] = decode(issue.message);
  if (issue.type === 'max_length') return t(key, path, (issue.input as { length: number }).length, ...args);
  if (key.startsWith('importExpect') || key === 'importOneOf') return t('importMustBe', path, t(key, ...args), foundWords(issue.input, t));
  return t(key, path, ...args);
}

/** A choice of two or more values, refused as "must be a, b or c". */
export const oneOf = <const T extends readonly string[]>(allowed: T) =>
  v.picklist(allowed, words('importOneOf', allowed.slice(0, -1).join(', '), allowed[allowed.length - 1] ?? ''));
