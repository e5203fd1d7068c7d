import type { Page } from '@playwright/test';

/**
 * What the chaos test knows of the extension's database at one instant: every store read in ONE
 * readonly transaction (so the worker, restarted and busy, cannot be caught half way through a
 * write of its own), reduced in the page to the fields the invariants look at, and sent back as
 * one JSON string (tens of thousands of records cross DevTools fast that way).
 */
export interface Snapshot {
  addresses: string[];
  /** `version` is the catalog version written into the description by the fixture server, if any. */
  breaches: Array<{ provider: string; id: string; version: number | null }>;
  exposures: Array<{ email: string; provider: string; breachId: string; state: string }>;
  jobs: Array<{ runId: string; email: string; provider: string }>;
  runs: Array<{ id: string; provider: string; emails: string[]; finished: boolean }>;
  results: Array<{ runId: string; email: string; outcome: string; breachIds: string[]; newBreachIds: string[] }>;
  notices: Array<{ id: string; email: string; state: string }>;
  siteAlerts: Array<{ id: string; provider: string; breachIds: string[] }>;
  /** Exposures per state as the 'by-state' index counts them (what the badge reads). */
  stateIndex: Record<string, number>;
}

/** The tag the fixture's catalog versions put in every description: "[catalog v3]". */
export const CATALOG_TAG = (version: number) => `[catalog v${version}]`;
const TAG_PATTERN = String.raw`\[catalog v(\d+)\]`;

export type StoreName = 'addresses' | 'breaches' | 'exposures' | 'jobs' | 'runs' | 'results' | 'notices' | 'siteAlerts';
export const ALL_STORES: readonly StoreName[] = ['addresses', 'breaches', 'exposures', 'jobs', 'runs', 'results', 'notices', 'siteAlerts'];

/** Reads the stores named (all of them by default; the others come back empty). */
export async function readSnapshot(page: Page, stores: readonly StoreName[] = ALL_STORES): Promise<Snapshot> {
  const text = await page.evaluate(
    ({ tagPattern, names }) =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open('was-i-exposed');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(names, 'readonly');
          const got: Record<string, Array<Record<string, unknown>>> = {};
          for (const name of names) {
            const request = tx.objectStore(name).getAll();
            request.onsuccess = () => {
              got[name] = request.result as Array<Record<string, unknown>>;
            };
          }
          const stateIndex: Record<string, number> = {};
          for (const state of names.includes('exposures') ? ['new', 'acknowledged', 'resolved'] : []) {
            const request = tx.objectStore('exposures').index('by-state').count(state);
            request.onsuccess = () => {
              stateIndex[state] = request.result;
            };
          }
          const tag = new RegExp(tagPattern);
          const fail = () => {
            db.close();
            reject(tx.error);
          };
          tx.onerror = fail;
          tx.onabort = fail;
          tx.oncomplete = () => {
            db.close();
            const list = (name: string) => got[name] ?? [];
            resolve(
              JSON.stringify({
                addresses: list('addresses').map((a) => a.email),
                breaches: list('breaches').map((b) => {
                  const found = tag.exec(String(b.description));
                  return { provider: b.provider, id: b.id, version: found ? Number(found[1]) : null };
                }),
                exposures: list('exposures').map((e) => ({ email: e.email, provider: e.provider, breachId: e.breachId, state: e.state })),
                jobs: list('jobs').map((j) => ({ runId: j.runId, email: j.email, provider: j.provider })),
                runs: list('runs').map((r) => ({ id: r.id, provider: r.provider, emails: r.emails, finished: r.finishedAt !== null })),
                results: list('results').map((r) => ({
                  runId: r.runId,
                  email: r.email,
                  outcome: r.outcome,
                  breachIds: r.breachIds,
                  newBreachIds: r.newBreachIds,
                })),
                notices: list('notices').map((n) => ({ id: n.id, email: n.email, state: n.state })),
                siteAlerts: list('siteAlerts').map((a) => ({ id: a.id, provider: a.provider, breachIds: a.breachIds })),
                stateIndex,
              }),
            );
          };
        };
      }),
    { tagPattern: TAG_PATTERN, names: [...stores] },
  );
  return JSON.parse(text) as Snapshot;
}
