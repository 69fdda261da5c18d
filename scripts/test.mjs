#!/usr/bin/env node
// `npm test`: typecheck, then unit, integration (SQLite and PostgreSQL) and end-to-end tests.
// Without PostgreSQL or chromium those suites are skipped with a visible message; with CI=true they
// are required and a missing service fails the run.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import pg from 'pg';

const ci = process.env.CI === 'true';
const pgAdminUrl = process.env.TEST_PG_ADMIN_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function run(label, command, args) {
  console.log(`\n▶ ${label}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
  if (result.status !== 0) {
    console.error(`✖ ${label} failed`);
    process.exit(result.status ?? 1);
  }
}

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

const projects = ['unit', 'integration-sqlite'];
const missing = [];
if (await postgresAvailable()) projects.push('integration-postgres');
else missing.push(`PostgreSQL integration suite: no server answers at ${pgAdminUrl}`);
if (fs.existsSync(chromiumPath)) projects.push('e2e');
else missing.push(`end-to-end suite: no chromium at ${chromiumPath} (apt-get install chromium)`);

for (const reason of missing) console.log(`\n⚠ SKIPPED ${reason}${ci ? ' — required because CI=true' : ''}`);
if (ci && missing.length) process.exit(1);

run('prisma clients', process.execPath, ['scripts/db-generate.mjs']);
run('typecheck', process.execPath, ['node_modules/typescript/bin/tsc', '--noEmit']);
run(`vitest (${projects.join(', ')})`, process.execPath, [
  'node_modules/vitest/vitest.mjs',
  'run',
  '--config',
  'tests/vitest.config.ts',
  ...projects.flatMap((p) => ['--project', p]),
]);
if (missing.length) console.log(`\n⚠ ${missing.length} suite(s) skipped: ${missing.join('; ')}`);
