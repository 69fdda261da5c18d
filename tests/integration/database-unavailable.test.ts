import net from 'node:net';
import pg from 'pg';
import { afterAll, expect, test } from 'vitest';
import { isDatabaseUnavailable } from '@/lib/db-retry.server';
import { createDb, databaseProvider, db } from '@/lib/db.server';

// What the server answers while the database is away (503 and Retry-After, ADR 040) rests on telling
// "unavailable" from "wrong" in the errors Prisma really throws. The fault drill found one it missed:
// a pooled connection that PostgreSQL terminated at shutdown (SQLSTATE 57P01), which Prisma reports
// as a plain "Database error" (P2039), so a save in that moment answered 500.
const postgres = databaseProvider === 'postgresql';
const MARKER = `${Date.now()}@database-unavailable.test`;

afterAll(async () => {
  await db.user.deleteMany({ where: { email: { endsWith: MARKER } } });
});

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.unreachable('the query succeeded'),
    (error: unknown) => error,
  );
}

test.skipIf(!postgres)(
  'a connection the server terminates under a query is unavailable, also as the cause of another error',
  async () => {
    const client = createDb(process.env.DATABASE_URL!);
    try {
      // A query that waits, found by its text, then terminated as a shutdown terminates every session
      // ("terminating connection due to administrator command"). An idle connection would not do: the
      // pool drops it on the server's notice and the next query simply opens another.
      const marker = `unavailable_${Date.now()}`;
      const running = rejection(client.$queryRawUnsafe(`SELECT /* ${marker} */ pg_sleep(60)`));
      let terminated = false;
      while (!terminated) {
        const rows = await db.$queryRaw<{ done: boolean }[]>`
          SELECT pg_terminate_backend(pid) AS done FROM pg_stat_activity
          WHERE query LIKE ${`%${marker}%`} AND pid <> pg_backend_pid()`;
        terminated = rows.some((row) => row.done);
      }
      const error = await running;
      expect(isDatabaseUnavailable(error)).toBe(true);
      // better-auth passes its storage's error on as the cause of its own.
      expect(isDatabaseUnavailable(new Error('FAILED_TO_GET_SESSION', { cause: error }))).toBe(true);
    } finally {
      await client.$disconnect();
    }
  },
);

test.skipIf(!postgres)('a server that refuses connections is unavailable', async () => {
  // A port that was free a moment ago: nothing listens there.
  const port = await new Promise<number>((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
  const url = new URL(process.env.DATABASE_URL!);
  url.port = String(port);
  const client = createDb(url.toString());
  try {
    expect(isDatabaseUnavailable(await rejection(client.user.count()))).toBe(true);
  } finally {
    await client.$disconnect();
  }
});

test.skipIf(!postgres)(
  'a connection the server terminated while it was idle is unavailable at its next query',
  async () => {
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    const lost = new Promise((resolve) => client.once('error', resolve));
    await client.connect();
    try {
      const [{ pid }] = (await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows as [
        { pid: number },
      ];
      await db.$queryRaw`SELECT pg_terminate_backend(${pid}::int)`;
      await lost; // the server's notice: the client is no longer queryable
      const error = await rejection(client.query('SELECT 1'));
      expect(isDatabaseUnavailable(error)).toBe(true);
      expect(isDatabaseUnavailable(new Error('FAILED_TO_GET_SESSION', { cause: error }))).toBe(true);
    } finally {
      await client.end().catch(() => {});
    }
  },
);

test('a request the database refuses as wrong is not "unavailable"', async () => {
  const email = `twice-${MARKER}`;
  await db.user.create({ data: { name: 'first', email } });
  const duplicate = await rejection(db.user.create({ data: { name: 'second', email } }));
  expect(isDatabaseUnavailable(duplicate)).toBe(false);
  expect(isDatabaseUnavailable(new Error('wrapped', { cause: duplicate }))).toBe(false);
  expect(isDatabaseUnavailable(new Error('Connection refused by the mail server'))).toBe(false);
});
