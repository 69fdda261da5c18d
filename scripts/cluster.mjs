#!/usr/bin/env node
// @ts-check
// The app as a school runs it, on one machine (docs/decisions/040-deployment-shape.md): nginx in front
// as load balancer and static-file server, several app instances (server.mjs) on one PostgreSQL
// database, Redis for the shared page cache, sessions and rate limits, and one worker for the job
// queue. For trying and testing the multi-instance path; a real host runs the same parts under its own
// supervisor (README, "Running for a whole school").
//
//   npm run cluster                      prepare the database, build, start; Ctrl-C stops everything
//   npm run cluster -- --no-build        reuse the last build (.next)
//   npm run cluster -- --instances 3 --port 8080
//   npm run cluster -- stop              stop a cluster started from another terminal
//
// PostgreSQL is the machine's own (CLUSTER_DATABASE_URL, default
// postgresql://postgres@127.0.0.1:5432/lesebruecke_cluster; the database is created, migrated and
// seeded). Redis and nginx run as children of this script, with their files under .cluster/. The
// end-to-end suite starts the same cluster through `startCluster` (tests/e2e/cluster.e2e.test.ts).
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { contentSecurityPolicy, staticSecurityHeaders } from '../lib/security-headers.server.mjs';

/** PostgreSQL connections per instance and worker (DATABASE_POOL_SIZE). */
const CLUSTER_POOL_SIZE = 30;
const ROOT = path.resolve(import.meta.dirname, '..');
const DEFAULT_DATABASE_URL = 'postgresql://postgres@127.0.0.1:5432/lesebruecke_cluster';
/** What the cluster needs from Debian, by the command that must exist. */
const PACKAGES = { nginx: 'nginx', 'redis-server': 'redis-server' };

/** @typedef {{ name: string, child: import('node:child_process').ChildProcess, url?: string }} Part */
/**
 * @typedef {{
 *   url: string,
 *   redisUrl: string,
 *   instances: Part[],
 *   worker: Part,
 *   nginx: Part,
 *   stop: () => Promise<void>,
 *   stopRedis: () => Promise<() => Promise<void>>,
 *   restart: (name: string) => Promise<void>,
 * }} Cluster
 */

/** The absolute path of a command on PATH (or in /usr/sbin), or null. */
function which(/** @type {string} */ command) {
  for (const dir of [...(process.env.PATH ?? '').split(':'), '/usr/sbin', '/usr/local/sbin']) {
    const candidate = path.join(dir, command);
    if (dir && fs.existsSync(candidate)) return candidate;
  }
  return null;
}

/** The commands of PACKAGES that this machine lacks. */
export function missingServices() {
  return Object.keys(PACKAGES).filter((command) => !which(command));
}

