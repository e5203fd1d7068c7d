/**
 * Domain index for "alerts while browsing": which catalog breaches are recorded on the site the
 * user is visiting. Runs on every navigation, so a lookup of a browser-supplied hostname
 * allocates nothing: a miss returns a shared empty array, a hit a list precomputed at build time.
 *
 * Matching: a breach recorded on `example.com` matches `example.com`, `www.example.com` and
 * `a.b.example.com`; one recorded on `forums.example.com` matches that host and its subdomains
 * but not `example.com` or `www.example.com`. Conceptually the visited host is walked up label
 * by label (`shop.eu.example.co.uk` → `eu.example.co.uk` → `example.co.uk` → `co.uk`) against a
 * map keyed by catalog domain; single-label names (`com`, `localhost`) are never considered.
 * naiveLookup states that meaning as a plain scan. DomainIndex gets the same answer by walking
 * the other way, from `co.uk` leftwards, in one pass over the characters with a running hash:
 * no substrings are made, and most misses end at the first probe.
 *
 * Public suffixes are decided when the index is built (once per catalog download), never per
 * navigation: only catalog domains are keys, a catalog domain with fewer than two labels (`com`)
 * is dropped as garbage, and one that is itself a multi-label public suffix (`co.uk`, `com.br`,
 * `github.io`) is dropped too — it would otherwise alert on every site under it. That takes a
 * list, MULTI_LABEL_PUBLIC_SUFFIXES below: a compact subset of the Public Suffix List (the
 * second-level registry suffixes of the countries with most users, and the hosting suffixes
 * people most often browse under), not the whole list (~10,000 rules, ~200 KB). A suffix it lacks
 * can still over-alert; none is in the shipped catalogs.
 *
 * IDN: browsers hand over hostnames in ASCII (punycode) form, so a catalog domain written in
 * Unicode (`bücher.example`) is keyed by its ASCII form (`xn--bcher-kva.example`).
 */
import type { Breach } from './breach';
import { labelToAscii } from './punycode';

const EMPTY: readonly Breach[] = Object.freeze([]);

const DOT = 0x2e;

/** Whether the label host[from..] is a number in the WHATWG IPv4 sense (decimal or 0x-hex). */
function isNumericLabel(host: string, from: number): boolean {
  const end = host.length;
  if (from >= end) return false;
  let i = from;
  let hex = false;
  if (end - from >= 2 && host.charCodeAt(from) === 0x30 && (host.charCodeAt(from + 1) | 0x20) === 0x78) {
    hex = true;
    i += 2;
  }
  for (; i < end; i++) {
    const c = host.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) continue;
    const l = c | 0x20;
    if (hex && l >= 0x61 && l <= 0x66) continue;
    return false;
  }
  return true;
}

/**
 * The visited hostname in lookup form, or '' when it can never match: lower-cased, surrounding
 * whitespace, a port and one trailing dot removed. Empty input, IP addresses (IPv4 — any host
 * whose last label is numeric, as the URL standard parses it — and IPv6, bracketed or bare),
 * empty labels and single-label names give ''.
 */
export function normaliseHost(hostname: string): string {
  let host = hostname;
  if (host.length === 0) return '';
  const first = host.charCodeAt(0);
  if (first <= 0x20 || host.charCodeAt(host.length - 1) <= 0x20) host = host.trim();
  if (host.length === 0 || host.charCodeAt(0) === 0x5b /* [ : IPv6 literal */) return '';
  const colon = host.indexOf(':');
  if (colon !== -1) {
    if (host.indexOf(':', colon + 1) !== -1) return ''; // bare IPv6
    host = host.slice(0, colon); // port
  }
  if (host.length !== 0 && host.charCodeAt(host.length - 1) === DOT) host = host.slice(0, -1);
  if (host.length === 0 || host.charCodeAt(0) === DOT || host.indexOf('..') !== -1) return '';
  const lastDot = host.lastIndexOf('.');
  if (lastDot === -1) return ''; // single label
  if (lastDot === host.length - 1) return ''; // a second trailing dot: empty label
  if (isNumericLabel(host, lastDot + 1)) return ''; // IPv4
  return host.toLowerCase();
}

/**
 * Multi-label public suffixes (a subset of the Public Suffix List, publicsuffix.org, MPL 2.0): a
 * catalog domain equal to one of these is a registry or a hosting platform, not a site.
 */
