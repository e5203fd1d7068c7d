/**
 * Pwned Passwords range search (k-anonymity), the pure part: splitting a SHA-1 digest into the
 * 5-character prefix that is sent and the 35-character suffix that is matched here, and reading
 * the range answer. Hashing and HTTP happen elsewhere; nothing in this module sees a password.
 */
import type { Translate } from './i18n';
import type { ProviderFailure } from './provider-error';

export interface Sha1Split {
  /** First 5 hex characters, upper case: the only part of the hash that leaves the browser. */
  prefix: string;
  /** The remaining 35 hex characters, upper case: compared locally, never sent. */
  suffix: string;
}

const SHA1_HEX = /^[0-9a-f]{40}$/i;
const PREFIX = /^[0-9A-F]{5}$/;
const SUFFIX_HEX = /^[0-9A-F]{35}$/;
/** One answer line: 35 hex, a colon, a count (surrounding blanks tolerated). */
const LINE = /^\s*([0-9a-f]{35})\s*:\s*(\d+)\s*$/i;

export function isRangePrefix(value: string): boolean {
  return PREFIX.test(value);
}

/** The bytes of a digest as upper-case hex. */
export function toHex(bytes: ArrayBuffer | Uint8Array): string {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  let hex = '';
  for (const byte of view) hex += byte.toString(16).padStart(2, '0');
  return hex.toUpperCase();
}

/** Splits a 40-hex SHA-1 digest (either case) into the range prefix and the local suffix. */
export function sha1Split(hexDigest: string): Sha1Split {
  if (!SHA1_HEX.test(hexDigest)) throw new Error('Not a SHA-1 hex digest (40 hexadecimal characters).');
  const upper = hexDigest.toUpperCase();
  return { prefix: upper.slice(0, 5), suffix: upper.slice(5) };
}

/**
 * Reads a range answer — lines `SUFFIX:COUNT`, CRLF- or LF-separated, either case — into a map
 * from upper-case suffix to count. Padding lines (count 0, sent with `Add-Padding: true` so the
 * answer's size says nothing) and lines that do not have the format are skipped.
 */
export function parseRangeResponse(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const line of text.split(/\r?\n|\r/)) {
    const match = LINE.exec(line);
    if (!match) continue;
    const count = Number(match[2]);
    if (!Number.isSafeInteger(count) || count <= 0) continue;
    const suffix = match[1]!.toUpperCase();
    counts.set(suffix, Math.max(count, counts.get(suffix) ?? 0));
  }
  return counts;
}

/**
 * Whether a range answer has the documented shape: at least one line, and every non-blank line
 * `SUFFIX:COUNT`. A real answer always has hundreds of lines (800 to 1,000 with padding). Anything
 * else — an HTML page from a proxy, JSON, an answer cut off mid-line — is refused rather than read
 * as "not found": the line that was lost or mangled could have been this password's.
 */
export function isRangeAnswer(text: string): boolean {
  let lines = 0;
  for (const line of text.split(/\r?\n|\r/)) {
    if (line.trim() === '') continue;
    if (!LINE.test(line)) return false;
    lines += 1;
  }
  return lines > 0;
}

/** How many times the suffix appears in the range answer; 0 when absent or only padding. */
export function countForSuffix(text: string, suffix: string): number {
  const wanted = suffix.toUpperCase();
  if (!SUFFIX_HEX.test(wanted)) throw new Error('Not a SHA-1 suffix (35 hexadecimal characters).');
  return parseRangeResponse(text).get(wanted) ?? 0;
}

/**
 * A failed password check in words: what happened and what to do. The HTTP status, when there is
 * one, is added in brackets after the first clause. Nothing retries a password check by itself, so
 * a rate limit says when the user may try again (`formatWhen` renders the provider's Retry-After,
 * already clamped to 1 s…24 h).
 */
export function describePasswordCheckFailure(
  failure: Pick<ProviderFailure, 'kind' | 'status' | 'retryAfterMs'>,
  t: Translate,
  formatWhen: (epochMs: number) => string,
): string {
  const status = failure.status !== undefined ? ` (HTTP ${failure.status})` : '';
  switch (failure.kind) {
    case 'rate-limited':
      return failure.retryAfterMs !== undefined
        ? t('passwordFailureRateLimitedUntil', status, formatWhen(failure.retryAfterMs))
        : t('passwordFailureRateLimited', status);
    case 'unavailable':
      return t('passwordFailureUnavailable', status);
    case 'timeout':
      return t('passwordFailureTimeout');
    case 'network':
      return t('passwordFailureNetwork');
    case 'redirected':
      return t('passwordFailureRedirected');
    case 'forbidden':
    case 'unauthorized':
      return t('passwordFailureRefused', status);
    case 'bad-request':
    case 'malformed':
      return t('passwordFailureMalformed', status);
    case 'internal':
      return t('errorInternal');
  }
}
