import type { ComponentChildren } from 'preact';
import type { ProviderId } from '../../core/breach';
import { reportedBy } from '../../core/incident';
import { PROVIDERS, providerNames } from '../../core/provider-registry';
import { agreement } from '../../core/agreement';
import type { RequestEntry, TimelineEntry } from '../../core/history-query';
import { displayEmail, displayHost, formatCount, formatDateTime, formatEventDate, formatIsoDay } from '../format';
import { t, tx } from '../i18n';
import { BreachDescription } from './breach-description';
import { flagNotes } from './breach-flags';
import { EntryActions } from './entry-actions';
import { classLabel } from '../data-labels';
import { GuidanceList } from './guidance-list';
import { AskOrganisation } from './rights/ask-organisation';
import { RequestDetail } from './rights/request-detail';
import { RequestTracker } from './rights/request-tracker';
import { targetOf } from './entry-actions';

interface Props {
  entry: TimelineEntry | null;
  /** The providers in use (see ReportedBy). */
  providers: readonly ProviderId[];
  onChanged: () => Promise<void>;
  /** The entry's data-protection request, if one was recorded (#13). */
  request?: RequestEntry | null;
}

function Fact({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

function statusText(entry: TimelineEntry): string {
  const when = formatDateTime(entry.stateChangedAt);
  if (entry.state === 'new') return t('statusNew');
  if (entry.state === 'resolved') return t('statusResolved', when);
  return t('statusSeen', when);
}

/** Everything about the selected entry: the breach, what leaked, what to do, and the actions. */
export function EntryDetail({ entry, providers, onChanged, request = null }: Props) {
  if (!entry) {
    return (
      <div class="detail-empty">
        <p class="empty">{t('detailChoose')}</p>
        <p class="muted">{t('detailKeyboard')}</p>
      </div>
    );
  }
  if (entry.kind === 'request') return <RequestDetail entry={entry} onChanged={onChanged} />;
  const breach = entry.kind === 'breach' ? entry.breach : null;
  const notes = breach ? flagNotes(breach.flags) : [];
  // "Reported by" names every provider in the line above; only a disagreement needs more words.
  const said = entry.kind === 'breach' ? agreement(reportedBy(entry), providers, t) : null;
  return (
    <article class="entry-detail" aria-labelledby="detail-title" data-testid="entry-detail" data-key={entry.key}>
      <header>
        <h2 id="detail-title" tabIndex={-1}>
          {entry.title}
        </h2>
        <p class="muted">
          {entry.kind === 'notice'
            ? tx('detailRecordedByYou', <strong>{displayEmail(entry.email)}</strong>)
            : tx('detailReportedBy', providerNames(reportedBy(entry), t), <strong>{displayEmail(entry.email)}</strong>)}
        </p>
        {said && said.why.length > 0 && (
          <p class="reported-by" data-testid="reported-by">
            <strong>{said.line}.</strong> {said.why.join(' ')}
          </p>
        )}
      </header>

      <GuidanceList entry={entry} onChanged={onChanged} />

      <p class={`status-line state-${entry.state}`} data-testid="entry-status">
        <strong>{t('detailStatus')}</strong> {statusText(entry)}
      </p>
      {entry.note && (
        <p class="entry-note">
          <strong>{t('detailYourNote')}</strong> {entry.note}
        </p>
      )}
      <EntryActions entry={entry} onChanged={onChanged} />
      <AskOrganisation key={entry.key} entry={entry} />
      <RequestTracker key={`request-${entry.key}`} target={targetOf(entry)} request={request} onChanged={onChanged} />

      <dl class="facts">
        {entry.kind === 'breach' ? (
          <>
            <Fact label={t('factSite')}>{entry.domain ? displayHost(entry.domain) : t('factSiteNotNamed')}</Fact>
            <Fact label={t('factBreachDate')}>{formatEventDate(entry.date)}</Fact>
            <Fact label={t('factAdded')}>{formatIsoDay(breach?.addedDate ?? null)}</Fact>
            <Fact label={t('factAccounts')}>{breach?.pwnCount != null ? formatCount(breach.pwnCount) : t('factUnknown')}</Fact>
            <Fact label={t('factFirstFound')}>{formatDateTime(entry.firstSeen)}</Fact>
            <Fact label={t('factLastConfirmed')}>{formatDateTime(entry.lastSeen)}</Fact>
          </>
        ) : (
          <>
            <Fact label={t('factSite')}>{entry.domain ? displayHost(entry.domain) : t('factSiteNotGiven')}</Fact>
            <Fact label={t('factWhen')}>{formatEventDate(entry.date)}</Fact>
            <Fact label={t('factRecorded')}>{formatDateTime(entry.notice.createdAt)}</Fact>
          </>
        )}
      </dl>

      <section aria-labelledby="leaked-title">
        <h3 id="leaked-title">{t('detailExposedTitle')}</h3>
        {entry.dataClasses.length > 0 ? (
          <ul class="chips" data-testid="data-classes">
            {entry.dataClasses.map((c) => (
              <li key={c}>{classLabel(c)}</li>
            ))}
          </ul>
        ) : (
          <p class="muted">{t('detailNotKnown')}</p>
        )}
      </section>

      {notes.length > 0 && (
        <section aria-labelledby="flags-title" class="flags">
          <h3 id="flags-title">{t('detailFlagsTitle')}</h3>
          <ul>
            {notes.map((n) => (
              <li key={n.flag} data-flag={n.flag}>
                <strong>{t('detailFlagLabel', n.label)}</strong> {n.text}
              </li>
            ))}
          </ul>
        </section>
      )}

      {entry.kind === 'breach' && (
        <section aria-labelledby="about-title">
          <h3 id="about-title">{t('detailAboutTitle')}</h3>
          {breach ? (
            <BreachDescription text={breach.description} format={PROVIDERS[breach.provider].descriptionFormat} />
          ) : (
            <p class="muted">{t('detailNotStored', entry.breachId, displayEmail(entry.email))}</p>
          )}
        </section>
      )}

    </article>
  );
}
