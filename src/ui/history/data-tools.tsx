import { useRef, useState } from 'preact/hooks';
import { MAX_IMPORT_BYTES, buildCsv, buildExport, type ExportCounts } from '../../core/export-format';
import { readExportData } from '../../storage/export-import';
import { db } from '../../storage/open-db';
import { formatCount } from '../format';
import { send } from '../send';
import { ConfirmDialog } from './confirm-dialog';
import { downloadText, exportFileName } from './download';

type Message = { kind: 'ok' | 'error'; text: string } | null;

const COUNT_WORDS: ReadonlyArray<[keyof ExportCounts, string, string]> = [
  ['addresses', 'address', 'addresses'],
  ['exposures', 'exposure', 'exposures'],
  ['breaches', 'breach record', 'breach records'],
  ['notices', 'notice', 'notices'],
  ['siteAlerts', 'site alert', 'site alerts'],
  ['runs', 'check run', 'check runs'],
  ['results', 'check result', 'check results'],
];

export function describeCounts(counts: ExportCounts): string {
  const parts = COUNT_WORDS.map(([key, one, many]) => `${formatCount(counts[key])} ${counts[key] === 1 ? one : many}`);
  return `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)!}`;
}

const megabytes = (bytes: number) => `${Math.ceil((bytes / (1024 * 1024)) * 10) / 10} MB`;

/** Export (JSON, CSV), import a JSON export, and delete everything after a confirmation. */
export function DataTools({ onChanged }: { onChanged: () => Promise<void> }) {
  const [message, setMessage] = useState<Message>(null);
  const [busy, setBusy] = useState<null | 'export' | 'import' | 'delete'>(null);
  const [confirming, setConfirming] = useState(false);
  const fileRef = useRef<HTMLInputElement>(null);

  const exportAs = async (format: 'json' | 'csv') => {
    setBusy('export');
    setMessage(null);
    try {
      const data = await readExportData(await db());
      if (format === 'json') downloadText(buildExport(data), 'application/json', exportFileName('json'));
      else downloadText(buildCsv(data), 'text/csv;charset=utf-8', exportFileName('csv'));
      setMessage({ kind: 'ok', text: format === 'json' ? 'Exported everything to a JSON file. Keep it somewhere private: it lists your addresses.' : 'Exported the timeline to a CSV file for spreadsheets.' });
    } catch (err) {
      setMessage({ kind: 'error', text: `The export failed: ${(err as Error).message}` });
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
        throw new Error(`The file is too large to import (${megabytes(file.size)}); the limit is ${megabytes(MAX_IMPORT_BYTES)}.`);
      }
      const counts = await send('history/import', { text: await file.text() });
      setMessage({ kind: 'ok', text: `Imported ${describeCounts(counts)} from ${file.name}. Records you already had were merged with them.` });
      await onChanged();
    } catch (err) {
      setMessage({ kind: 'error', text: `${file.name} was not imported: ${(err as Error).message} Nothing was changed.` });
    } finally {
      input.value = ''; // choosing the same file again imports it again
      setBusy(null);
    }
  };

  const deleteAll = async () => {
    setBusy('delete');
    setMessage(null);
    try {
      await send('history/delete-all', { confirm: 'delete everything' });
      setConfirming(false);
      setMessage({ kind: 'ok', text: 'Everything was deleted from this browser.' });
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
      <h2 id="data-title">Your data</h2>
      <p class="muted">Everything stays in this browser. Export it as a backup or to move it to another browser; import merges a backup into what is here.</p>
      <div class="button-row">
        <button type="button" disabled={busy !== null} onClick={() => void exportAs('json')}>
          Export everything (JSON)
        </button>
        <button type="button" disabled={busy !== null} onClick={() => void exportAs('csv')}>
          Export timeline (CSV)
        </button>
        <label class={`file-button${busy !== null ? ' disabled' : ''}`}>
          <input ref={fileRef} type="file" accept=".json,application/json" data-testid="import-file" disabled={busy !== null} onChange={(e) => void importFile(e)} />
          <span>{busy === 'import' ? 'Importing…' : 'Import a JSON export…'}</span>
        </label>
        <button type="button" class="danger" disabled={busy !== null} onClick={() => setConfirming(true)}>
          Delete everything…
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
        title="Delete everything?"
        confirmLabel="Delete everything"
        busy={busy === 'delete'}
        onConfirm={() => void deleteAll()}
        onCancel={() => setConfirming(false)}
      >
        <p>
          This deletes your addresses, every exposure, your notices, the record of site alerts and the check history from this browser. It cannot be
          undone: export first if you may want them back.
        </p>
      </ConfirmDialog>
    </section>
  );
}
