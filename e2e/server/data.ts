import { readFileSync } from 'node:fs';
import type { HibpBreach, XonCatalogResponse } from './types';

// Breach data © Have I Been Pwned (haveibeenpwned.com), licensed CC BY 4.0.

/** Read once per process: the HIBP catalog is 1.1 MB and every test starts a fresh server. */
let hibp: readonly HibpBreach[] | undefined;
let xon: XonCatalogResponse | undefined;

function readJson(name: string): unknown {
  // Resolved from this file, so it works from any cwd (Playwright, vitest, npm start).
  return JSON.parse(readFileSync(new URL(`../fixtures/data/${name}`, import.meta.url), 'utf8'));
}

/** The real HIBP /api/v3/breaches catalog. Frozen: the server copies it before changing it. */
export function loadHibpCatalog(): readonly HibpBreach[] {
  hibp ??= Object.freeze(readJson('hibp-breaches.json') as HibpBreach[]);
  return hibp;
}

/** A real XposedOrNot /v1/breaches response. Treat as read-only. */
export function loadXonCatalog(): XonCatalogResponse {
  xon ??= readJson('xon-v1-breaches-response.json') as XonCatalogResponse;
  return xon;
}
