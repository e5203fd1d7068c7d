/**
 * Field schemas (valibot) for provider JSON. Provider payloads are untrusted input whose shape can
 * change without notice, so every field is read through one of these: a wrong type yields a
 * default (`v.fallback`, for optional fields) or a ProviderError 'malformed' (for the few that
 * matter, through `readAnswer`), never a crash further down. Messages here are the error's
 * detail for the log and the failure text, not words for a form, so they are plain English.
 */
import * as v from 'valibot';
import { NO_FLAGS, type Breach, type ProviderId } from '../core/breach';
import { ProviderError, malformed } from '../core/provider-error';
import { isHttpUrl } from '../core/json-value';

/** The value `schema` reads from `json`, or a 'malformed' error with the first issue's message. */
export function readAnswer<S extends v.GenericSchema>(schema: S, json: unknown): v.InferOutput<S> {
  const checked = v.safeParse(schema, json, { abortEarly: true });
  if (!checked.success) throw malformed(checked.issues[0].message);
  return checked.output;
}

/** A trimmed non-empty string; refused with `message` (a required field). */
export const requiredText = (message?: string) => v.pipe(v.string(message), v.trim(), v.nonEmpty(message));

/** A trimmed non-empty string, or null. */
export const text = v.fallback(v.nullable(requiredText()), null);

/** A count of accounts: a non-negative finite number (numeric strings tolerated), rounded. */
export const requiredCount = (message?: string) =>
  v.pipe(
    v.union([v.number(), v.pipe(v.string(), v.regex(/^\s*\d+\s*$/), v.transform(Number))], message),
    v.finite(message),
    v.minValue(0, message),
    v.transform(Math.round),
  );

/** A count, or null. */
export const count = v.fallback(v.nullable(requiredCount()), null);

/** Date.parse rolls 2025-02-30 over into March; a day that does not exist is not a date. */
function isRealDay(day: string): boolean {
  const ms = Date.parse(`${day}T00:00:00Z`);
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === day;
}

function toBreachDate(text: string): string | null {
  const day = /^(\d{4}-\d{2}-\d{2})(?:$|[T ])/.exec(text);
  if (day?.[1] !== undefined) return isRealDay(day[1]) ? day[1] : null;
  return /^\d{4}$/.test(text) ? text : null;
}

/** A breach date as the model wants it: YYYY-MM-DD or YYYY; a timestamp is cut to its day. */
export const breachDate = v.fallback(v.pipe(requiredText(), v.transform(toBreachDate)), null);

function toTimestamp(text: string): string | null {
  const m = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?))?(Z|[+-]\d{2}:?\d{2})?$/i.exec(text);
  if (!m?.[1] || !isRealDay(m[1])) return null;
  const zone = (m[3] ?? 'Z').toUpperCase().replace(/^([+-]\d{2})(\d{2})$/, '$1:$2');
  const ms = Date.parse(`${m[1]}T${m[2] ?? '00:00'}${zone}`);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

/**
 * A timestamp normalised to UTC ISO form, so added dates from either provider compare as
 * strings. A timestamp without a zone is read as UTC: both providers keep their dates in UTC,
 * and Date.parse would otherwise read it in the browser's local zone.
 */
export const timestamp = v.fallback(v.pipe(requiredText(), v.transform(toTimestamp)), null);

/** An absolute http(s) URL, or null: logos end up in <img src>, so nothing else gets through. */
export const httpUrl = v.fallback(v.nullable(v.pipe(requiredText(), v.check(isHttpUrl), v.transform((s) => new URL(s).href))), null);

/** Lower-case host, or '' when the provider names none. */
export const domain = v.fallback(v.pipe(requiredText(), v.toLowerCase()), '');

/** Each text once, trimmed; empties and anything else dropped. */
const classes = (items: unknown[]): string[] => [...new Set(items.map((item) => v.parse(text, item)).filter((t) => t !== null))];
const classList = v.pipe(v.array(v.unknown()), v.transform(classes));
const classText = v.pipe(v.string(), v.transform((s) => classes(s.split(';'))));

/** Data classes from an array of strings (HIBP); anything else is none. */
export const dataClassList = v.fallback(classList, () => []);
/** Data classes from a ';'-separated string (XposedOrNot's analytics); anything else is none. */
export const dataClassText = v.fallback(classText, () => []);
/** Data classes from either form (XposedOrNot's catalog has both). */
export const dataClasses = v.fallback(v.union([classList, classText]), () => []);

/** A boolean, or `fallback` for anything else. */
export const flag = (fallback: boolean) => v.fallback(v.boolean(), fallback);

/** A breach known only by name (a name the catalog does not hold yet). */
export function placeholderBreach(provider: ProviderId, name: string): Breach {
  return {
    id: name,
    provider,
    title: name,
    domain: '',
    breachDate: null,
    addedDate: null,
    pwnCount: null,
    description: '',
    dataClasses: [],
    logoUrl: null,
    flags: { ...NO_FLAGS },
  };
}

/** Keeps the first breach with each id: ids key the user's exposure history. */
export function uniqueById(breaches: Breach[]): Breach[] {
  const seen = new Set<string>();
  return breaches.filter((b) => (seen.has(b.id) ? false : (seen.add(b.id), true)));
}

/** A parsed catalog, with how many entries were unreadable and left out. */
export interface ParsedCatalog {
  breaches: Breach[];
  skipped: number;
}

/**
 * Catalog parsing skips and counts entries it cannot read instead of failing: the catalog is
 * reference data for naming and describing breaches, and one odd entry must not make every
 * other breach unknown. An array in which nothing is readable means the format changed, and
 * that is an error.
 */
export function parseCatalogEntries(entries: unknown[], map: (entry: unknown) => Breach, what: string): ParsedCatalog {
  const breaches: Breach[] = [];
  let skipped = 0;
  const seen = new Set<string>();
  for (const entry of entries) {
    try {
      const breach = map(entry);
      if (seen.has(breach.id)) {
        skipped += 1;
        continue;
      }
      seen.add(breach.id);
      breaches.push(breach);
    } catch (err) {
      if (!(err instanceof ProviderError)) throw err;
      skipped += 1;
    }
  }
  if (entries.length > 0 && breaches.length === 0) throw malformed(`${what}: none of the ${entries.length} entries could be read`);
  return { breaches, skipped };
}
