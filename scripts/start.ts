/**
 * `npm start`: after the build, starts the local breach-API server with demo accounts and opens
 * Chromium with the extension loaded and pointed at it — no account, no network needed. On a
 * machine without a display it runs the same demo headless and writes screenshots of every page
 * instead, so a newcomer on a server still sees it work.
 */
import { chromium } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromiumPath, extensionArgs } from '../e2e/chromium-path';
import { seedDemo } from '../e2e/server/demo';
import { providerSettings, startFixtureServer } from '../e2e/server/fixture-server';
import { takeScreenshots } from './screenshots';

/** The test build: only it may be pointed at the demo server (store builds talk to the real hosts only). */
const dist = resolve('dist/chrome-test');
/** What a person loads for real use. */
const storeDist = resolve('dist/chrome');

function printManualLoad(): void {
  console.log(`
To use the extension for real, load the build by hand:
  Chrome / Edge: open chrome://extensions, turn on "Developer mode", click "Load unpacked" and pick
                 ${storeDist}
  (it then talks to the real providers; nothing points at the demo server.)`);
}

async function main(): Promise<void> {
  if (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    console.log('This machine has no display, so no browser window can open: running the demo headless instead.');
    const out = resolve('artifacts/screenshots');
    const { files, found } = await takeScreenshots({ dist, out });
    console.log(`\nThe demo check against the bundled breach API found:\n  ${found.join('\n  ')}`);
    console.log(`\n${files.length} screenshots of every page (English and Italian, light and dark) are in\n  ${out}`);
    console.log('  e.g. popup-380-en-light.png, history-en-light.png, welcome-it-dark.png');
    printManualLoad();
    return;
  }

  const server = await startFixtureServer({ port: Number(process.env.PORT ?? 8787) });
  const demo = seedDemo(server);
  const profile = mkdtempSync(join(tmpdir(), 'was-i-exposed-demo-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: false,
    viewport: null,
    args: extensionArgs(dist),
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  await worker.evaluate((settings) => chrome.storage.local.set(settings), providerSettings(server.url));
  const id = new URL(worker.url()).host;
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(`chrome-extension://${id}/src/ui/popup/index.html`);
  for (const email of demo) await page.evaluate((e) => chrome.runtime.sendMessage({ type: 'address/add', payload: { email: e } }), email);
  await page.evaluate(() => chrome.runtime.sendMessage({ type: 'check/start', payload: {} }));

  console.log(`Demo breach API on ${server.url}; demo addresses: ${demo.join(', ')}`);
  console.log('Chromium is open with the extension (the popup is in the first tab). Close the window to stop.');
  printManualLoad();

  await new Promise<void>((done) => context.on('close', () => done()));
  await server.close();
  rmSync(profile, { recursive: true, force: true });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
