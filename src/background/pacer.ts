import { horizon, nextSlot, type PacingSettings } from '../core/pacing';
import { rulesFor, type RateBucket } from '../core/provider-registry';
import { noteRequest, recentRequests } from '../storage/check-queue';
import type { Db } from '../storage/schema';

/** One claim at a time per bucket, so two tasks of this worker never take the same slot. */
const gates = new Map<RateBucket, Promise<unknown>>();

/**
 * Claims the next request slot of a bucket (a provider's lookups, or its catalog downloads) for
 * the caller: if one is free now, records the request (before it is sent, so one cut short by a
 * killed worker still counts) and returns null; otherwise returns when the next slot opens. An
 * address check names its address, so the popup can tell a check on the wire from one waiting for
 * its turn. Every request to a rate-limited provider goes through here — address checks and
 * catalog refreshes alike; a bucket the provider does not count is free at once (after `notBefore`).
 */
export function claimSlot(store: Db, bucket: RateBucket, settings: PacingSettings, notBefore = 0, email?: string): Promise<number | null> {
  const claim = (gates.get(bucket) ?? Promise.resolve()).then(async () => {
    const rules = rulesFor(bucket, settings);
    if (rules === null) return notBefore > Date.now() ? notBefore : null;
    const sent = await recentRequests(store, bucket, Date.now() - horizon(rules));
    // Read after the lookup, so the time recorded is as close to the send as it can be.
    const now = Date.now();
    const at = Math.max(notBefore, nextSlot(rules, sent, now));
    if (at > now) return at;
    await noteRequest(store, bucket, now, email);
    return null;
  });
  gates.set(bucket, claim.catch(() => undefined));
  return claim;
}
