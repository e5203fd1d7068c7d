/**
 * History page with the big data set (measured only once the page exists in dist).
 *
 * What the page must provide (the contract this code measures against):
 *  - dist/chrome/src/ui/history/index.html, the built history page;
 *  - performance.mark('history-rendered') once, after its first render that shows stored data;
 *  - a text filter control with data-testid="history-filter" (an <input>, reacting to 'input'
 *    events), selects #filter-email, #filter-state, #filter-year, #filter-class, #filter-provider
 *    and #history-sort (reacting to 'change'), and performance.mark('history-filtered') after
 *    each render that shows the first rows of a filter or order change.
 *
 * history_first_render_ms_*: navigation start (0) → 'history-rendered', median of repeats.
 * history_heap_mb_*: the renderer's JS heap in use (CDP Runtime.getHeapUsage, after a forced
 *   garbage collection) once the page has rendered; the extension's pages share that heap.
 * history_filter_ms_100k: the page's performance.now() just before a control's value is set and
 *   its event dispatched → the next 'history-filtered' mark. Each filter (address, status, year,
 *   data class, provider) and a search (typing an address) is measured; the figure is the slowest
 *   filter's median. history_sort_ms_100k: the same for changing the order.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { HISTORY_PAGE, type ExtensionBrowser } from './browser';
import { benchAddress } from './seed';
import { sleep } from './stats';

export const historyPageBuilt = (dist: string) => existsSync(join(dist, HISTORY_PAGE));

/** A change of one control: what is measured, and the value it is set to (then back to `reset`). */
interface Change {
  name: string;
  selector: string;
  event: 'input' | 'change';
  value: string;
  reset: string;
}

/** The filter and order changes measured with the bench layout (bench/seed.ts). */
export const CHANGES: readonly Change[] = [
  { name: 'search', selector: '[data-testid="history-filter"]', event: 'input', value: benchAddress(1), reset: '' },
  { name: 'address', selector: '#filter-email', event: 'change', value: benchAddress(2), reset: '' },
  { name: 'status', selector: '#filter-state', event: 'change', value: 'acknowledged', reset: '' },
  { name: 'year', selector: '#filter-year', event: 'change', value: '2012', reset: '' },
  { name: 'data', selector: '#filter-class', event: 'change', value: 'Phone numbers', reset: '' },
  { name: 'provider', selector: '#filter-provider', event: 'change', value: 'hibp', reset: '' },
  { name: 'sort', selector: '#history-sort', event: 'change', value: 'breach-date', reset: 'found' },
  { name: 'sort', selector: '#history-sort', event: 'change', value: 'data', reset: 'found' },
];

export interface HistorySample {
  firstRenderMs: number;
  heapMb: number;
  /** Milliseconds per change name. */
  changeMs: Record<string, number[]>;
}

/** Sets a control and returns the time until the page marked the change shown. */
async function timeChange(page: Page, selector: string, event: string, value: string, timeoutMs: number): Promise<number> {
  const startedAt = await page.evaluate(
    ({ selector: s, event: ev, value: v }) => {
      const control = document.querySelector<HTMLInputElement | HTMLSelectElement>(s);
      if (!control) throw new Error(`no ${s} on the history page`);
      const t = performance.now();
      control.value = v;
      control.dispatchEvent(new Event(ev, { bubbles: true }));
      return t;
    },
    { selector, event, value },
  );
  await page.waitForFunction((t) => performance.getEntriesByName('history-filtered').some((m) => m.startTime >= t), startedAt, { timeout: timeoutMs, polling: 50 });
  return page.evaluate((t) => {
    const mark = performance.getEntriesByName('history-filtered').find((m) => m.startTime >= t);
    return (mark?.startTime ?? Number.NaN) - t;
  }, startedAt);
}

async function heapMb(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    return usedSize / 1024 / 1024;
  } finally {
    await cdp.detach();
  }
}

export async function openHistoryOnce(b: ExtensionBrowser, changes: number, timeoutMs: number): Promise<HistorySample> {
  const page = await b.context.newPage();
  try {
    await page.goto(b.url(HISTORY_PAGE), { waitUntil: 'domcontentloaded' });
    await page.waitForFunction(() => performance.getEntriesByName('history-rendered').length > 0, null, { timeout: timeoutMs, polling: 100 });
    const firstRenderMs = await page.evaluate(() => performance.measure('bench-history-render', { start: 0, end: 'history-rendered' }).duration);
    const heap = await heapMb(page);
    const changeMs: Record<string, number[]> = {};
    for (let round = 0; round < changes; round++) {
      for (const c of CHANGES) {
        (changeMs[c.name] ??= []).push(await timeChange(page, c.selector, c.event, c.value, timeoutMs));
        await timeChange(page, c.selector, c.event, c.reset, timeoutMs); // back to everything: not counted
      }
    }
    return { firstRenderMs, heapMb: heap, changeMs };
  } finally {
    await page.close();
    await sleep(150);
  }
}

/**
 * The toolbar badge's read, timed in an extension page: what src/storage/exposures.ts
 * countUnacknowledged does (every address record, its newCount summed), over raw IndexedDB
 * from an open connection. Median of `repeats`.
 */
export async function badgeCountMs(driver: Page, dbName: string, repeats: number): Promise<{ ms: number; count: number }> {
  return driver.evaluate(
    ({ name, n }) =>
      new Promise<{ ms: number; count: number }>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onerror = () => reject(open.error);
        open.onsuccess = async () => {
          const db = open.result;
          const once = () =>
            new Promise<{ ms: number; count: number }>((done, fail) => {
              const t = performance.now();
              const req = db.transaction('addresses').objectStore('addresses').getAll();
              req.onsuccess = () => done({ ms: performance.now() - t, count: (req.result as Array<{ newCount: number }>).reduce((s, a) => s + a.newCount, 0) });
              req.onerror = () => fail(req.error);
            });
          const samples = [];
          for (let i = 0; i < n; i++) samples.push(await once());
          db.close();
          samples.sort((a, b) => a.ms - b.ms);
          resolve(samples[Math.floor(samples.length / 2)]!);
        };
      }),
    { name: dbName, n: repeats },
  );
}
