import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../core/settings';
import { addAddress } from './addresses';
import { enqueueRun, noteRequest } from './check-queue';
import { openExposureDb } from './open-db';
import { popupState } from './popup-view';
import { DB_VERSION } from './schema';

const NOW = 1e12;

describe('popupState: queued addresses', () => {
  it('says "checking" only for the jobs whose turn has come; the rest wait for the rate limit, each until its own turn', async () => {
    const db = await openExposureDb(DB_VERSION, 'popup-view-test');
    const emails = ['a@example.com', 'b@example.com', 'c@example.com'];
    for (const email of emails) await addAddress(db, email, NOW - 10_000);
    // XposedOrNot lookups: one a second (widened to 1,050 ms). One went out 100 ms ago.
    await noteRequest(db, 'xposedornot', NOW - 100);
    await enqueueRun(db, { id: 'r1', emails, providers: ['xposedornot'], trigger: 'manual', now: NOW });

    const state = await popupState(db, { ...DEFAULT_SETTINGS, providers: ['xposedornot'] }, NOW);
    const jobs = Object.fromEntries(state.addresses.map((a) => [a.email, a.job && { state: a.job.state, at: a.job.notBefore - NOW }]));
    // The first goes when the sent request leaves the window (in 950 ms: due, within the second's
    // grace); each of the others a window after the one before.
    expect(jobs['a@example.com']!.state).toBe('queued');
    expect(jobs['b@example.com']).toEqual({ state: 'waiting', at: 2_000 });
    expect(jobs['c@example.com']).toEqual({ state: 'waiting', at: 3_050 });
    // The run's "done by" is the last of them.
    expect(state.run?.estimatedEnd).toBe(NOW + 3_050);
    db.close();
  });

  it('with the hour\'s quota spent, even the head of the queue waits, and says for which limit', async () => {
    const db = await openExposureDb(DB_VERSION, 'popup-view-quota');
    const emails = ['a@example.com', 'b@example.com'];
    for (const email of emails) await addAddress(db, email, NOW - 10_000);
    // 25 requests (XposedOrNot's hourly cap) ten minutes ago: nothing may go for 50 minutes.
    for (let i = 0; i < 25; i++) await noteRequest(db, 'xposedornot', NOW - 600_000 + i * 1_000);
    await enqueueRun(db, { id: 'r1', emails, providers: ['xposedornot'], trigger: 'manual', now: NOW });

    const state = await popupState(db, { ...DEFAULT_SETTINGS, providers: ['xposedornot'] }, NOW);
    for (const address of state.addresses) {
      expect(address.job?.state).toBe('waiting');
      expect(address.job?.quota?.limit).toBe(25);
      expect(Math.round(address.job!.quota!.windowMs / 1000)).toBe(3600);
      expect(address.job!.notBefore).toBeGreaterThanOrEqual(NOW + 50 * 60_000);
    }
    db.close();
  });

  it('says "checking" for a job whose request is on the wire, though the quota is spent by it', async () => {
    const db = await openExposureDb(DB_VERSION, 'popup-view-wire');
    await addAddress(db, 'a@example.com', NOW - 10_000);
    await enqueueRun(db, { id: 'r1', emails: ['a@example.com'], providers: ['xposedornot'], trigger: 'manual', now: NOW - 5_000 });
    for (let i = 0; i < 24; i++) await noteRequest(db, 'xposedornot', NOW - 600_000 + i * 1_000);
    await noteRequest(db, 'xposedornot', NOW - 2_000, 'a@example.com');

    const [address] = (await popupState(db, { ...DEFAULT_SETTINGS, providers: ['xposedornot'] }, NOW)).addresses;
    expect(address?.job).toMatchObject({ state: 'queued', quota: null });
    // Long after the request was given up (a killed worker), it waits like any other.
    const later = (await popupState(db, { ...DEFAULT_SETTINGS, providers: ['xposedornot'] }, NOW + 60_000)).addresses[0];
    expect(later?.job?.state).toBe('waiting');
    db.close();
  });
});
