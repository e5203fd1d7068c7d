import type { Browser } from 'webextension-polyfill';

/**
 * The browser's own extension API, for the extension's pages and the adapters they share with the
 * background. Firefox's `browser` and Chromium's MV3 `chrome` both return promises for everything
 * these use (runtime.sendMessage, storage, tabs, permissions, i18n), so the pages need no
 * webextension-polyfill: it would be about a third of the popup's JavaScript budget (BENCHMARKS.md).
 * Typed with the polyfill's types, which describe that promise API.
 *
 * One difference matters: natively, Chromium rejects a sendMessage nobody answered ("The message
 * port closed before a response was received.") where the polyfill resolved `undefined`; src/ui/send.ts
 * handles both. The background keeps the polyfill for its message listener, which answers by
 * returning a promise (natively Chromium would need `sendResponse`).
 */
const scope = globalThis as typeof globalThis & { browser?: Browser; chrome?: Browser };

export const ext: Browser = (scope.browser ?? scope.chrome)!;
