import { useEffect, useState } from 'preact/hooks';
import { ext } from '../../adapters/ext';
import type { SiteCardView as Card } from '../../messages';
import { send } from '../send';
import type { SiteCardView } from './site-card-view';

/** Whether the card has anything to say: a breach, a notice, a leak trail, or alerts silenced here. */
const worthShowing = (card: Card) => card.shown.length > 0 || card.notices.length > 0 || card.trails.length > 0 || card.silenced.length > 0;

/**
 * What the site in the current tab had. The tab's URL is readable here thanks to the activeTab
 * grant the toolbar click gives, so this works even with site alerts off. It never leaves the
 * browser: the lookup happens in the background against the local catalog. Most sites have
 * nothing to show, so the card's code loads only when this one has (the popup's JavaScript budget
 * counts what it loads at start); a card that cannot load is left out, as a help never in the way.
 */
export function SiteCard({ refreshKey, onError }: { refreshKey: unknown; onError: (message: string) => void }) {
  const [shown, setShown] = useState<{ card: Card; View: typeof SiteCardView } | null>(null);

  const load = async () => {
    const [tab] = await ext.tabs.query({ active: true, currentWindow: true });
    const card = tab?.url ? await send('site/card', { url: tab.url }) : null;
    if (!card || !worthShowing(card)) return setShown(null);
    const { SiteCardView: View } = await import('./site-card-view');
    setShown({ card, View });
  };

  useEffect(() => {
    void load().catch(() => setShown(null));
  }, [refreshKey]);

  return shown && <shown.View card={shown.card} reload={load} onError={onError} />;
}
