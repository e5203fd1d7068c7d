import { useState } from 'preact/hooks';
import type { WatchedAddress } from '../../core/exposure';
import type { NoticeInput } from '../../core/notice-input';
import { suggestClasses, typedClass } from '../../core/data-class-words';
import { classLabel } from '../data-labels';
import { displayEmail } from '../format';
import { t, uiLanguage } from '../i18n';
import { RequestRefused, send } from '../send';

type Field = keyof NoticeInput;
type Draft = Record<Field, string>;

interface Props {
  addresses: readonly WatchedAddress[];
  /** The address to pre-select (the address filter), if it is one of the saved ones. */
  preferredEmail: string;
  onSaved: () => Promise<void>;
}

const EMPTY: Draft = { email: '', organisation: '', site: '', date: '', dataClasses: '', note: '' };
const FIELDS: readonly Field[] = ['email', 'organisation', 'site', 'date', 'dataClasses', 'note'];
const HINTS: ReadonlySet<Field> = new Set(['organisation', 'site', 'date', 'dataClasses']);

/** "Nearly everything, names, emails" → ["Nearly everything", "names", "emails"]. */
export const splitClasses = (text: string) => text.split(',').map((s) => s.trim()).filter((s) => s !== '');

/**
 * While the kinds of data are typed: labels that fit the words being typed (a click completes
 * them), and what the words will be recorded as, so "nome, email" is seen to become "Names, Email
 * addresses" and to get the advice that goes with them.
 */
function ClassHelp({ text, onPick }: { text: string; onPick: (text: string) => void }) {
  const cut = text.lastIndexOf(',');
  const done = splitClasses(cut < 0 ? '' : text.slice(0, cut));
  const fragment = text.slice(cut + 1).trim();
  const taken = new Set(done.map((c) => typedClass(c, t)));
  const suggestions = suggestClasses(fragment, t, 6, uiLanguage()).filter((label) => !taken.has(typedClass(label, t)));
  const recognised = [...new Set(splitClasses(text).map((c) => classLabel(typedClass(c, t))))];
  return (
    <>
      {suggestions.length > 0 && !(suggestions.length === 1 && suggestions[0] === fragment) && (
        <div class="class-suggestions" role="group" aria-label={t('noticeFormSuggestions')} data-testid="notice-class-suggestions">
          {suggestions.map((label) => (
            <button key={label} type="button" class="quiet chip-button" onClick={() => onPick([...done, label].join(', ') + ', ')}>
              {label}
            </button>
          ))}
        </div>
      )}
      {recognised.length > 0 && (
        <p class="hint" data-testid="notice-class-recognised">
          {t('noticeFormRecognised', recognised.join(', '))}
        </p>
      )}
    </>
  );
}

/**
 * Records an exposure that no breach database lists (a company's letter, an email). The
 * background validates it and names the field to fix; what was typed is kept until it is saved.
 */
export function NoticeForm({ addresses, preferredEmail, onSaved }: Props) {
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [error, setError] = useState<{ field: Field | null; message: string } | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (addresses.length === 0) {
    return <p class="empty">{t('noticeFormNoAddresses')}</p>;
  }
  const fallback = addresses.some((a) => a.email === preferredEmail) ? preferredEmail : addresses[0]!.email;
  const email = draft.email !== '' && addresses.some((a) => a.email === draft.email) ? draft.email : fallback;

  const set = (field: Field) => (e: Event) => {
    setDraft({ ...draft, [field]: (e.currentTarget as HTMLInputElement).value });
    setSaved(null);
  };
  const invalid = (field: Field) => ({
    'aria-invalid': error?.field === field ? ('true' as const) : ('false' as const),
    'aria-describedby': [HINTS.has(field) ? `notice-${field}-hint` : '', error?.field === field ? `notice-${field}-error` : ''].filter(Boolean).join(' ') || undefined,
  });
  const fieldError = (field: Field) =>
    error?.field === field ? (
      <p id={`notice-${field}-error`} class="error field-error" role="alert" data-testid={`notice-error-${field}`}>
        {error.message}
      </p>
    ) : null;

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setSaved(null);
    try {
      const notice = await send('notice/save', {
        input: { email, organisation: draft.organisation, site: draft.site, date: draft.date, dataClasses: splitClasses(draft.dataClasses), note: draft.note },
      });
      setDraft({ ...EMPTY, email });
      setSaved(t('noticeFormSaved', notice.organisation));
      await onSaved();
    } catch (err) {
      const field = err instanceof RequestRefused && FIELDS.includes(err.field as Field) ? (err.field as Field) : null;
      setError({ field, message: (err as Error).message });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="notice-form" onSubmit={submit} noValidate data-testid="notice-form">
      <div class="field">
        <label for="notice-email">{t('noticeFormEmail')}</label>
        <select id="notice-email" value={email} onChange={set('email')} {...invalid('email')}>
          {addresses.map((a) => (
            <option key={a.email} value={a.email}>
              {displayEmail(a.email)}
            </option>
          ))}
        </select>
        {fieldError('email')}
      </div>
      <div class="field">
        <label for="notice-organisation">{t('noticeFormOrganisation')}</label>
        <input id="notice-organisation" type="text" maxLength={200} value={draft.organisation} onInput={set('organisation')} {...invalid('organisation')} />
        <span id="notice-organisation-hint" class="hint">{t('noticeFormOrganisationHint')}</span>
        {fieldError('organisation')}
      </div>
      <div class="field">
        <label for="notice-site">{t('noticeFormSite')}</label>
        <input id="notice-site" type="text" inputMode="url" placeholder={t('noticeFormSitePlaceholder')} value={draft.site} onInput={set('site')} {...invalid('site')} />
        <span id="notice-site-hint" class="hint">{t('noticeFormSiteHint')}</span>
        {fieldError('site')}
      </div>
      <div class="field">
        <label for="notice-date">{t('noticeFormDate')}</label>
        <input id="notice-date" type="text" inputMode="numeric" placeholder={t('noticeFormDatePlaceholder')} value={draft.date} onInput={set('date')} {...invalid('date')} />
        <span id="notice-date-hint" class="hint">{t('noticeFormDateHint')}</span>
        {fieldError('date')}
      </div>
      <div class="field wide">
        <label for="notice-classes">{t('noticeFormClasses')}</label>
        <input id="notice-classes" type="text" autocomplete="off" placeholder={t('noticeFormClassesPlaceholder')} value={draft.dataClasses} onInput={set('dataClasses')} {...invalid('dataClasses')} />
        <span id="notice-dataClasses-hint" class="hint">{t('noticeFormClassesHint')}</span>
        <ClassHelp text={draft.dataClasses} onPick={(text) => setDraft({ ...draft, dataClasses: text })} />
        {fieldError('dataClasses')}
      </div>
      <div class="field wide">
        <label for="notice-note">{t('noticeFormNote')}</label>
        <textarea id="notice-note" rows={3} maxLength={5000} value={draft.note} onInput={set('note')} {...invalid('note')} />
        {fieldError('note')}
      </div>
      {error && error.field === null && (
        <p class="error wide" role="alert">
          {error.message}
        </p>
      )}
      <div class="form-actions wide">
        <button type="submit" class="primary" disabled={busy}>
          {busy ? t('noticeFormSaving') : t('noticeFormSubmit')}
        </button>
        {saved && (
          <span class="ok" role="status">
            {saved}
          </span>
        )}
      </div>
    </form>
  );
}
