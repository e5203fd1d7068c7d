/**
 * Punycode encoder (RFC 3492), used to turn an internationalised domain label into the ASCII
 * "xn--" form breach providers index. Written out here rather than borrowed from `URL` so the
 * result is the same in every browser and in tests, and so nothing but the label is parsed.
 */
const BASE = 36;
const T_MIN = 1;
const T_MAX = 26;
const SKEW = 38;
const DAMP = 700;
const INITIAL_BIAS = 72;
const INITIAL_N = 0x80;
const MAX_INT = 0x7fffffff;

function digit(d: number): string {
  // 0..25 → a..z, 26..35 → 0..9 (lower case, as IDNA expects).
  return String.fromCharCode(d < 26 ? 97 + d : 22 + d);
}

function adapt(delta: number, numPoints: number, firstTime: boolean): number {
  let d = firstTime ? Math.floor(delta / DAMP) : delta >> 1;
  d += Math.floor(d / numPoints);
  let k = 0;
  while (d > ((BASE - T_MIN) * T_MAX) >> 1) {
    d = Math.floor(d / (BASE - T_MIN));
    k += BASE;
  }
  return k + Math.floor(((BASE - T_MIN + 1) * d) / (d + SKEW));
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
