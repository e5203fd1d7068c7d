import { useEffect, useState } from 'preact/hooks';
import type { ExposureState } from '../../core/exposure';
import type { SubjectEntry } from '../../core/history-query';
import type { RequestOf } from '../../messages';
import { t } from '../i18n';
import { send } from '../send';
import { ConfirmDialog } from '../components/confirm-dialog';
import { displayEmail } from '../format';

interface Props {
  entry: SubjectEntry;
  /** Called after a change was saved, so the page reads the history again. */
  onChanged: () => Promise<void>;
}

export function targetOf(entry: SubjectEntry): RequestOf<'history/set-state'>['target'] {
  return entry.kind === 'breach'
    ? { kind: 'exposure', key: [entry.email, entry.provider, entry.breachId] }
    : { kind: 'notice', id: entry.notice.id };
}

/** Acknowledge (when new), mark resolved with an optional note, reopen; delete a notice. */
export function EntryActions({ entry, onChanged }: Props) {
  const [resolving, setResolving] = useState(false);
  const [note, setNote] = useState(entry.note);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);

  // Another entry (or the same one, changed): start from what is stored.
  useEffect(() => {
    setResolving(false);
    setNote(entry.note);
    setError(null);
    setConfirmDelete(false);
  }, [entry.key, entry.state, entry.note]);

  const run = async (action: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
      await onChanged();
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const setState = (state: ExposureState, withNote?: string) =>
    run(() => send('history/set-state', { target: targetOf(entry), state, ...(withNote === undefined ? {} : { note: withNote }) }));

  const resolve = (event: Event) => {
    event.preventDefault();
    void setState('resolved', note.trim());
  };

  const deleteNotice = () => {
    if (entry.kind !== 'notice') return;
    const { id } = entry.notice;
    setConfirmDelete(false);
    void run(() => send('notice/delete', { id }));
  };

  return (
    <div class="entry-actions">
      {!resolving && (
        <div class="button-row">
          {entry.state === 'new' && (
            <button type="button" class="primary" disabled={busy} onClick={() => void setState('acknowledged')}>
              {t('actionAcknowledge')}
            </button>
          )}
          {entry.state !== 'resolved' && (
            <button type="button" disabled={busy} onClick={() => setResolving(true)}>
              {t('actionResolveEllipsis')}
            </button>
          )}
          {entry.state === 'resolved' && (
            <button type="button" disabled={busy} onClick={() => void setState('acknowledged')}>
              {t('actionReopen')}
            </button>
          )}
          {entry.kind === 'notice' && (
            <button type="button" class="quiet danger-text" disabled={busy} onClick={() => setConfirmDelete(true)}>
              {t('actionDeleteNoticeEllipsis')}
            </button>
          )}
        </div>
      )}
      {resolving && (
        <form class="resolve-form" onSubmit={resolve}>
          <label for="resolve-note">{t('actionResolveNoteLabel')}</label>
          <textarea
            id="resolve-note"
            rows={3}
            maxLength={5000}
            placeholder={t('actionResolveNotePlaceholder')}
            value={note}
            onInput={(e) => setNote((e.currentTarget as HTMLTextAreaElement).value)}
          />
          <div class="button-row">
            <button type="submit" class="primary" disabled={busy}>
              {t('actionResolve')}
            </button>
            <button type="button" disabled={busy} onClick={() => setResolving(false)}>
              {t('cancel')}
            </button>
          </div>
        </form>
      )}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {entry.kind === 'notice' && (
        <ConfirmDialog
          open={confirmDelete}
          title={t('actionDeleteNoticeTitle')}
          confirmLabel={t('actionDeleteNotice')}
          busy={busy}
          onConfirm={deleteNotice}
          onCancel={() => setConfirmDelete(false)}
        >
          <p>{t('actionDeleteNoticeBody', entry.title, displayEmail(entry.email))}</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
