import { describe, expect, it } from 'vitest';
import { tEn } from './i18n-test-helper';
import { countForSuffix, describePasswordCheckFailure, isRangeAnswer, isRangePrefix, parseRangeResponse, sha1Split, toHex } from './pwned-passwords';
import type { ProviderErrorKind } from './provider-error';

/** SHA-1("password"), the test vector everyone knows. */
const PASSWORD_SHA1 = '5BAA61E4C9B93F3F0682250B6CF8331B7EE68FD8';
const PASSWORD_SUFFIX = '1E4C9B93F3F0682250B6CF8331B7EE68FD8';

/**
 * Shaped like a real GET /range/5BAA6 answer with Add-Padding: true — upper-case 35-hex
 * suffixes, sorted, `SUFFIX:COUNT`, CRLF-separated, no trailing newline, padding lines with
 * count 0 mixed in (a real one has 800–1,000 lines).
 */
const RANGE_5BAA6 = [
  '0018A45C4D1DEF81644B54AB7F969B88D65:10',
  '00D4F6E8FA6EECAD2A3AA415EEC418D38EC:2',
  '011053FD0102E94D6AE2F8B83D76FAF94F6:0',
  '012A7CA357541F0AC487871FEEC1891C49C:2',
  '0136E006E24E7D152139815FB0FC6A50B15:3',
  '01A85766CD276B17DE6DA022AA3CADAC3CE:0',
  '1E2AAA439972480CEC7F16C795BBB429372:1',
  '1E3687A61BFCE35F69B7408158101C8E414:1',
  '1E4C9B93F3F0682250B6CF8331B7EE68FD8:10434004',
  '1E4C9B93F3F0682250B6CF8331B7EE68FD9:0',
  '1F2B668E8AABEF1C59E9EC6F82E3F3CD786:1',
  '20597F5AC10A2F67701B4AD1D3A09F72250:3',
  '20AEBCE40E55EDA1CE07D175EC293150A7E:1',
  '20FFB975547F6A33C2882CFF8CE2BC49720:1',
  'FFE6B5FE5A4A41D8D5A1D3B2D5A2E5DF1AA:0',
  'FFF983A91443AE72BD98E59ADAB93B31974:2',
].join('\r\n');

describe('sha1Split', () => {
  it('splits the SHA-1 of "password" into the 5-character prefix and the 35-character suffix', () => {
    expect(sha1Split(PASSWORD_SHA1)).toEqual({ prefix: '5BAA6', suffix: PASSWORD_SUFFIX });
  });

  it('upper-cases a lower-case digest', () => {
    expect(sha1Split(PASSWORD_SHA1.toLowerCase())).toEqual({ prefix: '5BAA6', suffix: PASSWORD_SUFFIX });
  });

  it('refuses anything but 40 hex characters', () => {
    for (const bad of ['', '5BAA6', `${PASSWORD_SHA1}0`, PASSWORD_SHA1.slice(1), `${PASSWORD_SHA1.slice(0, 39)}G`, ` ${PASSWORD_SHA1.slice(1)}`]) {
      expect(() => sha1Split(bad)).toThrow();
    }
  });

  it('matches Web Crypto: SHA-1("password") hashed, hexed and split', async () => {
    const digest = await crypto.subtle.digest('SHA-1', new TextEncoder().encode('password'));
    expect(toHex(digest)).toBe(PASSWORD_SHA1);
    expect(sha1Split(toHex(digest)).prefix).toBe('5BAA6');
  });
});

describe('toHex / isRangePrefix', () => {
  it('writes two upper-case hex digits per byte, zero-padded', () => {
    expect(toHex(new Uint8Array([0, 1, 0xab, 0xff]))).toBe('0001ABFF');
    expect(toHex(new Uint8Array([]).buffer)).toBe('');
  });

  it('accepts exactly 5 upper-case hex characters as a range prefix', () => {
    expect(isRangePrefix('5BAA6')).toBe(true);
    expect(isRangePrefix('5baa6')).toBe(false);
    expect(isRangePrefix('5BAA')).toBe(false);
    expect(isRangePrefix('5BAA61')).toBe(false);
    expect(isRangePrefix('5BAG6')).toBe(false);
  });
});

