import { describe, expect, it } from 'vitest';
import { groupByMailbox, mailboxOf, parsePlusAddress, sitesForTag, tagWords } from './plus-address';

describe('parsePlusAddress', () => {
  it('splits at the first +', () => {
    expect(parsePlusAddress('me+shopa@example.com')).toEqual({ base: 'me@example.com', tag: 'shopa' });
    expect(parsePlusAddress('me+shop+a@example.com')).toEqual({ base: 'me@example.com', tag: 'shop+a' });
    expect(parsePlusAddress('first.last+news@mail.example')).toEqual({ base: 'first.last@mail.example', tag: 'news' });
  });

  it('finds no tag where there is none to find', () => {
    for (const email of ['me@example.com', '+shopa@example.com', 'me+@example.com', '"me+shopa"@example.com', '"me"+x@example.com', 'no-at-sign']) {
      expect(parsePlusAddress(email), email).toBeNull();
    }
  });

  it('never guesses a - as a tag separator (Yahoo, qmail)', () => {
    expect(parsePlusAddress('me-shopa@yahoo.com')).toBeNull();
    expect(parsePlusAddress('anna-maria@example.com')).toBeNull();
    expect(mailboxOf('me-shopa@yahoo.com')).toBe('me-shopa@yahoo.com');
  });
});

describe('tag suggestions', () => {
  it('reads the words of a tag', () => {
    expect(tagWords('Shop.A')).toEqual(['shop.a', 'shop']);
    expect(tagWords('shop+news')).toEqual(['shop+news', 'shop', 'news']);
  });

  it('suggests the known sites a tag names, and only those', () => {
    const known = ['shopa.example', 'othershop.example', 'shopa.co.uk', 'shopab.example', 'news.example'];
    expect(sitesForTag('shopa', known)).toEqual(['shopa.co.uk', 'shopa.example']);
    expect(sitesForTag('ShopA+news', known)).toEqual(['news.example', 'shopa.co.uk', 'shopa.example']);
    expect(sitesForTag('unknown', known)).toEqual([]);
  });
});

describe('groupByMailbox', () => {
  it('shows plus-addresses of one mailbox together, in the order first seen', () => {
    const groups = groupByMailbox([{ email: 'me+b@x.example' }, { email: 'you@x.example' }, { email: 'me@x.example' }, { email: 'me+a@x.example' }]);
    expect(groups).toEqual([
      { mailbox: 'me@x.example', members: [{ email: 'me+b@x.example' }, { email: 'me@x.example' }, { email: 'me+a@x.example' }] },
      { mailbox: 'you@x.example', members: [{ email: 'you@x.example' }] },
    ]);
  });
});
