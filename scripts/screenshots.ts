/**
 * `npm run screenshots`: pictures of every page of the built extension (the test build, dist/chrome-test), with the demo
 * data from the bundled breach-API server, in English and Italian, light and dark, the popup at the
 * narrowest, usual and widest sizes a browser gives it. Written to artifacts/screenshots/.
 *
 * Also used by `npm start` on a machine without a display, and by e2e/screenshots.spec.ts.
 */
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromiumPath, extensionArgs } from '../e2e/chromium-path';
import { seedDemo } from '../e2e/server/demo';
import { providerSettings, startFixtureServer, type FixtureServer } from '../e2e/server/fixture-server';
import { emailToUnicode } from '../src/core/idn-display';
import type { PopupState } from '../src/messages';

export const LANGUAGES = ['en', 'it'] as const;
export const SCHEMES = ['light', 'dark'] as const;
/** Firefox's overflow panel, the usual toolbar popup, and the widest popup Chromium allows. */
export const POPUP_WIDTHS = [300, 380, 800] as const;
/** The tallest popup Chromium allows; pictures grow taller to show everything. */
const POPUP_HEIGHT = 600;

export interface ScreenshotRun {
  files: string[];
  /** What the demo check found, one line per address, from the English run. */
  found: string[];
}

type Lang = (typeof LANGUAGES)[number];

/** A notice as a person would record one: the 2018 shop letter that started this project. */
const DEMO_NOTICE = {
  email: 'shopper@example.com',
  organisation: 'Example Shop',
  site: 'shop.example',
  date: '2018-11-21',
  dataClasses: ['Names', 'Email addresses'],
  note: 'Letter about a "technical error".',
};

/** Sends one message of the extension's protocol from an extension page; throws on a refusal. */
async function send<T>(page: Page, type: string, payload: unknown): Promise<T> {
  const reply = await page.evaluate(([t, p]) => chrome.runtime.sendMessage({ type: t, payload: p }), [type, payload] as const);
  const r = reply as { ok: boolean; value?: T; error?: string };
  if (!r.ok) throw new Error(`${type} refused: ${r.error}`);
  return r.value as T;
}

async function ready(page: Page, path: string, id: string): Promise<void> {
  await page.goto(`chrome-extension://${id}/${path}`);
  await page.locator('body[data-ready="true"]').waitFor();
}

/** Adds the demo addresses and a notice, runs a check to the end, and returns what it found. */
async function seed(page: Page, addresses: readonly string[]): Promise<PopupState> {
  for (const email of addresses) await send(page, 'address/add', { email });
  await send(page, 'notice/save', { input: DEMO_NOTICE });
  await send(page, 'check/start', {});
  let state = await send<PopupState>(page, 'state/get', {});
  for (let i = 0; i < 600 && (state.run === null || state.run.finishedAt === null); i++) {
    await page.waitForTimeout(100);
    state = await send<PopupState>(page, 'state/get', {});
  }
  if (state.run?.finishedAt === null || state.run === null) throw new Error('The demo check did not finish within a minute.');
  return state;
}

function summarise(state: PopupState): string[] {
  return state.addresses.map((a) => {
    const email = emailToUnicode(a.email);
    if (a.lastOutcome === 'failed') return `${email}: the check failed`;
    const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : word.endsWith('h') ? 'es' : 's'}`;
    const breaches = a.exposureCount === 0 ? 'no breaches found' : `${plural(a.exposureCount, 'breach')} (${a.exposures.map((x) => x.breach?.title ?? x.exposure.breachId).join(', ')})`;
    const notices = a.notices.length === 0 ? '' : `, and ${plural(a.notices.length, 'notice')} you recorded (${a.notices.map((n) => n.organisation).join(', ')})`;
    return `${email}: ${breaches}${notices}`;
  });
}

async function shoot(page: Page, file: string, files: string[], fullPage = true): Promise<void> {
  // Fonts and layout settle before the picture; no animation runs (reduced motion).
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: file, fullPage, animations: 'disabled' });
  files.push(file);
}

async function pagesFor(context: BrowserContext, id: string, lang: Lang, out: string, files: string[]): Promise<void> {
  for (const scheme of SCHEMES) {
    const name = (what: string) => join(out, `${what}-${lang}-${scheme}.png`);
    const page = await context.newPage();
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });

    for (const width of POPUP_WIDTHS) {
      await page.setViewportSize({ width, height: POPUP_HEIGHT });
      await ready(page, 'src/ui/popup/index.html', id);
      await page.locator('li.breach').first().waitFor();
      // As tall as its content, so the picture shows all of it with the footer at the bottom.
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      await page.setViewportSize({ width, height: Math.max(POPUP_HEIGHT, height) });
      await shoot(page, name(`popup-${width}`), files, false);
    }

    await page.setViewportSize({ width: 1200, height: 900 });
    await ready(page, 'src/ui/history/index.html', id);
    await page.locator('.row').first().click();
    await page.locator('.entry-detail').waitFor();
    await shoot(page, name('history'), files, false);
    await page.locator('section[aria-labelledby="notice-title"]').screenshot({ path: name('notice-form'), animations: 'disabled' });
    files.push(name('notice-form'));

    await page.setViewportSize({ width: 900, height: 900 });
    await ready(page, 'src/ui/options/index.html', id);
    await shoot(page, name('options'), files);

    await ready(page, 'src/ui/welcome/index.html', id);
    await page.locator('.welcome .form-actions button.primary').click();
    await page.locator('[data-testid="welcome-result"] a').waitFor();
    await shoot(page, name('welcome'), files);
    await page.close();
  }
}

async function forLanguage(server: FixtureServer, dist: string, lang: Lang, out: string, files: string[]): Promise<PopupState> {
  const profile = mkdtempSync(join(tmpdir(), 'wie-screenshots-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    locale: lang,
    args: [...extensionArgs(dist), `--lang=${lang}`],
  });
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    await worker.evaluate((settings) => chrome.storage.local.set(settings), providerSettings(server.url));
    const id = new URL(worker.url()).host;
    const page = await context.newPage();
    await ready(page, 'src/ui/popup/index.html', id);
    const state = await seed(page, seedDemo(server));
    await page.close();
    await pagesFor(context, id, lang, out, files);
    return state;
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

/** Takes every picture; the file names say page, language and colour scheme. */
export async function takeScreenshots(options: { dist?: string; out?: string } = {}): Promise<ScreenshotRun> {
  const dist = resolve(options.dist ?? process.env.EXTENSION_DIST ?? 'dist/chrome-test');
  const out = resolve(options.out ?? 'artifacts/screenshots');
  mkdirSync(out, { recursive: true });
  const server = await startFixtureServer();
  const files: string[] = [];
  try {
    let found: string[] = [];
    for (const lang of LANGUAGES) {
      server.reset();
      const state = await forLanguage(server, dist, lang, out, files);
      if (lang === 'en') found = summarise(state);
    }
    return { files, found };
  } finally {
    await server.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  takeScreenshots()
    .then(({ files, found }) => {
      console.log(`${files.length} screenshots in ${resolve('artifacts/screenshots')}`);
      console.log(`The demo check found:\n  ${found.join('\n  ')}`);
    })
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    });
}
