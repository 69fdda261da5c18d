// End-to-end fixture: a production build of the app serving a fresh, seeded SQLite database.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { freePort, waitUntil } from '../../scripts/cluster.mjs';
import { createSqliteDatabase, ensureDictionary, grantAdmin, REPO_ROOT, seed } from './databases';
import { startLibreTranslateStub } from './libretranslate-stub';
import { startPageServer } from './page-server';

// One free-port finder for tests, benchmarks and the cluster (plain JavaScript there, so `node` runs it).
export { freePort };

/**
 * Where tests and benchmarks build the app: not .next, which a running `npm start` serves from. Such a
 * build uses tests/setup/tsconfig.test.json, which extends tsconfig.json (so Next leaves that alone)
 * and is not type-checked again: `npm test`'s typecheck (tests/setup/typecheck.ts) has checked the
 * same files with the same route types.
 */
export const DIST_DIR = '.next-e2e';
export const TEST_TSCONFIG = 'tests/setup/tsconfig.test.json';
/** What next.config.mjs reads to make a test build. */
export const TEST_BUILD_ENV = { NEXT_DIST_DIR: DIST_DIR, NEXT_TEST_TSCONFIG: TEST_TSCONFIG };

/**
 * Runs `next build` or `next typegen` (and whatever needs their next-env.d.ts) and then puts back
 * next-env.d.ts as it was: they point it at DIST_DIR's route types, and tsconfig.json includes .next's,
 * so a plain `tsc` would see Next's global route types twice.
 */
export function keepingNextEnv<T>(run: () => T): T {
  const file = path.join(REPO_ROOT, 'next-env.d.ts');
  const before = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
  try {
    return run();
  } finally {
    if (before === undefined) fs.rmSync(file, { force: true });
    else fs.writeFileSync(file, before);
  }
}

/** The environment `next build` and `next start` run in: a test build serving `databaseUrl`, plus `extraEnv`. */
function appEnv(databaseUrl: string, extraEnv: Record<string, string>): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    ...TEST_BUILD_ENV,
    DATABASE_URL: databaseUrl,
    BETTER_AUTH_SECRET: 'test-only-secret-0123456789abcdef0123456789',
    ...extraEnv,
  };
}

/** A production build of the app serving `databaseUrl` on a free loopback port (also used by bench/); `extraEnv` adds settings. */
export async function startApp(
  databaseUrl: string,
  extraEnv: Record<string, string> = {},
): Promise<{ url: string; stop: () => void }> {
  buildApp(databaseUrl, extraEnv);
  return serveApp(databaseUrl, extraEnv);
}

/** A production build of the app into DIST_DIR (the fault drills reuse the e2e suite's when there is one). */
export function buildApp(databaseUrl: string, extraEnv: Record<string, string> = {}): void {
  const started = Date.now();
  keepingNextEnv(() =>
    execFileSync(process.execPath, ['node_modules/next/dist/bin/next', 'build'], {
      cwd: REPO_ROOT,
      env: appEnv(databaseUrl, extraEnv),
      stdio: 'pipe',
    }),
  );
  console.log(`next build into ${DIST_DIR}: ${Math.round((Date.now() - started) / 1000)} s`);
}

/**
 * A server of the build that startApp made (server.mjs, as `npm start` runs it), on its own port and database: for a test that
 * must not disturb the shared app (it shares the build's cache directory, though).
 */
export async function serveApp(
  databaseUrl: string,
  extraEnv: Record<string, string> = {},
): Promise<{ url: string; stop: () => void }> {
  const port = await freePort();
  // As `npm start` serves it: Next behind the security headers (server.mjs).
  const server = spawn(process.execPath, ['server.mjs', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: REPO_ROOT,
    env: appEnv(databaseUrl, extraEnv),
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const stop = () => {
    process.off('exit', stop);
    server.kill('SIGTERM');
  };
  // The server ends with the process that started it, even one interrupted while the server was starting.
  process.once('exit', stop);
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitUntil(async () => (await fetch(`${url}/en`)).ok, 60_000, {
      name: `the app server at ${url}`,
      child: server,
    });
  } catch (error) {
    stop();
    throw error;
  }
  return { url, stop };
}

const TRANSLATOR_KEY = 'e2e-translator-key';

/** The e2e app's admin: signed up and granted below, as a deployment's first admin is (tests/e2e/accounts.ts). */
export const E2E_ADMIN = { email: 'admin@e2e.test', password: 'e2e admin password' } as const;

export default async function setup(project: TestProject) {
  const database = await createSqliteDatabase();
  // Machine translation goes to a local LibreTranslate-compatible stub ('[MT] ' + the German), with a key.
  const translator = await startLibreTranslateStub({ apiKey: TRANSLATOR_KEY });
  // Web pages to import by link (tests/setup/page-server.ts), on loopback, which only the allowlist lets through.
  const pages = await startPageServer();
  const release = async () => {
    await translator.close();
    await pages.close();
    await database.drop();
  };
  try {
    seed(database.url);
    // The general dictionary, as `npm run setup` puts it in place: Debian's trans-de-en, an installed
    // dependency like chromium (required under CI; .ci/run installs it).
    project.provide('dictionary', ensureDictionary(database.url));
    const app = await startApp(database.url, {
      LIBRETRANSLATE_URL: translator.url,
      LIBRETRANSLATE_API_KEY: TRANSLATOR_KEY,
      // The tests play the reverse proxy: their X-Forwarded-For names a client address (tests/e2e/accounts.ts).
      TRUSTED_PROXIES: '127.0.0.1',
      // As a deployment's default: teacher sign-ups wait for an admin (docs/decisions/021-teacher-approval.md).
      TEACHER_SIGNUP: 'approval',
      // Exactly the page server's host and port may be fetched although not public (docs/decisions/043-import-from-a-link.md).
      IMPORT_FETCH_ALLOW_HOSTS: pages.host,
    });
    // The first admin, as a deployment gets one: an account signs up, then `npm run admin:grant`.
    try {
      const signUp = await fetch(`${app.url}/api/auth/sign-up/email`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: app.url, 'x-forwarded-for': '192.0.2.1' },
        body: JSON.stringify({ name: 'E2E Admin', ...E2E_ADMIN }),
      });
      if (!signUp.ok) throw new Error(`admin sign-up: ${signUp.status} ${await signUp.text()}`);
      grantAdmin(database.url, E2E_ADMIN.email);
    } catch (error) {
      app.stop();
      throw error;
    }
    project.provide('appUrl', app.url);
    project.provide('pagesUrl', pages.url);
    project.provide('databaseUrl', database.url);
    return async () => {
      app.stop();
      await release();
    };
  } catch (error) {
    // A failed seed or build: nothing may keep vitest from ending.
    await release();
    throw error;
  }
}
