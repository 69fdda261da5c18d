import 'server-only';
import { EventEmitter } from 'node:events';
import pg from 'pg';
import PgBoss from 'pg-boss';
import { databaseProvider } from '@/lib/db.server';
import { env } from '@/lib/env.server';
import { AppError } from '@/lib/errors';
import { expirePaths } from '@/lib/page-cache/expire.mjs';
import type { JobDefinition, JobResult } from './types';

// The job queue on PostgreSQL (docs/decisions/038-job-queue.md): pg-boss 10 keeps jobs in the same
// database, in its own schema `pgboss`. Web processes enqueue; a process that works jobs (each web
// process with JOB_WORKER=embedded, else `npm run worker`) runs them. SQLite has no queue: jobs run
// in the process that asks for them (./service.server.ts).

/** How a job ended, as stored in pg-boss's `output`: its result, or the expected failure it refused with. */
type Outcome = JobResult | { paths: []; refused: { key: string; status: number } };

type State = {
  boss: Promise<PgBoss>;
  /** Queues created (and their settings written) by this process. */
  queues: Map<string, Promise<void>>;
  /** Queues this process works, with pg-boss's worker id (to wake it when this process enqueues). */
  workers: Map<string, Promise<string>>;
};

// One pg-boss per process; on globalThis so dev-mode module reloads do not open more pools.
const holder = globalThis as unknown as { lesebrueckeJobs?: State; lesebrueckeJobProgress?: EventEmitter };

/**
 * A job this process works reports its progress here; a request in this process following it listens.
 * On globalThis too: the server's instrumentation (which starts the workers) and the routes are
 * bundled apart, each with its own copy of this module.
 */
const progressBus = (holder.lesebrueckeJobProgress ??= new EventEmitter().setMaxListeners(0));

function state(): State {
  if (!holder.lesebrueckeJobs) {
    const boss = new PgBoss({
      connectionString: env.DATABASE_URL,
      // A handful of connections: the web process has Prisma's pool for everything else.
      max: 4,
      // No cron jobs; expiry of jobs whose worker died (kill -9) is found by maintenance: often enough
      // that a retried publish starts within a minute of its expiry.
      schedule: false,
      maintenanceIntervalSeconds: 30,
    });
    boss.on('error', (error) => console.error(new Error('job queue', { cause: error })));
    const started = boss.start();
    holder.lesebrueckeJobs = { boss: started, queues: new Map(), workers: new Map() };
    // A start that failed (database down) is tried again by the next caller.
    started.catch(() => {
      if (holder.lesebrueckeJobs?.boss === started) holder.lesebrueckeJobs = undefined;
    });
  }
  return holder.lesebrueckeJobs;
}

/** Creates the queue of `definition` once per process, with its retry and expiry settings. */
async function queueOf(definition: JobDefinition): Promise<PgBoss> {
  const { boss, queues } = state();
  const ready = await boss;
  let created = queues.get(definition.name);
  if (!created) {
    const options = {
      name: definition.name,
      retryLimit: definition.retryLimit,
      retryDelay: definition.retryDelaySeconds,
      retryBackoff: true,
      expireInSeconds: definition.expireInSeconds,
    };
    // Created one at a time: pg-boss's create_queue of two queues at once can deadlock (each adds a
    // partition to the job table). A process that lost such a race to another finds the queue made.
    const previous = [...queues.values()].at(-1) ?? Promise.resolve();
    created = previous
      .catch(() => {})
      .then(async () => {
        if (!(await ready.getQueue(definition.name))) {
          await ready.createQueue(definition.name, options).catch(async (error: unknown) => {
            if (!(await ready.getQueue(definition.name))) throw error;
          });
        }
        // Settings changed in the code reach a queue created earlier.
        await ready.updateQueue(definition.name, options);
      });
    queues.set(definition.name, created);
    created.catch(() => queues.delete(definition.name));
  }
  await created;
  return ready;
}

// pg-boss 10 has no heartbeat: a job whose worker was killed stays `active` until its expiry (minutes,
// above the longest legitimate run). So each process that works jobs holds, on a PostgreSQL session of
// its own (its lease), an advisory lock per job it runs. PostgreSQL releases a session's locks the moment
// its process dies, so a job that has been active for a few seconds and whose lock anyone can take has
// lost its worker: the reaper of any working process fails it, and pg-boss retries it at once
// (docs/decisions/038-job-queue.md).

/** How often a working process looks for jobs whose worker died. */
const REAP_INTERVAL_MS = 2_000;
/** A job fetched this recently may not hold its lock yet. */
const REAP_AFTER_SECONDS = 5;
/** A finished job's lock is kept this long, until pg-boss has surely marked it completed. */
const RELEASE_AFTER_MS = 10_000;

