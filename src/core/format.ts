/**
 * Every date, time, number and relative time a person reads, through Intl in one language. Pure:
 * the language and the clock come in as arguments; src/ui/format.ts binds the page's language, the
 * background binds the browser's.
 *
 * One clock pattern everywhere (hour 'numeric'), so a page never shows "07:25 AM" beside "7:25 AM".
 */
import { HOUR } from './pacing';

/**
 * Up to this far ahead a clock time alone is unambiguous ("14:05" is the next 14:05). Beyond it
 * the day is added: a retry held for the longest Retry-After allowed (24 h, see core/http.ts)
 * would otherwise read as "next try at" the current minute.
 */
export const CLOCK_ONLY_WITHIN_MS = 12 * HOUR;

const MINUTE = 60_000;
const DAY = 24 * HOUR;

export interface Formats {
  /** A coming moment (a next try, a run's end): "14:05", or "14:05 (11 Mar)" when 12 h or more away. */
  when(epochMs: number, now: number): string;
  /** A moment in full: "Mar 11, 2025, 2:05 PM". */
  dateTime(epochMs: number): string;
  /** A past moment near now in words ("5 minutes ago", "yesterday"); the date and time after a week. */
  ago(epochMs: number, now: number): string;
  /** A count with the language's grouping: "1,000", "1.000". */
  count(n: number): string;
  /** A breach or notice date as precise as it was given: "Oct 12, 2013", "October 2013", "2013"; null when unreadable. */
  eventDate(date: string): string | null;
  /** The same date to the month, for compact lists: "Oct 2013", or "2013" when only the year is known. */
  monthDate(date: string): string | null;
  /** An ISO timestamp as a local day: "Mar 11, 2025"; null when unreadable. */
  day(iso: string): string | null;
}

const YEAR = /^\d{4}$/;
const YEAR_MONTH = /^\d{4}-\d{2}$/;
const FULL_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Midnight UTC of a calendar date written as given, so no time zone moves it to the day before. */
function calendarMs(date: string): number {
  if (YEAR_MONTH.test(date)) return Date.parse(`${date}-01T00:00:00Z`);
  return Date.parse(FULL_DAY.test(date) ? `${date}T00:00:00Z` : date);
}

export function formats(language: string): Formats {
  const time = new Intl.DateTimeFormat(language, { hour: 'numeric', minute: '2-digit' });
  const shortDay = new Intl.DateTimeFormat(language, { day: 'numeric', month: 'short' });
  const dateTime = new Intl.DateTimeFormat(language, { year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' });
  const utcDay = new Intl.DateTimeFormat(language, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
  const localDay = new Intl.DateTimeFormat(language, { year: 'numeric', month: 'short', day: 'numeric' });
  const longMonth = new Intl.DateTimeFormat(language, { month: 'long', year: 'numeric', timeZone: 'UTC' });
  const shortMonth = new Intl.DateTimeFormat(language, { month: 'short', year: 'numeric', timeZone: 'UTC' });
  const number = new Intl.NumberFormat(language);
  const relative = new Intl.RelativeTimeFormat(language, { numeric: 'auto' });

  const calendar = (date: string, dayFormat: Intl.DateTimeFormat, monthFormat: Intl.DateTimeFormat) => {
    if (YEAR.test(date)) return date;
    const ms = calendarMs(date);
    if (Number.isNaN(ms)) return null;
    return (YEAR_MONTH.test(date) ? monthFormat : dayFormat).format(ms);
  };

  return {
    when(epochMs, now) {
      const clock = time.format(epochMs);
      return Math.abs(epochMs - now) < CLOCK_ONLY_WITHIN_MS ? clock : `${clock} (${shortDay.format(epochMs)})`;
    },
    dateTime: (ms) => dateTime.format(ms),
    ago(epochMs, now) {
      const past = Math.max(0, now - epochMs);
      if (past < MINUTE) return relative.format(0, 'second');
      if (past < HOUR) return relative.format(-Math.floor(past / MINUTE), 'minute');
      if (past < DAY) return relative.format(-Math.floor(past / HOUR), 'hour');
      if (past < 7 * DAY) return relative.format(-Math.floor(past / DAY), 'day');
      return dateTime.format(epochMs);
    },
    count: (n) => number.format(n),
    eventDate: (date) => calendar(date, utcDay, longMonth),
    monthDate: (date) => calendar(date, shortMonth, shortMonth),
    day(iso) {
      const ms = Date.parse(iso);
      return Number.isNaN(ms) ? null : localDay.format(ms);
    },
  };
}
