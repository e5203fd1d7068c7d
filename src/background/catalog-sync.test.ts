import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Breach, ProviderId } from '../core/breach';
import { DEFAULT_SETTINGS, type Settings } from '../core/settings';
import type { CatalogRefresh } from '../providers/catalog';
import type { Db } from '../storage/schema';

/**
 * The catalog refresh and what a killed worker leaves of it. The browser's storage.local and
 * alarms are faked as plain maps that, like the real ones, outlive the worker; "a new worker" is
 * a fresh import of the module (vi.resetModules), whose in-memory state starts empty.
 */
const fake = vi.hoisted(() => ({
  local: new Map<string, unknown>(),
  alarms: new Map<string, { delayInMinutes?: number }>(),
  settings: {} as Record<string, unknown>,
  refreshCatalog: vi.fn(),
  saveCatalog: vi.fn(async () => undefined),
}));

vi.mock('webextension-polyfill', () => ({
  default: {
    storage: {
      local: {
        get: async (keys: string | string[]) =>
          Object.fromEntries([keys].flat().filter((k) => fake.local.has(k)).map((k) => [k, fake.local.get(k)])),
        set: async (items: Record<string, unknown>) => {
          for (const [k, v] of Object.entries(items)) fake.local.set(k, v);
        },
        remove: async (keys: string | string[]) => {
          for (const k of [keys].flat()) fake.local.delete(k);
        },
      },
    },
    alarms: {
      create: async (name: string, info: { delayInMinutes?: number }) => void fake.alarms.set(name, info),
      clear: async (name: string) => fake.alarms.delete(name),
      get: async (name: string) => fake.alarms.get(name),
    },
  },
}));
vi.mock('../adapters/settings-store', () => ({ loadSettings: async () => fake.settings }));
vi.mock('../storage/open-db', () => ({ db: async () => STORE }));
vi.mock('../providers/registry', () => ({ refreshCatalog: fake.refreshCatalog }));
vi.mock('../storage/catalog', () => ({ saveCatalog: fake.saveCatalog, catalogOf: async () => [] }));
vi.mock('./pacer', () => ({ claimSlot: async () => null }));
vi.mock('./providers', () => ({ contextFor: () => ({}) }));

const STORE = {} as Db;
const settings = (provider: ProviderId): Settings => ({ ...DEFAULT_SETTINGS, providers: [provider] });
const breach = { id: 'Adobe', provider: 'hibp' } as Breach;
const changed: CatalogRefresh = { kind: 'changed', breaches: [breach], skipped: 0, mark: { latest: 'Adobe|2013' } };
/** A download that never ends: the worker is killed while it waits. */
const neverAnswers = () => new Promise<never>(() => undefined);

/** The module as a newly started worker sees it. */
async function newWorker() {
  vi.resetModules();
  return import('./catalog-sync');
}

beforeEach(() => {
  fake.local.clear();
  fake.alarms.clear();
  fake.refreshCatalog.mockReset();
  fake.saveCatalog.mockClear();
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});

