/** The leak trail's requests (#17), as the router calls them. */
import { t } from '../adapters/i18n';
import { normaliseEmail } from '../core/email';
import type { ExposureState } from '../core/exposure';
import { parsePlusAddress, sitesForTag } from '../core/trail/plus-address';
import { registrableDomain, siteFromInput } from '../core/trail/registrable-domain';
import type { AddressSuggestions } from '../messages';
import type { Db } from '../storage/schema';
import { setGivenTo, setTrailState } from '../storage/trail/trails';

/** A refusal worded for the person, with the field it concerns (the router's UserError). */
type Refuse = (message: string, field?: string) => Error;

export async function saveGivenTo(store: Db, email: string, typed: readonly string[], refuse: Refuse): Promise<{ givenTo: string[] }> {
  const sites: string[] = [];
  for (const text of typed) {
    const site = siteFromInput(text);
    if (site === '') throw refuse(t('givenToBadSite', text.trim().slice(0, 100)), 'sites');
    sites.push(site);
  }
  if (!(await setGivenTo(store, email, sites, Date.now()))) throw refuse(t('errorEntryGone'));
  return { givenTo: [...new Set(sites)].sort() };
}

export async function saveTrailState(store: Db, id: string, state: ExposureState, refuse: Refuse): Promise<null> {
  if (!(await setTrailState(store, id, state, Date.now()))) throw refuse(t('errorEntryGone'));
  return null;
}

/**
 * What to offer for a newly added address: the site of the tab the popup was opened on (read
 * through activeTab, and only here, in the browser), the known sites its plus-tag names (catalog
 * and history), and its mailbox when that is not watched. Nothing is applied.
 */
export async function suggestFor(store: Db, email: string, tabUrl: string | undefined): Promise<AddressSuggestions> {
  const checked = normaliseEmail(email, t);
  if (!checked.ok) return { sites: [], base: null };
  const sites = new Set<string>();
  if (tabUrl !== undefined) {
    try {
      const url = new URL(tabUrl);
      if (url.protocol === 'https:' || url.protocol === 'http:') {
        const site = registrableDomain(url.hostname);
        if (site !== '') sites.add(site);
      }
    } catch {
      // Not a web page: nothing to suggest from it.
    }
  }
  const plus = parsePlusAddress(checked.email);
  if (plus) {
    const tx = store.transaction(['breaches', 'notices', 'addresses', 'siteAlerts']);
    const [breaches, notices, addresses, alerts] = await Promise.all([
      tx.objectStore('breaches').getAll(), tx.objectStore('notices').getAll(), tx.objectStore('addresses').getAll(), tx.objectStore('siteAlerts').getAll(),
    ]);
    const known = new Set([...breaches.map((b) => b.domain), ...notices.map((n) => n.site), ...alerts.map((a) => a.host)].map(registrableDomain));
    for (const a of addresses) for (const s of a.givenTo ?? []) known.add(s);
    known.delete('');
    for (const site of sitesForTag(plus.tag, known)) sites.add(site);
    const watched = addresses.some((a) => a.email === plus.base);
    return { sites: [...sites], base: watched ? null : plus.base };
  }
  return { sites: [...sites], base: null };
}
