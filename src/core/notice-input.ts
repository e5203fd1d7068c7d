import { typedClass } from './data-class-words';
import { normaliseEmail } from './email';
import type { Translate } from './i18n';

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
export function checkNoticeInput(raw: Partial<Record<keyof NoticeInput, unknown>>, today: string, t: Translate): NoticeCheck {
  const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
  const email = normaliseEmail(text(raw.email), t);
  if (!email.ok) return { ok: false, field: 'email', message: `${t('noticeWhichAddress')} ${email.message}` };
  const organisation = text(raw.organisation);
  if (organisation === '') return { ok: false, field: 'organisation', message: t('noticeNeedOrganisation') };
  if (organisation.length > 200) return { ok: false, field: 'organisation', message: t('noticeOrganisationTooLong') };
  const site = siteHost(text(raw.site));
  if (site === null) return { ok: false, field: 'site', message: t('noticeSiteInvalid') };
  const date = text(raw.date);
  const parts = DATE.exec(date);
  const month = parts?.[2] === undefined ? 1 : Number(parts[2]);
  const day = parts?.[3] === undefined ? 1 : Number(parts[3]);
  const real = parts !== null && month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(Number(parts[1]), month, 0)).getUTCDate();
  if (!real || Number(parts![1]) < 1970) {
    return { ok: false, field: 'date', message: t('noticeDateFormat') };
  }
  if (date > today) return { ok: false, field: 'date', message: t('noticeDateFuture') };
  const classes = Array.isArray(raw.dataClasses) ? raw.dataClasses : [];
  // Free words ("nome", "e-mail") become the provider's names, so a notice gets the same labels,
  // filter entries and guidance as a breach a provider reported.
  const dataClasses = [...new Set(classes.map(text).filter((c) => c !== '').map((c) => typedClass(c, t)))];
  if (dataClasses.length === 0) return { ok: false, field: 'dataClasses', message: t('noticeNeedDataClasses') };
  if (dataClasses.length > 50 || dataClasses.some((c) => c.length > 100)) {
    return { ok: false, field: 'dataClasses', message: t('noticeTooManyDataClasses') };
  }
  const note = text(raw.note);
  if (note.length > 5000) return { ok: false, field: 'note', message: t('noticeNoteTooLong') };
  return { ok: true, value: { email: email.email, organisation, site, date, dataClasses, note } };
}
