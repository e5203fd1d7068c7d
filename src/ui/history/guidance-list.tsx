import { useEffect, useRef, useState } from 'preact/hooks';
import { checklistProgress, guidanceFor, tickStep } from '../../core/guidance';
import type { SubjectEntry } from '../../core/history-query';
import { classList } from '../data-labels';
import { formatCount } from '../format';
import { t } from '../i18n';
import { send } from '../send';
import { targetOf } from './entry-actions';

interface Props {
  entry: SubjectEntry;
  onChanged: () => Promise<void>;
}

/**
 * What to do, as a checklist: the steps for the kinds of data exposed, group by group (most urgent
 * first), each tickable, with progress; when every step is done, resolving the entry is one click.
 */
export function GuidanceList({ entry, onChanged }: Props) {
  const items = guidanceFor(entry.dataClasses, t);
  // A tick shows at once; what is stored takes over when the page reads the history again, except
  // for ticks whose save is still on its way: a reload that an earlier tick's save started would
  // otherwise untick them for a moment (and a quick second click would undo the first).
  const pending = useRef(new Map<string, boolean>());
  const withPending = (stored: readonly string[]) => [...pending.current].reduce((steps, [step, isDone]) => tickStep(steps, step, isDone), stored);
  const [ticked, setTicked] = useState<readonly string[]>(entry.steps);
  const stored = useRef(entry.steps);
  stored.current = entry.steps;
  useEffect(() => setTicked(withPending(entry.steps)), [entry.key, entry.steps]);
  const { done, total } = checklistProgress(items, ticked);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  /** True when the action was saved. */
  const run = async (action: () => Promise<unknown>): Promise<boolean> => {
    setBusy(true);
    setError(null);
    try {
      await action();
      await onChanged();
      return true;
    } catch (err) {
      setError((err as Error).message);
      return false;
    } finally {
      setBusy(false);
    }
  };
  const tick = (step: string, isDone: boolean) => {
    pending.current.set(step, isDone);
    setTicked((now) => tickStep(now, step, isDone));
    void run(() => send('history/set-step', { target: targetOf(entry), step, done: isDone })).then((saved) => {
      if (pending.current.get(step) === isDone) pending.current.delete(step);
      // Saved: the reload carries it. Refused: what is stored stands.
      if (!saved) setTicked(withPending(stored.current));
    });
  };

  return (
    <section class="guidance" aria-labelledby="guidance-title" data-testid="guidance">
      <h3 id="guidance-title">{t('guidanceHeading')}</h3>
      <p class="checklist-progress" data-testid="checklist-progress">
        <progress max={total} value={done} aria-hidden="true" /> {t('checklistProgress', formatCount(done), formatCount(total))}
      </p>
      {done === total && entry.state !== 'resolved' && (
        <p class="checklist-done" role="status">
          {t('checklistAllDone')}{' '}
          <button type="button" class="primary" disabled={busy} data-testid="checklist-resolve" onClick={() => void run(() => send('history/set-state', { target: targetOf(entry), state: 'resolved' }))}>
            {t('checklistResolve')}
          </button>
        </p>
      )}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {items.map((item) => (
        <div class="guidance-group" key={item.group} data-group={item.group}>
          <h4>
            {item.title}
            {item.dataClasses.length > 0 && <span class="muted"> — {classList(item.dataClasses)}</span>}
          </h4>
          <ul class="checklist">
            {item.stepKeys.map((key, i) => (
              <li key={key}>
                <label>
                  <input type="checkbox" checked={ticked.includes(key)} data-step={key} onChange={(e) => tick(key, (e.currentTarget as HTMLInputElement).checked)} />
                  <span>{item.steps[i]}</span>
                </label>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
