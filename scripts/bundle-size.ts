/**
 * Measures the JavaScript a page of the built extension loads: its entry scripts and every chunk
 * reachable from them through static or dynamic imports. Used by the build report and the benchmark.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface BundleSize {
  files: string[];
  rawBytes: number;
  gzipBytes: number;
}

const IMPORT_RE = /(?:\bfrom\s*|\bimport\s*\(?\s*)["']([^"']+\.js)["']/g;

function closure(dist: string, entries: string[]): string[] {
  const seen = new Set<string>();
  const queue = [...entries];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file) || !existsSync(file)) continue;
    seen.add(file);
    const code = readFileSync(file, 'utf8');
    for (const match of code.matchAll(IMPORT_RE)) {
      const spec = match[1]!;
      queue.push(spec.startsWith('/') ? join(dist, spec) : normalize(join(dirname(file), spec)));
    }
  }
  return [...seen].sort();
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

/** The JS an HTML page of the extension loads (scripts and modulepreloads, then their imports). */
export function pageScripts(dist: string, htmlPath: string): BundleSize {
  const htmlFile = join(dist, htmlPath);
  const html = readFileSync(htmlFile, 'utf8');
  const entries = [...html.matchAll(/<(?:script|link)[^>]+(?:src|href)="([^"]+\.js)"/g)].map((m) =>
    m[1]!.startsWith('/') ? join(dist, m[1]!) : normalize(join(dirname(htmlFile), m[1]!)),
  );
  return measure(dist, closure(dist, entries));
}

/** The JS the background service worker loads. */
export function backgroundScripts(dist: string): BundleSize {
  const manifest = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8')) as {
    background?: { service_worker?: string; scripts?: string[] };
  };
  const entries = manifest.background?.service_worker ? [manifest.background.service_worker] : (manifest.background?.scripts ?? []);
  return measure(dist, closure(dist, entries.map((e) => join(dist, e))));
}

export const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;
