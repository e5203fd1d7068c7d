import { useEffect, useState } from 'preact/hooks';
import type { RequestEntry } from '../../../core/history-query';
import { localDateOf } from '../../../core/rights/deadline';
import { LAWS, type LawId } from '../../../core/rights/laws';
import { maxExtension, type RequestChangeInput } from '../../../core/rights/request';
import type { EntryTarget } from '../../../messages';
import { formatEventDate } from '../../format';
import { t, uiLanguage } from '../../i18n';
import { send } from '../../send';
import { ComplaintStep } from './complaint-step';
import { defaultLetterLanguage } from './letter-draft';

interface Props {
  /** The breach or notice asked about, as the request record names it. */
  target: EntryTarget;
  /** Its request, if the person recorded one. */
  request: RequestEntry | null;
  onChanged: () => Promise<void>;
}

/**
 * The request about one entry, tracked: marked sent with its date, the answer's due date
 * (deadline.ts), an extension the organisation announced, the answer with a note, closing it,
 * and — once overdue or answered — the complaint step. Nothing is sent to anyone: the person
 * tells the extension what happened.
 */
export function RequestTracker({ target, request, onChanged }: Props) {
  const today = localDateOf(Date.now());
  const page = defaultLetterLanguage(uiLanguage());
  const [sentOn, setSentOn] = useState(today);
  const [law, setLaw] = useState<LawId>('eu-gdpr');
  const [months, setMonths] = useState(String(request?.request.extensionMonths ?? 0));
  const [answeredOn, setAnsweredOn] = useState(today);
  const [note, setNote] = useState(request?.request.note ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const r = request?.request;

  useEffect(() => {
    setMonths(String(r?.extensionMonths ?? 0));
    setNote(r?.note ?? '');
    setError(null);
  }, [r?.entry, r?.changedAt]);

  const change = async (input: RequestChangeInput) => {
    setBusy(true);
    setError(null);
    try {
      await send('request/change', { target, change: input });
      await onChanged();
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const submit = (input: () => RequestChangeInput) => (event: Event) => {
    event.preventDefault();
    void change(input());
  };

  const errorLine = error && (
    <p class="error" role="alert" data-testid="request-error">
      {error}
    </p>
  );

  if (!request || !r) {
    return (
      <section class="request-tracker" aria-labelledby="request-title" data-testid="request-tracker">
        <h3 id="request-title">{t('requestTitle')}</h3>
        <p class="muted">{t('requestNoneYet')}</p>
        <form class="request-form" noValidate onSubmit={submit(() => ({ action: 'sent', sentOn, law }))}>
          <label>
            {t('requestSentOn')}
            <input type="date" required max={today} value={sentOn} onInput={(e) => setSentOn(e.currentTarget.value)} />
          </label>
          <label>
            {t('rightsLaw')}
            <select value={law} onChange={(e) => setLaw(e.currentTarget.value as LawId)}>
              {LAWS.map((l) => (
                <option key={l.id} value={l.id}>
                  {l.name[page]}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" class="primary" disabled={busy}>
            {t('requestMarkSent')}
          </button>
        </form>
        {errorLine}
      </section>
    );
  }

  const status = request.status;
  const open = status === 'waiting' || status === 'overdue';
  const under = LAWS.find((l) => l.id === r.law)?.under[page] ?? r.law;
  return (
    <section class={`request-tracker request-${status}`} aria-labelledby="request-title" data-testid="request-tracker" data-status={status}>
      <h3 id="request-title">{t('requestTitle')}</h3>
      <p>{t('requestSentLine', formatEventDate(r.sentOn), under)}</p>
      <p class={`request-status ${status === 'overdue' ? 'error' : ''}`} data-testid="request-status">
        <strong>{t(STATUS_WORDS[status])}</strong>{' '}
        {status === 'answered' && r.answeredOn !== null
          ? t('requestAnsweredOn', formatEventDate(r.answeredOn))
          : status === 'closed' && r.closedOn !== null
            ? t('requestClosedOn', formatEventDate(r.closedOn))
            : null}
      </p>
      <p data-testid="request-due" data-due={request.due}>
        {t(status === 'overdue' ? 'requestWasDue' : 'requestDue', formatEventDate(request.due))}
      </p>
      {r.extensionMonths > 0 && <p>{t(r.extensionMonths === 1 ? 'requestExtendedOne' : 'requestExtendedOther', r.extensionMonths)}</p>}
      {r.note && (
        <p class="entry-note">
          <strong>{t('detailYourNote')}</strong> {r.note}
        </p>
      )}

      {open && (
        <>
          <form class="request-form" noValidate onSubmit={submit(() => ({ action: 'extended', months: Number(months) }))}>
            <label>
              {t('requestExtensionLabel')}
              <select value={months} onChange={(e) => setMonths(e.currentTarget.value)}>
                {Array.from({ length: maxExtension(r.law) + 1 }, (_, m) => (
                  <option key={m} value={m}>
                    {m === 0 ? t('requestExtensionNone') : t(m === 1 ? 'requestExtensionOne' : 'requestExtensionOther', m)}
                  </option>
                ))}
              </select>
            </label>
            <button type="submit" disabled={busy || Number(months) === r.extensionMonths}>
              {t('requestRecordExtension')}
            </button>
          </form>
          <form class="request-form" noValidate onSubmit={submit(() => ({ action: 'answered', answeredOn, note: note.trim() }))}>
            <label>
              {t('requestAnsweredOnLabel')}
              <input type="date" required min={r.sentOn} max={today} value={answeredOn} onInput={(e) => setAnsweredOn(e.currentTarget.value)} />
            </label>
            <label class="wide">
              {t('requestNoteLabel')}
              <textarea rows={2} maxLength={5000} value={note} placeholder={t('requestNotePlaceholder')} onInput={(e) => setNote(e.currentTarget.value)} />
            </label>
            <div class="button-row">
              <button type="submit" class="primary" disabled={busy}>
                {t('requestRecordAnswer')}
              </button>
              <button type="button" disabled={busy} onClick={() => void change({ action: 'closed', note: note.trim() })}>
                {t('requestClose')}
              </button>
            </div>
          </form>
        </>
      )}
      {!open && (
        <div class="button-row">
          <button type="button" disabled={busy} onClick={() => void change({ action: 'reopened' })}>
            {t('requestReopen')}
          </button>
        </div>
      )}
      {errorLine}
      {(status === 'overdue' || status === 'answered') && <ComplaintStep request={request} />}
    </section>
  );
}

const STATUS_WORDS = {
  waiting: 'requestStatusWaiting',
  overdue: 'requestStatusOverdue',
  answered: 'requestStatusAnswered',
  closed: 'requestStatusClosed',
} as const;
