/**
 * `npm run package`: the zips the stores accept, from the builds in dist/chrome and dist/firefox:
 *   artifacts/was-i-exposed-chrome-<version>.zip   Chrome Web Store (and Edge Add-ons)
 *   artifacts/was-i-exposed-firefox-<version>.zip  addons.mozilla.org
 *   artifacts/was-i-exposed-source-<version>.zip   the source AMO reviewers ask for (git-tracked files)
 * The version is package.json's, which the build also wrote into both manifests.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { zipSync, type Zippable } from 'fflate';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
const OUT = 'artifacts';
// A fixed timestamp: the same build always gives the same zip.
const MTIME = new Date('2026-01-01T00:00:00Z');

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

function zip(entries: Array<[name: string, path: string]>, target: string): void {
  const tree: Zippable = {};
  for (const [name, path] of entries.sort(([a], [b]) => a.localeCompare(b))) {
    tree[name] = [readFileSync(path), { mtime: MTIME, level: 9 }];
  }
  writeFileSync(target, zipSync(tree));
  console.log(`${target}: ${entries.length} files, ${Math.round(statSync(target).size / 1024)} KB`);
}

function packBuild(dir: string, name: string): void {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { version: string };
  if (manifest.version !== pkg.version) throw new Error(`${dir} was built as ${manifest.version}, package.json says ${pkg.version}: run npm run build.`);
  zip(filesUnder(dir).map((f) => [relative(dir, f), f]), join(OUT, `was-i-exposed-${name}-${pkg.version}.zip`));
}

mkdirSync(OUT, { recursive: true });
packBuild('dist/chrome', 'chrome');
packBuild('dist/firefox', 'firefox');
const tracked = execFileSync('git', ['ls-files', '-z'], { encoding: 'utf8' }).split('\0').filter((f) => f !== '');
zip(tracked.map((f) => [f, f]), join(OUT, `was-i-exposed-source-${pkg.version}.zip`));
