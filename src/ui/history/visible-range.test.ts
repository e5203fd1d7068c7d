import { describe, expect, it } from 'vitest';
import { moveSelection, pageSize, scrollToReveal, visibleRange } from './visible-range';

const base = { rowHeight: 50, count: 100_000, overscan: 4 };

describe('visibleRange', () => {
  it('renders the rows in view plus the overscan below at the top of the list', () => {
    expect(visibleRange({ ...base, scrollTop: 0, viewportHeight: 500 })).toEqual({ start: 0, end: 14 });
  });

  it('renders partly visible rows and the overscan on both sides in the middle', () => {
    // 1,025 px: row 20 is half hidden at the top; 1,525 px: row 30 is half visible at the bottom.
    expect(visibleRange({ ...base, scrollTop: 1025, viewportHeight: 500 })).toEqual({ start: 16, end: 35 });
  });

  it('stays within the list at the end, however far it is scrolled', () => {
    const end = visibleRange({ ...base, scrollTop: 100_000 * 50 - 500, viewportHeight: 500 });
    expect(end).toEqual({ start: 99_986, end: 100_000 });
    expect(visibleRange({ ...base, scrollTop: 1e12, viewportHeight: 500 })).toEqual(end);
  });

  it('keeps the DOM small for a very long list: the count depends on the viewport, not the list', () => {
    for (const scrollTop of [0, 12_345, 2_500_000, 4_999_500]) {
      const { start, end } = visibleRange({ ...base, scrollTop, viewportHeight: 640 });
      expect(end - start).toBeLessThanOrEqual(Math.ceil(640 / 50) + 1 + 2 * 4);
      expect(end - start).toBeGreaterThan(0);
    }
  });

  it('handles short, empty and degenerate inputs', () => {
    expect(visibleRange({ ...base, count: 3, scrollTop: 0, viewportHeight: 500 })).toEqual({ start: 0, end: 3 });
    expect(visibleRange({ ...base, count: 0, scrollTop: 0, viewportHeight: 500 })).toEqual({ start: 0, end: 0 });
    expect(visibleRange({ ...base, scrollTop: -300, viewportHeight: 500 })).toEqual({ start: 0, end: 14 });
    expect(visibleRange({ ...base, scrollTop: Number.NaN, viewportHeight: 500 })).toEqual({ start: 0, end: 14 });
    expect(visibleRange({ ...base, scrollTop: 0, viewportHeight: 0 })).toEqual({ start: 0, end: 5 });
    expect(visibleRange({ ...base, rowHeight: 0, scrollTop: 0, viewportHeight: 500 })).toEqual({ start: 0, end: 0 });
    expect(visibleRange({ ...base, overscan: -3, scrollTop: 0, viewportHeight: 500 })).toEqual({ start: 0, end: 10 });
  });
});

describe('scrollToReveal', () => {
  it('does not move when the row is already whole in view', () => {
    expect(scrollToReveal(10, 400, 500, 50)).toBe(400);
    expect(scrollToReveal(17, 400, 500, 50)).toBe(400); // 850–900, the last whole row
  });

  it('scrolls up to a row above, aligning it at the top', () => {
    expect(scrollToReveal(5, 400, 500, 50)).toBe(250);
    expect(scrollToReveal(0, 400, 500, 50)).toBe(0);
  });

  it('scrolls down to a row below, aligning it at the bottom', () => {
    expect(scrollToReveal(18, 400, 500, 50)).toBe(450);
    expect(scrollToReveal(99_999, 0, 500, 50)).toBe(99_999 * 50 + 50 - 500);
  });

  it('reveals a partly hidden row', () => {
    expect(scrollToReveal(8, 410, 500, 50)).toBe(400);
    expect(scrollToReveal(18, 410, 500, 50)).toBe(450);
  });
});

describe('moveSelection', () => {
  it('moves by one with the arrows and stops at either end', () => {
    expect(moveSelection('ArrowDown', 3, 10, 5)).toBe(4);
    expect(moveSelection('ArrowUp', 3, 10, 5)).toBe(2);
    expect(moveSelection('ArrowDown', 9, 10, 5)).toBe(9);
    expect(moveSelection('ArrowUp', 0, 10, 5)).toBe(0);
  });

  it('goes to the first and last rows with Home and End', () => {
    expect(moveSelection('Home', 7, 100_000, 5)).toBe(0);
    expect(moveSelection('End', 7, 100_000, 5)).toBe(99_999);
  });

  it('moves a page with PageUp and PageDown', () => {
    expect(moveSelection('PageDown', 3, 10, 5)).toBe(8);
    expect(moveSelection('PageDown', 8, 10, 5)).toBe(9);
    expect(moveSelection('PageUp', 3, 10, 5)).toBe(0);
  });

  it('selects the first row when nothing is selected yet', () => {
    expect(moveSelection('ArrowDown', -1, 10, 5)).toBe(0);
    expect(moveSelection('ArrowUp', -1, 10, 5)).toBe(0);
    expect(moveSelection('End', -1, 10, 5)).toBe(9);
  });

  it('ignores other keys and empty lists, and clamps a selection past the end', () => {
    expect(moveSelection('a', 3, 10, 5)).toBeNull();
    expect(moveSelection('Enter', 3, 10, 5)).toBeNull();
    expect(moveSelection('ArrowDown', 0, 0, 5)).toBeNull();
    expect(moveSelection('ArrowUp', 50, 10, 5)).toBe(8);
  });

  it('pages by whole rows, at least one', () => {
    expect(pageSize(500, 50)).toBe(10);
    expect(pageSize(520, 50)).toBe(10);
    expect(pageSize(20, 50)).toBe(1);
    expect(pageSize(500, 0)).toBe(1);
  });
});
