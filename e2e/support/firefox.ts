import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { GECKO_ID } from '../../build/manifest-for';

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const DIST_FIREFOX = resolve(process.env.EXTENSION_DIST_FIREFOX ?? 'dist/firefox');
/** Fixed so the test knows the moz-extension:// origin before installing. */
export const FIREFOX_UUID = 'a3c2b6f0-4b1e-4f7e-9a51-2f7d5c1e8b10';

/** A headless Firefox (WebDriver BiDi) with dist/firefox installed as a temporary add-on. */
export async function launchFirefox(): Promise<Browser> {
  if (!existsSync(FIREFOX)) {
    throw new Error(`No Firefox at ${FIREFOX}. Install one (Debian: apt-get install -y firefox-esr) or set FIREFOX_PATH.`);
  }
  const firefox = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    protocol: 'webDriverBiDi',
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_UUID }) },
  });
  const id = await firefox.installExtension(DIST_FIREFOX);
  if (id !== GECKO_ID) throw new Error(`installed ${id}, expected ${GECKO_ID}`);
  return firefox;
}

/** Opens an extension page and waits for its ready flag: extension pages never report a load event to BiDi. */
export async function openExtensionPage(page: Page, path: string): Promise<void> {
  page.goto(`moz-extension://${FIREFOX_UUID}/${path}`).catch(() => undefined);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 20_000 });
}
