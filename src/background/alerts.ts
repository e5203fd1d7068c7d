import browser from 'webextension-polyfill';
import { t } from '../adapters/i18n';
import { sourceKey, sourcesOf } from '../core/incident';
import { runNotice, type RunResultSummary } from '../core/run-notice';
import { countUnacknowledged } from '../storage/exposures';
import { checkIdOf, markRunNotified, resultsForRun, runsAwaitingNotice } from '../storage/check-queue';
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
  const awaiting = await runsAwaitingNotice(store);
  if (awaiting.length === 0) return;
  // The runs of one check (one per provider) earn one notification, once all of them are done.
  const all = await store.getAll('runs');
  for (const check of new Set(awaiting.map((r) => checkIdOf(r.id)))) {
    const runs = all.filter((r) => checkIdOf(r.id) === check);
    if (runs.some((r) => r.finishedAt === null)) continue;
    await notifyCheck(store, check, runs);
    for (const run of runs) if (run.notifiedAt == null) await markRunNotified(store, run.id, Date.now());
  }
}

const OUTCOME_RANK: Record<RunResultSummary['outcome'], number> = { failed: 0, clean: 1, breached: 2 };

/**
 * One provider's results per address, as incidents: a breach two providers report is the one
 * exposure both findings joined, and is named (and counted) once.
 */
async function notifyCheck(store: Db, check: string, runs: readonly CheckRun[]): Promise<void> {
  const results = await Promise.all(runs.map(async (run) => ({ run, results: await resultsForRun(store, run.id) })));
  // Only the checked addresses' exposures: not the whole history.
  const exposures = (await Promise.all([...new Set(results.flatMap((r) => r.results.map((x) => x.email)))].map((email) => store.getAllFromIndex('exposures', 'by-email', email)))).flat();
  const incidentOf = new Map<string, string>();
  for (const e of exposures) for (const s of sourcesOf(e)) incidentOf.set(`${e.email}\u0000${sourceKey(s)}`, sourceKey(e));
  // The breach records are the providers' catalogs: bounded by them, not by the history.
  const titles = new Map((await store.getAll('breaches')).map((b) => [sourceKey({ provider: b.provider, breachId: b.id }), b.title]));
  const byEmail = new Map<string, RunResultSummary>();
  for (const { run, results: list } of results) {
    for (const r of list) {
      const incidents = (ids: readonly string[]) => ids.map((id) => incidentOf.get(`${r.email}\u0000${sourceKey({ provider: run.provider, breachId: id })}`) ?? sourceKey({ provider: run.provider, breachId: id }));
      const had = byEmail.get(r.email);
      byEmail.set(r.email, {
        email: r.email,
        // Breached at any provider is breached; failed only when every provider failed.
        outcome: had && OUTCOME_RANK[had.outcome] >= OUTCOME_RANK[r.outcome] ? had.outcome : r.outcome,
        breachIds: [...new Set([...(had?.breachIds ?? []), ...incidents(r.breachIds)])],
        newBreachIds: [...new Set([...(had?.newBreachIds ?? []), ...incidents(r.newBreachIds)])],
      });
    }
  }
  const notice = runNotice(runs[0]!.trigger, [...byEmail.values()], (key) => titles.get(key) ?? key.split('\u0000')[1] ?? key, t);
  if (!notice) return;
  await browser.notifications.create(`${NOTICE_PREFIX}${check}`, {
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
