/**
 * The store build (what ships) with its default settings, talking to the providers' real hostnames —
 * which Chromium resolves to the local fixture server (HTTPS, self-signed certificate). Every other
 * hostname resolves there too, so a request that escaped to some other host would be seen in
 * `server.requests` with its Host header rather than fail on a name lookup.
 */
import { test as base, chromium, type BrowserContext } from '@playwright/test';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumPath, extensionArgs } from '../chromium-path';
import { startFixtureServer, type FixtureServer } from '../server/fixture-server';
import { STORE_DIST } from './extension';

export const test = base.extend<{ storeDir: string; server: FixtureServer; context: BrowserContext; extensionId: string }>({
  /** The unpacked store build; the packaged-zip spec gives the unpacked store zip. */
  storeDir: [STORE_DIST, { option: true }],
  server: async ({}, use) => { // eslint-disable-line no-empty-pattern -- Playwright reads fixture deps from this pattern
    const tls = { key: readFileSync('e2e/fixtures/tls/key.pem', 'utf8'), cert: readFileSync('e2e/fixtures/tls/cert.pem', 'utf8') };
    const server = await startFixtureServer({ tls });
    await use(server);
    await server.close();
  },
  context: async ({ server, storeDir }, use) => {
    const profile = mkdtempSync(join(tmpdir(), 'wie-real-'));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath(),
      headless: true,
      args: [...extensionArgs(storeDir), `--host-resolver-rules=MAP * 127.0.0.1:${server.port}`, '--ignore-certificate-errors'],
    });
    await use(context);
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  },
  extensionId: async ({ context }, use) => {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    await use(new URL(worker.url()).host);
  },
});

export const expect = test.expect;
