import { describe, expect, it } from 'vitest';
import { emailToUnicode, hostToUnicode, punycodeDecode } from './idn-display';
import { punycodeEncode } from './punycode';

describe('punycodeDecode', () => {
  it.each(['m\u00fcnchen', 'b\u00fccher', '\u4ed6\u4eec\u4e3a\u4ec0\u4e48\u4e0d\u8bf4\u4e2d\u6587', '3\u5e74B\u7d44\u91d1\u516b\u5148\u751f', '-> $1.00 <-', '\u{1F600}', 'caf\u00e9'])(
    'undoes the encoder for %s',
    (label) => {
      expect(punycodeDecode(punycodeEncode(label))).toBe(label);
    },
  );

  it('refuses what no encoder writes', () => {
    expect(() => punycodeDecode('bcher-kv!')).toThrow(RangeError);
    expect(() => punycodeDecode('bcher-kv')).toThrow(RangeError);
  });
});

describe('hostToUnicode and emailToUnicode', () => {
  it('shows internationalised domains in Unicode and leaves the rest as stored', () => {
    expect(hostToUnicode('xn--bcher-kva.de')).toBe('b\u00fccher.de');
    expect(hostToUnicode('shop.xn--caf-dma.example')).toBe('shop.caf\u00e9.example');
    expect(hostToUnicode('example.com')).toBe('example.com');
    expect(emailToUnicode('user@xn--bcher-kva.de')).toBe('user@b\u00fccher.de');
    expect(emailToUnicode('xn--user@example.com')).toBe('xn--user@example.com');
  });

  it('keeps a label that does not decode to a plain IDN label', () => {
    expect(hostToUnicode('xn--bcher-kv!.de')).toBe('xn--bcher-kv!.de');
    expect(hostToUnicode('xn--.de')).toBe('xn--.de');
    // Decodes to pure ASCII, or to something with a dot or an invisible format character.
    expect(hostToUnicode(`xn--${punycodeEncode('abc')}.de`)).toBe(`xn--${punycodeEncode('abc')}.de`);
    expect(hostToUnicode(`xn--${punycodeEncode('b\u00fc.cher')}.de`)).toBe(`xn--${punycodeEncode('b\u00fc.cher')}.de`);
    expect(hostToUnicode(`xn--${punycodeEncode('b\u00fc\u200bcher')}.de`)).toBe(`xn--${punycodeEncode('b\u00fc\u200bcher')}.de`);
  });
});
