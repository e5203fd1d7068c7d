import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { NO_FLAGS, type Breach } from '../core/breach';
import { tEn } from '../core/i18n-test-helper';
import { addAddress } from '../storage/addresses';
import { openExposureDb } from '../storage/open-db';
import { DB_VERSION, type Db } from '../storage/schema';
import { saveGivenTo, suggestFor } from './trail-handlers';

vi.mock('../adapters/ext', () => ({ ext: { i18n: { getMessage: (key: string, subs: string[]) => tEn(key as never, ...subs) } } }));

const catalog = (id: string, domain: string): Breach => ({
  id, provider: 'hibp', title: id, domain, breachDate: null, addedDate: null, pwnCount: 1, description: '', dataClasses: [], logoUrl: null, flags: NO_FLAGS,
});

let db: Db;
let n = 0;
beforeEach(async () => {
  db = await openExposureDb(DB_VERSION, `trail-handlers-${++n}`);
  await db.put('breaches', catalog('ShopA', 'www.shopa.example'));
  await db.put('breaches', catalog('ShopAB', 'shopab.example'));
});

describe('suggestFor', () => {
  it('offers the tab’s site and the catalog sites the plus-tag names, and the unwatched mailbox', async () => {
    expect(await suggestFor(db, 'me+shopa@example.com', 'https://checkout.shop-b.example/cart')).toEqual({ sites: ['shop-b.example', 'shopa.example'], base: 'me@example.com' });
  });

  it('offers nothing it cannot know: no tag, a tag no site has, a page that is not a site', async () => {
    expect(await suggestFor(db, 'me@example.com', 'chrome://newtab/')).toEqual({ sites: [], base: null });
    expect(await suggestFor(db, 'me+nowhere@example.com', undefined)).toEqual({ sites: [], base: 'me@example.com' });
    expect(await suggestFor(db, 'me-shopa@example.com', undefined)).toEqual({ sites: [], base: null });
  });

  it('does not offer a mailbox already watched', async () => {
    await addAddress(db, 'me@example.com', 1);
    expect((await suggestFor(db, 'me+shopa@example.com', undefined)).base).toBeNull();
  });
});

describe('saveGivenTo', () => {
  const refuse = (message: string, field?: string) => Object.assign(new Error(message), { field });

  it('keeps registrable domains, from hosts or addresses typed', async () => {
    await addAddress(db, 'me+shopa@example.com', 1);
    expect(await saveGivenTo(db, 'me+shopa@example.com', ['https://www.shopa.example/account', 'shopa.example', 'eu.shop.co.uk'], refuse)).toEqual({ givenTo: ['shop.co.uk', 'shopa.example'] });
  });

  it('refuses what is not a site, saying which, and changes nothing', async () => {
    await addAddress(db, 'me+shopa@example.com', 1);
    await expect(saveGivenTo(db, 'me+shopa@example.com', ['shopa.example', 'my shop'], refuse)).rejects.toMatchObject({
      message: '“my shop” is not a site: type its address, such as shop.example.', field: 'sites',
    });
    expect((await db.get('addresses', 'me+shopa@example.com'))?.givenTo).toBeUndefined();
  });
});
