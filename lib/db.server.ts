import 'server-only';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient as PostgresClient } from '@/prisma/generated/postgres/client';
import { PrismaClient as SqliteClient } from '@/prisma/generated/sqlite/client';
import { env } from './env.server';

// Both generated clients expose the same model API (one schema, two providers); the adapter is
// chosen by DATABASE_URL. See docs/decisions/001-two-database-prisma.md.
export type Db = SqliteClient;
/** The client handed to an interactive transaction's callback. */
export type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];

function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//.test(url);
}

function createDb(url: string): Db {
  if (isPostgresUrl(url)) {
    return new PostgresClient({ adapter: new PrismaPg({ connectionString: url }) }) as unknown as Db;
  }
  return new SqliteClient({ adapter: new PrismaBetterSqlite3({ url }) });
}

// One client per process; memoised on globalThis so dev-mode module reloads do not leak connections.
const holder = globalThis as unknown as { lesebrueckeDb?: Db };
export const db: Db = (holder.lesebrueckeDb ??= createDb(env.DATABASE_URL));

/** The provider behind `db`, for libraries that generate SQL themselves (better-auth's adapter). */
export const databaseProvider: 'postgresql' | 'sqlite' = isPostgresUrl(env.DATABASE_URL) ? 'postgresql' : 'sqlite';
