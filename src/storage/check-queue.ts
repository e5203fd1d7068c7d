import type { Breach, CheckOutcome, ProviderId } from '../core/breach';
import { diffExposures, type Exposure } from '../core/exposure';
import { refreshedBreach, sourceKey, sourcesOf } from '../core/incident';
import type { RateBucket } from '../core/provider-registry';
import { checkIdOf, runIdFor } from '../core/check-run';

export { checkIdOf } from '../core/check-run';
import type { ProviderFailure } from '../core/provider-error';
import type { CheckJob, CheckResult, CheckRun, Db } from './schema';
import { reconcileTrails, TRAIL_STORES, type TrailTx } from './trail/trails';
import { HISTORY_STORES, HistoryWriter } from './history-index';

export type JobOutcome = { kind: 'checked'; outcome: CheckOutcome } | { kind: 'failed'; failure: ProviderFailure };

/**
 * Starts a check: for each provider a run, with one job per address, all in one transaction. An
 * address that already has a queued job at a provider is not queued there twice — the pending
 * check will answer for it. Returns the runs made (none when everything was queued already).
 */
export async function enqueueRun(
  db: Db,
  init: { id: string; emails: string[]; providers: readonly ProviderId[]; trigger: CheckRun['trigger']; now: number },
): Promise<CheckRun[]> {
  const tx = db.transaction(['jobs', 'runs'], 'readwrite', { durability: 'strict' });
  // Idempotent by id: a request retried after a worker restart gets the runs its first try made.
  const ids = init.providers.map((provider) => runIdFor(init.id, provider, init.providers));
  const existing = (await Promise.all(ids.map((id) => tx.objectStore('runs').get(id)))).filter((run): run is CheckRun => run !== undefined);
  if (existing.length > 0) {
    await tx.done;
    return existing;
  }
  const queued = new Set((await tx.objectStore('jobs').getAll()).map((j) => `${j.provider}\u0000${j.email}`));
  const runs: CheckRun[] = [];
  for (const provider of init.providers) {
    const emails = init.emails.filter((e) => !queued.has(`${provider}\u0000${e}`));
    if (emails.length === 0) continue;
    const run: CheckRun = {
      id: runIdFor(init.id, provider, init.providers),
      provider,
      trigger: init.trigger,
      startedAt: init.now,
      finishedAt: null,
      emails,
    };
    await tx.objectStore('runs').add(run);
    for (const email of emails) {
      await tx.objectStore('jobs').add({
        runId: run.id,
        email,
        provider,
        enqueuedAt: init.now,
        attempts: 0,
        notBefore: init.now,
        lastFailure: null,
      });
    }
    runs.push(run);
  }
  await tx.done;
  return runs;
}

/**
 * Cancels a check: the pending jobs of its runs (one per provider) go and the runs end, in ONE
 * transaction, so a worker killed at any moment leaves the check either whole or cancelled.
 * Nothing is recorded for the jobs: a check on the wire when this commits finds its job gone and
 * records nothing either (recordJobResult). Returns how many jobs were removed (0 when it had ended).
 */
export function cancelRun(db: Db, checkId: string, now: number): Promise<number> {
  return dropJobs(db, (job) => checkIdOf(job.runId) === checkId, now);
}

/** Jobs in the order they may run: earliest allowed first, then the order they were queued. */
export async function pendingJobs(db: Db): Promise<CheckJob[]> {
  const jobs = await db.getAll('jobs');
  return jobs.sort((a, b) => a.notBefore - b.notBefore || a.enqueuedAt - b.enqueuedAt);
}

/** Puts a job off until `notBefore`, remembering why (shown in the popup while it waits). */
export async function postponeJob(db: Db, job: CheckJob, notBefore: number, failure: ProviderFailure): Promise<void> {
  const tx = db.transaction('jobs', 'readwrite', { durability: 'strict' });
  const current = await tx.store.get([job.runId, job.email]);
  if (current) await tx.store.put({ ...current, notBefore, lastFailure: failure, attempts: current.attempts + 1 });
  await tx.done;
}

/**
 * Records a job's result, updates the history and removes the job — in ONE transaction, so a
 * worker killed at any moment leaves either the job queued (it runs again) or its result recorded
 * (it never runs again). Returns null when the job was already recorded.
 */
