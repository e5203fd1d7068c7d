import { describe, expect, it } from 'vitest';
import { buildExport, emptyExport, mergeImport, parseImport } from '../../export-format';
import { tEn, tIt } from '../../i18n-test-helper';
import { trailId, type LeakTrail } from '../../trail/leak-trail';

const EMAIL = 'me+shopa@example.com';
const address = { email: EMAIL, addedAt: 1, lastCheckedAt: null, lastOutcome: null, lastFailure: null };
const finding: LeakTrail = {
  id: trailId(EMAIL, { kind: 'breach', provider: 'hibp', breachId: 'OtherShop' }), email: EMAIL, givenTo: ['shopa.example'],
  source: { kind: 'breach', provider: 'hibp', breachId: 'OtherShop' }, title: 'OtherShop', site: 'othershop.example', date: '2019-05-01',
  createdAt: 10, state: 'new', stateChangedAt: 10,
};
const withTrail = (trail: unknown) => JSON.stringify({ ...emptyExport(), addresses: [address], trail });

describe('the trail section of the export', () => {
  it('is written only when there is something in it, and read back as written', () => {
    expect(JSON.parse(buildExport({ ...emptyExport(), addresses: [address] }, tEn))).not.toHaveProperty('trail');
    const text = buildExport({ ...emptyExport(), addresses: [address], trail: { givenTo: [{ email: EMAIL, sites: ['shopa.example'] }], findings: [finding] } }, tEn);
    const parsed = parseImport(text, tEn);
    expect(parsed.ok && parsed.doc.trail).toEqual({ givenTo: [{ email: EMAIL, sites: ['shopa.example'] }], findings: [finding] });
  });

  it("refuses a bad field with its path, in the reader's language", () => {
    const bad = withTrail({ givenTo: [], findings: [{ ...finding, state: 'seen' }] });
    expect(parseImport(bad, tEn)).toEqual({ ok: false, message: 'trail.findings[0].state must be new, acknowledged or resolved (found "seen").' });
    const outcome = parseImport(bad, tIt);
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.message).toMatch(/^trail\.findings\[0\]\.state deve essere new, acknowledged o resolved/);
  });

  it('refuses sites that are not registrable domains, and addresses not in the file', () => {
    expect(parseImport(withTrail({ givenTo: [{ email: EMAIL, sites: ['www.shopa.example'] }], findings: [] }), tEn)).toEqual({
      ok: false, message: "trail.givenTo[0].sites[0] must be a site's registrable domain, such as shop.example (found \"www.shopa.example\").",
    });
    expect(parseImport(withTrail({ givenTo: [{ email: 'other@example.com', sites: ['shopa.example'] }], findings: [] }), tEn)).toEqual({
      ok: false, message: 'trail.givenTo[0].email "other@example.com" is not one of the addresses in the file.',
    });
    expect(parseImport(withTrail({ givenTo: [], findings: [{ ...finding, id: 'forged' }] }), tEn)).toEqual({
      ok: false, message: 'trail.findings[0].id is not the id its address and source make.',
    });
    expect(parseImport(withTrail({ givenTo: [], findings: [finding, finding] }), tEn).ok).toBe(false);
    expect(parseImport(withTrail('yes'), tEn)).toEqual({ ok: false, message: 'trail must be an object (found "yes").' });
  });

  it('drops fields it does not know, including __proto__', () => {
    const text = `{"format":"was-i-exposed-export","version":2,"addresses":[${JSON.stringify(address)}],"breaches":[],"exposures":[],"notices":[],"siteAlerts":[],"runs":[],"results":[],`
      + `"trail":{"givenTo":[{"email":"${EMAIL}","sites":["shopa.example"],"__proto__":{"polluted":true},"extra":1}],"findings":[]}}`;
    const parsed = parseImport(text, tEn);
    expect(parsed.ok && parsed.doc.trail?.givenTo).toEqual([{ email: EMAIL, sites: ['shopa.example'] }]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('merges: the sites of both copies, and the state that changed later', () => {
    const here = { ...emptyExport(), addresses: [address], trail: { givenTo: [{ email: EMAIL, sites: ['shopa.example'] }], findings: [{ ...finding, state: 'acknowledged' as const, stateChangedAt: 20 }] } };
    const there = { ...emptyExport(), addresses: [address], trail: { givenTo: [{ email: EMAIL, sites: ['shopb.example'] }], findings: [finding] } };
    expect(mergeImport(here, there).trail).toEqual({ givenTo: [{ email: EMAIL, sites: ['shopa.example', 'shopb.example'] }], findings: [{ ...finding, state: 'acknowledged', stateChangedAt: 20 }] });
  });
});
