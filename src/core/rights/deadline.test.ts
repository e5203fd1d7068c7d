import { describe, expect, it } from 'vitest';
import { addDays, addMonths, dayOfWeek, dueDate, isOverdue, localDateOf, nextWorkingDay, parseLocalDate } from './deadline';

const GDPR = { months: 1, maxExtensionMonths: 2 };
const SATURDAY = 6;
const SUNDAY = 0;
const MONDAY = 1;

describe('addMonths (Regulation 1182/71, Art. 3(2)(c))', () => {
  it('ends on the same date of the next month: received 5 August, due 5 September', () => {
    expect(addMonths('2024-08-05', 1)).toBe('2024-09-05');
    expect(dueDate('2024-08-05', GDPR)).toBe('2024-09-05'); // a Thursday: nothing to move
  });

  it('ends on the last day of a month that has no such date: 31 January → end of February', () => {
    expect(addMonths('2027-01-31', 1)).toBe('2027-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29'); // leap year
    expect(addMonths('2100-01-31', 1)).toBe('2100-02-28'); // a century that is not a leap year
    expect(addMonths('2026-03-31', 1)).toBe('2026-04-30');
    expect(addMonths('2026-01-30', 1)).toBe('2026-02-28');
  });

  it('crosses the year', () => {
    expect(addMonths('2026-12-15', 1)).toBe('2027-01-15');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
  });
});

describe('dueDate', () => {
  it('31 January 2028 is due on Tuesday 29 February 2028', () => {
    expect(dueDate('2028-01-31', GDPR)).toBe('2028-02-29');
  });

  it('moves a due date on a Saturday to the next Monday (Art. 3(4))', () => {
    expect(dayOfWeek('2026-09-05')).toBe(SATURDAY);
    expect(dueDate('2026-08-05', GDPR)).toBe('2026-09-07');
    expect(dayOfWeek('2026-09-07')).toBe(MONDAY);
  });

  it('moves a due date on a Sunday to the next Monday', () => {
    expect(dayOfWeek('2027-09-05')).toBe(SUNDAY);
    expect(dueDate('2027-08-05', GDPR)).toBe('2027-09-06');
    // 31 January 2027 → 28 February 2027, a Sunday → Monday 1 March.
    expect(dayOfWeek('2027-02-28')).toBe(SUNDAY);
    expect(dueDate('2027-01-31', GDPR)).toBe('2027-03-01');
  });

  it('an extension of two months gives three months from the original receipt', () => {
    expect(dueDate('2024-08-05', GDPR, 2)).toBe('2024-11-05');
    expect(dueDate('2024-08-05', GDPR, 1)).toBe('2024-10-07'); // 5 October 2024 is a Saturday
  });

  it('counts the extension from the receipt, not from a due date moved off a weekend', () => {
    expect(dueDate('2026-08-05', GDPR)).toBe('2026-09-07');
    expect(dueDate('2026-08-05', GDPR, 2)).toBe('2026-11-05');
  });

  it('applies the month-end and weekend rules to the extended date too', () => {
    // 31 January + 3 months → 30 April 2028, a Sunday → Monday 1 May.
    expect(dueDate('2028-01-31', GDPR, 2)).toBe('2028-05-01');
  });

  it('never extends beyond the legal maximum, and ignores a negative or fractional extension', () => {
    expect(dueDate('2024-08-05', GDPR, 5)).toBe(dueDate('2024-08-05', GDPR, 2));
    expect(dueDate('2024-08-05', GDPR, -1)).toBe(dueDate('2024-08-05', GDPR));
    expect(dueDate('2024-08-05', GDPR, 1.9)).toBe(dueDate('2024-08-05', GDPR, 1));
  });

  it('refuses a date that is not YYYY-MM-DD rather than guessing', () => {
    expect(() => dueDate('5/8/2026', GDPR)).toThrow(RangeError);
    expect(() => dueDate('2026-02-30', GDPR)).toThrow(RangeError);
  });
});

describe('isOverdue', () => {
  it('is not overdue on the due date itself, and is from the day after', () => {
    expect(isOverdue('2026-09-07', '2026-09-06')).toBe(false);
    expect(isOverdue('2026-09-07', '2026-09-07')).toBe(false);
    expect(isOverdue('2026-09-07', '2026-09-08')).toBe(true);
    expect(isOverdue('2026-09-07', '2027-01-01')).toBe(true);
  });

  it('a request sent 40 days ago is overdue today', () => {
    const today = '2026-12-03';
    const sent = addDays(today, -40);
    expect(sent).toBe('2026-10-24');
    expect(isOverdue(dueDate(sent, GDPR), today)).toBe(true);
  });
});

describe('local dates', () => {
  it('takes the date from the local clock, not from UTC', () => {
    // Half past midnight and half past eleven at night, local time, on 31 January: the UTC date
    // of one of them is another day in every zone but UTC itself.
    expect(localDateOf(new Date(2026, 0, 31, 0, 30).getTime())).toBe('2026-01-31');
    expect(localDateOf(new Date(2026, 0, 31, 23, 30).getTime())).toBe('2026-01-31');
  });

  it('parses only real calendar dates', () => {
    expect(parseLocalDate('2028-02-29')).toEqual({ year: 2028, month: 2, day: 29 });
    for (const bad of ['2027-02-29', '2027-2-3', '2027-13-01', '2027-00-10', '2027-04-31', '', '2027-04-01T00:00']) {
      expect(parseLocalDate(bad)).toBeNull();
    }
  });

  it('adds days across months and years', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
  });

  it('leaves a working day where it is', () => {
    expect(nextWorkingDay('2026-09-07')).toBe('2026-09-07');
    expect(nextWorkingDay('2026-09-11')).toBe('2026-09-11'); // a Friday
  });
});
