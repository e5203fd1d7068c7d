import type { ProviderFailure } from './provider-error';
import { MINUTE, SECOND } from './pacing';

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
 * exactly (the provider already clamped absurd values when parsing the header).
 */
export function decideRetry(failure: ProviderFailure, attempts: number, now: number): RetryDecision {
  switch (failure.kind) {
    case 'rate-limited':
      return { action: 'retry', at: failure.retryAfterMs ?? now + MINUTE, holdProvider: true, countAttempt: false };
    case 'unauthorized':
    case 'forbidden':
      return { action: 'fail-provider' };
    case 'bad-request':
      return { action: 'fail' };
    case 'unavailable':
    case 'timeout':
    case 'network':
    case 'malformed': {
      const wait = BACKOFF_MS[attempts];
      return wait === undefined ? { action: 'fail' } : { action: 'retry', at: now + wait, holdProvider: failure.kind !== 'malformed', countAttempt: true };
    }
  }
}
