import type { RunView } from '../../messages';
import { formatTime } from '../format';

export function RunProgress({ run }: { run: RunView }) {
  if (run.finishedAt !== null) return null;
  return (
    <section class="run" aria-live="polite" data-testid="run-progress">
      <p>
        Checked {run.done} of {run.total}
        {run.estimatedEnd !== null && <> · done by about {formatTime(run.estimatedEnd)}</>}
      </p>
      <progress max={run.total} value={run.done} aria-label="Check progress" />
    </section>
  );
}
