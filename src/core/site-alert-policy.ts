import type { Breach } from './breach';
import { dataClassLabel } from './data-class-label';
import type { Translate } from './i18n';

/** Noise control for site alerts; each a setting with a sensible default. */
export interface SiteAlertPolicy {
  /** Breaches not involving the user alert only when added to the catalog this recently. */
  recentMonths: number;
  /** Alert also for unverified, fabricated, spam-list and retired breaches. */
  includeDoubtful: boolean;
  /** The user chose "never for this site". */
  silenced: boolean;
}

export interface SiteBreach {
  breach: Breach;
  /** The user's saved addresses found in this breach (normalised). */
  emails: string[];
}

export interface SiteVerdict {
  /** What the badge and the popup card show for this tab, the user's own breaches first. */
  shown: SiteBreach[];
  /** What earns a system notification now: the user's own breaches, never notified before. */
  notify: SiteBreach[];
}

const DAY_MS = 24 * 60 * 60 * 1000;

export function isDoubtful(breach: Breach): boolean {
  const f = breach.flags;
  return !f.verified || f.fabricated || f.spamList || f.retired;
}

/**
 * Decides what a visit to a breached site shows. A breach involving one of the user's addresses
 * always counts; any other only when it is recent and not doubtful (unless the user asked for
 * those). Notifications are once per breach, only for the user's own breaches.
 */
export function judgeSite(
  matches: readonly SiteBreach[],
  policy: SiteAlertPolicy,
  alreadyNotified: (breach: Breach) => boolean,
  now: number,
): SiteVerdict {
  if (policy.silenced) return { shown: [], notify: [] };
  const cutoff = now - policy.recentMonths * 30.44 * DAY_MS;
  const shown = matches.filter(({ breach, emails }) => {
    if (emails.length > 0) return true;
    if (isDoubtful(breach) && !policy.includeDoubtful) return false;
    const added = breach.addedDate ? Date.parse(breach.addedDate) : Number.NaN;
    return !Number.isNaN(added) && added >= cutoff;
  });
  shown.sort((a, b) => Number(b.emails.length > 0) - Number(a.emails.length > 0) || (b.breach.breachDate ?? '').localeCompare(a.breach.breachDate ?? ''));
  const notify = shown.filter(({ breach, emails }) => emails.length > 0 && !alreadyNotified(breach));
  return { shown, notify };
}

/** The one-line reason a card gives for a breach: whose address, when, what leaked. */
export function siteBreachLine(entry: SiteBreach, mask: (email: string) => string, t: Translate): string {
  const { breach, emails } = entry;
  const year = breach.breachDate?.slice(0, 4);
  // The data classes in the reader's language (the provider's words for a class nobody listed).
  const leaked = breach.dataClasses.length > 0 ? `: ${breach.dataClasses.map((c) => dataClassLabel(c, t).toLowerCase()).join(', ')}` : '';
  let clause: string;
  // Without a date the sentence changes shape, so undated breaches have sentences of their own.
  if (emails.length === 0) clause = year ? t('siteLineOther', breach.title, year) : t('siteLineOtherUndated', breach.title);
  else if (emails.length === 1) {
    clause = year ? t('siteLineMineOne', mask(emails[0]!), year, breach.title) : t('siteLineMineOneUndated', mask(emails[0]!), breach.title);
  } else {
    const who = emails.map(mask).join(', ');
    clause = year
      ? t('siteLineMineOther', emails.length, who, year, breach.title)
      : t('siteLineMineOtherUndated', emails.length, who, breach.title);
  }
  return `${clause}${leaked}.`;
}
