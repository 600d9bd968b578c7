import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // Unit and integration tests run the TypeScript sources; end-to-end tests spawn the built bins.
    alias: [
      { find: /^@plan-lint\/core\/testing$/, replacement: fileURLToPath(new URL('./packages/core/src/testing/index.ts', import.meta.url)) },
      { find: /^@plan-lint\/core$/, replacement: fileURLToPath(new URL('./packages/core/src/index.ts', import.meta.url)) },
    ],
  },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'test/**/*.test.ts', 'rules/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**', 'test/e2e/**'],
    testTimeout: 30_000,
    pool: 'forks',
    // Most test files spend their time waiting on the CLI or server processes they spawn: vitest's
    // default (cores - 1) left a 2-core CI machine running one file at a time.
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
