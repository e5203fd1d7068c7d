import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { NO_FLAGS, type Breach } from '../core/breach';
import { EXPORT_FORMAT, EXPORT_VERSION, type ExportDocument } from '../core/export-format';
import { addAddress } from './addresses';
import { enqueueRun, pendingJobs, recordJobResult } from './check-queue';
import { importDocument } from './export-import';
import { openExposureDb } from './open-db';
import { DB_VERSION } from './schema';

const adobe = (provider: 'hibp' | 'xposedornot', breachDate: string): Breach => ({
  id: 'Adobe', provider, title: 'Adobe', domain: 'adobe.com', breachDate, addedDate: null, pwnCount: null, description: '', dataClasses: [], logoUrl: null, flags: NO_FLAGS,
});

describe('importing a file that names an incident stored under another provider', () => {
  it('leaves one record of it, with the user\'s decision, counted once', async () => {
    const db = await openExposureDb(DB_VERSION, 'import-incident-test');
    await addAddress(db, 'alice@example.com', 1);
    // Here: XposedOrNot found Adobe, not looked at yet.
    await enqueueRun(db, { id: 'r1', emails: ['alice@example.com'], providers: ['xposedornot'], trigger: 'manual', now: 50 });
    await recordJobResult(db, (await pendingJobs(db))[0]!, { kind: 'checked', outcome: { kind: 'breached', breaches: [adobe('xposedornot', '2013')] } }, 50);
    // The file (another browser, HIBP): Adobe resolved with a note.
    const file: ExportDocument = {
      format: EXPORT_FORMAT, version: EXPORT_VERSION,
      addresses: [{ email: 'alice@example.com', addedAt: 1, lastCheckedAt: null, lastOutcome: null, lastFailure: null }],
      breaches: [adobe('hibp', '2013-10-04')],
      exposures: [{ email: 'alice@example.com', provider: 'hibp', breachId: 'Adobe', also: [], firstSeen: 5, lastSeen: 5, state: 'resolved', stateChangedAt: 6, note: 'changed it' }],
      notices: [], siteAlerts: [], runs: [], results: [],
    };
    await importDocument(db, file);
    expect(await db.getAll('exposures')).toEqual([
      { email: 'alice@example.com', provider: 'hibp', breachId: 'Adobe', also: [{ provider: 'xposedornot', breachId: 'Adobe' }], firstSeen: 5, lastSeen: 50, state: 'resolved', stateChangedAt: 6, note: 'changed it' },
    ]);
    expect(await db.get('addresses', 'alice@example.com')).toMatchObject({ exposureCount: 1, newCount: 0 });
    expect(await db.countFromIndex('exposures', 'by-state', 'new')).toBe(0);
    db.close();
  });
});