export const MULTI_LABEL_PUBLIC_SUFFIXES: ReadonlySet<string> = new Set(
  [
    // Second-level registry suffixes.
    'co.uk org.uk me.uk ltd.uk plc.uk net.uk ac.uk gov.uk nhs.uk sch.uk',
    'com.au net.au org.au edu.au gov.au id.au asn.au co.nz net.nz org.nz govt.nz ac.nz',
    'com.br net.br org.br gov.br edu.br art.br blog.br eco.br',
    'co.jp ne.jp or.jp ac.jp go.jp ed.jp gr.jp lg.jp co.kr or.kr ne.kr go.kr ac.kr',
    'com.cn net.cn org.cn gov.cn edu.cn ac.cn com.tw net.tw org.tw idv.tw com.hk net.hk org.hk edu.hk gov.hk',
    'com.sg net.sg org.sg edu.sg gov.sg com.my net.my org.my co.id or.id ac.id go.id web.id com.ph net.ph org.ph',
    'co.th in.th ac.th go.th or.th com.vn net.vn org.vn edu.vn gov.vn co.in net.in org.in firm.in gen.in ind.in gov.in ac.in',
    'com.pk net.pk org.pk co.za org.za net.za gov.za ac.za web.za com.ng org.ng co.ke or.ke com.eg gov.eg',
    'com.sa net.sa org.sa gov.sa co.il org.il ac.il gov.il com.tr net.tr org.tr gov.tr av.tr com.ua net.ua org.ua in.ua',
    'com.mx net.mx org.mx gob.mx edu.mx com.ar net.ar org.ar gob.ar com.co net.co org.co gov.co com.pe org.pe gob.pe',
    'com.ve co.ve com.uy com.ec com.bo com.py com.do com.gt com.sv com.pa co.cr',
    'com.pl net.pl org.pl gov.pl com.es org.es nom.es gob.es co.at or.at com.pt org.pt gov.pt com.gr gov.gr com.ro org.ro',
    'com.cy com.mt com.hr co.hu org.hu co.rs org.rs',
    // Hosting platforms whose users each get a subdomain.
    'github.io gitlab.io blogspot.com appspot.com herokuapp.com netlify.app vercel.app pages.dev workers.dev web.app firebaseapp.com',
    'azurewebsites.net cloudfront.net s3.amazonaws.com elasticbeanstalk.com glitch.me neocities.org wixsite.com myshopify.com',
  ].join(' ').split(' '),
);

/**
 * A catalog domain as an index key, or '' when it cannot be one: lower-cased, trimmed, one
 * trailing dot removed, Unicode labels in their ASCII (punycode) form; empty labels, fewer than
 * two labels (`com`) or a multi-label public suffix (`co.uk`) disqualify it.
 */
export function catalogDomainKey(domain: string): string {
  let d = domain.trim().normalize('NFC').toLowerCase();
  if (d.length !== 0 && d.charCodeAt(d.length - 1) === DOT) d = d.slice(0, -1);
  if (d.length === 0 || d.charCodeAt(0) === DOT || d.indexOf('..') !== -1) return '';
  const lastDot = d.lastIndexOf('.');
  if (lastDot === -1 || lastDot === d.length - 1) return '';
  if (!/^\p{ASCII}*$/u.test(d)) d = d.split('.').map(labelToAscii).join('.');
  return MULTI_LABEL_PUBLIC_SUFFIXES.has(d) ? '' : d;
}

function sameBreach(a: Breach, b: Breach): boolean {
  return a === b || (a.provider === b.provider && a.id === b.id);
}

function pushUnique(into: Breach[], from: readonly Breach[]): void {
  for (const b of from) if (!into.some((x) => sameBreach(x, b))) into.push(b);
}

/** One suffix of a catalog domain in the lookup table; `next` chains hash collisions. */
interface SuffixNode {
  readonly key: string;
  /** The catalog domain's breaches then its catalog ancestors'; null when not itself a catalog domain. */
  readonly breaches: readonly Breach[] | null;
  readonly next: SuffixNode | undefined;
}

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

/** Table keys are cut to 30 bits so they stay small integers (V8 Smis): no boxing per probe. */
const KEY_MASK = 0x3fffffff;

/** FNV-1a over `text` read right to left, the order the lookup walks a hostname in. Exported for tests. */
export function suffixHash(text: string): number {
  let h = FNV_OFFSET;
  for (let i = text.length - 1; i >= 0; i--) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  return h & KEY_MASK;
}

/** Characters the fast walk hands to normaliseHost: upper case, port/IPv6, spaces, non-ASCII. */
function needsNormalising(c: number): boolean {
  return c <= 0x20 || c >= 0x7f || (c >= 0x41 && c <= 0x5a) || c === 0x3a || c === 0x5b;
}

export class DomainIndex {
  /**
   * Every suffix of two or more labels of every catalog domain, by suffixHash. The table is
   * closed under taking suffixes, so a walk from the right can stop at the first suffix that is
   * missing: nothing longer can be a catalog domain.
   */
  private readonly table = new Map<number, SuffixNode>();
  private readonly domainCount: number;

