import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { NO_FLAGS, type Breach } from '../core/breach';
import { EXPORT_FORMAT, EXPORT_VERSION, type ExportDocument } from '../core/export-format';
import type { Exposure, ExposureState } from '../core/exposure';
import { DEFAULT_SETTINGS } from '../core/settings';
import { addAddress, removeAddress } from './addresses';
import { enqueueRun, pendingJobs, recordJobResult } from './check-queue';
import { importDocument, readExportData } from './export-import';
import { acknowledgeExposures } from './exposures';
import { deleteEverything, setEntryStep, setExposureState } from './history';
import { saveCatalog } from './catalog';
import { openExposureDb } from './open-db';
import { popupState } from './popup-view';
import { DB_VERSION, type Db } from './schema';
import { expectHistoryIndexRight } from './history-recount.testkit';
import { mulberry32 } from '../core/mulberry32.testkit';

/**
 * The counts stored on each address (exposureCount, newCount) must always equal what a count of
 * the exposures gives, whichever operation changed them; and the popup, which reads only the
 * newest few exposures, must list what a sort of all of them would.
 */

const A = 'a@example.com';
const B = 'b@example.com';

/** Breach dates are all different, so the popup's order has no full ties and one right answer. */
const breach = (n: number): Breach => ({
  id: `Breach${n}`, provider: 'hibp', title: `Breach ${n}`, domain: '', breachDate: `${2000 + (n % 20)}-${String(1 + Math.floor(n / 20)).padStart(2, '0')}-01`,
  addedDate: null, pwnCount: n, description: 'long text', dataClasses: [], logoUrl: null, flags: NO_FLAGS,
});

let db: Db;
let dbNumber = 0;
let runNumber = 0;
beforeEach(async () => {
  db = await openExposureDb(DB_VERSION, `counts-test-${++dbNumber}`);
});

/** One check of `email` that finds breaches number `found`, recorded at `now`. */
async function check(email: string, found: number[], now: number): Promise<void> {
  await enqueueRun(db, { id: `r${++runNumber}`, emails: [email], providers: ['hibp'], trigger: 'manual', now });
  const job = (await pendingJobs(db)).find((j) => j.email === email);
  if (!job) throw new Error(`no job for ${email}`);
  const outcome = found.length > 0 ? { kind: 'breached' as const, breaches: found.map(breach) } : { kind: 'clean' as const };
  await recordJobResult(db, job, { kind: 'checked', outcome }, now);
}

const counts = async (email: string) => {
  const address = await db.get('addresses', email);
  return address && { exposureCount: address.exposureCount, newCount: address.newCount };
};

/** Checks the invariants (the address counts, the history's rows and aggregates) against a full recount. */
async function expectCountsRight(): Promise<void> {
  await expectHistoryIndexRight(db);
  const exposures = await db.getAll('exposures');
  for (const address of await db.getAll('addresses')) {
    const own = exposures.filter((e) => e.email === address.email);
    expect({ email: address.email, exposureCount: address.exposureCount, newCount: address.newCount }).toEqual({
      email: address.email,
      exposureCount: own.length,
      newCount: own.filter((e) => e.state === 'new').length,
    });
  }
}

/** What the popup must list for an address: all of its exposures sorted, the first five. */
async function expectPopupRight(): Promise<void> {
  const state = await popupState(db, DEFAULT_SETTINGS, 1e12);
  const exposures = await db.getAll('exposures');
  const breaches = await db.getAll('breaches');
  expect(state.addresses.map((a) => a.email)).toEqual((await db.getAll('addresses')).sort((x, y) => x.addedAt - y.addedAt).map((a) => a.email));
  for (const view of state.addresses) {
    const own = exposures.filter((e) => e.email === view.email);
    const dateOf = (e: Exposure) => breaches.find((b) => b.provider === e.provider && b.id === e.breachId)?.breachDate ?? '';
    const expected = own
      .sort((x, y) => y.firstSeen - x.firstSeen || dateOf(y).localeCompare(dateOf(x)))
      .slice(0, 5)
      .map((e) => `${e.breachId}/${e.state}`);
    expect(view.exposures.map((x) => `${x.exposure.breachId}/${x.exposure.state}`), view.email).toEqual(expected);
    expect(view.exposureCount).toBe(own.length);
    expect(view.newCount).toBe(own.filter((e) => e.state === 'new').length);
    for (const { breach: b } of view.exposures) expect(b?.description).toBe('');
  }
}

