import { t, uiLanguage } from '../adapters/i18n';

/** Dates and numbers in the UI's language, through Intl. */
const lang = uiLanguage();

const time = new Intl.DateTimeFormat(lang, { hour: '2-digit', minute: '2-digit' });
const dateTime = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' });
const monthYear = new Intl.DateTimeFormat(lang, { month: 'short', year: 'numeric', timeZone: 'UTC' });
const number = new Intl.NumberFormat(lang);

export const formatTime = (ms: number) => time.format(ms);
export const formatDateTime = (ms: number) => dateTime.format(ms);
export const formatCount = (n: number) => number.format(n);

/** A breach date as precise as the provider gave it: "Oct 2013", or "2025" when only the year is known. */
export function formatBreachDate(date: string | null): string {
  if (!date) return t('dateUnknown');
  if (/^\d{4}$/.test(date)) return date;
  const ms = Date.parse(date);
  return Number.isNaN(ms) ? date : monthYear.format(ms);
}
