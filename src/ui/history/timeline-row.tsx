import { memo } from 'preact/compat';
import type { TimelineEntry, TimelineSort } from '../../core/history-query';
import { displayEmail, displayHost, formatBreachDate, formatEventDate, formatIsoDay } from '../format';
import { classList } from '../data-labels';
import { t } from '../i18n';

interface Props {
  entry: TimelineEntry;
  sort: TimelineSort;
  index: number;
  count: number;
  top: number;
  active: boolean;
  opened: boolean;
  onPick: (index: number) => void;
}

export const rowId = (index: number) => `history-row-${index}`;

/** A row whose entry is still being read: it keeps its place (and the keyboard's) and says so. */
export function PendingRow({ index, count, top, active }: { index: number; count: number; top: number; active: boolean }) {
  return (
    <div
      id={rowId(index)}
      role="option"
      class={`row pending${active ? ' active' : ''}`}
      style={{ transform: `translateY(${top}px)` }}
      aria-selected="false"
      aria-setsize={count}
      aria-posinset={index + 1}
      aria-busy="true"
    >
      <span class="row-title muted">{t('historyLoadingRow')}</span>
    </div>
  );
}

/** One line of the timeline. Positioned absolutely: the list renders only the rows in view. */
export const TimelineRow = memo(function TimelineRow({ entry, sort, index, count, top, active, opened, onPick }: Props) {
  const classes = classList(entry.dataClasses);
  return (
    <div
      id={rowId(index)}
      role="option"
      class={`row state-${entry.state}${active ? ' active' : ''}${opened ? ' opened' : ''}`}
      style={{ transform: `translateY(${top}px)` }}
      aria-selected={opened ? 'true' : 'false'}
      aria-setsize={count}
      aria-posinset={index + 1}
      data-key={entry.key}
      onClick={() => onPick(index)}
    >
      <span class="row-title">
        {entry.title}
        {entry.kind === 'notice' && <span class="tag neutral">{t('tagYourNotice')}</span>}
        {entry.kind === 'request' && <span class={`tag ${entry.status === 'overdue' ? 'new' : 'neutral'}`}>{t(entry.status === 'overdue' ? 'tagRequestOverdue' : 'tagRequest')}</span>}
        {entry.state !== 'acknowledged' && <span class={`tag ${entry.state}`}>{entry.state === 'new' ? t('tagNew') : t('tagResolved')}</span>}
      </span>
      <span class="row-date">
        {entry.kind === 'request' ? t('rowSentOn', formatEventDate(entry.request.sentOn)) : sort === 'found' ? t('rowFoundOn', formatIsoDay(new Date(entry.firstSeen).toISOString())) : formatBreachDate(entry.date)}
      </span>
      <span class="row-meta">
        {displayEmail(entry.email)}
        {entry.domain ? ` · ${displayHost(entry.domain)}` : ''}
        {entry.kind === 'request' && entry.status !== 'answered' && entry.status !== 'closed' ? ` · ${t('rowDueBy', formatEventDate(entry.due))}` : ''}
        {classes ? ` · ${classes}` : ''}
      </span>
    </div>
  );
});
