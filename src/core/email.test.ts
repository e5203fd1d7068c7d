import { describe, expect, it } from 'vitest';
import { tEn } from './i18n-test-helper';
import { isSameAddress, normaliseEmail, type EmailError } from './email';

const VALID: Array<[input: string, expected: string]> = [
  ['alice@example.com', 'alice@example.com'],
  ['  alice@example.com  ', 'alice@example.com'],
  ['\talice@example.com\n', 'alice@example.com'],
  ['\u00a0alice@example.com\u00a0', 'alice@example.com'],
  ['\u200balice@example.com\ufeff', 'alice@example.com'],
  ['Alice@Example.COM', 'alice@example.com'],
  ['ALICE.SMITH@EXAMPLE.CO.UK', 'alice.smith@example.co.uk'],
  ['mailto:alice@example.com', 'alice@example.com'],
  ['MAILTO:Alice@Example.com', 'alice@example.com'],
  ['mailto:alice@example.com?subject=Hello%20there', 'alice@example.com'],
  ['mailto:alice@example.com#top', 'alice@example.com'],
  ['mailto:alice%2Bnews@example.com', 'alice+news@example.com'],
  ['mailto:100%@example.com', '100%@example.com'],
  ['alice+news@example.com', 'alice+news@example.com'],
  ['a.l.i.c.e@example.com', 'a.l.i.c.e@example.com'],
  ['first.last+tag.more@sub.example.org', 'first.last+tag.more@sub.example.org'],
  ["o'brien@example.ie", "o'brien@example.ie"],
  ['x@example.com', 'x@example.com'],
  ['1234@example.com', '1234@example.com'],
  ['!#$%&\'*+/=?^_`{|}~-@example.com', '!#$%&\'*+/=?^_`{|}~-@example.com'],
  ['user@my-domain.example', 'user@my-domain.example'],
  ['user@123.example.com', 'user@123.example.com'],
  ['user@a.b.c.d.e.example', 'user@a.b.c.d.e.example'],
  ['user@xn--mnchen-3ya.de', 'user@xn--mnchen-3ya.de'],
  ['user@m\u00fcnchen.de', 'user@xn--mnchen-3ya.de'],
  ['user@M\u00dcNCHEN.DE', 'user@xn--mnchen-3ya.de'],
  ['user@\u4f8b\u3048.\u30c6\u30b9\u30c8', 'user@xn--r8jz45g.xn--zckzah'],
  ['user@\u043f\u0440\u0438\u043c\u0435\u0440.\u0440\u0444', 'user@xn--e1afmkfd.xn--p1ai'],
  ['user@\uff45\uff58\uff41\uff4d\uff50\uff4c\uff45\uff0e\uff43\uff4f\uff4d', 'user@example.com'],
  ['user@\u4f8b\u3048\u3002\u30c6\u30b9\u30c8', 'user@xn--r8jz45g.xn--zckzah'],
  ['user@stra\u00dfe.de', 'user@xn--strae-oqa.de'],
  ['user@example.xn--p1ai', 'user@example.xn--p1ai'],
  [`${'a'.repeat(64)}@example.com`, `${'a'.repeat(64)}@example.com`],
  [`a@${'b'.repeat(63)}.com`, `a@${'b'.repeat(63)}.com`],
  // 1 + 1 + (63 + 1) * 3 + 60 = 254 characters: the longest address allowed.
  [`a@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(63)}.${'e'.repeat(60)}`, `a@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(63)}.${'e'.repeat(60)}`],
];

