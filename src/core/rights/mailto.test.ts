import { describe, expect, it } from 'vitest';
import { composeLetter } from './letter';
import { mailtoHref } from './mailto';

/** The decoded value of one header of a mailto URI, read the way RFC 6068 says to. */
function header(href: string, name: string): string | undefined {
  const query = href.slice(href.indexOf('?') + 1);
  const pair = query.split('&').find((p) => p.startsWith(`${name}=`));
  return pair === undefined ? undefined : decodeURIComponent(pair.slice(name.length + 1));
}

describe('mailtoHref (RFC 6068)', () => {
  it('encodes spaces as %20 and line breaks as %0D%0A', () => {
    expect(mailtoHref('privacy@shop.example', 'a b', 'line 1\nline 2')).toBe(
      'mailto:privacy@shop.example?subject=a%20b&body=line%201%0D%0Aline%202',
    );
    expect(mailtoHref('privacy@shop.example', 's', 'one\r\ntwo\rthree')).toContain('body=one%0D%0Atwo%0D%0Athree');
  });

  it('encodes the characters that would end or split a header', () => {
    const body = 'a&b=c?d#e%f+g';
    const href = mailtoHref('privacy@shop.example', 'x', body);
    expect(href).toContain('body=a%26b%3Dc%3Fd%23e%25f%2Bg');
    expect(href.split('?')).toHaveLength(2);
    expect(href).not.toContain('#');
    expect(header(href, 'body')).toBe(body);
  });

  it('encodes non-ASCII text as UTF-8', () => {
    const href = mailtoHref('privacy@shop.example', 'Perché', 'è già così');
    expect(href).toContain('subject=Perch%C3%A9');
    expect(header(href, 'body')).toBe('è già così');
  });

  it('keeps the recipient’s @ and encodes what else the user typed', () => {
    expect(mailtoHref(' dpo+gdpr@shop.example ', 's', 'b').startsWith('mailto:dpo%2Bgdpr@shop.example?')).toBe(true);
    expect(mailtoHref('a%b@shop.example', 's', 'b').startsWith('mailto:a%25b@shop.example?')).toBe(true);
  });

  it('refuses a recipient that is not an address', () => {
    for (const bad of ['', 'privacy', '@shop.example', 'privacy@']) {
      expect(() => mailtoHref(bad, 's', 'b')).toThrow(RangeError);
    }
  });

  it('carries the whole Italian letter, byte for byte once decoded', () => {
    const letter = composeLetter({
      lawId: 'eu-gdpr', language: 'it', email: 'mario.rossi@example.com', organisation: 'Amazon', source: 'notice',
      date: '2018-11-21', dataClasses: ['Indirizzi email', 'Nomi'], erasure: true, objection: true,
    });
    const href = mailtoHref('privacy@amazon.example', letter.subject, letter.body);
    expect(header(href, 'subject')).toBe(letter.subject);
    expect(header(href, 'body')).toBe(letter.body.replace(/\n/g, '\r\n'));
    expect(href).toContain('Regolamento%20(UE)%202016%2F679');
    expect(href).toContain('mario.rossi%40example.com');
  });
});
