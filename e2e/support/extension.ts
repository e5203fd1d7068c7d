import { test as base, chromium, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromiumPath, extensionArgs } from '../chromium-path';
import { providerSettings, startFixtureServer, type FixtureServer } from '../server/fixture-server';

export { readStore } from './read-store';

/**
 * The test build (`npm run build:test`): the store build's code, but its provider base URLs may
 * point at the local fixture server. Specs about the store build itself use STORE_DIST.
 */
export const DIST = resolve(process.env.EXTENSION_DIST ?? 'dist/chrome-test');
/** What ships (`npm run build`): provider hosts locked to the real ones. */
export const STORE_DIST = resolve(process.env.EXTENSION_STORE_DIST ?? 'dist/chrome');

export interface ExtensionFixtures {
  /** The unpacked extension to load; a spec may `test.use({ extensionDir })` another build. */
  extensionDir: string;
  /** More Chromium flags for this spec, e.g. `test.use({ extraArgs: ['--lang=it'] })`. */
  extraArgs: string[];
  server: FixtureServer;
  context: BrowserContext;
  extensionId: string;
  /** The extension's service worker; after a kill, ask for it again. */
  background: () => Promise<Worker>;
  /** Opens the popup page in a tab, pointed at the fixture server. */
  openPopup: () => Promise<Page>;
}

export const test = base.extend<ExtensionFixtures, { workerServer: FixtureServer }>({
  extensionDir: [DIST, { option: true }],
  extraArgs: [[], { option: true }],
  workerServer: [
    // Playwright reads fixture dependencies from the destructuring pattern; this one needs none.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const server = await startFixtureServer();
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
  server: async ({ workerServer }, use) => {
    workerServer.reset();
    await use(workerServer);
  },
  context: async ({ server, extensionDir, extraArgs }, use) => {
    const profile = mkdtempSync(join(tmpdir(), 'wie-profile-'));
    const context = await launchExtension(profile, extensionDir, extraArgs);
    // Point every provider at the local server before the test touches anything.
    await pointAtServer(await serviceWorker(context), server.url);
    await use(context);
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  },
  extensionId: async ({ context }, use) => {
    await use(new URL((await serviceWorker(context)).url()).host);
  },
  background: async ({ context }, use) => {
    await use(() => serviceWorker(context));
  },
  openPopup: async ({ context, extensionId }, use) => {
    await use(async () => {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/src/ui/popup/index.html`);
      await page.locator('body[data-ready="true"]').waitFor();
      return page;
    });
  },
});

export const expect = test.expect;

/**
 * Chromium with the extension loaded, headless, on `profile`: a fresh directory, or one an earlier
 * launch left behind (its IndexedDB, storage.local and alarms are still there).
 */
export function launchExtension(profile: string, extensionDir = DIST, extraArgs: readonly string[] = []): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    args: [...extensionArgs(extensionDir), ...extraArgs],
  });
}

/** The extension's service worker; after a kill, ask again (the next event starts a new one). */
export async function serviceWorker(context: BrowserContext): Promise<Worker> {
  return context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
}

/** Points every provider at the local fixture server (from the worker or any extension page). */
export async function pointAtServer(target: Page | Worker, url: string): Promise<void> {
  await (target as Page).evaluate((settings) => chrome.storage.local.set(settings), providerSettings(url));
}

