/**
 * A data-protection request the person sent about one history entry (a breach or a notice), and
 * where it stands. The extension sends nothing: the person tells it the request went out and
 * when, and it keeps the legal deadline (deadline.ts) and says when it lapsed.
 *
 * One request per entry: the record's key is the entry's timeline key (history-query.ts), which
 * also links the request to its breach or notice.
 */
import { dueDate, isOverdue, parseLocalDate, type LocalDate } from './deadline';
import { DEADLINE_RULES } from './deadline-rules';
import type { LawId } from './laws';

export interface RightsRequest {
  /** The timeline key of the breach or notice asked about: `breach\0email\0provider\0id` or `notice\0id`. */
  entry: string;
  email: string;
  /** The organisation asked, as the entry named it then. */
  organisation: string;
  law: LawId;
  /** The day the request went out, as the person gave it: the deadline runs from it. */
  sentOn: LocalDate;
  /** Months the organisation announced it needs beyond the first (Art. 12(3): at most two). */
  extensionMonths: number;
  /** The day an answer came, or null while none has. */
  answeredOn: LocalDate | null;
  /** The person's note about the answer (or about closing the request). */
  note: string;
  /** The day the person closed the request without (or after) an answer; null while open. */
  closedOn: LocalDate | null;
  createdAt: number;
  changedAt: number;
  /**
   * The due date the "overdue" notification was shown for, so it is shown once per due date,
   * even across worker restarts; null before any. An extension moves the due date, and a
   * second lapse earns a second notification.
   */
  notifiedDue: LocalDate | null;
}

/** Where a request stands on a given day. Answered and closed requests are done. */
export type RequestStatus = 'waiting' | 'overdue' | 'answered' | 'closed';

export function requestDue(request: Pick<RightsRequest, 'law' | 'sentOn' | 'extensionMonths'>): LocalDate {
  return dueDate(request.sentOn, DEADLINE_RULES[request.law], request.extensionMonths);
}

export function requestStatus(request: RightsRequest, today: LocalDate): RequestStatus {
  if (request.answeredOn !== null) return 'answered';
  if (request.closedOn !== null) return 'closed';
  return isOverdue(requestDue(request), today) ? 'overdue' : 'waiting';
}

/** The longest extension the request's law allows (GDPR: two further months). */
export const maxExtension = (law: LawId): number => DEADLINE_RULES[law].maxExtensionMonths;

/** Requests whose due date passed unanswered and that were not yet notified for that due date. */
export function owedOverdueNotices(requests: readonly RightsRequest[], today: LocalDate): RightsRequest[] {
  return requests.filter((r) => requestStatus(r, today) === 'overdue' && r.notifiedDue !== requestDue(r));
}

/** What the person may tell about a request; each is checked by `applyRequestChange`. */
export type RequestChange =
  | { action: 'sent'; sentOn: string; law: LawId; organisation: string; email: string }
  | { action: 'extended'; months: number }
  | { action: 'answered'; answeredOn: string; note: string }
  | { action: 'closed'; note: string }
  | { action: 'reopened' };

/** A change as a page sends it: for "sent", the entry's own facts are read from storage, not taken from the page. */
export type RequestChangeInput = { action: 'sent'; sentOn: string; law: LawId } | Exclude<RequestChange, { action: 'sent' }>;

/** Why a change was refused, as a message key (worded by the caller). */
export type RequestRefusal = 'requestDateInvalid' | 'requestDateFuture' | 'requestDateBeforeSent' | 'requestExtensionInvalid' | 'requestNotSent';

/**
 * The request after a change, or why the change cannot be made. Dates are local calendar days:
 * a request cannot be sent (or answered) tomorrow, nor answered before it was sent.
 */
export function applyRequestChange(
  previous: RightsRequest | undefined,
  entry: string,
  change: RequestChange,
  today: LocalDate,
  now: number,
): { ok: true; request: RightsRequest } | { ok: false; reason: RequestRefusal } {
  const day = (text: string): RequestRefusal | null =>
    parseLocalDate(text) === null ? 'requestDateInvalid' : text > today ? 'requestDateFuture' : null;
  if (change.action === 'sent') {
    const refused = day(change.sentOn);
    if (refused) return { ok: false, reason: refused };
    // Sent again (a corrected date, another law): the answer and the notification start over.
    return {
      ok: true,
      request: {
        entry,
        email: change.email,
        organisation: change.organisation,
        law: change.law,
        sentOn: change.sentOn,
        extensionMonths: 0,
        answeredOn: null,
        note: '',
        closedOn: null,
        createdAt: previous?.createdAt ?? now,
        changedAt: now,
        notifiedDue: null,
      },
    };
  }
  if (!previous) return { ok: false, reason: 'requestNotSent' };
  const changed = { ...previous, changedAt: now };
  switch (change.action) {
    case 'extended': {
      const months = change.months;
      if (!Number.isInteger(months) || months < 0 || months > maxExtension(previous.law)) return { ok: false, reason: 'requestExtensionInvalid' };
      return { ok: true, request: { ...changed, extensionMonths: months } };
    }
    case 'answered': {
      const refused = day(change.answeredOn) ?? (change.answeredOn < previous.sentOn ? 'requestDateBeforeSent' : null);
      if (refused) return { ok: false, reason: refused };
      return { ok: true, request: { ...changed, answeredOn: change.answeredOn, note: change.note, closedOn: change.answeredOn } };
    }
    case 'closed':
      return { ok: true, request: { ...changed, closedOn: today, note: change.note } };
    case 'reopened':
      return { ok: true, request: { ...changed, answeredOn: null, closedOn: null } };
  }
}
