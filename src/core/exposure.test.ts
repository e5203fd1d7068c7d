import { describe, expect, it } from 'vitest';
import { countByEmail, countChange, diffExposures, NO_EXPOSURES, type Exposure } from './exposure';
import { NO_FLAGS, type Breach } from './breach';

const breach = (id: string): Breach => ({
  id,
  provider: 'hibp',
  title: id,
  domain: `${id.toLowerCase()}.com`,
  breachDate: '2020-01-01',
  addedDate: '2020-02-01T00:00:00Z',
  pwnCount: 10,
  description: '',
  dataClasses: ['Email addresses'],
  logoUrl: null,
  flags: NO_FLAGS,
});

describe('diffExposures', () => {
  it('creates a new exposure for a breach seen for the first time', () => {
    const { added, updated } = diffExposures('a@b.com', 'hibp', [], [breach('Adobe')], 1000);
    expect(updated).toEqual([]);
    expect(added).toEqual([
      { email: 'a@b.com', provider: 'hibp', breachId: 'Adobe', also: [], firstSeen: 1000, lastSeen: 1000, state: 'new', stateChangedAt: 1000, note: '' },
    ]);
  });

  it('never makes a known exposure new again, and keeps its state and first sighting', () => {
    const known: Exposure = {
      email: 'a@b.com', provider: 'hibp', breachId: 'Adobe', also: [], firstSeen: 5, lastSeen: 5, state: 'resolved', stateChangedAt: 6, note: 'changed it',
    };
    const { added, updated } = diffExposures('a@b.com', 'hibp', [known], [breach('Adobe'), breach('LinkedIn')], 99);
    expect(added.map((e) => e.breachId)).toEqual(['LinkedIn']);
    expect(updated).toEqual([{ ...known, lastSeen: 99 }]);
  });

  const xon = (id: string, breachDate = '2020'): Breach => ({ ...breach(id), provider: 'xposedornot', breachDate });
  const resolvedAtXon: Exposure = {
    email: 'a@b.com', provider: 'xposedornot', breachId: 'Adobe', also: [], firstSeen: 5, lastSeen: 5, state: 'resolved', stateChangedAt: 6, note: 'changed it',
  };

  it('joins another provider\'s finding of the same incident to the known exposure: not new, state and note kept', () => {
    const stored = new Map([['xposedornot\u0000Adobe', xon('Adobe')]]);
    const breachOf = (s: { provider: string; breachId: string }) => stored.get(`${s.provider}\u0000${s.breachId}`) ?? null;
    const first = diffExposures('a@b.com', 'hibp', [resolvedAtXon], [breach('Adobe')], 9, breachOf);
    expect(first.added).toEqual([]);
    expect(first.updated).toEqual([{ ...resolvedAtXon, also: [{ provider: 'hibp', breachId: 'Adobe' }], lastSeen: 9 }]);
    // The next answer of that provider finds it by its own name.
    const again = diffExposures('a@b.com', 'hibp', first.updated, [breach('Adobe')], 12, breachOf);
    expect(again).toEqual({ added: [], updated: [{ ...first.updated[0], lastSeen: 12 }] });
  });

  it('keeps a breach of the same name apart when the data says it is another incident, or when nothing is stored to tell', () => {
    const stored = new Map([['xposedornot\u0000Adobe', xon('Adobe', '2019')]]);
    const breachOf = (s: { provider: string; breachId: string }) => stored.get(`${s.provider}\u0000${s.breachId}`) ?? null;
    expect(diffExposures('a@b.com', 'hibp', [resolvedAtXon], [breach('Adobe')], 9, breachOf).added).toHaveLength(1);
    expect(diffExposures('a@b.com', 'hibp', [resolvedAtXon], [breach('Adobe')], 9).added).toHaveLength(1);
  });

  it('never joins two breaches of one provider into one incident', () => {
    const stored = new Map([['xposedornot\u0000Adobe', xon('Adobe')]]);
    const breachOf = (s: { provider: string; breachId: string }) => stored.get(`${s.provider}\u0000${s.breachId}`) ?? null;
    // HIBP names two breaches that both look like XposedOrNot's Adobe: only the first can join it.
    const twin = { ...breach('adobe'), title: 'Adobe' };
    const { added, updated } = diffExposures('a@b.com', 'hibp', [resolvedAtXon], [breach('Adobe'), twin], 9, breachOf);
    expect(updated.map((e) => e.also)).toEqual([[{ provider: 'hibp', breachId: 'Adobe' }]]);
    expect(added.map((e) => e.breachId)).toEqual(['adobe']);
  });

  it('ignores a breach repeated within one answer', () => {
    const { added } = diffExposures('a@b.com', 'hibp', [], [breach('Adobe'), breach('Adobe')], 9);
    expect(added).toHaveLength(1);
  });
});

describe('exposure counts', () => {
  it('change by one exposure appearing, changing state or going away', () => {
    const one = countChange(NO_EXPOSURES, undefined, 'new');
    expect(one).toEqual({ exposureCount: 1, newCount: 1 });
    expect(countChange(one, 'new', 'acknowledged')).toEqual({ exposureCount: 1, newCount: 0 });
    expect(countChange({ exposureCount: 1, newCount: 0 }, 'resolved', 'new')).toEqual({ exposureCount: 1, newCount: 1 });
    expect(countChange(one, 'new', 'new')).toEqual(one);
    expect(countChange({ exposureCount: 3, newCount: 1 }, 'acknowledged', undefined)).toEqual({ exposureCount: 2, newCount: 1 });
    expect(countChange({ exposureCount: 3, newCount: 1 }, 'new', undefined)).toEqual({ exposureCount: 2, newCount: 0 });
  });

  it('are counted per address from the records', () => {
    const counts = countByEmail([
      { email: 'a@x.com', state: 'new' },
      { email: 'b@x.com', state: 'resolved' },
      { email: 'a@x.com', state: 'acknowledged' },
      { email: 'a@x.com', state: 'new' },
    ]);
    expect(Object.fromEntries(counts)).toEqual({ 'a@x.com': { exposureCount: 3, newCount: 2 }, 'b@x.com': { exposureCount: 1, newCount: 0 } });
    expect(countByEmail([]).size).toBe(0);
  });
});
