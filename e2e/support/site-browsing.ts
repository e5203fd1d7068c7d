/**
 * Support for the "alerts while browsing" spec: a local HTTPS server standing in for the websites
 * a person visits, Chromium launched with real hostnames mapped to local servers, the extension's
 * state as the background sees it (tab badges, notifications, IndexedDB), and the real toolbar
 * popup opened on a given tab through DevTools.
 */
import { readStore } from './read-store';
import { chromium, type BrowserContext, type CDPSession, type Page, type Worker } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { createServer as createHttpServer, type RequestListener } from 'node:http';
import { createServer } from 'node:https';
import { createServer as createNetServer, type AddressInfo, type Socket } from 'node:net';
import { resolve } from 'node:path';
import { chromiumPath, extensionArgs } from '../chromium-path';

/**
 * The build that declares the optional "tabs" permission as required (`npm run build:granted`):
 * site alerts need tab URLs, and an optional permission cannot be granted in a headless test.
 */
export const DIST_GRANTED = resolve(process.env.EXTENSION_DIST_GRANTED ?? 'dist/chrome-granted');

export const PROVIDER_HOSTS = ['haveibeenpwned.com', 'api.xposedornot.com', 'api.pwnedpasswords.com'] as const;

/** The fixture certificate; with --ignore-certificate-errors it serves any hostname. */
export function fixtureTls(): { key: string; cert: string } {
  return { key: readFileSync('e2e/fixtures/tls/key.pem', 'utf8'), cert: readFileSync('e2e/fixtures/tls/cert.pem', 'utf8') };
}

export interface SiteRequest {
  host: string;
  url: string;
  /** https, or http for a plain request (the same port answers both). */
  scheme: 'https' | 'http';
  headers: Record<string, string>;
}

/**
 * The websites: any host, any path, a small page whose title is the host it was asked for. One
 * port speaks both HTTPS and plain HTTP, so with every hostname mapped to it (`MAP *`) it sees
 * every request the browser makes to a host nobody else answers, whatever the scheme.
 */
export interface SitesServer {
  readonly port: number;
  /** Every request received, in arrival order. */
  readonly requests: SiteRequest[];
  close(): Promise<void>;
}

export async function startSitesServer(tls: { key: string; cert: string }): Promise<SitesServer> {
  const requests: SiteRequest[] = [];
  const listener: RequestListener = (req, res) => {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
    }
    const host = (headers.host ?? '').replace(/:\d+$/, '');
    const scheme = (req.socket as { encrypted?: boolean }).encrypted ? 'https' : 'http';
    requests.push({ host, url: req.url ?? '/', scheme, headers });
    if (req.url === '/favicon.ico') return void res.writeHead(404).end();
    const safe = host.replace(/[^a-z0-9.-]/gi, '');
    // ?goto=host: a page that sends the browser on to that host at once (a client-side redirect).
    const goto = new URL(req.url ?? '/', 'https://x.invalid').searchParams.get('goto')?.replace(/[^a-z0-9.-]/gi, '');
    const script = goto ? `<script>location.replace('https://${goto}/?from=${safe}')</script>` : '';
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(`<!doctype html><html><head><title>${safe}</title>${script}</head><body><h1>${safe}</h1><p>A page.</p></body></html>`);
  };
  const secure = createServer(tls, listener);
  const plain = createHttpServer(listener);
  const sockets = new Set<Socket>();
  const front = createNetServer((socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    socket.once('data', (first) => {
      socket.pause();
      socket.unshift(first);
      // A TLS connection opens with a handshake record (0x16); anything else is plain HTTP.
      (first[0] === 0x16 ? secure : plain).emit('connection', socket);
      process.nextTick(() => socket.resume());
    });
  });
  await new Promise<void>((done, fail) => {
    front.once('error', fail);
    front.listen(0, '127.0.0.1', () => done());
  });
  return {
    port: (front.address() as AddressInfo).port,
    requests,
    close: () =>
      new Promise<void>((done) => {
        front.close(() => done());
        for (const socket of sockets) socket.destroy();
      }),
  };
}

