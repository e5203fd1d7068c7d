import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { RightsRequest } from '../core/rights/request';
import { openExposureDb } from '../storage/open-db';
import { DB_VERSION, type Db } from '../storage/schema';

/** The browser's notifications are a map: shown (by id) and cleared. */
const fake = vi.hoisted(() => ({ shown: new Map<string, { title: string; message: string }>(), created: 0 }));
// The messages come through the adapters (the browser's own API); the rest through the polyfill.
vi.mock('../adapters/ext', () => ({
  ext: { i18n: { getMessage: (key: string, subs: string[]) => (key === 'languageTag' ? 'en' : `${key}(${subs.join('|')})`), getUILanguage: () => 'en-US' } },
}));
vi.mock('webextension-polyfill', () => ({
  default: {
    notifications: {
      create: async (id: string, options: { title: string; message: string }) => {
        fake.created += 1;
        fake.shown.set(id, options);
        return id;
      },
      clear: async (id: string) => fake.shown.delete(id),
    },
    runtime: { getURL: (path: string) => `chrome-extension://x/${path}` },
  },
}));

const { clearOverdueNotice, deliverOverdueNotices } = await import('./request-alerts');

const REQUEST: RightsRequest = {
  entry: 'notice\u0000n1', email: 'a@example.com', organisation: 'Amazon', law: 'eu-gdpr', sentOn: '2027-01-05', extensionMonths: 0,
  answeredOn: null, note: '', closedOn: null, createdAt: 1, changedAt: 1, notifiedDue: null,
};

let store: Db;
let n = 0;
beforeEach(async () => {
  store = await openExposureDb(DB_VERSION, `request-alerts-${++n}`);
  fake.shown.clear();
  fake.created = 0;
});

describe('overdue request notices', () => {
  it('are shown once per due date, and recorded, so a second look (a restarted worker) shows nothing', async () => {
    await store.put('rightsRequests', REQUEST);
    await deliverOverdueNotices(store, '2027-02-05'); // the due day itself: not yet
    expect(fake.created).toBe(0);
    await deliverOverdueNotices(store, '2027-02-06');
    expect([...fake.shown.keys()]).toEqual(['request:notice%00n1']);
    expect(fake.shown.get('request:notice%00n1')?.title).toBe('requestOverdueNoticeTitle(Amazon)');
    expect((await store.get('rightsRequests', REQUEST.entry))?.notifiedDue).toBe('2027-02-05');
    fake.shown.clear(); // dismissed
    await deliverOverdueNotices(store, '2027-02-07');
    expect(fake.created).toBe(1);
  });

  it('come again when an extended due date lapses too; none for answered or closed requests', async () => {
    await store.put('rightsRequests', { ...REQUEST, notifiedDue: '2027-02-05', extensionMonths: 2 });
    await store.put('rightsRequests', { ...REQUEST, entry: 'notice\u0000n2', answeredOn: '2027-01-20', closedOn: '2027-01-20' });
    await store.put('rightsRequests', { ...REQUEST, entry: 'notice\u0000n3', closedOn: '2027-01-20' });
    await deliverOverdueNotices(store, '2027-03-01');
    expect(fake.created).toBe(0);
    await deliverOverdueNotices(store, '2027-04-06');
    expect([...fake.shown.keys()]).toEqual(['request:notice%00n1']);
  });

  it('are taken away when the request stops being overdue', async () => {
    await store.put('rightsRequests', REQUEST);
    await deliverOverdueNotices(store, '2027-02-06');
    await clearOverdueNotice({ ...REQUEST, extensionMonths: 1 }, '2027-02-06');
    expect(fake.shown.size).toBe(0);
  });
});
