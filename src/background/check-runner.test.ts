import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../core/settings';
import { ProviderError } from '../core/provider-error';
import { addAddress } from '../storage/addresses';
import { enqueueRun, pendingJobs } from '../storage/check-queue';
import { openExposureDb } from '../storage/open-db';
import { DB_VERSION, type Db } from '../storage/schema';

/**
 * The queue's pump against a real (fake-indexeddb) database. The browser's alarms are a map; the
 * provider lookup and the pacer are stand-ins that a test makes misbehave.
 */
const fake = vi.hoisted(() => ({
  store: null as unknown as Db,
  alarms: new Map<string, unknown>(),
  checkAddress: vi.fn(),
  claimSlot: vi.fn(async (): Promise<number | null> => null),
}));

vi.mock('webextension-polyfill', () => ({
  default: {
    alarms: {
      create: async (name: string, info: unknown) => void fake.alarms.set(name, info),
      clear: async (name: string) => fake.alarms.delete(name),
    },
  },
}));
vi.mock('../adapters/settings-store', () => ({ loadSettings: async () => ({ ...DEFAULT_SETTINGS, providers: ['hibp'], hibpApiKey: 'k' }) }));
vi.mock('../adapters/storage-full', () => ({ setStorageFull: async () => false }));
vi.mock('./alerts', () => ({ deliverRunNotices: async () => undefined, updateBadge: async () => undefined }));
vi.mock('./broadcast', () => ({ broadcastStateChanged: () => undefined }));
vi.mock('./providers', () => ({ checkAddress: fake.checkAddress }));
vi.mock('./pacer', () => ({ claimSlot: fake.claimSlot }));
vi.mock('../storage/open-db', async (original) => ({ ...(await original<typeof import('../storage/open-db')>()), db: async () => fake.store }));

const { pump } = await import('./check-runner');

let n = 0;
beforeEach(async () => {
  fake.store = await openExposureDb(DB_VERSION, `runner-test-${++n}`);
  fake.alarms.clear();
  fake.checkAddress.mockReset();
  fake.claimSlot.mockReset().mockResolvedValue(null);
  for (const email of ['a@example.com', 'b@example.com']) await addAddress(fake.store, email, 1);
  await enqueueRun(fake.store, { id: 'r1', emails: ['a@example.com', 'b@example.com'], providers: ['hibp'], trigger: 'manual', now: 1 });
});

describe('the check queue never stays stuck', () => {
  it('a job whose lookup throws something unexpected ends as failed with a message, and the next one goes on', async () => {
    // As in Firefox before the fix: a browser API refused inside the request path (not a ProviderError).
    fake.checkAddress
      .mockRejectedValueOnce(new TypeError('Invalid domain was-i-exposed@extension'))
      .mockResolvedValueOnce({ kind: 'clean' });
    await pump();
    expect(await pendingJobs(fake.store)).toEqual([]);
    const results = await fake.store.getAll('results');
    expect(results.map((r) => [r.email, r.outcome, r.failure?.kind ?? null])).toEqual([
      ['a@example.com', 'failed', 'internal'],
      ['b@example.com', 'clean', null],
    ]);
    expect((await fake.store.get('runs', 'r1'))?.finishedAt).not.toBeNull();
    expect((await fake.store.get('addresses', 'a@example.com'))?.lastFailure?.kind).toBe('internal');
    expect(fake.alarms.has('check-queue')).toBe(false);
  });

  it('a failure outside the lookup (the pacer) ends that job too, instead of leaving it first in line forever', async () => {
    fake.claimSlot.mockRejectedValueOnce(new Error('boom'));
    fake.checkAddress.mockResolvedValue({ kind: 'clean' });
    await pump();
    expect(await pendingJobs(fake.store)).toEqual([]);
    const outcomes = (await fake.store.getAll('results')).map((r) => r.outcome).sort();
    expect(outcomes).toEqual(['clean', 'failed']);
    expect(fake.checkAddress).toHaveBeenCalledTimes(1);
  });

  it("a provider's own failure still follows the retry policy (not turned into an internal one)", async () => {
    fake.checkAddress.mockRejectedValue(new ProviderError({ kind: 'unauthorized', status: 401 }));
    await pump();
    const failures = (await fake.store.getAll('results')).map((r) => r.failure?.kind);
    expect(failures).toEqual(['unauthorized', 'unauthorized']);
    // A refused key fails every address at once: one request, not one per address.
    expect(fake.checkAddress).toHaveBeenCalledTimes(1);
  });
});
