import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { manifestFor, type ManifestShape } from './manifest-for';

const base = JSON.parse(readFileSync(new URL('../manifest.json', import.meta.url), 'utf8')) as ManifestShape;

describe('the built manifests', () => {
  for (const target of ['chrome', 'firefox'] as const) {
    for (const grantOptional of [false, true]) {
      it(`${target}${grantOptional ? ' (granted)' : ''}: no web page or other extension may connect`, () => {
        const manifest = manifestFor(base, target, '1.2.3', grantOptional);
        // Without the key, Chrome lets other extensions (never web pages) open a channel; with no
        // onMessageExternal/onConnectExternal listener (eslint forbids one in src) it finds no one.
        expect(manifest).not.toHaveProperty('externally_connectable');
      });
    }
  }
});
