/**
 * Alerts while browsing. The lookup is local: the visited host is matched against the catalog in
 * IndexedDB, and no part of a visited URL is ever sent anywhere.
 */
import { hostToUnicode } from '../core/idn-display';
import browser from 'webextension-polyfill';
import { t } from '../adapters/i18n';
import type { Breach } from '../core/breach';
import { ensureHistoryIndex } from '../storage/history-index';
import { maskEmail } from '../core/mask-email';
import type { ManualNotice } from '../core/notice';
import type { Settings } from '../core/settings';
import { judgeSite, siteBreachLine, type SiteBreach } from '../core/site-alert-policy';
import type { Db } from '../storage/schema';
import type { LeakTrail } from '../core/trail/leak-trail';
import { registrableDomain } from '../core/trail/registrable-domain';
import { broadcastStateChanged } from './broadcast';
import { domainIndex } from './catalog-sync';

export interface SiteCard {
  host: string;
  shown: SiteBreach[];
  notices: ManualNotice[];
  trails: LeakTrail[];
  /** Breach domains on this site the user silenced. */
  silenced: string[];
}

/**
 * The user's addresses in each of the given breaches, by lower-cased breach id (ids match across
 * providers): read through the history rows' index of every provider's name for an incident (the
 * site's catalog may be the other provider's), so only the exposures of these breaches are read.
 */
export async function emailsByBreach(store: Db, ids: Iterable<string>): Promise<Map<string, string[]>> {
  await ensureHistoryIndex(store);
  const tx = store.transaction('historyRows');
  const map = new Map<string, string[]>();
  for (const id of new Set([...ids].map((i) => i.toLowerCase()))) {
    map.set(id, [...new Set((await tx.store.index('by-id').getAll(id)).map((r) => r.email))]);
  }
  await tx.done;
  return map;
}

const hostMatches = (host: string, site: string) => site !== '' && (host === site || host.endsWith(`.${site}`));

/** What this host shows: breaches that pass the noise rules, and manual notices naming the site. */
export async function siteCard(store: Db, settings: Settings, url: string, now: number): Promise<SiteCard | null> {
  let host: string;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
    host = parsed.hostname.toLowerCase();
  } catch {
    return null;
  }
  const matches = (await domainIndex(store, settings)).lookup(host);
  const notices = (await store.getAll('notices')).filter((n) => hostMatches(host, n.site));
  // Addresses given to this site that turned up elsewhere: the card says this site had them first.
  const site = registrableDomain(host);
  const trails = site === '' ? [] : (await store.getAll('trails')).filter((tr) => tr.givenTo.includes(site) && tr.state !== 'resolved');
  if (matches.length === 0 && notices.length === 0) return { host, shown: [], notices: [], trails, silenced: [] };
  const involved = await emailsByBreach(store, matches.map((b) => b.id));
  const silenced = [...new Set(matches.map((b) => b.domain))].filter((d) => settings.silencedSites.includes(d));
  const audible = matches.filter((b) => !silenced.includes(b.domain));
  const verdict = judgeSite(
    audible.map((breach) => ({ breach, emails: [...new Set(involved.get(breach.id.toLowerCase()) ?? [])] })),
    { recentMonths: settings.siteAlertRecentMonths, includeDoubtful: settings.siteAlertDoubtful, silenced: false },
    () => false,
    now,
  );
  return { host, shown: verdict.shown, notices, trails, silenced };
}

const breachKey = (b: Breach) => `${b.provider}:${b.id}`;

/** A navigation in a tab: set its badge, record what was shown, notify the user's own breaches once. */
export async function onNavigation(store: Db, settings: Settings, tabId: number, url: string): Promise<void> {
  if (!settings.siteAlerts) return;
  const card = await siteCard(store, settings, url, Date.now());
  if (!card) return;
  const count = card.shown.length + card.notices.length;
  if (count === 0) {
    // Back to the global badge (the count of unseen exposures) and the plain title.
    await browser.action.setBadgeText({ tabId, text: null as unknown as string });
    await browser.action.setTitle({ tabId, title: t('extName') });
    return;
  }
  await browser.action.setBadgeBackgroundColor({ tabId, color: '#b45309' });
  await browser.action.setBadgeText({ tabId, text: '!' });
  await browser.action.setTitle({ tabId, title: t(count === 1 ? 'siteBadgeTitleOne' : 'siteBadgeTitleOther', card.host, count) });
  await recordAndNotify(store, card);
}

async function recordAndNotify(store: Db, card: SiteCard): Promise<void> {
  const records = await store.getAll('siteAlerts');
  const recorded = new Set(records.flatMap((r) => r.breachIds.map((id) => `${r.provider}:${id}`)));
  const notified = new Set(records.filter((r) => r.emails.length > 0).flatMap((r) => r.breachIds.map((id) => `${r.provider}:${id}`)));
  const fresh = card.shown.filter((s) => !recorded.has(breachKey(s.breach)) || (s.emails.length > 0 && !notified.has(breachKey(s.breach))));
  if (fresh.length === 0) return;
  const mine = fresh.filter((s) => s.emails.length > 0);
  const id = crypto.randomUUID();
  await store.put('siteAlerts', {
    id,
    host: card.host,
    provider: fresh[0]!.breach.provider,
    breachIds: fresh.map((s) => s.breach.id),
    emails: [...new Set(mine.flatMap((s) => s.emails))],
    shownAt: Date.now(),
  });
  broadcastStateChanged();
  if (mine.length === 0) return;
  await browser.notifications.create(`site:${id}`, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('icons/icon-128.png'),
    title: t('siteNotificationTitle', hostToUnicode(card.host)),
    message: mine.map((s) => siteBreachLine(s, maskEmail, t)).join('\n'),
  });
}
