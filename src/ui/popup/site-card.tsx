import { useEffect, useState } from 'preact/hooks';
import { ext } from '../../adapters/ext';
import { maskEmail } from '../../core/mask-email';
import { siteBreachLine } from '../../core/site-alert-policy';
import type { SiteCardView } from '../../messages';
import { displayHost, formatEventDate } from '../format';
import { t } from '../i18n';
import { classList } from '../data-labels';
import { send } from '../send';
import { trailSentence } from '../../core/trail/trail-text';

/**
 * What the site in the current tab had. The tab's URL is readable here thanks to the activeTab
 * grant the toolbar click gives, so this works even with site alerts off. It never leaves the
 * browser: the lookup happens in the background against the local catalog.
 */
export function SiteCard({ refreshKey, onError }: { refreshKey: unknown; onError: (message: string) => void }) {
  const [card, setCard] = useState<SiteCardView | null>(null);

  const load = async () => {
    const [tab] = await ext.tabs.query({ active: true, currentWindow: true });
    if (!tab?.url) return setCard(null);
    setCard(await send('site/card', { url: tab.url }));
  };

  useEffect(() => {
    void load().catch(() => setCard(null));
  }, [refreshKey]);

  if (!card) return null;
  const silence = async (silenced: boolean) => {
    const domains = silenced ? [...new Set(card.shown.map((s) => s.breach.domain))] : card.silenced;
    try {
      await send('site/silence', { domains, silenced });
      await load();
    } catch (error) {
      onError((error as Error).message);
    }
  };
  const trails = card.trails.length > 0 && (
    <ul data-testid="site-card-trails">
      {card.trails.map((trail) => (
        <li key={trail.id} data-trail={trail.id}>
          {trailSentence(trail, maskEmail(trail.email), t)}
        </li>
      ))}
    </ul>
  );
  if (card.shown.length === 0 && card.notices.length === 0) {
    if (trails) {
      return (
        <section class="site-card mine" aria-label={t('siteCardLabel')} data-testid="site-card">
          <h2>⚠ {t('siteCardTrailHead')}</h2>
          {trails}
        </section>
      );
    }
    if (card.silenced.length === 0) return null;
    return (
      <section class="site-card quiet-card" aria-label={t('siteCardLabel')} data-testid="site-card">
        <p>
          {t('siteCardAlertsOff', displayHost(card.host))}{' '}
          <button type="button" class="link" onClick={() => void silence(false)}>
            {t('siteCardTurnBackOn')}
          </button>
        </p>
      </section>
    );
  }
  const mine = card.shown.filter((s) => s.emails.length > 0).length + card.notices.length;
  return (
    <section class={`site-card ${mine > 0 ? 'mine' : ''}`} aria-label={t('siteCardLabel')} data-testid="site-card">
      <h2>
        {mine > 0 ? `⚠ ${t('siteCardMine')}` : `ⓘ ${t(card.shown.length === 1 ? 'siteCardHadOne' : 'siteCardHadOther', displayHost(card.host), card.shown.length)}`}
      </h2>
      <ul>
        {card.shown.map((entry) => (
          <li key={`${entry.breach.provider}/${entry.breach.id}`} data-breach={entry.breach.id}>
            {siteBreachLine(entry, maskEmail, t)}
          </li>
        ))}
        {card.notices.map((notice) => (
          <li key={notice.id} data-notice={notice.id}>
            {t('siteCardNotice', notice.organisation, formatEventDate(notice.date), maskEmail(notice.email))}
            {notice.dataClasses.length > 0 ? `: ${classList(notice.dataClasses).toLowerCase()}` : ''}.
          </li>
        ))}
      </ul>
      {trails && <h2>⚠ {t('siteCardTrailHead')}</h2>}
      {trails}
      {card.shown.length > 0 && (
        <button type="button" class="quiet" onClick={() => void silence(true)}>
          {t('siteCardSilence')}
        </button>
      )}
    </section>
  );
}
