/**
 * Email forwarding services: an address at one of these is an alias that forwards to a real
 * mailbox, usually made for one site — exactly what the leak trail is for. A small list of the
 * well-known ones (each service's documented alias domains, checked 2026-12); the address's domain
 * or any subdomain of it matches (addy.io gives `alias@username.anonaddy.com`).
 */
const SERVICES: ReadonlyArray<{ name: string; domains: readonly string[] }> = [
  { name: 'addy.io', domains: ['addy.io', 'anonaddy.com', 'anonaddy.me'] },
  { name: 'SimpleLogin', domains: ['simplelogin.com', 'simplelogin.co', 'simplelogin.fr', 'aleeas.com', 'slmail.me', 'silomails.com', 'slmails.com', '8alias.com', '8shield.net', 'dralias.com'] },
  { name: 'Firefox Relay', domains: ['mozmail.com'] },
  { name: 'DuckDuckGo', domains: ['duck.com'] },
  { name: 'iCloud Hide My Email', domains: ['privaterelay.appleid.com'] },
  { name: 'Proton Pass', domains: ['passmail.net', 'passmail.com', 'passinbox.com'] },
  { name: '33mail', domains: ['33mail.com'] },
];

/** The forwarding service an address belongs to, by name, or null when it is not a known alias. */
export function aliasServiceOf(email: string): string | null {
  const domain = email.slice(email.lastIndexOf('@') + 1).toLowerCase();
  if (domain === '') return null;
  for (const service of SERVICES) {
    if (service.domains.some((d) => domain === d || domain.endsWith(`.${d}`))) return service.name;
  }
  return null;
}
