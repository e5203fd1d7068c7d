import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { NO_FLAGS, type Breach } from '../core/breach';
import { addAddress } from './addresses';
import { cancelRun, checkIdOf, dropJobsExcept, enqueueRun, holdProvider, pendingJobs, postponeJob, recordJobResult } from './check-queue';
import { openExposureDb } from './open-db';
import { DB_VERSION, type Db } from './schema';

const breach = (id: string): Breach => ({
  id, provider: 'xposedornot', title: id, domain: '', breachDate: '2020', addedDate: null, pwnCount: 1, description: '', dataClasses: [], logoUrl: null, flags: NO_FLAGS,
});

let db: Db;
let n = 0;
beforeEach(async () => {
  db = await openExposureDb(DB_VERSION, `queue-test-${++n}`);
  await addAddress(db, 'a@example.com', 1);
  await addAddress(db, 'b@example.com', 2);
});

describe('check queue', () => {
  it('queues one job per address and never queues an address twice', async () => {
    const [run] = await enqueueRun(db, { id: 'r1', emails: ['a@example.com', 'b@example.com'], providers: ['xposedornot'], trigger: 'manual', now: 10 });
    expect(run?.id).toBe('r1');
    expect(run?.emails).toEqual(['a@example.com', 'b@example.com']);
    const again = await enqueueRun(db, { id: 'r2', emails: ['a@example.com'], providers: ['xposedornot'], trigger: 'manual', now: 11 });
    expect(again).toEqual([]);
    expect(await pendingJobs(db)).toHaveLength(2);
  });

  it('starts one run per id: the same request retried after a worker restart gets the same run', async () => {
    const first = await enqueueRun(db, { id: 'req-1', emails: ['a@example.com'], providers: ['xposedornot'], trigger: 'manual', now: 10 });
    const retried = await enqueueRun(db, { id: 'req-1', emails: ['a@example.com', 'b@example.com'], providers: ['xposedornot'], trigger: 'manual', now: 11 });
    expect(retried).toEqual(first);
    expect(await db.getAll('runs')).toHaveLength(1);
    expect((await pendingJobs(db)).map((j) => j.email)).toEqual(['a@example.com']);
  });

  it('queues a job per address per enabled provider, one run per provider, in one check', async () => {
    const runs = await enqueueRun(db, { id: 'c1', emails: ['a@example.com', 'b@example.com'], providers: ['xposedornot', 'hibp'], trigger: 'manual', now: 10 });
    expect(runs.map((r) => [r.id, r.provider])).toEqual([['c1/xposedornot', 'xposedornot'], ['c1/hibp', 'hibp']]);
    expect(runs.map((r) => checkIdOf(r.id))).toEqual(['c1', 'c1']);
    const jobs = await pendingJobs(db);
    expect(jobs.map((j) => `${j.provider} ${j.email}`).sort()).toEqual([
      'hibp a@example.com', 'hibp b@example.com', 'xposedornot a@example.com', 'xposedornot b@example.com',
    ]);
    // Queued at one provider is no reason to skip the other.
    await recordJobResult(db, jobs.find((j) => j.provider === 'hibp' && j.email === 'a@example.com')!, { kind: 'checked', outcome: { kind: 'clean' } }, 20);
    const again = await enqueueRun(db, { id: 'c2', emails: ['a@example.com'], providers: ['xposedornot', 'hibp'], trigger: 'manual', now: 30 });
    expect(again.map((r) => r.id)).toEqual(['c2/hibp']);
  });

  it('records a result exactly once, even when the same job is committed twice', async () => {
    await enqueueRun(db, { id: 'r1', emails: ['a@example.com'], providers: ['xposedornot'], trigger: 'manual', now: 10 });
    const [job] = await pendingJobs(db);
    const outcome = { kind: 'checked' as const, outcome: { kind: 'breached' as const, breaches: [breach('Adobe'), breach('LinkedIn')] } };
    const first = await recordJobResult(db, job!, outcome, 20);
    expect(first?.added.map((e) => e.breachId)).toEqual(['Adobe', 'LinkedIn']);
    expect(first?.runFinished).toBe(true);
    // A worker that died after committing but before forgetting the job tries again: nothing happens.
    expect(await recordJobResult(db, job!, outcome, 21)).toBeNull();
    expect(await db.count('exposures')).toBe(2);
    expect(await db.getAll('results')).toMatchObject([{ runId: 'r1', email: 'a@example.com', outcome: 'breached', newBreachIds: ['Adobe', 'LinkedIn'] }]);
    expect(await db.count('jobs')).toBe(0);
    expect((await db.get('runs', 'r1'))?.finishedAt).toBe(20);
    expect((await db.get('addresses', 'a@example.com'))?.lastOutcome).toBe('breached');
  });

  it('a later run finds nothing new in the same breaches', async () => {
    const outcome = { kind: 'checked' as const, outcome: { kind: 'breached' as const, breaches: [breach('Adobe')] } };
    await enqueueRun(db, { id: 'r1', emails: ['a@example.com'], providers: ['xposedornot'], trigger: 'manual', now: 10 });
    await recordJobResult(db, (await pendingJobs(db))[0]!, outcome, 20);
    await enqueueRun(db, { id: 'r2', emails: ['a@example.com'], providers: ['xposedornot'], trigger: 'scheduled', now: 30 });
    const second = await recordJobResult(db, (await pendingJobs(db))[0]!, outcome, 40);
    expect(second?.added).toEqual([]);
    expect(await db.getAll('exposures')).toMatchObject([{ breachId: 'Adobe', firstSeen: 20, lastSeen: 40 }]);
  });

  it('a failure keeps earlier exposures and says why', async () => {
    await enqueueRun(db, { id: 'r1', emails: ['a@example.com'], providers: ['xposedornot'], trigger: 'manual', now: 10 });
    await recordJobResult(db, (await pendingJobs(db))[0]!, { kind: 'checked', outcome: { kind: 'breached', breaches: [breach('Adobe')] } }, 20);
    await enqueueRun(db, { id: 'r2', emails: ['a@example.com'], providers: ['xposedornot'], trigger: 'manual', now: 30 });
    const failure = { kind: 'unavailable' as const, status: 503, message: '503' };
    await recordJobResult(db, (await pendingJobs(db))[0]!, { kind: 'failed', failure }, 40);
    expect(await db.count('exposures')).toBe(1);
    expect(await db.get('addresses', 'a@example.com')).toMatchObject({ lastOutcome: 'failed', lastFailure: failure, lastCheckedAt: 20 });
  });

  it('holds every job of a rate-limited provider until the retry time, and counts attempts on postponement', async () => {
    await enqueueRun(db, { id: 'r1', emails: ['a@example.com', 'b@example.com'], providers: ['xposedornot'], trigger: 'manual', now: 10 });
    const failure = { kind: 'rate-limited' as const, retryAfterMs: 5_000, message: '429' };
    await holdProvider(db, 'xposedornot', 5_000, failure);
    expect((await pendingJobs(db)).map((j) => [j.notBefore, j.attempts])).toEqual([[5_000, 0], [5_000, 0]]);
    const [job] = await pendingJobs(db);
    await postponeJob(db, job!, 9_000, { kind: 'timeout', message: 't' });
    expect((await pendingJobs(db)).map((j) => [j.email, j.notBefore, j.attempts])).toEqual([
      ['b@example.com', 5_000, 0],
      ['a@example.com', 9_000, 1],
    ]);
  });

  it('clears the job of an address removed while its check was in flight', async () => {
    await enqueueRun(db, { id: 'r1', emails: ['a@example.com'], providers: ['xposedornot'], trigger: 'manual', now: 10 });
    const [job] = await pendingJobs(db);
    await db.delete('addresses', 'a@example.com');
    await recordJobResult(db, job!, { kind: 'checked', outcome: { kind: 'clean' } }, 20);
    expect(await db.count('jobs')).toBe(0);
    expect(await db.count('results')).toBe(0);
  });

  it('a provider left behind: its queued jobs go, its emptied run is finished, the chosen provider keeps its own', async () => {
    await enqueueRun(db, { id: 'r1', emails: ['a@example.com'], providers: ['hibp'], trigger: 'manual', now: 10 });
    await enqueueRun(db, { id: 'r2', emails: ['b@example.com'], providers: ['xposedornot'], trigger: 'manual', now: 11 });
    expect(await dropJobsExcept(db, ['xposedornot'], 50)).toBe(1);
    expect((await pendingJobs(db)).map((j) => [j.runId, j.provider])).toEqual([['r2', 'xposedornot']]);
    expect((await db.get('runs', 'r1'))?.finishedAt).toBe(50);
    expect((await db.get('runs', 'r2'))?.finishedAt).toBeNull();
    // Nothing was recorded for the dropped address: it keeps what it had.
    expect(await db.count('results')).toBe(0);
    expect((await db.get('addresses', 'a@example.com'))?.lastOutcome).toBeNull();
    // "Check now" can queue that address again.
    expect(await enqueueRun(db, { id: 'r3', emails: ['a@example.com'], providers: ['xposedornot'], trigger: 'manual', now: 60 })).toHaveLength(1);
  });
});

