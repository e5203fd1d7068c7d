import { describe, expect, it } from 'vitest';
import { tEn, tIt } from './i18n-test-helper';
import { NO_FLAGS, type Breach } from './breach';
import { maskEmail } from './mask-email';
import { judgeSite, siteBreachLine } from './site-alert-policy';

const NOW = Date.UTC(2026, 10, 29);
const breach = (id: string, addedDate: string, flags: Partial<Breach['flags']> = {}): Breach => ({
  id, provider: 'hibp', title: id, domain: 'example.com', breachDate: '2013-10-04', addedDate, pwnCount: 1, description: '',
  dataClasses: ['Passwords', 'Password hints'], logoUrl: null, flags: { ...NO_FLAGS, ...flags },
});
const policy = { recentMonths: 12, includeDoubtful: false, silenced: false };
const never = () => false;

describe('judgeSite', () => {
  it('always shows a breach involving the user, however old, and notifies it once', () => {
    const old = { breach: breach('Old', '2014-01-01T00:00:00Z'), emails: ['a@example.com'] };
    expect(judgeSite([old], policy, never, NOW)).toEqual({ shown: [old], notify: [old] });
    expect(judgeSite([old], policy, () => true, NOW)).toEqual({ shown: [old], notify: [] });
  });

  it('shows other breaches only when added in the last 12 months, and never notifies them', () => {
    const recent = { breach: breach('Recent', '2026-03-01T00:00:00Z'), emails: [] };
    const ancient = { breach: breach('Ancient', '2015-03-01T00:00:00Z'), emails: [] };
    expect(judgeSite([recent, ancient], policy, never, NOW)).toEqual({ shown: [recent], notify: [] });
  });

  it('leaves out doubtful breaches unless asked for', () => {
    const doubtful = ['verified', 'fabricated', 'spamList', 'retired'].map((flag) => ({
      breach: breach(flag, '2026-06-01T00:00:00Z', flag === 'verified' ? { verified: false } : { [flag]: true }),
      emails: [] as string[],
    }));
    expect(judgeSite(doubtful, policy, never, NOW).shown).toEqual([]);
    expect(judgeSite(doubtful, { ...policy, includeDoubtful: true }, never, NOW).shown).toHaveLength(4);
  });

  it('says nothing at all for a silenced site', () => {
    const mine = { breach: breach('Mine', '2014-01-01T00:00:00Z'), emails: ['a@example.com'] };
    expect(judgeSite([mine], { ...policy, silenced: true }, never, NOW)).toEqual({ shown: [], notify: [] });
  });

  it('lists the user\'s own breaches first', () => {
    const other = { breach: breach('Other', '2026-06-01T00:00:00Z'), emails: [] };
    const mine = { breach: breach('Mine', '2014-01-01T00:00:00Z'), emails: ['a@example.com'] };
    expect(judgeSite([other, mine], policy, never, NOW).shown.map((s) => s.breach.id)).toEqual(['Mine', 'Other']);
  });
});

describe('siteBreachLine', () => {
  it('says whose address was in which breach and what leaked', () => {
    expect(siteBreachLine({ breach: breach('Example', ''), emails: ['alice@example.com'] }, maskEmail, tEn)).toBe(
      'a…@example.com was in the 2013 breach of Example: passwords, password hints.',
    );
    expect(siteBreachLine({ breach: breach('Example', ''), emails: [] }, maskEmail, tEn)).toBe('Example was breached in 2013: passwords, password hints.');
  });

  it('names what leaked in the reader\'s language', () => {
    expect(siteBreachLine({ breach: breach('Example', ''), emails: [] }, maskEmail, tIt)).toMatch(/: password, suggerimenti per la password\.$/);
  });
});
