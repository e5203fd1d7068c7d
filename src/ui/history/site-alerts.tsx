import { useState } from 'preact/hooks';
import { PROVIDER_IDS, type Breach, type ProviderId } from '../../core/breach';
import { breachMapKey } from '../../core/history-query';
import type { SiteAlertRecord } from '../../core/notice';
import { displayHost, formatCount, formatDateTime } from '../format';
import { t } from '../i18n';

interface Props {
  /** Newest first. */
  alerts: readonly SiteAlertRecord[];
  breaches: ReadonlyMap<string, Breach>;
}

const FIRST = 50;

function titleOf(breaches: ReadonlyMap<string, Breach>, provider: string, id: string): string {
  if (!(PROVIDER_IDS as readonly string[]).includes(provider)) return id;
  return breaches.get(breachMapKey(provider as ProviderId, id))?.title ?? id;
}

/** The alerts shown while browsing (a site with a known breach), newest first. */
export function SiteAlerts({ alerts, breaches }: Props) {
  const [all, setAll] = useState(false);
  const shown = all ? alerts : alerts.slice(0, FIRST);
  return (
    <section class="site-alerts card" aria-labelledby="site-alerts-title">
      <h2 id="site-alerts-title">{t('siteAlertsTitle')}</h2>
      {alerts.length === 0 ? (
        <p class="empty" data-testid="site-alerts-empty">
          {t('siteAlertsEmpty')}
        </p>
      ) : (
        <>
          <ul class="alert-list" data-testid="site-alerts">
            {shown.map((a) => (
              <li key={a.id} data-host={a.host}>
                <span class="alert-host">{displayHost(a.host)}</span>
                <time class="muted" dateTime={new Date(a.shownAt).toISOString()}>
                  {formatDateTime(a.shownAt)}
                </time>
                <span class="alert-breaches">{a.breachIds.map((id) => titleOf(breaches, a.provider, id)).join(', ')}</span>
                {a.emails.length > 0 && <span class="muted alert-emails">{t('siteAlertsYourAddresses', a.emails.join(', '))}</span>}
              </li>
            ))}
          </ul>
          {alerts.length > FIRST && !all && (
            <button type="button" class="link" onClick={() => setAll(true)}>
              {t('siteAlertsShowAll', formatCount(alerts.length))}
            </button>
          )}
        </>
      )}
    </section>
  );
}
