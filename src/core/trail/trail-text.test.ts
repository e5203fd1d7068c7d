import { describe, expect, it } from 'vitest';
import { tEn, tIt } from '../i18n-test-helper';
import { trailId, type LeakTrail } from './leak-trail';
import { trailSentence } from './trail-text';

const EMAIL = 'me+shopa@example.com';
const trail: LeakTrail = {
  id: trailId(EMAIL, { kind: 'breach', provider: 'hibp', breachId: 'OtherShop' }), email: EMAIL, givenTo: ['shopa.example'],
  source: { kind: 'breach', provider: 'hibp', breachId: 'OtherShop' }, title: 'OtherShop', site: 'othershop.example', date: '2019-05-01',
  createdAt: 1, state: 'new', stateChangedAt: 1,
};

describe('trailSentence', () => {
  it('names both sites, in English and Italian', () => {
    expect(trailSentence(trail, EMAIL, tEn)).toBe(
      "You gave me+shopa@example.com only to shopa.example. It appeared in OtherShop's breach (othershop.example, 2019): shopa.example shared it, or was breached without saying so.",
    );
    expect(trailSentence(trail, EMAIL, tIt)).toBe(
      'Hai dato me+shopa@example.com solo a shopa.example. È comparso nella violazione di OtherShop (othershop.example, 2019): shopa.example l\'ha condiviso, oppure ha subito una violazione senza dirlo.',
    );
  });

  it('speaks of several sites, undated breaches and notices', () => {
    expect(trailSentence({ ...trail, givenTo: ['a.example', 'b.example'], date: null }, 'x', tEn)).toBe(
      "You gave x only to a.example, b.example. It appeared in OtherShop's breach (othershop.example): one of them shared it, or was breached without saying so.",
    );
    expect(trailSentence({ ...trail, source: { kind: 'notice', id: 'n' }, title: 'Mailer Ltd', site: 'mailer.example' }, 'x', tEn)).toContain('in a notice from Mailer Ltd (mailer.example)');
  });
});
