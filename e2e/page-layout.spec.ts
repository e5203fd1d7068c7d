/**
 * What a person sees, measured in the rendered pages (issue 12): text no smaller than 13 px on
 * every page, a breach's name above its detail lines, checkboxes and radios that never shrink, a
 * popup that fits from 300 to 800 px without sideways scrolling, and the small things around them
 * (IDN addresses in Unicode, an in-page confirm, a sanitised link that no longer looks like one).
 */
import type { Page } from '@playwright/test';
import { makeBreach } from './server/fixture-server';
import { expect, test } from './support/extension';

const PAGES = ['src/ui/popup/index.html', 'src/ui/options/index.html', 'src/ui/welcome/index.html', 'src/ui/history/index.html'];
const LONG = `a.very.long.local.part.that.never.ends.${'x'.repeat(24)}@a-rather-long-subdomain-of-an-example.example.com`;

async function send(page: Page, type: string, payload: unknown): Promise<unknown> {
  const reply = (await page.evaluate(([t, p]) => chrome.runtime.sendMessage({ type: t, payload: p }), [type, payload] as const)) as {
    ok: boolean;
    value?: unknown;
    error?: string;
  };
  if (!reply.ok) throw new Error(`${type}: ${reply.error}`);
  return reply.value;
}

/** Every visible element that has text of its own, with its computed font size, smaller than `min`. */
function smallText(page: Page, min: number): Promise<string[]> {
  return page.evaluate((limit) => {
    const small: string[] = [];
    for (const el of document.body.querySelectorAll<HTMLElement>('*')) {
      const own = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== '');
      if (!own || el.closest('option, script, style, [hidden], dialog:not([open])')) continue;
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      const size = parseFloat(getComputedStyle(el).fontSize);
      if (size < limit) small.push(`${el.localName}.${el.className} "${el.textContent!.trim().slice(0, 30)}": ${size}px`);
    }
    return small;
  }, min);
}

/** Every shown checkbox and radio on the page whose rendered box is smaller than 13 × 13 px (a closed dialog's are not shown). */
function smallControls(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLInputElement>('input[type=checkbox], input[type=radio]')]
      .filter((input) => !input.closest('[hidden], dialog:not([open])'))
      .map((input) => ({ input, box: input.getBoundingClientRect() }))
      .filter(({ box }) => box.width < 13 || box.height < 13)
      .map(({ input, box }) => `${input.type} in "${input.closest('label')?.textContent?.slice(0, 40)}": ${box.width}×${box.height}`),
  );
}

const fontSize = (page: Page, selector: string) => page.locator(selector).first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));

