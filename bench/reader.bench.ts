// `npm run --silent bench:reader`: requests/s of the reader page (the longer article) versus a trivial
// page of the same app, in the same run: 50 concurrent clients on loopback, production build, SQLite.
// Target: the reader reaches ≥ 80 % of the trivial page. Prints figures; the last line is the ratio.
// For scale it also serves the same two responses' bytes from a plain Node server (no framework, bytes
// in memory): the most any server could do for pages of these sizes against this client on this machine.
import { spawn } from 'node:child_process';
import autocannon from 'autocannon';
import { startApp } from '../tests/setup/app-server';
import { createSqliteDatabase, seed } from '../tests/setup/databases';

const DURATION_S = Number(process.argv[2] ?? 10);
const CONNECTIONS = 50;
const PAGES = { trivial: '/en/about', reader: '/en/articles/chinas-kalkulation-waffenlieferungen' };

async function load(base: string, path: string, gzip = false) {
  const headers = gzip ? { 'accept-encoding': 'gzip' } : undefined;
  const result = await autocannon({ url: `${base}${path}`, connections: CONNECTIONS, duration: DURATION_S, headers });
  if (result.non2xx || result.errors) throw new Error(`${path}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return {
    rps: result.requests.average,
    p99: result.latency.p99,
    bytes: result.throughput.average / result.requests.average,
  };
}

/** A child process serving `pages` (path → bytes) from memory: no routing, no rendering, no cache lookup. */
async function startPlainServer(pages: Record<string, string>): Promise<{ url: string; stop: () => void }> {
  const program = `
    const http = require('node:http');
    let input = '';
    process.stdin.on('data', (chunk) => (input += chunk)).on('end', () => {
      const pages = Object.fromEntries(Object.entries(JSON.parse(input)).map(([path, body]) => [path, Buffer.from(body)]));
      const server = http.createServer((req, res) => {
        const body = pages[req.url];
        res.writeHead(body ? 200 : 404, { 'content-type': 'text/html; charset=utf-8', 'content-length': body ? body.length : 0 });
        res.end(body);
      }).listen(0, '127.0.0.1', () => console.log(server.address().port));
    });`;
  const child = spawn(process.execPath, ['-e', program], { stdio: ['pipe', 'pipe', 'inherit'] });
  child.stdin.end(JSON.stringify(pages));
  const port = await new Promise<string>((resolve) =>
    child.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString().trim())),
  );
  return { url: `http://127.0.0.1:${port}`, stop: () => child.kill() };
}

const database = await createSqliteDatabase();
seed(database.url);
const app = await startApp(database.url);
const base = app.url;
try {
  for (const path of Object.values(PAGES)) await autocannon({ url: `${base}${path}`, connections: 10, duration: 2 }); // warm up
  // As browsers ask (gzip), then uncompressed; the figure that counts is the last line.
  const runs: Record<string, { trivial: number; reader: number }> = {};
  for (const gzip of [true, false]) {
    const trivial = await load(base, PAGES.trivial, gzip);
    const reader = await load(base, PAGES.reader, gzip);
    const label = gzip ? 'gzip' : 'identity';
    runs[label] = { trivial: trivial.rps, reader: reader.rps };
    console.log(
      `[${label}] trivial page ${PAGES.trivial}: ${trivial.rps.toFixed(0)} req/s, p99 ${trivial.p99} ms, ${(trivial.bytes / 1024).toFixed(1)} KB`,
    );
    console.log(
      `[${label}] reader page ${PAGES.reader}: ${reader.rps.toFixed(0)} req/s, p99 ${reader.p99} ms, ${(reader.bytes / 1024).toFixed(1)} KB`,
    );
    if (gzip) console.log(`[${label}] reader/trivial: ${((100 * reader.rps) / trivial.rps).toFixed(0)} %`);
  }
  const bytes = Object.fromEntries(
    await Promise.all(Object.values(PAGES).map(async (path) => [path, await (await fetch(`${base}${path}`)).text()])),
  );
  const plain = await startPlainServer(bytes);
  try {
    const trivial = await load(plain.url, PAGES.trivial);
    const reader = await load(plain.url, PAGES.reader);
    console.log(
      `[bound] plain Node server, same bytes from memory: trivial ${trivial.rps.toFixed(0)} req/s, reader ${reader.rps.toFixed(0)} req/s`,
    );
    console.log(
      `[bound] plain server's reader / the app's trivial page: ${((100 * reader.rps) / runs.identity!.trivial).toFixed(0)} %`,
    );
  } finally {
    plain.stop();
  }
  console.log(`[identity] reader/trivial: ${((100 * runs.identity!.reader) / runs.identity!.trivial).toFixed(0)} %`);
} finally {
  app.stop();
  await database.drop();
}
