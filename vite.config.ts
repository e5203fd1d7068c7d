import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import manifestJson from './manifest.json' with { type: 'json' };
import pkg from './package.json' with { type: 'json' };
import { manifestFor, outDirFor, type Target } from './build/manifest-for';

// One source, one build per browser: WIE_TARGET=chrome (default) or firefox.
const target: Target = process.env.WIE_TARGET === 'firefox' ? 'firefox' : 'chrome';
const grantOptional = process.env.WIE_GRANT_OPTIONAL === '1';
// The store version always comes from package.json, so the two can never disagree.
const manifest = manifestFor(manifestJson, target, pkg.version, grantOptional) as ManifestV3Export;

const EXTRA_PAGES: Array<[string, string]> = [
  ['history', 'src/ui/history/index.html'],
  ['welcome', 'src/ui/welcome/index.html'],
];

export default defineConfig({
  plugins: [preact(), crx({ manifest, browser: target })],
  build: {
    outDir: outDirFor(target, grantOptional),
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
