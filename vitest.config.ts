import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'e2e/server/**/*.test.ts', 'e2e/chaos/**/*.test.ts', 'scripts/**/*.test.ts', 'build/**/*.test.ts'],
    environment: 'node',
    // Tests judge results, never speed: a busy 2-core machine must not fail a slow property test.
    testTimeout: 60_000,
    // UI tests opt into happy-dom with a `// @vitest-environment happy-dom` docblock.
  },
});
