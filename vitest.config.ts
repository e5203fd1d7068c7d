import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'e2e/server/**/*.test.ts', 'e2e/chaos/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    // UI tests opt into happy-dom with a `// @vitest-environment happy-dom` docblock.
  },
});