/** `--host-resolver-rules` value: each port gets its hostnames. */
export function hostResolverRules(map: ReadonlyArray<{ port: number; hosts: readonly string[] }>): string {
  return map.flatMap(({ port, hosts }) => hosts.map((h) => `MAP ${h} 127.0.0.1:${port}`)).join(', ');
}

/**
 * The extension in a fresh profile, every hostname in `rules` answered locally. The DevTools
 * flag lets the test click the toolbar button (Extensions.triggerAction) on a chosen tab.
 */
export async function launchMapped(profile: string, rules: string, dist: string | readonly string[] = DIST_GRANTED): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    args: [...extensionArgs(dist), `--host-resolver-rules=${rules}`, '--ignore-certificate-errors', '--enable-unsafe-extension-debugging'],
  });
}

/**
 * The `chrome` APIs these tests call inside the extension, typed here rather than in the shared
 * chrome-globals.d.ts. Reached as globalThis.chrome inside evaluate callbacks.
 */
export interface SiteChrome {
  chrome: {
    storage: { local: { set(items: Record<string, unknown>): Promise<void>; get(keys?: string | string[] | null): Promise<Record<string, unknown>> } };
    tabs: { query(info: { url?: string; active?: boolean; currentWindow?: boolean }): Promise<Array<{ id?: number; url?: string; windowId: number }>> };
    action: {
      getBadgeText(details: { tabId?: number }): Promise<string>;
      getTitle(details: { tabId?: number }): Promise<string>;
    };
    alarms: {
      create(name: string, info: { when?: number; delayInMinutes?: number; periodInMinutes?: number }): Promise<void>;
      get(name: string): Promise<{ name: string; scheduledTime: number; periodInMinutes?: number } | undefined>;
    };
    notifications: { getAll(): Promise<Record<string, boolean>>; clear(id: string): Promise<boolean> };
    runtime: { sendMessage(message: unknown): Promise<unknown> };
  };
}

export interface StoredSiteAlert {
  id: string;
  host: string;
  provider: string;
  breachIds: string[];
  emails: string[];
  shownAt: number;
}

/** Catalog entries stored for one provider. */
export async function catalogSize(worker: Worker, provider: string): Promise<number> {
  const all = await readStore<{ provider: string }>(worker, 'breaches');
  return all.filter((b) => b.provider === provider).length;
}

/** Whether the breach `id` of `provider` is stored (from its catalog or a check). */
export async function hasBreach(worker: Worker, provider: string, id: string): Promise<boolean> {
  return (await readStore<{ id: string; provider: string }>(worker, 'breaches')).some((b) => b.provider === provider && b.id === id);
}

/** The tab showing exactly `url` (as Chrome reports it; needs the "tabs" permission). */
export async function tabIdOf(worker: Worker, url: string): Promise<number> {
  const id = await worker.evaluate(async (wanted) => {
    const { chrome } = globalThis as unknown as SiteChrome;
    const tabs = await chrome.tabs.query({});
    return tabs.find((t) => t.url === wanted)?.id ?? null;
  }, url);
  if (id === null) throw new Error(`no tab shows ${url}`);
  return id;
}

/** The badge a tab shows, and the one tabs without their own show. */
export function badges(worker: Worker, tabId: number): Promise<{ tab: string; global: string; title: string }> {
  return worker.evaluate(async (id) => {
    const { chrome } = globalThis as unknown as SiteChrome;
    return {
      tab: await chrome.action.getBadgeText({ tabId: id }),
      global: await chrome.action.getBadgeText({}),
      title: await chrome.action.getTitle({ tabId: id }),
    };
  }, tabId);
}

interface NotificationObserver {
  __wieClosedNotifications?: string[];
}

/**
 * Starts remembering notifications that close. Headless Chromium closes a notification by itself
 * after about 8 s, after which notifications.getAll() no longer lists it; with this, one that
 * came and went is still counted. Lives in the worker's global scope: a restarted worker loses it,
 * which notificationsSeen reports rather than undercounting.
 */
