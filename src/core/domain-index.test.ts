import { describe, expect, it } from 'vitest';
import rawCatalog from '../../e2e/fixtures/data/hibp-breaches.json';
// eslint-disable-next-line no-restricted-imports -- test only: the shipped catalog goes through the real parser
import { parseHibpCatalog } from '../providers/hibp';
import type { Breach } from './breach';
import { NO_FLAGS } from './breach';
import { MULTI_LABEL_PUBLIC_SUFFIXES, buildDomainIndex, lookupHost, naiveLookup, normaliseHost, suffixHash } from './domain-index';
import { mulberry32 } from './mulberry32.testkit';

const raw = rawCatalog as unknown as { Name: string; Domain: string | null }[];
const catalog = parseHibpCatalog(rawCatalog);
const index = buildDomainIndex(catalog);

const ids = (breaches: readonly Breach[]): string[] => breaches.map((b) => b.id);

/** Catalog domain (lower-cased, as written in the JSON) → names of the entries recorded on it. */
const expectedByDomain = new Map<string, string[]>();
for (const entry of raw) {
  const domain = (entry.Domain ?? '').toLowerCase();
  if (domain === '') continue;
  expectedByDomain.set(domain, [...(expectedByDomain.get(domain) ?? []), entry.Name]);
}

function breach(id: string, domain: string): Breach {
  return {
    id,
    provider: 'hibp',
    title: id,
    domain,
    breachDate: null,
    addedDate: null,
    pwnCount: null,
    description: '',
    dataClasses: [],
    logoUrl: null,
    flags: { ...NO_FLAGS },
  };
}

