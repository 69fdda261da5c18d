import { inject } from 'vitest';

// Runs before each integration test file imports lib: lib/env.server.ts reads DATABASE_URL once.
process.env.DATABASE_URL = inject('databaseUrl');

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
    appUrl: string;
    /** The e2e suite's page server for imports by link (tests/setup/page-server.ts). */
    pagesUrl: string;
    /** The e2e app has the general dictionary (Debian's trans-de-en) imported. */
    dictionary: boolean;
  }
}
