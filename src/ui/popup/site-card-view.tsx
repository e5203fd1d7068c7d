import { maskEmail } from '../../core/mask-email';
import { siteBreachLine } from '../../core/site-alert-policy';
import type { SiteCardView as Card } from '../../messages';
import { displayHost, formatEventDate } from '../format';
import { t } from '../i18n';
import { classList } from '../data-labels';
import { send } from '../send';
import { trailSentence } from '../../core/trail/trail-text';

/**
 * What the site in the current tab had (see site-card.tsx, which asks and loads this only when
 * there is something to show).
 */
export function SiteCardView({ card, reload, onError }: { card: Card; reload: () => Promise<void>; onError: (message: string) => void }) {
  const silence = async (silenced: boolean) => {
    const domains = silenced ? [...new Set(card.shown.map((s) => s.breach.domain))] : card.silenced;
    try {
      await send('site/silence', { domains, silenced });
      await reload();
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
