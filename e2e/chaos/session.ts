import type { BrowserContext, Page } from '@playwright/test';
import { launchExtension, pointAtServer, serviceWorker } from '../support/extension';
import { sleep, workerKiller, type WorkerKiller } from '../support/run-helpers';
import { readSnapshot, type Snapshot, type StoreName } from './snapshot';

/** An import's reply as the page saw it, and how long it took when it came. */
export interface ImportOutcome {
  reply: string;
  ms: number | null;
}

/**
 * The browser the chaos test drives, on a profile it keeps: when Chromium itself dies (Chromium
 * 156 sometimes does, right after DevTools stops a service worker), the same profile is launched
 * again and the test carries on against the data left on disk. Every such crash is counted and
 * reported; it is never counted as a kill.
 */
export class ChaosBrowser {
  readonly crashes: string[] = [];
  private context!: BrowserContext;
  private page!: Page;
  private killer!: WorkerKiller;
  private extensionId = '';
  private closing = false;
  /** Set when the browser went away without the test closing it. */
  private gone = false;

  private constructor(private readonly profile: string) {}

  static async launch(profile: string): Promise<ChaosBrowser> {
    const browser = new ChaosBrowser(profile);
    await browser.open();
    return browser;
  }

  /** Chromium, the extension's worker, an extension page (Options: it sends nothing by itself) and a DevTools session on it. */
  private async open(): Promise<void> {
    this.gone = false;
    const context = await launchExtension(this.profile);
    this.context = context;
    context.on('close', () => {
      if (!this.closing && context === this.context) this.gone = true;
    });
    this.extensionId = new URL((await serviceWorker(this.context)).url()).host;
    this.page = await this.context.newPage();
    await this.page.goto(`chrome-extension://${this.extensionId}/src/ui/options/index.html`);
    this.killer = await workerKiller(this.page, this.extensionId);
    await this.closeOtherPages();
  }

  /**
   * Closes every page but the test's own. The welcome tab the first install opens asks for the
   * popup state after every check the worker records; left open, it would load the worker with
   * work that has nothing to do with the kills (and grows with the history).
   */
  async closeOtherPages(): Promise<void> {
    for (const page of this.context.pages()) if (page !== this.page) await page.close();
  }

  /**
   * Whether a call failed because the browser died. Playwright may reject the call a moment
   * before it reports the context closed, so a failure waits up to a second for that news.
   */
  async died(): Promise<boolean> {
    for (let i = 0; i < 20 && !this.gone; i++) await sleep(50);
    return this.gone;
  }

  /** After a browser crash: note it, and start the same profile again. */
  async recover(during: string): Promise<void> {
    this.crashes.push(during);
    console.log(`chaos: BROWSER CRASH #${this.crashes.length} (${during}); launching the same profile again`);
    await this.context.close().catch(() => undefined);
    await this.open();
  }

  /**
   * Stops the running service worker through DevTools and waits until Chrome reports it stopped.
   * Returns whether that happened: false when the browser died first (then it is relaunched).
   */
  async kill(label: string): Promise<boolean> {
    const before = this.killer.stops;
    try {
      await this.killer.kill(0);
      return true;
    } catch (error) {
      if (!(await this.died())) throw error;
      const stopped = this.killer.stops > before;
      await this.recover(`${label}, ${stopped ? 'just after the worker stopped' : 'before the worker stopped'}`);
      return stopped;
    }
  }

  /**
   * Runs `step` against the browser; if the browser dies meanwhile, relaunches it and runs the
   * step again. For steps that may safely run twice (reads, waits, wakes).
   */
  async guard<T>(label: string, step: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await step();
      } catch (error) {
        if (attempt === 3 || !(await this.died())) throw error;
        await this.recover(label);
      }
    }
  }

  /** The database as it is now (all stores, or the ones named, e.g. for a quick poll). */
  snapshot(stores?: readonly StoreName[]): Promise<Snapshot> {
    return this.guard('reading the database', () => readSnapshot(this.page, stores));
  }

  /** A message to the background, as extension pages send it; wakes a stopped worker. */
  async send<T = unknown>(type: string, payload: unknown): Promise<{ ok: boolean; value?: T; error?: string }> {
    return this.page.evaluate(([t, p]) => chrome.runtime.sendMessage({ type: t, payload: p }), [type, payload] as const) as Promise<{
      ok: boolean;
      value?: T;
      error?: string;
    }>;
  }

  /**
   * Wakes the worker: any event does, and a woken worker resumes whatever a killed one left. The
   * cheapest message of the protocol (the site card of a page that is no web site) rather than the
   * popup's state/get, whose cost grows with the history and would slow the runs being watched.
   */
  wake(): Promise<unknown> {
    return this.guard('waking the worker', () => this.send('site/card', { url: 'about:blank' }));
  }

  pointAt(serverUrl: string): Promise<void> {
    return this.guard('pointing the extension at the server', () => pointAtServer(this.page, serverUrl));
  }

  setStorage(items: Record<string, unknown>): Promise<void> {
    return this.guard('writing storage.local', () => this.page.evaluate((i) => chrome.storage.local.set(i), items));
  }

  getStorage(key: string): Promise<unknown> {
    return this.guard('reading storage.local', async () => (await this.page.evaluate((k) => chrome.storage.local.get(k), key))[key]);
  }

  /** The catalog alarm falls due now (as it does daily), with the period the extension gives it. */
  catalogAlarmNow(): Promise<void> {
    return this.guard('setting the catalog alarm', () =>
      this.page.evaluate(() => chrome.alarms.create('catalog', { when: Date.now(), periodInMinutes: 24 * 60 })),
    );
  }

  /**
   * Sends a history file to the background without waiting for the reply; `importOutcome` tells
   * later what came back (a reply, an error, or nothing yet).
   */
  startImport(id: string, text: string): Promise<void> {
    return this.guard('sending an import', () =>
      this.page.evaluate(
        ([key, body]) => {
          const scope = globalThis as unknown as { chaosImports?: Record<string, ImportOutcome> };
          const outcomes = (scope.chaosImports ??= {});
          const sent = performance.now();
          outcomes[key] = { reply: 'none', ms: null };
          chrome.runtime.sendMessage({ type: 'history/import', payload: { text: body } }).then(
            (reply) => {
              const r = reply as { ok: boolean; error?: string };
              outcomes[key] = { reply: r.ok ? 'ok' : `refused: ${r.error}`, ms: performance.now() - sent };
            },
            (error: Error) => {
              outcomes[key] = { reply: `message failed: ${error.message}`, ms: null };
            },
          );
        },
        [id, text] as const,
      ),
    );
  }

  /** What became of an import started here so far. */
  importOutcome(id: string): Promise<ImportOutcome> {
    return this.guard('reading the import outcome', async () => {
      const found = await this.page.evaluate((key) => (globalThis as unknown as { chaosImports?: Record<string, ImportOutcome> }).chaosImports?.[key] ?? null, id);
      return found ?? { reply: 'page lost (browser crash)', ms: null };
    });
  }

  /** The toolbar badge's text. */
  badge(): Promise<string> {
    return this.guard('reading the badge', () => this.page.evaluate(() => chrome.action.getBadgeText({})));
  }

  async close(): Promise<void> {
    this.closing = true;
    await this.context.close().catch(() => undefined);
  }
}
