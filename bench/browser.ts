/**
 * Launches Chromium with the built extension in a fresh, throw-away profile, the way the e2e
 * fixtures do (e2e/support/extension.ts), but outside Playwright's test runner.
 */
import { chromium, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumPath, extensionArgs } from '../e2e/chromium-path';

/**
 * tsx (esbuild with keepNames) wraps named functions in `__name(...)`; functions handed to
 * page.evaluate/worker.evaluate are serialised with that call inside, so each context needs a
 * no-op `__name` before it runs them.
 */
const NAME_SHIM = 'globalThis.__name ??= (fn) => fn;';

export interface ExtensionBrowser {
  readonly context: BrowserContext;
  readonly extensionId: string;
  /** The throw-away profile directory (deleted by close()). */
  readonly profileDir: string;
  /** chrome-extension://<id>/<path> */
  url(path: string): string;
  /** The running service worker (started again by Chrome after a stop), with the shim installed. */
  worker(): Promise<Worker>;
  /** A new tab on an extension page, loaded up to DOMContentLoaded. */
  open(path: string): Promise<Page>;
  /**
   * A tab on the options page, used to drive the background through its message protocol and to
   * read or seed IndexedDB. Options neither reads IndexedDB nor listens for state broadcasts, so it
   * adds no work of its own to what is measured.
   */
  driver(): Promise<Page>;
  /**
   * Closes tabs the extension opened by itself (the welcome page on install): an open extension
   * page that listens for state broadcasts would add its own work to every measurement.
   */
  closeOthers(): Promise<number>;
  close(): Promise<void>;
}

export const OPTIONS_PAGE = 'src/ui/options/index.html';
export const POPUP_PAGE = 'src/ui/popup/index.html';
export const HISTORY_PAGE = 'src/ui/history/index.html';

export async function launchExtension(dist: string, settings: Record<string, unknown>): Promise<ExtensionBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'wie-bench-'));
  let context: BrowserContext | null = null;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath(),
      headless: true,
      args: extensionArgs(dist),
      viewport: { width: 420, height: 700 },
    });
    return await connect(context, profile, settings);
  } catch (error) {
    await context?.close().catch(() => undefined);
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }
}

async function connect(context: BrowserContext, profile: string, settings: Record<string, unknown>): Promise<ExtensionBrowser> {
  await context.addInitScript({ content: NAME_SHIM });
  const worker = async (): Promise<Worker> => {
    const found = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
    await found.evaluate(NAME_SHIM);
    return found;
  };
  const first = await worker();
  const extensionId = new URL(first.url()).host;
  await first.evaluate((items) => chrome.storage.local.set(items), settings);

  const url = (path: string) => `chrome-extension://${extensionId}/${path}`;
  const ours = new Set<Page>(); // tabs the bench opened
  const open = async (path: string): Promise<Page> => {
    const page = await context.newPage();
    ours.add(page);
    await page.goto(url(path), { waitUntil: 'domcontentloaded' });
    return page;
  };
  let driverPage: Page | null = null;

  return {
    context,
    extensionId,
    profileDir: profile,
    url,
    worker,
    open,
    closeOthers: async () => {
      const others = context.pages().filter((p) => p.url().startsWith(url('')) && !ours.has(p));
      for (const p of others) await p.close();
      return others.length;
    },
    driver: async () => {
      if (driverPage && !driverPage.isClosed()) return driverPage;
      driverPage = await open(OPTIONS_PAGE);
      return driverPage;
    },
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Waits for the background's start-up work that would otherwise overlap a measurement: install
 * (its 'recheck' alarm exists), then — in builds that keep the breach catalog — the first catalog
 * refresh, which an alarm named 'catalog' runs a few seconds after install: done once that alarm
 * has been rescheduled a day ahead and a catalogMark.* is stored. Then closes the tabs the
 * extension opened (closeOthers) and waits one quiet second.
 * Returns what it waited for, for the log.
 */
export async function settleStartup(b: ExtensionBrowser, timeoutMs = 30_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  for (;;) {
    const worker = await b.worker();
    const state = await worker.evaluate(async () => {
      const alarms = await chrome.alarms.getAll();
      const catalog = alarms.find((a) => a.name === 'catalog');
      const stored = await chrome.storage.local.get(null);
      return {
        installed: alarms.some((a) => a.name === 'recheck'),
        catalogAlarm: catalog !== undefined,
        catalogDue: catalog !== undefined && catalog.scheduledTime < Date.now() + 60_000,
        marks: Object.keys(stored).filter((k) => k.startsWith('catalogMark.')).length,
      };
    });
    last = JSON.stringify(state);
    const done = state.installed && (!state.catalogAlarm || (!state.catalogDue && state.marks > 0));
    if (done) {
      const closed = await b.closeOthers();
      await new Promise((r) => setTimeout(r, 1000));
      return `${state.catalogAlarm ? 'install and first catalog refresh' : 'install'}; closed ${closed} tab(s) the extension opened`;
    }
    if (Date.now() > deadline) return `gave up waiting after ${timeoutMs} ms: ${last}`;
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Sends one protocol message from an extension page and returns the unwrapped reply value. */
export async function request<T = unknown>(page: Page, type: string, payload: unknown = {}): Promise<T> {
  const reply = (await page.evaluate(
    ([t, p]) => chrome.runtime.sendMessage({ type: t, payload: p }),
    [type, payload] as const,
  )) as { ok: boolean; value?: T; error?: string } | undefined;
  if (!reply?.ok) throw new Error(`${type} failed: ${reply?.error ?? 'no reply'}`);
  return reply.value as T;
}
