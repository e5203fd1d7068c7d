import { t, uiLanguage } from '../adapters/i18n';
import { whenFormatter } from '../core/when';

/** Dates and numbers in the UI's language, through Intl. */
const lang = uiLanguage();

const dateTime = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' });
const monthYear = new Intl.DateTimeFormat(lang, { month: 'short', year: 'numeric', timeZone: 'UTC' });
const number = new Intl.NumberFormat(lang);

const when = whenFormatter(lang);
/** A coming moment (a next try, a run's end): the clock time, with the day when it is 12 h or more away. */
export const formatWhen = (ms: number) => when(ms, Date.now());
export const formatDateTime = (ms: number) => dateTime.format(ms);
export const formatCount = (n: number) => number.format(n);

/** A breach date as precise as the provider gave it: "Oct 2013", or "2025" when only the year is known. */
export function formatBreachDate(date: string | null): string {
  if (!date) return t('dateUnknown');
  if (/^\d{4}$/.test(date)) return date;
  const ms = Date.parse(date);
  return Number.isNaN(ms) ? date : monthYear.format(ms);
}
