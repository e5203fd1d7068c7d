/**
 * The registrable domain ("eTLD+1") of a host: the part a person registers, under which every
 * subdomain is the same site. "Given to" sites are kept in this form, and a breach's domain is
 * compared in it, so `shop.shopa.example` is shopa.example while `shopa.example.evil.test` and
 * `shopa-example.test` are not. Public suffixes come from the same list the site alerts use
 * (domain-index.ts), and Unicode names are compared in their ASCII (punycode) form.
 */
import { catalogDomainKey, MULTI_LABEL_PUBLIC_SUFFIXES, normaliseHost } from '../domain-index';

/** The registrable domain of a host or domain, or '' when it has none (an IP, one label, a public suffix). */
export function registrableDomain(host: string): string {
  const key = catalogDomainKey(host);
  if (key === '' || normaliseHost(key) !== key) return '';
  const labels = key.split('.');
  // The longest suffix on the list decides; the list has two- and three-label entries.
  const take = MULTI_LABEL_PUBLIC_SUFFIXES.has(labels.slice(-3).join('.')) && labels.length > 3
    ? 4
    : MULTI_LABEL_PUBLIC_SUFFIXES.has(labels.slice(-2).join('.')) ? 3 : 2;
  return labels.length < take ? '' : labels.slice(-take).join('.');
}

/** Whether `domain` (a breach's or a notice's, any subdomain) is one of the registrable domains in `sites`. */
export function isAmongSites(domain: string, sites: readonly string[]): boolean {
  const site = registrableDomain(domain);
  return site !== '' && sites.includes(site);
}

/**
 * What a person typed as a site, as a registrable domain: a bare host (`www.shopa.example`) or an
 * address from the address bar (`https://shopa.example/cart`); '' when it names no site.
 */
export function siteFromInput(text: string): string {
  const trimmed = text.trim();
  if (trimmed === '' || trimmed.length > 2000) return '';
  let host = trimmed;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed)) {
    try {
      const url = new URL(trimmed);
      if (url.protocol !== 'http:' && url.protocol !== 'https:') return '';
      host = url.hostname;
    } catch {
      return '';
    }
  } else host = trimmed.split(/[/?#]/, 1)[0]!;
  if (/[\s@]/.test(host)) return '';
  return registrableDomain(host);
}
