import { horizon, estimateFinish } from '../core/pacing';
import type { Settings } from '../core/settings';
import type { AddressView, PopupState, RunView } from '../messages';
import { listAddresses } from '../storage/addresses';
import { latestRun, pendingJobs, recentRequests, resultsForRun } from '../storage/check-queue';
import { exposureSummary, newestExposures } from '../storage/exposures';
import type { Db } from '../storage/schema';
import { rulesFor } from './providers';

/** How many exposures per address the popup lists (the most recently found); the rest are a click away in the history. */
const POPUP_EXPOSURES = 5;
const POPUP_CANDIDATES = 50;

/** Everything the popup shows, read in one pass. */
export async function popupState(store: Db, settings: Settings, now: number): Promise<PopupState> {
  const [addresses, jobs, run, notices] = await Promise.all([
    listAddresses(store),
    pendingJobs(store),
    latestRun(store),
    store.getAll('notices'),
  ]);
  const jobByEmail = new Map(jobs.map((j) => [j.email, j]));
  const views: AddressView[] = await Promise.all(
    addresses.map(async (address) => {
      // Counted and listed through indexes: the popup stays fast with 100k exposures stored.
      const [summary, newest] = await Promise.all([
        exposureSummary(store, address.email),
        // A check finds many at once: read a few more, then show the latest breaches among them.
        newestExposures(store, address.email, POPUP_CANDIDATES),
      ]);
      const joined = await Promise.all(
        newest.map(async (exposure) => ({ exposure, breach: (await store.get('breaches', [exposure.provider, exposure.breachId])) ?? null })),
      );
      const exposures = joined
        .sort((a, b) => b.exposure.firstSeen - a.exposure.firstSeen || (b.breach?.breachDate ?? '').localeCompare(a.breach?.breachDate ?? ''))
        .slice(0, POPUP_EXPOSURES);
      const job = jobByEmail.get(address.email);
      return {
        ...address,
        exposureCount: summary.total,
        newCount: summary.unseen,
        exposures,
        notices: notices.filter((n) => n.email === address.email).sort((a, b) => b.date.localeCompare(a.date)),
        job: job ? { state: job.notBefore > now ? ('waiting' as const) : ('queued' as const), notBefore: job.notBefore, failure: job.lastFailure } : null,
      };
    }),
  );
  let runView: RunView | null = null;
  if (run) {
    const results = await resultsForRun(store, run.id);
    const left = jobs.filter((j) => j.runId === run.id);
    let estimatedEnd: number | null = run.finishedAt;
    if (left.length > 0) {
      const rules = rulesFor(run.provider, settings);
      const sent = await recentRequests(store, run.provider, now - horizon(rules));
      const notBefore = Math.min(...left.map((j) => j.notBefore));
      estimatedEnd = estimateFinish(rules, sent, left.length, now, notBefore);
    }
    runView = {
      id: run.id,
      provider: run.provider,
      startedAt: run.startedAt,
      finishedAt: run.finishedAt,
      total: run.emails.length,
      done: results.length,
      estimatedEnd,
    };
  }
  return { provider: settings.provider, hasApiKey: settings.hibpApiKey !== '', addresses: views, run: runView };
}
