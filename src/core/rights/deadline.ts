/**
 * The legal deadline of a data-protection request, counted on local calendar dates.
 *
 * A request's deadline is a date on the user's calendar ("answer by 5 September"), never an
 * instant: counting in UTC instants would move a request sent at 00:30 in Rome to the previous
 * day. So every date here is a 'YYYY-MM-DD' string, and the arithmetic below works on the
 * numbers in it. Date.UTC is used only as a calendar (days in a month, day of the week), where
 * no time zone can shift the answer.
 *
 * Months are counted as Regulation (EEC, Euratom) No 1182/71 counts them, which is how the issue
 * (citing the EDPB's right-of-access guidelines) and the ICO's own worked examples count the
 * month of Art. 12(3) (sources in docs/rights.md):
 * - Art. 3(2)(c): a period in months ends at the end of the day in the last month that has the
 *   same date as the day the period runs from (received 5 August → 5 September);
 * - the same point: when that date does not exist in the last month, the period ends at the
 *   end of that month's last day (31 January → 28 or 29 February);
 * - Art. 3(4): a period ending on a Saturday, Sunday or public holiday ends at the end of the
 *   next working day.
 * Public holidays are not modelled: they differ per country (and per region in some), the
 * extension does not know which country's calendar the organisation keeps, and the issue asks
 * for none. A deadline may therefore read one working day early after a holiday; it never reads
 * late, which is the safe side for the person waiting for an answer.
 */

/** A local calendar date, 'YYYY-MM-DD'. */
export type LocalDate = string;

/** How a law counts the time to answer: so many months, extendable by up to so many more. */
export interface DeadlineRule {
  months: number;
  /** The longest extension the organisation may announce, counted from the original receipt. */
  maxExtensionMonths: number;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

interface Ymd {
  year: number;
  month: number;
  day: number;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The parts of a real 'YYYY-MM-DD' date, or null for anything else (2027-02-30, '5/8/2027'). */
export function parseLocalDate(text: string): Ymd | null {
  const parts = ISO_DATE.exec(text);
  if (parts === null) return null;
  const [year, month, day] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

function format({ year, month, day }: Ymd): LocalDate {
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

function parseOrThrow(date: LocalDate): Ymd {
  const parsed = parseLocalDate(date);
  // Callers validate user input first (parseLocalDate); a bad date here is a programming error.
  if (parsed === null) throw new RangeError(`Not a YYYY-MM-DD date: ${date}`);
  return parsed;
}

/** The local calendar date of an instant, in the time zone of the machine the code runs on. */
export function localDateOf(epochMs: number): LocalDate {
  const d = new Date(epochMs);
  return format({ year: d.getFullYear(), month: d.getMonth() + 1, day: d.getDate() });
}

/** `date` moved by whole days (negative for earlier), on the calendar. */
export function addDays(date: LocalDate, days: number): LocalDate {
  const { year, month, day } = parseOrThrow(date);
  const d = new Date(Date.UTC(year, month - 1, day + days));
  return format({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() });
}

/** Art. 3(2)(c): the same date `months` later, or that month's last day when it has no such date. */
export function addMonths(date: LocalDate, months: number): LocalDate {
  const { year, month, day } = parseOrThrow(date);
  const index = year * 12 + (month - 1) + months;
  const toYear = Math.floor(index / 12);
  const toMonth = (index % 12) + 1;
  return format({ year: toYear, month: toMonth, day: Math.min(day, daysInMonth(toYear, toMonth)) });
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: LocalDate): number {
  const { year, month, day } = parseOrThrow(date);
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

/** Art. 3(4): a period ending on a Saturday or Sunday ends on the following Monday. */
export function nextWorkingDay(date: LocalDate): LocalDate {
  const weekday = dayOfWeek(date);
  if (weekday === 6) return addDays(date, 2);
  if (weekday === 0) return addDays(date, 1);
  return date;
}

/**
 * The last day to answer a request received on `received`: the rule's months, plus the extension
 * the organisation announced (whole months, at most the rule's maximum, counted from the original
 * receipt, so GDPR's one plus two never exceeds three months in all), moved off a weekend.
 * An extension outside 0…max is clamped, not refused: the UI offers only the legal choices, and
 * a stored value from a later, longer rule must not produce an absurd date.
 */
export function dueDate(received: LocalDate, rule: DeadlineRule, extensionMonths = 0): LocalDate {
  const extension = Math.min(Math.max(Math.trunc(extensionMonths), 0), rule.maxExtensionMonths);
  return nextWorkingDay(addMonths(received, rule.months + extension));
}

/** Overdue from the day after the due date: the organisation has all of the last day to answer. */
export function isOverdue(due: LocalDate, today: LocalDate): boolean {
  parseOrThrow(due);
  parseOrThrow(today);
  return today > due;
}
