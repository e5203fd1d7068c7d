/**
 * Script payloads in every field of a breach a provider sends — name, title, domain, data
 * classes, description, logo — served by the fixture server in HIBP's shapes (catalog and
 * breachedaccount) and in XposedOrNot's (catalog and breach-analytics), then rendered everywhere
 * they appear: the popup's address list, the history page (timeline row and breach detail), and
 * the toolbar popup's card on a visit to the breached site. Every hostname resolves locally, and
 * everything but the providers lands on one recording server, so a payload that fetched anything
 * would be seen. Asserted: no dialog, no script ran, nothing active in the DOM, no request to any
 * host but the extension, the provider and the visited site, and plain text shown as it was sent.
 */
import type { Page } from '@playwright/test';
import { stripHtml } from './server/xon-mapping';
import type { HibpBreach } from './server/fixture-server';
import { ACTIVE_CONTENT_EXPRESSION, EVIL_HOST, HOSTILE_BREACHES, HOSTILE_DOMAIN, HOSTILE_SHOP, HOSTILE_FIELDS, PLANTED, activeContent, armTripwires, requestsElsewhere, type ActiveContent } from './support/hostile-data';
import { HISTORY_PAGE } from './support/history-seed';
import { expect, isChromiumOwn, test } from './support/mapped-browser';
import { PopupPage } from './support/popup-page';
import { readStore } from './support/read-store';
import { ActionPopup, PROVIDER_HOSTS, hasBreach, type SiteChrome } from './support/site-browsing';

const VICTIM = 'victim@example.com';
const KEY = 'hostile-fields-key';
const SITE = HOSTILE_SHOP.Domain;
const PROVIDERS = ['hibp', 'xposedornot'] as const;
type Provider = (typeof PROVIDERS)[number];

// As a [value, options] pair: Playwright would read a bare array of objects as one.
test.use({ initialBreaches: [[...HOSTILE_BREACHES], { scope: 'test' }] });

interface StoredBreach {
  id: string;
  provider: string;
  title: string;
  domain: string;
  description: string;
  dataClasses: string[];
  logoUrl: string | null;
}

/** What the extension shows for a breach, by provider: XposedOrNot has no title but the name, and writes plain text. */
function shown(provider: Provider, breach: HibpBreach) {
  return {
    id: breach.Name,
    title: provider === 'hibp' ? breach.Title : breach.Name,
    domain: breach.Domain,
    dataClasses: breach.DataClasses,
    plainDescription: stripHtml(breach.Description).trim(),
  };
}

const expectInert = (found: ActiveContent, where: string) => expect(found, where).toEqual({ pwned: undefined, active: [] });

/** The popup's list, read as text: each breach's title and data classes. */
function popupBreaches(page: Page) {
  return page.locator('li.breach').evaluateAll((items) =>
    items.map((li) => ({
      id: li.getAttribute('data-breach'),
      title: li.querySelector('.breach-title')?.textContent,
      data: li.querySelector('.breach-data')?.textContent,
    })),
  );
}

/** A timeline row's own text (without its tags) and its meta line. */
function timelineRows(page: Page) {
  return page.locator('[data-testid="history-list"] [role="option"]').evaluateAll((rows) =>
    rows.map((row) => {
      const title = row.querySelector('.row-title');
      return {
        title: [...(title?.childNodes ?? [])].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent).join(''),
        meta: row.querySelector('.row-meta')?.textContent,
      };
    }),
  );
}

