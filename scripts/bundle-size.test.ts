import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { backgroundScripts, pageScripts } from './bundle-size';

let dist = '';
afterEach(() => rmSync(dist, { recursive: true, force: true }));

/** A built extension in miniature, written the way the minifier writes imports. */
function build(files: Record<string, string>): string {
  dist = mkdtempSync(join(tmpdir(), 'bundle-size-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dist, path, '..'), { recursive: true });
    writeFileSync(join(dist, path), text);
  }
  return dist;
}

const FILES = {
  'manifest.json': JSON.stringify({ background: { service_worker: 'assets/worker.js' } }),
  'src/ui/popup/index.html': '<script type="module" src="/assets/popup.js"></script><link rel="modulepreload" href="/assets/shared.js">',
  'assets/popup.js': 'import{a as e}from"./shared.js";import"./side.js";const f=()=>import(`./check.js`);',
  'assets/shared.js': 'export const a=1;',
  'assets/side.js': 'console.log(1);',
  'assets/check.js': 'import{a}from"./shared.js";import{h}from"./http.js";export const c=()=>import(`./deeper.js`);',
  'assets/http.js': 'export const h=2;',
  'assets/deeper.js': 'export const d=3;',
  'assets/worker.js': 'import{a}from"./shared.js";self.x=()=>import(`./http.js`);',
};

describe('pageScripts', () => {
  it('counts what the page loads at start apart from what its dynamic imports add later', () => {
    const size = pageScripts(build(FILES), 'src/ui/popup/index.html');
    expect(size.files).toEqual(['assets/popup.js', 'assets/shared.js', 'assets/side.js']);
    // A chunk already loaded at start (shared.js) is not counted again; later imports of later code are.
    expect(size.later.files).toEqual(['assets/check.js', 'assets/deeper.js', 'assets/http.js']);
    expect(size.rawBytes).toBe(FILES['assets/popup.js'].length + FILES['assets/shared.js'].length + FILES['assets/side.js'].length);
    expect(size.gzipBytes).toBeGreaterThan(0);
  });
});

describe('backgroundScripts', () => {
  it('counts everything the worker may load, dynamic imports included', () => {
    expect(backgroundScripts(build(FILES)).files).toEqual(['assets/http.js', 'assets/shared.js', 'assets/worker.js']);
  });
});
