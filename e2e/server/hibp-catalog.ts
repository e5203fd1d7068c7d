import { loadHibpCatalog } from './data';
import { etagFor } from './http-util';
import type { HibpBreach } from './types';

/**
 * The HIBP catalog as the server currently serves it. It can grow at run time (addBreach) so
 * tests can make "a new breach appears"; its validators change whenever it does.
 */
export class HibpCatalog {
  private breaches: HibpBreach[] = [];
  private byName = new Map<string, HibpBreach>();
  private lastModifiedMs = 0;
  private serialized: { body: string; etag: string } | undefined;

  constructor(private readonly now: () => number) {
    this.reset();
  }

  reset(): void {
    this.breaches = [...loadHibpCatalog()];
    // The newest change recorded in the data itself: stable across runs, so 304s are reproducible.
    this.lastModifiedMs = Math.max(...this.breaches.map((b) => Date.parse(b.ModifiedDate) || Date.parse(b.AddedDate) || 0));
    this.reindex();
  }

  all(): readonly HibpBreach[] {
    return this.breaches;
  }

  /** HIBP matches breach names case-insensitively (/breach/adobe finds "Adobe"). */
  find(name: string): HibpBreach | undefined {
    return this.byName.get(name.toLowerCase());
  }

  /** Adds a breach, or replaces the one with the same Name. */
  add(breach: HibpBreach): void {
    const index = this.breaches.findIndex((b) => b.Name.toLowerCase() === breach.Name.toLowerCase());
    if (index >= 0) this.breaches[index] = breach;
    else this.breaches.push(breach);
    // Strictly later by a whole second, so If-Modified-Since sees two adds in one second as changes.
    this.lastModifiedMs = Math.max(Math.floor(this.now() / 1000) * 1000, this.lastModifiedMs + 1000);
    this.reindex();
  }

  get lastModified(): number {
    return this.lastModifiedMs;
  }

  /** The newest by AddedDate, as /latestbreach answers. */
  latest(): HibpBreach | undefined {
    let newest: HibpBreach | undefined;
    for (const b of this.breaches) if (!newest || Date.parse(b.AddedDate) >= Date.parse(newest.AddedDate)) newest = b;
    return newest;
  }

  dataClasses(): string[] {
    return [...new Set(this.breaches.flatMap((b) => b.DataClasses))].sort((a, b) => a.localeCompare(b, 'en'));
  }

  /** The whole catalog as served, cached: serialising 1.1 MB per request would slow the e2e suite. */
  body(): { body: string; etag: string } {
    if (!this.serialized) {
      const body = JSON.stringify(this.breaches);
      this.serialized = { body, etag: etagFor(body) };
    }
    return this.serialized;
  }

  private reindex(): void {
    this.byName = new Map(this.breaches.map((b) => [b.Name.toLowerCase(), b]));
    this.serialized = undefined;
  }
}

/** A complete, plausible breach from a few fields, for tests that add one at run time. */
export function makeBreach(fields: Partial<HibpBreach> & { Name: string }): HibpBreach {
  const today = new Date().toISOString();
  return {
    Title: fields.Name,
    Domain: `${fields.Name.toLowerCase()}.example`,
    BreachDate: today.slice(0, 10),
    AddedDate: `${today.slice(0, 19)}Z`,
    ModifiedDate: `${today.slice(0, 19)}Z`,
    PwnCount: 1000,
    Description: `In ${today.slice(0, 4)}, the fictional service ${fields.Name} suffered a data breach.`,
    LogoPath: 'https://haveibeenpwned.com/Content/Images/PwnedLogos/List.png',
    DataClasses: ['Email addresses', 'Passwords'],
    IsVerified: true,
    IsFabricated: false,
    IsSensitive: false,
    IsRetired: false,
    IsSpamList: false,
    IsMalware: false,
    IsSubscriptionFree: false,
    IsStealerLog: false,
    ...fields,
  };
}