for (const provider of PROVIDERS) {
  test(`${provider}: payloads in every breach field stay inert text in the popup, the history page and the site card`, async ({
    server,
    serverLog,
    sites,
    context,
    worker,
    extensionId,
    cdp,
  }) => {
    const wires = armTripwires(context);
    server.setAccounts({ [VICTIM]: HOSTILE_BREACHES.map((b) => b.Name) });
    server.setApiKeys({ [KEY]: { plan: 'Pwned 1', rpm: 600 } });
    await worker.evaluate(
      (settings) => (globalThis as unknown as SiteChrome).chrome.storage.local.set(settings),
      provider === 'hibp' ? { provider, hibpApiKey: KEY, siteAlerts: true } : { siteAlerts: true },
    );
    // The catalog (for the site card) holds the hostile entries.
    await expect.poll(() => hasBreach(worker, provider, HOSTILE_SHOP.Name), { timeout: 30_000, message: `${provider} catalog stored` }).toBe(true);
    const expected = HOSTILE_BREACHES.map((b) => shown(provider, b));

    // The popup's address list.
    const popupPage = await context.newPage();
    await popupPage.goto(`chrome-extension://${extensionId}/src/ui/popup/index.html`);
    await popupPage.locator('body[data-ready="true"]').waitFor();
    const popup = new PopupPage(popupPage);
    await popup.addAddress(VICTIM);
    await popup.checkNow();
    await expect(popup.breaches(VICTIM)).toHaveCount(2);
    expect(new Set(await popupBreaches(popupPage))).toEqual(new Set(expected.map((b) => ({ id: b.id, title: b.title, data: b.dataClasses.join(', ') }))));
    expectInert(await activeContent(popupPage), 'popup');

    // What was stored: the text as sent; a javascript: logo refused, a web one kept (never loaded).
    const stored = (await readStore<StoredBreach>(worker, 'breaches')).filter((b) => b.provider === provider);
    const storedShop = stored.find((b) => b.id === HOSTILE_SHOP.Name);
    const storedDomain = stored.find((b) => b.id === HOSTILE_DOMAIN.Name);
    expect(storedShop).toMatchObject({ title: expected[0]!.title, domain: SITE, dataClasses: HOSTILE_SHOP.DataClasses, logoUrl: HOSTILE_SHOP.LogoPath });
    expect(storedDomain).toMatchObject({ title: expected[1]!.title, domain: HOSTILE_DOMAIN.Domain, dataClasses: HOSTILE_DOMAIN.DataClasses, logoUrl: null });

    // The history page: both timeline rows, then each breach's details.
    const history = await context.newPage();
    await history.goto(`chrome-extension://${extensionId}/${HISTORY_PAGE}`);
    await history.locator('body[data-ready="true"]').waitFor();
    await expect(history.getByTestId('history-count')).toHaveText('2 entries');
    expect(new Set(await timelineRows(history))).toEqual(
      new Set(expected.map((b) => ({ title: b.title, meta: `${VICTIM} · ${b.domain} · ${b.dataClasses.join(', ')}` }))),
    );
    const rows = history.locator('[data-testid="history-list"] [role="option"]');
    const detail = history.getByTestId('entry-detail');
    for (let i = 0; i < 2; i++) {
      await rows.nth(i).click();
      const title = await detail.locator('h2').textContent();
      const breach = expected.find((b) => b.title === title);
      expect(breach, `detail title ${title}`).toBeDefined();
      await expect(detail.locator('dd').first()).toHaveText(breach!.domain);
      expect(await detail.getByTestId('data-classes').locator('li').allTextContents()).toEqual(breach!.dataClasses);
      const description = detail.getByTestId('breach-description');
      if (provider === 'xposedornot') {
        // XposedOrNot describes breaches in plain text: shown exactly as sent, markup and all.
        expect(await description.textContent()).toBe(breach!.plainDescription);
      } else if (breach!.id === HOSTILE_SHOP.Name) {
        // HIBP's HTML: its web link kept (opening elsewhere), the script link dead, escaped text shown as text.
        const links = await description.locator('a').evaluateAll((as) => as.map((a) => [a.textContent, a.getAttribute('href'), a.getAttribute('rel')]));
        expect(links).toEqual([
          ['Their report', `https://${EVIL_HOST}/report`, 'noopener noreferrer'],
          ['details', null, null],
        ]);
        await expect(description).toContainText(`Quoted: <script>window.__pwned='desc-escaped',alert('desc-escaped')</script> & <img src=https://${EVIL_HOST}/desc-escaped.png onerror=alert(1)>`);
      }
      expectInert(await activeContent(history), `history detail ${i}`);
    }

    // The toolbar popup on a visit to the breached site.
    const site = await context.newPage();
    await site.goto(`https://${SITE}/`);
    await expect(site).toHaveTitle(SITE);
    const action = await ActionPopup.open(cdp, extensionId, site);
    try {
      // Dialogs from here on are reported as events; one opened earlier would block every evaluation below.
      await action.send('Page.enable');
      await action.waitFor(`document.querySelector('[data-testid=site-card] li[data-breach]')`);
      const card = await action.snapshot();
      expect(card.breaches).toEqual([expected[0]!.id]);
      expect(card.card).toContain(expected[0]!.title);
      expect(card.card).toContain(`: ${HOSTILE_SHOP.DataClasses.map((c) => c.toLowerCase()).join(', ')}.`);
      expectInert(await action.evaluate<ActiveContent>(ACTIVE_CONTENT_EXPRESSION), 'site card');
      expect(action.events.filter((e) => e.method === 'Page.javascriptDialogOpening')).toEqual([]);
    } finally {
      await action.close();
    }

    // Nothing reached anywhere else: no dialog, and no request but to the extension, the provider and the visited site.
    expect(wires.dialogs).toEqual([]);
    expect(sites.requests.filter((r) => r.host === EVIL_HOST)).toEqual([]);
    const chromiumOwn = sites.requests.filter(isChromiumOwn);
    expect(sites.requests.filter((r) => r.host !== SITE && !isChromiumOwn(r)).map((r) => `${r.scheme}://${r.host}${r.url}`)).toEqual([]);
    for (const entry of serverLog) expect(PROVIDER_HOSTS as readonly string[]).toContain(entry.headers.host);
    const allowed = [`chrome-extension://${extensionId}`, ...PROVIDER_HOSTS.map((h) => `https://${h}`), `https://${SITE}`];
    expect(requestsElsewhere(wires, allowed)).toEqual([]);
    test.info().annotations.push({
      type: 'hostile fields',
      description: `${PLANTED.payloads} payloads of ${PLANTED.kinds} kinds in ${HOSTILE_FIELDS.length} fields (${HOSTILE_FIELDS.join(', ')}); ` +
        `${wires.requests.length} requests seen by the browser, ${serverLog.length} by the provider server, ${sites.requests.length - chromiumOwn.length} by the catch-all (all to ${SITE}; and ${chromiumOwn.length} of Chromium's own)`,
    });
  });
}
