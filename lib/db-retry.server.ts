import 'server-only';

// Writes that race: two requests create the same unique row (P2002), or PostgreSQL aborts a
// transaction for a write conflict or deadlock (P2034). Running the whole transaction again
// resolves both; the attempts are bounded.

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
/**
 * PostgreSQL's SQLSTATEs for the same: class 08 (connection exception), 57P01–57P03 (terminated by a
 * shutdown, a crash, or "cannot connect now" while it starts or stops) and 53300 (too many
 * connections). Prisma reports them as a plain "Database error" (P2039) with the code in the driver
 * adapter's error; pg's own errors carry it as `code`.
 */
const UNAVAILABLE_SQLSTATE = /^(?:08[0-9A-Z]{3}|57P0[123]|53300)$/;
/**
 * pg's own errors (passed on as they are by the adapter) when the server goes away under a running
 * query, or when a query is given a pooled connection the server has just terminated (the fault
 * drill's PostgreSQL outage met this one twice in 800 requests).
 */
const CONNECTION_LOST = /^(?:Connection terminated|Client has encountered a connection error and is not queryable)/;

export { RETRY_AFTER_SECONDS } from './request-outcome.server.mjs';

/** The SQLSTATE that the driver adapter kept of a "Database error" (P2039), or null. */
function adapterSqlState(error: unknown): string | null {
  const meta = typeof error === 'object' && error !== null && 'meta' in error ? error.meta : null;
  const adapterError = (meta as { driverAdapterError?: { cause?: { originalCode?: unknown } } } | null)
    ?.driverAdapterError;
  const code = adapterError?.cause?.originalCode;
  return typeof code === 'string' ? code : null;
}

/**
 * True for an error that says the database is unavailable right now, not that the request is wrong;
 * also when such an error is the cause of another (better-auth wraps its storage's errors).
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let depth = 0, current = error; current && depth < 5; depth++) {
    const code = prismaErrorCode(current) ?? '';
    if (UNAVAILABLE.has(code) || UNAVAILABLE_SQLSTATE.test(code)) return true;
    if (UNAVAILABLE_SQLSTATE.test(adapterSqlState(current) ?? '')) return true;
    if (current instanceof Error && CONNECTION_LOST.test(current.message)) return true;
    current = current instanceof Error ? current.cause : undefined;
  }
  return false;
}
