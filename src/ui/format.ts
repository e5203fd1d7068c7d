import { t, uiLanguage } from '../adapters/i18n';
import { formats } from '../core/format';
import { emailToUnicode, hostToUnicode } from '../core/idn-display';

/** The one place the pages format what a person reads: core/format.ts in the page's language. */
const f = formats(uiLanguage());

/** A coming moment (a next try, a run's end): the clock time, with the day when it is 12 h or more away. */
export const formatWhen = (ms: number) => f.when(ms, Date.now());
export const formatDateTime = (ms: number) => f.dateTime(ms);
/** A past moment in words: "5 minutes ago", "yesterday"; the date and time after a week. */
export const formatAgo = (ms: number) => f.ago(ms, Date.now());
export const formatCount = (n: number) => f.count(n);

/** A breach or notice date to the month, for lists: "Oct 2013", or "2025" when only the year is known. */
export const formatBreachDate = (date: string | null): string => (date ? (f.monthDate(date) ?? date) : t('dateUnknown'));

/** A breach or notice date as precise as it was given: "Oct 12, 2013", "October 2013" or "2013". */
export const formatEventDate = (date: string | null): string => (date ? (f.eventDate(date) ?? date) : t('unknown'));

/** An ISO timestamp (the provider's "added" time) as a day; the text itself when unreadable. */
export const formatIsoDay = (iso: string | null): string => (iso ? (f.day(iso) ?? iso) : t('unknown'));

/** Addresses and hosts as a person reads them (IDN in Unicode); what is stored stays ASCII. */
export const displayEmail = emailToUnicode;
export const displayHost = hostToUnicode;
