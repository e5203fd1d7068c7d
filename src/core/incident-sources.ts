/**
 * The names an incident goes by and the record it shows as: what pages that only show incidents
 * need (the popup), without the identity rule that decides them (incident.ts).
 */
import type { Breach, ProviderId } from './breach';
import type { Exposure } from './exposure';

/** One provider's name for the incident an exposure records. */
export interface ExposureSource {
  provider: ProviderId;
  breachId: string;
}

/** Every provider's name for the incident an exposure records, its own first. */
export function sourcesOf(e: Pick<Exposure, 'provider' | 'breachId' | 'also'>): ExposureSource[] {
  return [{ provider: e.provider, breachId: e.breachId }, ...(e.also ?? [])];
}

/** The providers that report the incident, each once. */
export function reportedBy(e: Pick<Exposure, 'provider' | 'breachId' | 'also'>): ProviderId[] {
  return [...new Set(sourcesOf(e).map((s) => s.provider))];
}

export const sourceKey = (s: ExposureSource): string => `${s.provider}\u0000${s.breachId}`;

/**
 * The incident as one breach record, from the records of its sources (the exposure's own first):
 * that record, with the fullest date any of them has for the same year and every kind of data any
 * of them says leaked. Null when none is stored.
 */
export function incidentBreach(records: ReadonlyArray<Breach | null | undefined>): Breach | null {
  const known = records.filter((b): b is Breach => b != null);
  const [first, ...rest] = known;
  if (!first) return null;
  if (rest.length === 0) return first;
  let breachDate = first.breachDate;
  const classes = new Map(first.dataClasses.map((c) => [c.toLowerCase(), c]));
  for (const b of rest) {
    if (breachDate !== null && b.breachDate !== null && b.breachDate.startsWith(breachDate) && b.breachDate.length > breachDate.length) {
      breachDate = b.breachDate;
    }
    for (const c of b.dataClasses) if (!classes.has(c.toLowerCase())) classes.set(c.toLowerCase(), c);
  }
  return { ...first, breachDate, dataClasses: [...classes.values()] };
}
