import { describe, expect, it } from 'vitest';
import { NO_FLAGS, type Breach, type ProviderId } from './breach';
import type { Exposure } from './exposure';
import { collapseIncidents, combineExposures, fullerDate, incidentBreach, refreshedBreach, registrableDomain, sameIncident, type ExposureSource } from './incident';

const breach = (provider: ProviderId, id: string, domain: string, breachDate: string | null, title = id): Breach => ({
  id, provider, title, domain, breachDate, addedDate: null, pwnCount: null, description: '', dataClasses: [], logoUrl: null, flags: NO_FLAGS,
});
const hibp = (id: string, domain: string, date: string | null, title?: string) => breach('hibp', id, domain, date, title);
const xon = (id: string, domain: string, date: string | null) => breach('xposedornot', id, domain, date);

describe('sameIncident', () => {
  it.each([
    ['the same name, domain and year', hibp('Adobe', 'adobe.com', '2013-10-04'), xon('Adobe', 'adobe.com', '2013')],
    ['names differing in case and punctuation', hibp('Club-Penguin Rewritten', 'cprewritten.net', '2018-01-01'), xon('clubpenguinrewritten', 'cprewritten.net', '2018-02-01')],
    ['a subdomain of the same registrable domain', hibp('Malwarebytes', 'forums.malwarebytes.org', '2014-11-15'), xon('MalwareBytes', 'malwarebytes.org', '2014-11-01')],
    ['a two-level public suffix', hibp('MediaWorks', 'www.mediaworks.co.nz', '2023-03-15'), xon('MediaWorks', 'mediaworks.co.nz', '2023')],
    ['HIBP\'s title instead of its name', hibp('Canva2019', 'canva.com', '2019-05-24', 'Canva'), xon('Canva', 'canva.com', '2019')],
    ['a known alias', hibp('LinkedInScrape', 'linkedin.com', '2021-04-08'), xon('LinkedInScrape-2021', 'linkedin.com', '2021')],
    ['a known alias, either way round', hibp('Twitter200M', 'twitter.com', '2021-01-01'), xon('Twitter-Scraped', 'twitter.com', '2021')],
  ])('merges %s', (_why, a, b) => {
    expect(sameIncident(a, b)).toBe(true);
    expect(sameIncident(b, a)).toBe(true);
  });

  it.each([
    ['two incidents of one site in different years', hibp('LinkedIn', 'linkedin.com', '2012-05-05'), xon('LinkedIn', 'linkedin.com', '2016')],
    ['another site of the same name', hibp('Bitly', 'bitly.com', '2014-05-08'), xon('Bitly', 'bit.ly', '2014')],
    ['different names on one site in one year', hibp('LinkedIn', 'linkedin.com', '2021-04-08'), xon('LinkedInScrape-2021', 'linkedin.com', '2021')],
    ['an alias on another site', hibp('LinkedInScrape', 'linkedin.com', '2021-04-08'), xon('LinkedInScrape-2021', 'example.com', '2021')],
    ['a breach with no domain', hibp('Flipkart', '', '2022-09-02'), xon('Flipkart', 'flipkart.com', '2022')],
    ['two breaches with no domain', hibp('Collection1', '', '2019-01-07'), xon('Collection1', '', '2019')],
    ['an unknown year', hibp('Adobe', 'adobe.com', null), xon('Adobe', 'adobe.com', '2013')],
    ['two breaches of one provider, however alike', hibp('Adobe', 'adobe.com', '2013-10-04'), hibp('adobe', 'adobe.com', '2013-10-04')],
    ['names that share only a suffix of the public suffix list', hibp('Shop', 'shop.co.uk', '2020-01-01'), xon('Shop', 'other.co.uk', '2020')],
  ])('keeps apart %s', (_why, a, b) => {
    expect(sameIncident(a, b)).toBe(false);
    expect(sameIncident(b, a)).toBe(false);
  });

  it('reads registrable domains', () => {
    expect(registrableDomain('Forums.Example.COM.')).toBe('example.com');
    expect(registrableDomain('shop.example.co.uk')).toBe('example.co.uk');
    expect(registrableDomain('co.uk')).toBe('co.uk');
    expect(registrableDomain('localhost')).toBe('');
    expect(registrableDomain('')).toBe('');
  });
});

