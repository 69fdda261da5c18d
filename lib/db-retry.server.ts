import 'server-only';

// Writes that race: two requests create the same unique row (P2002), or PostgreSQL aborts a
// transaction for a write conflict or deadlock (P2034). Running the whole transaction again
// resolves both; the attempts are bounded.

/** Transactions may queue behind each other (SQLite has one writer; PostgreSQL row locks). */
export const TX_OPTIONS = { maxWait: 15_000, timeout: 30_000 } as const;

const RETRYABLE = new Set(['P2002', 'P2034']);
const ATTEMPTS = 8;

/** Prisma's error code (P2002 …) of a thrown error, or null. */
export function prismaErrorCode(error: unknown): string | null {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : null;
}

export async function retrying<T>(run: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (attempt >= ATTEMPTS || !RETRYABLE.has(prismaErrorCode(error) ?? '')) throw error;
    }
  }
}

// The database cannot be reached or does not answer: the server is down or restarting, the network is
// cut, SQLite is locked by another process (BUSY), or every pooled connection is taken. Such a request
// may succeed a little later, so it is answered 503 with Retry-After rather than 500.
const UNAVAILABLE = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024', 'P2037']);
/** pg's own error (passed on as is by the adapter) when the server goes away under a running query. */
const CONNECTION_LOST = /^Connection terminated/;

export { RETRY_AFTER_SECONDS } from './request-outcome.server.mjs';

/** True for an error that says the database is unavailable right now, not that the request is wrong. */
export function isDatabaseUnavailable(error: unknown): boolean {
  return (
    UNAVAILABLE.has(prismaErrorCode(error) ?? '') || (error instanceof Error && CONNECTION_LOST.test(error.message))
  );
}
