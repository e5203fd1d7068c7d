import type { ProviderId } from '../core/breach';
import { horizon, nextSlot, rulesFor, type PacingSettings } from '../core/pacing';
import { noteRequest, recentRequests } from '../storage/check-queue';
import type { Db } from '../storage/schema';

/** One claim at a time per provider, so two tasks of this worker never take the same slot. */
const gates = new Map<ProviderId, Promise<unknown>>();

/**
 * Claims the next request slot of a provider for the caller: if one is free now, records the
 * request (before it is sent, so one cut short by a killed worker still counts) and returns null;
 * otherwise returns when the next slot opens. An address check names its address, so the popup can
 * tell a check on the wire from one waiting for its turn. Every request to a rate-limited provider goes
 * through here — address checks and catalog refreshes alike.
 */
export function claimSlot(store: Db, provider: ProviderId, settings: PacingSettings, notBefore = 0, email?: string): Promise<number | null> {
  const claim = (gates.get(provider) ?? Promise.resolve()).then(async () => {
    const rules = rulesFor(provider, settings);
    const sent = await recentRequests(store, provider, Date.now() - horizon(rules));
    // Read after the lookup, so the time recorded is as close to the send as it can be.
    const now = Date.now();
    const at = Math.max(notBefore, nextSlot(rules, sent, now));
    if (at > now) return at;
    await noteRequest(store, provider, now, email);
    return null;
  });
  gates.set(provider, claim.catch(() => undefined));
  return claim;
}
