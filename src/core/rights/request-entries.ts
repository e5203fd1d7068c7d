/**
 * Requests as entries of the history's timeline (#13 item 4): their own kind, linked to the
 * breach or notice they ask about. Few (one per entry at most), so they are built whole and
 * merged into the timeline's order.
 */
import type { RequestEntry } from '../history-query';
import type { LocalDate } from './deadline';
import { requestDue, requestStatus, type RightsRequest } from './request';

/** A request's timeline key: `request\0` and the key of the entry it is about. */
export const requestEntryKey = (entry: string) => `request\u0000${entry}`;

export function requestEntries(requests: readonly RightsRequest[], today: LocalDate): RequestEntry[] {
  return requests.map((r) => {
    const status = requestStatus(r, today);
    return {
      kind: 'request',
      key: requestEntryKey(r.entry),
      email: r.email,
      title: r.organisation,
      domain: '',
      date: r.sentOn,
      year: Number(r.sentOn.slice(0, 4)),
      firstSeen: r.createdAt,
      // Done requests read as resolved, open ones as seen: "new" is for what the person has not looked at.
      state: status === 'answered' || status === 'closed' ? 'resolved' : 'acknowledged',
      stateChangedAt: r.changedAt,
      note: r.note,
      dataClasses: [],
      steps: [],
      searchText: [r.organisation, r.note, r.email, status].join('\u0000').toLowerCase(),
      classText: '',
      request: r,
      status,
      due: requestDue(r),
    };
  });
}
