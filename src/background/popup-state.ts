import { horizon, estimateFinish } from '../core/pacing';
import type { Settings } from '../core/settings';
import type { AddressView, PopupState, RunView } from '../messages';
import { listAddresses } from '../storage/addresses';
import { latestRun, pendingJobs, recentRequests, resultsForRun } from '../storage/check-queue';
import type { Db } from '../storage/schema';
import { rulesFor } from './providers';

/** Everything the popup shows, read in one pass. */
export async function popupState(store: Db, settings: Settings, now: number): Promise<PopupState> {
  const [addresses, jobs, run, exposures, breaches] = await Promise.all([
    listAddresses(store),
    pendingJobs(store),
    latestRun(store),
    store.getAll('exposures'),
    store.getAll('breaches'),
  ]);
  const breachByKey = new Map(breaches.map((b) => [`${b.provider}\u0000${b.id}`, b]));
  const jobByEmail = new Map(jobs.map((j) => [j.email, j]));
  const views: AddressView[] = addresses.map((address) => {
    const job = jobByEmail.get(address.email);
    return {
      ...address,
      exposures: exposures
        .filter((e) => e.email === address.email)
        .map((exposure) => ({ exposure, breach: breachByKey.get(`${exposure.provider}\u0000${exposure.breachId}`) ?? null }))
        .sort((a, b) => (b.breach?.breachDate ?? '').localeCompare(a.breach?.breachDate ?? '')),
      job: job ? { state: job.notBefore > now ? 'waiting' : 'queued', notBefore: job.notBefore, failure: job.lastFailure } : null,
    };
  });
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
