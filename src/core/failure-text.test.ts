import { describe, expect, it } from 'vitest';
import { tEn } from './i18n-test-helper';
import { describeFailure } from './failure-text';

const at = (ms: number) => new Date(ms).toISOString().slice(11, 16);

describe('describeFailure', () => {
  it('sends a rejected key to Options', () => {
    expect(describeFailure('hibp', { kind: 'unauthorized', status: 401, message: '' }, null, at, tEn)).toBe(
      'Have I Been Pwned rejected the API key — check it in Options.',
    );
  });

  it('gives the time of the next try when rate limited', () => {
    expect(describeFailure('hibp', { kind: 'rate-limited', status: 429, message: '' }, Date.UTC(2026, 0, 1, 14, 32), at, tEn)).toBe(
      'Rate limited by Have I Been Pwned — next try at 14:32.',
    );
  });

  it('quotes the Cloudflare ray id of a 403', () => {
    expect(describeFailure('hibp', { kind: 'forbidden', status: 403, rayId: '8abc-LHR', message: '' }, null, at, tEn)).toContain('Cloudflare ray 8abc-LHR');
  });

  it('says whether an outage will be retried by itself', () => {
    expect(describeFailure('xposedornot', { kind: 'unavailable', status: 503, message: '' }, Date.UTC(2026, 0, 1, 9, 5), at, tEn)).toBe(
      'XposedOrNot is unavailable right now (503). Trying again at 09:05.',
    );
    expect(describeFailure('xposedornot', { kind: 'timeout', message: '' }, null, at, tEn)).toBe('XposedOrNot did not answer in time. Check again later.');
  });
});
