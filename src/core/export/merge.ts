/** Merging an imported document into the data already stored: see `mergeImport`. */
import type { Breach } from '../breach';
import type { Exposure } from '../exposure';
import { collapseIncidents } from '../incident';
import { canonical } from './document';
import { EXPORT_FORMAT, EXPORT_VERSION, type ExportDocument } from './format';
import { idKey } from './keys';
import { addressKey } from './sections/addresses';
import { breachKey } from './sections/breaches';
import { exposureKey } from './sections/exposures';
import { resultKey } from './sections/runs';
import { mergeTrail } from './sections/trail';
import { mergeRequests } from './sections/requests';

function later<T>(a: T, b: T, at: (x: T) => number | null): T {
  // Existing (a) wins ties and when neither has a time: an import never overrides for nothing.
  const ta = at(a);
  const tb = at(b);
  return tb !== null && (ta === null || tb > ta) ? b : a;
}

function addedTime(b: Breach): number | null {
  if (b.addedDate === null) return null;
  const ms = Date.parse(b.addedDate);
  return Number.isNaN(ms) ? null : ms;
}

function mergeBy<T>(existing: readonly T[], incoming: readonly T[], key: (item: T) => string, merge: (a: T, b: T) => T): T[] {
  const out = new Map<string, T>();
  for (const item of existing) out.set(key(item), item);
  for (const item of incoming) {
    const k = key(item);
    const have = out.get(k);
    out.set(k, have === undefined ? item : merge(have, item));
  }
  return [...out.values()];
}

const keepExisting = <T>(a: T): T => a;

/** Ticked steps from both sides: a step done on either copy is done. */
function mergedSteps(a: readonly string[] | undefined, b: readonly string[] | undefined): { steps?: string[] } {
  return a === undefined && b === undefined ? {} : { steps: [...new Set([...(a ?? []), ...(b ?? [])])].sort() };
}

/**
 * Records that are one incident become one: a file of version 1 holds one record per provider,
 * and two browsers may have first seen an incident at different providers.
 */
function mergeIncidents(exposures: readonly Exposure[], breaches: readonly Breach[]): Exposure[] {
  const records = new Map(breaches.map((b) => [breachKey(b), b]));
  return collapseIncidents(exposures, (s) => records.get(breachKey({ provider: s.provider, id: s.breachId })) ?? null);
}

/**
 * Merges an imported document into the existing data, record by record:
 * - addresses: the earliest `addedAt`; the later `lastCheckedAt` with its outcome and failure;
 * - breaches: the incoming record replaces the existing one only when it has an `addedDate` and
 *   the existing one has none or an earlier one (provider data does not change otherwise, and the
 *   copy already here is at least as fresh);
 * - exposures: the earliest `firstSeen` and the latest `lastSeen`; state, note and
 *   `stateChangedAt` together from whichever changed state later; every provider's name for the
 *   incident; then records of one incident under different names are combined (collapseIncidents);
 * - notices: the whole record with the later `stateChangedAt`;
 * - ticked steps (exposures and notices): the union of both, a step done on either copy being done;
 * - site alerts, runs and results: history, written once; the existing record is kept;
 * - the leak trail: an address's sites from both copies, each finding from the copy that changed its state later;
 * - data-protection requests: per entry, the record changed later.
 * Ties keep the existing record. Lists come back in export order; no record is changed in place.
 */
export function mergeImport(existing: ExportDocument, incoming: ExportDocument): ExportDocument {
  return canonical({
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    addresses: mergeBy(existing.addresses, incoming.addresses, addressKey, (a, b) => {
      const checked = later(a, b, (x) => x.lastCheckedAt);
      return {
        email: a.email,
        addedAt: Math.min(a.addedAt, b.addedAt),
        lastCheckedAt: checked.lastCheckedAt,
        lastOutcome: checked.lastOutcome,
        lastFailure: checked.lastFailure,
      };
    }),
    breaches: mergeBy(existing.breaches, incoming.breaches, breachKey, (a, b) => later(a, b, addedTime)),
    exposures: mergeIncidents(mergeBy(existing.exposures, incoming.exposures, exposureKey, (a, b) => {
      const decided = later(a, b, (x) => x.stateChangedAt);
      return {
        email: a.email,
        provider: a.provider,
        breachId: a.breachId,
        also: [...a.also, ...b.also.filter((s) => !a.also.some((x) => x.provider === s.provider && x.breachId === s.breachId))],
        firstSeen: Math.min(a.firstSeen, b.firstSeen),
        lastSeen: Math.max(a.lastSeen, b.lastSeen),
        state: decided.state,
        stateChangedAt: decided.stateChangedAt,
        note: decided.note,
        ...mergedSteps(a.steps, b.steps),
      };
    }), [...existing.breaches, ...incoming.breaches]),
    notices: mergeBy(existing.notices, incoming.notices, idKey, (a, b) => ({ ...later(a, b, (x) => x.stateChangedAt), ...mergedSteps(a.steps, b.steps) })),
    siteAlerts: mergeBy(existing.siteAlerts, incoming.siteAlerts, idKey, keepExisting),
    runs: mergeBy(existing.runs, incoming.runs, idKey, keepExisting),
    results: mergeBy(existing.results, incoming.results, resultKey, keepExisting),
    ...mergeTrail(existing.trail, incoming.trail),
    ...mergeRequests(existing.rightsRequests, incoming.rightsRequests),
  });
}