describe('exposure counts on the address', () => {
  it('start at zero for a new address', async () => {
    await addAddress(db, A, 1);
    expect(await counts(A)).toEqual({ exposureCount: 0, newCount: 0 });
  });

  it('follow check results: new breaches, the same ones again, one no longer listed, a clean answer, a failure', async () => {
    await addAddress(db, A, 1);
    await check(A, [1, 2, 3], 10);
    expect(await counts(A)).toEqual({ exposureCount: 3, newCount: 3 });
    await check(A, [1, 2, 3], 20); // nothing new
    expect(await counts(A)).toEqual({ exposureCount: 3, newCount: 3 });
    await check(A, [2, 3, 4], 30); // breach 1 is no longer listed: its exposure stays
    expect(await counts(A)).toEqual({ exposureCount: 4, newCount: 4 });
    await check(A, [], 40);
    expect(await counts(A)).toEqual({ exposureCount: 4, newCount: 4 });
    await enqueueRun(db, { id: 'failing', emails: [A], providers: ['hibp'], trigger: 'manual', now: 50 });
    await recordJobResult(db, (await pendingJobs(db))[0]!, { kind: 'failed', failure: { kind: 'timeout', message: 't' } }, 50);
    expect(await counts(A)).toEqual({ exposureCount: 4, newCount: 4 });
    await expectCountsRight();
  });

  it('follow acknowledging, resolving and reopening, per address', async () => {
    await addAddress(db, A, 1);
    await addAddress(db, B, 2);
    await check(A, [1, 2, 3], 10);
    await check(B, [1, 2], 10);
    expect(await acknowledgeExposures(db, [A], 20)).toBe(3);
    expect(await counts(A)).toEqual({ exposureCount: 3, newCount: 0 });
    expect(await counts(B)).toEqual({ exposureCount: 2, newCount: 2 });
    expect(await acknowledgeExposures(db, [A], 21)).toBe(0);

    await setExposureState(db, [B, 'hibp', 'Breach1'], 'resolved', 'changed it', 30);
    expect(await counts(B)).toEqual({ exposureCount: 2, newCount: 1 });
    await setExposureState(db, [B, 'hibp', 'Breach1'], 'new', undefined, 31); // reopened
    expect(await counts(B)).toEqual({ exposureCount: 2, newCount: 2 });
    await setExposureState(db, [B, 'hibp', 'Breach1'], 'new', undefined, 32); // the same state again
    expect(await counts(B)).toEqual({ exposureCount: 2, newCount: 2 });
    await setExposureState(db, [A, 'hibp', 'Breach2'], 'resolved', undefined, 33);
    expect(await counts(A)).toEqual({ exposureCount: 3, newCount: 0 });
    expect(await setExposureState(db, [A, 'hibp', 'Nope'], 'resolved', undefined, 34)).toBe(false);
    await expectCountsRight();
  });

  it('are counted again from the merged history on import, whatever the file says', async () => {
    await addAddress(db, A, 1);
    await check(A, [1, 2], 10);
    const exposure = (email: string, n: number, state: ExposureState, stateChangedAt: number): Exposure => ({
      email, provider: 'hibp', breachId: `Breach${n}`, also: [], firstSeen: 5, lastSeen: 5, state, stateChangedAt, note: '',
    });
    // A file with made-up counts on its addresses (an export never has any): they must not be used.
    const lying = (email: string, addedAt: number) => ({ email, addedAt, lastCheckedAt: 5, lastOutcome: 'breached' as const, lastFailure: null, exposureCount: 99, newCount: 99 });
    const incoming: ExportDocument = {
      format: EXPORT_FORMAT, version: EXPORT_VERSION,
      addresses: [lying(A, 1), lying(B, 2)],
      breaches: [breach(1), breach(3)],
      // Breach1 of A was acknowledged later than it was found here; Breach3 is new to A; B's are new to B.
      exposures: [exposure(A, 1, 'acknowledged', 100), exposure(A, 3, 'new', 5), exposure(B, 1, 'resolved', 5), exposure(B, 2, 'new', 5)],
      notices: [], siteAlerts: [], runs: [], results: [],
    };
    await importDocument(db, incoming);
    expect(await counts(A)).toEqual({ exposureCount: 3, newCount: 2 });
    expect(await counts(B)).toEqual({ exposureCount: 2, newCount: 1 });
    await expectCountsRight();
    // And the counts stay out of the export.
    const exported = await readExportData(db);
    expect(exported.addresses).toHaveLength(2);
  });

  it('go with the address when it is removed, and with everything when all is deleted', async () => {
    await addAddress(db, A, 1);
    await addAddress(db, B, 2);
    await check(A, [1, 2], 10);
    await check(B, [1], 10);
    await removeAddress(db, A);
    expect(await counts(A)).toBeUndefined();
    await addAddress(db, A, 3); // added again: a fresh start
    expect(await counts(A)).toEqual({ exposureCount: 0, newCount: 0 });
    expect(await counts(B)).toEqual({ exposureCount: 1, newCount: 1 });
    await deleteEverything(db);
    expect(await db.count('addresses')).toBe(0);
    await addAddress(db, B, 4);
    expect(await counts(B)).toEqual({ exposureCount: 0, newCount: 0 });
  });
});