export async function recordJobResult(
  db: Db,
  job: CheckJob,
  result: JobOutcome,
  now: number,
): Promise<{ added: Exposure[]; runFinished: boolean } | null> {
  const tx = db.transaction(['jobs', 'results', 'runs', ...TRAIL_STORES, ...HISTORY_STORES], 'readwrite', {
    durability: 'strict',
  });
  const jobs = tx.objectStore('jobs');
  if (!(await jobs.get([job.runId, job.email]))) {
    await tx.done;
    return null;
  }
  const address = await tx.objectStore('addresses').get(job.email);
  let added: Exposure[] = [];
  const record: CheckResult = {
    runId: job.runId,
    email: job.email,
    at: now,
    outcome: 'failed',
    breachIds: [],
    newBreachIds: [],
    failure: null,
  };
  if (result.kind === 'checked' && address) {
    const breaches = result.outcome.kind === 'breached' ? result.outcome.breaches : [];
    const exposures = tx.objectStore('exposures');
    const known = await exposures.index('by-email').getAll(job.email);
    // The stored records of what the address is already known to be in: a breach another provider
    // reported as the same incident joins that exposure instead of counting twice.
    const breachStore = tx.objectStore('breaches');
    const records = new Map<string, Breach>();
    for (const source of known.flatMap(sourcesOf)) {
      const record = await breachStore.get([source.provider, source.breachId]);
      if (record) records.set(sourceKey(source), record);
    }
    const diff = diffExposures(job.email, job.provider, known, breaches, now, (source) => records.get(sourceKey(source)) ?? null);
    const writer = new HistoryWriter(tx);
    // A lookup's record replaces the stored one, except that its vaguer date never replaces a fuller one.
    for (const breach of breaches) {
      const stored = await breachStore.get([breach.provider, breach.id]);
      const fresh = refreshedBreach(stored, breach);
      await breachStore.put(fresh);
      await writer.breachWritten(stored, fresh);
    }
    for (const exposure of [...diff.added, ...diff.updated]) await writer.put(exposure);
    await writer.flush();
    added = diff.added;
    record.outcome = breaches.length > 0 ? 'breached' : 'clean';
    record.breachIds = breaches.map((b) => b.id);
    record.newBreachIds = added.map((e) => e.breachId);
    // Every added exposure is new; an updated one keeps its state, so the counts only grow.
    const counts = { exposureCount: address.exposureCount + added.length, newCount: address.newCount + added.length };
    await tx.objectStore('addresses').put({ ...address, ...counts, lastCheckedAt: now, lastOutcome: record.outcome, lastFailure: null });
    // A breach of a site the address was never given to is a leak-trail finding, counted by the badge from now.
    if (added.length > 0) await reconcileTrails(tx as unknown as TrailTx, job.email, now);
  } else if (result.kind === 'failed' && address) {
    record.failure = result.failure;
    await tx.objectStore('addresses').put({ ...address, lastOutcome: 'failed', lastFailure: { ...result.failure, provider: job.provider } });
  }
  // An address removed while its check was in flight leaves only the job to clear.
  if (address) await tx.objectStore('results').put(record);
  await jobs.delete([job.runId, job.email]);
  const left = await jobs.count(IDBKeyRange.bound([job.runId], [job.runId, []]));
  if (left === 0) {
    const run = await tx.objectStore('runs').get(job.runId);
    if (run && run.finishedAt === null) await tx.objectStore('runs').put({ ...run, finishedAt: now });
  }
  await tx.done;
  return { added, runFinished: left === 0 };
}

/**
 * Drops the queued jobs of providers the user no longer uses (their addresses must not go there
 * any more); the addresses keep their last results. Returns how many jobs were dropped.
 */
export function dropJobsExcept(db: Db, keep: readonly ProviderId[], now: number): Promise<number> {
  return dropJobs(db, (job) => !keep.includes(job.provider), now);
}

/**
 * Deletes the queued jobs `select` picks, recording nothing for them, and finishes every run left
 * with no job (so "Check now" is free again), all in one transaction.
 */
async function dropJobs(db: Db, select: (job: CheckJob) => boolean, now: number): Promise<number> {
  const tx = db.transaction(['jobs', 'runs'], 'readwrite', { durability: 'strict' });
  const jobs = tx.objectStore('jobs');
  const dropped = (await jobs.getAll()).filter(select);
  for (const job of dropped) await jobs.delete([job.runId, job.email]);
  for (const runId of new Set(dropped.map((job) => job.runId))) {
    if ((await jobs.count(IDBKeyRange.bound([runId], [runId, []]))) > 0) continue;
    const run = await tx.objectStore('runs').get(runId);
    if (run && run.finishedAt === null) await tx.objectStore('runs').put({ ...run, finishedAt: now });
  }
  await tx.done;
  return dropped.length;
}

/** Remembers that a request went to a provider, before it is sent, so pacing survives a restart. */
export async function noteRequest(db: Db, bucket: RateBucket, at: number, email?: string): Promise<void> {
  await db.add('requests', email === undefined ? { provider: bucket, at } : { provider: bucket, at, email });
}

export async function recentRequests(db: Db, bucket: RateBucket, since: number): Promise<number[]> {
  const tx = db.transaction('requests', 'readwrite');
  const times: number[] = [];
  let cursor = await tx.store.openCursor();
  while (cursor) {
    if (cursor.value.provider === bucket) {
      if (cursor.value.at <= since) await cursor.delete(); // aged out of every window of this bucket
      else times.push(cursor.value.at);
    }
    cursor = await cursor.continue();
  }
  await tx.done;
  return times;
}

export async function latestRun(db: Db): Promise<CheckRun | undefined> {
  const cursor = await db.transaction('runs').store.index('by-started').openCursor(null, 'prev');
  return cursor?.value;
}

export async function resultsForRun(db: Db, runId: string): Promise<CheckResult[]> {
  return db.getAll('results', IDBKeyRange.bound([runId], [runId, []]));
}


/** Holds every queued job of a provider until `until` (a 429 applies to the key, not one address). */
export async function holdProvider(db: Db, provider: ProviderId, until: number, failure: ProviderFailure): Promise<void> {
  const tx = db.transaction('jobs', 'readwrite', { durability: 'strict' });
  for (const job of await tx.store.getAll()) {
    if (job.provider !== provider || job.notBefore >= until) continue;
    await tx.store.put({ ...job, notBefore: until, lastFailure: failure });
  }
  await tx.done;
}

/** Finished runs whose notification is still owed (the worker may have died right after the run). */
export async function runsAwaitingNotice(db: Db): Promise<CheckRun[]> {
  const runs = await db.getAll('runs');
  return runs.filter((r) => r.finishedAt !== null && r.notifiedAt == null);
}

export async function markRunNotified(db: Db, runId: string, now: number): Promise<void> {
  const tx = db.transaction('runs', 'readwrite', { durability: 'strict' });
  const run = await tx.store.get(runId);
  if (run) await tx.store.put({ ...run, notifiedAt: now });
  await tx.done;
}
