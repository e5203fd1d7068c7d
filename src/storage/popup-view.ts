import type { IDBPTransaction, StoreNames } from 'idb';
import type { Breach, ProviderId } from '../core/breach';
import { blockingRule, horizon, queueSlots, type RateRule } from '../core/pacing';
import { rulesFor } from '../core/provider-registry';
import type { Settings } from '../core/settings';
import type { AddressView, PopupState, RunView } from '../messages';
import { checkIdOf } from '../core/check-run';
import { incidentBreach, sourcesOf } from '../core/incident-sources';
import type { CheckJob, Db, ExposureDb } from './schema';
import { localDateOf } from '../core/rights/deadline';
import { requestDue, requestStatus, type RightsRequest } from '../core/rights/request';

/** The requests (#13) whose due date passed unanswered, oldest due first: the popup says so. */
function overdueOf(requests: readonly RightsRequest[], today: string): PopupState['overdueRequests'] {
  return requests
    .filter((r) => requestStatus(r, today) === 'overdue')
    .map((r) => ({ entry: r.entry, organisation: r.organisation, due: requestDue(r) }))
    .sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0));
}

/** How many exposures per address the popup lists (the most recently found); the rest are a click away in the history. */
const POPUP_EXPOSURES = 5;

type ReadTx = IDBPTransaction<ExposureDb, Array<StoreNames<ExposureDb>>, 'readonly'>;

/** Everything the popup shows, read in one pass (the storage-full flag, kept outside the database, is added by the caller). */
export async function popupState(store: Db, settings: Settings, now: number): Promise<Omit<PopupState, 'storageFull'>> {
  // One readonly transaction for everything: a snapshot, and no per-record transaction overhead.
  const tx = store.transaction(['addresses', 'jobs', 'runs', 'notices', 'exposures', 'breaches', 'results', 'requests', 'trails', 'rightsRequests']);
  const [addresses, jobs, runCursor, notices, trails] = await Promise.all([
    tx.objectStore('addresses').getAll(),
    tx.objectStore('jobs').getAll(),
    tx.objectStore('runs').index('by-started').openCursor(null, 'prev'),
    tx.objectStore('notices').getAll(),
    // A few hundred at most: read whole, like the notices.
    tx.objectStore('trails').getAll(),
  ]);
  const run = runCursor?.value;
  addresses.sort((a, b) => a.addedAt - b.addedAt);
  jobs.sort((a, b) => a.notBefore - b.notBefore || a.enqueuedAt - b.enqueuedAt);
  // An address queued at several providers shows the job that goes first.
  const jobByEmail = new Map<string, CheckJob>();
  for (const j of jobs) if (!jobByEmail.has(j.email)) jobByEmail.set(j.email, j);
  const { slots, quotas, onWire } = await slotsOf(tx, jobs, settings, now);
  const breachOf = breachReader(tx);

  const views: AddressView[] = await Promise.all(
    addresses.map(async (address) => {
      const job = jobByEmail.get(address.email);
      return {
        // The counts come with the address record: nothing here grows with the history.
        ...address,
        exposures: await newestExposures(tx, address.email, breachOf),
        notices: notices.filter((n) => n.email === address.email).sort((a, b) => b.date.localeCompare(a.date)),
        trails: trails.filter((tr) => tr.email === address.email && tr.state !== 'resolved').sort((a, b) => b.createdAt - a.createdAt),
        job: job ? jobView(job, slots.get(job) ?? job.notBefore, onWire.has(job), quotas.get(job) ?? null, now) : null,
      };
    }),
  );

  let runView: RunView | null = null;
  if (run) {
    // The runs of one check (one per provider) are shown as one.
    const check = checkIdOf(run.id);
    const runs = (await tx.objectStore('runs').index('by-started').getAll(run.startedAt)).filter((r) => checkIdOf(r.id) === check);
    const done = await Promise.all(runs.map((r) => tx.objectStore('results').count(IDBKeyRange.bound([r.id], [r.id, []]))));
    const ids = new Set(runs.map((r) => r.id));
    const left = jobs.filter((j) => ids.has(j.runId));
    const finished = runs.every((r) => r.finishedAt !== null) ? Math.max(...runs.map((r) => r.finishedAt ?? 0)) : null;
    runView = {
      id: check,
      providers: runs.map((r) => r.provider),
      startedAt: run.startedAt,
      finishedAt: finished,
      total: runs.reduce((sum, r) => sum + r.emails.length, 0),
      done: done.reduce((sum, n) => sum + n, 0),
      estimatedEnd: left.length > 0 ? Math.max(...left.map((j) => slots.get(j) ?? j.notBefore)) : finished,
    };
  }
  const overdueRequests = overdueOf(await tx.objectStore('rightsRequests').getAll(), localDateOf(now));
  return { providers: settings.providers, hasApiKey: settings.hibpApiKey !== '', addresses: views, run: runView, overdueRequests };
}

