/**
 * History page with the big data set (measured only once the page exists in dist).
 *
 * What the page must provide (the contract this code measures against):
 *  - dist/chrome/src/ui/history/index.html, the built history page;
 *  - performance.mark('history-rendered') once, after its first render that shows stored data;
 *  - a text filter control with data-testid="history-filter" (an <input>, reacting to 'input'
 *    events), and performance.mark('history-filtered') after each render that applies a filter
 *    change.
 *
 * history_first_render_ms_100k: navigation start (0) → 'history-rendered', median of repeats.
 * history_filter_ms_100k: the page's performance.now() just before the filter's value is set and
 *   its 'input' event dispatched → the next 'history-filtered' mark; median over repeats. Each
 *   change types one address (the search text covers the address), alternating between two, so
 *   every change narrows 100k entries to that address's 10k.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { HISTORY_PAGE, type ExtensionBrowser } from './browser';
import { benchAddress } from './seed';
import { sleep } from './stats';

export const historyPageBuilt = (dist: string) => existsSync(join(dist, HISTORY_PAGE));

export interface HistorySample {
  firstRenderMs: number;
  filterMs: number[];
}

export async function openHistoryOnce(b: ExtensionBrowser, filters: number, timeoutMs: number): Promise<HistorySample> {
  const page = await b.context.newPage();
  try {
    await page.goto(b.url(HISTORY_PAGE), { waitUntil: 'domcontentloaded' });
    await page.waitForFunction(() => performance.getEntriesByName('history-rendered').length > 0, null, { timeout: timeoutMs, polling: 100 });
    const firstRenderMs = await page.evaluate(() => performance.measure('bench-history-render', { start: 0, end: 'history-rendered' }).duration);
    const filterMs: number[] = [];
    for (let i = 0; i < filters; i++) {
      const query = benchAddress((i % 2) + 1);
      const startedAt = await page.evaluate((q) => {
        const input = document.querySelector<HTMLInputElement>('[data-testid="history-filter"]');
        if (!input) throw new Error('no [data-testid="history-filter"] on the history page');
        const t = performance.now();
        input.value = q;
        input.dispatchEvent(new Event('input', { bubbles: true }));
        return t;
      }, query);
      await page.waitForFunction(
        (t) => performance.getEntriesByName('history-filtered').some((m) => m.startTime >= t),
        startedAt,
        { timeout: timeoutMs, polling: 50 },
      );
      filterMs.push(
        await page.evaluate((t) => {
          const mark = performance.getEntriesByName('history-filtered').find((m) => m.startTime >= t);
          return (mark?.startTime ?? Number.NaN) - t;
        }, startedAt),
      );
    }
    return { firstRenderMs, filterMs };
  } finally {
    await page.close();
    await sleep(150);
  }
}
