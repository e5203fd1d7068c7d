import { beforeEach, describe, expect, it, vi } from 'vitest';
import { MINUTE } from '../core/pacing';

// The budgets are module state: each test gets a fresh module.
let budget: typeof import('./lookup-budget');
beforeEach(async () => {
  vi.resetModules();
  budget = await import('./lookup-budget');
});

const T0 = Date.UTC(2026, 11, 3, 12, 0, 0);
const take = (tab: number | undefined, times: number, at = T0) => Array.from({ length: times }, (_, i) => budget.takeLookup(tab, at + i));

describe('password-field lookup budgets', () => {
  it('a tab gets 6 lookups a minute; the 7th is refused, and said once', () => {
    expect(take(1, 6)).toEqual(Array(6).fill('ok'));
    expect(take(1, 3, T0 + 10)).toEqual(['refused-first', 'refused', 'refused']);
    // A minute after the first, one more fits.
    expect(budget.takeLookup(1, T0 + MINUTE)).toBe('ok');
  });

  it('a flood from one tab leaves the others their own budget', () => {
    take(1, 50);
    expect(budget.takeLookup(2, T0 + 100)).toBe('ok');
  });

  it('overall, 20 a minute across tabs, whatever the tabs', () => {
    const results = Array.from({ length: 8 }, (_, tab) => take(tab, 3, T0 + tab * 10)).flat();
    expect(results.filter((r) => r === 'ok')).toHaveLength(20);
    expect(budget.takeLookup(99, T0 + 1_000)).toBe('refused-first');
  });

  it('per tab 30 an hour, even paced under the per-minute limit', () => {
    const paced = Array.from({ length: 40 }, (_, i) => budget.takeLookup(1, T0 + i * 11_000));
    expect(paced.filter((r) => r === 'ok')).toHaveLength(30);
  });

  it('a lookup with no tab (no sender tab) shares one budget, never an unlimited one', () => {
    expect(take(undefined, 10).filter((r) => r === 'ok')).toHaveLength(6);
  });
});
