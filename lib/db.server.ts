import 'server-only';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlDriverAdapter, SqlDriverAdapterFactory, Transaction } from '@prisma/driver-adapter-utils';
import { PrismaClient as PostgresClient } from '@/prisma/generated/postgres/client';
import { Prisma, PrismaClient as SqliteClient } from '@/prisma/generated/sqlite/client';
import { env } from './env.server';

// Both generated clients expose the same model API (one schema, two providers); the adapter is
// chosen by DATABASE_URL. See docs/decisions/001-two-database-prisma.md.
export type Db = SqliteClient;
/** The client handed to an interactive transaction's callback. */
export type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];

function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//.test(url);
}

/**
 * SQLite through better-sqlite3 is one connection, and its adapter makes transactions wait for each
 * other but not other queries: a query made outside a transaction while one is open runs inside it,
 * sees its uncommitted rows and is rolled back with it. That could not happen while a transaction ran
 * from BEGIN to COMMIT without giving the event loop a turn; long ones now do (lib/batches.server.ts,
 * docs/decisions/019-worker-threads-and-bounded-writes.md), so here every query outside a transaction
 * waits until no transaction is open or waiting to begin.
 */
export function outsideTransactions(factory: SqlDriverAdapterFactory): SqlDriverAdapterFactory {
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => {
      const adapter = await factory.connect();
      let transactions = 0;
      let none = Promise.resolve();
      let settle = () => {};
      const begun = () => {
        if (transactions++ === 0) none = new Promise((resolve) => (settle = resolve));
      };
      const ended = () => {
        if (--transactions === 0) settle();
      };
      const outside = async <T>(run: () => Promise<T>): Promise<T> => {
        while (transactions > 0) await none;
        return run();
      };
      const gated: SqlDriverAdapter = {
        provider: adapter.provider,
        adapterName: adapter.adapterName,
        queryRaw: (query) => outside(() => adapter.queryRaw(query)),
        executeRaw: (query) => outside(() => adapter.executeRaw(query)),
        executeScript: (script) => outside(() => adapter.executeScript(script)),
        dispose: () => adapter.dispose(),
        startTransaction: async (isolationLevel) => {
          begun();
          let transaction: Transaction;
          try {
            transaction = await adapter.startTransaction(isolationLevel);
          } catch (error) {
            ended();
            throw error;
          }
          let open = true;
          const finishing = async (finish: () => Promise<void>) => {
            try {
              await finish();
            } finally {
              if (open) ended();
              open = false;
            }
          };
          return {
            provider: transaction.provider,
            adapterName: transaction.adapterName,
            options: transaction.options,
            queryRaw: (query) => transaction.queryRaw(query),
            executeRaw: (query) => transaction.executeRaw(query),
            commit: () => finishing(() => transaction.commit()),
            rollback: () => finishing(() => transaction.rollback()),
            ...(transaction.createSavepoint && {
              createSavepoint: (name: string) => transaction.createSavepoint!(name),
              rollbackToSavepoint: (name: string) => transaction.rollbackToSavepoint!(name),
              releaseSavepoint: (name: string) => transaction.releaseSavepoint!(name),
            }),
          };
        },
      };
      if (adapter.getConnectionInfo) gated.getConnectionInfo = () => adapter.getConnectionInfo!();
      return gated;
    },
  };
}

/**
 * Every transaction may wait for its turn: SQLite has one writer, PostgreSQL rows lock, and under load
 * a pooled connection may be free only seconds later. Prisma's defaults (2 s to start, 5 s to finish)
 * turned a busy moment into failed grades and imports (bench:cluster-load), so waiting is the rule.
 */
const TRANSACTION_OPTIONS = { maxWait: 15_000, timeout: 30_000 } as const;

/** A client of the database at `url` (tests make fresh databases with it). */
export function createDb(url: string): Db {
  if (isPostgresUrl(url)) {
    return new PostgresClient({
      adapter: new PrismaPg({ connectionString: url, max: env.DATABASE_POOL_SIZE }),
      transactionOptions: TRANSACTION_OPTIONS,
    }) as unknown as Db;
  }
  return new SqliteClient({
    adapter: outsideTransactions(new PrismaBetterSqlite3({ url })),
    transactionOptions: TRANSACTION_OPTIONS,
  });
}

// One client per process; memoised on globalThis so dev-mode module reloads do not leak connections.
const holder = globalThis as unknown as { lesebrueckeDb?: Db };
export const db: Db = (holder.lesebrueckeDb ??= createDb(env.DATABASE_URL));

/** The provider behind `db`, for libraries that generate SQL themselves (better-auth's adapter). */
export const databaseProvider: 'postgresql' | 'sqlite' = isPostgresUrl(env.DATABASE_URL) ? 'postgresql' : 'sqlite';

/** `a, b, c` as bound parameters of a $queryRaw template (`IN (${sqlList(slugs)})`): the same on both databases. */
export const sqlList = (values: readonly string[]) => Prisma.join(values);
