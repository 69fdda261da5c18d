// End-to-end fixture: a production build of the app serving a fresh, seeded SQLite database.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { createSqliteDatabase, REPO_ROOT, seed } from './databases';
import { startLibreTranslateStub } from './libretranslate-stub';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
    server.on('error', reject);
  });
}

async function waitForHttp(url: string, timeoutMs: number, server: ChildProcess): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`next start exited with ${server.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`server not up: ${url}`);
}

/**
 * Where tests and benchmarks build the app (next.config.mjs reads NEXT_DIST_DIR): not .next, which a
 * running `npm start` serves from. Such a build type-checks with its own route types
 * (tests/setup/tsconfig.e2e.json), and tsconfig.json stays as it is.
 */
export const DIST_DIR = '.next-e2e';
const TSCONFIG = 'tests/setup/tsconfig.e2e.json';

/**
 * Runs a build and puts back next-env.d.ts as it was: the build points it at the types of DIST_DIR,
 * and tsconfig.json includes .next's, so `tsc` would see Next's global route types twice.
 */
function keepingNextEnv(build: () => void): void {
  const file = path.join(REPO_ROOT, 'next-env.d.ts');
  const before = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
  try {
    build();
  } finally {
    if (before === undefined) fs.rmSync(file, { force: true });
    else fs.writeFileSync(file, before);
  }
}

/** A production build of the app serving `databaseUrl` on a free loopback port (also used by bench/); `extraEnv` adds settings. */
export async function startApp(
  databaseUrl: string,
  extraEnv: Record<string, string> = {},
): Promise<{ url: string; stop: () => void }> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    NEXT_DIST_DIR: DIST_DIR,
    NEXT_TSCONFIG_PATH: TSCONFIG,
    DATABASE_URL: databaseUrl,
    BETTER_AUTH_SECRET: 'test-only-secret-0123456789abcdef0123456789',
    ...extraEnv,
  };
  const started = Date.now();
  keepingNextEnv(() =>
    execFileSync(process.execPath, ['node_modules/next/dist/bin/next', 'build'], {
      cwd: REPO_ROOT,
      env,
      stdio: 'pipe',
    }),
  );
  console.log(`next build into ${DIST_DIR}: ${Math.round((Date.now() - started) / 1000)} s`);
  const port = await freePort();
  const server = spawn(
    process.execPath,
    ['node_modules/next/dist/bin/next', 'start', '-p', String(port), '-H', '127.0.0.1'],
    {
      cwd: REPO_ROOT,
      env,
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForHttp(`${url}/en`, 60_000, server);
  } catch (error) {
    server.kill('SIGTERM');
    throw error;
  }
  return { url, stop: () => server.kill('SIGTERM') };
}

const TRANSLATOR_KEY = 'e2e-translator-key';

export default async function setup(project: TestProject) {
  const database = await createSqliteDatabase();
  // Machine translation goes to a local LibreTranslate-compatible stub ('[MT] ' + the German), with a key.
  const translator = await startLibreTranslateStub({ apiKey: TRANSLATOR_KEY });
  const release = async () => {
    await translator.close();
    await database.drop();
  };
  try {
    seed(database.url);
    const app = await startApp(database.url, {
      LIBRETRANSLATE_URL: translator.url,
      LIBRETRANSLATE_API_KEY: TRANSLATOR_KEY,
    });
    project.provide('appUrl', app.url);
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
