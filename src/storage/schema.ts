import type { DBSchema, IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { Breach, ProviderId } from '../core/breach';
import { countByEmail, NO_EXPOSURES, type Exposure, type ExposureKey, type StoredAddress } from '../core/exposure';
import { collapseIncidents, sourceKey, type ExposureSource } from '../core/incident';
import type { CheckResult, CheckRun } from '../core/check-run';
import type { ManualNotice, SiteAlertRecord } from '../core/notice';
import type { ProviderFailure } from '../core/provider-error';
import type { RateBucket } from '../core/provider-registry';
import type { RightsRequest } from '../core/rights/request';
import { addRightsRequests } from './migrations/rights-requests';
import type { LeakTrail } from '../core/trail/leak-trail';
import { addLeakTrail } from './migrations/leak-trail';
import type { HistoryRow, HistoryStat } from '../core/history-row';
import { historyIndexStep } from './migrations/history-index';

export { DB_NAME, DB_VERSION } from './db-version';

/** One address to check in one run. Deleted in the same transaction that records its result. */
export interface CheckJob {
  runId: string;
  email: string;
  provider: ProviderId;
  enqueuedAt: number;
  attempts: number;
  /** Epoch ms before which the job must not run (retry-after, backoff). */
  notBefore: number;
  lastFailure: ProviderFailure | null;
}

export type { CheckResult, CheckRun };

/** One request sent to a provider. `email` names the address of a check (absent for other requests and in records from before it was kept). */
export interface RequestRecord {
  /** The rate bucket: the provider's id for lookups, `<id>/catalog` for catalog downloads it counts. */
  provider: RateBucket;
  at: number;
  email?: string;
}

export interface ExposureDb extends DBSchema {
  addresses: { key: string; value: StoredAddress };
  breaches: { key: [ProviderId, string]; value: Breach };
  exposures: {
    key: ExposureKey;
    value: Exposure;
    indexes: {
      'by-email': string;
      'by-first-seen': number;
      'by-state': string;
      'by-email-state': [string, string];
      'by-email-first-seen': [string, number];
    };
  };
  jobs: { key: [string, string]; value: CheckJob; indexes: { 'by-not-before': number } };
  runs: { key: string; value: CheckRun; indexes: { 'by-started': number } };
  results: { key: [string, string]; value: CheckResult; indexes: { 'by-email': string } };
  /**
   * Times of requests sent to each provider, so pacing survives a worker restart. `provider` holds
   * the rate bucket: the provider's id for lookups, `<id>/catalog` for catalog downloads it counts.
   */
  requests: { key: number; value: RequestRecord; indexes: { 'by-provider': RateBucket } };
  notices: { key: string; value: ManualNotice; indexes: { 'by-email': string; 'by-created': number; 'by-state': string } };
  siteAlerts: { key: string; value: SiteAlertRecord; indexes: { 'by-host': string; 'by-shown': number } };
  /** Leak-trail findings (core/trail/leak-trail.ts). */
  trails: { key: string; value: LeakTrail; indexes: { 'by-email': string; 'by-state': string } };
  /** Data-protection requests, one per history entry (its timeline key). */
  rightsRequests: { key: string; value: RightsRequest; indexes: { 'by-email': string } };
  /** What the history page sorts, filters and searches exposures by (history-row.ts), one per exposure. */
  historyRows: {
    key: ExposureKey;
    value: HistoryRow;
    indexes: { view: Array<string | number>; 'by-id': string; 'by-note': string };
  };
  /** The history's aggregates (per-cell and per-breach counts) and the mark asking for a rebuild. */
  historyStats: { key: string; value: HistoryStat };
}

export type Db = IDBPDatabase<ExposureDb>;
export type UpgradeTx = IDBPTransaction<ExposureDb, StoreNames<ExposureDb>[], 'versionchange'>;
/** A step that reads or rewrites records returns a promise; the next step waits for it. */
export type Migration = (db: Db, tx: UpgradeTx) => void | Promise<void>;

/**
 * Numbered migrations: entry N upgrades a database at version N to version N+1. Never edit a
 * shipped step; append a new one. Each step is small and has its own test.
 */
export const MIGRATIONS: readonly Migration[] = [
  // 0 → 1: the first schema.
  (db) => {
    db.createObjectStore('addresses', { keyPath: 'email' });
    db.createObjectStore('breaches', { keyPath: ['provider', 'id'] });
    const exposures = db.createObjectStore('exposures', { keyPath: ['email', 'provider', 'breachId'] });
    exposures.createIndex('by-email', 'email');
    exposures.createIndex('by-first-seen', 'firstSeen');
    exposures.createIndex('by-state', 'state');
    const jobs = db.createObjectStore('jobs', { keyPath: ['runId', 'email'] });
    jobs.createIndex('by-not-before', 'notBefore');
    const runs = db.createObjectStore('runs', { keyPath: 'id' });
    runs.createIndex('by-started', 'startedAt');
    const results = db.createObjectStore('results', { keyPath: ['runId', 'email'] });
    results.createIndex('by-email', 'email');
    const requests = db.createObjectStore('requests', { autoIncrement: true });
    requests.createIndex('by-provider', 'provider');
  },
  // 1 → 2: manual notices, and the record of site alerts shown.
  (db) => {
    const notices = db.createObjectStore('notices', { keyPath: 'id' });
    notices.createIndex('by-email', 'email');
    notices.createIndex('by-created', 'createdAt');
    notices.createIndex('by-state', 'state');
    const alerts = db.createObjectStore('siteAlerts', { keyPath: 'id' });
    alerts.createIndex('by-host', 'host');
    alerts.createIndex('by-shown', 'shownAt');
  },
  // 2 → 3: the popup counts and lists an address's exposures without reading all of them.
  (_db, tx) => {
    const exposures = tx.objectStore('exposures');
    exposures.createIndex('by-email-state', ['email', 'state']);
    exposures.createIndex('by-email-first-seen', ['email', 'firstSeen']);
  },
  // 3 → 4: each address carries its exposure counts (see ExposureCounts), counted here once.
  async (_db, tx) => {
    const addresses = tx.objectStore('addresses');
    const exposures = tx.objectStore('exposures');
    for (const address of await addresses.getAll()) {
      const [exposureCount, newCount] = await Promise.all([
        exposures.index('by-email').count(address.email),
        exposures.index('by-email-state').count([address.email, 'new']),
      ]);
      await addresses.put({ ...address, exposureCount, newCount });
    }
  },
  // 4 → 5: one exposure per incident. Findings of one breach by two providers (a user who
  // switched providers has both) become one record, with the user's state and note (see
  // collapseIncidents), and each address's counts are counted again.
  async (_db, tx) => {
    const addresses = tx.objectStore('addresses');
    const exposures = tx.objectStore('exposures');
    const breaches = tx.objectStore('breaches');
    const records = new Map<string, Breach>();
    for (const breach of await breaches.getAll()) records.set(sourceKey({ provider: breach.provider, breachId: breach.id }), breach);
    const breachOf = (source: ExposureSource) => records.get(sourceKey(source)) ?? null;
    for (const address of await addresses.getAll()) {
      const before = (await exposures.index('by-email').getAll(address.email)).map((e) => ({ ...e, also: e.also ?? [] }));
      const after = collapseIncidents(before, breachOf);
      const kept = new Set(after.map(sourceKey));
      for (const e of before) if (!kept.has(sourceKey(e))) await exposures.delete([e.email, e.provider, e.breachId]);
      for (const e of after) await exposures.put(e);
      await addresses.put({ ...address, ...(countByEmail(after).get(address.email) ?? NO_EXPOSURES) });
    }
  },
  // 5 → 6: data-protection requests (#13).
  addRightsRequests,
  // 6 → 7: the leak trail's findings (migrations/leak-trail.ts).
  addLeakTrail,
  // 7 → 8: the history's rows and aggregates, built from the exposures stored (migrations/history-index.ts).
  historyIndexStep,
];

