import type { RequestEntry } from '../../../core/history-query';
import type { ProviderId } from '../../../core/breach';
import type { EntryTarget } from '../../../messages';
import { displayEmail } from '../../format';
import { t } from '../../i18n';
import { RequestTracker } from './request-tracker';

/** The breach or notice a request is about, from its timeline key (history-query.ts). */
function subjectOf(entryKey: string): EntryTarget {
  const [kind, a = '', b = '', c = ''] = entryKey.split('\u0000');
  return kind === 'breach' ? { kind: 'exposure', key: [a, b as ProviderId, c] } : { kind: 'notice', id: a };
}

/** A request as an entry of its own in the timeline: where it stands, and a link to what it asks about. */
export function RequestDetail({ entry, onChanged }: { entry: RequestEntry; onChanged: () => Promise<void> }) {
  const subject = entry.request.entry;
  return (
    <article class="entry-detail" aria-labelledby="detail-title" data-testid="entry-detail" data-key={entry.key}>
      <header>
        <h2 id="detail-title" tabIndex={-1}>
          {t('requestEntryTitle', entry.title)}
        </h2>
        <p class="muted">
          {t('requestEntryAbout', displayEmail(entry.email))}{' '}
          <a href={`#${new URLSearchParams({ entry: subject }).toString()}`} data-testid="request-subject-link">
            {t('requestOpenSubject', entry.title)}
          </a>
        </p>
      </header>
      <RequestTracker target={subjectOf(subject)} request={entry} onChanged={onChanged} />
    </article>
  );
}
