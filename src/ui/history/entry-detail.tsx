import type { ComponentChildren } from 'preact';
import { PROVIDER_NAMES } from '../../core/failure-text';
import type { TimelineEntry } from '../../core/history-query';
import { formatCount, formatDateTime } from '../format';
import { BreachDescription } from './breach-description';
import { flagNotes } from './breach-flags';
import { formatEventDate, formatIsoDay } from './dates';
import { EntryActions } from './entry-actions';
import { GuidanceList } from './guidance-list';

interface Props {
  entry: TimelineEntry | null;
  onChanged: () => Promise<void>;
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
  if (entry.state === 'new') return 'New — not looked at yet.';
  if (entry.state === 'resolved') return `Resolved on ${when}.`;
  return `Seen, not resolved yet (since ${when}).`;
}

/** Everything about the selected entry: the breach, what leaked, what to do, and the actions. */
export function EntryDetail({ entry, onChanged }: Props) {
  if (!entry) {
    return (
      <div class="detail-empty">
        <p class="empty">Choose an entry in the list to see what leaked and what to do about it.</p>
        <p class="muted">Keyboard: focus the list, move with the arrow keys, Home and End, and press Enter to open an entry.</p>
      </div>
    );
  }
  const breach = entry.kind === 'breach' ? entry.breach : null;
  const notes = breach ? flagNotes(breach.flags) : [];
  return (
    <article class="entry-detail" aria-labelledby="detail-title" data-testid="entry-detail" data-key={entry.key}>
      <header>
        <h2 id="detail-title">{entry.title}</h2>
        <p class="muted">
          {entry.kind === 'notice' ? 'Recorded by you' : `Reported by ${PROVIDER_NAMES[entry.provider]}`} for <strong>{entry.email}</strong>
        </p>
      </header>

      <p class={`status-line state-${entry.state}`} data-testid="entry-status">
        <strong>Status:</strong> {statusText(entry)}
      </p>
      {entry.note && (
        <p class="entry-note">
          <strong>Your note:</strong> {entry.note}
        </p>
      )}
      <EntryActions entry={entry} onChanged={onChanged} />

      <dl class="facts">
        {entry.kind === 'breach' ? (
          <>
            <Fact label="Site">{entry.domain || 'Not named by the provider'}</Fact>
            <Fact label="Breach date">{formatEventDate(entry.date)}</Fact>
            <Fact label="Added to the provider">{formatIsoDay(breach?.addedDate ?? null)}</Fact>
            <Fact label="Accounts affected">{breach?.pwnCount != null ? formatCount(breach.pwnCount) : 'Unknown'}</Fact>
            <Fact label="First found here">{formatDateTime(entry.firstSeen)}</Fact>
            <Fact label="Last confirmed">{formatDateTime(entry.lastSeen)}</Fact>
          </>
        ) : (
          <>
            <Fact label="Site">{entry.domain || 'Not given'}</Fact>
            <Fact label="When it happened">{formatEventDate(entry.date)}</Fact>
            <Fact label="Recorded">{formatDateTime(entry.notice.createdAt)}</Fact>
          </>
        )}
      </dl>

      <section aria-labelledby="leaked-title">
        <h3 id="leaked-title">What was exposed</h3>
        {entry.dataClasses.length > 0 ? (
          <ul class="chips" data-testid="data-classes">
            {entry.dataClasses.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
        ) : (
          <p class="muted">Not known.</p>
        )}
      </section>

      {notes.length > 0 && (
        <section aria-labelledby="flags-title" class="flags">
          <h3 id="flags-title">Worth knowing</h3>
          <ul>
            {notes.map((n) => (
              <li key={n.flag} data-flag={n.flag}>
                <strong>{n.label}:</strong> {n.text}
              </li>
            ))}
          </ul>
        </section>
      )}

      {entry.kind === 'breach' && (
        <section aria-labelledby="about-title">
          <h3 id="about-title">About this breach</h3>
          {breach ? (
            <BreachDescription html={breach.description} />
          ) : (
            <p class="muted">
              The details of this breach ({entry.breachId}) are not stored in this browser. They are fetched again with the next check of {entry.email}.
            </p>
          )}
        </section>
      )}

      <GuidanceList dataClasses={entry.dataClasses} />
    </article>
  );
}
