/**
 * The hostile-input corpus: hundreds of invalid or tricky addresses. Every one is either refused
 * with a specific message, or normalised to one canonical form — and the spellings of one mailbox
 * all normalise to the same string, so a duplicate is always detected.
 */
import { describe, expect, it } from 'vitest';
import { tEn } from './i18n-test-helper';
import { normaliseEmail } from './email';

const CONTROL = [...Array(32).keys(), 127].map((c) => String.fromCharCode(c));
const INVISIBLE = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad'];
const SPACES = [' ', '\t', '\u00a0', '\u2003', '\u3000'];

/** Inputs that must be refused, each with a reason of its own. */
function invalidCorpus(): string[] {
  const out: string[] = [
    '', ' ', 'plainaddress', '@example.com', 'user@', 'user@@example.com', 'a@b@c.com', 'user@example',
    'user@.example.com', 'user@example..com', 'user@example.com.', '.user@example.com', 'user.@example.com',
    'us..er@example.com', 'user@-example.com', 'user@example-.com', 'user@exa_mple.com', 'user@[127.0.0.1]',
    'user@[IPv6:2001:db8::1]', '"quoted"@example.com', '"a b"@example.com', 'Name <user@example.com>', '<user@example.com>',
    'user@example.com, other@example.com', 'user@example.com; other@example.com', 'user@example.c', 'user@example.123',
    'üser@example.com', '用户@example.com', 'user name@example.com', 'user@exam ple.com', 'user(comment)@example.com',
    'user\\@example.com', 'a'.repeat(65) + '@example.com', 'user@' + 'a'.repeat(64) + '.com', 'user@' + 'a.'.repeat(130) + 'com',
    'a'.repeat(64) + '@' + 'b'.repeat(63) + '.' + 'c'.repeat(63) + '.' + 'd'.repeat(63) + '.com', "'user@example.com'",
    'user@example.com>', 'mailto:', 'mailto:?subject=hi', 'user@localhost', 'user@com', 'user@.com',
    'javascript:alert(1)@example.com', '<script>@example.com', 'user@<script>.com', 'user@example.com\u0000',
  ];
  for (const c of CONTROL) out.push(`us${c}er@example.com`, `user@exa${c}mple.com`);
  for (const c of INVISIBLE) out.push(`us${c}er@example.com`, `user@exa${c}mple.com`);
  // Controls other than the whitespace a paste may carry around an address.
  for (const c of CONTROL.filter((ch) => !/\s/.test(ch))) out.push(`${c}user@example.com`);
  for (const s of SPACES) out.push(`us${s}er@example.com`, `user@example${s}.com`);
  for (const ch of ['(', ')', ',', ':', ';', '<', '>', '[', ']', '\\', '"']) out.push(`us${ch}er@example.com`);
  for (const ch of ['!', '#', '$', '%', '*', '/', '=', '?', '^', '`', '{', '|', '}', '~', '&', "'"]) out.push(`user@exa${ch}mple.com`);
  return out;
}

/** Spellings of one mailbox that must all give the same canonical address. */
const SAME_MAILBOX: Array<[string, string[]]> = [
  ['alice@example.com', ['alice@example.com', 'Alice@Example.com', 'ALICE@EXAMPLE.COM', '  alice@example.com  ', '\talice@example.com\n', 'mailto:alice@example.com', 'MAILTO:Alice@example.com', 'mailto:alice@example.com?subject=Hi', '\u200balice@example.com\u200b']],
  ['bob+shop@example.org', ['bob+shop@example.org', 'Bob+Shop@Example.ORG', ' bob+shop@example.org']],
  ['carol@xn--mller-kva.de', ['carol@müller.de', 'carol@MÜLLER.de', 'carol@xn--mller-kva.de', 'Carol@XN--MLLER-KVA.DE']],
  ['dave@xn--fiqs8s.xn--fiqs8s', ['dave@中国.中国', 'DAVE@中国.中国']],
  ['d.o.t.s@example.net', ['d.o.t.s@example.net', 'D.O.T.S@example.net']],
];

describe('hostile-input corpus', () => {
  const invalid = invalidCorpus();
  const variants = SAME_MAILBOX.flatMap(([, v]) => v);

  it('has at least 200 inputs', () => {
    console.log(`email corpus: ${invalid.length} refused, ${variants.length} normalised, ${invalid.length + variants.length} inputs`);
    expect(invalid.length + variants.length).toBeGreaterThanOrEqual(200);
  });

  it('refuses every invalid input with a specific message', () => {
    const accepted: string[] = [];
    for (const input of invalid) {
      const result = normaliseEmail(input, tEn);
      if (result.ok) accepted.push(JSON.stringify(input));
      else {
        expect(result.message, JSON.stringify(input)).toMatch(/\.$/);
        expect(result.message.length, JSON.stringify(input)).toBeGreaterThan(20);
      }
    }
    expect(accepted).toEqual([]);
  });

  it('normalises every spelling of one mailbox to one canonical address', () => {
    for (const [canonical, spellings] of SAME_MAILBOX) {
      for (const spelling of spellings) {
        const result = normaliseEmail(spelling, tEn);
        expect(result, JSON.stringify(spelling)).toEqual({ ok: true, email: canonical });
      }
    }
  });

  it('never produces an address with upper case, spaces, controls or non-ASCII', () => {
    for (const input of [...invalid, ...variants]) {
      const result = normaliseEmail(input, tEn);
      if (result.ok) expect(result.email).toMatch(/^[\x21-\x7e]+$/);
      if (result.ok) expect(result.email).toBe(result.email.toLowerCase());
    }
  });
});
