import { useRef, useState } from 'preact/hooks';
import { MAX_IMPORT_BYTES, buildCsv, buildExport, type ExportCounts } from '../../core/export-format';
import { readExportData } from '../../storage/export-import';
import { db } from '../../storage/open-db';
import type { MessageKey } from '../../core/i18n';
import { formatCount } from '../format';
import { t } from '../i18n';
import { send } from '../send';
import { ConfirmDialog } from '../components/confirm-dialog';
import { downloadText, exportFileName } from './download';

type Message = { kind: 'ok' | 'error'; text: string } | null;

const COUNT_WORDS: ReadonlyArray<[Exclude<keyof ExportCounts, 'rightsRequests'>, MessageKey, MessageKey]> = [
  ['addresses', 'countAddressesOne', 'countAddressesOther'],
  ['exposures', 'countExposuresOne', 'countExposuresOther'],
  ['breaches', 'countBreachRecordsOne', 'countBreachRecordsOther'],
  ['notices', 'countNoticesOne', 'countNoticesOther'],
  ['siteAlerts', 'countSiteAlertsOne', 'countSiteAlertsOther'],
  ['runs', 'countRunsOne', 'countRunsOther'],
  ['results', 'countResultsOne', 'countResultsOther'],
];

export function describeCounts(counts: ExportCounts): string {
  const parts = COUNT_WORDS.map(([key, one, many]) => t(counts[key] === 1 ? one : many, formatCount(counts[key])));
  const requests = counts.rightsRequests ?? 0; // #13: named only when the file has some
  if (requests > 0) parts.push(t(requests === 1 ? 'countRequestsOne' : 'countRequestsOther', formatCount(requests)));
  return t('countList', parts.slice(0, -1).join(', '), parts.at(-1)!);
}

/** What "Delete everything" removes, as the dialog lists it (the settings line depends on the choice). */
const DELETED: readonly MessageKey[] = ['dataDeleteData', 'dataDeleteHistory', 'dataDeleteCatalog', 'dataDeleteTraces'];

const megabytes = (bytes: number) => `${Math.ceil((bytes / (1024 * 1024)) * 10) / 10} MB`;

/** Export (JSON, CSV), import a JSON export, and delete everything after a confirmation. */
export function DataTools({ onChanged }: { onChanged: () => Promise<void> }) {
  const [message, setMessage] = useState<Message>(null);
  const [busy, setBusy] = useState<null | 'export' | 'import' | 'delete'>(null);
  const [confirming, setConfirming] = useState(false);
  const [keepSettings, setKeepSettings] = useState(false);
  const fileRef = useRef<HTMLInputElement>(null);

  const exportAs = async (format: 'json' | 'csv') => {
    setBusy('export');
    setMessage(null);
    try {
      const data = await readExportData(await db());
      if (format === 'json') downloadText(buildExport(data, t), 'application/json', exportFileName('json'));
      else downloadText(buildCsv(data), 'text/csv;charset=utf-8', exportFileName('csv'));
      setMessage({ kind: 'ok', text: format === 'json' ? t('dataExportedJson') : t('dataExportedCsv') });
    } catch (err) {
      setMessage({ kind: 'error', text: t('dataExportFailed', (err as Error).message) });
    } finally {
      setBusy(null);
    }
  };

  const importFile = async (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    setBusy('import');
    setMessage(null);
    try {
      // Checked here too, so a huge file is never read into memory or sent to the background.
      if (file.size > MAX_IMPORT_BYTES) {
        throw new Error(t('importTooLarge', megabytes(file.size), megabytes(MAX_IMPORT_BYTES)));
      }
      const counts = await send('history/import', { text: await file.text() });
      setMessage({ kind: 'ok', text: t('dataImported', describeCounts(counts), file.name) });
      await onChanged();
    } catch (err) {
      setMessage({ kind: 'error', text: t('dataNotImported', file.name, (err as Error).message) });
    } finally {
      input.value = ''; // choosing the same file again imports it again
      setBusy(null);
    }
  };

  const deleteAll = async () => {
    setBusy('delete');
    setMessage(null);
    try {
      await send('history/delete-all', { confirm: 'delete everything', keepSettings });
      setConfirming(false);
      setMessage({ kind: 'ok', text: t(keepSettings ? 'dataDeletedKeptSettings' : 'dataDeleted') });
      await onChanged();
    } catch (err) {
      setConfirming(false);
      setMessage({ kind: 'error', text: (err as Error).message });
    } finally {
      setBusy(null);
    }
  };

  return (
    <section class="data-tools card" aria-labelledby="data-title">
      <h2 id="data-title">{t('dataTitle')}</h2>
      <p class="muted">{t('dataIntro')}</p>
      <div class="button-row">
        <button type="button" disabled={busy !== null} onClick={() => void exportAs('json')}>
          {t('dataExportJson')}
        </button>
        <button type="button" disabled={busy !== null} onClick={() => void exportAs('csv')}>
          {t('dataExportCsv')}
        </button>
        <label class={`file-button${busy !== null ? ' disabled' : ''}`}>
          <input ref={fileRef} type="file" accept=".json,application/json" data-testid="import-file" disabled={busy !== null} onChange={(e) => void importFile(e)} />
          <span>{busy === 'import' ? t('dataImporting') : t('dataImport')}</span>
        </label>
        <button type="button" class="danger" disabled={busy !== null} onClick={() => setConfirming(true)}>
          {t('dataDeleteAllEllipsis')}
        </button>
      </div>
      {message?.kind === 'ok' && (
        <p class="ok" role="status" data-testid="data-message">
          {message.text}
        </p>
      )}
      {message?.kind === 'error' && (
        <p class="error" role="alert" data-testid="data-error">
          {message.text}
        </p>
      )}
      <ConfirmDialog
        open={confirming}
        title={t('dataDeleteTitle')}
        confirmLabel={t('dataDeleteConfirm')}
        busy={busy === 'delete'}
        onConfirm={() => void deleteAll()}
        onCancel={() => setConfirming(false)}
      >
        <p>{t('dataDeleteBody')}</p>
        <ul class="delete-list">
          {DELETED.map((key) => (
            <li key={key}>{t(key)}</li>
          ))}
          {!keepSettings && <li>{t('dataDeleteSettings')}</li>}
        </ul>
        <label class="check-row">
          <input type="checkbox" checked={keepSettings} onChange={(e) => setKeepSettings(e.currentTarget.checked)} />
          {t('dataDeleteKeepSettings')}
        </label>
        <p class="muted">{t('dataDeleteKept')}</p>
        <p>{t('dataDeleteUndo')}</p>
      </ConfirmDialog>
    </section>
  );
}
