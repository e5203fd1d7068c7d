/**
 * Rate-limit arithmetic for the check queue. A provider's limits are a set of windows
 * ("2 per second, 25 per hour, 100 per day"); given the times of the requests already sent, this
 * says when the next one may go. Windows are treated as sliding, which is never looser than the
 * fixed windows the providers count in, so paced requests are never answered 429.
 */
export interface RateRule {
  limit: number;
  windowMs: number;
}

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** The settings that decide the pace (a slice of Settings, so core needs no more of it). */
export interface PacingSettings {
  hibpRequestsPerMinute: number;
  extraRateLimit: number;
  extraRateWindowSeconds: number;
}

/** The longest window among the rules: older request times can be forgotten. */
export function horizon(rules: readonly RateRule[]): number {
  return rules.reduce((max, r) => Math.max(max, r.windowMs), 0);
}

/**
 * Earliest time at or after `now` when one more request respects every rule.
 * `sent` holds the times of earlier requests (any order).
 */
export function nextSlot(rules: readonly RateRule[], sent: readonly number[], now: number): number {
  const times = [...sent].sort((a, b) => a - b);
  let slot = now;
  for (const rule of rules) {
    if (rule.limit <= 0) continue;
    const inWindow = times.filter((t) => t > slot - rule.windowMs);
    if (inWindow.length >= rule.limit) {
      // The request that must age out of the window before one more fits.
      const blocker = inWindow[inWindow.length - rule.limit];
      if (blocker !== undefined) slot = Math.max(slot, blocker + rule.windowMs);
    }
  }
  // Moving the slot later for one rule can never break another rule (windows only empty with
  // time), so one pass over the rules is enough.
  return slot;
}

/**
 * The limit a person is told a request waits for ("25 checks an hour"), given its slot `at` and
 * the requests counted before it: of the rules that alone would hold it past `now`, the one with
 * the longest window — a request queued behind others spent by the hour's quota waits for the
 * hour, even if the per-second rule sets its exact slot. Null when it need not wait.
 */
export function blockingRule(rules: readonly RateRule[], sent: readonly number[], at: number, now: number): RateRule | null {
  if (at <= now) return null;
  let found: RateRule | null = null;
  for (const rule of rules) {
    if (nextSlot([rule], sent, now) > now && (found === null || rule.windowMs > found.windowMs)) found = rule;
  }
  return found;
}

/** Drops request times that no rule can still count. */
export function prune(rules: readonly RateRule[], sent: readonly number[], now: number): number[] {
  const keepAfter = now - horizon(rules);
  return sent.filter((t) => t > keepAfter);
}

/**
 * When each queued request will be sent, in queue order, given what was already sent: each no
 * earlier than its own `notBefore` (a retry-after) and within every rule. The popup shows it per
 * address ("waiting for the rate limit until …") and takes the last as the run's "done by".
 */
export function queueSlots(rules: readonly RateRule[], sent: readonly number[], queue: ReadonlyArray<{ notBefore: number }>, now: number): number[] {
  const times = [...sent];
  return queue.map(({ notBefore }) => {
    const at = nextSlot(rules, times, Math.max(now, notBefore));
    times.push(at);
    return at;
  });
}
