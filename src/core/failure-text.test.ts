import { describe, expect, it } from 'vitest';
import { tEn, tIt } from './i18n-test-helper';
import { describeFailure, describeKeyTestFailure, describeQuotaWait } from './failure-text';

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

  it('does not send the user to Options for a 401 from a provider that takes no key', () => {
    expect(describeFailure('xposedornot', { kind: 'unauthorized', status: 401, message: '' }, null, at, tEn)).toBe(
      'XposedOrNot refused the request as unauthorized (401). XposedOrNot needs no key, so a proxy or firewall on the way may be asking for one. Try again later.',
    );
  });

  it('asks for no ray id when the 403 carried none', () => {
    expect(describeFailure('hibp', { kind: 'forbidden', status: 403, message: '' }, null, at, tEn)).toBe(
      'Have I Been Pwned refused the request (403). Try again later; if it keeps happening, contact Have I Been Pwned.',
    );
  });

  it('says a redirect was refused, and when the queue tries again', () => {
    expect(describeFailure('hibp', { kind: 'redirected', message: '' }, Date.UTC(2026, 0, 1, 9, 5), at, tEn)).toBe(
      'Have I Been Pwned answered with a redirect to another address, which was not followed — a Wi-Fi login page or a proxy may be in the way. Trying again at 09:05.',
    );
  });
});

describe('describeKeyTestFailure', () => {
  it('says a rejected key is the key\'s fault', () => {
    expect(describeKeyTestFailure({ kind: 'unauthorized', status: 401, message: '' }, at, tEn)).toBe(
      'Have I Been Pwned rejected this key. Copy it again from your HIBP dashboard; keys are 32 characters.',
    );
  });

  it('says when the key may be tested again after a 429', () => {
    expect(describeKeyTestFailure({ kind: 'rate-limited', status: 429, retryAfterMs: Date.UTC(2026, 0, 1, 14, 32), message: '' }, at, tEn)).toBe(
      'Have I Been Pwned is limiting requests right now (429). Test the key again after 14:32.',
    );
  });

  it('promises no automatic retry for anything else', () => {
    expect(describeKeyTestFailure({ kind: 'unavailable', status: 502, message: '' }, at, tEn)).toBe(
      'Have I Been Pwned is unavailable right now (502). Check again later.',
    );
  });
});

describe('describeQuotaWait', () => {
  const at = (ms: number) => `at ${ms}`; // shadows the file's clock formatter: the time is passed through untouched
  it('names the limit and the time in plain words, whatever the pacer\'s widening', () => {
    expect(describeQuotaWait('xposedornot', { limit: 25, windowMs: 3_600_200 }, 5, at, tEn)).toBe('XposedOrNot allows 25 checks an hour; the next one goes at at 5.');
    expect(describeQuotaWait('xposedornot', { limit: 100, windowMs: 86_400_200 }, 5, at, tEn)).toMatch(/100 checks a day/);
    expect(describeQuotaWait('hibp', { limit: 10, windowMs: 60_200 }, 5, at, tEn)).toMatch(/^Have I Been Pwned allows 10 checks a minute/);
    expect(describeQuotaWait('hibp', { limit: 3, windowMs: 90_000 }, 5, at, tEn)).toMatch(/3 checks every 90 seconds/);
    expect(describeQuotaWait('xposedornot', { limit: 1, windowMs: 1_050 }, 5, at, tEn)).toBe('Waiting its turn at XposedOrNot; it goes at at 5.');
    expect(describeQuotaWait('xposedornot', { limit: 1, windowMs: 1_050 }, 5, at, tIt)).toBe('In coda per XposedOrNot; parte alle at 5.');
    expect(describeQuotaWait('xposedornot', { limit: 25, windowMs: 3_600_200 }, 5, at, tIt)).toBe('XposedOrNot consente 25 controlli all’ora; prossimo controllo: at 5.');
  });
});
