import { makeBreach, type FixtureServer, type HibpBreach } from '../server/fixture-server';
import { CATALOG_TAG } from './snapshot';

/**
 * Versions of the providers' catalogs, served by the fixture server. Each version rewrites EVERY
 * breach's description with its tag and adds one breach, so a stored catalog is complete only if
 * all its records carry one tag and there are as many as that version has: a catalog written half
 * way (some records of the old version, some of the new) shows at once.
 */
export class CatalogVersions {
  private readonly original: readonly HibpBreach[];
  private readonly added: HibpBreach[] = [];
  private current = 0;

  constructor(private readonly server: FixtureServer) {
    this.original = [...server.catalog];
  }

  get version(): number {
    return this.current;
  }

  /** Serves the next version (HIBP's /breaches and XposedOrNot's /v1/breaches alike); returns its number. */
  bump(): number {
    this.current += 1;
    const tag = CATALOG_TAG(this.current);
    // Added last and newest, so HIBP's /latestbreach names it and a refresh downloads the catalog.
    this.added.push(makeBreach({ Name: `ChaosCatalog${this.current}`, AddedDate: new Date(Date.UTC(2030, 0, this.current)).toISOString().replace(/\.\d+Z$/, 'Z') }));
    for (const breach of [...this.original, ...this.added]) this.server.addBreach({ ...breach, Description: `${breach.Description} ${tag}` });
    return this.current;
  }
}
