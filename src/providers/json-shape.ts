/**
 * Run-time readers for provider JSON. Provider payloads are untrusted input whose shape can
 * change without notice, so every field is read through one of these: a wrong type yields a
 * default (for optional fields) or a ProviderError 'malformed' (for the few that matter),
 * never a crash further down.
 */
import { NO_FLAGS, type Breach, type ProviderId } from '../core/breach';
import { ProviderError } from '../core/provider-error';

export type JsonRecord = Record<string, unknown>;

export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function malformed(detail: string, status?: number): ProviderError {
  return new ProviderError({ kind: 'malformed', detail, ...(status !== undefined ? { status } : {}) });
}

/** A trimmed non-empty string, or null. */
export function readText(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const text = value.trim();
  return text === '' ? null : text;
}

/** A count of accounts: a non-negative finite number (numeric strings tolerated), or null. */
export function readCount(value: unknown): number | null {
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
  return Number.isFinite(n) && n >= 0 ? Math.round(n) : null;
}

/** Date.parse rolls 2025-02-30 over into March; a day that does not exist is not a date. */
function isRealDay(day: string): boolean {
  const ms = Date.parse(`${day}T00:00:00Z`);
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === day;
}

/** A breach date as the model wants it: YYYY-MM-DD or YYYY; a timestamp is cut to its day. */
export function readBreachDate(value: unknown): string | null {
  const text = readText(value);
  if (text === null) return null;
  const day = /^(\d{4}-\d{2}-\d{2})(?:$|[T ])/.exec(text);
  if (day?.[1] !== undefined) return isRealDay(day[1]) ? day[1] : null;
  return /^\d{4}$/.test(text) ? text : null;
}

/**
 * A timestamp normalised to UTC ISO form, so added dates from either provider compare as
 * strings. A timestamp without a zone is read as UTC: both providers keep their dates in UTC,
 * and Date.parse would otherwise read it in the browser's local zone.
 */
export function readTimestamp(value: unknown): string | null {
  const text = readText(value);
  if (text === null) return null;
  const m = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?))?(Z|[+-]\d{2}:?\d{2})?$/i.exec(text);
  if (!m?.[1] || !isRealDay(m[1])) return null;
  const zone = (m[3] ?? 'Z').toUpperCase().replace(/^([+-]\d{2})(\d{2})$/, '$1:$2');
  const ms = Date.parse(`${m[1]}T${m[2] ?? '00:00'}${zone}`);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

/** An absolute http(s) URL, or null: logos end up in <img src>, so nothing else gets through. */
export function readHttpUrl(value: unknown): string | null {
  const text = readText(value);
  if (text === null) return null;
  try {
    const url = new URL(text);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

/** Lower-case host, or '' when the provider names none. */
export function readDomain(value: unknown): string {
  return readText(value)?.toLowerCase() ?? '';
}

/** Data classes from an array of strings or a ';'-separated string; empties dropped. */
export function readDataClasses(value: unknown): string[] {
  const items = Array.isArray(value) ? value : typeof value === 'string' ? value.split(';') : [];
  const out: string[] = [];
  for (const item of items) {
    const text = readText(item);
    if (text !== null && !out.includes(text)) out.push(text);
  }
  return out;
}

export function readBoolean(value: unknown, fallback: boolean): boolean {
  return typeof value === 'boolean' ? value : fallback;
}

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