describe('a catalog refresh cut short by the worker dying', () => {
  it('is finished by the next worker that starts, and then nothing is left to resume', async () => {
    fake.settings = settings('hibp');
    const killed = await newWorker();
    fake.refreshCatalog.mockImplementation(neverAnswers);
    void killed.syncCatalog(STORE, settings('hibp'), 'hibp');
    await vi.waitFor(() => expect(fake.refreshCatalog).toHaveBeenCalledTimes(1));
    // Left behind before the request went out: the marker, and the alarm in case nothing wakes a worker.
    expect(fake.alarms.get('catalog-retry')).toEqual({ delayInMinutes: 1 });

    const next = await newWorker();
    fake.refreshCatalog.mockResolvedValue(changed);
    await next.resumeInterruptedSync();
    expect(fake.refreshCatalog).toHaveBeenCalledTimes(2);
    expect(fake.saveCatalog).toHaveBeenCalledWith(STORE, 'hibp', [breach]);
    expect(fake.local.get('catalogMark.hibp')).toEqual(changed.mark);
    expect(fake.alarms.has('catalog-retry')).toBe(false);

    await (await newWorker()).resumeInterruptedSync();
    expect(fake.refreshCatalog).toHaveBeenCalledTimes(2);
  });

  it('is not resumed on wake after it finished or failed (a failure waits for its backoff alarm)', async () => {
    fake.settings = settings('xposedornot');
    const worker = await newWorker();
    fake.refreshCatalog.mockResolvedValue({ kind: 'unchanged', mark: {} });
    await expect(worker.syncCatalog(STORE, settings('xposedornot'), 'xposedornot')).resolves.toBe('unchanged');
    fake.refreshCatalog.mockRejectedValue(new Error('503'));
    const failedAt = Date.now();
    fake.settings = settings('xposedornot');
    await expect(worker.syncCatalog(STORE, settings('xposedornot'), 'xposedornot')).resolves.toBe('failed');
    // The first backoff: about 5 minutes on (decideCatalogRetry), not the 1-minute watchdog.
    const { when } = fake.alarms.get('catalog-retry') as { when: number };
    expect(when - failedAt).toBeGreaterThanOrEqual(5 * 60_000);
    expect(when - Date.now()).toBeLessThanOrEqual(5 * 60_000);

    await (await newWorker()).resumeInterruptedSync();
    expect(fake.refreshCatalog).toHaveBeenCalledTimes(2);
  });

  it('is resumed only for the provider now chosen (choosing another starts that one\'s own refresh)', async () => {
    const killed = await newWorker();
    fake.refreshCatalog.mockImplementation(neverAnswers);
    void killed.syncCatalog(STORE, settings('hibp'), 'hibp');
    await vi.waitFor(() => expect(fake.refreshCatalog).toHaveBeenCalledTimes(1));

    fake.settings = settings('xposedornot');
    await (await newWorker()).resumeInterruptedSync();
    expect(fake.refreshCatalog).toHaveBeenCalledTimes(1);
  });
});

describe('two providers', () => {
  it('refresh both catalogs; one failing keeps its backoff and alarm while the other\'s success clears nothing of it', async () => {
    const both: Settings = { ...DEFAULT_SETTINGS, providers: ['xposedornot', 'hibp'] };
    fake.settings = both;
    const worker = await newWorker();
    fake.refreshCatalog.mockImplementation(async (provider: ProviderId) => {
      if (provider === 'xposedornot') throw new Error('503');
      return changed;
    });
    await worker.syncCatalogs(STORE, both);
    expect(fake.refreshCatalog.mock.calls.map((c) => c[0])).toEqual(['xposedornot', 'hibp']);
    expect(fake.saveCatalog).toHaveBeenCalledWith(STORE, 'hibp', [breach]);
    // XposedOrNot's retry is still owed after HIBP's refresh worked.
    const { when } = fake.alarms.get('catalog-retry') as { when: number };
    expect(when - Date.now()).toBeGreaterThan(4 * 60_000);
    // Woken by the retry alarm before that time (as another provider's retry could), XposedOrNot
    // is not asked: it waits out its backoff.
    await worker.syncCatalogs(STORE, both, { dueOnly: true });
    expect(fake.refreshCatalog.mock.calls.map((c) => c[0])).toEqual(['xposedornot', 'hibp', 'hibp']);
    expect(fake.alarms.has('catalog-retry')).toBe(true);
  });
});

describe('refreshes in flight', () => {
  it('run once per provider: a second call waits for the refresh already running', async () => {
    const worker = await newWorker();
    fake.refreshCatalog.mockResolvedValue(changed);
    const [a, b] = await Promise.all([worker.syncCatalog(STORE, settings('hibp'), 'hibp'), worker.syncCatalog(STORE, settings('hibp'), 'hibp')]);
    expect([a, b]).toEqual(['changed', 'changed']);
    expect(fake.refreshCatalog).toHaveBeenCalledTimes(1);
  });

  it('of the previous provider do not swallow the refresh of the one just chosen', async () => {
    const worker = await newWorker();
    fake.refreshCatalog.mockImplementation(async (provider: ProviderId) => (provider === 'xposedornot' ? neverAnswers() : changed));
    void worker.syncCatalog(STORE, settings('xposedornot'), 'xposedornot');
    await expect(worker.syncCatalog(STORE, settings('hibp'), 'hibp')).resolves.toBe('changed');
    expect(fake.refreshCatalog).toHaveBeenCalledWith('hibp', {}, {});
    expect(fake.saveCatalog).toHaveBeenCalledWith(STORE, 'hibp', [breach]);
  });
});
