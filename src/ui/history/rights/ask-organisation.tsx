import { useEffect, useRef, useState } from 'preact/hooks';
import { normaliseEmail } from '../../../core/email';
import type { TimelineEntry } from '../../../core/history-query';
import type { Translate } from '../../../core/i18n';
import { localDateOf } from '../../../core/rights/deadline';
import { LAWS, LETTER_LANGUAGES, type LawId, type LetterLanguage } from '../../../core/rights/laws';
import { composeLetter } from '../../../core/rights/letter';
import { mailtoHref } from '../../../core/rights/mailto';
import { t, uiLanguage } from '../../i18n';
import { useModal } from '../../components/use-modal';
import { downloadText } from '../download';
import { letterTranslator } from './letter-catalog';
import { defaultLetterLanguage, entryFacts, letterFileName, letterText } from './letter-draft';
import './rights.css';

const LANGUAGE_NAMES = { en: 'rightsLanguageEn', it: 'rightsLanguageIt' } as const;

/**
 * "Ask <organisation> what happened": a dialog that writes the access request and breach questions
 * for a history entry (src/core/rights/letter.ts), lets the person edit it, and hands it over as a
 * mailto: draft, the clipboard or a .txt file. Everything happens in the page; nothing is sent or
 * stored.
 */
export function AskOrganisation({ entry, elsewhere }: { entry: TimelineEntry; /** A leak trail: whose breach the address turned up in. */ elsewhere?: string }) {
  const page = defaultLetterLanguage(uiLanguage());
  const [open, setOpen] = useState(false);
  const [lawId, setLawId] = useState<LawId>('eu-gdpr');
  const [language, setLanguage] = useState<LetterLanguage>(page);
  const [letterT, setLetterT] = useState<{ language: LetterLanguage; t: Translate } | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [erasure, setErasure] = useState(false);
  const [objection, setObjection] = useState(false);
  const [date, setDate] = useState(entry.date ?? '');
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [recipient, setRecipient] = useState('');
  const [touched, setTouched] = useState(false);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const openerRef = useRef<HTMLButtonElement>(null);
  const firstRef = useRef<HTMLSelectElement>(null);
  const recipientRef = useRef<HTMLInputElement>(null);
  const dialogRef = useModal(open, firstRef, openerRef);
  const id = `ask-${entry.key.replace(/[^a-zA-Z0-9]/g, '-')}`;

  // The letter's language has its own catalog, for the data-class labels.
  useEffect(() => {
    if (!open) return;
    let current = true;
    setLoadError(null);
    letterTranslator(language).then(
      (translate) => current && setLetterT({ language, t: translate }),
      (err: unknown) => current && setLoadError(t('rightsLoadFailed', (err as Error).message)),
    );
    return () => {
      current = false;
    };
  }, [open, language]);

  // Any choice writes the letter again from the core; the person's edits come after. Keyed on
  // the facts, not the entry object: the page reads the history again after any action on the
  // entry (marking it resolved, say), and that must not wipe a letter being edited.
  const facts = letterT !== null && letterT.language === language && date !== '' ? entryFacts(entry, letterT.t) : null;
  const factsKey = facts && JSON.stringify(facts);
  useEffect(() => {
    if (!facts) return;
    const letter = composeLetter({ ...facts, ...(elsewhere === undefined ? {} : { source: 'trail' as const, elsewhere }), date, lawId, language, erasure, objection });
    setSubject(letter.subject);
    setBody(letter.body);
    // `facts` is a new object every render; factsKey is its content.
  }, [factsKey, date, lawId, language, erasure, objection]);

  const checked = normaliseEmail(recipient, t);
  const showError = touched && !checked.ok;
  const text = () => letterText({ subject, body });

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text());
      setStatus({ ok: true, text: t('rightsCopied') });
    } catch (err) {
      setStatus({ ok: false, text: t('rightsCopyFailed', (err as Error).message) });
    }
  };

  const download = () => {
    const name = letterFileName(entry.title, localDateOf(Date.now()));
    downloadText(text(), 'text/plain;charset=utf-8', name);
    setStatus({ ok: true, text: t('rightsDownloaded', name) });
  };

  return (
    <div class="ask-organisation">
      <button type="button" ref={openerRef} onClick={() => setOpen(true)}>
        {t('rightsAsk', entry.title)}
      </button>
      <dialog
        ref={dialogRef}
        class="confirm rights-dialog"
        aria-labelledby={`${id}-title`}
        data-testid="rights-dialog"
        onCancel={(e) => {
          e.preventDefault(); // Escape: closed through `open`, so the state never disagrees
          setOpen(false);
        }}
      >
        {open && (
          <>
            <h2 id={`${id}-title`}>{t('rightsAsk', entry.title)}</h2>
            <p>{t('rightsIntro', entry.title)}</p>
            <div class="rights-choices">
              <label>
                {t('rightsLaw')}
                <select ref={firstRef} value={lawId} onChange={(e) => setLawId(e.currentTarget.value as LawId)}>
                  {LAWS.map((law) => (
                    <option key={law.id} value={law.id}>
                      {law.name[page]}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                {t('rightsLetterLanguage')}
                <select value={language} onChange={(e) => setLanguage(e.currentTarget.value as LetterLanguage)}>
                  {LETTER_LANGUAGES.map((l) => (
                    <option key={l} value={l}>
                      {t(LANGUAGE_NAMES[l])}
                    </option>
                  ))}
                </select>
              </label>
              {entry.date === null && (
                <label>
                  {t('rightsDate')}
                  <input type="date" value={date} required onInput={(e) => setDate(e.currentTarget.value)} />
                </label>
              )}
            </div>
            <div class="rights-ticks">
              <label class="check-row">
                <input type="checkbox" checked={erasure} onChange={(e) => setErasure(e.currentTarget.checked)} />
                {t('rightsErasure')}
              </label>
              <label class="check-row">
                <input type="checkbox" checked={objection} onChange={(e) => setObjection(e.currentTarget.checked)} />
                {t('rightsObjection')}
              </label>
            </div>
            {loadError && (
              <p class="error" role="alert">
                {loadError}
              </p>
            )}
            {date === '' && <p class="muted">{t('rightsDateNeeded')}</p>}
            <label for={`${id}-subject`}>{t('rightsSubject')}</label>
            <input id={`${id}-subject`} class="rights-subject" value={subject} onInput={(e) => setSubject(e.currentTarget.value)} />
            <label for={`${id}-body`}>{t('rightsBody')}</label>
            <textarea id={`${id}-body`} class="rights-body" rows={14} value={body} aria-describedby={`${id}-rewrite`} onInput={(e) => setBody(e.currentTarget.value)} />
            <p id={`${id}-rewrite`} class="muted">
              {t('rightsRewriteHint')}
            </p>

            <label for={`${id}-to`}>{t('rightsRecipient')}</label>
            <p id={`${id}-to-hint`} class="muted">
              {t('rightsRecipientHint')}
            </p>
            <input
              id={`${id}-to`}
              ref={recipientRef}
              type="email"
              autoComplete="off"
              spellcheck={false}
              placeholder="privacy@…"
              value={recipient}
              aria-invalid={showError}
              aria-describedby={`${id}-to-hint${showError ? ` ${id}-to-error` : ''}`}
              onInput={(e) => setRecipient(e.currentTarget.value)}
              onBlur={() => recipient.trim() !== '' && setTouched(true)}
            />
            {showError && (
              <p id={`${id}-to-error`} class="error" data-testid="rights-recipient-error">
                {checked.message}
              </p>
            )}
            <div class="dialog-actions rights-actions">
              {checked.ok && subject + body !== '' ? (
                <a class="rights-mail" href={mailtoHref(checked.email, subject, body)} data-testid="rights-mailto">
                  {t('rightsOpenMail')}
                </a>
              ) : (
                <button
                  type="button"
                  class="primary"
                  onClick={() => {
                    setTouched(true);
                    recipientRef.current?.focus();
                  }}
                >
                  {t('rightsOpenMail')}
                </button>
              )}
              <button type="button" disabled={body === ''} onClick={() => void copy()}>
                {t('rightsCopy')}
              </button>
              <button type="button" disabled={body === ''} onClick={download}>
                {t('rightsDownload')}
              </button>
              <button type="button" onClick={() => setOpen(false)}>
                {t('rightsClose')}
              </button>
            </div>
            <p class="muted">{t('rightsLongLetter')}</p>
            <p role="status" class={status?.ok === false ? 'error' : 'ok'} data-testid="rights-status">
              {status?.text}
            </p>
          </>
        )}
      </dialog>
    </div>
  );
}
