import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import manifestJson from './manifest.json' with { type: 'json' };
import pkg from './package.json' with { type: 'json' };

// The store version always comes from package.json, so the two can never disagree.
const manifest = { ...manifestJson, version: pkg.version } as ManifestV3Export;

export default defineConfig({
  plugins: [preact(), crx({ manifest })],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Extension pages load from disk: no need for legacy targets or inlined modulepreload polyfills.
    target: 'es2022',
    modulePreload: { polyfill: false },
    sourcemap: false,
  },
});
