import type { RunView } from '../../messages';
import { formatWhen } from '../format';
import { t } from '../i18n';

export function RunProgress({ run }: { run: RunView }) {
  if (run.finishedAt !== null) return null;
  return (
    <section class="run" aria-live="polite" data-testid="run-progress">
      <p>
        {t('runChecked', run.done, run.total)}
        {run.estimatedEnd !== null && <> · {t('runDoneBy', formatWhen(run.estimatedEnd))}</>}
      </p>
      <progress max={run.total} value={run.done} aria-label={t('runProgressLabel')} />
    </section>
  );
}
