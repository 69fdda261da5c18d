// `npm run --silent bench:reader`: requests/s of the reader page (the longer article) versus a trivial
// page of the same app, in the same run: 50 concurrent clients on loopback, production build, SQLite.
// Target: the reader reaches ≥ 80 % of the trivial page. Prints figures; the last line is the ratio.
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
  return { rps: result.requests.average, p99: result.latency.p99, bytes: result.throughput.average / result.requests.average };
}

const database = await createSqliteDatabase();
seed(database.url);
const app = await startApp(database.url);
const base = app.url;
try {
  for (const path of Object.values(PAGES)) await autocannon({ url: `${base}${path}`, connections: 10, duration: 2 }); // warm up
  // As browsers ask (gzip), then uncompressed; the figure that counts is the last line.
  for (const gzip of [true, false]) {
    const trivial = await load(base, PAGES.trivial, gzip);
    const reader = await load(base, PAGES.reader, gzip);
    const label = gzip ? 'gzip' : 'identity';
    console.log(`[${label}] trivial page ${PAGES.trivial}: ${trivial.rps.toFixed(0)} req/s, p99 ${trivial.p99} ms, ${(trivial.bytes / 1024).toFixed(1)} KB`);
    console.log(`[${label}] reader page ${PAGES.reader}: ${reader.rps.toFixed(0)} req/s, p99 ${reader.p99} ms, ${(reader.bytes / 1024).toFixed(1)} KB`);
    console.log(`[${label}] reader/trivial: ${((100 * reader.rps) / trivial.rps).toFixed(0)} %`);
  }
} finally {
  app.stop();
  await database.drop();
}
