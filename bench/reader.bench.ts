// `npm run --silent bench:reader`: requests/s of the reader page (the longer article) versus a trivial
// page of the same app, in the same run: 50 concurrent clients on loopback, production build, SQLite.
// Target: the reader reaches ≥ 80 % of the trivial page. Prints figures; the last line is the ratio.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import autocannon from 'autocannon';
import { createSqliteDatabase, REPO_ROOT, seed } from '../tests/setup/databases';

const DURATION_S = Number(process.argv[2] ?? 10);
const CONNECTIONS = 50;
const PORT = 3199;
const base = `http://127.0.0.1:${PORT}`;
const PAGES = { trivial: '/en/about', reader: '/en/articles/chinas-kalkulation-waffenlieferungen' };

async function waitFor(url: string, server: ChildProcess) {
  for (let i = 0; i < 150; i++) {
    if (server.exitCode !== null) throw new Error('next start exited');
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`not up: ${url}`);
}

async function load(path: string, gzip = false) {
  const headers = gzip ? { 'accept-encoding': 'gzip' } : undefined;
  const result = await autocannon({ url: `${base}${path}`, connections: CONNECTIONS, duration: DURATION_S, headers });
  if (result.non2xx || result.errors) throw new Error(`${path}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return { rps: result.requests.average, p99: result.latency.p99, bytes: result.throughput.average / result.requests.average };
}

const database = await createSqliteDatabase();
seed(database.url);
const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1', DATABASE_URL: database.url, BETTER_AUTH_SECRET: 'test-only-secret-0123456789abcdef0123456789' };
execFileSync(process.execPath, ['node_modules/next/dist/bin/next', 'build'], { cwd: REPO_ROOT, env, stdio: 'ignore' });
const server = spawn(process.execPath, ['node_modules/next/dist/bin/next', 'start', '-p', String(PORT), '-H', '127.0.0.1'], { cwd: REPO_ROOT, env, stdio: 'ignore' });
try {
  await waitFor(`${base}${PAGES.trivial}`, server);
  for (const path of Object.values(PAGES)) await autocannon({ url: `${base}${path}`, connections: 10, duration: 2 }); // warm up
  // As browsers ask (gzip), then uncompressed; the figure that counts is the last line.
  for (const gzip of [true, false]) {
    const trivial = await load(PAGES.trivial, gzip);
    const reader = await load(PAGES.reader, gzip);
    const label = gzip ? 'gzip' : 'identity';
    console.log(`[${label}] trivial page ${PAGES.trivial}: ${trivial.rps.toFixed(0)} req/s, p99 ${trivial.p99} ms, ${(trivial.bytes / 1024).toFixed(1)} KB`);
    console.log(`[${label}] reader page ${PAGES.reader}: ${reader.rps.toFixed(0)} req/s, p99 ${reader.p99} ms, ${(reader.bytes / 1024).toFixed(1)} KB`);
    console.log(`[${label}] reader/trivial: ${((100 * reader.rps) / trivial.rps).toFixed(0)} %`);
  }
} finally {
  server.kill('SIGTERM');
  await database.drop();
}
