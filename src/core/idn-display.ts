/**
 * Internationalised domains as a person reads them: the Punycode decoder (RFC 3492) and the
 * display forms of hosts and addresses. Apart from the encoder (punycode.ts) so the pages that only
 * show addresses do not load the code that normalises them.
 */
import { adapt, BASE, INITIAL_BIAS, INITIAL_N, MAX_INT, T_MAX, T_MIN } from './punycode-params';

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
 * A label that does not decode to a plain IDN label stays as it is.
 */
export function hostToUnicode(host: string): string {
  return host
    .split('.')
    .map((label) => {
      if (!/^xn--/i.test(label)) return label;
      try {
        const decoded = punycodeDecode(label.slice(4));
        // Only a real IDN label is shown decoded: one with non-ASCII letters, and nothing that
        // could read as a separator or hide (dots, @, spaces, controls, format characters).
        return /^\p{ASCII}*$/u.test(decoded) || /[\s.@\p{Cc}\p{Cf}]/u.test(decoded) ? label : decoded;
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
