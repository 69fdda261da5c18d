import path from 'node:path';
import { defineConfig } from 'vitest/config';

const root = path.resolve(import.meta.dirname, '..');
// scripts/test.mjs runs each project as its own vitest process (timed) and picks them: PostgreSQL and
// browser suites only where their service exists.
//
// Timeouts are for a busy 2-core machine, where everything takes several times as long as on an idle
// one: property checks (fast-check, hundreds of runs), tests that start processes, and the browser.
// A timeout only says when to give up on a hung test; nothing here is a performance assertion.
//
// The unit and integration files of a run share one module graph (isolate: false): each file importing
// lib, Prisma and the lemma table afresh cost about 40 % of those suites' CPU time. So a test file must
// leave no module state behind that another file could see: restore its spies (vi.restoreAllMocks) and
// do not vi.mock modules there.
const alias = { '@': root, 'server-only': path.join(root, 'tests/setup/server-only.ts') };
const integration = (name: string, globalSetup: string) => ({
  extends: true as const,
  test: {
    name,
    include: ['tests/integration/**/*.test.ts'],
    globalSetup: [globalSetup],
    setupFiles: ['tests/setup/use-database.ts', 'tests/setup/fail-on-console.ts'],
    // One database per run: files one after another.
    fileParallelism: false,
    isolate: false,
    testTimeout: 60_000,
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
          isolate: false,
          testTimeout: 30_000,
          hookTimeout: 30_000,
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
          // One app and one database for all files, and tests that count what is in it: one file at a time.
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // Waits are on states (locators, URLs, responses, expect.poll), never on the clock; they may take long.
          expect: { poll: { timeout: 30_000 } },
        },
      },
    ],
  },
});
