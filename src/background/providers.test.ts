import { createHash } from 'node:crypto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { NO_FLAGS, type Breach } from '../core/breach';
import { DEFAULT_SETTINGS } from '../core/settings';

/**
 * HIBP range mode, as the check runner calls it: nothing but the range query goes out for a
 * lookup. fetch is stubbed and records every URL; the catalog download is faked.
 */
const fake = vi.hoisted(() => ({ synced: 0, catalog: [] as Breach[], onSync: (): void => undefined }));
vi.mock('./catalog-sync', () => ({
  syncCatalog: async () => {
    fake.synced++;
    fake.onSync();
    return 'changed';
  },
}));
vi.mock('../storage/open-db', () => ({ db: async () => ({}) }));
// The User-Agent rule is the browser's business (see user-agent.test.ts); here only the requests count.
vi.mock('./user-agent', () => ({ ensureUserAgentRule: async () => undefined }));

const { checkAddress } = await import('./providers');

const EMAIL = 'victim@example.com';
const SHA1 = createHash('sha1').update(EMAIL).digest('hex').toUpperCase();
const breach = (id: string): Breach => ({
  id, provider: 'hibp', title: `${id} title`, domain: `${id.toLowerCase()}.com`, breachDate: '2013-10-04', addedDate: null, pwnCount: 10, description: 'd', dataClasses: ['Email addresses'], logoUrl: null, flags: NO_FLAGS,
});
const SETTINGS = { ...DEFAULT_SETTINGS, provider: 'hibp' as const, hibpApiKey: '0123456789abcdef0123456789abcdef', hibpRangeSearch: true };

let urls: string[] = [];
beforeEach(() => {
  urls = [];
  fake.synced = 0;
  fake.catalog = [];
  fake.onSync = () => undefined;
  vi.stubGlobal('fetch', async (input: string) => {
    urls.push(input);
    const body = JSON.stringify([{ HashSuffix: SHA1.slice(6), Websites: ['Adobe', 'BrandNew'] }, { HashSuffix: 'F'.repeat(34), Websites: ['Other'] }]);
    return new Response(body, { status: 200, headers: { 'content-type': 'application/json' } });
  });
});

describe('checkAddress in HIBP range mode', () => {
  it('sends only the range query; a name the catalog lacks is a placeholder, never asked for by name', async () => {
    fake.catalog = [breach('Adobe')];
    const outcome = await checkAddress('hibp', SETTINGS, EMAIL, async () => fake.catalog);
    expect(urls).toEqual([`https://haveibeenpwned.com/api/v3/breachedaccount/range/${SHA1.slice(0, 6)}`]);
    expect(fake.synced).toBe(0);
    expect(outcome).toEqual({
      kind: 'breached',
      breaches: [breach('Adobe'), expect.objectContaining({ id: 'BrandNew', title: 'BrandNew', domain: '', dataClasses: [] })],
    });
  });

  it('with no catalog yet, downloads it first, then resolves the names from it', async () => {
    fake.onSync = () => {
      expect(urls).toEqual([]); // before the range query
      fake.catalog = [breach('Adobe'), breach('BrandNew')];
    };
    const outcome = await checkAddress('hibp', SETTINGS, EMAIL, async () => fake.catalog);
    expect(fake.synced).toBe(1);
    expect(urls).toEqual([`https://haveibeenpwned.com/api/v3/breachedaccount/range/${SHA1.slice(0, 6)}`]);
    expect(outcome).toEqual({ kind: 'breached', breaches: [breach('Adobe'), breach('BrandNew')] });
  });

  it('a catalog download that fails still leaves a check, with placeholders', async () => {
    const outcome = await checkAddress('hibp', SETTINGS, EMAIL, async () => fake.catalog);
    expect(fake.synced).toBe(1);
    expect(urls).toHaveLength(1);
    expect(outcome.kind === 'breached' && outcome.breaches.map((b) => [b.id, b.title])).toEqual([['Adobe', 'Adobe'], ['BrandNew', 'BrandNew']]);
  });
});