/** `query` runs one statement at a time on the lease's session (pg wants no overlapping queries). */
type Lease = {
  client: pg.Client;
  running: Set<string>;
  query: <R extends pg.QueryResultRow>(text: string, values: unknown[]) => Promise<pg.QueryResult<R>>;
};
const leaseHolder = globalThis as unknown as { lesebrueckeJobLease?: Promise<Lease> };

/** The job's lock key: the same for every process. */
const LOCK = 'hashtextextended($1, 15)';

/** This process's lease, opened (with its reaper) on first use. */
function lease(): Promise<Lease> {
  leaseHolder.lesebrueckeJobLease ??= (async () => {
    const client = new pg.Client({ connectionString: env.DATABASE_URL });
    client.on('error', (error) => console.error(new Error('job lease', { cause: error })));
    await client.connect();
    let last: Promise<unknown> = Promise.resolve();
    const opened: Lease = {
      client,
      running: new Set(),
      query: <R extends pg.QueryResultRow>(text: string, values: unknown[]) => {
        const next = last.catch(() => {}).then(() => client.query<R>(text, values));
        last = next;
        return next;
      },
    };
    const timer = setInterval(() => void reapJobsOfDeadWorkers(opened).catch(() => {}), REAP_INTERVAL_MS);
    timer.unref();
    client.once('end', () => {
      clearInterval(timer);
      leaseHolder.lesebrueckeJobLease = undefined;
    });
    return opened;
  })();
  leaseHolder.lesebrueckeJobLease.catch(() => (leaseHolder.lesebrueckeJobLease = undefined));
  return leaseHolder.lesebrueckeJobLease;
}

/** Fails (for a retry) every job active for a while whose lock nobody holds: its worker is gone. */
async function reapJobsOfDeadWorkers({ query, running }: Lease): Promise<void> {
  const active = await query<{ id: string; name: string }>(
    `SELECT id::text, name FROM pgboss.job WHERE state = 'active' AND started_on < now() - make_interval(secs => $1)`,
    [REAP_AFTER_SECONDS],
  );
  const current = holder.lesebrueckeJobs;
  if (!current || active.rowCount === 0) return;
  const boss = await current.boss;
  for (const { id, name } of active.rows) {
    // This session's own locks are re-entrant: its own jobs would look free.
    if (running.has(id)) continue;
    const { rows } = await query<{ free: boolean }>(`SELECT pg_try_advisory_lock(${LOCK}) AS free`, [id]);
    if (!rows[0]?.free) continue;
    try {
      // Still the same run (not already failed by another reaper and fetched again)?
      const still = await query(
        `SELECT 1 FROM pgboss.job WHERE id = $1::uuid AND state = 'active' AND started_on < now() - make_interval(secs => $2)`,
        [id, REAP_AFTER_SECONDS],
      );
      if (still.rowCount) await boss.fail(name, id, { message: 'its worker stopped (the job is retried)' });
    } finally {
      await query(`SELECT pg_advisory_unlock(${LOCK})`, [id]);
    }
  }
}

/** Runs a job's handler as a worker does: an expected refusal completes the job (no retry) and says so. */
async function workOne(definition: JobDefinition, id: string, data: unknown): Promise<Outcome> {
  const held = await lease();
  await held.query(`SELECT pg_advisory_lock(${LOCK})`, [id]);
  held.running.add(id);
  try {
    return await runHandler(definition, id, data);
  } finally {
    setTimeout(() => {
      held.running.delete(id);
      held.query(`SELECT pg_advisory_unlock(${LOCK})`, [id]).catch(() => {});
    }, RELEASE_AFTER_MS).unref();
  }
}

async function runHandler(definition: JobDefinition, id: string, data: unknown): Promise<Outcome> {
  try {
    return await performJob(definition, data, (value) => progressBus.emit(id, value));
  } catch (error) {
    if (error instanceof AppError) return { paths: [], refused: { key: error.key, status: error.status } };
    throw error;
  }
}

/**
 * What working a job is, queued or not: its handler on its validated input, then its stale paths
 * expired for every instance (expirePaths).
 */
export async function performJob<I, R extends JobResult, P>(
  definition: JobDefinition<I, R, P>,
  data: unknown,
  onProgress: (value: P) => void,
): Promise<R> {
  const result = await definition.run(definition.input.parse(data), onProgress);
  await expirePaths(result.paths);
  return result;
}

