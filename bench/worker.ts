/**
 * Service-worker cold start: the background is stopped through DevTools (ServiceWorker.enable +
 * ServiceWorker.stopAllWorkers on a CDP session of an extension page), and once DevTools reports
 * it stopped, an extension page sends `state/get`; the figure is the time from sending the message
 * to its reply, measured in the page with performance.now(). Chrome has to start the worker, run
 * its top-level code (which also resumes the queue), open IndexedDB and answer. The warm figure
 * is the same message sent right after, to the now-running worker: the baseline of the ratio.
 */
import type { CDPSession, Page } from '@playwright/test';
import type { ExtensionBrowser } from './browser';
import { sleep } from './stats';

type RunningStatus = 'stopped' | 'starting' | 'running' | 'stopping';

interface VersionsEvent {
  versions: Array<{ versionId: string; scriptURL: string; runningStatus: RunningStatus }>;
}

/** Round trip of one state/get from the page, in ms. */
export function timeStateGet(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const t0 = performance.now();
    const reply = (await chrome.runtime.sendMessage({ type: 'state/get', payload: {} })) as { ok?: boolean } | undefined;
    const elapsed = performance.now() - t0;
    if (!reply?.ok) throw new Error('state/get was not answered');
    return elapsed;
  });
}

export class WorkerStopper {
  private status = new Map<string, RunningStatus>();

  private constructor(private readonly cdp: CDPSession, private readonly prefix: string) {
    cdp.on('ServiceWorker.workerVersionUpdated', (event: VersionsEvent) => {
      for (const v of event.versions) if (v.scriptURL.startsWith(prefix)) this.status.set(v.versionId, v.runningStatus);
    });
  }

  static async attach(b: ExtensionBrowser, page: Page): Promise<WorkerStopper> {
    const cdp = await b.context.newCDPSession(page);
    const stopper = new WorkerStopper(cdp, b.url(''));
    await cdp.send('ServiceWorker.enable');
    return stopper;
  }

  private allStopped(): boolean {
    return this.status.size > 0 && [...this.status.values()].every((s) => s === 'stopped');
  }

  /** Stops the extension's worker and waits until DevTools says it has stopped. */
  async stop(timeoutMs = 10_000): Promise<void> {
    await this.cdp.send('ServiceWorker.stopAllWorkers');
    const deadline = Date.now() + timeoutMs;
    while (!this.allStopped()) {
      if (Date.now() > deadline) throw new Error(`service worker did not stop: ${JSON.stringify([...this.status])}`);
      await sleep(20);
    }
  }

  async detach(): Promise<void> {
    await this.cdp.detach().catch(() => undefined);
  }
}

export interface ColdStartSamples {
  cold: number[];
  warm: number[];
}

/** `repeats` cold starts (after one untimed warm-up cycle), each followed by one warm round trip. */
export async function measureColdStart(b: ExtensionBrowser, page: Page, repeats: number): Promise<ColdStartSamples> {
  const stopper = await WorkerStopper.attach(b, page);
  const cold: number[] = [];
  const warm: number[] = [];
  try {
    for (let i = -1; i < repeats; i++) {
      await stopper.stop();
      await sleep(250); // let the process settle: the stop is not part of what is timed
      const c = await timeStateGet(page);
      // The wake also ran the worker's startup work (resuming the queue); let it finish.
      await sleep(250);
      const w = await timeStateGet(page);
      if (i >= 0) {
        cold.push(c);
        warm.push(w);
      }
    }
  } finally {
    await stopper.detach();
  }
  return { cold, warm };
}
