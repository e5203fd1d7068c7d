import { describe, expect, it } from 'vitest';
import { tEn, tIt } from './i18n-test-helper';
import { checkNoticeInput, siteHost } from './notice-input';

const TODAY = '2026-11-29';
const good = {
  email: ' Me@Example.com ',
  organisation: 'Big Online Shop',
  site: 'https://www.bigshop.example/help',
  date: '2018-11-21',
  dataClasses: ['Names', 'Email addresses', 'Names', ' '],
  note: 'Mail said a "technical error" published our names and addresses.',
};

describe('checkNoticeInput', () => {
  it('accepts and tidies a complete notice', () => {
    expect(checkNoticeInput(good, TODAY, tEn)).toEqual({
      ok: true,
      value: { ...good, email: 'me@example.com', site: 'www.bigshop.example', dataClasses: ['Names', 'Email addresses'] },
    });
  });

  it.each([
    [{ email: 'nope' }, 'email'],
    [{ organisation: '  ' }, 'organisation'],
    [{ organisation: 'x'.repeat(201) }, 'organisation'],
    [{ site: 'not a site' }, 'site'],
    [{ date: '21/11/2018' }, 'date'],
    [{ date: '2018-02-30' }, 'date'],
    [{ date: '2018-13' }, 'date'],
    [{ date: '2027-01-01' }, 'date'],
    [{ dataClasses: [] }, 'dataClasses'],
    [{ note: 'x'.repeat(5001) }, 'note'],
  ])('refuses %j, naming the field', (patch, field) => {
    const result = checkNoticeInput({ ...good, ...patch }, TODAY, tEn);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.field).toBe(field);
      expect(result.message.length).toBeGreaterThan(10);
    }
  });

  it('stores the words people type as the providers\' names, once each, keeping unknown ones', () => {
    const typed = { ...good, dataClasses: ['nome', 'e-mail', 'Indirizzi email', 'telefono', 'Nearly everything'] };
    const result = checkNoticeInput(typed, TODAY, tIt);
    expect(result.ok && result.value.dataClasses).toEqual(['Names', 'Email addresses', 'Phone numbers', 'Nearly everything']);
  });

  it('accepts a month or a year when that is all the user knows', () => {
    expect(checkNoticeInput({ ...good, date: '2018-11' }, TODAY, tEn).ok).toBe(true);
    expect(checkNoticeInput({ ...good, date: '2018' }, TODAY, tEn).ok).toBe(true);
  });
});

describe('siteHost', () => {
  it('keeps the host of a pasted URL, or of a bare host', () => {
    expect(siteHost('Shop.Example.com')).toBe('shop.example.com');
    expect(siteHost('http://a.b.example:8080/x?y')).toBe('a.b.example');
    expect(siteHost('')).toBe('');
    expect(siteHost('localhost')).toBeNull();
  });
});
