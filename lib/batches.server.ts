import 'server-only';

// Large writes and reads in bounded pieces, with the event loop given back in between, so that one
// request never holds the server for long (docs/decisions/019-worker-threads-and-bounded-writes.md).
// Prisma builds each statement on the main thread, 0.1–0.5 ms of CPU per row here, and better-sqlite3
// runs it there too: a 5,000-row createMany held every other request for seconds.

/** Rows per write statement: 5–25 ms of Prisma's work (more on a busy machine). */
export const WRITE_BATCH = 50;
/** Values per `in` list of a read. */
export const READ_BATCH = 500;

/** One turn of the event loop: timers, I/O and other requests run before this continues. */
export const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** `items` in pieces of `size`, in order. */
export function piecesOf<T>(items: readonly T[], size: number): T[][] {
  const pieces: T[][] = [];
  for (let i = 0; i < items.length; i += size) pieces.push(items.slice(i, i + size));
  return pieces;
}

/**
 * Runs `run` on `items` in pieces of `size` (default WRITE_BATCH), one after another, with a turn of
 * the event loop before each and after the last; returns the pieces' results in order.
 */
export async function inBatches<T, R>(
  items: readonly T[],
  run: (batch: T[]) => Promise<R>,
  size: number = WRITE_BATCH,
): Promise<R[]> {
  const results: R[] = [];
  for (const piece of piecesOf(items, size)) {
    await nextTurn();
    results.push(await run(piece));
  }
  await nextTurn();
  return results;
}

/**
 * For a loop of many small awaited statements (which on SQLite never leave the event loop by
 * themselves): `await breathe()` after each gives the loop a turn once `ms` have passed since the last.
 */
export function breather(ms = 20): () => Promise<void> {
  let since = performance.now();
  return async () => {
    if (performance.now() - since < ms) return;
    await nextTurn();
    since = performance.now();
  };
}
