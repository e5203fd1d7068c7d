/**
 * Pwned Passwords range search over HTTP. Runs in the page that asks (the popup), never in the
 * background, so the password never crosses a message boundary — and it never reaches this file
 * either: the HTTP function takes a 5-character hash prefix and refuses anything else, so what
 * leaves the browser is provably those 5 hex characters. The UI may import this file (and only
 * this provider file; see eslint.config.js).
 */
import { countForSuffix, isRangeAnswer, isRangePrefix, sha1Split } from '../core/pwned-passwords';
import { requestText } from './http-client';
import { malformed } from '../core/provider-error';
import type { ProviderContext } from './provider';

/** A padded answer is 800–1,000 lines of ~40 bytes; a megabyte is far beyond any real one. */
export const RANGE_MAX_BYTES = 1024 * 1024;

/** No API key: the range API is free and anonymous. */
export type RangeContext = Pick<ProviderContext, 'fetch' | 'baseUrl' | 'timeoutMs' | 'now'>;

/**
 * GETs `${ctx.baseUrl}/range/{PREFIX}` with `Add-Padding: true` and returns the raw text answer.
 * Throws ProviderError on failure (429 rate-limited, 5xx unavailable, timeout, network, …), and
 * 'malformed' for an answer that is not lines of SUFFIX:COUNT (see isRangeAnswer).
 */
export async function fetchRange(ctx: RangeContext, prefix: string): Promise<string> {
  const upper = prefix.toUpperCase();
  if (!isRangePrefix(upper)) throw new Error('A range prefix is exactly 5 hexadecimal characters.');
  const { text } = await requestText(ctx, `${ctx.baseUrl}/range/${upper}`, {
    headers: { accept: 'text/plain', 'Add-Padding': 'true' },
    maxBytes: RANGE_MAX_BYTES,
  });
  if (!isRangeAnswer(text)) throw malformed(`Pwned Passwords: the answer is not a list of SUFFIX:COUNT lines (${text.length} characters).`);
  return text;
}

/**
 * How many times the password with this SHA-1 digest appears in Pwned Passwords (0 = not found).
 * Only the digest's first 5 characters are sent; the rest is matched here.
 */
export async function breachCountForSha1(ctx: RangeContext, sha1Hex: string): Promise<number> {
  const { prefix, suffix } = sha1Split(sha1Hex);
  return countForSuffix(await fetchRange(ctx, prefix), suffix);
}
