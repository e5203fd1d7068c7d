// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Imports each context may not make. Boundaries are enforced here, not remembered. */
const browserApis = [
  { name: 'webextension-polyfill', message: 'src/core is pure: no browser API. Pass data in instead.' },
  { name: 'idb', message: 'src/core is pure: no idb. Storage lives in src/storage.' },
];
const zone = (from, message) => ({ group: from, message });
const pagePolyfill = {
  name: 'webextension-polyfill',
  allowTypeImports: true,
  message: 'Pages use the browser\'s own API: import { ext } from src/adapters/ext.ts (types may still come from the polyfill).',
};

export default tseslint.config(
  { ignores: ['dist/**', 'artifacts/**', '.tmp/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'bench/results.json', 'bench/results.quick.json'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    // Nothing outside this extension may talk to it: no listener for other extensions or web pages.
    files: ['src/**'],
    rules: {
      'no-restricted-properties': ['error',
        { property: 'onMessageExternal', message: 'Messages from other extensions and web pages are never listened to.' },
        { property: 'onConnectExternal', message: 'Connections from other extensions and web pages are never listened to.' },
      ],
    },
  },
  {
    files: ['src/core/**'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: browserApis,
        patterns: [zone(['**/storage/**', '**/background/**', '**/ui/**', '**/providers/**', '**/messages*', '**/adapters/**'], 'src/core imports nothing context-specific.')],
      }],
      'no-restricted-globals': ['error', 'chrome', 'browser', 'fetch', 'indexedDB', 'document', 'window', 'localStorage'],
    },
  },
  {
    files: ['src/providers/**'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: browserApis,
        patterns: [zone(['**/storage/**', '**/background/**', '**/ui/**'], 'Providers turn HTTP into the core model; fetch is injected.')],
      }],
      'no-restricted-globals': ['error', 'chrome', 'browser', 'fetch', 'indexedDB', 'document', 'window'],
    },
  },
  {
    // Extension pages (and the adapters they share with the background) use the browser's own
    // promise API through src/adapters/ext.ts: the polyfill would cost the popup a third of its
    // JavaScript budget. Its types stay usable.
    files: ['src/adapters/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { paths: [pagePolyfill] }],
    },
  },
  {
    files: ['src/ui/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        paths: [pagePolyfill],
        // One exception: the password check runs in the page and calls Pwned Passwords itself, so
        // the password never crosses into the background (no message, no worker state). Only that
        // provider file, whose HTTP function accepts nothing but a 5-character hash prefix.
        patterns: [zone(['**/background/**', '**/providers/**', '!**/providers/pwned-passwords'], 'UI asks the background through src/messages.ts; it may read storage directly.')],
      }],
    },
  },
  {
    // Injected into web pages: kept tiny and on its own. Only the pure hash helpers may come in.
    files: ['src/content/**'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [...browserApis, { name: 'preact', message: 'The content script stays tiny: plain DOM only.' }],
        patterns: [zone(['**/storage/**', '**/background/**', '**/ui/**', '**/providers/**', '**/adapters/**', '**/messages*', 'preact/*'], 'The content script imports only src/core.')],
      }],
      'no-restricted-globals': ['error', 'localStorage', 'sessionStorage', 'indexedDB', 'fetch'],
      'no-console': 'error',
    },
  },
  {
    files: ['src/background/**', 'src/storage/**'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [zone(['**/ui/**'], 'The background must not import UI code.')],
      }],
    },
  },
  {
    // A provider is described once (src/core/provider-registry.ts, src/providers/registry.ts):
    // code that asks "is it HIBP?" would silently give a third provider the other's behaviour.
    // Only a provider's own module may name its id in a comparison.
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    ignores: ['**/*.test.ts', '**/*.test.tsx', 'src/providers/hibp.ts', 'src/providers/xposedornot.ts'],
    rules: {
      'no-restricted-syntax': ['error',
        {
          selector: "BinaryExpression[operator=/^[!=]==?$/] > Literal[value=/^(hibp|xposedornot)$/]",
          message: 'No comparison with a provider id: read what differs from the provider registry (PROVIDERS[id]).',
        },
        {
          selector: "SwitchCase > Literal[value=/^(hibp|xposedornot)$/]",
          message: 'No switch on a provider id: read what differs from the provider registry (PROVIDERS[id]).',
        },
      ],
    },
  },
  {
    files: ['e2e/**', 'scripts/**', 'bench/**', '**/*.test.ts', '**/*.test.tsx'],
    rules: { 'no-console': 'off' },
  },
);
