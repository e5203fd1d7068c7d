/** Small statistics helpers: every timing the benchmark reports is a median over repeats. */

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of nothing');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Rounds to `digits` decimals (results.json keeps a readable precision, not float noise). */
export function round(value: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** `a / b`, rounded; null when either side is missing or the baseline is zero. */
export function ratio(a: number | null, b: number | null, digits = 2): number | null {
  if (a === null || b === null || b === 0) return null;
  return round(a / b, digits);
}

/** Runs `fn` `times` times, one after the other, and returns every sample. */
export async function repeat(times: number, fn: (i: number) => Promise<number>): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < times; i++) samples.push(await fn(i));
  return samples;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** "12.3 [10.1–15.8] n=7": how a median and its spread are logged. */
export function describeSamples(samples: readonly number[], digits = 1): string {
  return `${round(median(samples), digits)} [${round(Math.min(...samples), digits)}–${round(Math.max(...samples), digits)}] n=${samples.length}`;
}
