import { describe, expect, it } from 'vitest';
import { MAX_RETRY_DELAY_MS, MIN_RETRY_DELAY_MS, parseHttpDate, parseRetryAfter } from './http';

const NOW = Date.UTC(2025, 2, 10, 12, 0, 0); // Mon, 10 Mar 2025 12:00:00 GMT

describe('parseRetryAfter: delta-seconds', () => {
  it.each([
    ['2', NOW + 2_000],
    ['60', NOW + 60_000],
    [' 120 ', NOW + 120_000],
    ['1.5', NOW + 1_500],
    ['+30', NOW + 30_000],
    ['3600', NOW + 3_600_000],
  ])('%j → now + delta', (header, expected) => {
    expect(parseRetryAfter(header, NOW)).toBe(expected);
  });

  it('raises zero and negative delays to one second, so a retry never spins', () => {
    expect(parseRetryAfter('0', NOW)).toBe(NOW + MIN_RETRY_DELAY_MS);
    expect(parseRetryAfter('-5', NOW)).toBe(NOW + MIN_RETRY_DELAY_MS);
    expect(parseRetryAfter('0.2', NOW)).toBe(NOW + MIN_RETRY_DELAY_MS);
  });

  it('caps absurd delays at 24 hours', () => {
    expect(parseRetryAfter('86401', NOW)).toBe(NOW + MAX_RETRY_DELAY_MS);
    expect(parseRetryAfter('999999999999999999999999', NOW)).toBe(NOW + MAX_RETRY_DELAY_MS);
    expect(MAX_RETRY_DELAY_MS).toBe(24 * 60 * 60 * 1000);
  });
});

describe('parseRetryAfter: HTTP-dates', () => {
  it('reads IMF-fixdate', () => {
    expect(parseRetryAfter('Mon, 10 Mar 2025 12:05:00 GMT', NOW)).toBe(NOW + 5 * 60_000);
  });

  it('reads IMF-fixdate case-insensitively and with a one-digit day', () => {
    expect(parseRetryAfter('mon, 10 MAR 2025 12:00:30 gmt', NOW)).toBe(NOW + 30_000);
    expect(parseRetryAfter('Tue, 1 Apr 2025 00:00:00 GMT', NOW)).toBe(NOW + MAX_RETRY_DELAY_MS);
  });

  it('reads the obsolete RFC 850 form with a two-digit year', () => {
    expect(parseRetryAfter('Monday, 10-Mar-25 13:00:00 GMT', NOW)).toBe(NOW + 3_600_000);
    expect(parseHttpDate('Sunday, 06-Nov-94 08:49:37 GMT', NOW)).toBe(Date.UTC(1994, 10, 6, 8, 49, 37));
  });

  it('reads the asctime form as UTC', () => {
    expect(parseRetryAfter('Mon Mar 10 12:00:10 2025', NOW)).toBe(NOW + 10_000);
    expect(parseHttpDate('Sun Nov  6 08:49:37 1994', NOW)).toBe(Date.UTC(1994, 10, 6, 8, 49, 37));
  });

  it('raises a date in the past to one second from now', () => {
    expect(parseRetryAfter('Sun, 06 Nov 1994 08:49:37 GMT', NOW)).toBe(NOW + MIN_RETRY_DELAY_MS);
  });

  it('caps a date far in the future at 24 hours', () => {
    expect(parseRetryAfter('Fri, 01 Jan 2100 00:00:00 GMT', NOW)).toBe(NOW + MAX_RETRY_DELAY_MS);
  });
});

describe('parseRetryAfter: absent or garbage', () => {
  it.each([
    null,
    undefined,
    '',
    '   ',
    'soon',
    'tomorrow',
    '1e3',
    '0x10',
    '12abc',
    'NaN',
    'Infinity',
    'Mon, 10 Mar 2025 12:05:00', // no zone
    'Mon, 10 Mar 2025 12:05:00 PST',
    'Mon, 31 Feb 2025 12:05:00 GMT', // no such day
    'Mon, 10 Foo 2025 12:05:00 GMT',
    'Xyz, 10 Mar 2025 12:05:00 GMT',
    'Mon, 10 Mar 2025 25:05:00 GMT',
    '2025-03-10T12:05:00Z', // ISO is not an HTTP-date
  ])('%j → undefined', (header) => {
    expect(parseRetryAfter(header, NOW)).toBeUndefined();
  });
});
