import type { Breach, ProviderId } from '../core/breach';
import type { Exposure } from '../core/exposure';
import { horizon, estimateFinish } from '../core/pacing';
import type { Settings } from '../core/settings';
import type { AddressView, PopupState, RunView } from '../messages';
import { listAddresses } from '../storage/addresses';
import { latestRun, pendingJobs, recentRequests, resultsForRun } from '../storage/check-queue';
import type { Db } from '../storage/schema';
import { rulesFor } from './providers';

/** How many breaches per address the popup lists; the rest are a click away in the history. */
const POPUP_EXPOSURES = 5;

/** Everything the popup shows, read in one pass. */
export async function popupState(store: Db, settings: Settings, now: number): Promise<PopupState> {
  const [addresses, jobs, run, exposures, notices] = await Promise.all([
    listAddresses(store),
    pendingJobs(store),
    latestRun(store),
    store.getAll('exposures'),
    store.getAll('notices'),
  ]);
  const byEmail = new Map<string, Exposure[]>();
  for (const e of exposures) {
    const list = byEmail.get(e.email);
    if (list) list.push(e);
    else byEmail.set(e.email, [e]);
  }
  const breachKey = (e: { provider: string; breachId?: string; id?: string }) => `${e.provider}\u0000${e.breachId ?? e.id}`;
  // Only the breaches the exposures name: the store also holds the whole public catalog.
  const keys = new Map(exposures.map((e) => [breachKey(e), [e.provider, e.breachId] as [ProviderId, string]]));
  const found = await Promise.all([...keys.values()].map((k) => store.get('breaches', k)));
  const breaches = new Map(found.filter((b): b is Breach => b !== undefined).map((b) => [breachKey(b), b]));
  const jobByEmail = new Map(jobs.map((j) => [j.email, j]));
  const views: AddressView[] = [];
  for (const address of addresses) {
    const mine = byEmail.get(address.email) ?? [];
    // The popup shows the newest few; the history page has room for all of them.
    const joined = mine.map((exposure) => ({ exposure, breach: breaches.get(breachKey(exposure)) ?? null }));
    joined.sort((a, b) => (b.breach?.breachDate ?? '').localeCompare(a.breach?.breachDate ?? '') || a.exposure.breachId.localeCompare(b.exposure.breachId));
    const job = jobByEmail.get(address.email);
    views.push({
      ...address,
      exposureCount: mine.length,
      newCount: mine.filter((e) => e.state === 'new').length,
      exposures: joined.slice(0, POPUP_EXPOSURES),
      notices: notices.filter((n) => n.email === address.email).sort((a, b) => b.date.localeCompare(a.date)),
      job: job ? { state: job.notBefore > now ? 'waiting' : 'queued', notBefore: job.notBefore, failure: job.lastFailure } : null,
    });
  }
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
