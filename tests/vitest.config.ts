import path from 'node:path';
import { defineConfig } from 'vitest/config';

const root = path.resolve(import.meta.dirname, '..');
// scripts/test.mjs picks the projects: PostgreSQL and browser suites only where their service exists.
const alias = { '@': root, 'server-only': path.join(root, 'tests/setup/server-only.ts') };
const integration = (name: string, globalSetup: string) => ({
  extends: true as const,
  test: {
    name,
    include: ['tests/integration/**/*.test.ts'],
    globalSetup: [globalSetup],
    setupFiles: ['tests/setup/use-database.ts', 'tests/setup/fail-on-console.ts'],
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

export default defineConfig({
  root,
  resolve: { alias },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: [
            'lib/**/*.test.ts',
            'components/**/*.test.{ts,tsx}',
            'tests/unit/**/*.test.ts',
            'tests/text/**/*.test.ts',
          ],
          setupFiles: ['tests/setup/fail-on-console.ts'],
        },
      },
      integration('integration-sqlite', 'tests/setup/sqlite-global.ts'),
      integration('integration-postgres', 'tests/setup/postgres-global.ts'),
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.e2e.test.ts'],
          globalSetup: ['tests/setup/app-server.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
