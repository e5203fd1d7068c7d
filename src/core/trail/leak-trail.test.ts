import { describe, expect, it } from 'vitest';
import { trailId, trailsFor, type Appearance, type LeakTrail } from './leak-trail';

const EMAIL = 'me+shopa@example.com';
const other: Appearance = { source: { kind: 'breach', provider: 'hibp', breachId: 'OtherShop' }, title: 'OtherShop', domains: ['othershop.example'], date: '2019-05-01' };
const own: Appearance = { source: { kind: 'breach', provider: 'hibp', breachId: 'ShopA' }, title: 'ShopA', domains: ['eu.shopa.example'], date: '2020-01-01' };

describe('trailsFor', () => {
  it('records a finding for a breach of a site the address was not given to', () => {
    const [trail, ...rest] = trailsFor(EMAIL, ['shopa.example'], [other], new Map(), 100);
    expect(rest).toEqual([]);
    expect(trail).toEqual({
      id: trailId(EMAIL, other.source), email: EMAIL, givenTo: ['shopa.example'], source: other.source,
      title: 'OtherShop', site: 'othershop.example', date: '2019-05-01', createdAt: 100, state: 'new', stateChangedAt: 100,
    });
  });

  it('raises nothing for a breach of a given-to site or its subdomains (an ordinary finding)', () => {
    expect(trailsFor(EMAIL, ['shopa.example'], [own], new Map(), 1)).toEqual([]);
  });

  it('raises nothing when no site was given, or the breach has no site', () => {
    expect(trailsFor(EMAIL, [], [other], new Map(), 1)).toEqual([]);
    expect(trailsFor(EMAIL, ['shopa.example'], [{ ...other, domains: [''] }], new Map(), 1)).toEqual([]);
  });

  it('counts an incident any of whose records is on a given-to site as that site', () => {
    expect(trailsFor(EMAIL, ['shopa.example'], [{ ...other, domains: ['othershop.example', 'shopa.example'] }], new Map(), 1)).toEqual([]);
  });

  it('keeps the state and date of a finding already made', () => {
    const had: LeakTrail = { ...trailsFor(EMAIL, ['shopa.example'], [other], new Map(), 5)[0]!, state: 'acknowledged', stateChangedAt: 7 };
    const [again] = trailsFor(EMAIL, ['shopa.example', 'shopb.example'], [other], new Map([[had.id, had]]), 50);
    expect(again).toMatchObject({ createdAt: 5, state: 'acknowledged', stateChangedAt: 7, givenTo: ['shopa.example', 'shopb.example'] });
  });

  it('reads notices too', () => {
    const notice: Appearance = { source: { kind: 'notice', id: 'n1' }, title: 'Mailer Ltd', domains: ['www.mailer.example'], date: '2021' };
    expect(trailsFor(EMAIL, ['shopa.example'], [notice], new Map(), 1).map((t) => [t.id, t.site])).toEqual([[trailId(EMAIL, notice.source), 'mailer.example']]);
  });
});