describe('dates', () => {
  it('never let a year-only date replace a full one of the same year', () => {
    expect(fullerDate('2013-10-04', '2013')).toBe('2013-10-04');
    expect(fullerDate('2013', '2013-10-04')).toBe('2013-10-04');
    expect(fullerDate('2013-10-04', null)).toBe('2013-10-04');
    expect(fullerDate(null, '2013')).toBe('2013');
    // Another year is the provider's correction, not a vaguer date.
    expect(fullerDate('2013-10-04', '2014')).toBe('2014');
    const stored = xon('Adobe', 'adobe.com', '2013-10-04');
    expect(refreshedBreach(stored, { ...stored, breachDate: '2013', pwnCount: 5 })).toEqual({ ...stored, pwnCount: 5 });
  });

  it('show an incident with the fullest date and every kind of data its reports name', () => {
    const a = { ...xon('Adobe', 'adobe.com', '2013'), dataClasses: ['Passwords', 'Email addresses'] };
    const b = { ...hibp('Adobe', 'adobe.com', '2013-10-04'), dataClasses: ['email addresses', 'Password hints'] };
    expect(incidentBreach([a, b])).toEqual({ ...a, breachDate: '2013-10-04', dataClasses: ['Passwords', 'Email addresses', 'Password hints'] });
    expect(incidentBreach([null, b])).toBe(b);
    expect(incidentBreach([null])).toBeNull();
  });
});

describe('combining two records of one incident', () => {
  const exposure = (provider: ProviderId, over: Partial<Exposure> = {}): Exposure => ({
    email: 'a@example.com', provider, breachId: 'Adobe', also: [], firstSeen: 10, lastSeen: 10, state: 'new', stateChangedAt: 10, note: '', ...over,
  });

  it('keeps the user\'s decision over a new finding, the first sighting, the last confirmation and every source', () => {
    const resolved = exposure('xposedornot', { firstSeen: 5, lastSeen: 8, state: 'resolved', stateChangedAt: 7, note: 'changed it' });
    const fresh = exposure('hibp', { firstSeen: 20, lastSeen: 20, stateChangedAt: 20 });
    const expected = { ...resolved, also: [{ provider: 'hibp', breachId: 'Adobe' }], lastSeen: 20 };
    expect(combineExposures(resolved, fresh)).toEqual(expected);
    expect(combineExposures(fresh, resolved)).toEqual(expected);
  });

  it('between two decisions takes the later, with the other note kept beside it', () => {
    const a = exposure('xposedornot', { state: 'resolved', stateChangedAt: 7, note: 'changed the password' });
    const b = exposure('hibp', { firstSeen: 12, state: 'acknowledged', stateChangedAt: 30, note: 'seen on the news' });
    expect(combineExposures(a, b)).toMatchObject({ provider: 'xposedornot', state: 'acknowledged', stateChangedAt: 30, note: 'seen on the news\n\nchanged the password' });
  });

  it('collapse an address\'s records of one incident, and nothing else', () => {
    const records = new Map<string, Breach>([
      ['hibp\u0000Adobe', hibp('Adobe', 'adobe.com', '2013-10-04')],
      ['xposedornot\u0000Adobe', xon('Adobe', 'adobe.com', '2013')],
      ['hibp\u0000LinkedIn', hibp('LinkedIn', 'linkedin.com', '2012-05-05')],
      ['xposedornot\u0000LinkedIn', xon('LinkedIn', 'linkedin.com', '2016')],
    ]);
    const breachOf = (s: ExposureSource) => records.get(`${s.provider}\u0000${s.breachId}`) ?? null;
    const other = (email: string, provider: ProviderId, breachId: string, firstSeen: number): Exposure => ({ ...exposure(provider, { firstSeen }), email, breachId });
    const collapsed = collapseIncidents([
      other('a@example.com', 'hibp', 'Adobe', 3),
      other('a@example.com', 'hibp', 'LinkedIn', 4),
      other('a@example.com', 'xposedornot', 'Adobe', 1),
      other('a@example.com', 'xposedornot', 'LinkedIn', 2),
      other('b@example.com', 'xposedornot', 'Adobe', 6),
    ], breachOf);
    expect(collapsed.map((e) => [e.email, e.provider, e.breachId, e.also.map((s) => s.provider)])).toEqual([
      ['a@example.com', 'hibp', 'LinkedIn', []],
      ['a@example.com', 'xposedornot', 'Adobe', ['hibp']],
      ['a@example.com', 'xposedornot', 'LinkedIn', []],
      ['b@example.com', 'xposedornot', 'Adobe', []],
    ]);
  });
});