const INVALID: Array<[input: string, error: EmailError]> = [
  ['', 'empty'],
  ['   ', 'empty'],
  ['\u200b', 'empty'],
  ['mailto:', 'empty'],
  ['mailto:?subject=hi', 'empty'],
  ['alice', 'missing-at'],
  ['alice.example.com', 'missing-at'],
  ['alice\uff20example.com', 'missing-at'],
  ['alice@@example.com', 'multiple-at'],
  ['alice@bob@example.com', 'multiple-at'],
  ['a@b.com,c@d.com', 'multiple-addresses'],
  ['a@b.com; c@d.com', 'multiple-addresses'],
  ['a@b.com c@d.com', 'multiple-addresses'],
  ['a@b.com\nc@d.com', 'multiple-addresses'],
  ['@example.com', 'empty-local'],
  ['alice@', 'empty-domain'],
  ['@', 'empty-local'],
  ['ali ce@example.com', 'whitespace-inside'],
  ['alice@exa mple.com', 'whitespace-inside'],
  ['alice @example.com', 'whitespace-inside'],
  ['alice@\u00a0example.com', 'whitespace-inside'],
  ['ali\tce@example.com', 'whitespace-inside'],
  ['ali\u0000ce@example.com', 'control-char'],
  ['alice@exa\u0007mple.com', 'control-char'],
  ['ali\u0085ce@example.com', 'control-char'],
  ['ali\ud800ce@example.com', 'control-char'],
  ['ali\u200bce@example.com', 'invisible-char'],
  ['alice@exam\u00adple.com', 'invisible-char'],
  ['alice\u202e@example.com', 'invisible-char'],
  ['al\u00efce@example.com', 'unicode-local'],
  ['\u0430lice@example.com', 'unicode-local'],
  ['\uff41lice@example.com', 'unicode-local'],
  ['ali(ce)@example.com', 'invalid-local-char'],
  ['ali,ce@example.com', 'invalid-local-char'],
  ['ali:ce@example.com', 'invalid-local-char'],
  ['ali[ce]@example.com', 'invalid-local-char'],
  ['ali\\ce@example.com', 'invalid-local-char'],
  ['ali>ce@example.com', 'invalid-local-char'],
  ['.alice@example.com', 'leading-or-trailing-dot'],
  ['alice.@example.com', 'leading-or-trailing-dot'],
  ['alice@.example.com', 'leading-or-trailing-dot'],
  ['alice@example.com.', 'leading-or-trailing-dot'],
  ['al..ice@example.com', 'consecutive-dots'],
  ['alice@example..com', 'consecutive-dots'],
  ['alice@localhost', 'domain-no-dot'],
  ['alice@com', 'domain-no-dot'],
  ['alice@-example.com', 'domain-label-invalid'],
  ['alice@example-.com', 'domain-label-invalid'],
  ['alice@exa_mple.com', 'domain-label-invalid'],
  ['alice@exa!mple.com', 'domain-label-invalid'],
  ['alice@example.com/path', 'domain-label-invalid'],
  ['alice@example.com:25', 'domain-label-invalid'],
  ['alice@\u{1F600}.com', 'domain-label-invalid'],
  ['alice@\u0301abc.com', 'domain-label-invalid'],
  [`alice@${'b'.repeat(64)}.com`, 'domain-label-too-long'],
  // Short in Unicode, over 63 characters once Punycode-encoded.
  [`alice@${Array.from({ length: 30 }, (_, i) => String.fromCodePoint(0x4e00 + i * 37)).join('')}.com`, 'domain-label-too-long'],
  ['alice@example.123', 'invalid-tld'],
  ['alice@127.0.0.1', 'ip-literal-domain'],
  ['alice@[127.0.0.1]', 'ip-literal-domain'],
  ['alice@[IPv6:2001:db8::1]', 'ip-literal-domain'],
  [`${'a'.repeat(65)}@example.com`, 'local-too-long'],
  [`a@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(63)}.${'e'.repeat(61)}`, 'too-long'],
  [`${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(63)}.com`, 'too-long'],
  [`${'a'.repeat(2000)}@example.com`, 'too-long'],
  ['Alice Smith <alice@example.com>', 'display-name'],
  ['"Alice Smith" <alice@example.com>', 'display-name'],
  ['<alice@example.com>', 'display-name'],
  ['mailto:Alice <alice@example.com>', 'display-name'],
  ['"alice@example.com"', 'surrounding-quotes'],
  ['\u201calice@example.com\u201d', 'surrounding-quotes'],
  ["'alice@example.com'", 'surrounding-quotes'],
  ['"alice smith"@example.com', 'quoted-local'],
  ['"alice"@example.com', 'quoted-local'],
  ['alice."smith"@example.com', 'quoted-local'],
];

