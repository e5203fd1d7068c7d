import { describe, expect, it } from 'vitest';
import { maskEmail } from './mask-email';

describe('maskEmail', () => {
  it('keeps the first character and the domain', () => {
    expect(maskEmail('alice@example.com')).toBe('a…@example.com');
    expect(maskEmail('a@example.com')).toBe('a…@example.com');
  });

  it('copes with text that is not an address', () => {
    expect(maskEmail('alice')).toBe('a…');
    expect(maskEmail('')).toBe('…');
    expect(maskEmail('@example.com')).toBe('…@example.com');
    expect(maskEmail('\u{1F600}x@example.com')).toBe('\u{1F600}…@example.com');
  });

  it('shows an internationalised domain in Unicode, as the person wrote it', () => {
    expect(maskEmail('alice@xn--bcher-kva.de')).toBe('a…@b\u00fccher.de');
  });
});
