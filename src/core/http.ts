/**
 * Pure HTTP helpers shared by the providers: nothing here touches the network.
 */
import { DAY, SECOND } from './pacing';

/**
 * Retry-After is clamped to [now + 1 s, now + 24 h]. The floor stops "Retry-After: 0" (or a date
 * in the past, from a skewed clock) from turning into a tight retry loop; the ceiling stops a
 * buggy or hostile header from parking the queue for years. A day is the longest any provider
 * has a reason to ask for (XposedOrNot's largest window is daily).
 */
export const MIN_RETRY_DELAY_MS = SECOND;
export const MAX_RETRY_DELAY_MS = DAY;

const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const LONG_DAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

// The three HTTP-date forms of RFC 9110 §5.6.7. Date.parse is not used: it accepts almost
// anything ("1", "tomorrow" in some engines) and reads the zone-less asctime form as local time.
const IMF_FIXDATE = /^([a-z]{3}), (\d{1,2}) ([a-z]{3}) (\d{4}) (\d{2}):(\d{2}):(\d{2}) gmt$/;
const RFC_850 = /^([a-z]{6,9}), (\d{1,2})-([a-z]{3})-(\d{2}) (\d{2}):(\d{2}):(\d{2}) gmt$/;
const ASCTIME = /^([a-z]{3}) ([a-z]{3}) +(\d{1,2}) (\d{2}):(\d{2}):(\d{2}) (\d{4})$/;

function utc(year: number, monthName: string, day: number, h: number, m: number, s: number): number | undefined {
  const month = MONTHS.indexOf(monthName);
  if (month < 0 || h > 23 || m > 59 || s > 60) return undefined;
  const ms = Date.UTC(year, month, day, h, m, Math.min(s, 59));
  // Date.UTC rolls 31 Feb over into March; a date that does not exist is garbage.
  const check = new Date(ms);
  return check.getUTCDate() === day && check.getUTCMonth() === month ? ms : undefined;
}

/** Parses an HTTP-date into epoch ms, or undefined when it is not one. */
export function parseHttpDate(value: string, now: number): number | undefined {
  const text = value.trim().toLowerCase().replace(/\s+/g, ' ');
  let m = IMF_FIXDATE.exec(text);
  if (m) {
    const [, day, date, month, year, h, min, s] = m;
    if (!DAYS.includes(day ?? '')) return undefined;
    return utc(Number(year), month ?? '', Number(date), Number(h), Number(min), Number(s));
  }
  m = RFC_850.exec(text);
  if (m) {
    const [, day, date, month, yy, h, min, s] = m;
    if (!LONG_DAYS.includes(day ?? '')) return undefined;
    // RFC 9110: a two-digit year more than 50 years in the future means the previous century.
    const thisYear = new Date(now).getUTCFullYear();
    let year = 2000 + Number(yy);
    if (year > thisYear + 50) year -= 100;
    return utc(year, month ?? '', Number(date), Number(h), Number(min), Number(s));
  }
  m = ASCTIME.exec(text);
  if (m) {
    const [, day, month, date, h, min, s, year] = m;
    if (!DAYS.includes(day ?? '')) return undefined;
    return utc(Number(year), month ?? '', Number(date), Number(h), Number(min), Number(s));
  }
  return undefined;
}

/**
 * The time (epoch ms) a Retry-After header allows the next request, from either delta-seconds
 * or an HTTP-date; undefined when the header is absent or not understood, so the caller picks
 * its own default.
 */
export function parseRetryAfter(headerValue: string | null | undefined, now: number): number | undefined {
  if (headerValue === null || headerValue === undefined) return undefined;
  const text = headerValue.trim();
  if (text === '') return undefined;

  let at: number | undefined;
  // Strictly delta-seconds is a non-negative integer; fractions and a sign are tolerated because
  // some servers send them and the intent is clear. The clamp below handles negatives.
  if (/^[+-]?\d+(\.\d+)?$/.test(text)) {
    at = now + Number(text) * SECOND;
  } else {
    at = parseHttpDate(text, now);
  }
  if (at === undefined || Number.isNaN(at)) return undefined;
  return Math.min(Math.max(at, now + MIN_RETRY_DELAY_MS), now + MAX_RETRY_DELAY_MS);
}
