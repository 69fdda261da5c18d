// `npm run --silent bench:saturation [seconds]`: why a closed loop of 200 clients without reading time
// times out (issue 13 saw 3.2 % of requests time out at 10 s). wrk (Debian's `wrk`, a C client that
// needs little CPU) keeps 200 connections busy against (1) the app's reader page, (2) the app's trivial
// page, and (3) a plain Node server answering the reader page's bytes after burning the app's measured CPU
// time per reader page (no framework). If (3) shows the same tail as (1), the tail is a property of one
// saturated Node process, not of this app; a small concurrency gate in front of the work in (3) shows
// what fair queueing would give. Prints one line per case: requests/s, p50, p99, max, timeouts.
import { execFileSync, spawn } from 'node:child_process';
import { startApp } from '../tests/setup/app-server';
import { createSqliteDatabase, seed } from '../tests/setup/databases';

const DURATION_S = Number(process.argv[2] ?? 20);
const CONNECTIONS = 200;
const READER = '/en/articles/chinas-kalkulation-waffenlieferungen';
const TRIVIAL = '/en/about';

type Figures = { rps: number; p50: string; p99: string; max: string; timeouts: number };

function wrk(url: string, connections = CONNECTIONS, seconds = DURATION_S): Figures {
  const out = execFileSync('wrk', ['-t1', `-c${connections}`, `-d${seconds}s`, '--timeout', '10s', '--latency', url], {
    encoding: 'utf8',
  });
  const percentile = (p: string) => new RegExp(`^\\s+${p}%\\s+(\\S+)`, 'm').exec(out)?.[1] ?? '?';
  return {
    rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1]),
    p50: percentile('50'),
    p99: percentile('99'),
    max: /Latency\s+\S+\s+\S+\s+(\S+)/.exec(out)?.[1] ?? '?',
    timeouts: Number(/timeout (\d+)/.exec(out)?.[1] ?? 0),
  };
}

const show = (label: string, f: Figures) =>
  console.log(`${label}: ${f.rps.toFixed(0)} req/s, p50 ${f.p50}, p99 ${f.p99}, max ${f.max}, ${f.timeouts} timeouts`);

/** A plain Node server: `bytes` after `costMs` of CPU per request; with `gate`, at most that many at once, first come first served. */
async function startPlain(bytes: number, costMs: number, gate: number): Promise<{ url: string; stop: () => void }> {
  const program = `
    const http = require('node:http');
    const body = Buffer.alloc(${bytes}, 'a');
    let active = 0; const waiting = [];
    const admit = (task) => {
      if (${gate} > 0 && active >= ${gate}) return waiting.push(task);
      active++;
      task(() => { active--; const next = waiting.shift(); if (next) admit(next); });
    };
    const server = http.createServer((req, res) => admit((done) => setImmediate(() => {
      const end = performance.now() + ${costMs};
      while (performance.now() < end);
      res.writeHead(200, { 'content-type': 'text/html', 'content-length': body.length });
      res.end(body, done);
    }))).listen(0, '127.0.0.1', () => console.log(server.address().port));`;
  const child = spawn(process.execPath, ['-e', program], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<string>((resolve) =>
    child.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString().trim())),
  );
  return { url: `http://127.0.0.1:${port}/`, stop: () => child.kill() };
}

try {
  execFileSync('wrk', ['--version'], { stdio: 'ignore' });
} catch (error) {
  // wrk prints its version and exits 1; only a missing binary is an error here.
  if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
    console.error('bench:saturation needs wrk: apt-get install wrk');
    process.exit(1);
  }
}

const database = await createSqliteDatabase();
seed(database.url);
const app = await startApp(database.url);
let bytes = 0;
let costMs = 0;
try {
  for (const path of [READER, TRIVIAL]) wrk(`${app.url}${path}`, 10, 3); // warm up (and cache)
  bytes = Buffer.byteLength(await (await fetch(`${app.url}${READER}`)).text());
  // One client, one connection: the server's time per reader page, without queueing.
  const single = wrk(`${app.url}${READER}`, 1, 5);
  costMs = 1000 / single.rps;
  show(`[app] reader page ${READER}, 1 connection`, single);
  show(`[app] reader page, ${CONNECTIONS} connections`, wrk(`${app.url}${READER}`));
  show(`[app] trivial page ${TRIVIAL}, ${CONNECTIONS} connections`, wrk(`${app.url}${TRIVIAL}`));
} finally {
  app.stop();
  await database.drop();
}
for (const gate of [0, 4]) {
  const plain = await startPlain(bytes, costMs * 0.9, gate);
  try {
    const label = gate ? `at most ${gate} at once, first come first served` : 'no gate';
    show(
      `[plain Node] ${(bytes / 1024).toFixed(0)} KB after ${(costMs * 0.9).toFixed(2)} ms CPU, ${label}`,
      wrk(plain.url),
    );
  } finally {
    plain.stop();
  }
}
