// End-to-end fixture: a production build of the app serving a fresh, seeded SQLite database.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import net from 'node:net';
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

/** A production build of the app serving `databaseUrl` on a free loopback port (also used by bench/); `extraEnv` adds settings. */
export async function startApp(
  databaseUrl: string,
  extraEnv: Record<string, string> = {},
): Promise<{ url: string; stop: () => void }> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    DATABASE_URL: databaseUrl,
    BETTER_AUTH_SECRET: 'test-only-secret-0123456789abcdef0123456789',
    ...extraEnv,
  };
  execFileSync(process.execPath, ['node_modules/next/dist/bin/next', 'build'], { cwd: REPO_ROOT, env, stdio: 'pipe' });
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
  await waitForHttp(`${url}/en`, 30_000, server);
  return { url, stop: () => server.kill('SIGTERM') };
}

const TRANSLATOR_KEY = 'e2e-translator-key';

export default async function setup(project: TestProject) {
  const database = await createSqliteDatabase();
  seed(database.url);
  // Machine translation goes to a local LibreTranslate-compatible stub ('[MT] ' + the German), with a key.
  const translator = await startLibreTranslateStub({ apiKey: TRANSLATOR_KEY });
  const app = await startApp(database.url, {
    LIBRETRANSLATE_URL: translator.url,
    LIBRETRANSLATE_API_KEY: TRANSLATOR_KEY,
  });
  project.provide('appUrl', app.url);
  return async () => {
    app.stop();
    await translator.close();
    await database.drop();
  };
}
