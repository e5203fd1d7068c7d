import { useCallback, useEffect, useLayoutEffect, useState } from 'preact/hooks';
import type { Breach } from '../../../core/breach';
import { breachEntryKey } from '../../../core/entry-key';
import type { TimelineEntry } from '../../../core/history-query';
import type { LeakTrail } from '../../../core/trail/leak-trail';
import { trailSentence } from '../../../core/trail/trail-text';
import { db } from '../../../storage/open-db';
import { displayEmail, displayHost } from '../../format';
import { t } from '../../i18n';
import { onStateChanged, send } from '../../send';
import { GivenToEditor } from '../../trail/given-to-editor';
import { AskOrganisation } from '../rights/ask-organisation';
import { loadTrail, type TrailData } from './load-trail';
import '../../trail/trail.css';

/**
 * "Who leaked your addresses": the leak-trail findings, each linked to its breach, acknowledged
 * here like any finding, with the request to the site the address was given to; and where each
 * address was given. Loads its own data, so the history's timeline stays as it is.
 */
export function LeakTrailSection() {
  const [data, setData] = useState<TrailData | null>(null);
  const [error, setError] = useState<string | null>(null);
  const refresh = useCallback(() => {
    void db().then(loadTrail).then(setData, (err: unknown) => setError((err as Error).message));
  }, []);
  useEffect(() => {
    refresh();
    return onStateChanged(refresh);
  }, [refresh]);

  // The popup links to a finding (#trail=<id>): bring it into view once it is there.
  useLayoutEffect(() => {
    const id = new URLSearchParams(location.hash.replace(/^#/, '')).get('trail');
    if (!data || id === null) return;
    const row = [...document.querySelectorAll<HTMLElement>('[data-trail]')].find((el) => el.dataset.trail === id);
    row?.scrollIntoView({ block: 'center' });
    row?.focus();
  }, [data]);

  const setState = (trail: LeakTrail, state: 'acknowledged' | 'new') => {
    setError(null);
    send('trail/set-state', { id: trail.id, state }).then(refresh, (err: unknown) => setError((err as Error).message));
  };

  if (!data) return null;
  return (
    <section class="card leak-trail" aria-labelledby="leak-trail-title" data-testid="leak-trail">
      <h2 id="leak-trail-title">{t('historyTrailTitle')}</h2>
      <p class="muted">{t('historyTrailIntro')}</p>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {data.findings.length === 0 ? (
        <p class="empty">{t('historyTrailNone')}</p>
      ) : (
        <ul class="trails">
          {data.findings.map(({ trail, breach }) => (
            <li key={trail.id} class="trail" data-trail={trail.id} tabIndex={-1} data-testid="history-trail">
              <p class="trail-text">
                {trail.state === 'new' ? <span class="tag">{t('tagNew')}</span> : <span class="tag neutral">{t('trailStateAcknowledged')}</span>}{' '}
                {trailSentence(trail, displayEmail(trail.email), t)}
              </p>
              <div class="trail-actions">
                {trail.state === 'new' ? (
                  <button type="button" onClick={() => setState(trail, 'acknowledged')}>
                    {t('actionAcknowledge')}
                  </button>
                ) : (
                  <button type="button" class="quiet" onClick={() => setState(trail, 'new')}>
                    {t('actionReopen')}
                  </button>
                )}
                {trail.source.kind === 'breach' && (
                  <a href={`#entry=${encodeURIComponent(breachEntryKey({ email: trail.email, ...trail.source }))}`}>{t('trailShowBreach')}</a>
                )}
                <AskOrganisation entry={letterEntry(trail, breach)} elsewhere={trail.title} />
              </div>
            </li>
          ))}
        </ul>
      )}
      {data.addresses.length > 0 && (
        <>
          <h3>{t('historyGivenToTitle')}</h3>
          <ul class="given-to-list">
            {data.addresses.map((a) => (
              <li key={a.email}>
                <strong>{displayEmail(a.email)}</strong>
                <GivenToEditor email={a.email} givenTo={a.givenTo ?? []} />
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/**
 * The request to the site the address was given to, written by the rights dialog from an entry:
 * that site is the organisation asked, the date and the kinds of data are the other breach's.
 */
function letterEntry(trail: LeakTrail, breach: Breach | null): TimelineEntry {
  const site = displayHost(trail.givenTo[0] ?? trail.site);
  const dataClasses = breach?.dataClasses ?? [];
  return {
    kind: 'notice',
    key: `trail-${trail.id}`,
    email: trail.email,
    title: site,
    domain: trail.givenTo[0] ?? '',
    date: trail.date,
    year: trail.date ? Number(trail.date.slice(0, 4)) : null,
    firstSeen: trail.createdAt,
    state: trail.state,
    stateChangedAt: trail.stateChangedAt,
    note: '',
    dataClasses,
    steps: [],
    searchText: '',
    classText: '',
    notice: {
      id: trail.id, email: trail.email, organisation: site, site: trail.givenTo[0] ?? '', date: trail.date ?? '', dataClasses: [...dataClasses],
      note: '', createdAt: trail.createdAt, state: trail.state, stateChangedAt: trail.stateChangedAt,
    },
  };
}
