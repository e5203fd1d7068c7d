import { describe, expect, it } from 'vitest';
import { agreement } from './agreement';
import { tEn } from './i18n-test-helper';

describe('agreement', () => {
  it('says nothing for a user of one provider', () => {
    expect(agreement(['xposedornot'], ['xposedornot'], tEn)).toBeNull();
  });

  it('names every provider when all in use report the breach', () => {
    expect(agreement(['hibp', 'xposedornot'], ['xposedornot', 'hibp'], tEn)).toEqual({ line: 'Reported by XposedOrNot and Have I Been Pwned', why: [] });
  });

  it('says which one alone reports it, and why the other may not', () => {
    const onlyXon = agreement(['xposedornot'], ['xposedornot', 'hibp'], tEn)!;
    expect(onlyXon.line).toBe('Reported only by XposedOrNot');
    expect(onlyXon.why.join(' ')).toContain('different sources');
    expect(onlyXon.why.join(' ')).toContain('sensitive');
    const onlyHibp = agreement(['hibp'], ['xposedornot', 'hibp'], tEn)!;
    expect(onlyHibp.line).toBe('Reported only by Have I Been Pwned');
    expect(onlyHibp.why.join(' ')).toContain('shielded');
  });

  it('still names both for an incident found before the user went back to one provider', () => {
    expect(agreement(['xposedornot', 'hibp'], ['xposedornot'], tEn)?.line).toBe('Reported by XposedOrNot and Have I Been Pwned');
  });
});
