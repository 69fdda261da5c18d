// `npm run --silent bench:reader [-- seconds] [-- --peer URL]`: requests/s of the reader page (the longer
// article) and of a trivial page of the same app, in the same run: 50 concurrent clients on loopback,
// production build (server.mjs, as `npm start` serves it), SQLite. Each page uncompressed ([identity]),
// as gzip and as brotli ([gzip], [br]: each client accepts that one encoding).
// The same-run reference ([bound]): a plain Node server sending the reader's very bytes (identity, and
// the app's gzip) from memory, with no framework: the most any server could do for these bytes against
// this client on this machine. Targets (issue 17): reader/bound ≥ 80 %, gzip/identity and br/identity
// ≥ 90 % (a page from the cache is compressed once, docs/decisions/047-compressed-once.md).
// `--peer URL` loads any running page with the same client settings (uncompressed) and prints the
// reader's identity req/s over the peer's.
import { type ChildProcess, spawn } from 'node:child_process';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { startApp } from '../tests/setup/app-server';
import { createSqliteDatabase, seed } from '../tests/setup/databases';
import { rawRequest } from '../tests/setup/raw-request';

const { values, positionals } = parseArgs({ options: { peer: { type: 'string' } }, allowPositionals: true });
const DURATION_S = Number(positionals[0] ?? 10);
const CONNECTIONS = 50;
const PAGES = { trivial: '/en/about', reader: '/en/articles/chinas-kalkulation-waffenlieferungen' };
const ENCODINGS = ['identity', 'gzip', 'br'] as const;
type Encoding = (typeof ENCODINGS)[number];

// What this benchmark started is stopped however it ends: done, failed, or interrupted.
const stops: (() => void)[] = [];
const stopAll = () => {
  for (const stop of stops.splice(0).reverse()) stop();
};
process.on('exit', stopAll);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    stopAll();
    process.exit(130);
  });
}

/**
 * Loads `url` for DURATION_S with CONNECTIONS clients that accept `encoding`; bytes are per response,
 * headers included. A failed request is an error, except from a peer, whose failures are counted.
 */
async function load(url: string, encoding: Encoding = 'identity', { peer = false } = {}) {
  const headers = encoding === 'identity' ? undefined : { 'accept-encoding': encoding };
  const result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION_S, headers });
  const failures = `${result.non2xx} non-2xx, ${result.errors} errors`;
  if (!peer && (result.non2xx || result.errors)) throw new Error(`${url}: ${failures}`);
  return {
    rps: result.requests.average,
    p99: result.latency.p99,
    kb: result.throughput.average / result.requests.average / 1024,
    failures: result.non2xx || result.errors ? ` (${failures})` : '',
  };
}

/** A page served from memory: its bytes and the Content-Encoding they are in. */
type PlainPage = { body: Buffer; encoding: Encoding };

/** A child process serving `pages` (path → bytes) from memory: no routing, no rendering, no cache lookup. */
async function startPlainServer(pages: Record<string, PlainPage>): Promise<string> {
  const program = `
    const http = require('node:http');
    let input = '';
    process.stdin.on('data', (chunk) => (input += chunk)).on('end', () => {
      const pages = Object.fromEntries(Object.entries(JSON.parse(input)).map(([path, page]) => {
        const headers = { 'content-type': 'text/html; charset=utf-8', 'content-length': Buffer.byteLength(page.body, 'base64') };
        if (page.encoding !== 'identity') headers['content-encoding'] = page.encoding;
        return [path, { body: Buffer.from(page.body, 'base64'), headers }];
      }));
      const server = http.createServer((req, res) => {
        const page = pages[req.url];
        if (!page) return res.writeHead(404).end();
        res.writeHead(200, page.headers);
        res.end(page.body);
      }).listen(0, '127.0.0.1', () => console.log(server.address().port));
    });`;
  const child: ChildProcess = spawn(process.execPath, ['-e', program], { stdio: ['pipe', 'pipe', 'inherit'] });
  stops.push(() => child.kill());
  const input = Object.fromEntries(
    Object.entries(pages).map(([path, page]) => [
      path,
      { body: page.body.toString('base64'), encoding: page.encoding },
    ]),
  );
  child.stdin!.end(JSON.stringify(input));
  const port = await new Promise<string>((resolve) =>
    child.stdout!.once('data', (chunk: Buffer) => resolve(chunk.toString().trim())),
  );
  return `http://127.0.0.1:${port}`;
}

const percent = (part: number, whole: number) => `${((100 * part) / whole).toFixed(0)} %`;

const database = await createSqliteDatabase();
stops.push(() => void database.drop());
seed(database.url);
const app = await startApp(database.url);
stops.push(app.stop);
const base = app.url;
for (const path of Object.values(PAGES)) {
  for (const encoding of ENCODINGS) {
    const headers = { 'accept-encoding': encoding };
    await autocannon({ url: `${base}${path}`, connections: 10, duration: 2, headers }); // warm up
  }
}

const reader: Partial<Record<Encoding, number>> = {};
for (const encoding of ENCODINGS) {
  const rps = { trivial: 0, reader: 0 };
  for (const [name, path] of Object.entries(PAGES) as [keyof typeof PAGES, string][]) {
    const result = await load(`${base}${path}`, encoding);
    rps[name] = result.rps;
    console.log(
      `[${encoding}] ${name} page ${path}: ${result.rps.toFixed(0)} req/s, p99 ${result.p99} ms, ${result.kb.toFixed(1)} KB`,
    );
  }
  reader[encoding] = rps.reader;
  console.log(`[${encoding}] reader/trivial: ${percent(rps.reader, rps.trivial)}`);
}

// The reader's bytes as the app sends them, for the plain server to send the same.
const bytes = async (path: string, encoding: Encoding): Promise<PlainPage> => {
  const answer = await rawRequest(`${base}${path}`, { headers: { 'accept-encoding': encoding } });
  if ((answer.headers['content-encoding'] ?? 'identity') !== encoding) throw new Error(`${path}: not ${encoding}`);
  return { body: answer.body, encoding };
};
const plain = await startPlainServer({
  '/reader': await bytes(PAGES.reader, 'identity'),
  '/reader.gz': await bytes(PAGES.reader, 'gzip'),
});
const bound = { identity: await load(`${plain}/reader`), gzip: await load(`${plain}/reader.gz`) };
console.log(
  `[bound] plain Node server, same bytes from memory: reader ${bound.identity.rps.toFixed(0)} req/s (${bound.identity.kb.toFixed(1)} KB), reader gzip ${bound.gzip.rps.toFixed(0)} req/s (${bound.gzip.kb.toFixed(1)} KB)`,
);

if (values.peer) {
  const peer = await load(values.peer, 'identity', { peer: true });
  console.log(`[peer] ${values.peer}: ${peer.rps.toFixed(0)} req/s, ${peer.kb.toFixed(1)} KB${peer.failures}`);
  console.log(`reader/peer: ${(reader.identity! / peer.rps).toFixed(1)} ×`);
}
console.log(`gzip reader/bound gzip: ${percent(reader.gzip!, bound.gzip.rps)}`);
console.log(`gzip/identity: ${percent(reader.gzip!, reader.identity!)}`);
console.log(`br/identity: ${percent(reader.br!, reader.identity!)}`);
console.log(`reader/bound: ${percent(reader.identity!, bound.identity.rps)}`);
stopAll();
