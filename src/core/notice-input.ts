import { normaliseEmail } from './email';

/** What the user types to record a notice, before it becomes a ManualNotice. */
export interface NoticeInput {
  email: string;
  organisation: string;
  site: string;
  date: string;
  dataClasses: string[];
  note: string;
}

export type NoticeCheck =
  | { ok: true; value: NoticeInput }
  | { ok: false; field: keyof NoticeInput; message: string };

const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** The site as a bare host: people paste "https://www.shop.example/help", we keep "www.shop.example". */
export function siteHost(input: string): string | null {
  const text = input.trim().toLowerCase();
  if (text === '') return '';
  try {
    const host = new URL(/^[a-z][a-z0-9+.-]*:\/\//.test(text) ? text : `https://${text}`).hostname;
    return /^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(host) ? host : null;
  } catch {
    return null;
  }
}

/**
 * Validates a manual notice, field by field, with a message saying what to fix. `today` is
 * YYYY-MM-DD: a notice cannot be dated in the future.
 */
export function checkNoticeInput(raw: Partial<Record<keyof NoticeInput, unknown>>, today: string): NoticeCheck {
  const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
  const email = normaliseEmail(text(raw.email));
  if (!email.ok) return { ok: false, field: 'email', message: `Which address was exposed? ${email.message}` };
  const organisation = text(raw.organisation);
  if (organisation === '') return { ok: false, field: 'organisation', message: 'Name the organisation that exposed your data.' };
  if (organisation.length > 200) return { ok: false, field: 'organisation', message: 'The organisation name is longer than 200 characters.' };
  const site = siteHost(text(raw.site));
  if (site === null) return { ok: false, field: 'site', message: 'The site should be a web address such as shop.example.com (or leave it empty).' };
  const date = text(raw.date);
  const parts = DATE.exec(date);
  const month = parts?.[2] === undefined ? 1 : Number(parts[2]);
  const day = parts?.[3] === undefined ? 1 : Number(parts[3]);
  const real = parts !== null && month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(Number(parts[1]), month, 0)).getUTCDate();
  if (!real || Number(parts![1]) < 1970) {
    return { ok: false, field: 'date', message: 'Give the date as YYYY-MM-DD (or just YYYY-MM or YYYY if that is all you know).' };
  }
  if (date > today) return { ok: false, field: 'date', message: 'That date is in the future.' };
  const classes = Array.isArray(raw.dataClasses) ? raw.dataClasses : [];
  const dataClasses = [...new Set(classes.map(text).filter((c) => c !== ''))];
  if (dataClasses.length === 0) return { ok: false, field: 'dataClasses', message: 'Say what was exposed, for example “Names, Email addresses”.' };
  if (dataClasses.length > 50 || dataClasses.some((c) => c.length > 100)) {
    return { ok: false, field: 'dataClasses', message: 'List at most 50 kinds of data, each under 100 characters.' };
  }
  const note = text(raw.note);
  if (note.length > 5000) return { ok: false, field: 'note', message: 'The note is longer than 5,000 characters.' };
  return { ok: true, value: { email: email.email, organisation, site, date, dataClasses, note } };
}
