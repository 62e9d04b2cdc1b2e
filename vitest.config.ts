import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          sequence: { groupOrder: 0 },
          include: ['packages/domain/test/**/*.test.ts', 'apps/*/test/unit/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'integration',
          // after the unit tests, with a worker count of its own (each file starts a database clone)
          sequence: { groupOrder: 1 },
          include: [
            'apps/*/test/**/*.test.ts',
            'packages/sdk/test/**/*.test.ts',
            'examples/test/**/*.test.ts',
          ],
          exclude: ['apps/*/test/unit/**'],
          globalSetup: ['packages/testing/src/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          pool: 'forks',
          maxWorkers: 3,
        },
      },
    ],
  },
});
