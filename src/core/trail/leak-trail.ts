/**
 * The leak trail: an address the person gave only to some sites turned up in a breach (or a notice)
 * of a site they never gave it to. Either one of those sites shared it, or it was breached without
 * saying so. Pure: the storage derives the findings from an address's "given to" sites and its
 * exposures and notices with `trailsFor`, in the same transaction that changes any of them.
 */
import type { ProviderId } from '../breach';
import type { ExposureState } from '../exposure';
import { isAmongSites, registrableDomain } from './registrable-domain';

/** Where the address appeared: an exposure (by the key of its first sighting) or a manual notice. */
export type TrailSource = { kind: 'breach'; provider: ProviderId; breachId: string } | { kind: 'notice'; id: string };

/** One finding of the leak trail, stored in the `trails` store and exported. */
export interface LeakTrail {
  /** `trailId(email, source)`: one finding per address and breach or notice. */
  id: string;
  email: string;
  /** The sites the address was given to when the finding was made (registrable domains, sorted). */
  givenTo: string[];
  source: TrailSource;
  /** Who had it instead: the breach's title or the notice's organisation, and its site. */
  title: string;
  site: string;
  /** When that breach happened (YYYY[-MM[-DD]]), or null when unknown. */
  date: string | null;
  createdAt: number;
  state: ExposureState;
  stateChangedAt: number;
}

/** A place the address appeared, as the trail reads it. */
export interface Appearance {
  source: TrailSource;
  title: string;
  /** Every domain recorded for it (an incident several providers report may carry several). */
  domains: readonly string[];
  date: string | null;
}

export const trailId = (email: string, source: TrailSource): string =>
  source.kind === 'breach' ? `${email}\u0000breach\u0000${source.provider}\u0000${source.breachId}` : `${email}\u0000notice\u0000${source.id}`;

/**
 * The findings an address should have: one per appearance on a site outside `givenTo`. None
 * without "given to" sites (nothing is assumed), none for an appearance with no known site (it
 * cannot be told apart), and none when any of its domains is one of the sites: a breach of a site
 * the address was given to is an ordinary finding. Existing findings keep their state and date.
 */
export function trailsFor(
  email: string,
  givenTo: readonly string[],
  appearances: readonly Appearance[],
  existing: ReadonlyMap<string, LeakTrail>,
  now: number,
): LeakTrail[] {
  if (givenTo.length === 0) return [];
  const sites = [...givenTo].sort();
  const out: LeakTrail[] = [];
  for (const a of appearances) {
    const domains = a.domains.filter((d) => registrableDomain(d) !== '');
    if (domains.length === 0 || domains.some((d) => isAmongSites(d, sites))) continue;
    const id = trailId(email, a.source);
    const had = existing.get(id);
    out.push({
      id,
      email,
      givenTo: sites,
      source: a.source,
      title: a.title,
      site: registrableDomain(domains[0]!),
      date: a.date,
      createdAt: had?.createdAt ?? now,
      state: had?.state ?? 'new',
      stateChangedAt: had?.stateChangedAt ?? now,
    });
  }
  return out;
}
