import type { SettingsRules } from './core/settings';

/**
 * Set by vite's `define` (vite.config.ts): true only in the test and dev builds (`npm run
 * build:test`, `npm start`), never in the store builds. Unit tests run unbuilt code, where the name
 * is undefined: they get the store behaviour unless a test passes other rules in.
 */
declare const __WIE_TEST_BUILD__: boolean | undefined;

export const TEST_BUILD: boolean = typeof __WIE_TEST_BUILD__ !== 'undefined' && __WIE_TEST_BUILD__ === true;

/** What this build lets settings do: store builds talk to the real provider hosts only. */
export const BUILD_RULES: SettingsRules = { hostOverrides: TEST_BUILD };
