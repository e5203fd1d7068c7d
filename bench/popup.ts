/**
 * Popup: time from opening the popup page to its first render with data.
 *
 * Figure: `performance.measure` from the navigation start of the popup document (time 0) to the
 * popup's own 'popup-rendered' mark, which src/ui/popup/popup.tsx sets in the effect after the
 * first render that has its state, once that render is painted (Preact runs effects after the next
 * frame), the same moment it sets body[data-ready]. That includes loading and running the popup's
 * scripts, the first read of its state — the popup page opens IndexedDB and builds the view itself
 * (src/storage/popup-view.ts), with no round trip to the background — and Preact rendering the
 * lists. Later refreshes go through state/get, whose reply size is popup_state_reply_kb_*.
 *
 * Baseline: navigation start → DOMContentLoaded end of the same popup page in the same browser
 * with an empty database: the HTML, CSS and scripts loaded and run and the "Loading…" shell drawn.
 * The popup starts its read as its script runs, so part of that read may overlap the baseline.
 */
import type { Page } from '@playwright/test';
import { POPUP_PAGE, type ExtensionBrowser } from './browser';
import { sleep } from './stats';

export interface PopupSample {
  /** navigation start → 'popup-rendered' */
  renderMs: number;
  /** navigation start → DOMContentLoaded end */
  domContentLoadedMs: number;
  /** navigation start → 'popup-start' (the popup's module starts running) */
  scriptStartMs: number;
  /** addresses rendered, as a sanity check of what was measured */
  addressesShown: number;
  breachesShown: number;
}

/**
 * Opens the popup in a new tab, waits for its first render with data, reads the marks, closes it.
 * All of an extension's pages share one renderer process, so after closing a big popup the bench
 * waits `settleMs` before the next measurement: tearing down its DOM would otherwise delay the next
 * popup's scripts, which a person opening the popup a while later would not see.
 */
export async function openPopupOnce(b: ExtensionBrowser, timeoutMs: number, settleMs = 200): Promise<PopupSample> {
  const page: Page = await b.context.newPage();
  try {
    await page.goto(b.url(POPUP_PAGE), { waitUntil: 'domcontentloaded' });
    // Rendered, or the popup shows an error instead of data (e.g. a reply too big to send).
    await page.waitForFunction(
      () => performance.getEntriesByName('popup-rendered').length > 0 || document.querySelector('p.error[role="alert"]') !== null,
      null,
      { timeout: timeoutMs, polling: 100 },
    );
    const shownError = await page.locator('p.error[role="alert"]').allInnerTexts();
    if (shownError.length > 0) throw new Error(`the popup showed an error instead of data: ${shownError.join(' / ')}`);
    // Let the load event land so the navigation entry is complete (it is only read, not timed).
    await page.waitForLoadState('load');
    return await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
      const render = performance.measure('bench-popup-render', { start: 0, end: 'popup-rendered' });
      const start = performance.getEntriesByName('popup-start')[0];
      return {
        renderMs: render.duration,
        domContentLoadedMs: nav?.domContentLoadedEventEnd ?? Number.NaN,
        scriptStartMs: start?.startTime ?? Number.NaN,
        addressesShown: document.querySelectorAll('li.address').length,
        breachesShown: document.querySelectorAll('li.breach').length,
      };
    });
  } finally {
    await page.close();
    await sleep(settleMs);
  }
}

/** Size in bytes of the state/get reply as JSON (what the background hands the popup). */
export function stateReplyBytes(driver: Page): Promise<number> {
  return driver.evaluate(async () => JSON.stringify(await chrome.runtime.sendMessage({ type: 'state/get', payload: {} })).length);
}