describe('cancelRun', () => {
  it('drops the run\'s pending jobs and ends it in one step; a check already on the wire then records nothing', async () => {
    await enqueueRun(db, { id: 'r1', emails: ['a@example.com', 'b@example.com'], providers: ['xposedornot'], trigger: 'manual', now: 10 });
    const [onWire] = await pendingJobs(db);
    expect(await cancelRun(db, 'r1', 20)).toBe(2);
    expect(await pendingJobs(db)).toEqual([]);
    expect((await db.get('runs', 'r1'))?.finishedAt).toBe(20);
    expect(await recordJobResult(db, onWire!, { kind: 'checked', outcome: { kind: 'breached', breaches: [breach('Adobe')] } }, 30)).toBeNull();
    expect(await db.getAll('results')).toEqual([]);
    expect(await db.getAll('exposures')).toEqual([]);
  });

  it('cancels a check at both providers: both runs end, nothing is left queued', async () => {
    await enqueueRun(db, { id: 'c1', emails: ['a@example.com', 'b@example.com'], providers: ['xposedornot', 'hibp'], trigger: 'manual', now: 10 });
    expect(await cancelRun(db, 'c1', 20)).toBe(4);
    expect(await pendingJobs(db)).toEqual([]);
    expect((await db.getAll('runs')).map((r) => [r.id, r.finishedAt])).toEqual([['c1/hibp', 20], ['c1/xposedornot', 20]]);
  });

  it('leaves other runs alone, and does nothing to a run that has ended', async () => {
    await enqueueRun(db, { id: 'r1', emails: ['a@example.com'], providers: ['xposedornot'], trigger: 'manual', now: 10 });
    await enqueueRun(db, { id: 'r2', emails: ['b@example.com'], providers: ['xposedornot'], trigger: 'manual', now: 11 });
    expect(await cancelRun(db, 'r1', 20)).toBe(1);
    expect((await pendingJobs(db)).map((j) => j.runId)).toEqual(['r2']);
    expect(await cancelRun(db, 'r1', 30)).toBe(0);
    expect((await db.get('runs', 'r1'))?.finishedAt).toBe(20);
  });
});
