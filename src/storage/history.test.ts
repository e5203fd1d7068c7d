import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openExposureDb } from './open-db';
import { setEntryStep } from './history';
import { DB_VERSION } from './schema';
import type { EntryTarget } from '../messages';

describe('setEntryStep', () => {
  it('ticks and unticks steps of an exposure or a notice, kept sorted and once each; false when the entry is gone', async () => {
    const db = await openExposureDb(DB_VERSION, 'history-steps');
    await db.put('exposures', { email: 'a@example.com', provider: 'hibp', breachId: 'Adobe', firstSeen: 1, lastSeen: 1, state: 'new', stateChangedAt: 1, note: '', also: [] });
    await db.put('notices', { id: 'n1', email: 'a@example.com', organisation: 'Shop', site: '', date: '2018', dataClasses: ['Names'], note: '', createdAt: 1, state: 'new', stateChangedAt: 1 });
    const exposure: EntryTarget = { kind: 'exposure', key: ['a@example.com', 'hibp', 'Adobe'] };
    expect(await setEntryStep(db, exposure, 'guidanceB', true)).toBe(true);
    expect(await setEntryStep(db, exposure, 'guidanceA', true)).toBe(true);
    expect(await setEntryStep(db, exposure, 'guidanceA', true)).toBe(true);
    expect((await db.get('exposures', ['a@example.com', 'hibp', 'Adobe']))?.steps).toEqual(['guidanceA', 'guidanceB']);
    await setEntryStep(db, exposure, 'guidanceB', false);
    expect((await db.get('exposures', ['a@example.com', 'hibp', 'Adobe']))?.steps).toEqual(['guidanceA']);
    // Ticking a step is not a change of state.
    expect((await db.get('exposures', ['a@example.com', 'hibp', 'Adobe']))?.stateChangedAt).toBe(1);

    expect(await setEntryStep(db, { kind: 'notice', id: 'n1' }, 'guidanceC', true)).toBe(true);
    expect((await db.get('notices', 'n1'))?.steps).toEqual(['guidanceC']);
    expect(await setEntryStep(db, { kind: 'notice', id: 'gone' }, 'guidanceC', true)).toBe(false);
    db.close();
  });
});
