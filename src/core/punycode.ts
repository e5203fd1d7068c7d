/**
 * Punycode encoder (RFC 3492), used to turn an internationalised domain label into the ASCII
 * "xn--" form breach providers index. Written out here rather than borrowed from `URL` so the
 * result is the same in every browser and in tests, and so nothing but the label is parsed.
 */
import { adapt, BASE, INITIAL_BIAS, INITIAL_N, MAX_INT, T_MAX, T_MIN } from './punycode-params';

function digit(d: number): string {
  // 0..25 → a..z, 26..35 → 0..9 (lower case, as IDNA expects).
  return String.fromCharCode(d < 26 ? 97 + d : 22 + d);
}

/**
 * Encodes one label (no dots) to Punycode, without the "xn--" prefix. Throws RangeError on
 * arithmetic overflow, which only absurdly long input can cause.
 */
export function punycodeEncode(label: string): string {
  const codePoints = Array.from(label, (ch) => ch.codePointAt(0) ?? 0);
  const output: string[] = codePoints.filter((cp) => cp < INITIAL_N).map((cp) => String.fromCharCode(cp));
  const basicCount = output.length;
  let handled = basicCount;
  if (basicCount > 0) output.push('-');

  let n = INITIAL_N;
  let delta = 0;
  let bias = INITIAL_BIAS;
  while (handled < codePoints.length) {
    let m = MAX_INT;
    for (const cp of codePoints) if (cp >= n && cp < m) m = cp;
    if (m - n > Math.floor((MAX_INT - delta) / (handled + 1))) throw new RangeError('punycode overflow');
    delta += (m - n) * (handled + 1);
    n = m;
    for (const cp of codePoints) {
      if (cp < n) {
        delta += 1;
        if (delta > MAX_INT) throw new RangeError('punycode overflow');
      }
      if (cp !== n) continue;
      let q = delta;
      for (let k = BASE; ; k += BASE) {
        const t = k <= bias ? T_MIN : k >= bias + T_MAX ? T_MAX : k - bias;
        if (q < t) break;
        output.push(digit(t + ((q - t) % (BASE - t))));
        q = Math.floor((q - t) / (BASE - t));
      }
      output.push(digit(q));
      bias = adapt(delta, handled + 1, handled === basicCount);
      delta = 0;
      handled += 1;
    }
    delta += 1;
    n += 1;
  }
  return output.join('');
}

/** The ASCII form of one domain label: unchanged when ASCII, "xn--" + Punycode otherwise. */
export function labelToAscii(label: string): string {
  return /^\p{ASCII}*$/u.test(label) ? label : `xn--${punycodeEncode(label)}`;
}
