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
