/**
 * Tests of JSON values too small for a schema, kept apart from schema-kit.ts so that code which
 * needs only these (stored settings, in the popup) does not load valibot's shared validators.
 */
export type Json = Record<string, unknown>;

/** A JSON object: not null and not a list (valibot's `object` would take a list for one). */
export const isPlainObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** An absolute http(s) URL: what may be fetched or shown as an image; never javascript: or data:. */
export function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}
