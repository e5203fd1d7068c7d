import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildKindFrom, manifestFor, outDirFor, type BuildKind, type ManifestShape } from './manifest-for';

const base = JSON.parse(readFileSync(new URL('../manifest.json', import.meta.url), 'utf8')) as ManifestShape;
const KINDS: BuildKind[] = ['store', 'test', 'granted'];

const cspOf = (target: 'chrome' | 'firefox', kind: BuildKind): Map<string, string[]> => {
  const manifest = manifestFor(base, target, '1.2.3', kind);
  const policy = (manifest.content_security_policy as { extension_pages: string }).extension_pages;
  return new Map(policy.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...sources]) => [name!, sources]));
};

describe('the built manifests', () => {
  for (const target of ['chrome', 'firefox'] as const) {
    for (const kind of KINDS) {
      it(`${target} (${kind}): no web page or other extension may connect`, () => {
        const manifest = manifestFor(base, target, '1.2.3', kind);
        // Without the key, Chrome lets other extensions (never web pages) open a channel; with no
        // onMessageExternal/onConnectExternal listener (eslint forbids one in src) it finds no one.
        expect(manifest).not.toHaveProperty('externally_connectable');
      });

      it(`${target} (${kind}): a CSP of its own — scripts and images from the package, connections to the providers`, () => {
        const csp = cspOf(target, kind);
        expect(csp.get('script-src')).toEqual(["'self'"]);
        expect(csp.get('object-src')).toEqual(["'none'"]);
        expect(csp.get('img-src')).toEqual(["'self'"]);
        const providers = ['https://api.xposedornot.com', 'https://haveibeenpwned.com', 'https://api.pwnedpasswords.com'];
        const local = ['http://127.0.0.1:*', 'http://localhost:*'];
        expect(csp.get('connect-src')).toEqual(kind === 'store' ? providers : [...providers, ...local]);
      });
    }
  }

  it('only the granted build declares the optional permissions as required', () => {
    for (const kind of ['store', 'test'] as const) expect(manifestFor(base, 'chrome', '1.2.3', kind).permissions).not.toContain('scripting');
    expect(manifestFor(base, 'chrome', '1.2.3', 'granted').permissions).toContain('scripting');
  });

  it('the build kind comes from the environment, store unless a test build is asked for', () => {
    expect(buildKindFrom({})).toBe('store');
    expect(buildKindFrom({ WIE_TEST_BUILD: '1' })).toBe('test');
    expect(buildKindFrom({ WIE_GRANT_OPTIONAL: '1' })).toBe('granted');
    expect(outDirFor('chrome', 'store')).toBe('dist/chrome');
    expect(outDirFor('firefox', 'test')).toBe('dist/firefox-test');
    expect(outDirFor('chrome', 'granted')).toBe('dist/chrome-granted');
  });
});