/** A check's request counts as on the wire this long: past the 25 s a lookup is given up after. */
const ON_WIRE_MS = 30_000;

/**
 * When each queued job is expected to go out (its retry time, and its turn under the provider's
 * pace), the limit that holds each back (when one does), and the addresses whose request is on the wire: one
 * sent in the last ON_WIRE_MS for a job not put off since (a job is deleted when its answer is
 * recorded, and moved past the request when it failed).
 */
async function slotsOf(tx: ReadTx, jobs: readonly CheckJob[], settings: Settings, now: number) {
  const slots = new Map<CheckJob, number>();
  const quotas = new Map<CheckJob, RateRule>();
  const onWire = new Set<CheckJob>();
  for (const provider of new Set(jobs.map((j) => j.provider))) {
    const rules = rulesFor(provider, settings) ?? [];
    const records = (await tx.objectStore('requests').index('by-provider').getAll(provider)).filter((r) => r.at > now - horizon(rules));
    const queue = jobs.filter((j) => j.provider === provider);
    for (const job of queue) {
      if (records.some((r) => r.email === job.email && r.at > now - ON_WIRE_MS && r.at >= job.notBefore)) onWire.add(job);
    }
    const sent = records.map((r) => r.at);
    // A job on the wire has its slot already (its request is among those sent): the rest queue behind.
    const waiting = queue.filter((j) => !onWire.has(j));
    const times = [...sent];
    queueSlots(rules, sent, waiting, now).forEach((at, i) => {
      const job = waiting[i]!;
      slots.set(job, at);
      // The limit is the reason only when it holds the job past its own retry time.
      if (at > job.notBefore) {
        const rule = blockingRule(rules, times, at, Math.max(now, job.notBefore));
        if (rule) quotas.set(job, rule);
      }
      times.push(at);
    });
  }
  return { slots, quotas, onWire };
}

/**
 * "Checking…" only for a job whose request is on the wire or whose turn has come (a second's
 * grace: the pump is about to send it); one that waits for a retry time or for the provider's
 * limit says until when, and which limit. The head of the queue is judged like the rest: with the
 * hour's quota spent, nothing is sent for it either.
 */
function jobView(job: CheckJob, at: number, onWire: boolean, rule: RateRule | null, now: number): AddressView['job'] {
  const waiting = !onWire && at > now + 1_000;
  if (!waiting) return { state: 'queued', provider: job.provider, notBefore: job.notBefore, failure: job.lastFailure, quota: null };
  return { state: 'waiting', provider: job.provider, notBefore: at, failure: job.lastFailure, quota: rule && { limit: rule.limit, windowMs: rule.windowMs } };
}

/**
 * The address's newest exposures as the popup lists them: the latest found first and, among those
 * found by the same check (the same firstSeen), the latest breach first. One check finds many at
 * once, so the cut is made by first sighting: everything found at or after the POPUP_EXPOSURES-th
 * newest is read — those, and the ones tied with it — and then sorted by breach date. A handful of
 * reads, however many exposures are stored.
 */
async function newestExposures(tx: ReadTx, email: string, breachOf: (provider: ProviderId, id: string) => Promise<Breach | null>): Promise<AddressView['exposures']> {
  const index = tx.objectStore('exposures').index('by-email-first-seen');
  let cursor = await index.openKeyCursor(IDBKeyRange.bound([email, -Infinity], [email, Infinity]), 'prev');
  if (cursor) cursor = await cursor.advance(POPUP_EXPOSURES - 1);
  // Fewer than POPUP_EXPOSURES stored: all of them.
  const from = cursor ? cursor.key[1] : -Infinity;
  const candidates = await index.getAll(IDBKeyRange.bound([email, from], [email, Infinity]));
  // An incident several providers report is shown from all their records (the fullest date wins).
  const joined = await Promise.all(
    candidates.map(async (exposure) => ({
      exposure,
      breach: incidentBreach(await Promise.all(sourcesOf(exposure).map((s) => breachOf(s.provider, s.breachId)))),
    })),
  );
  return joined
    .sort((a, b) => b.exposure.firstSeen - a.exposure.firstSeen || (b.breach?.breachDate ?? '').localeCompare(a.breach?.breachDate ?? ''))
    .slice(0, POPUP_EXPOSURES);
}

/** Breach records as the popup shows them, each read once however many addresses were in it. */
function breachReader(tx: ReadTx): (provider: ProviderId, id: string) => Promise<Breach | null> {
  const read = new Map<string, Promise<Breach | null>>();
  return (provider, id) => {
    const key = `${provider}\u0000${id}`;
    let pending = read.get(key);
    if (!pending) {
      pending = tx.objectStore('breaches').get([provider, id]).then((breach) => (breach ? slim(breach) : null));
      read.set(key, pending);
    }
    return pending;
  };
}

/** What the popup shows of a breach: the long provider description stays behind. */
const slim = (breach: Breach): Breach => ({ ...breach, description: '' });