/** Makes this process work the queue of each definition (the worker script, or an embedded web process). */
export async function workJobs(definitions: readonly JobDefinition[]): Promise<void> {
  // The lease (and its reaper) from the start: a process that has not run a job yet still finds those
  // of workers that died.
  await lease();
  for (const definition of definitions) {
    const { workers } = state();
    let worker = workers.get(definition.name);
    if (!worker) {
      worker = queueOf(definition).then((boss) =>
        boss.work(definition.name, { batchSize: 1, pollingIntervalSeconds: 1 }, async ([job]) =>
          workOne(definition, job!.id, job!.data),
        ),
      );
      workers.set(definition.name, worker);
      worker.catch(() => workers.delete(definition.name));
    }
    await worker;
  }
}

/** Puts a job in its queue and returns its id. */
export async function enqueueJob<I>(definition: JobDefinition<I>, data: I): Promise<string> {
  const boss = await queueOf(definition);
  const id = await boss.send(definition.name, data as object);
  if (!id) throw new Error(`job ${definition.name} was not enqueued`);
  // This process works the queue: it need not wait for its next poll.
  const worker = state().workers.get(definition.name);
  if (worker) boss.notifyWorker(await worker);
  return id;
}

/** A job's state and output as pg-boss keeps them (also once archived), or null when it is unknown. */
export async function jobState(definition: JobDefinition, id: string) {
  const boss = await queueOf(definition);
  return boss.getJobById<object>(definition.name, id, { includeArchive: true });
}

/** How often a follower looks at the job's row: the state is the only sign of a job worked elsewhere. */
const FOLLOW_INTERVAL_MS = 250;

/**
 * Waits for the job to end and returns its result; an expected refusal throws as the AppError it was,
 * a job that failed for good (its retries spent) throws its message. Progress reaches `onProgress`
 * when this process works the job; a job worked by another process reports only its end.
 */
export async function followJob<R extends JobResult, P>(
  definition: JobDefinition<unknown, R, P>,
  id: string,
  onProgress?: (value: P) => void,
): Promise<R> {
  const listener = (value: P) => onProgress?.(value);
  progressBus.on(id, listener);
  try {
    for (;;) {
      const job = await jobState(definition as JobDefinition, id);
      if (!job) throw new Error(`job ${definition.name} ${id} is gone`);
      if (job.state === 'completed') {
        const outcome = job.output as Outcome;
        if ('refused' in outcome) throw new AppError(outcome.refused.key, outcome.refused.status);
        return outcome as R;
      }
      if (job.state === 'failed' || job.state === 'cancelled') {
        const { message } = (job.output ?? {}) as { message?: string };
        // The handler's own message (a refused dictionary file says why), as when it ran in-process.
        throw new Error(message ?? `job ${definition.name} ${id} ${job.state}`);
      }
      await new Promise((resolve) => setTimeout(resolve, FOLLOW_INTERVAL_MS));
    }
  } finally {
    progressBus.off(id, listener);
  }
}

/** Whether this process uses the queue: PostgreSQL. With SQLite jobs run in the asking process. */
export const queued = databaseProvider === 'postgresql';

/** Whether this process works queued jobs itself (embedded) or leaves them to `npm run worker`. */
export const worksJobs = env.JOB_WORKER === 'embedded';

/**
 * Readiness (GET /api/ready): with PostgreSQL, pg-boss has started (its schema is in place) and answers;
 * with SQLite there is no queue to wait for.
 */
export async function queueReady(): Promise<boolean> {
  if (!queued) return true;
  try {
    const boss = await state().boss;
    await boss.getQueues();
    return true;
  } catch {
    return false;
  }
}

/**
 * Stops this process's queue: no new jobs are fetched; a job running is given `graceMs` to finish and
 * is otherwise failed, which puts it back for a retry (the handlers are idempotent). Nothing when the
 * queue was never used.
 */
export async function stopJobs(graceMs = 30_000): Promise<void> {
  const current = holder.lesebrueckeJobs;
  if (!current) return;
  holder.lesebrueckeJobs = undefined;
  const boss = await current.boss.catch(() => null);
  await boss?.stop({ graceful: true, timeout: graceMs, wait: true });
  // Its locks go with it: a job that did not finish in time is anyone's at once.
  const held = await leaseHolder.lesebrueckeJobLease?.catch(() => null);
  await held?.client.end().catch(() => {});
}

/**
 * On SIGTERM or SIGINT: stops the queue as stopJobs does (a running job finishes within `graceMs` or
 * goes back for a retry), then exits with `exitCode(signal)`. A second signal does not hurry it.
 */
export function stopJobsOnSignals(graceMs: number, exitCode: (signal: NodeJS.Signals) => number): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    stopJobs(graceMs).then(
      () => process.exit(exitCode(signal)),
      (error: unknown) => {
        console.error(new Error('stopping the job queue', { cause: error }));
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
