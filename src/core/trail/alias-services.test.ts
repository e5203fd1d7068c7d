import { describe, expect, it } from 'vitest';
import { aliasServiceOf } from './alias-services';

describe('aliasServiceOf', () => {
  it('names the forwarding services, subdomains included', () => {
    expect(aliasServiceOf('x1y2@anonaddy.com')).toBe('addy.io');
    expect(aliasServiceOf('shop@alice.anonaddy.me')).toBe('addy.io');
    expect(aliasServiceOf('shop@alice.addy.io')).toBe('addy.io');
    expect(aliasServiceOf('shop.x7@simplelogin.com')).toBe('SimpleLogin');
    expect(aliasServiceOf('shop.x7@aleeas.com')).toBe('SimpleLogin');
    expect(aliasServiceOf('shop.x7@slmail.me')).toBe('SimpleLogin');
    expect(aliasServiceOf('abc123@mozmail.com')).toBe('Firefox Relay');
    expect(aliasServiceOf('abc123@alice.mozmail.com')).toBe('Firefox Relay');
    expect(aliasServiceOf('quiet-fox@duck.com')).toBe('DuckDuckGo');
    expect(aliasServiceOf('a1b2_c3@privaterelay.appleid.com')).toBe('iCloud Hide My Email');
  });

  it('does not label ordinary mailboxes or look-alikes', () => {
    for (const email of ['me@example.com', 'me@gmail.com', 'me@icloud.com', 'me@notduck.com', 'me@duck.com.evil.example', 'me@mozmail.co', 'me@appleid.com']) {
      expect(aliasServiceOf(email), email).toBeNull();
    }
  });
});
