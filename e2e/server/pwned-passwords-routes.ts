import { randomBytes } from 'node:crypto';
import { sha1Hex } from './http-util';
import type { FixtureState } from './state';
import type { RouteRequest, RouteResponse } from './types';

/** Real responses are padded to between 800 and 1,000 lines. */
const PADDED_MIN = 800;
const PADDED_SPREAD = 200;

/** Pwned Passwords range API, mounted at /range: text lines SUFFIX:COUNT, CRLF-separated. */
export function pwnedPasswordsRoute(req: RouteRequest, state: FixtureState): RouteResponse {
  const [prefix, ...rest] = req.segments;
  if (rest.length > 0 || prefix === undefined) return { status: 404, body: '' };
  if (!/^[0-9a-f]{5}$/i.test(prefix)) {
    return { status: 400, headers: { 'content-type': 'text/plain' }, body: 'The hash prefix was not in a valid format' };
  }
  const wanted = prefix.toUpperCase();
  const lines = new Map<string, number>(filler(wanted));
  for (const [password, count] of state.passwords) {
    const hash = sha1Hex(password);
    if (hash.startsWith(wanted)) lines.set(hash.slice(5), count);
  }
  if (req.headers['add-padding']?.trim().toLowerCase() === 'true') {
    // Padding entries have count 0 so clients can drop them; the size then leaks nothing.
    const target = PADDED_MIN + Math.floor(Math.random() * PADDED_SPREAD);
    while (lines.size < target) lines.set(randomBytes(18).toString('hex').toUpperCase().slice(0, 35), 0);
  }
  const body = [...lines]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([suffix, count]) => `${suffix}:${count}`)
    .join('\r\n');
  return { status: 200, headers: { 'content-type': 'text/plain', 'cache-control': 'public, max-age=2678400' }, body };
}

/** A few dozen stable, plausible lines per prefix, so an unpadded answer is never suspiciously empty. */
function filler(prefix: string): Array<[string, number]> {
  const howMany = 30 + (parseInt(sha1Hex(prefix).slice(0, 2), 16) % 20);
  return Array.from({ length: howMany }, (_, i): [string, number] => {
    const hash = sha1Hex(`filler:${prefix}:${i}`);
    return [hash.slice(0, 35), (parseInt(hash.slice(35), 16) % 5000) + 1];
  });
}
