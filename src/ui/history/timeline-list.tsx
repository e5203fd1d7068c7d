import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { TimelineEntry, TimelineSort } from '../../core/history-query';
import { PendingRow, TimelineRow, rowId } from './timeline-row';
import { moveSelection, pageSize, scrollToReveal, visibleRange } from './visible-range';
import { t } from '../i18n';

/** Every row is this tall (px); history.css holds rows to it. */
export const ROW_HEIGHT = 56;
const OVERSCAN = 6;

interface Props {
  /** Entries in the list; only those in loaded pages are at hand (`entryAt`). */
  count: number;
  entryAt: (index: number) => TimelineEntry | undefined;
  /** Asks for the entries of rows [start, end): the list shows a placeholder until they come. */
  onRange: (start: number, end: number) => void;
  /** The order shown: each row shows the date it is sorted by. */
  sort: TimelineSort;
  /** Index of the row the keyboard is on (-1: none yet). */
  active: number;
  onActiveChange: (index: number) => void;
  openedKey: string | null;
  onOpen: (entry: TimelineEntry) => void;
  /** Changes when the filter changes: the list then starts again from the top. */
  resetKey: unknown;
}

/**
 * The timeline as a virtualised listbox: a spacer as tall as every row together, and only the
 * rows in view (plus a few either side) in the DOM, so 100,000 entries scroll like 20. Only the
 * pages of entries around the rows in view are read; a row whose page is on its way says so.
 * Arrow keys, Page Up/Down, Home and End move through it, keeping the row in view; Enter opens it.
 */
export function TimelineList({ count, entryAt, onRange, sort, active, onActiveChange, openedKey, onOpen, resetKey }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(480);

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    setViewport(el.clientHeight);
    const observer = new ResizeObserver(() => setViewport(el.clientHeight));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    el.scrollTop = 0;
    setScrollTop(0);
  }, [resetKey]);

  const reveal = useCallback((index: number) => {
    const el = ref.current;
    if (!el) return;
    const next = scrollToReveal(index, el.scrollTop, el.clientHeight, ROW_HEIGHT);
    if (next !== el.scrollTop) {
      el.scrollTop = next;
      setScrollTop(el.scrollTop);
    }
  }, []);

  // A selection made elsewhere (a link from the popup) comes into view too.
  useLayoutEffect(() => {
    if (active >= 0) reveal(active);
  }, [active, reveal]);

  // A shorter list (after a reload) must not leave the selection past its end.
  useEffect(() => {
    if (active >= count) onActiveChange(count - 1);
  }, [active, count, onActiveChange]);

  const pick = useCallback(
    (index: number) => {
      const entry = entryAt(index);
      if (!entry) return;
      onActiveChange(index);
      onOpen(entry);
      ref.current?.focus({ preventScroll: true });
      reveal(index);
    },
    [entryAt, onActiveChange, onOpen, reveal],
  );

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === 'Enter' || event.key === ' ') {
      const entry = entryAt(active);
      if (!entry) return;
      event.preventDefault();
      onOpen(entry);
      reveal(active);
      return;
    }
    const next = moveSelection(event.key, active, count, pageSize(ref.current?.clientHeight ?? viewport, ROW_HEIGHT));
    if (next === null) return;
    event.preventDefault();
    onActiveChange(next);
    reveal(next);
  };

  const onFocus = () => {
    // Tabbing in shows where the keyboard is: the selection, or the first row.
    if (active < 0 && count > 0) onActiveChange(0);
  };

  const { start, end } = visibleRange({ scrollTop, viewportHeight: viewport, rowHeight: ROW_HEIGHT, count, overscan: OVERSCAN });
  useEffect(() => onRange(start, end), [start, end, onRange]);
  const rows = [];
  for (let i = start; i < end; i++) {
    const entry = entryAt(i);
    if (!entry) {
      rows.push(<PendingRow key={`pending-${i}`} index={i} count={count} top={i * ROW_HEIGHT} active={i === active} />);
      continue;
    }
    rows.push(
      <TimelineRow
        key={entry.key}
        entry={entry}
        sort={sort}
        index={i}
        count={count}
        top={i * ROW_HEIGHT}
        active={i === active}
        opened={entry.key === openedKey}
        onPick={pick}
      />,
    );
  }
  const activeRendered = active >= start && active < end;

  return (
    <div
      ref={ref}
      class="vlist"
      role="listbox"
      aria-label={t('timelineLabel')}
      aria-activedescendant={activeRendered ? rowId(active) : undefined}
      tabIndex={0}
      data-testid="history-list"
      style={{ maxHeight: `${count * ROW_HEIGHT + 2}px` }}
      onScroll={(e) => setScrollTop((e.currentTarget as HTMLDivElement).scrollTop)}
      onKeyDown={onKeyDown}
      onFocus={onFocus}
    >
      <div class="vlist-spacer" role="presentation" style={{ height: `${count * ROW_HEIGHT}px` }}>
        {rows}
      </div>
    </div>
  );
}
