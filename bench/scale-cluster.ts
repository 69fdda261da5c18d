// The cluster of scripts/cluster.mjs (nginx, two app instances, the worker, Redis) on a scale database,
// for the benchmarks that measure through nginx (bench:scale --cluster, bench:cluster-load).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startCluster } from '../scripts/cluster.mjs';
import { buildApp, DIST_DIR } from '../tests/setup/app-server';
import { REPO_ROOT } from '../tests/setup/databases';

/** The secret of the bench's instances: the scale database's sessions are the bench's own. */
const BENCH_SECRET = 'bench-only-secret-0123456789abcdef0123456789';

/**
 * Starts the cluster on `databaseUrl` (a database bench/scale-data.ts filled: migrated and seeded, so
 * nothing here prepares or reseeds it) from the build in DIST_DIR, built first when there is none or
 * with `build` (the fault drills reuse that build the same way). Each instance serves its own copy of
 * the build, so pages cached by another server of it are not read. The parts' logs go to a temporary
 * folder, kept when `stop` is asked to keep them (a run with errors).
 */
export async function startScaleCluster(databaseUrl: string, { build = false } = {}) {
  const buildId = path.join(REPO_ROOT, DIST_DIR, 'BUILD_ID');
  if (build || !fs.existsSync(buildId)) buildApp(databaseUrl);
  const builtAt = fs.statSync(buildId).mtime.toISOString().slice(0, 16);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lesebruecke-bench-cluster-'));
  const cluster = await startCluster({
    databaseUrl,
    distDir: DIST_DIR,
    copyBuild: true,
    dir,
    env: { BETTER_AUTH_SECRET: BENCH_SECRET },
  });
  // Ctrl-C or a kill of the bench stops the cluster as its end would (Node's default for these
  // signals exits without running the bench's `finally`). Handled every time, not once: tsx passes
  // a signal on to the bench, so one Ctrl-C or kill of the group arrives twice, and a second one
  // left to the default would end the bench in the middle of the stop, the instances orphaned.
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    void scaleCluster.stop().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const scaleCluster = {
    url: cluster.url,
    /** What the figures were measured on. */
    description: `nginx + ${cluster.instances.length} instances + worker + Redis, build ${DIST_DIR} of ${builtAt}Z (--build rebuilds)`,
    logs: dir,
    stop: async ({ keepLogs = false } = {}) => {
      await cluster.stop();
      if (!keepLogs) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  return scaleCluster;
}
