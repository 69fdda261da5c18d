#!/usr/bin/env node
// `npm test`: lint and formatting, typecheck, unit, integration (SQLite and PostgreSQL) and end-to-end tests, each suite its
// own process, timed, with a table of the times at the end. Without PostgreSQL or chromium those suites
// are skipped with a visible message; with CI=true they are required and a missing service fails the run.
//
// Two suites run at a time (on 2 cores most suites keep one busy), longest path first: the end-to-end
// suite (a production build, then a browser) starts as soon as the typecheck is done and the others run
// beside it. Not before: both point next-env.d.ts at their route types for a while. Each suite's output
// is printed whole when it ends, so outputs never interleave. Every suite runs even when another fails;
// the exit code says whether all passed.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import pg from 'pg';

const ci = process.env.CI === 'true';
const pgAdminUrl = process.env.TEST_PG_ADMIN_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const LANES = 2;
const env = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: '1',
  ...(process.stdout.isTTY && !process.env.NO_COLOR ? { FORCE_COLOR: '1' } : {}),
};

async function postgresAvailable() {
  const client = new pg.Client({ connectionString: pgAdminUrl, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

const vitest = (project) => [
  'node_modules/vitest/vitest.mjs',
  'run',
  '--config',
  'tests/vitest.config.ts',
  '--project',
  project,
];
/**
 * Started in this order as lanes free up (`after`: suites that must have ended first). The end-to-end
 * suite is by far the longest, so it starts as soon as it may.
 */
const suites = [
  { name: 'lint', args: ['node_modules/eslint/bin/eslint.js', '--max-warnings=0', '.'] },
  { name: 'typecheck', args: ['node_modules/tsx/dist/cli.mjs', 'tests/setup/typecheck.ts'] },
  { name: 'e2e', args: vitest('e2e'), after: ['typecheck'] },
  { name: 'format', args: ['node_modules/prettier/bin/prettier.cjs', '--check', '.'] },
  { name: 'unit', args: vitest('unit') },
  { name: 'integration-sqlite', args: vitest('integration-sqlite') },
  { name: 'integration-postgres', args: vitest('integration-postgres') },
];

const skipped = new Map();
if (!(await postgresAvailable()))
  skipped.set('integration-postgres', `PostgreSQL integration suite: no server answers at ${pgAdminUrl}`);
if (!fs.existsSync(chromiumPath))
  skipped.set('e2e', `end-to-end suite: no chromium at ${chromiumPath} (apt-get install chromium)`);
for (const reason of skipped.values()) console.log(`\n⚠ SKIPPED ${reason}${ci ? ' — required because CI=true' : ''}`);
if (ci && skipped.size) process.exit(1);

const runStarted = Date.now();
const results = [];

// Both Prisma clients, which everything else imports.
{
  console.log('\n▶ prisma clients');
  const started = Date.now();
  const generated = spawnSync(process.execPath, ['scripts/db-generate.mjs'], { stdio: 'inherit', env });
  results.push({ name: 'prisma clients', ok: generated.status === 0, ms: Date.now() - started });
  if (generated.status !== 0) {
    console.error('✖ prisma clients failed');
    process.exit(generated.status ?? 1);
  }
}

/** Runs one suite, its output kept until it ends. */
function runSuite(suite) {
  return new Promise((resolve) => {
    console.log(`\n▶ ${suite.name} started`);
    const started = Date.now();
    const child = spawn(process.execPath, suite.args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const output = [];
    child.stdout.on('data', (chunk) => output.push(chunk));
    child.stderr.on('data', (chunk) => output.push(chunk));
    child.on('close', (code, signal) => {
      const ms = Date.now() - started;
      const ok = code === 0;
      const text = Buffer.concat(output).toString('utf8');
      console.log(`\n━━ ${suite.name}: ${ok ? 'passed' : 'FAILED'} in ${clock(ms).trim()} ━━`);
      process.stdout.write(text.endsWith('\n') || !text ? text : `${text}\n`);
      if (!ok) console.error(`✖ ${suite.name} failed (${signal ?? `exit code ${code}`})`);
      // vitest's closing "Tests  N failed | N passed | N skipped (N)" line, for the table and the total.
      // eslint-disable-next-line no-control-regex -- terminal colour codes are what it strips
      const tests = /^\s*Tests\s+(\d.*?)\s*$/m.exec(text.replace(/\x1b\[[0-9;]*m/g, ''))?.[1];
      const count = (word) => Number(new RegExp(`(\\d+) ${word}`).exec(tests ?? '')?.[1] ?? 0);
      resolve({
        name: suite.name,
        ok,
        ms,
        tests,
        passed: count('passed'),
        failed: count('failed'),
        skipped: count('skipped'),
      });
    });
  });
}

const pending = suites.filter((suite) => !skipped.has(suite.name));
const ended = new Set(skipped.keys());
await new Promise((done) => {
  let running = 0;
  const next = () => {
    while (running < LANES) {
      const index = pending.findIndex((suite) => (suite.after ?? []).every((name) => ended.has(name)));
      if (index < 0) break;
      const [suite] = pending.splice(index, 1);
      running++;
      void runSuite(suite).then((result) => {
        results.push(result);
        ended.add(suite.name);
        running--;
        next();
      });
    }
    if (running === 0 && pending.length === 0) done();
  };
  next();
});

function clock(ms) {
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`.padStart(5);
}

const width = Math.max(...suites.map((suite) => suite.name.length), 'total (wall clock)'.length);
console.log(`\n${'suite'.padEnd(width)}  ${'result'.padEnd(7)}  ${'time'.padStart(5)}  tests`);
for (const name of ['prisma clients', ...suites.map((suite) => suite.name)]) {
  const row = results.find((result) => result.name === name);
  const outcome = row ? (row.ok ? 'passed' : 'FAILED') : 'skipped';
  console.log(
    `${name.padEnd(width)}  ${outcome.padEnd(7)}  ${row ? clock(row.ms) : ''}  ${row?.tests ?? ''}`.trimEnd(),
  );
}
console.log(`${'total (wall clock)'.padEnd(width)}  ${''.padEnd(7)}  ${clock(Date.now() - runStarted)}`);
if (skipped.size) console.log(`\n⚠ ${skipped.size} suite(s) skipped: ${[...skipped.values()].join('; ')}`);
const sum = (key) => results.reduce((total, result) => total + (result[key] ?? 0), 0);
console.log(`\ntests: ${sum('passed')} passed, ${sum('failed')} failed, ${sum('skipped')} skipped`);
const failed = results.filter((result) => !result.ok).map((result) => result.name);
if (failed.length) {
  console.error(`\n✖ failed: ${failed.join(', ')}`);
  process.exit(1);
}
