/**
 * Permissions and privacy audit of the built extension, as tests: the manifests ask only for what
 * the README lists, host access covers only the provider hosts, the default CSP is kept, and no
 * code is loaded from anywhere but the package.
 */
import { expect, test } from '@playwright/test';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const BUILDS = ['dist/chrome', 'dist/firefox'];
const PROVIDER_HOSTS = ['https://api.xposedornot.com/*', 'https://haveibeenpwned.com/*', 'https://api.pwnedpasswords.com/*'];
const README = readFileSync('README.md', 'utf8');

interface Manifest {
  permissions?: string[];
  optional_permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  content_security_policy?: unknown;
  content_scripts?: unknown;
  externally_connectable?: unknown;
  web_accessible_resources?: unknown;
}

const manifestOf = (dir: string) => JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

for (const dir of BUILDS) {
  test(`${dir}: asks only for the permissions the README lists`, () => {
    const manifest = manifestOf(dir);
    for (const permission of [...(manifest.permissions ?? []), ...(manifest.optional_permissions ?? [])]) {
      expect(README, `README must explain the "${permission}" permission`).toContain(`\`${permission}\``);
    }
    expect(manifest.permissions?.sort()).toEqual(
      ['activeTab', 'alarms', 'contextMenus', 'declarativeNetRequestWithHostAccess', 'notifications', 'storage'].sort(),
    );
    // Seeing visited sites is optional, asked for when the user turns site alerts on; running the
    // password-field script is optional, asked for when the user turns that check on.
    expect(manifest.optional_permissions).toEqual(['tabs', 'scripting']);
  });

  test(`${dir}: host access covers the provider hosts only; nothing broader is required`, () => {
    const manifest = manifestOf(dir);
    expect([...(manifest.host_permissions ?? [])].sort()).toEqual([...PROVIDER_HOSTS].sort());
    // Access to https sites is optional, only for the password-field script (registered at run time).
    expect(manifest.optional_host_permissions).toEqual(['https://*/*']);
    expect(README, 'README must explain the optional host access').toContain('`https://*/*`');
    // No declared content scripts, no door for web pages or other extensions to message us, and
    // nothing a web page may load from the package.
    expect(manifest.content_scripts).toBeUndefined();
    expect(manifest.externally_connectable).toBeUndefined();
    expect(manifest.web_accessible_resources).toBeUndefined();
  });

  test(`${dir}: a content security policy stricter than the default, and no remote code`, () => {
    // Stricter than MV3's default (script-src 'self'; object-src 'self'): no plugins, images from
    // the package, and connections to the three provider hosts only — no local server in a store build.
    expect(manifestOf(dir).content_security_policy).toEqual({
      extension_pages:
        "default-src 'self'; script-src 'self'; object-src 'none'; img-src 'self'; " +
        'connect-src https://api.xposedornot.com https://haveibeenpwned.com https://api.pwnedpasswords.com; ' +
        "base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    });
    for (const file of filesUnder(dir)) {
      if (file.endsWith('.html')) {
        const html = readFileSync(file, 'utf8');
        for (const [, src] of html.matchAll(/<(?:script|link)[^>]+(?:src|href)="([^"]+)"/g)) {
          expect(src, `${file} loads ${src}`).not.toMatch(/^(https?:)?\/\//);
        }
      }
      if (file.endsWith('.js')) {
        const code = readFileSync(file, 'utf8');
        expect(code, `${file}: dynamic import of a URL`).not.toMatch(/import\(\s*["'`]https?:/);
        expect(code, `${file}: importScripts`).not.toMatch(/importScripts\(/);
        expect(code, `${file}: eval`).not.toMatch(/\beval\(/);
        expect(code, `${file}: new Function`).not.toMatch(/new Function\(/);
      }
    }
  });
}
