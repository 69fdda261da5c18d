// `npx tsx bench/server-cpu.bench.ts <label>=<distDir>[:next] …`: server CPU per request of existing
// production builds, side by side (A/B of a server-side change; ADR 012, ADR 020). CPU time (utime +
// stime of the server's process tree, from /proc) does not depend on how busy the machine is, which
// requests/s do. Each build is served by `node server.mjs`, or by `next start` with `:next` (a build
// of a commit before server.mjs); build them first, e.g.
//   NEXT_DIST_DIR=.next-a NEXT_TEST_TSCONFIG=tests/setup/tsconfig.test.json npx next build
// The database is a fresh seeded SQLite file. Linux only.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import autocannon from 'autocannon';
import { freePort, TEST_BUILD_ENV } from '../tests/setup/app-server';
import { createSqliteDatabase, REPO_ROOT, seed } from '../tests/setup/databases';

const ROUNDS = 3;
const REQUESTS = 2000;
const PATHS = ['/en/articles/chinas-kalkulation-waffenlieferungen', '/en/about'];
const TICKS_PER_SECOND = Number(execFileSync('getconf', ['CLK_TCK']).toString());

const builds = process.argv.slice(2).map((argument) => {
  const [label = '', target = ''] = argument.split('=');
  const [dist = '', server = 'server.mjs'] = target.split(':');
  return { label, dist, nextStart: server === 'next', results: new Map<string, number[]>() };
});
if (!builds.length) throw new Error('usage: server-cpu.bench.ts <label>=<distDir>[:next] …');

/** CPU seconds used so far by a process and its descendants. */
function cpuSeconds(pid: number): number {
  const children = (p: number): number[] => {
    const file = `/proc/${p}/task/${p}/children`;
    const ids = fs.existsSync(file) ? fs.readFileSync(file, 'utf8').split(/\s+/).filter(Boolean).map(Number) : [];
    return [p, ...ids.flatMap(children)];
  };
  let ticks = 0;
  for (const p of children(pid)) {
    try {
      const fields = fs.readFileSync(`/proc/${p}/stat`, 'utf8').split(') ')[1]!.split(' ');
      ticks += Number(fields[11]) + Number(fields[12]); // utime, stime
    } catch {
      // ended meanwhile
    }
  }
  return ticks / TICKS_PER_SECOND;
}

async function serve(dist: string, nextStart: boolean, port: number, databaseUrl: string): Promise<ChildProcess> {
  const command = nextStart ? ['node_modules/next/dist/bin/next', 'start'] : ['server.mjs'];
  const child = spawn(process.execPath, [...command, '-p', String(port), '-H', '127.0.0.1'], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      ...TEST_BUILD_ENV,
      NEXT_DIST_DIR: dist,
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      DATABASE_URL: databaseUrl,
      BETTER_AUTH_SECRET: 'test-only-secret-0123456789abcdef0123456789',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${dist}: the server exited with ${child.exitCode}`);
    if (
      await fetch(`http://127.0.0.1:${port}/en/about`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return child;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const database = await createSqliteDatabase();
seed(database.url);
const ports = await Promise.all(builds.map(() => freePort()));
const servers = await Promise.all(
  builds.map((build, index) => serve(build.dist, build.nextStart, ports[index]!, database.url)),
);
const url = (index: number, path: string) => `http://127.0.0.1:${ports[index]}${path}`;
try {
  for (const [index] of builds.entries()) {
    for (const path of PATHS) await autocannon({ url: url(index, path), connections: 10, amount: 500 });
  }
  for (let round = 0; round < ROUNDS; round++) {
    for (const [index, build] of builds.entries()) {
      for (const path of PATHS) {
        const before = cpuSeconds(servers[index]!.pid!);
        const result = await autocannon({ url: url(index, path), connections: 20, amount: REQUESTS });
        if (result.non2xx || result.errors)
          throw new Error(`${build.label} ${path}: ${result.non2xx} non-2xx, ${result.errors} errors`);
        const ms = ((cpuSeconds(servers[index]!.pid!) - before) * 1000) / REQUESTS;
        build.results.set(path, [...(build.results.get(path) ?? []), ms]);
      }
    }
  }
  for (const build of builds) {
    for (const [path, values] of build.results) {
      const sorted = values.toSorted((a, b) => a - b);
      console.log(
        `${build.label} ${path}: median ${sorted[Math.floor(sorted.length / 2)]!.toFixed(2)} ms CPU per request (${sorted.map((v) => v.toFixed(2)).join(', ')})`,
      );
    }
  }
} finally {
  for (const server of servers) server.kill('SIGTERM');
  await database.drop();
}
