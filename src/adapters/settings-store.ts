import { ext } from './ext';
import { DEFAULT_SETTINGS, LEGACY_KEYS, validateSettings, type Settings } from '../core/settings';
import { BUILD_RULES } from '../build-flags';

const KEYS = [...Object.keys(DEFAULT_SETTINGS), ...LEGACY_KEYS];

/**
 * Settings live in storage.local — never storage.sync, because the HIBP key must not leave this
 * device. Every load is validated; a value that fails is reset on disk too, so it cannot linger.
 */
export async function loadSettings(): Promise<Settings> {
  const stored = await ext.storage.local.get(KEYS);
  const { settings, reset, legacy } = validateSettings(stored, BUILD_RULES);
  if (legacy.length > 0) {
    // Written before the old key goes, so a worker killed in between reads the old key again.
    if (!reset.includes('providers')) await ext.storage.local.set({ providers: settings.providers });
    await ext.storage.local.remove(legacy);
  }
  if (reset.length > 0) {
    await ext.storage.local.remove(reset);
    console.warn(`Was I Exposed?: reset invalid settings to their defaults: ${reset.join(', ')}`);
  }
  return settings;
}

export async function saveSettings(patch: Partial<Settings>): Promise<void> {
  await ext.storage.local.set(patch);
}
