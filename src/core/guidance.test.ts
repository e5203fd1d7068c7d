import { describe, expect, it } from 'vitest';
import { tEn } from './i18n-test-helper';
import rawCatalog from '../../e2e/fixtures/data/hibp-breaches.json';
import rawXon from '../../e2e/fixtures/data/xon-v1-breaches-response.json';
// eslint-disable-next-line no-restricted-imports -- test only: the shipped catalog goes through the real parser
import { parseHibpCatalog } from '../providers/hibp';
import { GROUP_ORDER, GROUP_TITLES, groupOf, guidanceFor, type GuidanceGroup } from './guidance';

const catalog = parseHibpCatalog(rawCatalog);
const catalogClasses = [...new Set(catalog.flatMap((b) => b.dataClasses))].sort();

describe('groupOf over the shipped catalogs', () => {
  it('reads the whole catalog (sanity check for the test itself)', () => {
    expect(catalog.length).toBeGreaterThan(800);
    expect(catalogClasses.length).toBeGreaterThanOrEqual(140);
  });

  it('places every data class of the Have I Been Pwned catalog in a named group', () => {
    const unplaced = catalogClasses.filter((c) => groupOf(c) === 'other');
    expect(unplaced).toEqual([]);
  });

  it('places every data class of the XposedOrNot sample in a named group', () => {
    const classes = new Set<string>();
    const walk = (v: unknown): void => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (typeof v === 'object' && v !== null) {
        for (const [k, x] of Object.entries(v)) {
          if (k === 'exposedData' && Array.isArray(x)) x.forEach((c) => typeof c === 'string' && c.trim() !== '' && classes.add(c.trim()));
          else walk(x);
        }
      }
    };
    walk(rawXon);
    expect(classes.size).toBeGreaterThan(30);
    expect([...classes].filter((c) => groupOf(c) === 'other')).toEqual([]);
  });

  it('matches the catalog classes by name, not only by keyword', () => {
    // A keyword match is the fallback for classes invented later; the shipped ones are all listed.
    const spot: Record<string, GuidanceGroup> = {
      Passwords: 'passwords',
      'Password hints': 'passwords',
      'Historical passwords': 'passwords',
      'Auth tokens': 'passwords',
      'Security questions and answers': 'passwords',
      PINs: 'passwords',
      'Email addresses': 'contact',
      'Phone numbers': 'contact',
      'Physical addresses': 'contact',
      'Credit cards': 'financial',
      'Bank account numbers': 'financial',
      'Partial credit card data': 'financial',
      'Government issued IDs': 'identity',
      'Passport numbers': 'identity',
      'Social security numbers': 'identity',
      'Dates of birth': 'identity',
      'IP addresses': 'device-network',
      'Device information': 'device-network',
      'Browser user agent details': 'device-network',
      'Geographic locations': 'device-network',
      Names: 'personal',
      Genders: 'personal',
      Ages: 'personal',
      "Family members' names": 'personal',
      'Personal health data': 'health',
      'HIV statuses': 'health',
      'Sexual orientations': 'sensitive',
      'Sexual fetishes': 'sensitive',
      Employers: 'employment',
      'Education levels': 'employment',
      Usernames: 'online',
      'Social media profiles': 'online',
      'Website activity': 'online',
      'Private messages': 'online',
    };
    for (const [name, group] of Object.entries(spot)) expect([name, groupOf(name)]).toEqual([name, group]);
  });
});

describe('groupOf', () => {
  it('ignores case and surrounding spaces', () => {
    expect(groupOf('PASSWORDS')).toBe('passwords');
    expect(groupOf('  email ADDRESSES ')).toBe('contact');
    expect(groupOf("DRIVER'S LICENSES")).toBe('identity');
  });

  it('places unseen classes by keyword, the more urgent reading first', () => {
    expect(groupOf('Plaintext passwords')).toBe('passwords');
    expect(groupOf('Bank routing numbers')).toBe('financial');
    expect(groupOf('Medical diagnoses')).toBe('health');
    expect(groupOf('Mobile phone numbers')).toBe('contact');
    expect(groupOf('Passport scans')).toBe('identity');
    expect(groupOf('Session tokens')).toBe('passwords');
  });

  it('falls back to other', () => {
    expect(groupOf('Zodiac compatibility scores')).toBe('other');
    expect(groupOf('')).toBe('other');
    expect(groupOf('   ')).toBe('other');
  });
});

