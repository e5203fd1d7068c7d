/**
 * The Firefox build in a real Firefox (Debian's firefox-esr), driven headless over WebDriver BiDi
 * with puppeteer-core (no geckodriver can be had here, and Playwright's Firefox is not Firefox ESR).
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { GECKO_ID } from '../../build/manifest-for';

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
/** The test build: the same code, with provider base URLs that may point at the local server. */
const DIST_FIREFOX = resolve(process.env.EXTENSION_DIST_FIREFOX ?? 'dist/firefox-test');
/** The test build that also declares the optional permissions as required (a prompt cannot be answered headless). */
export const DIST_FIREFOX_GRANTED = resolve(process.env.EXTENSION_DIST_FIREFOX_GRANTED ?? 'dist/firefox-granted');
/** Fixed so the test knows the moz-extension:// origin before installing. */
export const FIREFOX_UUID = 'a3c2b6f0-4b1e-4f7e-9a51-2f7d5c1e8b10';

export interface FirefoxSession {
  firefox: Browser;
  /**
   * Opens an extension page (path under the package root) in a new tab, or in `page`, and waits
   * until it says it is ready.
   */
  openPage(path: string, page?: Page): Promise<Page>;
  close(): Promise<void>;
}

/**
 * The test build, plus host access to the local server. In use, the manifest's host
 * permissions cover the providers' real hosts, which is what lets the User-Agent rule (and only it)
 * rewrite our requests there; the local stand-in needs the same access for the test to see what a
 * provider would. Nothing else in the copy differs from the build.
 */
function distWithLocalHostAccess(dist: string): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'wie-firefox-'));
  cpSync(dist, dir, { recursive: true });
  const manifestPath = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { host_permissions?: string[] };
  manifest.host_permissions = [...(manifest.host_permissions ?? []), 'http://127.0.0.1/*'];
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export async function launchFirefox(prefs: Record<string, unknown> = {}, build: string = DIST_FIREFOX): Promise<FirefoxSession> {
  if (!existsSync(FIREFOX)) {
    throw new Error(`No Firefox at ${FIREFOX}. Install one (Debian: apt-get install -y firefox-esr) or set FIREFOX_PATH.`);
  }
  const dist = distWithLocalHostAccess(build);
  const firefox = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    protocol: 'webDriverBiDi',
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_UUID }), ...prefs },
  });
  try {
    const installed = await firefox.installExtension(dist.dir);
    if (installed !== GECKO_ID) throw new Error(`Installed as ${installed}, expected ${GECKO_ID}`);
  } catch (error) {
    await firefox.close();
    dist.remove();
    throw error;
  }
  return {
    firefox,
    async openPage(path, reuse) {
      const page = reuse ?? (await firefox.newPage());
      // A page being reused still carries the last page's ready flag until the new one loads.
      if (reuse) await reuse.evaluate(() => document.body?.removeAttribute('data-ready')).catch(() => undefined);
      // Extension pages never report a load event to BiDi; wait for the page's own ready flag.
      page.goto(`moz-extension://${FIREFOX_UUID}/${path}`).catch(() => undefined);
      // A wait that starts while about:blank is being replaced can fail with a protocol error (its
      // realm went away mid-evaluation); only running out of time counts.
      const deadline = Date.now() + 20_000;
      for (;;) {
        try {
          await page.waitForSelector('body[data-ready="true"]', { timeout: Math.max(1, deadline - Date.now()) });
          return page;
        } catch (error) {
          if (Date.now() >= deadline) throw error;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      }
    },
    async close() {
      await firefox.close();
      dist.remove();
    },
  };
}
