import { describe, expect, it } from 'vitest';
import { isAmongSites, registrableDomain, siteFromInput } from './registrable-domain';

describe('registrableDomain', () => {
  it('is the last two labels under an ordinary suffix', () => {
    expect(registrableDomain('shopa.example')).toBe('shopa.example');
    expect(registrableDomain('www.shopa.example')).toBe('shopa.example');
    expect(registrableDomain('a.b.c.shopa.example')).toBe('shopa.example');
    expect(registrableDomain('WWW.ShopA.Example.')).toBe('shopa.example');
  });

  it('keeps one more label under a multi-label public suffix', () => {
    expect(registrableDomain('www.tea-shop.co.uk')).toBe('tea-shop.co.uk');
    expect(registrableDomain('alice.github.io')).toBe('alice.github.io');
    expect(registrableDomain('bucket.s3.amazonaws.com')).toBe('bucket.s3.amazonaws.com');
    expect(registrableDomain('x.bucket.s3.amazonaws.com')).toBe('bucket.s3.amazonaws.com');
  });

  it('has none for suffixes, single labels and IP addresses', () => {
    for (const host of ['co.uk', 'github.io', 'com', 'localhost', '127.0.0.1', '[::1]', '', 'a..b.example']) {
      expect(registrableDomain(host), host).toBe('');
    }
  });

  it('compares Unicode names in their ASCII form', () => {
    expect(registrableDomain('shop.bücher.example')).toBe('xn--bcher-kva.example');
    expect(registrableDomain('xn--bcher-kva.example')).toBe('xn--bcher-kva.example');
  });
});

describe('isAmongSites', () => {
  const sites = ['shopa.example'];

  it('counts the site and its subdomains as the site', () => {
    expect(isAmongSites('shopa.example', sites)).toBe(true);
    expect(isAmongSites('mail.shopa.example', sites)).toBe(true);
    expect(isAmongSites('EU.Shop.ShopA.example', sites)).toBe(true);
  });

  it('does not count look-alikes', () => {
    for (const lookAlike of ['shopa.example.evil.test', 'shopa-example.test', 'xshopa.example', 'shopa.examples', 'shopa.exampl', 'othershop.example', 'shopa.example.co.uk']) {
      expect(isAmongSites(lookAlike, sites), lookAlike).toBe(false);
    }
  });

  it('never matches a domain that names no site', () => {
    expect(isAmongSites('', sites)).toBe(false);
    expect(isAmongSites('example', ['example'])).toBe(false);
  });
});

describe('siteFromInput', () => {
  it('reads a host or an address from the address bar', () => {
    expect(siteFromInput('  www.shopa.example ')).toBe('shopa.example');
    expect(siteFromInput('https://www.shopa.example/cart?x=1')).toBe('shopa.example');
    expect(siteFromInput('shopa.example/account')).toBe('shopa.example');
  });

  it('refuses what names no site', () => {
    for (const text of ['', 'shopa', 'me@shopa.example', 'ftp://shopa.example', 'javascript://x.example', 'co.uk', 'http://[::1]/', 'a b.example']) {
      expect(siteFromInput(text), text).toBe('');
    }
  });
});
