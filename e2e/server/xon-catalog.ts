import { loadXonCatalog } from './data';
import type { XonBreach } from './types';

/** XposedOrNot's /v1/breaches catalog: the real recorded one, plus breaches added at run time. */
export class XonCatalog {
  private entries: XonBreach[] = [];
  private lastModifiedMs = 0;

  constructor(private readonly now: () => number) {
    this.reset();
  }

  reset(): void {
    this.entries = [...loadXonCatalog().exposedBreaches];
    this.lastModifiedMs = Math.max(...this.entries.map((b) => Date.parse(b.addedDate) || 0));
  }

  all(): readonly XonBreach[] {
    return this.entries;
  }

  /** Newest first, as XposedOrNot lists them; replaces an entry with the same breachID. */
  add(breach: XonBreach): void {
    this.entries = [breach, ...this.entries.filter((b) => b.breachID.toLowerCase() !== breach.breachID.toLowerCase())];
    this.lastModifiedMs = Math.max(Math.floor(this.now() / 1000) * 1000, this.lastModifiedMs + 1000);
  }

  get lastModified(): number {
    return this.lastModifiedMs;
  }
}
