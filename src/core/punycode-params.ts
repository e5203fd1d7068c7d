/** RFC 3492's parameters for Punycode, and its bias adaptation: shared by the encoder and the decoder. */
export const BASE = 36;
export const T_MIN = 1;
export const T_MAX = 26;
export const SKEW = 38;
export const DAMP = 700;
export const INITIAL_BIAS = 72;
export const INITIAL_N = 0x80;
export const MAX_INT = 0x7fffffff;

export function adapt(delta: number, numPoints: number, firstTime: boolean): number {
  let d = firstTime ? Math.floor(delta / DAMP) : delta >> 1;
  d += Math.floor(d / numPoints);
  let k = 0;
  while (d > ((BASE - T_MIN) * T_MAX) >> 1) {
    d = Math.floor(d / (BASE - T_MIN));
    k += BASE;
  }
  return k + Math.floor(((BASE - T_MIN + 1) * d) / (d + SKEW));
}
