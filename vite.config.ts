import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import manifestJson from './manifest.json' with { type: 'json' };
import pkg from './package.json' with { type: 'json' };

// The store version always comes from package.json, so the two can never disagree.
const manifest = { ...manifestJson, version: pkg.version } as ManifestV3Export;

/**
 * Optional permissions cannot be granted in a headless test (the prompt never resolves), so the
 * end-to-end suite also gets a build that declares them as required. Never shipped.
 */
const grantOptional = process.env.WIE_GRANT_OPTIONAL === '1';
if (grantOptional) {
  const m = manifest as { permissions: string[]; optional_permissions?: string[] };
  m.permissions = [...m.permissions, ...(m.optional_permissions ?? [])];
  delete m.optional_permissions;
}

export default defineConfig({
  plugins: [preact(), crx({ manifest })],
  build: {
    outDir: grantOptional ? 'dist-granted' : 'dist',
    emptyOutDir: true,
    // Extension pages load from disk: no need for legacy targets or inlined modulepreload polyfills.
    target: 'es2022',
    modulePreload: { polyfill: false },
    sourcemap: false,
  },
});
