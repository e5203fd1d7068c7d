import browser from 'webextension-polyfill';
import { t, uiLanguage } from '../adapters/i18n';
import { formats } from '../core/format';
import { requestEntryKey } from '../core/rights/request-entries';
import { localDateOf } from '../core/rights/deadline';
import { owedOverdueNotices, requestDue, requestStatus, type RightsRequest } from '../core/rights/request';
import { listRequests, markOverdueNotified } from '../storage/rights-requests';
import type { Db } from '../storage/schema';

const NOTICE_PREFIX = 'request:';
const noticeId = (entry: string) => `${NOTICE_PREFIX}${encodeURIComponent(entry)}`;

/**
 * Shows the notification each request whose due date passed unanswered owes: once per due date.
 * Runs on every wake of the worker, on the daily alarms and after every change to a request,
 * so no timer of its own is needed. The notification id is the request's, so a worker killed
 * between showing it and recording it shows the same notification again, which Chrome replaces
 * rather than doubles.
 */
export async function deliverOverdueNotices(store: Db, today = localDateOf(Date.now())): Promise<void> {
  for (const request of owedOverdueNotices(await listRequests(store), today)) {
    const due = requestDue(request);
    await browser.notifications.create(noticeId(request.entry), {
      type: 'basic',
      iconUrl: browser.runtime.getURL('icons/icon-128.png'),
      title: t('requestOverdueNoticeTitle', request.organisation),
      message: t('requestOverdueNoticeMessage', request.organisation, formats(uiLanguage()).eventDate(due) ?? due),
    });
    await markOverdueNotified(store, request.entry, due);
  }
}

/** A request no longer overdue (extended, answered, closed) takes its notification away. */
export async function clearOverdueNotice(request: RightsRequest, today = localDateOf(Date.now())): Promise<void> {
  if (requestStatus(request, today) !== 'overdue') await browser.notifications.clear(noticeId(request.entry));
}

/** A click on an overdue notification opens the request in the history. */
export async function openRequestNotice(notificationId: string): Promise<void> {
  if (!notificationId.startsWith(NOTICE_PREFIX)) return;
  await browser.notifications.clear(notificationId);
  const entry = decodeURIComponent(notificationId.slice(NOTICE_PREFIX.length));
  const hash = new URLSearchParams({ entry: requestEntryKey(entry) }).toString();
  await browser.tabs.create({ url: browser.runtime.getURL(`src/ui/history/index.html#${hash}`) });
}
