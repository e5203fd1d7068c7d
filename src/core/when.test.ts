import { describe, expect, it } from 'vitest';
import { CLOCK_ONLY_WITHIN_MS, whenFormatter } from './when';

// The formatter uses the process's time zone; the expected texts are built the same way, so the
// test holds in any zone, and only the rule (clock alone, or clock and day) is under test.
const NOW = Date.UTC(2025, 2, 10, 12, 0, 0);
const clock = (ms: number, lang: string) => new Intl.DateTimeFormat(lang, { hour: '2-digit', minute: '2-digit' }).format(ms);
const day = (ms: number, lang: string) => new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'short' }).format(ms);

describe('whenFormatter', () => {
  it('gives only the clock time for a moment less than 12 hours away', () => {
    const when = whenFormatter('en-GB');
    for (const ahead of [1_000, 30_000, 60 * 60_000, CLOCK_ONLY_WITHIN_MS - 1]) {
      expect(when(NOW + ahead, NOW)).toBe(clock(NOW + ahead, 'en-GB'));
    }
  });

  it('adds the day from 12 hours on, so a 24-hour hold does not read as "now"', () => {
    const when = whenFormatter('en-GB');
    const later = NOW + 24 * 60 * 60_000;
    expect(when(later, NOW)).toBe(`${clock(later, 'en-GB')} (${day(later, 'en-GB')})`);
    expect(when(later, NOW)).not.toBe(when(NOW, NOW));
    expect(when(NOW + CLOCK_ONLY_WITHIN_MS, NOW)).toContain('(');
  });

  it('speaks the language it is given', () => {
    const later = NOW + 20 * 60 * 60_000;
    expect(whenFormatter('it')(later, NOW)).toBe(`${clock(later, 'it')} (${day(later, 'it')})`);
    expect(day(later, 'it')).toMatch(/mar/);
  });
});
