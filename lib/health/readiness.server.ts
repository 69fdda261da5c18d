import 'server-only';
import { db } from '@/lib/db.server';
import { queueReady } from '@/lib/jobs/service.server';
import { redisReady } from '@/lib/redis.server';

// What a load balancer, the cluster script and the fault drills ask before sending an instance work
// (docs/decisions/040-deployment-shape.md): liveness says the process answers at all; readiness says
// each service a request needs answers now. Every check has its own short deadline, so a service that
// hangs makes the instance not ready within that time instead of making the probe hang.

/** How long one check may take before it counts as down. */
export const CHECK_TIMEOUT_MS = 1_000;

export type CheckName = 'database' | 'redis' | 'queue';
export type Readiness = { ready: boolean; checks: Record<CheckName, boolean> };

/** `probe` within `timeoutMs`: true when it resolves truthy in time, false when it fails, is false or is late. */
export async function answersWithin(probe: () => Promise<unknown>, timeoutMs = CHECK_TIMEOUT_MS): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
  try {
    return await Promise.race([
      probe().then(
        (value) => Boolean(value),
        () => false,
      ),
      late,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

const CHECKS: Record<CheckName, () => Promise<unknown>> = {
  database: () => db.$queryRawUnsafe('SELECT 1'),
  // Both true where they are not configured (no REDIS_URL; SQLite has no queue).
  redis: redisReady,
  queue: queueReady,
};

/** Runs every check at once; ready when all pass. */
export async function readiness(): Promise<Readiness> {
  const names = Object.keys(CHECKS) as CheckName[];
  const results = await Promise.all(names.map((name) => answersWithin(CHECKS[name])));
  const checks = Object.fromEntries(names.map((name, index) => [name, results[index]])) as Record<CheckName, boolean>;
  return { ready: results.every(Boolean), checks };
}