describe('the shipped HIBP catalog', () => {
  it('is the expected fixture', () => {
    expect(catalog).toHaveLength(875);
    expect(raw.filter((e) => !e.Domain)).toHaveLength(46);
    expect(index.size).toBe(expectedByDomain.size);
  });

  it('finds every breach of every catalog domain, on the domain and its www. variant', () => {
    for (const [domain, names] of expectedByDomain) {
      for (const host of [domain, `www.${domain}`]) {
        const found = lookupHost(index, host);
        // Its own breaches come first, all of them; anything after is on a parent domain.
        expect(ids(found.slice(0, names.length)).sort(), host).toEqual([...names].sort());
        for (const extra of found.slice(names.length)) {
          expect(domain.endsWith(`.${extra.domain}`), `${host} also gave ${extra.domain}`).toBe(true);
        }
      }
    }
  });

  it('keeps every breach when one domain has several (no shadowing)', () => {
    const shared = [...expectedByDomain].filter(([, names]) => names.length > 1);
    expect(shared.length).toBeGreaterThanOrEqual(20);
    for (const [domain, names] of shared) {
      expect(new Set(ids(lookupHost(index, `m.${domain}`))), domain).toEqual(new Set(names));
    }
    expect(lookupHost(index, 'ogusers.com')).toHaveLength(4);
    expect(lookupHost(index, 'www.linkedin.com')).toHaveLength(3);
  });

  it('matches a capitalised catalog domain', () => {
    expect(raw.some((e) => e.Domain === 'OwnedCore.com')).toBe(true);
    expect(lookupHost(index, 'www.ownedcore.com').map((b) => b.domain)).toEqual(['ownedcore.com']);
  });

  it('applies a subdomain breach to that host and below, not to its parent', () => {
    const boxee = ids(lookupHost(index, 'forums.boxee.com'));
    expect(boxee.length).toBeGreaterThan(0);
    expect(ids(lookupHost(index, 'x.forums.boxee.com'))).toEqual(boxee);
    expect(ids(lookupHost(index, 'a.b.forums.boxee.com'))).toEqual(boxee);
    expect(lookupHost(index, 'boxee.com')).toEqual([]);
    expect(lookupHost(index, 'www.boxee.com')).toEqual([]);
    expect(lookupHost(index, 'notforums.boxee.com')).toEqual([]);
  });

  it('puts the most specific level first when a subdomain and its parent are both breached', () => {
    const found = lookupHost(index, 'www.cfire.mail.ru').map((b) => b.domain);
    expect(found[0]).toBe('cfire.mail.ru');
    expect(found).toContain('mail.ru');
    expect(found.indexOf('mail.ru')).toBeGreaterThan(found.lastIndexOf('cfire.mail.ru'));
    expect(lookupHost(index, 'mail.ru').every((b) => b.domain === 'mail.ru')).toBe(true);
  });

  it('never matches on a bare public suffix, an IP address or nothing', () => {
    for (const host of ['com', 'co.uk', 'uk', 'com.au', 'au', 'ru', 'net', '', '.', ' ', 'localhost']) {
      expect(lookupHost(index, host), JSON.stringify(host)).toHaveLength(0);
    }
    for (const host of ['127.0.0.1', '8.8.8.8', '192.168.1.1:8080', '0x7f.1', '10.1', '[::1]', '[2001:db8::1]:443', '2001:db8::1', '::1']) {
      expect(lookupHost(index, host), host).toHaveLength(0);
    }
  });

  it('ignores case, one trailing dot and a port', () => {
    const expected = ids(lookupHost(index, 'www.adobe.com'));
    expect(expected.length).toBeGreaterThan(0);
    for (const host of ['WWW.Adobe.COM', 'www.adobe.com.', 'www.adobe.com:443', 'Adobe.com.:8080', ' adobe.com ']) {
      expect(ids(lookupHost(index, host)), host).toEqual(expected);
    }
  });

  it('returns frozen results and one shared empty array on a miss', () => {
    expect(Object.isFrozen(lookupHost(index, 'adobe.com'))).toBe(true);
    expect(lookupHost(index, 'unbreached.example')).toBe(lookupHost(index, 'another.test'));
    expect(Object.isFrozen(lookupHost(index, 'unbreached.example'))).toBe(true);
  });

  it('agrees with naiveLookup on generated hostnames', () => {
    const rand = mulberry32(0x5eed);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;
    const domains = [...expectedByDomain.keys()];
    const prefixes = ['', 'www.', 'm.', 'shop.', 'eu.', 'login.', 'a.b.', 'forums.', 'cfire.', 'www.cfire.'];
    const tlds = ['com', 'net', 'org', 'co.uk', 'com.au', 'de', 'io', 'ru', 'mail.ru', 'boxee.com'];
    const word = (): string => Array.from({ length: 3 + Math.floor(rand() * 8) }, () => pick([...'abcdefghijklmnopqrstuvwxyz0123456789-'])).join('');
    let hits = 0;
    const total = 4000;
    for (let i = 0; i < total; i++) {
      const r = rand();
      let host: string;
      if (r < 0.45) host = pick(prefixes) + pick(domains);
      else if (r < 0.55) host = pick(prefixes) + pick(domains).split('.').slice(1).join('.'); // parent of a catalog domain
      else if (r < 0.9) host = `${pick(prefixes)}${word()}.${pick(tlds)}`;
      else if (r < 0.95) host = pick(['', 'WWW.', '1.2.3.', 'Shop.']) + pick(domains).toUpperCase() + pick(['', '.', ':8443', '.:80']);
      else {
        // Input a browser would not send: it must be rejected or normalised the same way.
        const garbage = ['', '', '..', '.', ' ', 'é', 'x..', '[', ':', '..:', '.1', '0x1f', 'É.', '\t'];
        host = pick(['', ' ', '.', 'a..', '[', 'a:b:']) + pick(prefixes) + pick(garbage) + pick(domains) + pick(['', '.', '..', ' ', ':1', '.1', ':a:b']);
      }
      const fast = lookupHost(index, host);
      expect(ids(fast), host).toEqual(ids(naiveLookup(catalog, host)));
      if (fast.length > 0) hits += 1;
    }
    expect(hits).toBeGreaterThan(total * 0.3);
    expect(hits).toBeLessThan(total * 0.9);
  });
});

