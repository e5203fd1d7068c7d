import { describe, expect, it } from 'vitest';
import { applyRequestChange, owedOverdueNotices, requestDue, requestStatus, type RightsRequest } from './request';

const ENTRY = 'notice\u0000n1';
const sent = (sentOn: string, today = '2027-03-10') => {
  const r = applyRequestChange(undefined, ENTRY, { action: 'sent', sentOn, law: 'eu-gdpr', organisation: 'Amazon', email: 'a@example.com' }, today, 1);
  if (!r.ok) throw new Error(r.reason);
  return r.request;
};
const change = (request: RightsRequest, c: Parameters<typeof applyRequestChange>[2], today = '2027-03-10') => applyRequestChange(request, ENTRY, c, today, 2);

describe('a request', () => {
  it('is due a month after it was sent (weekends moved to Monday), and overdue the day after', () => {
    const r = sent('2027-01-05'); // due Friday 5 February 2027
    expect(requestDue(r)).toBe('2027-02-05');
    expect(requestStatus(r, '2027-02-05')).toBe('waiting');
    expect(requestStatus(r, '2027-02-06')).toBe('overdue');
    expect(requestDue(sent('2027-01-06'))).toBe('2027-02-08'); // 6 Feb is a Saturday
  });

  it('can be sent today or earlier, never later, and the date must be a real day', () => {
    expect(applyRequestChange(undefined, ENTRY, { action: 'sent', sentOn: '2027-03-11', law: 'eu-gdpr', organisation: 'A', email: 'a@example.com' }, '2027-03-10', 1)).toEqual({ ok: false, reason: 'requestDateFuture' });
    expect(applyRequestChange(undefined, ENTRY, { action: 'sent', sentOn: '2027-02-30', law: 'eu-gdpr', organisation: 'A', email: 'a@example.com' }, '2027-03-10', 1)).toEqual({ ok: false, reason: 'requestDateInvalid' });
    expect(sent('2027-03-10').sentOn).toBe('2027-03-10');
  });

  it('moves its due date by the extension the organisation announced, up to two months', () => {
    const r = sent('2027-01-05');
    const extended = change(r, { action: 'extended', months: 2 });
    expect(extended.ok && requestDue(extended.request)).toBe('2027-04-05');
    expect(change(r, { action: 'extended', months: 3 })).toEqual({ ok: false, reason: 'requestExtensionInvalid' });
    expect(change(r, { action: 'extended', months: 1.5 })).toEqual({ ok: false, reason: 'requestExtensionInvalid' });
  });

  it('is answered (and so done) on a day between sending and today; closed without one; reopened', () => {
    const r = sent('2027-01-05');
    expect(change(r, { action: 'answered', answeredOn: '2027-01-04', note: '' })).toEqual({ ok: false, reason: 'requestDateBeforeSent' });
    expect(change(r, { action: 'answered', answeredOn: '2027-03-11', note: '' })).toEqual({ ok: false, reason: 'requestDateFuture' });
    const answered = change(r, { action: 'answered', answeredOn: '2027-02-01', note: 'They sent a copy' });
    if (!answered.ok) throw new Error('refused');
    expect(requestStatus(answered.request, '2027-09-01')).toBe('answered');
    expect(answered.request.note).toBe('They sent a copy');
    const closed = change(r, { action: 'closed', note: 'gave up' });
    expect(closed.ok && requestStatus(closed.request, '2027-09-01')).toBe('closed');
    const reopened = closed.ok ? change(closed.request, { action: 'reopened' }) : null;
    expect(reopened?.ok && requestStatus(reopened.request, '2027-09-01')).toBe('overdue');
  });

  it('cannot be extended or answered before it was sent', () => {
    expect(applyRequestChange(undefined, ENTRY, { action: 'extended', months: 1 }, '2027-03-10', 1)).toEqual({ ok: false, reason: 'requestNotSent' });
  });

  it('owes one overdue notice per due date', () => {
    const r = sent('2027-01-05');
    expect(owedOverdueNotices([r], '2027-02-05')).toEqual([]);
    expect(owedOverdueNotices([r], '2027-02-06')).toEqual([r]);
    const notified = { ...r, notifiedDue: requestDue(r) };
    expect(owedOverdueNotices([notified], '2027-03-10')).toEqual([]);
    // Extended: the new due date lapses too, and that is news again.
    const extended = { ...notified, extensionMonths: 2 };
    expect(owedOverdueNotices([extended], '2027-04-05')).toEqual([]);
    expect(owedOverdueNotices([extended], '2027-04-06')).toEqual([extended]);
  });
});
