import browser from 'webextension-polyfill';
import { t } from '../adapters/i18n';
import { runNotice } from '../core/run-notice';
import { countUnacknowledged } from '../storage/exposures';
import { markRunNotified, resultsForRun, runsAwaitingNotice } from '../storage/check-queue';
import type { CheckRun, Db } from '../storage/schema';

const NOTICE_PREFIX = 'run:';

/** The toolbar badge counts exposures the user has not seen yet. */
export async function updateBadge(store: Db): Promise<void> {
  const count = await countUnacknowledged(store);
  await browser.action.setBadgeBackgroundColor({ color: '#a4161a' });
  await browser.action.setBadgeText({ text: count === 0 ? '' : count > 999 ? '999+' : String(count) });
}

/**
 * Shows the notification each finished run owes, once. The notification id is the run's, so even
 * a worker killed between showing it and recording that it did cannot show it twice: Chrome
 * replaces a notification that has the same id.
 */
export async function deliverRunNotices(store: Db): Promise<void> {
  for (const run of await runsAwaitingNotice(store)) {
    await notifyRun(store, run);
    await markRunNotified(store, run.id, Date.now());
  }
}

async function notifyRun(store: Db, run: CheckRun): Promise<void> {
  const results = await resultsForRun(store, run.id);
  const titles = new Map((await store.getAll('breaches')).filter((b) => b.provider === run.provider).map((b) => [b.id, b.title]));
  const notice = runNotice(run.trigger, results, (id) => titles.get(id) ?? id, t);
  if (!notice) return;
  await browser.notifications.create(`${NOTICE_PREFIX}${run.id}`, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('icons/icon-128.png'),
    title: notice.title,
    message: notice.message,
  });
}

/** A click on a run's notification opens the history page. */
export async function openNotice(notificationId: string): Promise<void> {
  if (!notificationId.startsWith(NOTICE_PREFIX)) return;
  await browser.notifications.clear(notificationId);
  await browser.tabs.create({ url: browser.runtime.getURL('src/ui/history/index.html') });
}
