/** Reading an export file: size, JSON, format and version first, then the document (document.ts). */
import type { Translate } from '../i18n';
import { isPlainObject } from '../json-value';
import { foundWords } from '../schema-kit';
import { countsOf, readDocument } from './document';
import { EXPORT_FORMAT, EXPORT_VERSION, LISTS, MAX_IMPORT_BYTES, OPTIONAL_SECTIONS, type ImportOutcome } from './format';

const TOP_LEVEL_KEYS: ReadonlySet<string> = new Set(['format', 'version', ...LISTS, ...OPTIONAL_SECTIONS]);

/** UTF-8 length without encoding the text; stops counting once past `limit`. */
function utf8Length(text: string, limit: number): number {
  let bytes = 0;
  for (let i = 0; i < text.length && bytes <= limit; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i += 1;
    } else bytes += 3;
  }
  return bytes;
}

function megabytes(bytes: number): string {
  // Rounded up, so a file just over the limit never reads as "40.0 MB" against a 40 MB limit.
  const mb = Math.ceil((bytes / (1024 * 1024)) * 10) / 10;
  return `${Number.isInteger(mb) ? mb.toFixed(0) : mb.toFixed(1)} MB`;
}

/** What JSON.parse objected to and where, in words; engines word their messages differently. */
function jsonErrorDetail(text: string, err: unknown, t: Translate): string {
  let what = (err instanceof Error ? err.message : String(err)).replace(/^JSON\.parse: /, '');
  let where = '';
  // V8: "… in JSON at position 6" (newer: "… at position 6 (line 1 column 7)").
  const v8 = /\s*in JSON at position (\d+)(?: \(line \d+ column \d+\))?/.exec(what);
  if (v8?.[1] !== undefined) {
    const offset = Number(v8[1]);
    const before = text.slice(0, offset);
    const line = before.split('\n').length;
    const column = offset - before.lastIndexOf('\n');
    where = t('importJsonAtPosition', line, column, offset);
    what = what.replace(v8[0], '');
  }
  // SpiderMonkey: "… at line 1 column 7 of the JSON data".
  const sm = /\s*at line (\d+) column (\d+) of the JSON data/.exec(what);
  if (sm) {
    where = t('importJsonAt', sm[1] ?? '', sm[2] ?? '');
    what = what.replace(sm[0], '');
  }
  // V8 quotes the start of the text ('Unexpected token 'x', "xxxx"... is not valid JSON'): the
  // user has the file, and it may be long. The engine's own words stay as the engine wrote them.
  what = what.replace(/, ".*"(\.\.\.)? is not valid JSON$/s, '').trim();
  what = what.charAt(0).toLowerCase() + what.slice(1);
  return [what, where].filter((s) => s !== '').join(' ') || t('importJsonUnreadable');
}

/** Reads an export file. Nothing is trusted: see src/core/export-format.ts. */
export function parseImport(text: string, t: Translate, maxBytes = MAX_IMPORT_BYTES): ImportOutcome {
  const bytes = utf8Length(text, maxBytes);
  if (bytes > maxBytes) {
    return { ok: false, message: t('importTooLarge', megabytes(utf8Length(text, Infinity)), megabytes(maxBytes)) };
  }
  const body = text.startsWith('\ufeff') ? text.slice(1) : text; // editors on Windows add a BOM
  if (body.trim() === '') return { ok: false, message: t('importEmpty') };
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (err) {
    return { ok: false, message: t('importNotJson', jsonErrorDetail(body, err, t)) };
  }
  if (!isPlainObject(json)) return { ok: false, message: t('importNotAnObject') };
  if (json.format !== EXPORT_FORMAT) return { ok: false, message: t('importNotAnExport') };
  const version = Object.hasOwn(json, 'version') ? json.version : undefined;
  if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 1) {
    return { ok: false, message: t('importBadVersion', foundWords(version, t)) };
  }
  if (version > EXPORT_VERSION) {
    return { ok: false, message: t('importNewerVersion', version) };
  }
  // A list this version does not know would be dropped without a word; refuse instead.
  const unknown = Object.keys(json).find((k) => !TOP_LEVEL_KEYS.has(k));
  if (unknown !== undefined) {
    return { ok: false, message: t('importUnknownSection', JSON.stringify(unknown)) };
  }
  const read = readDocument(json, version);
  return 'problem' in read ? { ok: false, message: read.problem(t) } : { ok: true, doc: read.doc, counts: countsOf(read.doc) };
}
