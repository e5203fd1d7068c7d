import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { NO_FLAGS, type Breach } from '../core/breach';
import { catalogOf, saveCatalog } from './catalog';
import { openExposureDb } from './open-db';
import { HISTORY_STORES, HistoryWriter } from './history-index';
import { DB_VERSION } from './schema';

const breach = (id: string, provider: Breach['provider'] = 'hibp'): Breach => ({
  id, provider, title: id, domain: `${id.toLowerCase()}.com`, breachDate: null, addedDate: null, pwnCount: null, description: '', dataClasses: [], logoUrl: null, flags: NO_FLAGS,
});

describe('saveCatalog', () => {
  it('drops breaches the provider removed, keeps those in the user history, leaves other providers alone', async () => {
    const db = await openExposureDb(DB_VERSION, 'catalog-test');
    await saveCatalog(db, 'hibp', [breach('A'), breach('B'), breach('Mine')]);
    await saveCatalog(db, 'xposedornot', [breach('X', 'xposedornot')]);
    const tx = db.transaction([...HISTORY_STORES], 'readwrite');
    const writer = new HistoryWriter(tx);
    await writer.put({ email: 'a@b.com', provider: 'hibp', breachId: 'Mine', also: [], firstSeen: 1, lastSeen: 1, state: 'new', stateChangedAt: 1, note: '' });
    await writer.flush();
    await tx.done;
    await saveCatalog(db, 'hibp', [breach('A'), breach('C')]);
    expect((await catalogOf(db, 'hibp')).map((b) => b.id).sort()).toEqual(['A', 'C', 'Mine']);
    expect((await catalogOf(db, 'xposedornot')).map((b) => b.id)).toEqual(['X']);
  });
});