describe('catalogs with awkward domains', () => {
  it('never matches a breach without a domain', () => {
    const idx = buildDomainIndex([breach('NoDomain', ''), breach('Blank', '   ')]);
    expect(idx.size).toBe(0);
    for (const host of ['example.com', 'www.example.com', '', 'com']) expect(idx.lookup(host)).toHaveLength(0);
    expect(catalog.filter((b) => b.domain === '').length).toBe(46);
    for (const b of catalog.filter((x) => x.domain === '')) {
      expect(lookupHost(index, `${b.id.toLowerCase()}.com`).some((x) => x.id === b.id)).toBe(false);
    }
  });

  it('drops single-label catalog domains (garbage like "com")', () => {
    const idx = buildDomainIndex([breach('Garbage', 'com'), breach('Dot', '.com'), breach('Real', 'example.com')]);
    expect(idx.size).toBe(1);
    expect(ids(idx.lookup('www.example.com'))).toEqual(['Real']);
    expect(idx.lookup('other.com')).toHaveLength(0);
    expect(naiveLookup([breach('Garbage', 'com')], 'other.com')).toHaveLength(0);
  });

  it('never matches an IP address, even one the catalog records as a domain', () => {
    const catalogWithIps = [breach('V4', '192.168.1.1'), breach('Tail', '0.1'), breach('Hex', 'a.0x1f')];
    const idx = buildDomainIndex(catalogWithIps);
    for (const host of ['192.168.1.1', '1.192.168.1.1', '10.0.1', 'a.0x1f', 'b.a.0X1F']) {
      expect(idx.lookup(host), host).toHaveLength(0);
      expect(naiveLookup(catalogWithIps, host), host).toHaveLength(0);
    }
  });

  it('a catalog domain that is a bare public suffix never alerts, not even on itself', () => {
    const awkward = [breach('Registry', 'co.uk'), breach('Brazil', 'COM.BR.'), breach('Pages', 'github.io'), breach('Shop', 'shop.co.uk')];
    const idx = buildDomainIndex(awkward);
    expect(idx.size).toBe(1);
    for (const host of ['bbc.co.uk', 'www.gov.uk', 'co.uk', 'loja.com.br', 'someone.github.io']) {
      expect(idx.lookup(host), host).toHaveLength(0);
      expect(naiveLookup(awkward, host), host).toHaveLength(0);
    }
    // A site under such a suffix still alerts for its own breach.
    expect(ids(idx.lookup('www.shop.co.uk'))).toEqual(['Shop']);
  });

  it('a catalog domain in Unicode matches its ASCII (punycode) host, as browsers give it', () => {
    const idn = [breach('Books', 'Bücher.example'), breach('Cafe', 'café.example.fr'), breach('Tokyo', '東京.jp')];
    const idx = buildDomainIndex(idn);
    const cases: Array<[string, string[]]> = [
      ['xn--bcher-kva.example', ['Books']],
      ['www.xn--bcher-kva.example', ['Books']],
      ['shop.xn--caf-dma.example.fr', ['Cafe']],
      ['xn--1lqs71d.jp', ['Tokyo']],
      ['bcher.example', []],
    ];
    for (const [host, expected] of cases) {
      expect(ids(idx.lookup(host)), host).toEqual(expected);
      expect(ids(naiveLookup(idn, host)), host).toEqual(expected);
    }
    // The same, as the browser gives the host of a URL typed in Unicode.
    expect(ids(idx.lookup(new URL('https://www.bücher.example/').hostname))).toEqual(['Books']);
  });

  it('no shipped catalog domain is dropped as a public suffix', () => {
    const dropped = catalog.filter((b) => b.domain !== '' && MULTI_LABEL_PUBLIC_SUFFIXES.has(b.domain));
    expect(dropped).toEqual([]);
  });

  it('lists each breach once even if the catalog repeats it', () => {
    const a = breach('A', 'example.com');
    const idx = buildDomainIndex([a, { ...a }, breach('B', 'Example.com.'), breach('C', 'shop.example.com')]);
    expect(ids(idx.lookup('x.shop.example.com'))).toEqual(['C', 'A', 'B']);
    expect(ids(naiveLookup([a, { ...a }, breach('B', 'Example.com.'), breach('C', 'shop.example.com')], 'x.shop.example.com'))).toEqual(['C', 'A', 'B']);
  });
});

describe('hash collisions', () => {
  // Two keys with the same suffixHash, found by search: the table must chain them, not confuse them.
  const [a, b] = ['site8908.com', 'site120934.com'];

  it('are real collisions', () => {
    expect(suffixHash(a)).toBe(suffixHash(b));
  });

  it('keep colliding domains apart', () => {
    const idx = buildDomainIndex([breach('A', a), breach('B', b)]);
    expect(ids(idx.lookup(`www.${a}`))).toEqual(['A']);
    expect(ids(idx.lookup(b))).toEqual(['B']);
    const onlyA = buildDomainIndex([breach('A', a)]);
    expect(onlyA.lookup(b)).toHaveLength(0);
    expect(onlyA.lookup(`www.${b}`)).toHaveLength(0);
  });
});

describe('normaliseHost', () => {
  it.each([
    ['Example.COM', 'example.com'],
    ['example.com.', 'example.com'],
    ['example.com:8080', 'example.com'],
    ['xn--mnchen-3ya.de', 'xn--mnchen-3ya.de'],
    ['example', ''],
    ['a..b.com', ''],
    ['.example.com', ''],
    ['example.com..', ''],
    ['1.2.3.4', ''],
    ['[::1]:80', ''],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(normaliseHost(input)).toBe(expected);
  });
});
