import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import preact from '@preact/preset-vite';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import manifestJson from './manifest.json' with { type: 'json' };
import pkg from './package.json' with { type: 'json' };
import { buildKindFrom, manifestFor, outDirFor, type Target } from './build/manifest-for';

// One source, one build per browser: WIE_TARGET=chrome (default) or firefox.
const target: Target = process.env.WIE_TARGET === 'firefox' ? 'firefox' : 'chrome';
// store (default), test (WIE_TEST_BUILD=1) or granted (WIE_GRANT_OPTIONAL=1): see BuildKind.
const kind = buildKindFrom(process.env);
// The store version always comes from package.json, so the two can never disagree.
const manifest = manifestFor(manifestJson, target, pkg.version, kind) as ManifestV3Export;

const EXTRA_PAGES: Array<[string, string]> = [
  ['history', 'src/ui/history/index.html'],
  ['welcome', 'src/ui/welcome/index.html'],
];

/**
 * crxjs lists every `?script` file under web_accessible_resources, for scripts injected with a
 * <script> tag. Ours is registered with the scripting API, which needs no such entry, and an entry
 * would let any web page load it (and so detect the extension). Dropped from the written manifest.
 */
function noWebAccessibleContentScripts(): Plugin {
  return {
    name: 'wie:no-web-accessible-content-scripts',
    apply: 'build',
    writeBundle(options) {
      const path = join(options.dir ?? outDirFor(target, kind), 'manifest.json');
      const written = JSON.parse(readFileSync(path, 'utf8')) as { web_accessible_resources?: Array<{ resources: string[] }> };
      if (!written.web_accessible_resources) return;
      const kept = written.web_accessible_resources
        .map((entry) => ({ ...entry, resources: entry.resources.filter((r) => !r.startsWith('src/content/')) }))
        .filter((entry) => entry.resources.length > 0);
      if (kept.length > 0) written.web_accessible_resources = kept;
      else delete written.web_accessible_resources;
      writeFileSync(path, JSON.stringify(written, null, 2));
    },
  };
}

/**
 * valibot is one module, and a bundler keeps a module whole: a chunk that holds it holds every
 * validator any page uses (the import file's, the providers', the messages'). The popup needs only
 * the stored settings' few, so settings.ts gets a copy of its own, which keeps just those: the
 * popup's JavaScript budget (BENCHMARKS.md) has no room for the rest. The background loads both
 * copies; the settings' share is small.
 */
function ownValibotForSettings(): Plugin {
  return {
    name: 'wie:own-valibot-for-settings',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (source !== 'valibot' || !importer?.replaceAll('\\', '/').endsWith('/src/core/settings.ts')) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      return resolved ? { ...resolved, id: `${resolved.id}?settings` } : null;
    },
  };
}

export default defineConfig({
  plugins: [ownValibotForSettings(), preact(), crx({ manifest, browser: target }), noWebAccessibleContentScripts()],
  // Read by src/build-flags.ts: only test builds may point the providers elsewhere.
  define: { __WIE_TEST_BUILD__: JSON.stringify(kind !== 'store') },
  build: {
    outDir: outDirFor(target, kind),
    emptyOutDir: true,
    // Extension pages load from disk: no need for legacy targets or inlined modulepreload polyfills.
    target: 'es2022',
    modulePreload: { polyfill: false },
    sourcemap: false,
    // Pages the manifest does not name; crxjs builds only those it does.
    rollupOptions: {
      input: Object.fromEntries(EXTRA_PAGES),
    },
  },
});
