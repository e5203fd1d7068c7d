import { describe, expect, it } from 'vitest';
import { BACKOFF_MS, decideRetry } from './retry-policy';

const NOW = 1_700_000_000_000;

describe('decideRetry', () => {
  it('obeys retry-after exactly and holds the whole provider, without spending an attempt', () => {
    expect(decideRetry({ kind: 'rate-limited', retryAfterMs: NOW + 14_000, message: '' }, 2, NOW)).toEqual({
      action: 'retry', at: NOW + 14_000, holdProvider: true, countAttempt: false,
    });
  });

  it('waits a minute on a 429 that names no time', () => {
    expect(decideRetry({ kind: 'rate-limited', message: '' }, 0, NOW)).toMatchObject({ at: NOW + 60_000 });
  });

  it('backs off transient failures, then gives up', () => {
    for (const kind of ['unavailable', 'timeout', 'network', 'redirected', 'malformed'] as const) {
      BACKOFF_MS.forEach((wait, attempts) => {
        expect(decideRetry({ kind, message: '' }, attempts, NOW)).toMatchObject({ action: 'retry', at: NOW + wait, countAttempt: true });
      });
      expect(decideRetry({ kind, message: '' }, BACKOFF_MS.length, NOW)).toEqual({ action: 'fail' });
    }
  });

  it('holds the whole provider for a failure every request would meet, but not for one unreadable answer', () => {
    for (const kind of ['unavailable', 'timeout', 'network', 'redirected'] as const) {
      expect(decideRetry({ kind, message: '' }, 0, NOW)).toMatchObject({ holdProvider: true });
    }
    expect(decideRetry({ kind: 'malformed', message: '' }, 0, NOW)).toMatchObject({ holdProvider: false });
  });

  it('fails every queued address when the key or user agent is refused', () => {
    expect(decideRetry({ kind: 'unauthorized', status: 401, message: '' }, 0, NOW)).toEqual({ action: 'fail-provider' });
    expect(decideRetry({ kind: 'forbidden', status: 403, message: '' }, 0, NOW)).toEqual({ action: 'fail-provider' });
  });

  it('fails only the one address the provider refused as malformed', () => {
    expect(decideRetry({ kind: 'bad-request', status: 400, message: '' }, 0, NOW)).toEqual({ action: 'fail' });
  });
});
