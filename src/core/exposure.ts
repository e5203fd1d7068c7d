import type { Breach, ProviderId } from './breach';
import type { ProviderFailure } from './provider-error';

/** An address the user watches. Keyed by its normalised form. */
export interface WatchedAddress {
  email: string;
  addedAt: number;
  lastCheckedAt: number | null;
  /** Outcome of the latest finished check: what the popup shows when nothing is running. */
  lastOutcome: 'clean' | 'breached' | 'failed' | null;
  lastFailure: ProviderFailure | null;
}

export type ExposureState = 'new' | 'acknowledged' | 'resolved';

/**
 * How many exposures an address has, and how many of them are still 'new'. Stored on the address
 * and changed in the same transaction as the exposures, so the popup reads two numbers instead of
 * counting through an index, which takes time in proportion to the exposures stored.
 */
export interface ExposureCounts {
  exposureCount: number;
  newCount: number;
}

/** An address as stored: what the user watches, with its counts (derived data, never exported). */
export type StoredAddress = WatchedAddress & ExposureCounts;

export const NO_EXPOSURES: ExposureCounts = { exposureCount: 0, newCount: 0 };

/**
 * The counts after one exposure of the address changed state, appeared (`before` undefined) or went
 * away (`after` undefined).
 */
export function countChange(counts: ExposureCounts, before: ExposureState | undefined, after: ExposureState | undefined): ExposureCounts {
  return {
    exposureCount: counts.exposureCount + (after === undefined ? 0 : 1) - (before === undefined ? 0 : 1),
    newCount: counts.newCount + (after === 'new' ? 1 : 0) - (before === 'new' ? 1 : 0),
  };
}

/** The counts of every address that has exposures, counted from the records themselves. */
export function countByEmail(exposures: Iterable<Pick<Exposure, 'email' | 'state'>>): Map<string, ExposureCounts> {
  const out = new Map<string, ExposureCounts>();
  for (const e of exposures) out.set(e.email, countChange(out.get(e.email) ?? NO_EXPOSURES, undefined, e.state));
  return out;
}

/** One address found in one breach of one provider. Created once, never duplicated. */
export interface Exposure {
  email: string;
  provider: ProviderId;
  breachId: string;
  firstSeen: number;
  lastSeen: number;
  state: ExposureState;
  stateChangedAt: number;
  note: string;
  /** The "What to do" steps ticked, by id (guidance.ts), sorted; absent when none ever were. */
  steps?: string[];
}

export type ExposureKey = [email: string, provider: ProviderId, breachId: string];

export const exposureKey = (e: Pick<Exposure, 'email' | 'provider' | 'breachId'>): ExposureKey => [
  e.email,
  e.provider,
  e.breachId,
];

/**
 * Merges one check's breaches into the address's known exposures. Pure, so the rule "an exposure
 * already seen is never new again" is tested without a database.
 */
export function diffExposures(
  email: string,
  provider: ProviderId,
  known: readonly Exposure[],
  found: readonly Breach[],
  now: number,
): { added: Exposure[]; updated: Exposure[] } {
  const byId = new Map(known.filter((e) => e.provider === provider).map((e) => [e.breachId, e]));
  const added: Exposure[] = [];
  const updated: Exposure[] = [];
  const seen = new Set<string>();
  for (const breach of found) {
    if (seen.has(breach.id)) continue; // providers have been seen to repeat a name in one answer
    seen.add(breach.id);
    const existing = byId.get(breach.id);
    if (existing) {
      updated.push({ ...existing, lastSeen: now });
    } else {
      added.push({
        email,
        provider,
        breachId: breach.id,
        firstSeen: now,
        lastSeen: now,
        state: 'new',
        stateChangedAt: now,
        note: '',
      });
    }
  }
  return { added, updated };
}
