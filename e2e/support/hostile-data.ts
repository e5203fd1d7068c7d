/**
 * Hostile provider data, and the tripwires that show whether any of it came alive. Every payload
 * that could run sets `window.__pwned` and calls alert(); every one that could load something
 * points at evil.example. A test arms the tripwires, renders the data, and then asserts: no dialog,
 * no `__pwned`, no active element or attribute in the DOM, no request to evil.example.
 */
import type { BrowserContext, Page, Request } from '@playwright/test';
import { makeBreach, type HibpBreach } from '../server/fixture-server';

export const EVIL_HOST = 'evil.example';

/** Script that would betray itself twice: a global, and a dialog. No ';' (XposedOrNot splits data classes on it). */
const run = (id: string) => `window.__pwned='${id}',alert('${id}')`;

/** Each kind of payload, given the id that tells which one fired. */
const KINDS = {
  script: (id: string) => `<script>${run(id)}</script>`,
  img: (id: string) => `<img src=https://${EVIL_HOST}/${id}.png onerror="${run(id)}">`,
  jsUrl: (id: string) => `javascript:${run(id)}`,
  svg: (id: string) => `<svg onload="${run(id)}">`,
  iframe: (id: string) => `"><iframe srcdoc="<script>parent.__pwned='${id}',parent.alert('${id}')</script>">`,
  styleElement: (id: string) => `</style><style>*{background:url(https://${EVIL_HOST}/${id}.png)}</style>`,
  styleAttribute: (id: string) => `<p style="background:url(https://${EVIL_HOST}/${id}.png)">Styled.</p>`,
  /** Text in HIBP's HTML; raw tags once XposedOrNot's plain text has decoded the entities. */
  escaped: (id: string) => `&lt;script&gt;${run(id)}&lt;/script&gt; &amp; &lt;img src=https://${EVIL_HOST}/${id}.png onerror=alert(1)&gt;`,
  evilUrl: (id: string) => `https://${EVIL_HOST}/${id}.png`,
  domain: (id: string) => `${EVIL_HOST}/"><script>${run(id)}</script>`,
};

/** Every payload planted, as kind:id. */
const planted: string[] = [];
const plant = (kind: keyof typeof KINDS, id: string): string => {
  planted.push(`${kind}:${id}`);
  return KINDS[kind](id);
};

/**
 * Visited in the site-card part of the tests, so its domain must be a hostname; every other field
 * carries payloads. Its title also holds `$1` and `$$`, which the i18n substitution must leave be.
 */
export const HOSTILE_SHOP = makeBreach({
  Name: `HostileShop${plant('img', 'name')}`,
  Title: `${plant('script', 'title')}Hostile Shop $1 $$ ${plant('svg', 'title-svg')}`,
  Domain: 'hostile-shop.example',
  BreachDate: '2024-02-03',
  DataClasses: [plant('img', 'class-img'), plant('svg', 'class-svg'), 'Email addresses'],
  LogoPath: plant('evilUrl', 'logo'),
  Description:
    `<p>Hostile Shop lost data. <a href="https://${EVIL_HOST}/report">Their report</a>, <a href="${plant('jsUrl', 'desc-link')}">details</a>.</p>` +
    `${plant('script', 'desc-script')}${plant('img', 'desc-img')}${plant('svg', 'desc-svg')}</svg>${plant('iframe', 'desc-iframe')}</iframe>` +
    `${plant('styleAttribute', 'desc-style')}<p>Quoted: ${plant('escaped', 'desc-escaped')}</p>`,
});

/** Payloads in the name, the domain, the title and the data classes; a javascript: logo. */
export const HOSTILE_DOMAIN = makeBreach({
  Name: `HostileDomain${plant('svg', 'name-2')}`,
  Title: `${plant('iframe', 'title-iframe')}Evil Domain`,
  Domain: plant('domain', 'domain'),
  BreachDate: '2023-07-08',
  DataClasses: [plant('jsUrl', 'class-js'), plant('styleElement', 'class-css'), 'Passwords'],
  LogoPath: plant('jsUrl', 'logo-js'),
  Description: `${plant('styleAttribute', 'desc-bg')}<p><a href="${plant('jsUrl', 'desc-js')}">click</a> ${plant('styleElement', 'desc-css')}</p>`,
});

export const HOSTILE_BREACHES: readonly HibpBreach[] = [HOSTILE_SHOP, HOSTILE_DOMAIN];

/** The breach fields that carry payloads. */
export const HOSTILE_FIELDS = ['Name', 'Title', 'Domain', 'DataClasses', 'Description', 'LogoPath'] as const;

/** How many payloads the hostile breaches carry, and of how many kinds. */
export const PLANTED = { payloads: planted.length, kinds: new Set(planted.map((p) => p.split(':')[0])).size };

export interface Tripwires {
  /** Messages of every JavaScript dialog any page of the context opened (each dismissed). */
  readonly dialogs: string[];
  /** Every request the browser reported for the context's pages and workers. */
  readonly requests: Request[];
}

/** Starts recording dialogs and requests for the whole context. */
export function armTripwires(context: BrowserContext): Tripwires {
  const wires: Tripwires = { dialogs: [], requests: [] };
  context.on('dialog', (dialog) => {
    wires.dialogs.push(dialog.message());
    void dialog.dismiss().catch(() => undefined);
  });
  context.on('request', (request) => wires.requests.push(request));
  return wires;
}

/** URLs of the requests that went to none of the allowed origins (chrome-extension://id, https://host…). */
export function requestsElsewhere(wires: Tripwires, allowedOrigins: readonly string[]): string[] {
  return wires.requests.map((r) => r.url()).filter((url) => !allowedOrigins.some((origin) => url === origin || url.startsWith(`${origin}/`)));
}

export interface ActiveContent {
  /** window.__pwned: undefined unless a payload ran. */
  pwned: unknown;
  /** Elements and attributes that could run or fetch. */
  active: string[];
}

/**
 * What in the document's body could run or fetch: elements that execute or load, event-handler
 * attributes, styles with a url(), and URL attributes (a form's action included) other than a link's href to a web or
 * extension page (a link loads nothing until clicked). Runs in the page; self-contained, so it can
 * also be sent as source text (see inActionPopup).
 */
function findActiveContent(): ActiveContent {
  const active: string[] = [];
  const risky = 'script, iframe, frame, object, embed, img, image, svg, math, style, link, video, audio, source, base, meta';
  for (const el of document.body.querySelectorAll(risky)) active.push(`<${el.localName}>`);
  const urlAttributes = ['href', 'src', 'srcset', 'srcdoc', 'action', 'formaction', 'poster', 'background', 'xlink:href'];
  for (const el of document.body.querySelectorAll('*')) {
    for (const { name, value } of el.attributes) {
      const link = el.localName === 'a' && name === 'href' && /^(https?|chrome-extension):\/\//i.test(value);
      const styled = name === 'style' && /url\(/i.test(value);
      if (name.startsWith('on') || styled || (urlAttributes.includes(name) && !link)) active.push(`<${el.localName} ${name}="${value}">`);
    }
  }
  return { pwned: (window as { __pwned?: unknown }).__pwned, active };
}

export function activeContent(page: Page): Promise<ActiveContent> {
  return page.evaluate(findActiveContent);
}

/** The same check as source text, for a target driven by raw DevTools (the toolbar popup). */
export const ACTIVE_CONTENT_EXPRESSION = `(${findActiveContent.toString()})()`;
