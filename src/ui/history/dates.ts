import { t, uiLanguage } from '../i18n';

/** Date wording for the history page, through Intl in the UI's language. */
const lang = uiLanguage();

const day = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' });
const month = new Intl.DateTimeFormat(lang, { month: 'long', year: 'numeric', timeZone: 'UTC' });
const localDay = new Intl.DateTimeFormat(lang, { dateStyle: 'medium' });

/** A breach or notice date as precise as it was given: "12 Oct 2013", "October 2013" or "2013". */
export function formatEventDate(date: string | null): string {
  if (!date) return t('unknown');
  if (/^\d{4}$/.test(date)) return date;
  if (/^\d{4}-\d{2}$/.test(date)) {
    const ms = Date.parse(`${date}-01T00:00:00Z`);
    return Number.isNaN(ms) ? date : month.format(ms);
  }
  const ms = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(date) ? `${date}T00:00:00Z` : date);
  return Number.isNaN(ms) ? date : day.format(ms);
}

/** An ISO timestamp (the provider's "added" time) as a day; the text itself when unreadable. */
export function formatIsoDay(iso: string | null): string {
  if (!iso) return t('unknown');
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso : localDay.format(ms);
}

/** Today in local time as YYYY-MM-DD, for file names. */
export function localIsoDate(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
