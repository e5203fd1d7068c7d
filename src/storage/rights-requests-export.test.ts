import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { tEn } from '../core/i18n-test-helper';
import { buildExport, emptyExport, parseImport, type ExportDocument } from '../core/export-format';
import type { RightsRequest } from '../core/rights/request';
import { openExposureDb } from './open-db';
import { DB_VERSION } from './schema';
import { readExportData, importDocument } from './export-import';
import { deleteEverything } from './history';

const EMAIL = 'person@example.com';
const REQUEST: RightsRequest = {
  entry: 'notice\u0000n1', email: EMAIL, organisation: 'Amazon', law: 'eu-gdpr', sentOn: '2026-10-24', extensionMonths: 2,
  answeredOn: null, note: 'They said: "more time"', closedOn: null, createdAt: 1_760_000_000_000, changedAt: 1_761_000_000_000, notifiedDue: '2026-11-24',
};
const doc = (rightsRequests: RightsRequest[]): ExportDocument => ({
  ...emptyExport(),
  addresses: [{ email: EMAIL, addedAt: 1, lastCheckedAt: null, lastOutcome: null, lastFailure: null }],
  notices: [{ id: 'n1', email: EMAIL, organisation: 'Amazon', site: 'amazon.com', date: '2018-11-21', dataClasses: ['email', 'name'], note: 'technical error', createdAt: 1, state: 'acknowledged', stateChangedAt: 1 }],
  rightsRequests,
});

describe('export → delete everything → import, with requests', () => {
  it('gives the same file byte for byte', async () => {
    const db = await openExposureDb(DB_VERSION, 'request-export-round-trip');
    await importDocument(db, doc([REQUEST]));
    const first = buildExport(await readExportData(db), tEn);
    expect(first).toContain('"rightsRequests"');
    await deleteEverything(db);
    expect(await db.count('rightsRequests')).toBe(0);
    const parsed = parseImport(first, tEn);
    if (!parsed.ok) throw new Error(parsed.message);
    await importDocument(db, parsed.doc);
    expect(buildExport(await readExportData(db), tEn)).toBe(first);
    db.close();
  });
});
