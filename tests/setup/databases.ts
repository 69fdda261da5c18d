// Fresh, migrated test databases: one SQLite file or one PostgreSQL database per test run.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');
export const PG_ADMIN_URL = process.env.TEST_PG_ADMIN_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

export type TestDatabase = { url: string; drop: () => Promise<void> };

export function migrate(url: string): void {
  execFileSync(process.execPath, ['scripts/db-migrate.mjs', 'deploy'], {
    cwd: REPO_ROOT,
    env: { ...process.env, DATABASE_URL: url },
    stdio: 'pipe',
  });
}

export function seed(url: string): void {
  execFileSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', '--conditions=react-server', 'prisma/seed.ts'], {
    cwd: REPO_ROOT,
    env: { ...process.env, DATABASE_URL: url },
    stdio: 'pipe',
  });
}

/** Where Debian's trans-de-en package installs the dictionary that `npm run setup` imports. */
export const DEBIAN_DICTIONARY = '/usr/share/trans/de-en';

/**
 * `npm run dict:ensure` against the database at `url`: imports Debian's dictionary (about a minute) and
 * says whether it is there. Without the package: required under CI=true, else a visible warning and
 * false (the tests that need meanings skip).
 */
export function ensureDictionary(url: string): boolean {
  if (!fs.existsSync(DEBIAN_DICTIONARY)) {
    const message = `no general dictionary at ${DEBIAN_DICTIONARY} (apt-get install trans-de-en)`;
    if (process.env.CI === 'true') throw new Error(`${message}: required because CI=true`);
    console.warn(`\n⚠ SKIPPED the end-to-end tests that need word meanings: ${message}`);
    return false;
  }
  const started = Date.now();
  execFileSync(
    process.execPath,
    ['node_modules/tsx/dist/cli.mjs', '--conditions=react-server', 'scripts/dict-ensure.ts'],
    {
      cwd: REPO_ROOT,
      env: { ...process.env, DATABASE_URL: url },
      stdio: 'pipe',
    },
  );
  console.log(`dictionary import: ${Math.round((Date.now() - started) / 1000)} s`);
  return true;
}

/** `npm run admin:grant -- <email>` against the database at `url`: how a deployment gets its first admin. */
export function grantAdmin(url: string, email: string): string {
  return execFileSync(
    process.execPath,
    ['node_modules/tsx/dist/cli.mjs', '--conditions=react-server', 'scripts/admin-role.ts', 'grant', email],
    { cwd: REPO_ROOT, env: { ...process.env, DATABASE_URL: url }, stdio: 'pipe', encoding: 'utf8' },
  );
}

export async function createSqliteDatabase(): Promise<TestDatabase> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lesebruecke-test-'));
  const url = `file:${path.join(dir, 'test.db')}`;
  migrate(url);
  return { url, drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
}

export async function createPostgresDatabase(): Promise<TestDatabase> {
  const name = `lesebruecke_test_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  migrate(url.toString());
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: PG_ADMIN_URL });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