  constructor(breaches: readonly Breach[]) {
    const own = new Map<string, Breach[]>();
    for (const breach of breaches) {
      const key = catalogDomainKey(breach.domain);
      if (key === '') continue;
      const list = own.get(key);
      if (list === undefined) own.set(key, [breach]);
      else pushUnique(list, [breach]);
    }
    const bySuffix = new Map<string, readonly Breach[] | null>();
    for (const [key, list] of own) {
      const out = list.slice();
      const lastDot = key.lastIndexOf('.');
      // Proper suffixes of the key that still have at least two labels, most specific first.
      for (let start = key.indexOf('.') + 1; start <= lastDot; start = key.indexOf('.', start) + 1) {
        const suffix = key.slice(start);
        const ancestor = own.get(suffix);
        if (ancestor !== undefined) pushUnique(out, ancestor);
        else bySuffix.set(suffix, null);
      }
      bySuffix.set(key, Object.freeze(out));
    }
    for (const [key, list] of bySuffix) {
      const h = suffixHash(key);
      this.table.set(h, { key, breaches: list, next: this.table.get(h) });
    }
    this.domainCount = own.size;
  }

  /** Number of distinct catalog domains indexed. */
  get size(): number {
    return this.domainCount;
  }

  /**
   * Breaches recorded on the host or any parent domain of it, most specific first, no
   * duplicates. Frozen; a miss returns one shared empty array.
   */
  lookup(hostname: string): readonly Breach[] {
    const fast = this.walk(hostname, false);
    if (fast !== undefined) return fast;
    const host = normaliseHost(hostname);
    return host === '' ? EMPTY : (this.walk(host, true) ?? EMPTY);
  }

  /**
   * One right-to-left pass over the characters, with no allocation. At each label boundary
   * from two labels up (`example.co.uk`, then `eu.example.co.uk`, …; never `uk`) the suffix's
   * running hash is probed; a catalog domain found there is the answer so far (its list
   * already holds its ancestors), a missing suffix ends the probing. The rest of the string is
   * still scanned, so input that normaliseHost would reject or rewrite is always noticed:
   * undefined sends it there (unless `normalised`), exactly as if walked after normalising.
   */
  private walk(host: string, normalised: boolean): readonly Breach[] | undefined {
    const n = host.length;
    if (n === 0) return EMPTY;
    let h = FNV_OFFSET;
    let nearestDot = n;
    let dots = 0;
    let best: readonly Breach[] = EMPTY;
    let probing = true;
    for (let i = n - 1; i >= 0; i--) {
      const c = host.charCodeAt(i);
      if (c === DOT) {
        if (i + 1 === nearestDot) return undefined; // trailing dot or empty label
        if (dots === 0) {
          if (isNumericLabel(host, i + 1)) return EMPTY; // IPv4
        } else if (probing) {
          const node = this.probe(host, h, n - i - 1);
          if (node === undefined) probing = false;
          else if (node.breaches !== null) best = node.breaches;
        }
        dots += 1;
        nearestDot = i;
      } else if (!normalised && needsNormalising(c)) {
        return undefined;
      }
      h = Math.imul(h ^ c, FNV_PRIME);
    }
    if (nearestDot === 0) return undefined; // leading dot
    if (dots === 0) return EMPTY; // single label
    if (probing) {
      const node = this.probe(host, h, n);
      if (node !== undefined && node.breaches !== null) best = node.breaches;
    }
    return best;
  }

  /** The table entry for host's last `length` characters, whose hash is `h`. */
  private probe(host: string, h: number, length: number): SuffixNode | undefined {
    let node = this.table.get(h & KEY_MASK);
    while (node !== undefined && !(node.key.length === length && host.endsWith(node.key))) node = node.next;
    return node;
  }
}

export function buildDomainIndex(breaches: readonly Breach[]): DomainIndex {
  return new DomainIndex(breaches);
}

export function lookupHost(index: DomainIndex, hostname: string): readonly Breach[] {
  return index.lookup(hostname);
}

/**
 * The same answer as DomainIndex.lookup by a linear scan of the catalog: the benchmark's
 * baseline and the tests' oracle. Written independently of the index's walk on purpose.
 */
export function naiveLookup(breaches: readonly Breach[], hostname: string): readonly Breach[] {
  const host = normaliseHost(hostname);
  if (host === '') return EMPTY;
  const hits: { breach: Breach; labels: number }[] = [];
  for (const breach of breaches) {
    const key = catalogDomainKey(breach.domain);
    if (key === '') continue;
    if (host === key || host.endsWith(`.${key}`)) hits.push({ breach, labels: key.split('.').length });
  }
  if (hits.length === 0) return EMPTY;
  hits.sort((a, b) => b.labels - a.labels); // stable: catalog order within a level
  const out: Breach[] = [];
  pushUnique(out, hits.map((h) => h.breach));
  return Object.freeze(out);
}
