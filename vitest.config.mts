import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    environment: 'node',
    pool: 'forks',
    // Tests check behaviour, never speed (that is the bench's job): on a loaded two-core machine a large input or a
    // CLI run can take longer than vitest's 5 s default, which would make them fail for the wrong reason.
    testTimeout: 60_000,
  },
});
