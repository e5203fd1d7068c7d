import type { RunView } from '../../messages';
import { formatWhen } from '../format';
import { t } from '../i18n';
import { send } from '../send';

/** The run under way: how far, done by when, and a way to cancel what is still queued. */
export function RunProgress({ run, onError }: { run: RunView; onError: (message: string) => void }) {
  if (run.finishedAt !== null) return null;
  const cancel = () => void send('check/cancel', { runId: run.id }).catch((error: unknown) => onError((error as Error).message));
  return (
    <section class="run" aria-live="polite" data-testid="run-progress">
      <p>
        {t('runChecked', run.done, run.total)}
        {run.estimatedEnd !== null && <> · {t('runDoneBy', formatWhen(run.estimatedEnd))}</>}
      </p>
      <progress max={run.total} value={run.done} aria-label={t('runProgressLabel')} />
      <button type="button" class="quiet" onClick={cancel} data-testid="run-cancel">
        {t('runCancel')}
      </button>
    </section>
  );
}
