import { describe, expect, it } from 'vitest';
import { buildTimeline, compareEntries, filterTimeline } from '../history-query';
import { noticeEntryKey } from '../entry-key';
import type { ManualNotice } from '../notice';
import type { RightsRequest } from './request';
import { requestEntries, requestEntryKey } from './request-entries';

const NOTICE: ManualNotice = {
  id: 'n1', email: 'a@example.com', organisation: 'Amazon', site: '', date: '2018-11-21', dataClasses: ['email'], note: '', createdAt: 10, state: 'acknowledged', stateChangedAt: 10,
};
const request = (over: Partial<RightsRequest> = {}): RightsRequest => ({
  entry: noticeEntryKey('n1'), email: 'a@example.com', organisation: 'Amazon', law: 'eu-gdpr', sentOn: '2027-01-05', extensionMonths: 0,
  answeredOn: null, note: '', closedOn: null, createdAt: 20, changedAt: 20, notifiedDue: null, ...over,
});

describe('requests in the timeline', () => {
  it('are entries of their own kind, linked to their notice, with their status and due date', () => {
    const [entry] = requestEntries([request()], '2027-02-06');
    expect(entry).toMatchObject({ kind: 'request', key: requestEntryKey(noticeEntryKey('n1')), title: 'Amazon', date: '2027-01-05', year: 2027, status: 'overdue', due: '2027-02-05', state: 'acknowledged' });
    expect(requestEntries([request({ answeredOn: '2027-01-20', closedOn: '2027-01-20' })], '2027-02-06')[0]).toMatchObject({ status: 'answered', state: 'resolved' });
  });

  it('merge into the timeline in its order and are picked out by the kind filter', () => {
    const timeline = [...buildTimeline([], [], [NOTICE]), ...requestEntries([request()], '2027-01-10')].sort(compareEntries);
    expect(timeline.map((e) => e.kind)).toEqual(['request', 'notice']); // recorded later, so first
    expect(filterTimeline(timeline, { kind: 'request' }).map((e) => e.kind)).toEqual(['request']);
    expect(filterTimeline(timeline, { kind: 'notice' }).map((e) => e.kind)).toEqual(['notice']);
    expect(filterTimeline(timeline, { text: 'amazon' })).toHaveLength(2);
  });
});
