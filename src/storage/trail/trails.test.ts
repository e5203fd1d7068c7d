import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { NO_FLAGS, type Breach } from '../../core/breach';
import { buildExport, parseImport } from '../../core/export-format';
import { tEn } from '../../core/i18n-test-helper';
import { trailId } from '../../core/trail/leak-trail';
import { addAddress, removeAddress } from '../addresses';
import { enqueueRun, pendingJobs, recordJobResult } from '../check-queue';
import { countUnacknowledged } from '../exposures';
import { importDocument, readExportData } from '../export-import';
import { deleteEverything, deleteNotice, saveNotice } from '../history';
import { openExposureDb } from '../open-db';
import { DB_VERSION, type Db } from '../schema';
import { setGivenTo, setTrailState } from './trails';
import { DEFAULT_SETTINGS } from '../../core/settings';
import { popupState } from '../popup-view';

const EMAIL = 'me+shopa@example.com';
const breach = (id: string, domain: string): Breach => ({
  id, provider: 'hibp', title: id, domain, breachDate: '2019-05-01', addedDate: null, pwnCount: 1, description: '', dataClasses: ['Email addresses'], logoUrl: null, flags: NO_FLAGS,
});
const OTHER = breach('OtherShop', 'othershop.example');
const OWN = breach('ShopA', 'eu.shopa.example');

let db: Db;
let n = 0;
beforeEach(async () => {
  db = await openExposureDb(DB_VERSION, `trails-test-${++n}`);
  await addAddress(db, EMAIL, 1);
});

async function check(found: Breach[], now: number): Promise<void> {
  await enqueueRun(db, { id: `c${now}`, emails: [EMAIL], providers: ['hibp'], trigger: 'manual', now });
  const [job] = await pendingJobs(db);
  await recordJobResult(db, job!, { kind: 'checked', outcome: found.length > 0 ? { kind: 'breached', breaches: found } : { kind: 'clean' } }, now);
}

describe('leak-trail findings in storage', () => {
  it('are recorded with the check that finds a breach of another site, and counted by the badge', async () => {
    await setGivenTo(db, EMAIL, ['shopa.example'], 5);
    await check([OTHER], 10);
    const [trail, ...rest] = await db.getAll('trails');
    expect(rest).toEqual([]);
    expect(trail).toMatchObject({ id: trailId(EMAIL, { kind: 'breach', provider: 'hibp', breachId: 'OtherShop' }), givenTo: ['shopa.example'], site: 'othershop.example', title: 'OtherShop', state: 'new', createdAt: 10 });
    // One new exposure and one new finding.
    expect(await countUnacknowledged(db)).toBe(2);
    // The popup lists it with its address, acknowledged or not; a resolved one no longer.
    expect((await popupState(db, DEFAULT_SETTINGS, 12)).addresses[0]?.trails).toEqual([trail]);
    await setTrailState(db, trail!.id, 'acknowledged', 11);
    expect(await countUnacknowledged(db)).toBe(1);
    expect((await popupState(db, DEFAULT_SETTINGS, 12)).addresses[0]?.trails.map((t) => t.state)).toEqual(['acknowledged']);
    await setTrailState(db, trail!.id, 'resolved', 13);
    expect((await popupState(db, DEFAULT_SETTINGS, 14)).addresses[0]?.trails).toEqual([]);
  });

  it('are not raised by a breach of a site the address was given to', async () => {
    await setGivenTo(db, EMAIL, ['shopa.example'], 5);
    await check([OWN], 10);
    expect(await db.count('trails')).toBe(0);
    expect(await countUnacknowledged(db)).toBe(1);
  });

  it('follow the sites: given later, the finding appears; the other site added, it goes', async () => {
    await check([OTHER], 10);
    expect(await db.count('trails')).toBe(0);
    await setGivenTo(db, EMAIL, ['shopa.example'], 20);
    expect(await db.count('trails')).toBe(1);
    await setGivenTo(db, EMAIL, ['shopa.example', 'othershop.example'], 30);
    expect(await db.count('trails')).toBe(0);
    expect((await db.get('addresses', EMAIL))?.givenTo).toEqual(['othershop.example', 'shopa.example']);
    await setGivenTo(db, EMAIL, [], 40);
    expect((await db.get('addresses', EMAIL))?.givenTo).toBeUndefined();
  });

  it('come from notices of another site too, and go with them', async () => {
    await setGivenTo(db, EMAIL, ['shopa.example'], 5);
    const notice = { id: 'n1', email: EMAIL, organisation: 'Mailer Ltd', site: 'www.mailer.example', date: '2021', dataClasses: [], note: '', createdAt: 6, state: 'acknowledged' as const, stateChangedAt: 6 };
    await saveNotice(db, notice);
    expect((await db.getAll('trails')).map((t) => t.site)).toEqual(['mailer.example']);
    await deleteNotice(db, 'n1', 7);
    expect(await db.count('trails')).toBe(0);
  });

  it('go with the address, and with everything', async () => {
    await setGivenTo(db, EMAIL, ['shopa.example'], 5);
    await check([OTHER], 10);
    await removeAddress(db, EMAIL);
    expect(await db.count('trails')).toBe(0);
    await addAddress(db, EMAIL, 20);
    await setGivenTo(db, EMAIL, ['shopa.example'], 21);
    await check([OTHER], 22);
    await deleteEverything(db);
    expect(await db.count('trails')).toBe(0);
  });

  it('survive export, delete everything and import, with their state and the sites', async () => {
    await setGivenTo(db, EMAIL, ['shopa.example'], 5);
    await check([OTHER], 10);
    const [trail] = await db.getAll('trails');
    await setTrailState(db, trail!.id, 'acknowledged', 11);
    const text = buildExport(await readExportData(db), tEn);
    expect(JSON.parse(text).trail.givenTo).toEqual([{ email: EMAIL, sites: ['shopa.example'] }]);
    await deleteEverything(db);
    const parsed = parseImport(text, tEn);
    if (!parsed.ok) throw new Error(parsed.message);
    await importDocument(db, parsed.doc);
    expect(await db.getAll('trails')).toEqual([{ ...trail, state: 'acknowledged', stateChangedAt: 11 }]);
    expect((await db.get('addresses', EMAIL))?.givenTo).toEqual(['shopa.example']);
    expect(buildExport(await readExportData(db), tEn)).toBe(text);
  });
});