describe('guidanceFor', () => {
  it('groups classes once per group, most urgent first', () => {
    const items = guidanceFor(['Names', 'Email addresses', 'Phone numbers', 'Passwords', 'Credit cards', 'Dates of birth', 'IP addresses'], tEn);
    expect(items.map((i) => i.group)).toEqual(['passwords', 'financial', 'identity', 'contact', 'device-network', 'personal']);
    const contact = items.find((i) => i.group === 'contact');
    expect(contact?.dataClasses).toEqual(['Email addresses', 'Phone numbers']);
    expect(contact?.title).toBe('Email, phone and postal address');
  });

  it('gives the advice the user needs for each kind of data', () => {
    const [passwords] = guidanceFor(['Passwords'], tEn);
    const text = passwords?.steps.join(' ') ?? '';
    expect(text).toMatch(/change the password/i);
    expect(text).toMatch(/password manager/i);
    expect(text).toMatch(/two-factor/i);
    const [financial] = guidanceFor(['Partial credit card data'], tEn);
    expect(financial?.steps.join(' ')).toMatch(/bank/i);
    expect(financial?.steps.join(' ')).toMatch(/statements/i);
    expect(financial?.steps.join(' ')).toMatch(/replaced/i);
    const [identity] = guidanceFor(['Social security numbers'], tEn);
    expect(identity?.steps.join(' ')).toMatch(/credit freeze/i);
    expect(identity?.steps.join(' ')).toMatch(/identity theft/i);
    const [contact] = guidanceFor(['Phone numbers'], tEn);
    expect(contact?.steps.join(' ')).toMatch(/phishing/i);
    expect(contact?.steps.join(' ')).toMatch(/quotes your/i);
  });

  it('compares case-insensitively and drops repeats', () => {
    const items = guidanceFor(['passwords', 'PASSWORDS', 'Passwords', 'Password hints'], tEn);
    expect(items).toHaveLength(1);
    expect(items[0]?.dataClasses).toEqual(['Passwords', 'Password hints']);
  });

  it('adds class-specific steps once, after the group steps', () => {
    const items = guidanceFor(['Telecommunications carrier', 'IMSI numbers', 'IP addresses'], tEn);
    expect(items).toHaveLength(1);
    const steps = items[0]?.steps ?? [];
    expect(steps.filter((s) => /port-out PIN/.test(s))).toHaveLength(1);
    expect(new Set(steps).size).toBe(steps.length);
    const wallet = guidanceFor(['Mnemonic phrases'], tEn)[0]?.steps ?? [];
    expect(wallet.at(-1)).toMatch(/new wallet/);
  });

  it('never repeats a step within an item, for any catalog breach', () => {
    for (const breach of catalog) {
      const items = guidanceFor(breach.dataClasses, tEn);
      expect(items.length).toBeGreaterThan(0);
      expect(items.some((i) => i.group === 'other')).toBe(false);
      for (const item of items) expect(new Set(item.steps).size).toBe(item.steps.length);
      const order = items.map((i) => GROUP_ORDER.indexOf(i.group));
      expect(order).toEqual([...order].sort((a, b) => a - b));
    }
  });

  it('gives generic advice for unknown classes or none at all', () => {
    expect(guidanceFor([], tEn).map((i) => i.group)).toEqual(['other']);
    expect(guidanceFor([], tEn)[0]?.dataClasses).toEqual([]);
    const items = guidanceFor(['Zodiac compatibility scores', 'Passwords'], tEn);
    expect(items.map((i) => i.group)).toEqual(['passwords', 'other']);
    expect(items[1]?.dataClasses).toEqual(['Zodiac compatibility scores']);
  });

  it('has a title and steps for every group', () => {
    for (const group of GROUP_ORDER) {
      expect(tEn(GROUP_TITLES[group])).not.toBe(GROUP_TITLES[group]);
    }
    expect(new Set(GROUP_ORDER).size).toBe(GROUP_ORDER.length);
    expect(GROUP_ORDER.slice(0, 3)).toEqual(['passwords', 'financial', 'identity']);
  });
});
