import { EXPORT_FORMAT, EXPORT_VERSION, type ExportDocument } from '../../src/core/export-format';
import type { ImportCounts } from './invariants';

/**
 * A history file to import, made of records no other part of the test touches: every key starts
 * with the import's prefix, so afterwards its records can be counted store by store — all there,
 * or none. Half its breaches are HIBP's, half XposedOrNot's; every address is in every breach;
 * two finished runs found them (one per provider), so the file is consistent the way an export is.
 */
export interface ImportFile {
  prefix: string;
  text: string;
  counts: ImportCounts;
  /** What the final state must hold once it has landed. */
  keys: { addresses: string[]; exposures: string[]; runs: string[] };
}

export function buildImport(index: number, size: { addresses: number; breaches: number }): ImportFile {
  const prefix = `imp${String(index).padStart(2, '0')}-`;
  const t0 = Date.UTC(2024, 0, 1) + index * 86_400_000;
  const emails = Array.from({ length: size.addresses }, (_, i) => `${prefix}${String(i).padStart(3, '0')}@example.com`);
  const flags = { verified: true, fabricated: false, sensitive: false, retired: false, spamList: false, malware: false, stealerLog: false };
  const breaches = Array.from({ length: size.breaches }, (_, j) => ({
    id: `${prefix}b${String(j).padStart(3, '0')}`,
    provider: j % 2 === 0 ? ('hibp' as const) : ('xposedornot' as const),
    title: `Imported breach ${index}/${j}`,
    domain: `${prefix}b${j}.example`,
    breachDate: '2022-03-04',
    addedDate: '2022-04-01T00:00:00Z',
    pwnCount: 1000 + j,
    description: `<p>Breach ${j} of import ${index}, with a description long enough to weigh something in the file. ${'Lorem ipsum dolor sit amet. '.repeat(8)}</p>`,
    dataClasses: ['Email addresses', 'Passwords', 'Names'],
    logoUrl: null,
    flags,
  }));
  const states = ['new', 'acknowledged', 'resolved'] as const;
  const exposures = emails.flatMap((email, i) =>
    breaches.map((b, j) => ({
      email,
      provider: b.provider,
      breachId: b.id,
      also: [],
      firstSeen: t0 + i * 1000 + j,
      lastSeen: t0 + 3_600_000,
      state: states[(i + j) % 3]!,
      stateChangedAt: t0 + 7_200_000,
      note: (i + j) % 3 === 2 ? 'Changed the password.' : '',
    })),
  );
  const runs = (['hibp', 'xposedornot'] as const).map((provider, k) => ({
    id: `${prefix}run-${provider}`,
    provider,
    trigger: 'manual' as const,
    startedAt: t0 + k * 60_000,
    finishedAt: t0 + k * 60_000 + 30_000,
    emails,
    notifiedAt: t0 + k * 60_000 + 31_000,
  }));
  const results = runs.flatMap((run) =>
    emails.map((email, i) => {
      const found = breaches.filter((b) => b.provider === run.provider).map((b) => b.id);
      return { runId: run.id, email, at: run.startedAt + i, outcome: 'breached' as const, breachIds: found, newBreachIds: found, failure: null };
    }),
  );
  const notices = emails.slice(0, 3).map((email, k) => ({
    id: `${prefix}notice-${k}`,
    email,
    organisation: `Clinic ${index}-${k}`,
    site: '',
    date: '2023-05',
    dataClasses: ['Names', 'Physical addresses'],
    note: '',
    createdAt: t0 + k,
    state: states[k % 3]!,
    stateChangedAt: t0 + k,
  }));
  const siteAlerts = breaches.slice(0, 2).map((b, k) => ({
    id: `${prefix}alert-${k}`,
    host: b.domain,
    breachIds: [b.id],
    provider: b.provider,
    shownAt: t0 + k,
    emails: [emails[k]!],
  }));
  const doc: ExportDocument = {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    addresses: emails.map((email, i) => ({ email, addedAt: t0 + i, lastCheckedAt: t0 + 60_000, lastOutcome: 'breached', lastFailure: null })),
    breaches,
    exposures,
    notices,
    siteAlerts,
    runs,
    results,
  };
  return {
    prefix,
    text: JSON.stringify(doc),
    counts: {
      addresses: emails.length,
      breaches: breaches.length,
      exposures: exposures.length,
      notices: notices.length,
      siteAlerts: siteAlerts.length,
      runs: runs.length,
      results: results.length,
    },
    keys: {
      addresses: emails,
      exposures: exposures.map((e) => `${e.email}|${e.provider}|${e.breachId}`),
      runs: runs.map((r) => r.id),
    },
  };
}
