import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sameIncident } from '../core/incident';
import { mapHibpBreach } from './hibp';
import { mapXonCatalogEntry } from './xposedornot';

/**
 * How many of the two providers' breaches the identity rule (core/incident.ts) pairs up, measured
 * on the real catalogs the fixture server serves, as the extension maps them.
 */
describe('the fixture catalogs', () => {
  /** HIBP's real catalog (875) and XposedOrNot's (769), as the providers serve them. */
  const read = (name: string): unknown => JSON.parse(readFileSync(new URL(`../../e2e/fixtures/data/${name}`, import.meta.url), 'utf8'));
  const hibpCatalog = (read('hibp-breaches.json') as unknown[]).map(mapHibpBreach);
  const xonCatalog = (read('xon-v1-breaches-response.json') as { exposedBreaches: unknown[] }).exposedBreaches.map(mapXonCatalogEntry);

  it('pair up one to one where the data agrees, and the figure is printed', () => {
    const pairs = xonCatalog.map((x) => ({ x, matches: hibpCatalog.filter((h) => sameIncident(h, x)) }));
    const paired = pairs.filter((p) => p.matches.length > 0);
    // Never one breach of one provider as the same incident as two of the other.
    expect(pairs.filter((p) => p.matches.length > 1).map((p) => p.x.id)).toEqual([]);
    const hibpUsed = paired.map((p) => p.matches[0]!.id);
    expect(new Set(hibpUsed).size).toBe(hibpUsed.length);
    const byAlias = paired.filter((p) => p.matches[0]!.id.toLowerCase().replace(/[^a-z0-9]/g, '') !== p.x.id.toLowerCase().replace(/[^a-z0-9]/g, '')
      && p.matches[0]!.title.toLowerCase().replace(/[^a-z0-9]/g, '') !== p.x.id.toLowerCase().replace(/[^a-z0-9]/g, ''));
    console.log(`incident pairing: ${paired.length} of ${xonCatalog.length} XposedOrNot breaches are one incident with one of ${hibpCatalog.length} HIBP breaches (${byAlias.length} through the alias table); ${xonCatalog.length - paired.length} XposedOrNot-only, ${hibpCatalog.length - paired.length} HIBP-only`);
    expect(paired.length).toBe(596);
    expect(byAlias.length).toBe(23);
  });
});