/** nginx and redis-server, installed from Debian when missing and allowed (root, `install`). */
export function requireServices({ install = false } = {}) {
  const missing = missingServices();
  if (missing.length && install && process.getuid?.() === 0 && which('apt-get')) {
    const packages = missing.map((command) => PACKAGES[/** @type {keyof PACKAGES} */ (command)]);
    console.log(`cluster: installing ${packages.join(', ')} from Debian`);
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', ...packages], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  }
  const still = missingServices();
  if (still.length)
    throw new Error(`cluster: missing ${still.join(', ')} (sudo apt-get install -y ${still.join(' ')})`);
  return { nginx: /** @type {string} */ (which('nginx')), redis: /** @type {string} */ (which('redis-server')) };
}

/** A TCP port on 127.0.0.1 that nothing listens on now. */
export function freePort() {
  return /** @type {Promise<number>} */ (
    new Promise((resolve, reject) => {
      const server = net.createServer().listen(0, '127.0.0.1', () => {
        const address = server.address();
        server.close(() =>
          address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port')),
        );
      });
      server.on('error', reject);
    })
  );
}

/**
 * Polls `probe` until it answers true (a throw counts as "not yet") and resolves with the milliseconds
 * that took; fails after `timeoutMs`, or as soon as `child`, the process that should answer, has exited.
 * The one wait of the cluster, the drills and the tests' app server.
 */
export async function waitUntil(
  /** @type {() => Promise<boolean>} */ probe,
  /** @type {number} */ timeoutMs,
  /** @type {{ name?: string, child?: import('node:child_process').ChildProcess }} */ {
    name = 'condition',
    child,
  } = {},
) {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (child && (child.exitCode !== null || child.signalCode !== null)) {
      throw new Error(`${name} exited (${child.exitCode ?? child.signalCode})`);
    }
    if (await probe().catch(() => false)) return Date.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${name}: not within ${timeoutMs} ms`);
}

/** Resolves once `probe` returns true; fails when `part` exits first or after `timeoutMs`. */
const waitFor = (
  /** @type {() => Promise<boolean>} */ probe,
  /** @type {Part} */ part,
  /** @type {number} */ timeoutMs,
) => waitUntil(probe, timeoutMs, { name: `cluster: ${part.name}`, child: part.child });

const answersOk = (/** @type {string} */ url) => async () => (await fetch(url)).ok;

/** Redis answers PING on `port`. */
function redisAnswers(/** @type {number} */ port) {
  return () =>
    /** @type {Promise<boolean>} */ (
      new Promise((resolve) => {
        const socket = net.connect(port, '127.0.0.1', () => socket.write('PING\r\n'));
        socket.once('data', (data) => {
          socket.destroy();
          resolve(data.toString().startsWith('+PONG'));
        });
        socket.once('error', () => resolve(false));
      })
    );
}

/** nginx's headers for one location: `add_header` does not inherit once a location has its own. */
function headerLines(/** @type {Record<string, string>} */ headers) {
  return Object.entries(headers)
    .map(([name, value]) => `      add_header ${name} "${value}" always;`)
    .join('\n');
}

/**
 * The nginx configuration: round robin over the instances with passive health checks, static build
 * files from disk, and the client's address as nginx saw it (a forged X-Forwarded-For from outside
 * is replaced, never appended to: the instances trust only this proxy, ADR 017).
 */
/** @param {{ dir: string, port: number, instancePorts: number[], distDir: string, https?: boolean }} options */
export function nginxConfig({ dir, port, instancePorts, distDir, https = false }) {
  const staticHeaders = {
    ...staticSecurityHeaders({ https }),
    // A script or style file runs nothing itself; the policy is the one of a page without inline scripts.
    'Content-Security-Policy': contentSecurityPolicy({ hashes: [] }),
  };
  const asRoot = process.getuid?.() === 0;
  return `# Written by scripts/cluster.mjs; do not edit (it is rewritten at every start).
${asRoot ? 'user root;\n' : ''}daemon off;
worker_processes auto;
pid ${dir}/nginx.pid;
error_log ${dir}/nginx-error.log warn;
events { worker_connections 4096; }
http {
  include /etc/nginx/mime.types;
  access_log off;
  server_tokens off;
  # Build files are compressed here. The instances' answers come compressed already (server.mjs, ADR 047):
  # nginx passes an answer with a Content-Encoding through as it is, and the client's Accept-Encoding on.
  gzip on;
  gzip_types text/css application/javascript application/json image/svg+xml;
  client_body_temp_path ${dir}/nginx/body;
  proxy_temp_path ${dir}/nginx/proxy;
  fastcgi_temp_path ${dir}/nginx/fastcgi;
  uwsgi_temp_path ${dir}/nginx/uwsgi;
  scgi_temp_path ${dir}/nginx/scgi;
  # Server actions may carry a vocabulary CSV of up to 5 MB (next.config.mjs).
  client_max_body_size 6m;
  upstream app {
    # An instance that refuses connections is skipped for 2 s; nginx's open-source build has no active
    # probes, so /api/ready is for supervisors and the drills.
${instancePorts.map((p) => `    server 127.0.0.1:${p} max_fails=1 fail_timeout=2s;`).join('\n')}
    keepalive 64;
  }
  server {
    listen 127.0.0.1:${port};
    location /_next/static/ {
      alias ${path.resolve(ROOT, distDir)}/static/;
${headerLines({ ...staticHeaders, 'Cache-Control': 'public, max-age=31536000, immutable' })}
    }
    location / {
      proxy_pass http://app;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $remote_addr;
      proxy_set_header X-Forwarded-Proto $scheme;
      # A request no instance answered (refused, reset) goes to the next; one that was answered never twice.
      proxy_next_upstream error timeout;
      proxy_connect_timeout 2s;
      # Publishing streams its progress line by line.
      proxy_buffering off;
    }
  }
}
`;
}

/** Starts `args` as a child whose output goes to `dir/<name>.log`. */
/**
 * @param {string} name @param {string} command @param {string[]} args
 * @param {{ dir: string, env: NodeJS.ProcessEnv, cwd?: string }} options
 * @returns {Part}
 */
function startPart(name, command, args, { dir, env, cwd = ROOT }) {
  const log = fs.openSync(path.join(dir, `${name}.log`), 'a');
  const child = spawn(command, args, { cwd, env, stdio: ['ignore', log, log] });
  fs.closeSync(log);
  return { name, child };
}

/** Ends a part: `signal`, then SIGKILL when it has not exited after 10 s. */
export function stopPart(/** @type {Part} */ part, signal = /** @type {NodeJS.Signals} */ ('SIGTERM')) {
  const { child } = part;
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(undefined);
    });
    child.kill(signal);
  });
}

/**
 * Starts Redis, the worker, `instances` app instances of the build in `distDir` and nginx on `port`
 * (0: a free one) against `databaseUrl`, which must be migrated and seeded. Resolves when nginx
 * answers /api/ready with every instance healthy.
 * @param {{ databaseUrl: string, distDir?: string, instances?: number, port?: number, dir?: string,
 *   env?: Record<string, string>, redisPrefix?: string, copyBuild?: boolean }} options
 *   `copyBuild`: serve a copy of the build (without its compiler cache), removed at stop, for a
 *   cluster beside another server of the same build: Next writes the pages it caches into the build's
 *   folder, and the two must not read each other's pages (tests, drills)
 * @returns {Promise<Cluster>}
 */
export async function startCluster(options) {
  const { databaseUrl, instances: count = 2, env: extraEnv = {} } = options;
  let distDir = options.distDir ?? '.next';
  const binaries = requireServices();
  const dir = path.resolve(ROOT, options.dir ?? '.cluster');
  for (const sub of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'])
    fs.mkdirSync(path.join(dir, 'nginx', sub), { recursive: true });
  const port = options.port || (await freePort());
  const redisPort = await freePort();
  const taskServicePort = await freePort();
  const instancePorts = await Promise.all(Array.from({ length: count }, () => freePort()));
  const redisUrl = `redis://127.0.0.1:${redisPort}/0`;

  /** @type {Part[]} */
  const started = [];
  const stop = async () => {
    // Traffic first, then the app, then what the app needs.
    const order = ['nginx', 'instance', 'worker', 'redis'];
    for (const kind of order) {
      await Promise.all(
        started
          .filter((part) => part.name.startsWith(kind))
          .map((part) => stopPart(part, kind === 'nginx' ? 'SIGQUIT' : 'SIGTERM')),
      );
    }
    process.off('exit', endParts);
    fs.rmSync(path.join(dir, 'pids.json'), { force: true });
    if (options.copyBuild) fs.rmSync(path.join(ROOT, distDir), { recursive: true, force: true });
  };
  // Whatever ends this process (an uncaught error, process.exit) ends the parts it started: they are
  // its children, and nothing else would stop them. A stop that ran first leaves nothing to end.
  const endParts = () => {
    for (const { child } of started) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  process.once('exit', endParts);
  if (options.copyBuild) {
    const copy = `.next-cluster-${process.pid}-${port}`;
    fs.cpSync(path.join(ROOT, distDir), path.join(ROOT, copy), {
      recursive: true,
      filter: (source) => path.relative(path.join(ROOT, distDir), source) !== 'cache',
    });
    distDir = copy;
  }
  /** Redis on its port, as a part; again after a drill has stopped it. */
  const startRedis = async () => {
    const part = startPart(
      'redis',
      binaries.redis,
      ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir],
      { dir, env: process.env },
    );
    started.push(part);
    await waitFor(redisAnswers(redisPort), part, 10_000);
    return part;
  };
  try {
    let redis = await startRedis();

    /** @type {NodeJS.ProcessEnv} */
    const appEnv = {
      ...process.env,
      NODE_ENV: /** @type {const} */ ('production'),
      NEXT_TELEMETRY_DISABLED: '1',
      NEXT_DIST_DIR: distDir,
      DATABASE_URL: databaseUrl,
      REDIS_URL: redisUrl,
      ...(options.redisPrefix && { REDIS_PREFIX: options.redisPrefix }),
      JOB_WORKER: 'external',
      // The worker serves the instances' CPU-heavy tasks: no instance loads the lemma table (ADR 048).
      TASK_SERVICE_URL: `http://127.0.0.1:${taskServicePort}`,
      // nginx on this machine is the one proxy whose X-Forwarded-For the instances believe.
      TRUSTED_PROXIES: '127.0.0.1',
      // node-postgres's 10 made requests queue for a connection under load: bench:cluster-load's 300
      // learners had 43 review pages past 10 s with 10, none with 30 (docs/benchmarks.md). Two
      // instances and the worker stay well below PostgreSQL's default 100 connections.
      DATABASE_POOL_SIZE: process.env.DATABASE_POOL_SIZE ?? String(CLUSTER_POOL_SIZE),
      ...extraEnv,
    };
    const startWorker = () => {
      const part = startPart(
        'worker',
        process.execPath,
        // tsx as a loader of this very process (its CLI would run the worker in a child, which a kill
        // of the part would leave running).
        ['--conditions=react-server', '--import', 'tsx', 'scripts/worker.ts'],
        { dir, env: appEnv },
      );
      started.push(part);
      return part;
    };
    const startInstance = (/** @type {number} */ index) => {
      const instancePort = /** @type {number} */ (instancePorts[index]);
      const part = startPart(
        `instance-${index + 1}`,
        process.execPath,
        ['server.mjs', '-p', String(instancePort), '-H', '127.0.0.1'],
        { dir, env: appEnv },
      );
      started.push(part);
      return { ...part, url: `http://127.0.0.1:${instancePort}` };
    };
    const worker = startWorker();
    const instances = instancePorts.map((_, index) => startInstance(index));
    await Promise.all([
      ...instances.map((part) => waitFor(answersOk(`${part.url}/api/ready`), part, 120_000)),
      ...(appEnv.TASK_SERVICE_URL ? [waitFor(answersOk(`${appEnv.TASK_SERVICE_URL}/health`), worker, 120_000)] : []),
    ]);

    fs.writeFileSync(path.join(dir, 'nginx.conf'), nginxConfig({ dir, port, instancePorts, distDir }));
    const nginx = startPart('nginx', binaries.nginx, ['-p', dir, '-c', path.join(dir, 'nginx.conf')], {
      dir,
      env: process.env,
    });
    started.push(nginx);
    const url = `http://127.0.0.1:${port}`;
    await waitFor(answersOk(`${url}/api/ready`), nginx, 20_000);

    fs.writeFileSync(
      path.join(dir, 'pids.json'),
      JSON.stringify(Object.fromEntries(started.map((part) => [part.name, part.child.pid]))),
    );
    /** @type {Cluster} */
    const cluster = {
      url,
      redisUrl,
      instances,
      worker,
      nginx: { ...nginx, url },
      stop,
      // Stops Redis (a fault drill); the function returned starts it again on the same port.
      stopRedis: async () => {
        await stopPart(redis);
        return async () => {
          redis = await startRedis();
        };
      },
      // Starts a part that a drill killed again, in its place: 'worker' or 'instance-<n>' (when ready).
      restart: async (name) => {
        if (name === 'worker') {
          cluster.worker = startWorker();
          return;
        }
        const index = Number(name.replace('instance-', '')) - 1;
        const part = startInstance(index);
        cluster.instances[index] = part;
        await waitFor(answersOk(`${part.url}/api/ready`), part, 120_000);
      },
    };
    return cluster;
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * Creates the database of `url` when missing, then migrates and seeds it as `npm run setup` does.
 * @param {string} url
 * @param {{ quiet?: boolean }} [options] `quiet`: their output only when they fail
 */
export async function prepareDatabase(url, { quiet = false } = {}) {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"`);
  } finally {
    await client.end();
  }
  /** @type {import('node:child_process').ExecFileSyncOptions} */
  const how = { cwd: ROOT, env: { ...process.env, DATABASE_URL: url }, stdio: quiet ? 'pipe' : 'inherit' };
  const tsx = ['node_modules/tsx/dist/cli.mjs', '--conditions=react-server'];
  execFileSync(process.execPath, ['scripts/db-migrate.mjs', 'deploy'], how);
  execFileSync(process.execPath, [...tsx, 'prisma/seed.ts'], how);
  execFileSync(process.execPath, [...tsx, 'scripts/dict-ensure.ts'], how);
}

function alive(/** @type {number} */ pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** `npm run cluster -- stop`: ends the parts a cluster started from another terminal wrote down. */
function stopRecorded(/** @type {string} */ dir) {
  const file = path.join(dir, 'pids.json');
  if (!fs.existsSync(file)) {
    console.log('cluster: none running');
    return;
  }
  /** @type {Record<string, number>} */
  const pids = JSON.parse(fs.readFileSync(file, 'utf8'));
  // The script that started them stops them in order, when it still runs.
  const parts = pids.cluster && alive(pids.cluster) ? { cluster: pids.cluster } : pids;
  for (const [name, pid] of Object.entries(parts)) {
    try {
      process.kill(pid, name === 'nginx' ? 'SIGQUIT' : 'SIGTERM');
      console.log(`cluster: stopped ${name} (${pid})`);
    } catch {
      // already gone
    }
  }
  fs.rmSync(file, { force: true });
}

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      instances: { type: 'string', default: '2' },
      port: { type: 'string', default: '8080' },
      'no-build': { type: 'boolean', default: false },
    },
  });
  const dir = path.join(ROOT, '.cluster');
  if (positionals[0] === 'stop') return stopRecorded(dir);
  const databaseUrl = process.env.CLUSTER_DATABASE_URL ?? DEFAULT_DATABASE_URL;
  requireServices({ install: true });
  execFileSync(process.execPath, ['scripts/ensure-env.mjs'], { cwd: ROOT, stdio: 'inherit' });
  await prepareDatabase(databaseUrl);
  if (!values['no-build']) {
    console.log('cluster: next build');
    execFileSync(process.execPath, ['node_modules/next/dist/bin/next', 'build'], {
      cwd: ROOT,
      stdio: 'inherit',
      env: { ...process.env, NODE_ENV: 'production', DATABASE_URL: databaseUrl },
    });
  }
  const cluster = await startCluster({
    databaseUrl,
    instances: Number(values.instances),
    port: Number(values.port),
  });
  const pidFile = path.join(dir, 'pids.json');
  fs.writeFileSync(pidFile, JSON.stringify({ cluster: process.pid, ...JSON.parse(fs.readFileSync(pidFile, 'utf8')) }));
  console.log(`cluster: ready at ${cluster.url}`);
  for (const part of cluster.instances) console.log(`  ${part.name}: ${part.url} (pid ${part.child.pid})`);
  console.log(`  worker: pid ${cluster.worker.child.pid}; redis: ${cluster.redisUrl}; database: ${databaseUrl}`);
  console.log(`  logs: .cluster/*.log; Ctrl-C (or npm run cluster -- stop) stops everything`);
  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    console.log('\ncluster: stopping');
    await cluster.stop();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  // A part that dies on its own is reported; the others keep serving (nginx skips a dead instance).
  for (const part of [...cluster.instances, cluster.worker, cluster.nginx]) {
    part.child.on('exit', (code, signal) => {
      if (!stopping) console.error(`cluster: ${part.name} exited (${code ?? signal}); see .cluster/${part.name}.log`);
    });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