test.describe('layout', () => {
  test.beforeEach(async ({ server, openPopup }) => {
    server.setAccounts({ 'victim@example.com': ['Adobe', 'LinkedIn'], 'reader@xn--bcher-kva.example': ['Dropbox'], [LONG]: ['Adobe'] });
    const popup = await openPopup();
    for (const email of ['victim@example.com', 'reader@bücher.example', LONG]) await send(popup, 'address/add', { email });
    await send(popup, 'notice/save', {
      input: { email: 'victim@example.com', organisation: 'Example Shop', site: 'shop.example', date: '2018-11-21', dataClasses: ['Names'], note: '' },
    });
    await popup.getByRole('button', { name: 'Check now' }).click();
    await expect(popup.locator('li.breach:not(.notice)')).toHaveCount(4);
    await popup.close();
  });

  test('text is at least 13 px and every checkbox and radio at least 13 × 13 px on every page, light and dark', async ({ context, extensionId }) => {
    for (const scheme of ['light', 'dark'] as const) {
      for (const path of PAGES) {
        const page = await context.newPage();
        await page.emulateMedia({ colorScheme: scheme });
        await page.goto(`chrome-extension://${extensionId}/${path}`);
        await page.locator('body[data-ready="true"]').waitFor();
        if (path.includes('history')) await page.locator('.row').first().click();
        // Chromium's own stylesheet for extension pages sets body to 75%; ours must win.
        expect(await fontSize(page, 'body'), `${path} body`).toBeGreaterThanOrEqual(13);
        expect(await smallText(page, 13), `${path} (${scheme})`).toEqual([]);
        expect(await smallControls(page), `${path} (${scheme})`).toEqual([]);
        await page.close();
      }
    }
  });

  test("a breach's name is larger than its detail lines, in the popup and the history", async ({ context, extensionId, openPopup }) => {
    const popup = await openPopup();
    const name = await fontSize(popup, 'li.breach .breach-title');
    expect(name).toBeGreaterThan(await fontSize(popup, 'li.breach .breach-meta'));
    expect(name).toBeGreaterThan(await fontSize(popup, 'li.breach .breach-data'));
    // The address a breach list belongs to is above the breach names.
    expect(await fontSize(popup, 'li.address h2')).toBeGreaterThan(name);

    const history = await context.newPage();
    await history.goto(`chrome-extension://${extensionId}/src/ui/history/index.html`);
    await history.locator('.row').first().waitFor();
    expect(await fontSize(history, '.row-title')).toBeGreaterThan(await fontSize(history, '.row-meta'));
    expect(await fontSize(history, 'h1')).toBeGreaterThan(await fontSize(history, '.row-title'));
  });

  test('the popup fits 300 to 800 px with no sideways scroll; long addresses wrap; the footer stays in reach', async ({ openPopup }) => {
    const popup = await openPopup();
    for (const width of [300, 340, 380, 500, 800]) {
      await popup.setViewportSize({ width, height: 600 });
      const { scroll, client } = await popup.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
      expect(scroll, `at ${width} px`).toBeLessThanOrEqual(client);
      for (const selector of ['li.address h2', '.popup-header button.primary', '.popup-footer']) {
        const boxes = await popup.locator(selector).evaluateAll((els) => els.map((el) => el.getBoundingClientRect().right));
        for (const right of boxes) expect(right, `${selector} at ${width} px`).toBeLessThanOrEqual(width);
      }
      // Firefox's panel is shorter than the content: the Options and History buttons stay visible.
      const footer = await popup.locator('.popup-footer').boundingBox();
      expect(footer!.y + footer!.height, `footer at ${width} px`).toBeLessThanOrEqual(600);
    }
    // Chromium sizes a popup to its content's narrowest width: the popup must still ask for 380 px.
    await popup.setViewportSize({ width: 380, height: 600 });
    expect(await popup.locator('main.popup').evaluate((el) => el.getBoundingClientRect().width)).toBe(380);
  });

  test('an internationalised address reads in Unicode and is stored in ASCII', async ({ openPopup }) => {
    const popup = await openPopup();
    await expect(popup.locator('li.address[data-email="reader@xn--bcher-kva.example"] .address-head h2')).toHaveText('reader@bücher.example');
    const state = (await send(popup, 'state/get', {})) as { addresses: Array<{ email: string }> };
    expect(state.addresses.map((a) => a.email)).toContain('reader@xn--bcher-kva.example');
    // A notice's date reads like the history's, not as typed.
    await expect(popup.locator('li.breach.notice .breach-meta')).toHaveText('Nov 2018 · shop.example');
  });

  test("the welcome page's result names the breaches found and the next step", async ({ context, extensionId }) => {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/src/ui/welcome/index.html`);
    await page.locator('body[data-ready="true"]').waitFor();
    await page.getByRole('button', { name: 'Run the first check' }).click();
    const result = page.getByTestId('welcome-result');
    await expect(result.getByRole('heading', { name: 'Your first check is done' })).toBeVisible();
    const victim = result.locator('li[data-email="victim@example.com"]');
    await expect(victim).toContainText('victim@example.com is in 2 breaches:');
    await expect(victim).toContainText(/Adobe, LinkedIn|LinkedIn, Adobe/);
    await expect(result.locator('li[data-email="reader@xn--bcher-kva.example"]')).toContainText('reader@bücher.example is in 1 breach: Dropbox');
    await expect(result.getByRole('link', { name: 'open your history' })).toHaveAttribute('href', /src\/ui\/history\/index\.html$/);
  });

  test('Remove asks in the page, and Cancel keeps the address', async ({ openPopup }) => {
    const popup = await openPopup();
    let nativeDialogs = 0;
    popup.on('dialog', (d) => {
      nativeDialogs++;
      void d.dismiss();
    });
    const card = popup.locator('li.address[data-email="victim@example.com"]');
    await card.getByRole('button', { name: /^Remove/ }).click();
    const dialog = popup.getByRole('dialog', { name: 'Remove victim@example.com?' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
    await expect(card).toBeVisible();

    await card.getByRole('button', { name: /^Remove/ }).click();
    await dialog.getByRole('button', { name: 'Remove', exact: true }).click();
    await expect(card).toHaveCount(0);
    expect(nativeDialogs).toBe(0);
  });
});

test('a link the sanitiser emptied does not look like a link', async ({ server, background, context, extensionId, openPopup }) => {
  // HIBP's descriptions are HTML (XposedOrNot's are plain text): one with a javascript: link.
  server.addBreach(
    makeBreach({
      Name: 'Linky',
      Description: 'Read <a href="javascript:alert(1)">this notice</a> or <a href="https://linky.example/notice">the web one</a>.',
    }),
  );
  server.setAccounts({ 'victim@example.com': ['Linky'] });
  await (await background()).evaluate(() => chrome.storage.local.set({ provider: 'hibp', hibpApiKey: 'test-key' }));
  const popup = await openPopup();
  await send(popup, 'address/add', { email: 'victim@example.com' });
  await popup.getByRole('button', { name: 'Check now' }).click();
  await expect(popup.locator('li.breach')).toHaveCount(1);
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/src/ui/history/index.html`);
  await page.locator('.row', { hasText: 'Linky' }).click();
  const dead = page.locator('.description a', { hasText: 'this notice' });
  const live = page.locator('.description a', { hasText: 'the web one' });
  await expect(dead).not.toHaveAttribute('href', /./);
  await expect(live).toHaveAttribute('href', 'https://linky.example/notice');
  const style = (el: Element) => {
    const s = getComputedStyle(el);
    return { color: s.color, line: s.textDecorationLine, parent: getComputedStyle(el.parentElement!).color };
  };
  const deadStyle = await dead.evaluate(style);
  expect(deadStyle.color).toBe(deadStyle.parent);
  expect(deadStyle.line).toBe('none');
  const liveStyle = await live.evaluate(style);
  expect(liveStyle.color).not.toBe(liveStyle.parent);
});
