import { describe, expect, it } from 'vitest';
import { CLOCK_ONLY_WITHIN_MS, formats } from './format';

// The clock formats use the process's time zone; expected texts are built from the same rule
// where a zone matters, so the tests hold in any zone.
const NOW = Date.UTC(2025, 2, 10, 12, 0, 0);
const MIN = 60_000;
const HOUR = 60 * MIN;

describe('formats().when', () => {
  const en = formats('en-US');
  it('gives only the clock time for a moment less than 12 hours away', () => {
    for (const ahead of [1_000, 30 * MIN, HOUR, CLOCK_ONLY_WITHIN_MS - 1]) {
      expect(en.when(NOW + ahead, NOW)).not.toContain('(');
    }
  });

  it('adds the day from 12 hours on, so a 24-hour hold does not read as "now"', () => {
    const later = NOW + 24 * HOUR;
    expect(en.when(later, NOW)).toMatch(/\(Mar 1[01]\)$/);
    expect(en.when(later, NOW)).not.toBe(en.when(NOW, NOW));
    expect(en.when(NOW + CLOCK_ONLY_WITHIN_MS, NOW)).toContain('(');
  });

  it('speaks the language it is given', () => {
    expect(formats('it').when(NOW + 20 * HOUR, NOW)).toMatch(/\(1[01] mar\)$/);
  });
});

describe('one clock pattern', () => {
  it('writes the hour the same way in a next-try time and in a full date and time', () => {
    // 07:25 local time, whatever the zone: no "07:25 AM" beside "7:25 AM".
    const morning = new Date(2025, 2, 10, 7, 25).getTime();
    for (const lang of ['en-US', 'en-GB', 'it']) {
      const f = formats(lang);
      const clock = f.when(morning, morning);
      expect(f.dateTime(morning)).toContain(clock);
    }
    expect(formats('en-US').when(morning, morning)).toBe('7:25 AM');
  });
});

describe('formats().count', () => {
  it('groups thousands in the language', () => {
    expect(formats('en-US').count(1000)).toBe('1,000');
    expect(formats('it').count(152445165)).toBe('152.445.165');
  });
});

describe('calendar dates', () => {
  const en = formats('en-US');
  it('keeps the precision the date was given with', () => {
    expect(en.eventDate('2018-11-21')).toBe('Nov 21, 2018');
    expect(en.eventDate('2018-11')).toBe('November 2018');
    expect(en.eventDate('2018')).toBe('2018');
    expect(en.monthDate('2013-10-04')).toBe('Oct 2013');
    expect(en.monthDate('2013')).toBe('2013');
    expect(formats('it').eventDate('2018-11-21')).toBe('21 nov 2018');
  });

  it('never moves a calendar date to the day before in a zone west of UTC', () => {
    expect(en.eventDate('2018-01-01')).toBe('Jan 1, 2018');
  });

  it('answers null for what it cannot read, so the page can say "unknown"', () => {
    expect(en.eventDate('soon')).toBeNull();
    expect(en.monthDate('soon')).toBeNull();
    expect(en.day('not a date')).toBeNull();
  });
});

describe('formats().ago', () => {
  const en = formats('en-US');
  it('says how long ago in words for the past week', () => {
    expect(en.ago(NOW - 10_000, NOW)).toBe('now');
    expect(en.ago(NOW - 5 * MIN, NOW)).toBe('5 minutes ago');
    expect(en.ago(NOW - 3 * HOUR, NOW)).toBe('3 hours ago');
    expect(en.ago(NOW - 24 * HOUR, NOW)).toBe('yesterday');
    expect(formats('it').ago(NOW - 5 * MIN, NOW)).toBe('5 minuti fa');
  });

  it('gives the date and time beyond a week, and "now" for a clock slightly behind', () => {
    expect(en.ago(NOW - 8 * 24 * HOUR, NOW)).toBe(en.dateTime(NOW - 8 * 24 * HOUR));
    expect(en.ago(NOW + 5_000, NOW)).toBe('now');
  });
});
