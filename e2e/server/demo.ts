import type { FixtureServer } from './fixture-server';

/** Demo accounts for `npm start` and manual poking. Every Name exists in hibp-breaches.json. */
export const DEMO_ACCOUNTS: Readonly<Record<string, readonly string[]>> = {
  'demo@example.com': ['Adobe', 'LinkedIn', 'Dropbox'],
  'clean@example.com': [],
  'shopper@example.com': ['Romwe', 'Storenvy'],
  // An internationalised domain, stored in its ASCII form: the pages show it as bücher.example.
  'reader@xn--bcher-kva.example': ['Dropbox'],
};

/** Seeds the demo accounts and returns their addresses, in a stable order. */
export function seedDemo(server: Pick<FixtureServer, 'setAccounts'>): string[] {
  server.setAccounts(Object.fromEntries(Object.entries(DEMO_ACCOUNTS).map(([address, names]) => [address, [...names]])));
  return Object.keys(DEMO_ACCOUNTS);
}
