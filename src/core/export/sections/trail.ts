/**
 * The leak trail in the export file (#17): a `trail` section with each address's "given to" sites
 * and the findings. Optional: left out of files with nothing in it, so files without it (and files
 * of earlier builds) read as before. Merged per address and per finding (see `mergeTrail`).
 */
import * as v from 'valibot';
import { oneOf, record, words } from '../../schema-kit';
import type { LeakTrail } from '../../trail/leak-trail';
import { siteFromInput } from '../../trail/registrable-domain';
import { email, isCalendarDate, key, list, provider, text, textWhere, time } from '../fields';
import { MAX_RECORDS } from '../format';
import { byKey } from '../keys';
import { STATES } from './exposures';

export interface TrailSection {
  givenTo: Array<{ email: string; sites: string[] }>;
  findings: LeakTrail[];
}

/** A registrable domain as "given to" stores it: exactly what reading the site from input makes of it. */
const site = textWhere((s) => s.length <= 253 && siteFromInput(s) === s, words('importExpectSite'));
const sites = list(site, 1_000);

const source = v.variant(
  'kind',
  [
    v.object({ kind: v.literal('breach'), provider, breachId: key }, words('importExpectObject')),
    v.object({ kind: v.literal('notice'), id: key }, words('importExpectObject')),
  ],
  words('importOneOf', 'breach', 'notice'),
);

const finding = record(
  {
    id: key,
    email,
    givenTo: sites,
    source,
    title: text(),
    site,
    date: v.nullable(textWhere((s) => isCalendarDate(s, true), words('importExpectNoticeDate'))),
    createdAt: time,
    state: oneOf(STATES),
    stateChangedAt: time,
  },
  words('importExpectObject'),
) satisfies v.GenericSchema<unknown, LeakTrail>;

export const trailSchema = v.optional(
  record(
    {
      givenTo: list(record({ email, sites }, words('importExpectObject')), MAX_RECORDS),
      findings: list(finding, MAX_RECORDS),
    },
    words('importExpectObject'),
  ),
);

/** Sorted by address and id, sites sorted, fields in one order: the export stays byte-for-byte stable. */
export function canonicalTrail(trail: TrailSection): TrailSection {
  return {
    givenTo: trail.givenTo.map((g) => ({ email: g.email, sites: [...new Set(g.sites)].sort() })).sort(byKey((g) => g.email)),
    findings: trail.findings
      .map((f) => ({
        id: f.id,
        email: f.email,
        givenTo: [...f.givenTo].sort(),
        source: f.source.kind === 'breach' ? { kind: 'breach' as const, provider: f.source.provider, breachId: f.source.breachId } : { kind: 'notice' as const, id: f.source.id },
        title: f.title,
        site: f.site,
        date: f.date,
        createdAt: f.createdAt,
        state: f.state,
        stateChangedAt: f.stateChangedAt,
      }))
      .sort(byKey((f) => f.id)),
  };
}

/** The section as the file writes it: left out when there is nothing in it. */
export const trailPart = (trail: TrailSection | null | undefined): { trail?: TrailSection } =>
  trail && (trail.givenTo.length > 0 || trail.findings.length > 0) ? { trail: canonicalTrail(trail) } : {};

/**
 * Merges the trail of an import into the one stored: an address was given to the sites either
 * copy names; a finding keeps the state that changed later (ties keep the stored one).
 */
export function mergeTrail(existing: TrailSection | undefined, incoming: TrailSection | undefined): { trail?: TrailSection } {
  const sites = new Map<string, Set<string>>();
  for (const g of [...(existing?.givenTo ?? []), ...(incoming?.givenTo ?? [])]) sites.set(g.email, new Set([...(sites.get(g.email) ?? []), ...g.sites]));
  const findings = new Map<string, LeakTrail>();
  for (const f of existing?.findings ?? []) findings.set(f.id, f);
  for (const f of incoming?.findings ?? []) {
    const had = findings.get(f.id);
    if (!had || f.stateChangedAt > had.stateChangedAt) findings.set(f.id, f);
  }
  return trailPart({ givenTo: [...sites].map(([address, s]) => ({ email: address, sites: [...s] })), findings: [...findings.values()] });
}