describe('normaliseEmail: valid addresses', () => {
  it.each(VALID)('%j → %s', (input, expected) => {
    expect(normaliseEmail(input, tEn)).toEqual({ ok: true, email: expected });
  });

  it.each(VALID)('is idempotent for %j', (input) => {
    const once = normaliseEmail(input, tEn);
    if (!once.ok) throw new Error(`expected ${input} to be valid`);
    expect(normaliseEmail(once.email, tEn)).toEqual(once);
  });

  it('agrees with the URL parser on IDN domains', () => {
    for (const domain of ['m\u00fcnchen.de', '\u4f8b\u3048.\u30c6\u30b9\u30c8', 'caf\u00e9.fr', '\u00e7a-va.example', '\u0441\u0430\u0439\u0442.\u0440\u0444']) {
      const result = normaliseEmail(`x@${domain}`, tEn);
      expect(result).toEqual({ ok: true, email: `x@${new URL(`http://${domain}`).hostname}` });
    }
  });
});

describe('normaliseEmail: invalid input', () => {
  it('has at least 60 cases', () => {
    expect(INVALID.length + VALID.length).toBeGreaterThanOrEqual(60);
    expect(INVALID.length).toBeGreaterThanOrEqual(60);
  });

  it.each(INVALID)('%j → %s', (input, error) => {
    const result = normaliseEmail(input, tEn);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toBe(error);
    // Every refusal explains itself in a full sentence.
    expect(result.message).toMatch(/^[A-Z].{15,}[.]$/s);
  });

  it('tells a display-name paste which part to keep', () => {
    const result = normaliseEmail('Alice Smith <alice@example.com>', tEn);
    expect(result.ok || result.message).toContain('alice@example.com');
    expect(result.ok || result.message).toMatch(/paste only the address/i);
  });

  it('explains why quoted local parts are refused', () => {
    const result = normaliseEmail('"alice smith"@example.com', tEn);
    expect(result.ok || result.message).toMatch(/not supported by breach providers/);
  });

  it('names the offending character, by code point when it is invisible', () => {
    const comma = normaliseEmail('ali,ce@example.com', tEn);
    expect(comma.ok || comma.message).toContain('","');
    const zwsp = normaliseEmail('ali\u200bce@example.com', tEn);
    expect(zwsp.ok || zwsp.message).toContain('U+200B');
    const nonAscii = normaliseEmail('jos\u00e9@example.com', tEn);
    expect(nonAscii.ok || nonAscii.message).toContain('"\u00e9"');
  });

  it('points at a full-width at sign', () => {
    const result = normaliseEmail('alice\uff20example.com', tEn);
    expect(result.ok || result.message).toMatch(/full-width/);
  });

  it('says which end of the domain has the stray dot', () => {
    const result = normaliseEmail('alice@example.com.', tEn);
    expect(result.ok || result.message).toMatch(/end/);
  });

  it('never throws, whatever the input', () => {
    const junk = ['\u0000', '@@@', '....@....', 'mailto:%E0%A4%A', '<>', '"', '\ud83d', 'a@\u3002', 'a@b.\u00a8', 'xn--@xn--.xn--'];
    for (const input of junk) expect(() => normaliseEmail(input, tEn)).not.toThrow();
  });
});

describe('isSameAddress', () => {
  it('compares normalised forms', () => {
    expect(isSameAddress('Alice@Example.com', ' alice@example.com ')).toBe(true);
    expect(isSameAddress('mailto:alice@example.com', 'ALICE@EXAMPLE.COM')).toBe(true);
    expect(isSameAddress('x@m\u00fcnchen.de', 'x@xn--mnchen-3ya.de')).toBe(true);
  });

  it('keeps +tags and dots apart: they are different accounts to a breach database', () => {
    expect(isSameAddress('alice+news@example.com', 'alice@example.com')).toBe(false);
    expect(isSameAddress('a.lice@example.com', 'alice@example.com')).toBe(false);
  });

  it('is false when either side is not an address', () => {
    expect(isSameAddress('nonsense', 'nonsense')).toBe(false);
    expect(isSameAddress('alice@example.com', '')).toBe(false);
  });
});
