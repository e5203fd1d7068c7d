/**
 * Keys and order: every list of the file is sorted by its key, so the same data always gives the
 * same bytes. Code-unit order, not localeCompare: the order must not depend on the browser's
 * locale. The separator sorts below every other character, so composite keys order field by field.
 */
export const SEP = '\u0000';

export const idKey = (r: { id: string }): string => r.id;

export function byKey<T>(key: (item: T) => string): (a: T, b: T) => number {
  return (a, b) => {
    const x = key(a);
    const y = key(b);
    return x < y ? -1 : x > y ? 1 : 0;
  };
}

export function sortedBy<T>(items: readonly T[], key: (item: T) => string): T[] {
  // Decorate once: computing composite keys inside the comparator would allocate n log n strings.
  return items
    .map((item) => ({ item, k: key(item) }))
    .sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : 0))
    .map((d) => d.item);
}

/** The index of the first record whose key repeats an earlier one's, with that earlier index. */
export function firstRepeat<T>(items: readonly T[], key: (item: T) => string): [at: number, earlier: number] | null {
  const first = new Map<string, number>();
  for (let i = 0; i < items.length; i++) {
    const k = key(items[i] as T);
    const earlier = first.get(k);
    if (earlier !== undefined) return [i, earlier];
    first.set(k, i);
  }
  return null;
}
