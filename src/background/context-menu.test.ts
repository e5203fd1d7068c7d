import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Menus } from 'webextension-polyfill';
import { DEFAULT_SETTINGS } from '../core/settings';
import { openExposureDb } from '../storage/open-db';
import { DB_VERSION, type Db } from '../storage/schema';

/**
 * "Check this address" from the page's context menu: a selection or a mailto: link is saved and
 * queued for a check; anything else is refused with a notification, and nothing is stored. The
 * browser is faked (notifications recorded, i18n returns the key); IndexedDB is fake-indexeddb.
 */
const fake = vi.hoisted(() => ({ notifications: [] as Array<{ title: string; message: string }> }));

// The messages come through the adapters (the browser's own API); the rest through the polyfill.
vi.mock('../adapters/ext', () => ({ ext: { i18n: { getMessage: (key: string) => key } } }));
vi.mock('webextension-polyfill', () => ({
  default: {
    runtime: { getURL: (path: string) => `chrome-extension://id/${path}` },
    notifications: { create: async (options: { title: string; message: string }) => void fake.notifications.push(options) },
    contextMenus: {},
  },
}));

const { onContextMenu } = await import('./context-menu');

const click = (over: Partial<Menus.OnClickData>) => ({ editable: false, modifiers: [], menuItemId: 'check-selection', ...over }) as Menus.OnClickData;

let db: Db;
let n = 0;
beforeEach(async () => {
  fake.notifications = [];
  db = await openExposureDb(DB_VERSION, `context-menu-test-${++n}`);
});

describe('onContextMenu', () => {
  it('saves a selected address, normalised, and queues one check of it with the chosen provider', async () => {
    expect(await onContextMenu(click({ selectionText: '  Alice@Example.COM ' }), db, { ...DEFAULT_SETTINGS, providers: ['hibp'] })).toBe(true);
    expect((await db.getAll('addresses')).map((a) => a.email)).toEqual(['alice@example.com']);
    const jobs = await db.getAll('jobs');
    expect(jobs.map((j) => [j.email, j.provider])).toEqual([['alice@example.com', 'hibp']]);
    expect((await db.getAll('runs')).map((r) => r.trigger)).toEqual(['context-menu']);
    expect(fake.notifications).toEqual([]);
  });

  it('takes the address out of a mailto: link, query and all', async () => {
    await onContextMenu(click({ menuItemId: 'check-mailto', linkUrl: 'mailto:bob%2Bnews@example.com?subject=Hi' }), db, DEFAULT_SETTINGS);
    expect((await db.getAll('jobs')).map((j) => j.email)).toEqual(['bob+news@example.com']);
  });

  it('refuses a selection that is not an address with a notification saying why, and stores nothing', async () => {
    await onContextMenu(click({ selectionText: 'call me on Tuesday' }), db, DEFAULT_SETTINGS);
    expect(fake.notifications).toHaveLength(1);
    expect(fake.notifications[0]!.title).toBe('menuNotAnAddress');
    expect(fake.notifications[0]!.message).not.toBe('');
    expect(await db.getAll('addresses')).toEqual([]);
    expect(await db.getAll('jobs')).toEqual([]);
  });

  it('ignores menu items that are not its own', async () => {
    expect(await onContextMenu(click({ menuItemId: 'someone-else', selectionText: 'alice@example.com' }), db, DEFAULT_SETTINGS)).toBe(false);
    expect(await db.getAll('addresses')).toEqual([]);
  });

  it('a second click on an address already queued adds no second job', async () => {
    await onContextMenu(click({ selectionText: 'alice@example.com' }), db, DEFAULT_SETTINGS);
    await onContextMenu(click({ selectionText: 'alice@example.com' }), db, DEFAULT_SETTINGS);
    expect(await db.getAll('addresses')).toHaveLength(1);
    expect(await db.getAll('jobs')).toHaveLength(1);
  });
});
