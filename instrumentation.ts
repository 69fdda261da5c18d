// Runs once when the Next server starts (Next's instrumentation hook). NEXT_RUNTIME is Next's own
// build-time switch: the Node.js module is left out of any edge bundle.

/** Set by register() in the Node.js runtime: marks a request whose error says the database is unavailable. */
let markIfDatabaseUnavailable: ((error: unknown) => void) | undefined;

export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const [{ startEventLoopLog }, { isDatabaseUnavailable }, { requestOutcome }] = await Promise.all([
      import('./lib/event-loop.server'),
      import('./lib/db-retry.server'),
      import('./lib/request-outcome.server.mjs'),
    ]);
    startEventLoopLog();
    markIfDatabaseUnavailable = (error) => {
      const outcome = requestOutcome.getStore();
      if (outcome && isDatabaseUnavailable(error)) outcome.databaseUnavailable = true;
    };
    // On PostgreSQL with JOB_WORKER=embedded this instance works the job queue from the start, so that
    // a job left by an instance that died is retried here (docs/decisions/038-job-queue.md). Stopped by
    // a signal, it hands back a job it cannot finish within 10 s (exit codes as `next start`'s).
    const { queued, stopJobsOnSignals, workJobs, worksJobs } = await import('./lib/jobs/queue.server');
    if (queued && worksJobs) {
      const { ALL_JOBS } = await import('./lib/jobs/all.server');
      stopJobsOnSignals(10_000, (signal) => (signal === 'SIGTERM' ? 143 : 130));
      await workJobs(ALL_JOBS);
    }
  }
}

/**
 * Next's report of an error while handling a request, before it answers: one that says the database
 * is unavailable makes server.mjs answer 503 instead of 500 (lib/request-outcome.server.mjs). Synchronous
 * on purpose: Next does not wait for this hook before it writes the status.
 */
export function onRequestError(error: unknown): void {
  markIfDatabaseUnavailable?.(error);
}