describe('parseRangeResponse', () => {
  it('reads the real CRLF format and drops the padding lines (count 0)', () => {
    const counts = parseRangeResponse(RANGE_5BAA6);
    expect(counts.size).toBe(12);
    expect(counts.get(PASSWORD_SUFFIX)).toBe(10_434_004);
    expect(counts.get('0018A45C4D1DEF81644B54AB7F969B88D65')).toBe(10);
    expect(counts.has('011053FD0102E94D6AE2F8B83D76FAF94F6')).toBe(false);
    expect(counts.has('1E4C9B93F3F0682250B6CF8331B7EE68FD9')).toBe(false);
    expect([...counts.values()].every((n) => n > 0)).toBe(true);
  });

  it('reads LF-only and lower-case answers the same way, keyed upper case', () => {
    const lf = parseRangeResponse(RANGE_5BAA6.replace(/\r\n/g, '\n').toLowerCase());
    expect(lf).toEqual(parseRangeResponse(RANGE_5BAA6));
    expect(lf.get(PASSWORD_SUFFIX)).toBe(10_434_004);
  });

  it('tolerates a trailing newline, blank lines and surrounding blanks', () => {
    const counts = parseRangeResponse(`\r\n  ${PASSWORD_SUFFIX} : 7 \r\n\r\n`);
    expect([...counts]).toEqual([[PASSWORD_SUFFIX, 7]]);
  });

  it('skips malformed lines instead of failing', () => {
    const text = [
      '<html>Gateway error</html>',
      `${PASSWORD_SUFFIX.slice(1)}:5`, // 34 characters
      `${PASSWORD_SUFFIX}0:5`, // 36 characters
      `${PASSWORD_SUFFIX}:`, // no count
      `${PASSWORD_SUFFIX}:-3`, // negative
      `${PASSWORD_SUFFIX}:1.5`, // not whole
      `${PASSWORD_SUFFIX}:99999999999999999999`, // beyond a safe integer
      `${PASSWORD_SUFFIX.slice(0, 34)}Z:5`, // not hex
      `${PASSWORD_SUFFIX};5`,
      '20597F5AC10A2F67701B4AD1D3A09F72250:3',
    ].join('\r\n');
    expect([...parseRangeResponse(text)]).toEqual([['20597F5AC10A2F67701B4AD1D3A09F72250', 3]]);
  });

  it('gives an empty map for an empty answer', () => {
    expect(parseRangeResponse('').size).toBe(0);
  });
});

describe('countForSuffix', () => {
  it('finds the count for the suffix, in either case', () => {
    expect(countForSuffix(RANGE_5BAA6, PASSWORD_SUFFIX)).toBe(10_434_004);
    expect(countForSuffix(RANGE_5BAA6, PASSWORD_SUFFIX.toLowerCase())).toBe(10_434_004);
  });

  it('is 0 for a suffix that is absent, or present only as padding', () => {
    expect(countForSuffix(RANGE_5BAA6, 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA')).toBe(0);
    expect(countForSuffix(RANGE_5BAA6, '1E4C9B93F3F0682250B6CF8331B7EE68FD9')).toBe(0);
  });

  it('refuses a suffix that is not 35 hex characters', () => {
    expect(() => countForSuffix(RANGE_5BAA6, PASSWORD_SHA1)).toThrow();
    expect(() => countForSuffix(RANGE_5BAA6, '')).toThrow();
  });
});

describe('isRangeAnswer', () => {
  it('accepts a real answer, padded or not, with CRLF or LF and a trailing line break', () => {
    expect(isRangeAnswer(RANGE_5BAA6)).toBe(true);
    expect(isRangeAnswer(`${RANGE_5BAA6.replace(/\r\n/g, '\n')}\n`)).toBe(true);
  });

  it('refuses what would otherwise read as "not found": nothing, HTML, JSON, an answer cut mid-line', () => {
    expect(isRangeAnswer('')).toBe(false);
    expect(isRangeAnswer('\r\n  \r\n')).toBe(false);
    expect(isRangeAnswer('<!doctype html><title>Log in to the Wi-Fi</title>')).toBe(false);
    expect(isRangeAnswer('{"HashSuffix":"1E4C9B93F3F0682250B6CF8331B7EE68FD8","Count":3}')).toBe(false);
    const cut = RANGE_5BAA6.slice(0, RANGE_5BAA6.indexOf(PASSWORD_SUFFIX) + 20);
    expect(isRangeAnswer(cut)).toBe(false);
  });
});

describe('describePasswordCheckFailure', () => {
  const when = (ms: number) => `<${new Date(ms).toISOString().slice(11, 16)}>`;

  it('says what happened and what to do, for every kind', () => {
    expect(describePasswordCheckFailure({ kind: 'rate-limited', status: 429 }, tEn, when)).toBe(
      'Pwned Passwords is receiving too many requests (HTTP 429). Wait a minute, then try again.',
    );
    expect(describePasswordCheckFailure({ kind: 'unavailable', status: 503 }, tEn, when)).toBe('Pwned Passwords is unavailable right now (HTTP 503). Try again later.');
    expect(describePasswordCheckFailure({ kind: 'timeout' }, tEn, when)).toBe('Pwned Passwords did not answer in time. Try again.');
    expect(describePasswordCheckFailure({ kind: 'network' }, tEn, when)).toContain('check your connection');
    expect(describePasswordCheckFailure({ kind: 'redirected' }, tEn, when)).toBe(
      'Pwned Passwords answered with a redirect to another address, which was not followed — a Wi-Fi login page or a proxy may be in the way. Try again later.',
    );
    const kinds: ProviderErrorKind[] = ['unauthorized', 'forbidden', 'bad-request', 'rate-limited', 'unavailable', 'timeout', 'network', 'redirected', 'malformed'];
    for (const kind of kinds) expect(describePasswordCheckFailure({ kind }, tEn, when)).toMatch(/^(Pwned Passwords|Could not reach Pwned Passwords) .+\.$/);
  });

  it('names the time the provider asked to wait until', () => {
    expect(describePasswordCheckFailure({ kind: 'rate-limited', status: 429, retryAfterMs: Date.UTC(2025, 2, 11, 9, 30) }, tEn, when)).toBe(
      'Pwned Passwords is receiving too many requests (HTTP 429). Try again after <09:30>.',
    );
  });
});
