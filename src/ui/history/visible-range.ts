/**
 * The window arithmetic of the virtualised history list, kept pure so it is tested without a DOM.
 * Every row has the same height, so which rows are visible follows from the scroll position alone.
 */

export interface RangeInput {
  /** Pixels scrolled from the top of the list. */
  scrollTop: number;
  /** Height of the scrolling viewport, in pixels. */
  viewportHeight: number;
  /** Height of every row, in pixels (> 0). */
  rowHeight: number;
  /** Number of rows in the list. */
  count: number;
  /** Extra rows rendered above and below the visible ones, so fast scrolling shows no gap. */
  overscan: number;
}

/** Rows [start, end) to render: the visible ones plus `overscan` on each side, within the list. */
export function visibleRange({ scrollTop, viewportHeight, rowHeight, count, overscan }: RangeInput): { start: number; end: number } {
  if (!(count > 0) || !(rowHeight > 0)) return { start: 0, end: 0 };
  const maxScroll = Math.max(0, count * rowHeight - Math.max(0, viewportHeight));
  const top = Math.min(Math.max(0, scrollTop || 0), maxScroll);
  const height = Math.max(0, viewportHeight || 0);
  const extra = Math.max(0, Math.floor(overscan));
  const first = Math.floor(top / rowHeight);
  // A row only partly in view is rendered; a viewport of zero height still shows its first row.
  const last = Math.max(first + 1, Math.ceil((top + height) / rowHeight));
  const start = Math.max(0, first - extra);
  const end = Math.min(count, last + extra);
  return { start, end: Math.max(start, end) };
}

/** The scroll position that shows row `index` whole, moving as little as possible. */
export function scrollToReveal(index: number, scrollTop: number, viewportHeight: number, rowHeight: number): number {
  const top = index * rowHeight;
  const bottom = top + rowHeight;
  if (top < scrollTop) return top;
  if (bottom > scrollTop + viewportHeight) return Math.max(0, bottom - viewportHeight);
  return scrollTop;
}

/** Rows that fit in the viewport whole: the step of PageUp and PageDown (at least one). */
export function pageSize(viewportHeight: number, rowHeight: number): number {
  return rowHeight > 0 ? Math.max(1, Math.floor(viewportHeight / rowHeight)) : 1;
}

/**
 * Where the selection goes for a key pressed on the list, or null when the key does not move it.
 * `current` is -1 when nothing is selected yet: any movement key then selects the first row
 * (End and PageUp/PageDown still go where they say).
 */
export function moveSelection(key: string, current: number, count: number, page: number): number | null {
  if (count <= 0) return null;
  const last = count - 1;
  const from = Math.min(Math.max(current, -1), last);
  switch (key) {
    case 'ArrowDown':
      return Math.min(last, from + 1);
    case 'ArrowUp':
      return from < 0 ? 0 : Math.max(0, from - 1);
    case 'Home':
      return 0;
    case 'End':
      return last;
    case 'PageDown':
      return Math.min(last, Math.max(0, from) + page);
    case 'PageUp':
      return Math.max(0, from - page);
    default:
      return null;
  }
}
