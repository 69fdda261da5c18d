import { afterAll, expect, test } from 'vitest';
import { nextTurn } from '@/lib/batches.server';
import { db } from '@/lib/db.server';

// Long transactions (an import, publishing) now give the event loop turns between their batches, so
// other requests' queries run while they are open. On SQLite, one better-sqlite3 connection, such a
// query used to run inside the open transaction (lib/db.server.ts): it saw rows that were never
// committed, and its writes were rolled back with the transaction. Runs on SQLite and PostgreSQL.
const MARKER = `${Date.now()}@transactions.test`;

afterAll(async () => {
  await db.user.deleteMany({ where: { email: { endsWith: MARKER } } });
});

test('a query made during a transaction neither sees its uncommitted rows nor is rolled back with it', async () => {
  let seen: number | undefined;
  let outside: Promise<unknown> | undefined;
  await expect(
    db.$transaction(async (tx) => {
      await tx.user.create({ data: { name: 'inside', email: `inside-${MARKER}` } });
      // Another request, while this transaction waits between two batches.
      outside = Promise.all([
        db.user.count({ where: { email: `inside-${MARKER}` } }).then((count) => (seen = count)),
        db.user.create({ data: { name: 'outside', email: `outside-${MARKER}` } }),
      ]);
      await nextTurn();
      await new Promise((resolve) => setTimeout(resolve, 20));
      throw new Error('rolled back');
    }),
  ).rejects.toThrow('rolled back');
  await outside;
  expect(seen).toBe(0);
  expect(
    (await db.user.findMany({ where: { email: { endsWith: MARKER } }, select: { name: true } })).map((u) => u.name),
  ).toEqual(['outside']);
});
