import type { Breach, ProviderId } from './breach';
import { sameIncident, sourceKey, sourcesOf, type ExposureSource } from './incident';
import type { ProviderFailure } from './provider-error';

/** An address the user watches. Keyed by its normalised form. */
export interface WatchedAddress {
  email: string;
  addedAt: number;
  lastCheckedAt: number | null;
  /** Outcome of the latest finished check: what the popup shows when nothing is running. */
  lastOutcome: 'clean' | 'breached' | 'failed' | null;
  lastFailure: ProviderFailure | null;
  /** The sites the address was given to (registrable domains, sorted; see core/trail); absent when none. */
  givenTo?: string[];
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

/**
 * One address found in one breach incident. Keyed by the provider and breach of its first
 * sighting; other providers' findings of the same incident join it in `also` (see incident.ts),
 * so the user's state, the counts and the badge are per incident. Created once, never duplicated.
 */
export interface Exposure {
  email: string;
  provider: ProviderId;
  breachId: string;
  /** The same incident as other providers name it (none when only the first provider reports it). */
  also: ExposureSource[];
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
 * Merges one provider's answer into the address's known exposures. Pure, so the rules are tested
 * without a database: an exposure already seen is never new again; a breach another provider
 * already reported as the same incident (`breachOf` gives the stored records of the known
 * exposures' sources) joins that exposure instead of adding one; a provider's own distinct
 * breaches never join each other.
 */
export function diffExposures(
  email: string,
  provider: ProviderId,
  known: readonly Exposure[],
  found: readonly Breach[],
  now: number,
  breachOf: (source: ExposureSource) => Breach | null = () => null,
): { added: Exposure[]; updated: Exposure[] } {
  const current = new Map(known.map((e) => [sourceKey(e), e]));
  const bySource = new Map<string, string>();
  for (const [key, e] of current) for (const s of sourcesOf(e)) bySource.set(sourceKey(s), key);
  const added: Exposure[] = [];
  const updated = new Set<string>();
  const seen = new Set<string>();
  for (const breach of found) {
    if (seen.has(breach.id)) continue; // providers have been seen to repeat a name in one answer
    seen.add(breach.id);
    const key = bySource.get(sourceKey({ provider, breachId: breach.id })) ?? joinable(current, provider, breach, breachOf);
    const existing = key === undefined ? undefined : current.get(key);
    if (key !== undefined && existing) {
      const isSource = sourcesOf(existing).some((s) => s.provider === provider && s.breachId === breach.id);
      current.set(key, {
        ...existing,
        also: isSource ? existing.also : [...existing.also, { provider, breachId: breach.id }],
        lastSeen: now,
      });
      bySource.set(sourceKey({ provider, breachId: breach.id }), key);
      updated.add(key);
    } else {
      added.push({ email, provider, breachId: breach.id, also: [], firstSeen: now, lastSeen: now, state: 'new', stateChangedAt: now, note: '' });
    }
  }
  return { added, updated: [...updated].map((key) => current.get(key)!) };
}

/** The known exposure a provider's breach is the same incident as, if one is and no finding of this provider is in it yet. */
function joinable(current: ReadonlyMap<string, Exposure>, provider: ProviderId, breach: Breach, breachOf: (source: ExposureSource) => Breach | null): string | undefined {
  for (const [key, e] of current) {
    const sources = sourcesOf(e);
    if (sources.some((s) => s.provider === provider)) continue;
    if (sources.some((s) => {
      const record = breachOf(s);
      return record !== null && sameIncident(record, breach);
    })) return key;
  }
  return undefined;
}
