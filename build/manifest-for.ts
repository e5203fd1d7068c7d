/**
 * The one manifest.json, adapted per browser at build time. Chrome and Edge run the background as
 * a service worker; Firefox runs it as background scripts and needs a gecko id and a declaration
 * of what data leaves the device.
 */
export type Target = 'chrome' | 'firefox';

export interface ManifestShape {
  version: string;
  permissions: string[];
  optional_permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  background: { service_worker?: string; scripts?: string[]; type?: string };
  minimum_chrome_version?: string;
  browser_specific_settings?: unknown;
  content_security_policy?: { extension_pages?: string };
  [key: string]: unknown;
}

export const GECKO_ID = 'was-i-exposed@extension';

/**
 * - store: what the stores get. Provider hosts locked to the real https ones.
 * - test: the same code with provider base URLs that may point at the local fixture server
 *   (`__WIE_TEST_BUILD__`, see src/build-flags.ts) and a CSP that lets extension pages reach it.
 * - granted: a test build that also declares the optional permissions as required.
 * Only store builds are ever packaged.
 */
export type BuildKind = 'store' | 'test' | 'granted';

export function buildKindFrom(env: Record<string, string | undefined>): BuildKind {
  if (env.WIE_GRANT_OPTIONAL === '1') return 'granted';
  return env.WIE_TEST_BUILD === '1' ? 'test' : 'store';
}

/** Where the test builds' pages may also connect: the local fixture server, on any port. */
export const TEST_CONNECT_SOURCES = ['http://127.0.0.1:*', 'http://localhost:*'];

/**
 * The extension pages' (and the worker's) CSP, enforced by the browser: scripts and images from the
 * package only, no plugins, and connections to the three provider hosts (the same list as
 * host_permissions) — so "addresses go only to the provider" does not rest on our code alone.
 */
export function extensionPagesCsp(hostPermissions: readonly string[], kind: BuildKind): string {
  const providers = hostPermissions.map((pattern) => new URL(pattern.replace(/\*$/, '')).origin);
  const connect = [...providers, ...(kind === 'store' ? [] : TEST_CONNECT_SOURCES)];
  return [
    "default-src 'self'",
    "script-src 'self'",
    "object-src 'none'",
    "img-src 'self'",
    `connect-src ${connect.join(' ')}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export function manifestFor<M extends ManifestShape>(base: M, target: Target, version: string, kind: BuildKind): M {
  const manifest: M = structuredClone({ ...base, version });
  manifest.content_security_policy = { extension_pages: extensionPagesCsp(base.host_permissions ?? [], kind) };
  if (kind === 'granted') {
    // Optional permissions cannot be granted in a headless test (the prompt never resolves), so
    // the end-to-end suite also gets a build that declares them as required. Never shipped.
    manifest.permissions = [...manifest.permissions, ...(manifest.optional_permissions ?? [])];
    delete manifest.optional_permissions;
    manifest.host_permissions = [...(manifest.host_permissions ?? []), ...(manifest.optional_host_permissions ?? [])];
    delete manifest.optional_host_permissions;
  }
  if (target === 'firefox') {
    const worker = manifest.background.service_worker;
    manifest.background = { scripts: worker ? [worker] : [], type: 'module' };
    delete manifest.minimum_chrome_version;
    manifest.browser_specific_settings = {
      gecko: {
        id: GECKO_ID,
        // 140 is the first Firefox with the built-in data-collection consent.
        strict_min_version: '140.0',
        // The only thing that leaves the device: the user's own email addresses, sent to the
        // breach provider the user chose, to look them up.
        data_collection_permissions: { required: ['personallyIdentifyingInfo'] },
      },
      // Firefox for Android reads data_collection_permissions from 142 on.
      gecko_android: { strict_min_version: '142.0' },
    };
  }
  return manifest;
}

export function outDirFor(target: Target, kind: BuildKind): string {
  return `dist/${target}${kind === 'store' ? '' : `-${kind}`}`;
}