export async function observeNotifications(worker: Worker): Promise<void> {
  await worker.evaluate(() => {
    const scope = globalThis as unknown as NotificationObserver & {
      chrome: { notifications: { onClosed: { addListener(listener: (id: string) => void): void } } };
    };
    if (scope.__wieClosedNotifications) return;
    const closed: string[] = [];
    scope.__wieClosedNotifications = closed;
    scope.chrome.notifications.onClosed.addListener((id) => void closed.push(id));
  });
}

/** Ids of notifications shown now or closed since observeNotifications, first seen first. */
export async function notificationsSeen(worker: Worker): Promise<string[]> {
  const seen = await worker.evaluate(async () => {
    const scope = globalThis as unknown as NotificationObserver & SiteChrome;
    const closed = scope.__wieClosedNotifications;
    if (!closed) return null;
    return [...closed, ...Object.keys(await scope.chrome.notifications.getAll())];
  });
  if (seen === null) throw new Error('the service worker restarted since observeNotifications(): notifications may have been missed');
  return [...new Set(seen)];
}

/** Ids of the notifications shown now. */
export function notificationIds(worker: Worker): Promise<string[]> {
  return worker.evaluate(async () => {
    const { chrome } = globalThis as unknown as SiteChrome;
    return Object.keys(await chrome.notifications.getAll());
  });
}

export interface PopupSnapshot {
  /** The tab the popup found with tabs.query({active: true, currentWindow: true}). */
  activeUrl: string | null;
  /** textContent of [data-testid=site-card], or null when the card is not rendered. */
  card: string | null;
  /** data-breach of each breach line in the card. */
  breaches: string[];
}

/** What the popup's site card shows, read inside the popup. */
const SNAPSHOT = `(async () => {
  const [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
  const card = document.querySelector('[data-testid=site-card]');
  return {
    activeUrl: tab && tab.url ? tab.url : null,
    card: card ? card.textContent : null,
    breaches: card ? [...card.querySelectorAll('li[data-breach]')].map((li) => li.getAttribute('data-breach')) : [],
  };
})()`;

/**
 * The extension's real toolbar popup, opened by "clicking" the action on one tab through
 * DevTools (Extensions.triggerAction, which needs --enable-unsafe-extension-debugging and the
 * pipe connection Playwright uses). The popup is a page target Playwright does not track, so it
 * is driven over a non-flattened DevTools session (Target.sendMessageToTarget): Playwright's
 * CDPSession cannot address the child session a flattened attach would create.
 */
export class ActionPopup {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  /** DevTools events from the popup, for the domains a caller enabled with send() (e.g. Page.enable). */
  readonly events: Array<{ method: string; params: unknown }> = [];
  private readonly onMessage = (event: { sessionId: string; message: string }) => {
    if (event.sessionId !== this.sessionId) return;
    const message = JSON.parse(event.message) as { id?: number; method?: string; params?: unknown; result?: unknown; error?: { message: string } };
    if (message.id === undefined) {
      if (message.method) this.events.push({ method: message.method, params: message.params });
      return;
    }
    const waiting = this.pending.get(message.id);
    if (!waiting) return;
    this.pending.delete(message.id);
    if (message.error) waiting.reject(new Error(message.error.message));
    else waiting.resolve(message.result);
  };

  private constructor(
    private readonly browser: CDPSession,
    readonly targetId: string,
    private readonly sessionId: string,
  ) {
    browser.on('Target.receivedMessageFromTarget', this.onMessage);
  }

