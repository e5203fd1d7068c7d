import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { tEn } from '../core/i18n-test-helper';
import { buildExport, emptyExport, parseImport, type ExportDocument } from '../core/export-format';
import type { RightsRequest } from '../core/rights/request';
import { openExposureDb } from './open-db';
import { DB_VERSION } from './schema';
import { readExportData, importDocument } from './export-import';
import { deleteEverything, deleteNotice } from './history';
import { changeRequest, markOverdueNotified } from './rights-requests';

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

describe('changing a request', () => {
  it('reads the organisation and address from the stored entry, refuses one that is gone, and keeps the rules', async () => {
    const db = await openExposureDb(DB_VERSION, 'request-change');
    await importDocument(db, {
      ...doc([]),
      breaches: [{ id: 'Adobe', provider: 'hibp', title: 'Adobe Inc.', domain: 'adobe.com', breachDate: '2013-10-04', addedDate: null, pwnCount: null, description: '', dataClasses: [], logoUrl: null, flags: { verified: true, fabricated: false, sensitive: false, retired: false, spamList: false, malware: false, stealerLog: false } }],
      exposures: [{ email: EMAIL, provider: 'hibp', breachId: 'Adobe', also: [], firstSeen: 5, lastSeen: 5, state: 'acknowledged', stateChangedAt: 6, note: '' }],
    });
    const target = { kind: 'exposure' as const, key: [EMAIL, 'hibp', 'Adobe'] as [string, 'hibp', string] };
    const sent = await changeRequest(db, target, { action: 'sent', sentOn: '2027-01-05', law: 'uk-gdpr' }, '2027-03-10', 7);
    expect(sent).toMatchObject({ ok: true, request: { entry: `breach\u0000${EMAIL}\u0000hibp\u0000Adobe`, organisation: 'Adobe Inc.', email: EMAIL, law: 'uk-gdpr', createdAt: 7 } });
    expect(await changeRequest(db, target, { action: 'answered', answeredOn: '2027-01-04', note: '' }, '2027-03-10', 8)).toEqual({ ok: false, reason: 'requestDateBeforeSent' });
    expect(await changeRequest(db, { kind: 'notice', id: 'gone' }, { action: 'reopened' }, '2027-03-10', 8)).toEqual({ ok: false, reason: 'entryGone' });
    await markOverdueNotified(db, `breach\u0000${EMAIL}\u0000hibp\u0000Adobe`, '2027-02-05');
    expect(await db.getAll('rightsRequests')).toEqual([expect.objectContaining({ notifiedDue: '2027-02-05', changedAt: 7 })]);
    db.close();
  });

  it('goes with the notice it is about', async () => {
    const db = await openExposureDb(DB_VERSION, 'request-with-notice');
    await importDocument(db, doc([REQUEST]));
    await deleteNotice(db, 'n1');
    expect(await db.count('rightsRequests')).toBe(0);
    db.close();
  });
});
