import browser from 'webextension-polyfill';
import { ProviderError, type ProviderFailure } from '../core/provider-error';
import { decideRetry } from '../core/retry-policy';
import { loadSettings } from '../adapters/settings-store';
import { DatabaseBlockedError, databaseOpened, db, isQuotaError } from '../storage/open-db';
import { setStorageFull } from '../adapters/storage-full';
import { holdProvider, pendingJobs, postponeJob, recordJobResult } from '../storage/check-queue';
import type { CheckJob } from '../storage/schema';
import { deliverRunNotices, updateBadge } from './alerts';
import { broadcastStateChanged } from './broadcast';
import { claimSlot } from './pacer';
import { checkAddress } from './providers';

export const QUEUE_ALARM = 'check-queue';

/** Waits longer than this end the pump; the alarm wakes a fresh worker when the time comes. */
const MAX_IN_WORKER_WAIT_MS = 20_000;

/** Set before every request: if the worker is killed mid-request, this alarm resumes the queue. */
const WATCHDOG_MS = 35_000;

let running: Promise<void> | null = null;

/**
 * Works through the persisted queue until it is empty or must wait. Safe to call at any time and
 * from any event: one pump runs per worker, and all state is in IndexedDB, so a worker killed
 * mid-check simply leaves the job queued for the next pump.
 */
export function pump(): Promise<void> {
  running ??= drain()
    .catch(async (error: unknown) => {
      // No room to record: the job stays queued (its transaction was undone) and the alarm tries
      // again later; meanwhile the popup says why nothing moves.
      if (isQuotaError(error)) {
        await browser.alarms.create(QUEUE_ALARM, { when: Date.now() + WATCHDOG_MS });
        if (await setStorageFull(true)) broadcastStateChanged();
        return;
      }
      // A page from before an update holds the old database: resume as soon as it lets go.
      if (error instanceof DatabaseBlockedError) {
        void databaseOpened()
          .then(() => pump())
          .catch((later: unknown) => console.error('Was I Exposed?: queue failed after the database upgrade', later));
        return;
      }
      throw error;
    })
    .finally(() => {
      running = null;
    });
  return running;
}

async function drain(): Promise<void> {
  const settings = await loadSettings();
  const store = await db();
  // Owed by a worker that died between finishing a run and announcing it.
  await deliverRunNotices(store);
  await updateBadge(store);
  for (;;) {
    const jobs = await pendingJobs(store);
    if (jobs.length === 0) {
      await browser.alarms.clear(QUEUE_ALARM);
      return;
    }
    // Set before the claims, so the request leaves right after one (the pacer's skew margin covers
    // the claim-to-arrival gap); if this worker dies mid-request, the alarm resumes the queue.
    await browser.alarms.create(QUEUE_ALARM, { when: Date.now() + WATCHDOG_MS });
    // Each provider's queue goes at its own pace: one waiting on its limit holds up no other.
    let ready: CheckJob | null = null;
    let next = Infinity;
    let current: CheckJob | undefined;
    try {
      for (const job of firstPerProvider(jobs)) {
        current = job;
        const at = await claimSlot(store, job.provider, settings, job.notBefore, job.email);
        if (at === null) {
          ready = job;
          break;
        }
        next = Math.min(next, at);
      }
      if (ready === null) {
        current = undefined; // from here on nothing is any one job's doing
        const now = Date.now();
        // The alarm is the backstop: if this worker dies while waiting, a new one picks up.
        await browser.alarms.create(QUEUE_ALARM, { when: next });
        if (next - now > MAX_IN_WORKER_WAIT_MS) return;
        await sleep(next - now);
        continue;
      }
      await checkOne(ready, settings);
    } catch (error) {
      if (isQuotaError(error) || error instanceof DatabaseBlockedError || !current) throw error; // handled by pump()
      // Anything else is a bug of ours or a browser refusing an API call. Left queued, the job
      // would come first again on every wake and hold up its provider's queue (and "Check now")
      // for good: it ends as failed, with a message, and the others go on.
      console.error('Was I Exposed?: a check failed inside the extension', error);
      await recordJobResult(store, current, { kind: 'failed', failure: internalFailure(error) }, Date.now());
      await afterJob();
    }
  }
}

/** The first job of each provider, in queue order. */
function firstPerProvider(jobs: readonly CheckJob[]): CheckJob[] {
  const seen = new Set<CheckJob['provider']>();
  return jobs.filter((job) => !seen.has(job.provider) && seen.add(job.provider));
}

async function checkOne(job: CheckJob, settings: Awaited<ReturnType<typeof loadSettings>>): Promise<void> {
  const store = await db();
  try {
    const outcome = await checkAddress(job.provider, settings, job.email, () => store.getAll('breaches'));
    await recordJobResult(store, job, { kind: 'checked', outcome }, Date.now());
    await setStorageFull(false);
  } catch (error) {
    if (isQuotaError(error)) throw error; // ours, not the provider's: handled by pump()
    await handleFailure(job, toFailure(error));
  }
  await afterJob();
}

/** After any job's end: the run's notice if it finished, the badge, and the pages' refresh. */
async function afterJob(): Promise<void> {
  const store = await db();
  await deliverRunNotices(store);
  await updateBadge(store);
  broadcastStateChanged();
}

async function handleFailure(job: CheckJob, failure: ProviderFailure): Promise<void> {
  const store = await db();
  const now = Date.now();
  const decision = decideRetry(failure, job.attempts, now);
  switch (decision.action) {
    case 'retry':
      if (decision.holdProvider) await holdProvider(store, job.provider, decision.at, failure);
      if (decision.countAttempt) await postponeJob(store, job, decision.at, failure);
      return;
    case 'fail':
      await recordJobResult(store, job, { kind: 'failed', failure }, now);
      return;
    case 'fail-provider':
      // A refused key fails every address the same way: record it for all, spend no more requests.
      for (const other of await pendingJobs(store)) {
        if (other.provider === job.provider) await recordJobResult(store, other, { kind: 'failed', failure }, now);
      }
      return;
  }
}

function toFailure(error: unknown): ProviderFailure {
  return error instanceof ProviderError ? error.toJSON() : internalFailure(error);
}

/** A bug of ours, not the provider's: say so plainly rather than blame the provider or the network. */
function internalFailure(error: unknown): ProviderFailure {
  return { kind: 'internal', message: error instanceof Error ? error.message : String(error) };
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