  /** Brings `page` to the front of its window, clicks the toolbar button on it, attaches to the popup. */
  static async open(browser: CDPSession, extensionId: string, page: Page): Promise<ActionPopup> {
    const popupUrl = `chrome-extension://${extensionId}/src/ui/popup/index.html`;
    const { targetInfos: tabs } = await browser.send('Target.getTargets', { filter: [{ type: 'tab' }] });
    const tab = tabs.find((t) => t.url === page.url());
    if (!tab) throw new Error(`no tab target for ${page.url()}`);
    const before = new Set((await browser.send('Target.getTargets')).targetInfos.map((t) => t.targetId));
    await page.bringToFront();
    await browser.send('Extensions.triggerAction', { id: extensionId, targetId: tab.targetId });
    let popup: string | undefined;
    for (const started = Date.now(); popup === undefined; ) {
      const { targetInfos } = await browser.send('Target.getTargets');
      popup = targetInfos.find((t) => t.type === 'page' && t.url === popupUrl && !before.has(t.targetId))?.targetId;
      if (popup !== undefined) break;
      if (Date.now() - started > 10_000) throw new Error('the popup did not open');
      await new Promise((r) => setTimeout(r, 50));
    }
    const { sessionId } = await browser.send('Target.attachToTarget', { targetId: popup, flatten: false });
    const opened = new ActionPopup(browser, popup, sessionId);
    await opened.waitFor('document.body && document.body.dataset.ready === "true"');
    return opened;
  }

  /** Sends one DevTools command to the popup and returns its result. */
  async send<T = unknown>(method: string, params: Record<string, unknown> = {}): Promise<T> {
    const id = this.nextId++;
    const reply = new Promise<unknown>((resolve, reject) => this.pending.set(id, { resolve, reject }));
    await this.browser.send('Target.sendMessageToTarget', { sessionId: this.sessionId, message: JSON.stringify({ id, method, params }) });
    return (await reply) as T;
  }

  /** Evaluates an expression in the popup (promises awaited) and returns its value. */
  async evaluate<T>(expression: string): Promise<T> {
    const result = await this.send<{ result: { value?: unknown }; exceptionDetails?: { text: string; exception?: { description?: string } } }>(
      'Runtime.evaluate',
      { expression, awaitPromise: true, returnByValue: true },
    );
    if (result.exceptionDetails) throw new Error(`popup: ${result.exceptionDetails.exception?.description ?? result.exceptionDetails.text}`);
    return result.result.value as T;
  }

  /** Polls until `expression` is truthy in the popup. */
  async waitFor(expression: string, timeout = 10_000): Promise<void> {
    const started = Date.now();
    while (!(await this.evaluate<boolean>(`Boolean(${expression})`))) {
      if (Date.now() - started > timeout) throw new Error(`popup: timed out waiting for ${expression}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  snapshot(): Promise<PopupSnapshot> {
    return this.evaluate<PopupSnapshot>(SNAPSHOT);
  }

  /** Clicks a button in the site card by its text, as a person would. */
  async clickCardButton(name: string): Promise<void> {
    const clicked = await this.evaluate<boolean>(`(() => {
      const button = [...document.querySelectorAll('[data-testid=site-card] button')].find((b) => b.textContent.trim() === ${JSON.stringify(name)});
      if (!button) return false;
      button.click();
      return true;
    })()`);
    if (!clicked) throw new Error(`popup: no "${name}" button in the site card`);
  }

  async close(): Promise<void> {
    this.browser.off('Target.receivedMessageFromTarget', this.onMessage);
    for (const waiting of this.pending.values()) waiting.reject(new Error('popup closed'));
    this.pending.clear();
    await this.browser.send('Target.closeTarget', { targetId: this.targetId }).catch(() => undefined);
  }
}

/**
 * A browser-level DevTools session for a persistent context (the toolbar popup is opened through
 * it), detached when the test ends. Shaped as a Playwright fixture.
 */
export async function browserSessionFixture({ context }: { context: BrowserContext }, use: (session: CDPSession) => Promise<void>): Promise<void> {
  const browser = context.browser();
  if (!browser) throw new Error('no Browser object for the persistent context: cannot open a browser-level DevTools session');
  const session = await browser.newBrowserCDPSession();
  await use(session);
  await session.detach().catch(() => undefined);
}
