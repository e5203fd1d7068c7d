import type { Translate } from '../i18n';
import type { LeakTrail } from './leak-trail';

/**
 * The finding in one sentence: "You gave me+shopa@… only to shopa.example. It appeared in
 * OtherShop's breach (othershop.example, 2019): shopa.example shared it, or was breached without
 * saying so." `shown` is the address as the page shows it (masked on a site card).
 */
export function trailSentence(trail: LeakTrail, shown: string, t: Translate): string {
  const year = trail.date?.slice(0, 4);
  const where = trail.source.kind === 'notice'
    ? t('trailInNotice', trail.title, trail.site)
    : year ? t('trailInBreach', trail.title, trail.site, year) : t('trailInBreachUndated', trail.title, trail.site);
  const sites = trail.givenTo.join(', ');
  return trail.givenTo.length === 1 ? t('trailFindingOne', shown, sites, where) : t('trailFindingMany', shown, sites, where);
}
