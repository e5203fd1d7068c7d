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

function digitValue(ch: number): number {
  if (ch >= 48 && ch <= 57) return ch - 22; // 0..9 → 26..35
  if (ch >= 65 && ch <= 90) return ch - 65; // A..Z
  if (ch >= 97 && ch <= 122) return ch - 97; // a..z
  return BASE;
}

/**
 * Decodes one label's Punycode (without "xn--") back to Unicode: the inverse of punycodeEncode.
 * Throws RangeError on input no encoder produces.
 */
export function punycodeDecode(input: string): string {
  const end = input.lastIndexOf('-');
  const output: number[] = [];
  for (let j = 0; j < Math.max(end, 0); j++) {
    const cp = input.charCodeAt(j);
    if (cp >= INITIAL_N) throw new RangeError('punycode: not a basic code point');
    output.push(cp);
  }
  let n = INITIAL_N;
  let bias = INITIAL_BIAS;
  let i = 0;
  for (let pos = end > 0 ? end + 1 : 0; pos < input.length; ) {
    const oldI = i;
    for (let w = 1, k = BASE; ; k += BASE) {
      if (pos >= input.length) throw new RangeError('punycode: truncated');
      const d = digitValue(input.charCodeAt(pos++));
      if (d >= BASE || d > Math.floor((MAX_INT - i) / w)) throw new RangeError('punycode: bad digit');
      i += d * w;
      const t = k <= bias ? T_MIN : k >= bias + T_MAX ? T_MAX : k - bias;
      if (d < t) break;
      if (w > Math.floor(MAX_INT / (BASE - t))) throw new RangeError('punycode overflow');
      w *= BASE - t;
    }
    const length = output.length + 1;
    bias = adapt(i - oldI, length, oldI === 0);
    if (Math.floor(i / length) > MAX_INT - n) throw new RangeError('punycode overflow');
    n += Math.floor(i / length);
    i %= length;
    if (n > 0x10ffff) throw new RangeError('punycode: beyond Unicode');
    output.splice(i, 0, n);
    i += 1;
  }
  return String.fromCodePoint(...output);
}

/**
 * A domain (or an address's domain part) as a person reads it: each "xn--" label in Unicode.
 * A label that does not decode stays as it is, so nothing is ever shown that was not stored.
 */
export function hostToUnicode(host: string): string {
  return host
    .split('.')
    .map((label) => {
      if (!/^xn--/i.test(label)) return label;
      try {
        const decoded = punycodeDecode(label.slice(4).toLowerCase());
        // Only a faithful round trip is shown: anything else keeps its stored form.
        return labelToAscii(decoded) === label.toLowerCase() ? decoded : label;
      } catch {
        return label;
      }
    })
    .join('.');
}

/** An email address as a person reads it: the domain in Unicode, the local part as stored. */
export function emailToUnicode(email: string): string {
  const at = email.lastIndexOf('@');
  return at < 0 ? email : `${email.slice(0, at + 1)}${hostToUnicode(email.slice(at + 1))}`;
}
