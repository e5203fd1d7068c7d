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
  [key: string]: unknown;
}

export const GECKO_ID = 'was-i-exposed@extension';

export function manifestFor<M extends ManifestShape>(base: M, target: Target, version: string, grantOptional: boolean): M {
  const manifest: M = structuredClone({ ...base, version });
  if (grantOptional) {
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

export function outDirFor(target: Target, grantOptional: boolean): string {
  return `dist/${target}${grantOptional ? '-granted' : ''}`;
}
