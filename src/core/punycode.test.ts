import { describe, expect, it } from 'vitest';
import { labelToAscii, punycodeEncode } from './punycode';

describe('punycodeEncode', () => {
  // Sample strings from RFC 3492 section 7.1 (the RFC shows mixed case; only the basic code
  // points keep their case, the encoded digits here are lower case).
  it.each([
    ['\u0644\u064a\u0647\u0645\u0627\u0628\u062a\u0643\u0644\u0645\u0648\u0634\u0639\u0631\u0628\u064a\u061f', 'egbpdaj6bu4bxfgehfvwxn'],
    ['\u4ed6\u4eec\u4e3a\u4ec0\u4e48\u4e0d\u8bf4\u4e2d\u6587', 'ihqwcrb4cv8a8dqg056pqjye'],
    ['\u4ed6\u5011\u7232\u4ec0\u9ebd\u4e0d\u8aaa\u4e2d\u6587', 'ihqwctvzc91f659drss3x8bo0yb'],
    ['Pro\u010dprost\u011bnemluv\u00ed\u010desky', 'Proprostnemluvesky-uyb24dma41a'],
    ['3\u5e74B\u7d44\u91d1\u516b\u5148\u751f', '3B-ww4c5e180e575a65lsy2b'],
    ['\u5b89\u5ba4\u5948\u7f8e\u6075-with-SUPER-MONKEYS', '-with-SUPER-MONKEYS-pc58ag80a8qai00g7n9n'],
    ['Hello-Another-Way-\u305d\u308c\u305e\u308c\u306e\u5834\u6240', 'Hello-Another-Way--fc4qua05auwb3674vfr0b'],
    ['\u3072\u3068\u3064\u5c4b\u6839\u306e\u4e0b2', '2-u9tlzr9756bt3uc0v'],
    ['Maji\u3067Koi\u3059\u308b5\u79d2\u524d', 'MajiKoi5-783gue6qz075azm5e'],
    ['\u30d1\u30d5\u30a3\u30fcde\u30eb\u30f3\u30d0', 'de-jg4avhby1noc0d'],
    ['\u305d\u306e\u30b9\u30d4\u30fc\u30c9\u3067', 'd9juau41awczczp'],
    ['-> $1.00 <-', '-> $1.00 <--'],
    ['m\u00fcnchen', 'mnchen-3ya'],
    ['b\u00fccher', 'bcher-kva'],
  ])('encodes %s', (input, expected) => {
    expect(punycodeEncode(input)).toBe(expected);
  });

  it('handles code points outside the BMP', () => {
    expect(punycodeEncode('\u{1F600}')).toBe('e28h');
    expect(new URL('http://\u{1F600}.com').hostname).toBe('xn--e28h.com');
  });
});

describe('labelToAscii', () => {
  it('leaves ASCII labels alone and prefixes encoded ones', () => {
    expect(labelToAscii('example')).toBe('example');
    expect(labelToAscii('m\u00fcnchen')).toBe('xn--mnchen-3ya');
  });

  it.each(['m\u00fcnchen', '\u4f8b\u3048', '\u30c6\u30b9\u30c8', '\u043f\u0440\u0438\u043c\u0435\u0440', '\u0440\u0444', 'caf\u00e9', '\u00e7a-va', 'stra\u00dfe', '\u03b5\u03bb\u03bb\u03b7\u03bd\u03b9\u03ba\u03ac'])(
    'agrees with the URL parser for %s',
    (label) => {
      expect(`${labelToAscii(label)}.com`).toBe(new URL(`http://${label}.com`).hostname);
    },
  );
});
