import type { ProviderFailure } from './provider-error';
import { HOUR, MINUTE, SECOND } from './pacing';

/** Waits before retrying a transient failure: soon, then less eagerly. */
export const BACKOFF_MS: readonly number[] = [30 * SECOND, 2 * MINUTE, 10 * MINUTE];

export type RetryDecision =
  /** Try this job again at `at`; a rate limit holds every job of the provider until then. */
  | { action: 'retry'; at: number; holdProvider: boolean; countAttempt: boolean }
  /** Record the failure as this address's result for the run. */
  | { action: 'fail' }
  /** The same failure would meet every queued address of this provider: record it for all. */
  | { action: 'fail-provider' };

/**
 * What to do after a failed check. `attempts` counts earlier failed tries of this job.
 * A 429 is not the job's fault, so it does not use up an attempt; its retry-after is obeyed
 * exactly (the provider already clamped absurd values to 1 s…24 h when parsing the header, see
 * core/http.ts). A redirect is treated like a lost connection: a Wi-Fi login page or a proxy
 * answers every request the same way, and usually goes away by itself.
 */
export function decideRetry(failure: ProviderFailure, attempts: number, now: number): RetryDecision {
  switch (failure.kind) {
    case 'rate-limited':
      return { action: 'retry', at: failure.retryAfterMs ?? now + MINUTE, holdProvider: true, countAttempt: false };
    case 'unauthorized':
    case 'forbidden':
      return { action: 'fail-provider' };
    case 'bad-request':
    case 'internal': // the same code would fail the same way: the user retries with Check now
      return { action: 'fail' };
    case 'unavailable':
    case 'timeout':
    case 'network':
    case 'redirected':
    case 'malformed': {
      const wait = BACKOFF_MS[attempts];
      return wait === undefined ? { action: 'fail' } : { action: 'retry', at: now + wait, holdProvider: failure.kind !== 'malformed', countAttempt: true };
    }
  }
}

/** After a failed catalog refresh: try again soon, then less eagerly, never more than 6 hours apart. */
export const CATALOG_FIRST_RETRY_MS = 5 * MINUTE;
export const CATALOG_MAX_RETRY_MS = 6 * HOUR;

/**
 * When to refresh a breach catalog again after a failed refresh. `previousMs` is the wait chosen
 * after the failure before this one (undefined after a success): the wait doubles from 5 minutes
 * up to 6 hours. The catalog is reference data and nobody waits for it, so every failure is
 * retried this way — but never before a time the provider named in Retry-After (429 or 5xx,
 * already clamped to at most 24 h), which a catalog request must obey like any other.
 */
export function decideCatalogRetry(
  failure: Pick<ProviderFailure, 'retryAfterMs'> | null,
  previousMs: number | undefined,
  now: number,
): { waitMs: number; at: number } {
  const waitMs = previousMs === undefined ? CATALOG_FIRST_RETRY_MS : Math.min(Math.max(previousMs, CATALOG_FIRST_RETRY_MS) * 2, CATALOG_MAX_RETRY_MS);
  return { waitMs, at: Math.max(now + waitMs, failure?.retryAfterMs ?? 0) };
}