describe('the popup state', () => {
  it('lists the five newest, and among exposures found by the same check the latest breaches, however many tie', async () => {
    await addAddress(db, A, 1);
    // 60 breaches found at once: more than any fixed number of candidates read ahead.
    const first = Array.from({ length: 60 }, (_, i) => i);
    await check(A, first, 10);
    await expectPopupRight();
    const latest = [...first].sort((x, y) => (breach(y).breachDate ?? '').localeCompare(breach(x).breachDate ?? '')).slice(0, 5);
    expect((await popupState(db, DEFAULT_SETTINGS, 1e12)).addresses[0]!.exposures.map((x) => x.exposure.breachId)).toEqual(latest.map((n) => `Breach${n}`));
    // Two found later lead, then the latest three of the big check.
    await check(A, [...first, 70, 71], 20);
    await expectPopupRight();
    expect((await popupState(db, DEFAULT_SETTINGS, 1e12)).addresses[0]!.exposures).toHaveLength(5);
  });

  it('lists all of an address with fewer than five, and none of another address', async () => {
    await addAddress(db, A, 1);
    await addAddress(db, B, 2);
    await check(A, [1, 2], 10);
    await check(B, [3], 20);
    const state = await popupState(db, DEFAULT_SETTINGS, 1e12);
    // A's two were found by one check: the later breach (2002) before the earlier (2001).
    expect(state.addresses.map((a) => [a.email, a.exposures.map((x) => x.exposure.breachId)])).toEqual([
      [A, ['Breach2', 'Breach1']],
      [B, ['Breach3']],
    ]);
    await expectPopupRight();
  });

  it('matches a full recount after any sequence of operations (random, seeded)', async () => {
    const random = mulberry32(20_240_601);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    const emails = [A, B, 'c@example.com'];
    const states: ExposureState[] = ['new', 'acknowledged', 'resolved'];
    let now = 100;
    const done = new Map<string, number>();
    const did = (what: string) => done.set(what, (done.get(what) ?? 0) + 1);
    for (let step = 0; step < 250; step++) {
      now += 1 + Math.floor(random() * 3);
      const watched = (await db.getAll('addresses')).map((a) => a.email);
      const roll = random();
      if (roll < 0.15 || watched.length === 0) {
        await addAddress(db, pick(emails), now);
        did('add');
      } else if (roll < 0.5) {
        const found = Array.from({ length: 12 }, (_, i) => i).filter(() => random() < 0.4);
        await check(pick(watched), found, now);
        did('check');
      } else if (roll < 0.7) {
        const all = await db.getAll('exposures');
        if (all.length > 0) {
          const e = pick(all);
          await setExposureState(db, [e.email, e.provider, e.breachId], pick(states), random() < 0.3 ? `note ${step}` : undefined, now);
          did('set-state');
        }
      } else if (roll < 0.8) {
        await acknowledgeExposures(db, emails.filter(() => random() < 0.5), now);
        did('acknowledge');
      } else if (roll < 0.87) {
        await removeAddress(db, pick(watched));
        did('remove');
      } else if (roll < 0.95) {
        // An import of the history as it is, with some states changed later and one more exposure.
        const data = await readExportData(db);
        const target = pick(data.addresses).email;
        await importDocument(db, {
          format: EXPORT_FORMAT, version: EXPORT_VERSION,
          addresses: [...data.addresses], notices: [...data.notices], siteAlerts: [...data.siteAlerts], runs: [...data.runs], results: [...data.results],
          breaches: [...data.breaches.filter((b) => b.id !== 'Breach40'), breach(40)],
          exposures: [
            ...data.exposures.filter((e) => !(e.email === target && e.breachId === 'Breach40')).map((e) => (random() < 0.3 ? { ...e, state: pick(states), stateChangedAt: now } : e)),
            { email: target, provider: 'hibp', breachId: 'Breach40', also: [], firstSeen: now, lastSeen: now, state: 'new', stateChangedAt: 0, note: '' },
          ],
        });
        did('import');
      } else if (roll < 0.97) {
        await deleteEverything(db);
        did('delete-all');
      } else if (roll < 0.985) {
        // A catalog refresh that changes the date and data of breaches the history names.
        const year = 2000 + Math.floor(random() * 20);
        const classes = ['Passwords', 'Email addresses', 'Names'].filter(() => random() < 0.6);
        await saveCatalog(db, 'hibp', Array.from({ length: 12 }, (_, i) => ({ ...breach(i), breachDate: `${year}-0${1 + (i % 9)}-01`, dataClasses: classes })));
        did('catalog');
      } else {
        const all = await db.getAll('exposures');
        if (all.length > 0) {
          const e = pick(all);
          await setEntryStep(db, { kind: 'exposure', key: [e.email, e.provider, e.breachId] }, 'change-password', random() < 0.5);
          did('step');
        }
      }
      await expectCountsRight();
      if (step % 10 === 0) await expectPopupRight();
    }
    await expectPopupRight();
    // The sequence went through every kind of operation, not just one of them.
    expect([...done.keys()].sort()).toEqual(['acknowledge', 'add', 'catalog', 'check', 'delete-all', 'import', 'remove', 'set-state', 'step']);
  });
});

