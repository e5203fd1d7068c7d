/**
 * Measures the JavaScript a page of the built extension loads: at start, its entry scripts and every
 * chunk reachable from them through static imports; later, what its dynamic imports add (a section
 * whose code loads when it is first opened). Used by the build report and the benchmark.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface BundleSize {
  files: string[];
  rawBytes: number;
  gzipBytes: number;
}

/** A page's JavaScript: what it loads at start, and what its dynamic imports may load later. */
export interface PageSize extends BundleSize {
  later: BundleSize;
}

/** `import … from "x.js"` and `import "x.js"`: loaded before the importing module runs. */
const STATIC_IMPORT_RE = /(?:\bfrom\s*|\bimport\s*)["']([^"']+\.js)["']/g;
/** `import("x.js")`: loaded when the code asks for it (the minifier writes the name as a template literal). */
const DYNAMIC_IMPORT_RE = /\bimport\s*\(\s*["'`]([^"'`]+\.js)["'`]\s*\)/g;

function closure(dist: string, entries: string[], pattern: RegExp): string[] {
  const seen = new Set<string>();
  const queue = [...entries];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file) || !existsSync(file)) continue;
    seen.add(file);
    queue.push(...importsOf(dist, file, pattern));
  }
  return [...seen].sort();
}

function importsOf(dist: string, file: string, pattern: RegExp): string[] {
  return [...readFileSync(file, 'utf8').matchAll(pattern)].map(([, spec]) =>
    spec!.startsWith('/') ? join(dist, spec!) : normalize(join(dirname(file), spec!)),
  );
}

/** Everything `entries` load: at start through static imports, and the rest through dynamic ones. */
function loads(dist: string, entries: string[]): { start: string[]; later: string[] } {
  const start = closure(dist, entries, STATIC_IMPORT_RE);
  const all = new Set(start);
  let frontier = start;
  while (frontier.length > 0) {
    const reached = closure(dist, frontier.flatMap((file) => importsOf(dist, file, DYNAMIC_IMPORT_RE)), STATIC_IMPORT_RE).filter((f) => !all.has(f));
    for (const file of reached) all.add(file);
    frontier = reached;
  }
  return { start, later: [...all].filter((f) => !start.includes(f)).sort() };
}

function measure(dist: string, files: string[]): BundleSize {
  let rawBytes = 0;
  let gzipBytes = 0;
  for (const file of files) {
    const bytes = readFileSync(file);
    rawBytes += bytes.length;
    gzipBytes += gzipSync(bytes, { level: 9 }).length;
  }
  return { files: files.map((f) => relative(dist, f)), rawBytes, gzipBytes };
}

/**
 * The JS an HTML page of the extension loads at start (scripts and modulepreloads, then their static
 * imports), and, as `later`, what its dynamic imports add.
 */
export function pageScripts(dist: string, htmlPath: string): PageSize {
  const htmlFile = join(dist, htmlPath);
  const html = readFileSync(htmlFile, 'utf8');
  const entries = [...html.matchAll(/<(?:script|link)[^>]+(?:src|href)="([^"]+\.js)"/g)].map((m) =>
    m[1]!.startsWith('/') ? join(dist, m[1]!) : normalize(join(dirname(htmlFile), m[1]!)),
  );
  const { start, later } = loads(dist, entries);
  return { ...measure(dist, start), later: measure(dist, later) };
}

/** The JS the background service worker loads, dynamic imports included. */
export function backgroundScripts(dist: string): BundleSize {
  const manifest = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8')) as {
    background?: { service_worker?: string; scripts?: string[] };
  };
  const entries = manifest.background?.service_worker ? [manifest.background.service_worker] : (manifest.background?.scripts ?? []);
  const { start, later } = loads(dist, entries.map((e) => join(dist, e)));
  return measure(dist, [...start, ...later].sort());
}

export const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;
