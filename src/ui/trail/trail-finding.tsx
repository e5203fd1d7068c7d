import { ext } from '../../adapters/ext';
import { breachEntryKey } from '../../core/entry-key';
import type { LeakTrail } from '../../core/trail/leak-trail';
import { trailSentence } from '../../core/trail/trail-text';
import { displayEmail, displayHost } from '../format';
import { t } from '../i18n';
import { send } from '../send';
import './trail.css';

const historyUrl = (hash: string) => `${ext.runtime.getURL('src/ui/history/index.html')}#${hash}`;

/**
 * One leak-trail finding in the popup: what happened in a sentence, "Acknowledge" while it is new
 * (the badge counts it until then), and links to the breach and to the request the history page
 * writes for the site the address was given to.
 */
export function TrailFinding({ trail, onError }: { trail: LeakTrail; onError: (message: string) => void }) {
  const acknowledge = () => void send('trail/set-state', { id: trail.id, state: 'acknowledged' }).catch((err: unknown) => onError((err as Error).message));
  const asked = trail.givenTo[0] ?? '';
  return (
    <li class="trail" data-trail={trail.id} data-testid="trail-finding">
      <p class="trail-text">
        <span class="tag">{t('tagTrail')}</span> {trailSentence(trail, displayEmail(trail.email), t)}
      </p>
      <p class="trail-actions">
        {trail.state === 'new' && (
          <button type="button" onClick={acknowledge} data-testid="trail-acknowledge">
            {t('actionAcknowledge')}
          </button>
        )}
        {trail.source.kind === 'breach' && (
          <a href={historyUrl(`entry=${encodeURIComponent(breachEntryKey({ email: trail.email, ...trail.source }))}`)} target="_blank" rel="noopener noreferrer">
            {t('trailShowBreach')}
          </a>
        )}
        <a href={historyUrl(`trail=${encodeURIComponent(trail.id)}`)} target="_blank" rel="noopener noreferrer">
          {t('rightsAsk', displayHost(asked))}
        </a>
      </p>
    </li>
  );
}
