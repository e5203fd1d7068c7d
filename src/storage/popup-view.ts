import type { Breach } from '../core/breach';
import type { Exposure } from '../core/exposure';
import { estimateFinish, horizon, rulesFor } from '../core/pacing';
import type { Settings } from '../core/settings';
import type { AddressView, PopupState, RunView } from '../messages';
import type { Db } from './schema';

/** How many exposures per address the popup lists (the most recently found); the rest are a click away in the history. */
const POPUP_EXPOSURES = 5;
const POPUP_CANDIDATES = 50;

/** Everything the popup shows, read in one pass (the storage-full flag, kept outside the database, is added by the caller). */
export async function popupState(store: Db, settings: Settings, now: number): Promise<Omit<PopupState, 'storageFull'>> {
  // One readonly transaction for everything: a snapshot, and no per-record transaction overhead.
  const tx = store.transaction(['addresses', 'jobs', 'runs', 'notices', 'exposures', 'breaches', 'results', 'requests']);
  const exposuresStore = tx.objectStore('exposures');
  const breachStore = tx.objectStore('breaches');
  const [addresses, jobs, runCursor, notices] = await Promise.all([
    tx.objectStore('addresses').getAll(),
    tx.objectStore('jobs').getAll(),
    tx.objectStore('runs').index('by-started').openCursor(null, 'prev'),
    tx.objectStore('notices').getAll(),
  ]);
  const run = runCursor?.value;
  addresses.sort((a, b) => a.addedAt - b.addedAt);
  jobs.sort((a, b) => a.notBefore - b.notBefore || a.enqueuedAt - b.enqueuedAt);
  const jobByEmail = new Map(jobs.map((j) => [j.email, j]));

  const views: AddressView[] = await Promise.all(
    addresses.map(async (address) => {
      // Counted and listed through indexes: the popup stays fast with 100k exposures stored.
      const [total, unseen, newest] = await Promise.all([
        exposuresStore.index('by-email').count(address.email),
        exposuresStore.index('by-email-state').count([address.email, 'new']),
        // A check finds many at once: read a few more, then show the latest breaches among them.
        (async () => {
          const out: Exposure[] = [];
          const range = IDBKeyRange.bound([address.email, -Infinity], [address.email, Infinity]);
          let cursor = await exposuresStore.index('by-email-first-seen').openCursor(range, 'prev');
          while (cursor && out.length < POPUP_CANDIDATES) {
            out.push(cursor.value);
            cursor = await cursor.continue();
          }
          return out;
        })(),
      ]);
      const joined = await Promise.all(
        newest.map(async (exposure) => {
          const breach = await breachStore.get([exposure.provider, exposure.breachId]);
          return { exposure, breach: breach ? slim(breach) : null };
        }),
      );
      const exposures = joined
        .sort((a, b) => b.exposure.firstSeen - a.exposure.firstSeen || (b.breach?.breachDate ?? '').localeCompare(a.breach?.breachDate ?? ''))
        .slice(0, POPUP_EXPOSURES);
      const job = jobByEmail.get(address.email);
      return {
        ...address,
        exposureCount: total,
        newCount: unseen,
        exposures,
        notices: notices.filter((n) => n.email === address.email).sort((a, b) => b.date.localeCompare(a.date)),
        job: job ? { state: job.notBefore > now ? ('waiting' as const) : ('queued' as const), notBefore: job.notBefore, failure: job.lastFailure } : null,
      };
    }),
  );

  let runView: RunView | null = null;
  if (run) {
    const done = await tx.objectStore('results').count(IDBKeyRange.bound([run.id], [run.id, []]));
    const left = jobs.filter((j) => j.runId === run.id);
    let estimatedEnd: number | null = run.finishedAt;
    if (left.length > 0) {
      const rules = rulesFor(run.provider, settings);
      const sent = (await tx.objectStore('requests').index('by-provider').getAll(run.provider)).map((r) => r.at).filter((at) => at > now - horizon(rules));
      const notBefore = Math.min(...left.map((j) => j.notBefore));
      estimatedEnd = estimateFinish(rules, sent, left.length, now, notBefore);
    }
    runView = {
      id: run.id,
      provider: run.provider,
      startedAt: run.startedAt,
      finishedAt: run.finishedAt,
      total: run.emails.length,
      done,
      estimatedEnd,
    };
  }
  return { provider: settings.provider, hasApiKey: settings.hibpApiKey !== '', addresses: views, run: runView };
}

/** What the popup shows of a breach: the long provider description stays behind. */
const slim = (breach: Breach): Breach => ({ ...breach, description: '' });
